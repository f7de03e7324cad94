// Writes docs/errors.md from the diagnosis catalog (run through `npm run errors-doc`, which builds
// first). test/diagnose/errors-doc.test.ts fails when the committed file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { renderErrorsDoc } = await import(pathToFileURL(join(root, 'dist', 'diagnose', 'errors-doc.js')).href);
const target = join(root, 'docs', 'errors.md');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderErrorsDoc());
console.log(`wrote ${target}`);
