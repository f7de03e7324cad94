import { describe, expect, it } from 'vitest';
import type { Definitions } from '../../src/messages/define.js';
import { de } from '../../src/messages/de/index.js';
import { en } from '../../src/messages/en/index.js';
import { loadLanguage, type MessageId, type Renderer } from '../../src/messages/index.js';
import { LANGUAGES } from '../../src/messages/language.js';
import { vocabularyDe } from '../../src/messages/vocabulary/de.js';
import { vocabularyEn } from '../../src/messages/vocabulary/en.js';
import { sampleParams } from '../support/message-samples.js';

/**
 * Every message exists in every language with the same parameters, and renders with sample values
 * without leaving a placeholder behind. A string parameter's sample is a marker (`⟦name⟧`) that must
 * appear in every language's text or in none: a translation that drops the client id, or shows one
 * that English does not, fails here.
 */

const definitions = en as Definitions;
const ids = Object.keys(definitions) as MessageId[];

const LEFTOVERS = /undefined|NaN|\[object |\$\{|\{\{|\}\}|Invalid Date/;
const markersOf = (text: string) => [...text.matchAll(/⟦[^⟧]+⟧/g)].map((m) => m[0]).sort();

describe('message catalogs', async () => {
  const renderers = Object.fromEntries(await Promise.all(LANGUAGES.map(async (l) => [l, await loadLanguage(l)] as const))) as Record<
    (typeof LANGUAGES)[number],
    Renderer
  >;

  it('define at least the shared messages', () => {
    expect(ids).toContain('step.1.title');
  });

  // Each language's texts; the type of `translations` makes a new language fail here until it is listed.
  const translations: Record<Exclude<(typeof LANGUAGES)[number], 'en'>, Record<string, unknown>> = { de };
  it.each(Object.entries(translations))('%s has exactly the English ids', (_language, texts) => {
    expect(Object.keys(texts).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(typeof texts[id], id).toBe(typeof definitions[id] === 'string' ? 'string' : 'function');
  });

  it('every vocabulary has the same keys', () => {
    expect(Object.keys(vocabularyDe).sort()).toEqual(Object.keys(vocabularyEn).sort());
  });

  it('every message renders in every language with its parameters and no placeholder left', () => {
    const problems: string[] = [];
    for (const id of ids) {
      const def = definitions[id]!;
      const sets = typeof def === 'string' ? [{}] : sampleParams(def);
      for (const params of sets) {
        const rendered = LANGUAGES.map((l) => [l, renderers[l].t(id as never, params as never)] as const);
        for (const [language, text] of rendered) {
          if (text.trim() === '') problems.push(`${language} ${id}: empty`);
          if (LEFTOVERS.test(text)) problems.push(`${language} ${id}: ${JSON.stringify(text.match(LEFTOVERS)?.[0])} in ${JSON.stringify(text)}`);
          if (language !== 'en' && text === String(id)) problems.push(`${language} ${id}: no text`);
        }
        const english = markersOf(rendered[0]![1]).join(' ');
        for (const [language, text] of rendered.slice(1)) {
          const other = markersOf(text).join(' ');
          if ([...new Set(english.split(' '))].join() !== [...new Set(other.split(' '))].join())
            problems.push(`${language} ${id} with ${JSON.stringify(params)}: shows ${other || 'no parameter'}, English ${english || 'none'}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('message ids are stable kebab-case paths', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/);
  });
});
