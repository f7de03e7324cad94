import { describe, expect, it } from 'vitest';
import { retryable, type RetryPurpose } from '../../src/check/retry-policy.js';
import { catalog, diagnoseClaimProblems, diagnoseSmtpFailure, diagnoseTokenFailure } from '../../src/diagnose/index.js';
import type { Diagnosis, SmtpFailure } from '../../src/diagnose/types.js';

/**
 * What `transient` and `propagation` mean (issue 10), and the one retry policy that reads them:
 * `check --wait` and the wizard retry either, fleet retries and a plain `check` only `transient`.
 */

const HOST = { host: 'smtp.office365.com', port: 587 };
const smtp = (f: Omit<SmtpFailure, 'host' | 'port' | 'message'>, goodToken?: boolean): Diagnosis =>
  diagnoseSmtpFailure({ ...HOST, message: f.response ?? '', ...f }, goodToken === undefined ? {} : { tokenHasSendAsRole: goodToken });
const token = (status: number, error: string | undefined, description: string, aadsts?: number): Diagnosis =>
  diagnoseTokenFailure({ kind: 'server', status, description, ...(error && { error }), ...(aadsts && { aadsts }) }, { authorityHost: 'https://login.microsoftonline.com' });

/** `newCredential`: neither, except right after this tool added the secret (catalog `newCredential`). */
type Kind = 'transient' | 'propagation' | 'newCredential' | 'neither';

