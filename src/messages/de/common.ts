import type { Translations } from '../define.js';
import type { commonEn } from '../en/common.js';
import { formatterFor } from '../format.js';

const f = formatterFor('de');

export const commonDe: Translations<typeof commonEn> = {
  'step.1.title': 'Entra-ID-App',
  'step.2.title': 'Exchange-Dienstprinzipal',
  'step.3.title': 'SMTP AUTH für das Postfach',
  'step.4.title': 'Test-E-Mail',
  'step.heading': (p) => `Schritt ${p.step} von 4 · ${p.title}`,
  'common.duration': (p) => f.duration(p.ms),
};
