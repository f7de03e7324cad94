import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

let checked = false;

/**
 * End-to-end tests spawn the built CLI (dist/), as users run it. `npm test` builds first; this guard,
 * run before the first spawn, stops a run against a missing or stale build, which would test
 * yesterday's code.
 */
export function assertFreshBuild(): void {
  if (checked) return;
  const root = join(import.meta.dirname, '..', '..');
  const bin = join(root, 'dist', 'bin.js');
  if (!existsSync(bin)) throw new Error('dist/bin.js is missing: run `npm test` (or `npm run build` before vitest).');
  const built = statSync(bin).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  // tsc rewrites every output file, so bin.js is as new as the build itself.
  if (newest(join(root, 'src')) > built + 1000) throw new Error('dist/ is older than src/: run `npm test` (or `npm run build` before vitest).');
  checked = true;
}
