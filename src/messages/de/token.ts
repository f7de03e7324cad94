import type { Translations } from '../define.js';
import type { tokenEn } from '../en/token.js';
import { formatterFor } from '../format.js';

const f = formatterFor('de');

export const tokenDe: Translations<typeof tokenEn> = {
  'token.audience-app-id': (p) =>
    `Die Zielgruppe (aud) des Tokens ist die Anwendungs-ID von Exchange Online (${p.appId}) statt ihrer URL; Exchange nimmt das in der Regel an.`,
  'token.no-access-token': 'Der Token-Endpunkt hat ohne Zugriffstoken geantwortet.',
  'token.http-status': (p) => `HTTP ${p.status} vom Token-Endpunkt`,
  'token.answer-too-large': (p) => `Die Antwort ist größer als ${f.bytes(p.limitBytes)} – mehr als jede Antwort von Entra ID`,
  'token.no-answer': (p) => `keine Antwort innerhalb von ${f.duration(p.timeoutMs)}`,
  'token.undecodable': (p) => `Das Zugriffstoken ist kein lesbares JWT (${p.reason})`,
};