/** Real answers, as the pipeline meets them; the expected kind written out from the issue and catalog F. */
const ANSWERS: Array<[name: string, diagnosis: () => Diagnosis, kind: Kind]> = [
  ['535 5.7.3 with a token that has SMTP.SendAsApp', () => smtp({ phase: 'auth', responseCode: 535, response: '535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.outlook.com]' }, true), 'propagation'],
  ['535 5.7.3, roles not known', () => smtp({ phase: 'auth', responseCode: 535, response: '535 5.7.3 Authentication unsuccessful [AM0PR01CA0001]' }), 'propagation'],
  ['535 5.7.139 disabled for the Tenant', () => smtp({ phase: 'auth', responseCode: 535, response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.' }), 'propagation'],
  ['535 5.7.139 disabled for the Mailbox', () => smtp({ phase: 'auth', responseCode: 535, response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.' }), 'propagation'],
  ['430 4.2.0 mailbox logon failure', () => smtp({ phase: 'data', responseCode: 430, response: '430 4.2.0 STOREDRV; mailbox logon failure; STOREDRV.Submission.Exception:ConnectionFailedTransientException.MapiExceptionLogonFailed; Failed to process message due to a transient exception' }), 'propagation'],
  ['550 5.7.60 send-as denied (right after Add-RecipientPermission)', () => smtp({ phase: 'data', responseCode: 550, response: '550 5.7.60 SMTP; Client does not have permissions to send as this sender [MW2PR1901MB2155]' }), 'propagation'],
  ['a token without roles (right after consent)', () => diagnoseClaimProblems([{ kind: 'missing-role', roles: [] }]), 'propagation'],
  ['451 4.7.0 temporary server error', () => smtp({ phase: 'auth', responseCode: 451, response: '451 4.7.0 Temporary server error. Please try again later. PRX4  [server.prod.outlook.com]' }), 'transient'],
  ['432 4.3.2 sender thread limit', () => smtp({ phase: 'data', responseCode: 432, response: '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=DM5SPR00MB2471]' }), 'transient'],
  ['temporarily_unavailable', () => token(503, 'temporarily_unavailable', 'The server is temporarily too busy to handle the request.'), 'transient'],
  ['the token endpoint\'s HTTP 500 without an error class', () => token(500, undefined, 'Internal Server Error'), 'transient'],
  ['the token endpoint\'s HTTP 502', () => token(502, undefined, 'Bad Gateway'), 'transient'],
  ['an unrecognised SMTP 4xx', () => smtp({ phase: 'rcpt', responseCode: 450, response: '450 4.4.1 Something busy' }), 'transient'],
  ['a network timeout', () => diagnoseTokenFailure({ kind: 'transport', code: 'ETIMEDOUT', message: 'connect ETIMEDOUT', host: 'login.microsoftonline.com', port: 443 }), 'transient'],
  ['AADSTS7000215 wrong secret', () => token(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.', 7000215), 'newCredential'],
  ['AADSTS90002 unknown tenant', () => token(400, 'invalid_request', "AADSTS90002: Tenant 'contoso.example' not found.", 90002), 'neither'],
  ['451 5.7.3 STARTTLS required (4xx, but the client\'s configuration)', () => smtp({ phase: 'mail', responseCode: 451, response: '451 5.7.3 STARTTLS is required to send mail [SG2PR02CA0073]' }), 'neither'],
  ['535 5.7.139 basic authentication disabled (the client used a password)', () => smtp({ phase: 'auth', responseCode: 535, response: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PH7P220CA0132]' }), 'neither'],
];

const RETRIES: Record<RetryPurpose, Record<Kind, boolean>> = {
  wait: { transient: true, propagation: true, newCredential: false, neither: false },
  wizard: { transient: true, propagation: true, newCredential: false, neither: false },
  fleet: { transient: true, propagation: false, newCredential: false, neither: false },
  check: { transient: true, propagation: false, newCredential: false, neither: false },
  'new-credential': { transient: true, propagation: true, newCredential: true, neither: false },
};

describe('transient and propagation: what the diagnosis says', () => {
  it.each(ANSWERS)('%s → %s', (_name, diagnose, kind) => {
    const d = diagnose();
    expect({ transient: d.transient, propagation: d.propagation }).toEqual({ transient: kind === 'transient', propagation: kind === 'propagation' });
  });
});

describe('retryable: one policy, per front-end', () => {
  const purposes = Object.keys(RETRIES) as RetryPurpose[];
  it.each(ANSWERS.flatMap(([name, diagnose, kind]) => purposes.map((purpose) => [purpose, name, diagnose, kind] as const)))(
    '%s retries %s: as the table says',
    (purpose, _name, diagnose, kind) => {
      expect(retryable(diagnose(), purpose)).toBe(RETRIES[purpose][kind]);
    },
  );

  it('check --wait retries a propagation failure; fleet and a plain check do not', () => {
    const propagating = diagnoseClaimProblems([{ kind: 'missing-role', roles: [] }]);
    expect(retryable(propagating, 'wait')).toBe(true);
    expect(retryable(propagating, 'wizard')).toBe(true);
    expect(retryable(propagating, 'fleet')).toBe(false);
    expect(retryable(propagating, 'check')).toBe(false);
  });

  it('never retries when nothing failed', () => {
    for (const purpose of purposes) {
      expect(retryable(null, purpose)).toBe(false);
      expect(retryable(undefined, purpose)).toBe(false);
    }
  });
});

/**
 * Every catalog entry, decided one by one with the reference (sections A–F). Entries not listed are
 * neither: a configuration error, or a Microsoft-side block that no waiting clears.
 */
const TRANSIENT = new Set([
  'token-service-unavailable', // A.19 temporarily_unavailable, 429, 5xx
  'smtp-temporary-server-error', // B.13 451 4.7.0
  'smtp-concurrent-connections', // B.18 432 4.3.2: the other sessions end
  'smtp-submission-quota-exceeded', // B.19: the rolling 24 h window frees up
  'smtp-tenant-recipient-limit', // B.23: the daily window frees up
  'smtp-temporary-failure', // an unrecognised 4xx
  'dns-temporary-failure',
  'connection-timeout',
  'connection-reset',
  'network-unreachable',
  'network-error',
  'admin-throttled', // Graph or the admin endpoint: 429 with Retry-After
  'admin-service-unavailable', // Graph or the admin endpoint: 5xx
]);
const PROPAGATION = new Set([
  'token-missing-role', // F: admin consent just granted
  'smtp-auth-unsuccessful', // B.1 cause 8
  'smtp-auth-service-principal', // B.1 cause 8, F: New-ServicePrincipal / Add-MailboxPermission
  'smtp-auth-missing-role', // F: a token from before the consent
  'smtp-auth-disabled-tenant', // B.2, F: Set-TransportConfig / Set-CASMailbox
  'smtp-auth-disabled-mailbox', // B.3, F: Set-CASMailbox
  'smtp-auth-security-defaults', // B.7, F: ~20 min after disabling security defaults
  'smtp-auth-policy-blocked', // B.6: its fix is a tenant-policy change, applied after minutes
  'smtp-auth-blocked', // B.7 family: its fix is Set-CASMailbox or security defaults
  'smtp-mailbox-logon-failure', // B.15: Prop. right after Add-MailboxPermission
  'smtp-send-as-denied', // B.16: Prop. after Add-RecipientPermission
  'smtp-send-as-denied-submission', // B.17: as B.16
  'admin-object-not-found', // automation-notes.md §4: a new object not replicated yet
]);

describe('the catalog, entry by entry', () => {
  it('lists only codes that exist', () => {
    const codes = new Set(catalog.map((e) => e.code));
    for (const code of [...TRANSIENT, ...PROPAGATION]) expect(codes.has(code), code).toBe(true);
  });

  it.each(catalog.map((e) => ({ code: e.code, e })))('$code', ({ code, e }) => {
    expect({ transient: e.transient, propagation: e.propagation }).toEqual({ transient: TRANSIENT.has(code), propagation: PROPAGATION.has(code) });
    // Nothing is both: an answer that heals by itself needs no change to propagate.
    expect(e.transient && e.propagation).toBe(false);
  });

  it('every step 2 or 3 entry the wizard waits on is marked, not guessed from its step', () => {
    const waited = catalog.filter((e) => (e.step === 2 || e.step === 3) && retryable(e, 'wizard')).map((e) => e.code);
    const notWaited = catalog.filter((e) => (e.step === 2 || e.step === 3) && !retryable(e, 'wizard')).map((e) => e.code);
    expect(waited.every((code) => PROPAGATION.has(code))).toBe(true);
    // The reference names no propagation delay for a Conditional Access block of the token (A.12);
    // the admin endpoint's unknown answer hands over to the PowerShell, it is not waited out.
    expect(notWaited).toEqual(['conditional-access-blocked', 'admin-endpoint-unexpected']);
  });
});
