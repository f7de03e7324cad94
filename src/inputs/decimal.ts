/**
 * Numbers as a person types them. Kept free of zod so that `cli.ts` can use it for option parsing
 * without loading the schemas before a command runs.
 */

/** The range a number must fall in, and the words that say so. */
export interface DecimalRange {
  min: number;
  max: number;
  /** Digits after a decimal point are allowed (`0.5` seconds); otherwise a whole number is required. */
  fraction?: boolean;
  /** What is expected, e.g. `a number from 1 to 65535`. */
  expected: string;
  tooSmall: string;
  tooBig: string;
  notWhole?: string;
}

// Decimal digits only, as a person types a number. Number() would also take `0x94e9` (38121), `1e3`,
// `0b1` and ' ' (0), and an empty text would fall back to a default: each of those is refused here. A
// leading minus is read, so that `-3` is told its range rather than its spelling.
const DECIMAL = /^-?\d{1,15}(?:\.\d{1,15})?$/;

/**
 * THE parser for every number a user gives (flags, saved configuration, the sandbox's ports,
 * `--concurrency`): the value, or the reason it is refused. Blanks around the digits are ignored.
 */
export function parseDecimal(value: string, range: DecimalRange): { value: number } | { problem: string } {
  const text = value.trim();
  if (text === '') return { problem: 'is empty' };
  if (!DECIMAL.test(text)) return { problem: `must be ${range.expected}, in decimal digits` };
  const n = Number(text);
  if (!range.fraction && !Number.isInteger(n)) return { problem: range.notWhole ?? `must be a whole number: ${range.expected}` };
  if (n < range.min) return { problem: range.tooSmall };
  if (n > range.max) return { problem: range.tooBig };
  return { value: n };
}

