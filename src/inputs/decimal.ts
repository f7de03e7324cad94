/**
 * Numbers as a person types them. Kept free of zod so that `cli.ts` can use it for option parsing
 * without loading the schemas before a command runs.
 */

/** The range a number must fall in. */
export interface DecimalLimits {
  min: number;
  max: number;
  /** Digits after a decimal point are allowed (`0.5` seconds); otherwise a whole number is required. */
  fraction?: boolean;
}

/** Why a typed number is refused: each caller words it with a message of its own field. */
export type DecimalProblem = 'empty' | 'not-decimal' | 'not-whole' | 'too-small' | 'too-big';
export const DECIMAL_PROBLEMS = ['empty', 'not-decimal', 'not-whole', 'too-small', 'too-big'] as const satisfies readonly DecimalProblem[];

// Decimal digits only, as a person types a number. Number() would also take `0x94e9` (38121), `1e3`,
// `0b1` and ' ' (0), and an empty text would fall back to a default: each of those is refused here. A
// leading minus is read, so that `-3` is told its range rather than its spelling.
const DECIMAL = /^-?\d{1,15}(?:\.\d{1,15})?$/;

/**
 * THE parser for every number a user gives (flags, saved configuration, the sandbox's ports,
 * `--concurrency`): the value, or why it is refused. Blanks around the digits are ignored.
 */
export function readDecimal(value: string, limits: DecimalLimits): { value: number } | { problem: DecimalProblem } {
  const text = value.trim();
  if (text === '') return { problem: 'empty' };
  if (!DECIMAL.test(text)) return { problem: 'not-decimal' };
  const n = Number(text);
  if (!limits.fraction && !Number.isInteger(n)) return { problem: 'not-whole' };
  if (n < limits.min) return { problem: 'too-small' };
  if (n > limits.max) return { problem: 'too-big' };
  return { value: n };
}
