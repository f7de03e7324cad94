// Writes the error reference from the diagnosis catalog: docs/errors.md in English and
// docs/errors.de.md in German (run through `npm run errors-doc`, which builds first).
// test/diagnose/errors-doc.test.ts fails when a committed file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { renderErrorsDoc, ERRORS_DOC_FILES } = await import(pathToFileURL(join(root, 'dist', 'diagnose', 'errors-doc.js')).href);
for (const [language, file] of Object.entries(ERRORS_DOC_FILES)) {
  const target = join(root, file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, renderErrorsDoc(language));
  console.log(`wrote ${target}`);
}
