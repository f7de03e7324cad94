#!/usr/bin/env node
import * as nodeModule from 'node:module';
import { main } from './main.js';
import { processIO } from './io.js';

// Node ≥ 22.1 can keep V8's compiled code between runs (in the OS temp directory): the parser and
// each command's libraries, loaded after this line, then start faster every time. Node 20 has no
// compile cache; nothing happens there. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A reader that has gone away (`… | head -1`) is not a failure of the check: the rest is not printed.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

const exitCode = await main(process.argv.slice(2), processIO());
// process.exit drops whatever a pipe has not taken yet, and a fleet's JSON is far more than a pipe
// holds: wait until everything written has been handed over (an empty write's callback comes last).
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
// The only place that ends the process; everything below returns an exit code or throws a CliError.
process.exit(exitCode);
