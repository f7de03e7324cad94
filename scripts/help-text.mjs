// Runs after the compile (`npm run build`): writes the root help exactly as commander prints it to
// dist/help.txt, which dist/bin.cjs answers `--help` with before loading the program
// (the start-up budget, bench/startup.mjs). test/e2e/startup.test.ts proves the two are the same.
import { writeFileSync } from 'node:fs';
import { parseArgv } from '../dist/cli.js';

const parsed = parseArgv(['--help']);
if (parsed.command !== 'print') throw new Error(`--help parsed as ${parsed.command}`);
writeFileSync(new URL('../dist/help.txt', import.meta.url), parsed.text);
