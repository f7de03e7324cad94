import { defineMessages, message } from '../define.js';

/** The token and its claims: what the tool itself says about a token (Entra ID's own texts stay as they are). */
export const tokenEn = defineMessages({
  'token.audience-app-id': message(
    { appId: 'string' },
    (p) => `The token's audience is Exchange Online's application id (${p.appId}) rather than its URL; Exchange usually accepts it.`,
  ),
  'token.undecodable': message({ reason: 'string' }, (p) => `the access token is not a readable JWT (${p.reason})`),
});
