import type { Translations } from '../define.js';
import type { cliEn } from '../en/cli.js';
import { LANGUAGES } from '../language.js';

export const cliDe: Translations<typeof cliEn> = {
  'cli.lang-unknown': (p) => `${p.from} „${p.value}“: Diese Sprache wird nicht unterstützt (${LANGUAGES.join(', ')}).`,
};
