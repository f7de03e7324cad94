import { describe, expect, it } from 'vitest';
import { chooseLanguage, langFlagOf, languageOfLocale, systemLocale } from '../../src/messages/language.js';

describe('languageOfLocale', () => {
  it.each([
    ['de', 'de'],
    ['de_AT', 'de'],
    ['de_CH', 'de'],
    ['de-DE', 'de'],
    ['de_DE.UTF-8', 'de'],
    ['de_DE@euro', 'de'],
    ['DE-de', 'de'],
    ['en_US.UTF-8', 'en'],
    ['en-GB', 'en'],
    ['C', null],
    ['POSIX', null],
    ['C.UTF-8', null],
    ['fr_FR', null],
    ['', null],
  ])('%j → %j', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});

describe('chooseLanguage: --lang, SMTP_OAUTH_LANG, LC_ALL, LC_MESSAGES, LANG, the system locale, English', () => {
  const choose = (flag: string | undefined, env: NodeJS.ProcessEnv, systemLocale?: string) => chooseLanguage({ flag, env, systemLocale });

  it('--lang first, over every variable', () => {
    expect(choose('en', { SMTP_OAUTH_LANG: 'de', LC_ALL: 'de_DE', LANG: 'de_DE' }, 'de-DE')).toEqual({ ok: true, language: 'en', from: 'flag' });
    expect(choose('de', { LANG: 'en_US' })).toEqual({ ok: true, language: 'de', from: 'flag' });
  });

  it('SMTP_OAUTH_LANG next, over the POSIX variables', () => {
    expect(choose(undefined, { SMTP_OAUTH_LANG: 'de', LC_ALL: 'en_US.UTF-8' })).toEqual({ ok: true, language: 'de', from: 'SMTP_OAUTH_LANG' });
    expect(choose(undefined, { SMTP_OAUTH_LANG: 'de_AT', LANG: 'en_US' })).toMatchObject({ language: 'de' });
  });

  it('a language the tool does not know, by flag or SMTP_OAUTH_LANG, is refused (not silently English)', () => {
    expect(choose('fr', {})).toEqual({ ok: false, from: 'flag', value: 'fr' });
    expect(choose(undefined, { SMTP_OAUTH_LANG: 'klingon' })).toEqual({ ok: false, from: 'SMTP_OAUTH_LANG', value: 'klingon' });
  });

  it('LC_ALL over LC_MESSAGES over LANG: the first one set decides, as POSIX says', () => {
    expect(choose(undefined, { LC_ALL: 'de_CH.UTF-8', LC_MESSAGES: 'en_US', LANG: 'en_US' })).toEqual({ ok: true, language: 'de', from: 'LC_ALL' });
    expect(choose(undefined, { LC_MESSAGES: 'de_DE', LANG: 'en_US' })).toEqual({ ok: true, language: 'de', from: 'LC_MESSAGES' });
    expect(choose(undefined, { LANG: 'de_DE.UTF-8' })).toEqual({ ok: true, language: 'de', from: 'LANG' });
    expect(choose(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'de_DE.UTF-8' })).toEqual({ ok: true, language: 'en', from: 'LC_ALL' });
  });

  it('C, POSIX and another language in a POSIX variable mean English, and stop the search there', () => {
    expect(choose(undefined, { LC_ALL: 'C', LANG: 'de_DE.UTF-8' }, 'de-DE')).toEqual({ ok: true, language: 'en', from: 'LC_ALL' });
    expect(choose(undefined, { LANG: 'POSIX' }, 'de-DE')).toEqual({ ok: true, language: 'en', from: 'LANG' });
    expect(choose(undefined, { LANG: 'fr_FR.UTF-8' }, 'de-DE')).toEqual({ ok: true, language: 'en', from: 'LANG' });
  });

  it('empty values count as unset (CI systems set unset variables to "")', () => {
    expect(choose('', { SMTP_OAUTH_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'de_DE' })).toEqual({ ok: true, language: 'de', from: 'LANG' });
    expect(choose(undefined, { LC_ALL: '', LANG: '' }, 'de-AT')).toEqual({ ok: true, language: 'de', from: 'system' });
  });

  it('Windows sets no LANG: a German system locale (through Intl) gives German', () => {
    expect(choose(undefined, { USERPROFILE: 'C:\\Users\\admin' }, 'de-DE')).toEqual({ ok: true, language: 'de', from: 'system' });
    expect(choose(undefined, {}, 'de-CH')).toMatchObject({ language: 'de' });
  });

  it('asks for the system locale only when nothing before it decides', () => {
    let asked = 0;
    const system = () => {
      asked++;
      return 'de-DE';
    };
    expect(chooseLanguage({ env: { LANG: 'en_US' }, systemLocale: system })).toMatchObject({ language: 'en' });
    expect(asked).toBe(0);
    expect(chooseLanguage({ env: {}, systemLocale: system })).toMatchObject({ language: 'de', from: 'system' });
    expect(asked).toBe(1);
  });

  it('else English', () => {
    expect(choose(undefined, {})).toEqual({ ok: true, language: 'en', from: 'default' });
    expect(choose(undefined, {}, 'fr-FR')).toEqual({ ok: true, language: 'en', from: 'default' });
    expect(choose(undefined, {}, 'und')).toEqual({ ok: true, language: 'en', from: 'default' });
  });
});

describe('langFlagOf: --lang read from argv before parsing', () => {
  it.each([
    [['--lang', 'de', 'check'], 'de'],
    [['check', '--lang=de'], 'de'],
    [['check', '--lang', 'en', '--lang', 'de'], 'de'],
    [['check'], undefined],
    [['explain', '--', '--lang', 'de'], undefined],
  ])('%j → %j', (argv, flag) => {
    expect(langFlagOf(argv)).toBe(flag);
  });
});

describe('systemLocale', () => {
  it('is the default locale every Intl service resolves (DateTimeFormat\'s too)', () => {
    expect(systemLocale()).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
  });
});
