/**
 * Which language the tool speaks. Pure: argv, the environment and the operating system's locale in,
 * a language out, so the rule is tested without touching the process.
 *
 * Order: `--lang`, then SMTP_OAUTH_LANG, then the POSIX locale variables in POSIX's order of
 * precedence (LC_ALL over LC_MESSAGES over LANG: the first one set decides, as it does for every
 * other program), then the locale the operating system gives Node's ICU (`Intl`): Windows sets no
 * LANG, and a German Windows Server must still get German. Anything else is English.
 */

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** `de`, `de_AT`, `de-CH`, `de_DE.UTF-8`, `de_DE@euro` → `de`; `C`, `POSIX`, `fr_FR` → null. */
export function languageOfLocale(locale: string): Language | null {
  const m = /^([a-z]{2,3})(?:[_-][a-z0-9]+)*(?:\.[\w-]+)?(?:@[\w-]+)?$/i.exec(locale.trim());
  const code = m?.[1]?.toLowerCase();
  return code !== undefined && isLanguage(code) ? code : null;
}

export interface LanguageSources {
  /** The value of `--lang`, when given. */
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  /**
   * The operating system's locale as Node's ICU reports it (systemLocale()),
   * or a function that asks for it: called only when nothing before it decides (ICU's first use costs
   * start-up time that `--help` does not have).
   */
  systemLocale?: string | (() => string | undefined) | undefined;
}

export type LanguageChoice =
  | { ok: true; language: Language; from: 'flag' | 'SMTP_OAUTH_LANG' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG' | 'system' | 'default' }
  | { ok: false; from: 'flag' | 'SMTP_OAUTH_LANG'; value: string };

/**
 * The language to speak. `--lang` and SMTP_OAUTH_LANG name a language the tool must know (else the
 * caller refuses the run: a typo should not silently give English); a POSIX locale naming another
 * language (`fr_FR.UTF-8`) means English, and stops the search there, as POSIX says.
 */
export function chooseLanguage(sources: LanguageSources): LanguageChoice {
  for (const [from, value] of [
    ['flag', sources.flag],
    ['SMTP_OAUTH_LANG', sources.env.SMTP_OAUTH_LANG],
  ] as const) {
    if (value === undefined || value === '') continue;
    const language = languageOfLocale(value);
    return language ? { ok: true, language, from } : { ok: false, from, value };
  }
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = sources.env[name];
    if (value === undefined || value === '') continue;
    return { ok: true, language: languageOfLocale(value) ?? 'en', from: name };
  }
  const locale = typeof sources.systemLocale === 'function' ? sources.systemLocale() : sources.systemLocale;
  const system = locale ? languageOfLocale(locale) : null;
  return system ? { ok: true, language: system, from: 'system' } : { ok: true, language: 'en', from: 'default' };
}

/**
 * The operating system's locale through ICU, or undefined when Node cannot tell. Every Intl service
 * resolves the same default locale; PluralRules is asked because it costs well under a millisecond,
 * where DateTimeFormat (time zone data) and NumberFormat cost tens of milliseconds at start-up.
 */
export function systemLocale(): string | undefined {
  try {
    return new Intl.PluralRules().resolvedOptions().locale;
  } catch {
    return undefined;
  }
}

/** `--lang de`, `--lang=de` in argv, read before parsing (the parser's own errors are in that language). */
export function langFlagOf(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') value = argv[i + 1];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  }
  return value;
}
