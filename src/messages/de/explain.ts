import type { Translations } from '../define.js';
import type { explainEn } from '../en/explain.js';
import { formatterFor } from '../format.js';

const f = formatterFor('de');

export const explainDe: Translations<typeof explainEn> = {
  'explain.stdin-empty': 'Die Standardeingabe war leer: Es gibt nichts zu erklären.',
  'explain.nothing-given': 'Nichts zu erklären: Geben Sie den Fehlertext in Anführungszeichen an, oder „-“, um ihn von der Standardeingabe zu lesen.',
  'explain.stdin-unreadable': (p) => `explain -: Standardeingabe: ${p.reason}`,
  'explain.invalid-value': (p) => `${p.source}: ${p.problem}`,
  'explain.not-recognised': 'smtp-oauth-setup explain: In diesem Text wurde nichts erkannt. Gesucht wird nach:',
  'explain.looked-for': (p) => `${p.kind}, z.\u00a0B. ${p.examples.join(', ')} (${f.number(p.known)} bekannt)`,
  'explain.suggestion':
    'Fügen Sie die vollständige Fehlermeldung mit ihren Codes ein, oder prüfen Sie mit `smtp-oauth-setup check` die Einrichtung selbst und erhalten Sie eine Diagnose aus den Antworten von Microsoft.',
  'explain.also-found': 'Außerdem in diesem Text gefunden (der erste Eintrag oben ist der spezifischste):',
};
