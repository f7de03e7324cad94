import { describe, expect, it } from 'vitest';
import { loadLanguage } from '../../src/messages/index.js';
import { LANGUAGES } from '../../src/messages/language.js';
import { listScenarios } from '../../src/sandbox/scenarios.js';

/** Each scenario's title is a message of the catalogs (`sandbox.scenario.<name>.title`), in every language. */
describe('scenario titles', () => {
  it('every scenario has its title in every language, and no title message is left without its scenario', async () => {
    const names = listScenarios().map((s) => s.name);
    for (const language of LANGUAGES) {
      const words = await loadLanguage(language);
      for (const name of names) {
        const id = `sandbox.scenario.${name}.title` as 'sandbox.scenario.healthy.title';
        expect(words.t(id), `${language} ${name}`).not.toBe(id);
      }
    }
    const { en } = await import('../../src/messages/en/index.js');
    const titled = Object.keys(en).filter((id) => /^sandbox\.scenario\..+\.title$/.test(id)).map((id) => id.split('.')[2]);
    expect(titled.sort()).toEqual([...names].sort());
  });

  it('a scenario shows its title in the language in use', async () => {
    const { useLanguage } = await import('../../src/messages/index.js');
    const healthy = listScenarios().find((s) => s.name === 'healthy')!;
    expect(healthy.title).toBe('Everything set up correctly: token, AUTH and sending succeed');
    await useLanguage('de');
    try {
      expect(healthy.title).toBe('Alles richtig eingerichtet: Token, AUTH und Versand gelingen');
    } finally {
      await useLanguage('en');
    }
  });
});
