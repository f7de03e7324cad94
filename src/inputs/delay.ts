/**
 * A short delay given on the command line (`sandbox --replication-delay`): `1500` or `1500ms`
 * (milliseconds), `30s`, `2m`. Not `check --wait`'s schema: that one refuses a bare number and
 * counts in seconds; the sandbox's delays are milliseconds, like `--latency`.
 */
export type DelayProblem = 'empty' | 'not-a-delay' | 'too-big';

const UNIT_MS: Readonly<Record<string, number>> = { '': 1, ms: 1, s: 1000, m: 60_000 };

export function parseDelayMs(value: string, maxMs: number): { value: number } | { problem: DelayProblem } {
  const text = value.trim().toLowerCase();
  if (text === '') return { problem: 'empty' };
  const m = /^(\d{1,9})(ms|s|m)?$/.exec(text);
  if (!m) return { problem: 'not-a-delay' };
  const ms = Number(m[1]) * UNIT_MS[m[2] ?? '']!;
  if (ms > maxMs) return { problem: 'too-big' };
  return { value: ms };
}
