import type { Definitions, Translations } from '../define.js';
import { diagnosisSmtpEn } from '../en/diagnosis-smtp.js';

// German pending: these entries still show their English texts until they are translated.
const english = <D extends Definitions>(defs: D): Translations<D> =>
  Object.fromEntries(Object.entries(defs).map(([id, def]) => [id, typeof def === 'string' ? def : def.text])) as Translations<D>;

export const diagnosisSmtpDe: Translations<typeof diagnosisSmtpEn> = english(diagnosisSmtpEn);
