import { defineMessages, message } from '../define.js';
import { formatterFor } from '../format.js';

const f = formatterFor('en');

/** The token and its claims: what the tool itself says about a token (Entra ID's own texts stay as they are). */
export const tokenEn = defineMessages({
  'token.audience-app-id': message(
    { appId: 'string' },
    (p) => `The token's audience is Exchange Online's application id (${p.appId}) rather than its URL; Exchange usually accepts it.`,
  ),
  // What the tool says in place of Entra ID's own description, when the answer had none.
  'token.no-access-token': 'The token endpoint answered without an access token.',
  'token.http-status': message({ status: 'number' }, (p) => `HTTP ${p.status} from the token endpoint`),
  // Why a request to the token endpoint failed on the way (beside Node's own network errors).
  'token.answer-too-large': message({ limitBytes: 'number' }, (p) => `the answer is larger than ${f.bytes(p.limitBytes)}, more than any answer of Entra ID`),
  'token.no-answer': message({ timeoutMs: 'number' }, (p) => `no answer within ${f.duration(p.timeoutMs)}`),
  'token.undecodable': message({ reason: 'string' }, (p) => `the access token is not a readable JWT (${p.reason})`),
});
