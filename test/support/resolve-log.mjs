// Preloaded with `node --import` by test/module-graph.test.ts: logs every ES module Node resolves,
// one URL per line on stderr, so a test can see which packages an entry point loads.
// The hooks run on their own thread (module.register): process.stderr there is handed to the main
// thread asynchronously and loses lines when the process exits first, so the line is written to
// file descriptor 2 synchronously.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      'import { writeSync } from "node:fs"; export async function resolve(specifier, context, next) { const resolved = await next(specifier, context); writeSync(2, "resolved " + resolved.url + "\\n"); return resolved; }',
    ),
);
