// Preloaded with `node --import` by test/module-graph.test.ts: logs every ES module Node resolves,
// one URL per line on stderr, so a test can see which packages an entry point loads.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) { const resolved = await next(specifier, context); process.stderr.write("resolved " + resolved.url + "\\n"); return resolved; }',
    ),
);
