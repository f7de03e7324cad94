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
  const bin = join(root, 'dist', 'bin.cjs');
  if (!existsSync(bin)) throw new Error('dist/bin.cjs is missing: run `npm test` (or `npm run build` before vitest).');
  // Written after the compile by `npm run build`; a bare `tsc` leaves it out (or stale).
  const help = join(root, 'dist', 'help', 'en', 'index.txt');
  if (!existsSync(help) || statSync(help).mtimeMs + 1000 < statSync(bin).mtimeMs) throw new Error('dist/help/en/index.txt is missing or older than the compile: run `npm run build`, not only tsc.');
  // The program bin.cjs runs: bundled after the compile (scripts/bundle.mjs), so never older than it.
  const program = join(root, 'dist', 'program', 'main.js');
  if (!existsSync(program) || statSync(program).mtimeMs + 1000 < statSync(bin).mtimeMs) throw new Error('dist/program/main.js is missing or older than the compile: run `npm run build`, not only tsc.');
  const built = statSync(bin).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  // tsc rewrites every output file, so bin.cjs is as new as the build itself.
  if (newest(join(root, 'src')) > built + 1000) throw new Error('dist/ is older than src/: run `npm test` (or `npm run build` before vitest).');
  checked = true;
}
