import { describe, expect, it } from 'vitest';
import { parseDelayMs } from '../../src/inputs/delay.js';

describe('parseDelayMs', () => {
  it.each([
    ['1500', 1500],
    ['1500ms', 1500],
    ['30s', 30_000],
    ['2m', 120_000],
    [' 0 ', 0],
    ['10M', 600_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDelayMs(text, 600_000)).toEqual({ value: ms });
  });

  it.each([
    ['', 'empty'],
    ['fast', 'not-a-delay'],
    ['1.5s', 'not-a-delay'],
    ['-5', 'not-a-delay'],
    ['1h', 'not-a-delay'],
    ['11m', 'too-big'],
  ])('%j is refused (%s)', (text, problem) => {
    expect(parseDelayMs(text, 600_000)).toEqual({ problem });
  });
});
