import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Prometheus's own parser and linter, `promtool check metrics`: it reads the exposition format
 * exactly as the Prometheus server and node_exporter's textfile collector do, and it also flags
 * names against the naming conventions. .ci/run takes it out of Debian's `prometheus` package into
 * .cache/prometheus (without installing the package: no server, no service); an installed one, or
 * `PROMTOOL=<path>`, does as well.
 */
function findPromtool(): string | null {
  const candidates = [process.env.PROMTOOL, join(import.meta.dirname, '..', '..', '.cache', 'prometheus', 'usr', 'bin', 'promtool'), 'promtool'];
  for (const candidate of candidates) {
    if (!candidate) continue;
    if (spawnSync(candidate, ['--version'], { encoding: 'utf8' }).status === 0) return candidate;
  }
  return null;
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
  if (!PROMTOOL) throw new Error('promtool not found: .ci/run puts it into .cache/prometheus (or apt-get install prometheus, or PROMTOOL=<path>)');
  const run = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, findings: `${run.stdout}${run.stderr}`.trim() };
}
