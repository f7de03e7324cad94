import type { Translations } from '../define.js';
import type { tokenEn } from '../en/token.js';

export const tokenDe: Translations<typeof tokenEn> = {
  'token.audience-app-id': (p) =>
    `Die Zielgruppe (aud) des Tokens ist die Anwendungs-ID von Exchange Online (${p.appId}) statt ihrer URL; Exchange nimmt das in der Regel an.`,
  'token.undecodable': (p) => `Das Zugriffstoken ist kein lesbares JWT (${p.reason})`,
};
