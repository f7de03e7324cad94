import { expect } from 'vitest';

/**
 * One performance datum as the Monitoring Plugins guidelines define it: `label=value[UOM];[warn];[crit];[min];[max]`,
 * the label unquoted (so never a space, `=` or `'`), the value a number or `U` (undetermined), the
 * UOM one of the listed ones (s, ms, us, %, B, KB, MB, TB, c), thresholds as ranges (`10`, `10:`, `~:10`, `@10:20`).
 */
export const PERFDATUM = /^[a-z_]+=(?:U|-?\d+(?:\.\d+)?(?:s|ms|us|%|B|KB|MB|TB|c)?)(?:;(?:@?(?:~|-?\d+(?:\.\d+)?)?:?(?:-?\d+(?:\.\d+)?)?)){0,4}$/;

/**
 * Splits a plugin's output as Nagios and Icinga do: the first line's text before `|` is the status,
 * after it the performance data; the other lines are the long output (where a `|` would start more
 * performance data, so none may appear there).
 */
export function parsePluginOutput(text: string): { status: string; perfdata: string[]; long: string[] } {
  const [first = '', ...long] = text.replace(/\n$/, '').split('\n');
  const [status = '', perf = '', ...more] = first.split('|');
  expect(more, 'one | on the status line').toEqual([]);
  for (const line of long) expect(line, 'a | in the long output would start performance data').not.toContain('|');
  return { status: status.trim(), perfdata: perf.trim().split(' ').filter(Boolean), long };
}

/** The performance data of a plugin output, each datum checked against the guidelines' syntax. */
export function validPerfdata(text: string): Record<string, string> {
  const { perfdata } = parsePluginOutput(text);
  for (const datum of perfdata) expect(datum).toMatch(PERFDATUM);
  return Object.fromEntries(perfdata.map((d) => [d.slice(0, d.indexOf('=')), d.slice(d.indexOf('=') + 1)]));
}
