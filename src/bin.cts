#!/usr/bin/env node
// The executable. CommonJS on purpose: Node starts a CommonJS file a few milliseconds faster than an
// ES module (no module graph to link), which is most of the start-up budget for `--help` and
// `--version` (within 1.3× of bare `node -e 0`, bench/startup.mjs). Those two answers come from
// files written at build time; everything else loads the ES-module program (main.js).
import fs = require('node:fs');
import path = require('node:path');
import nodeModule = require('node:module');

const argv = process.argv.slice(2);

/** The root help, as commander prints it, written by scripts/help-text.mjs after the compile. */
function prebuiltAnswer(): string | undefined {
  if (argv.length !== 1) return undefined;
  try {
    if (argv[0] === '--version' || argv[0] === '-V') {
      return `${(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version}\n`;
    }
    if (argv[0] === '--help' || argv[0] === '-h') return fs.readFileSync(path.join(__dirname, 'help.txt'), 'utf8');
  } catch {
    // A build without help.txt (a bare `tsc`): the program below answers the same, only slower.
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
  const [{ main }, { processIO }] = await Promise.all([import('./main.js'), import('./io.js')]);
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
