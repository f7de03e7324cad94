import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueMessages, secretExpiresSchema, waitDurationSchema, warnDaysSchema } from '../../src/inputs/schemas.js';

/** The value, or the messages (ids and parameters) it is refused with. */
function parse(schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: z.ZodError } }, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? { ok: true as const, data: r.data } : { ok: false as const, messages: issueMessages(r.error!) };
}

describe('--wait duration', () => {
  it.each([
    ['90s', 90],
    ['30m', 1800],
    ['1h', 3600],
    ['1h30m', 5400],
    ['1h 30m 15s', 5415],
    [' 2M ', 120],
    ['24h', 86_400],
  ])('%s → %i seconds', (value, seconds) => {
    expect(parse(waitDurationSchema, value)).toEqual({ ok: true, data: seconds });
  });

  it.each(['30', '', 'm', '10 minutes', '5ms', '-5m', '1.5h', '2d', '30m1h'])('refuses %j with the expected form', (value) => {
    expect(parse(waitDurationSchema, value)).toEqual({ ok: false, messages: [{ id: 'input.wait.invalid', params: {} }] });
  });

  it.each(['0s', '25h', '0m'])('refuses %s as out of range', (value) => {
    expect(parse(waitDurationSchema, value)).toEqual({ ok: false, messages: [{ id: 'input.wait.range', params: {} }] });
  });
});

describe('--secret-expires date', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2024-02-29', '2024-02-29'],
    ['2020-01-01', '2020-01-01'],
    ['2026-03-31T14:05:00Z', '2026-03-31T14:05:00.000Z'],
    ['2026-03-31T16:05:00.5+02:00', '2026-03-31T14:05:00.500Z'],
  ])('accepts %s (past dates too: they are findings)', (value, normalised) => {
    expect(parse(secretExpiresSchema, value)).toEqual({ ok: true, data: normalised });
  });

  it.each(['3/31/2026', '31.03.2026', '2026-02-30', '2025-02-29', '2026-13-01', '2026-3-1', 'next year', '2026-03-31T14:05'])('refuses %j', (value) => {
    expect(parse(secretExpiresSchema, value)).toEqual({ ok: false, messages: [{ id: 'input.secret-expires.invalid', params: {} }] });
  });
});

describe('--warn-days', () => {
  it.each([['0', 0], ['30', 30], ['730', 730]])('accepts %s', (value, days) => expect(parse(warnDaysSchema, value)).toEqual({ ok: true, data: days }));
  it.each([['-1', 'too-small'], ['1.5', 'not-whole'], ['731', 'too-big'], ['soon', 'not-decimal']])('refuses %s', (value, problem) => {
    expect(parse(warnDaysSchema, value)).toEqual({ ok: false, messages: [{ id: 'input.warn-days.invalid', params: { max: 730, months: 24, problem } }] });
  });
});
