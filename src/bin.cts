#!/usr/bin/env node
// The executable. CommonJS on purpose: Node starts a CommonJS file a few milliseconds faster than an
// ES module (no module graph to link), which is most of the start-up budget for `--help` and
// `--version` (within 1.3× of bare `node -e 0`, bench/startup.mjs). Those answers come from files
// written at build time (the help per language and command); everything else loads the ES-module program (main.js).
import fs = require('node:fs');
import path = require('node:path');
import nodeModule = require('node:module');

const argv = process.argv.slice(2);

type LanguageRule = typeof import('./messages/language.js', { with: { 'resolution-mode': 'import' } });
type ProgramModule<Name extends 'main' | 'io'> = Name extends 'main'
  ? typeof import('./main.js', { with: { 'resolution-mode': 'import' } })
  : typeof import('./io.js', { with: { 'resolution-mode': 'import' } });

/**
 * The help page argv asks for, in the language main.js would speak: `--help` (the program's),
 * `<command> --help`, `report merge --help`, each with or without `--lang <language>`. The language
 * is chosen by the same rule as main.js's (dist/messages/language.cjs, compiled from the same source).
 */
function helpFile(): string | undefined {
  const { chooseLanguage, langFlagOf, systemLocale } = require('./messages/language.cjs') as LanguageRule;
  const words = argv.filter((arg, i) => arg !== '--lang' && !arg.startsWith('--lang=') && argv[i - 1] !== '--lang');
  const last = words.at(-1);
  if (last !== '--help' && last !== '-h') return undefined;
  const page = words.slice(0, -1);
  if (page.length > 2 || !page.every((word) => /^[a-z]+$/.test(word))) return undefined;
  const choice = chooseLanguage({ flag: langFlagOf(argv), env: process.env, systemLocale });
  // A language the tool does not know is refused by the program, in one line.
  if (!choice.ok) return undefined;
  return path.join(__dirname, 'help', choice.language, `${page.length === 0 ? 'index' : page.join('-')}.txt`);
}

/** The help (written by scripts/help-text.mjs after the compile, as commander prints it) and the version. */
function prebuiltAnswer(): string | undefined {
  try {
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
      return `${(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version}\n`;
    }
    const file = helpFile();
    if (file) return fs.readFileSync(file, 'utf8');
  } catch {
    // A build without the help files (a bare `tsc`), or a page there is none for: the program below answers, only slower.
  }
  return undefined;
}

/** Everything but the two answers above: the ES-module program, and the one process.exit. */
async function runProgram(): Promise<void> {
  // A reader that has gone away (`… | head -1`) is not a failure of the check: the rest is not printed.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  // Node ≥ 22.1 can keep V8's compiled code between runs (in the OS temp directory): the parser and
  // each command's libraries, loaded after this line, then start faster every time. Node 20 has no
  // compile cache; nothing happens there. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // The bundle of main.js and io.js (scripts/bundle.mjs): the same modules in a few chunks, which
  // Node loads faster than the compiled files one by one. Typed by the modules it was built from.
  const bundled = (name: 'main' | 'io'): Promise<unknown> => import(`./program/${name}.js`);
  const [{ main }, { processIO }] = (await Promise.all([bundled('main'), bundled('io')])) as [ProgramModule<'main'>, ProgramModule<'io'>];
  const exitCode = await main(argv, processIO());
  // process.exit drops whatever a pipe has not taken yet, and a fleet's JSON is far more than a pipe
  // holds: wait until everything written has been handed over (an empty write's callback comes last).
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
  // The only place that ends the process; everything below returns an exit code or throws a CliError.
  process.exit(exitCode);
}

const answer = prebuiltAnswer();
if (answer === undefined) void runProgram();
else {
  // Nothing else runs: the process ends by itself once the text is handed over (exit code 0), and
  // a reader that has gone away is ignored, as above.
  process.stdout.on('error', () => undefined);
  process.stdout.write(answer);
}
