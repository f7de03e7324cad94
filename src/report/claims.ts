import type { CheckReport } from '../check/run.js';
import { type Message, msg } from '../messages/index.js';

/** The claims a person is shown: in check's report and in the wizard's step 1, the same rows. */
export type ClaimsView = Pick<NonNullable<CheckReport['token']['claims']>, 'roles' | 'aud' | 'tid' | 'appid' | 'oid' | 'exp'> & {
  appDisplayName?: string | null;
};

/**
 * One row: the claim as the token names it (`roles`, `aud`, …: the same in every language, the
 * name an admin finds in a decoded token), its value, and a note beside it. Words are messages, so
 * each front-end lays the rows out its own way.
 */
export interface ClaimRow {
  claim: 'roles' | 'aud' | 'tid' | 'appid' | 'oid' | 'exp';
  value: Message | string;
  note?: Message | string;
  /** How the note reads: a remark (the default), a good sign, a problem. */
  tone?: 'good' | 'bad';
}

/** The claims that decide whether SMTP can work, each with what it means here. */
export function claimRows(claims: ClaimsView, requiredRole: string): ClaimRow[] {
  const none = msg('check.claims.none');
  const hasRole = claims.roles.includes(requiredRole);
  return [
    {
      claim: 'roles',
      value: claims.roles.length ? claims.roles.join(', ') : msg('check.claims.no-roles'),
      note: hasRole ? '✔' : msg('check.claims.role-missing', { role: requiredRole }),
      tone: hasRole ? 'good' : 'bad',
    },
    { claim: 'aud', value: claims.aud ?? none },
    { claim: 'tid', value: claims.tid ?? none },
    { claim: 'appid', value: claims.appid ?? none, ...(claims.appDisplayName && { note: `(${claims.appDisplayName})` }) },
    { claim: 'oid', value: claims.oid ?? none, note: msg('check.claims.oid-note') },
    ...(claims.exp ? [{ claim: 'exp' as const, value: msg('check.claims.expires-at', { at: new Date(claims.exp * 1000) }) }] : []),
  ];
}

/** The label of a row: the claim's own name, except `exp`, which reads as a word ("expires"). */
export function claimLabel(row: ClaimRow): Message | string {
  return row.claim === 'exp' ? msg('check.claims.expires') : row.claim;
}
