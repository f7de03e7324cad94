import type { Definitions, Translations } from '../define.js';
import { diagnosisTokenEn } from '../en/diagnosis-token.js';

// German pending: these entries still show their English texts until they are translated.
const english = <D extends Definitions>(defs: D): Translations<D> =>
  Object.fromEntries(Object.entries(defs).map(([id, def]) => [id, typeof def === 'string' ? def : def.text])) as Translations<D>;

export const diagnosisTokenDe: Translations<typeof diagnosisTokenEn> = english(diagnosisTokenEn);
