/**
 * Numbers, counts, durations, dates and lists in a language's own conventions, through `Intl`
 * (Node ships full ICU). Language files use these inside their texts; logic passes numbers and dates,
 * never formatted strings.
 */
import type { Language } from './language.js';

const LOCALES: Record<Language, string> = { en: 'en-US', de: 'de-DE' };

/** The plural forms a text may give; `other` is required (CLDR: every language has it). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Formatter {
  readonly locale: string;
  /** The form for `n` (CLDR rules: English and German have `one` and `other`); `#` in a form is `n`, formatted. */
  plural(n: number, forms: PluralForms): string;
  /** A number in the language's digits and separators (`1,234.5` / `1.234,5`). */
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** A duration as people say it: `45 s`, `3 min 20 s`, `2 h 5 min`; whole units, largest two. */
  duration(ms: number): string;
  /** A calendar date (`2026-12-01` in English, as the tool always wrote it; `01.12.2026` in German). */
  date(d: Date): string;
  /** Date and time in UTC, to the second (the tool's timestamps are UTC). */
  dateTime(d: Date): string;
  /** `a, b and c` / `a, b und c`. */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** A size as limits are set: `1 MiB`, `64 KiB`, else bytes (`300 bytes` / `300 Byte`). */
  bytes(n: number): string;
  /** Quoted text: "…" in English, „…“ in German. */
  quote(text: string): string;
}

const cache = new Map<Language, Formatter>();

export function formatterFor(language: Language): Formatter {
  let formatter = cache.get(language);
  if (!formatter) cache.set(language, (formatter = createFormatter(language)));
  return formatter;
}

function createFormatter(language: Language): Formatter {
  const locale = LOCALES[language];
  // Made on first use, not when a catalog module is loaded: the first Intl object of a process loads
  // ICU's data (some 15 ms), which `check` would otherwise pay before its first connection opens.
  const lazy = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const rulesOf = lazy(() => new Intl.PluralRules(locale));
  const numbersOf = lazy(() => new Intl.NumberFormat(locale));
  const conjunction = lazy(() => new Intl.ListFormat(locale, { type: 'conjunction' }));
  const disjunction = lazy(() => new Intl.ListFormat(locale, { type: 'disjunction' }));
  const rules = { select: (n: number) => rulesOf().select(n) };
  const numbers = { format: (n: number) => numbersOf().format(n) };
  const lists = { conjunction: { format: (items: readonly string[]) => conjunction().format(items) }, disjunction: { format: (items: readonly string[]) => disjunction().format(items) } };
  // German sets a no-break space between a number and its unit ("30\u00a0Min."); ICU versions differ
  // in whether they do, so it is made sure of here.
  const unit = (value: number, name: 'second' | 'minute' | 'hour' | 'day') => {
    const text = new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
    return language === 'de' ? text.replace(/^([\d.,]+) /, '$1\u00a0') : text;
  };
  return {
    locale,
    plural(n, forms) {
      const form = forms[rules.select(n)] ?? forms.other;
      return form.replace(/#/g, numbers.format(n));
    },
    number: (n, options) => (options ? new Intl.NumberFormat(locale, options).format(n) : numbers.format(n)),
    duration(ms) {
      const seconds = Math.max(0, Math.round(ms / 1000));
      if (seconds < 60) return unit(seconds, 'second');
      const parts: [number, 'day' | 'hour' | 'minute' | 'second'][] = [
        [Math.floor(seconds / 86_400), 'day'],
        [Math.floor((seconds % 86_400) / 3600), 'hour'],
        [Math.floor((seconds % 3600) / 60), 'minute'],
        [seconds % 60, 'second'],
      ];
      const first = parts.findIndex(([value]) => value > 0);
      return parts
        .slice(first, first + 2)
        .filter(([value], i) => i === 0 || value > 0)
        .map(([value, name]) => unit(value, name))
        .join(' ');
    },
    date: (d) =>
      language === 'en'
        ? d.toISOString().slice(0, 10)
        : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d),
    dateTime: (d) =>
      language === 'en'
        ? d.toISOString().replace(/\.\d{3}Z$/, 'Z')
        : `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(d)} UTC`,
    list: (items, type = 'conjunction') => lists[type].format(items),
    bytes(n) {
      const mib = 1024 * 1024;
      if (n >= mib && n % mib === 0) return `${numbers.format(n / mib)}${language === 'de' ? '\u00a0' : ' '}MiB`;
      if (n >= 1024 && n % 1024 === 0) return `${numbers.format(n / 1024)}${language === 'de' ? '\u00a0' : ' '}KiB`;
      return language === 'de' ? `${numbers.format(n)}\u00a0Byte` : rules.select(n) === 'one' ? `${numbers.format(n)} byte` : `${numbers.format(n)} bytes`;
    },
    quote: (text) => (language === 'de' ? `„${text}“` : `"${text}"`),
  };
}

/** A place in a portal: its labels from the vocabulary, in the order the admin clicks them. */
export function portalPath(...labels: readonly string[]): string {
  return labels.join(' → ');
}
