import type { Translations } from '../define.js';
import type { promptEn } from '../en/prompt.js';

export const promptDe: Translations<typeof promptEn> = {
  'prompt.yes': 'Ja',
  'prompt.no': 'Nein',
  'prompt.yes-or-no': (p) => `Bitte antworten Sie mit „${p.yes}“ oder „${p.no}“`,
  'prompt.key-navigate': 'auswählen',
  'prompt.key-select': 'bestätigen',
};
