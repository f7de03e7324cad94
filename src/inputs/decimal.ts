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

/** The range and the words that say so (the older interface, for callers that still pass words). */
export interface DecimalRange extends DecimalLimits {
  /** What is expected, e.g. `a number from 1 to 65535`. */
  expected: string;
  tooSmall: string;
  tooBig: string;
  notWhole?: string;
}

/**
 * `readDecimal` with the caller's words. TODO(#11): for callers not yet moved to messages (the
 * fleet's `--concurrency` and `--shard`); new code words `readDecimal`'s problem through a message.
 */
export function parseDecimal(value: string, range: DecimalRange): { value: number } | { problem: string } {
  const read = readDecimal(value, range);
  if ('value' in read) return read;
  switch (read.problem) {
    case 'empty':
      return { problem: 'is empty' };
    case 'not-decimal':
      return { problem: `must be ${range.expected}, in decimal digits` };
    case 'not-whole':
      return { problem: range.notWhole ?? `must be a whole number: ${range.expected}` };
    case 'too-small':
      return { problem: range.tooSmall };
    case 'too-big':
      return { problem: range.tooBig };
  }
}
