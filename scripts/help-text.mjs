// Runs after the compile (`npm run build`). dist/bin.cjs answers `--help` (of the program and of each
// command) from files written here, before loading the program (the start-up budget,
// bench/startup.mjs); test/bin.test.ts proves each file is what commander prints.
// - dist/help/<language>/<command>.txt: the help exactly as commander prints it in that language
//   (`index` is the program's own help, `report-merge` that of `report merge`).
// - dist/messages/language.cjs: the language rule (src/messages/language.ts) as CommonJS, compiled
//   here from the same source, so that bin.cjs chooses the language as main.js does without loading
//   the ES-module program.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';
import { parseArgv } from '../dist/cli.js';
import { useLanguage } from '../dist/messages/index.js';
import { LANGUAGES } from '../dist/messages/language.js';

const dist = new URL('../dist/', import.meta.url);

const source = readFileSync(new URL('../src/messages/language.ts', import.meta.url), 'utf8');
const { outputText } = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  fileName: 'language.ts',
});
writeFileSync(new URL('messages/language.cjs', dist), outputText);

/** The commands whose help bin.cjs answers, by file name, and the argv that asks commander for it. */
const HELP_PAGES = {
  index: [],
  check: ['check'],
  explain: ['explain'],
  report: ['report'],
  'report-merge': ['report', 'merge'],
  setup: ['setup'],
  demo: ['demo'],
  sandbox: ['sandbox'],
};

for (const language of LANGUAGES) {
  await useLanguage(language);
  const dir = new URL(`help/${language}/`, dist);
  mkdirSync(dir, { recursive: true });
  for (const [page, words] of Object.entries(HELP_PAGES)) {
    const parsed = parseArgv([...words, '--help']);
    if (parsed.command !== 'print') throw new Error(`${[...words, '--help'].join(' ')} parsed as ${parsed.command}`);
    writeFileSync(new URL(`${page}.txt`, dir), parsed.text);
  }
}
