import { describe, expect, it } from 'vitest';
import { formatterFor, portalPath } from '../../src/messages/format.js';

const en = formatterFor('en');
const de = formatterFor('de');

describe('formatterFor: numbers, counts, durations, dates, lists and quotes in each language', () => {
  it('plural: CLDR forms, # is the number in the language\'s digits', () => {
    const forms = { one: '# target', other: '# targets' };
    expect([0, 1, 2, 1234].map((n) => en.plural(n, forms))).toEqual(['0 targets', '1 target', '2 targets', '1,234 targets']);
    const formen = { one: '# Ziel', other: '# Ziele' };
    expect([0, 1, 2, 1234].map((n) => de.plural(n, formen))).toEqual(['0 Ziele', '1 Ziel', '2 Ziele', '1.234 Ziele']);
  });

  it('number: the separators of each language', () => {
    expect(en.number(1234.5)).toBe('1,234.5');
    expect(de.number(1234.5)).toBe('1.234,5');
  });

  it('duration: the largest two whole units', () => {
    expect([45_000, 200_000, 7_500_000, 90_061_000].map(en.duration)).toEqual(['45 sec', '3 min 20 sec', '2 hr 5 min', '1 day 1 hr']);
    expect([45_000, 200_000, 7_500_000, 90_061_000].map(de.duration)).toEqual(['45\u00a0Sek.', '3\u00a0Min. 20\u00a0Sek.', '2\u00a0Std. 5\u00a0Min.', '1\u00a0Tg. 1\u00a0Std.']);
    expect(de.duration(-5)).toBe('0\u00a0Sek.');
  });

  it('date and dateTime: ISO in English (as the tool always wrote it), German dates in German, UTC in both', () => {
    const d = new Date('2026-03-04T05:06:07.891Z');
    expect(en.date(d)).toBe('2026-03-04');
    expect(de.date(d)).toBe('04.03.2026');
    expect(en.dateTime(d)).toBe('2026-03-04T05:06:07Z');
    expect(de.dateTime(d)).toBe('04.03.2026, 05:06:07 UTC');
  });

  it('list: and / or in each language', () => {
    expect(en.list(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(de.list(['a', 'b', 'c'])).toBe('a, b und c');
    expect(en.list(['a', 'b'], 'disjunction')).toBe('a or b');
    expect(de.list(['a', 'b'], 'disjunction')).toBe('a oder b');
  });

  it('quote: "…" in English, „…“ in German', () => {
    expect(en.quote('Yes')).toBe('"Yes"');
    expect(de.quote('Ja')).toBe('„Ja“');
  });

  it('portalPath: the labels in click order', () => {
    expect(portalPath('App-Registrierungen', 'API-Berechtigungen')).toBe('App-Registrierungen → API-Berechtigungen');
  });
});

describe('bytes: one size formatter for every limit', () => {
  it.each([
    ['en', 1024 * 1024, '1 MiB'],
    ['en', 64 * 1024, '64 KiB'],
    ['en', 1, '1 byte'],
    ['en', 300, '300 bytes'],
    ['de', 16 * 1024 * 1024, '16\u00a0MiB'],
    ['de', 300, '300\u00a0Byte'],
    ['de', 1500, '1.500\u00a0Byte'],
  ] as const)('%s %d → %s', (language, n, expected) => {
    expect(formatterFor(language).bytes(n)).toBe(expected);
  });
});
