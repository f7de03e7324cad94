import { describe, expect, it } from 'vitest';
import { secretExpiresSchema, waitDurationSchema, warnDaysSchema } from '../../src/inputs/schemas.js';

function parse(schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ message: string }> } } }, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? { ok: true as const, data: r.data } : { ok: false as const, message: r.error!.issues.map((i) => i.message).join('; ') };
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
    expect(parse(waitDurationSchema, value)).toEqual({ ok: false, message: 'must be a duration such as 90s, 30m or 1h' });
  });

  it.each(['0s', '25h', '0m'])('refuses %s as out of range', (value) => {
    expect(parse(waitDurationSchema, value)).toEqual({ ok: false, message: 'must be between 1s and 24h' });
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
    const r = parse(secretExpiresSchema, value);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain('must be a date such as 2026-03-31');
  });
});

describe('--warn-days', () => {
  it.each([['0', 0], ['30', 30], ['730', 730]])('accepts %s', (value, days) => expect(parse(warnDaysSchema, value)).toEqual({ ok: true, data: days }));
  it.each([['-1', '0 or more'], ['1.5', 'whole number'], ['731', 'at most 730'], ['soon', 'number of days']])('refuses %s', (value, part) => {
    const r = parse(warnDaysSchema, value);
    expect(r.ok ? '' : r.message).toContain(part);
  });
});
