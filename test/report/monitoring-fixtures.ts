import { buildCheckPlan } from '../../src/check/plan.js';
import type { CheckReport, CredentialExpiry } from '../../src/check/run.js';
import { Secret } from '../../src/inputs/secret.js';
import type { DiagnosisJson } from '../../src/report/json.js';
import { checkInputsOf } from '../../src/wizard/context.js';
import { IDS } from '../wizard/fixtures.js';

/** Reports as runCheck returns them, for the monitoring renderers (Nagios, Prometheus): every field fixed. */

export const CHECKED_AT = '2026-12-01T10:00:00.000Z';

export function fixtureReport(options: {
  mailbox?: string;
  diagnosis?: DiagnosisJson | null;
  exitCode?: number;
  messageId?: string | null;
  response?: string | null;
  warnings?: string[];
  timings?: Partial<CheckReport['timings']>;
  secret?: CredentialExpiry | null;
  certificate?: CredentialExpiry | null;
} = {}): CheckReport {
  const mailbox = options.mailbox ?? 'alerts@contoso.com';
  const inputs = checkInputsOf({ tenantId: IDS.tenantId, clientId: IDS.clientId, mailbox, to: 'you@contoso.com' }, { kind: 'secret', secret: new Secret(IDS.secret, 'prompt') });
  const diagnosis = options.diagnosis ?? null;
  const exitCode = options.exitCode ?? (diagnosis ? 4 : 0);
  return {
    ok: diagnosis === null,
    exitCode,
    diagnosis,
    plan: buildCheckPlan(inputs),
    token: { acquired: true, expiresOn: null, claims: null, servicePrincipalObjectId: null },
    smtp: {
      host: 'smtp.office365.com',
      port: 587,
      reachable: true,
      tlsVersion: 'TLSv1.3',
      authMechanisms: ['XOAUTH2'],
      authenticated: diagnosis === null,
      response: options.response ?? null,
      messageId: options.messageId === undefined ? (diagnosis ? null : '<m1@contoso.com>') : options.messageId,
    },
    attempts: [{ at: CHECKED_AT, exitCode, diagnosisCode: diagnosis?.code ?? null }],
    warnings: options.warnings ?? [],
    timings: { tokenMs: 412, smtpConnectMs: 230, authMs: 41, sendMs: 95, totalMs: 790, ...options.timings },
    expiry: { secret: options.secret ?? null, certificate: options.certificate ?? null },
  };
}

export const SMTP_AUTH_DISABLED: DiagnosisJson = {
  code: 'smtp-auth-disabled-mailbox',
  step: 3,
  transient: false,
  propagation: true,
  summary: 'SMTP AUTH is turned off for the mailbox alerts@contoso.com.',
  fix: 'Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false\nGet-CASMailbox alerts@contoso.com | Format-List SmtpClientAuthenticationDisabled',
  source: '535 5.7.139',
  learnMore: null,
  problems: null,
};

export const THROTTLED: DiagnosisJson = {
  code: 'exchange-temporary-error',
  step: null,
  transient: true,
  propagation: false,
  summary: 'Exchange Online answered with a temporary server error.',
  fix: 'Run the check again in a few minutes.',
  source: '451 4.7.0',
  learnMore: null,
  problems: null,
};

/** An expiry `days` days after CHECKED_AT, judged with --warn-days 30. */
export function expiryIn(days: number, warnDays = 30): CredentialExpiry {
  const expiresAt = new Date(Date.parse(CHECKED_AT) + days * 86_400_000).toISOString();
  return { expiresAt, state: days <= 0 ? 'expired' : days <= warnDays ? 'expiring' : 'valid', warnDays };
}
