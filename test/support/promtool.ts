import { spawnSync } from 'node:child_process';

/**
 * Prometheus's own parser and linter, `promtool check metrics` (Debian's `prometheus` package, which
 * .ci/run installs like tmux): it reads the exposition format exactly as the Prometheus server and
 * node_exporter's textfile collector do, and it also flags names against the naming conventions.
 */
function findPromtool(): string | null {
  const found = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  return found.status === 0 ? 'promtool' : null;
}

export const PROMTOOL = findPromtool();

/**
 * Where promtool must be there: CI on Linux (.ci/run installs it), so a failed install fails the
 * tests instead of skipping them. Elsewhere (a developer's machine without it, the Windows and macOS
 * jobs, where Debian's package does not exist) the promtool tests are skipped for that reason; the
 * exact-text tests of the same output run everywhere.
 */
export const PROMTOOL_REQUIRED = process.env.CI === 'true' && process.platform === 'linux';

/** `promtool check metrics` on `text`: its exit status and everything it said (empty when the text is valid and lint-free). */
export function promtoolCheck(text: string): { status: number | null; findings: string } {
  if (!PROMTOOL) throw new Error('promtool is not installed (Debian: apt-get install prometheus); .ci/run installs it');
  const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, findings: `${run.stdout}${run.stderr}`.trim() };
}
