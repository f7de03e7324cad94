import { type ClaimProblem, type SmtpPhase } from '../../diagnose/types.js';
import { commandLine } from '../../diagnose/layout.js';
import { type DiagnosisView, diagnosisView, type Placeholders } from '../../diagnose/view.js';
import type { Facts } from '../../diagnose/types.js';
import { defineMessages, message, samples } from '../define.js';
import { formatterFor, portalPath } from '../format.js';
import { vocabularyEn as w } from '../vocabulary/en.js';

const f = formatterFor('en');

/**
 * The diagnosis catalog's shared words (placeholders, SMTP phases, clouds, what connects the parts of
 * a diagnosis) and the sentences several entries share. The entries' own texts are in
 * diagnosis-token.ts (domains token and claim) and diagnosis-smtp.ts (smtp, network, run, internal).
 */

const PLACEHOLDERS: Placeholders = {
  tenant: '<tenant id>',
  client: '<client id>',
  mailbox: '<mailbox>',
  sender: '<sender address>',
  servicePrincipal: '<object id of the Enterprise application>',
};

// ---------------------------------------------------------------------------------------------
// Sample views for the parity test: every value known (markers, so a translation that drops one
// fails), nothing known, and the variants the texts choose on (target, phase, claims, secrets).

const FULL: Facts = {
  tenantId: '⟦tenant⟧',
  clientId: '⟦client⟧',
  mailbox: '⟦mailbox⟧',
  from: '⟦from⟧',
  servicePrincipalObjectId: '⟦sp⟧',
  smtpHost: '⟦smtpHost⟧',
  smtpPort: 587,
  authorityHost: 'https://⟦authority⟧',
  cloud: 'usgov',
  secretExpiresOn: '⟦expires⟧',
};
const claims: ClaimProblem[] = [
  { kind: 'missing-role', roles: ['⟦role⟧'] },
  { kind: 'missing-role', roles: [] },
  { kind: 'audience', aud: 'https://graph.microsoft.com', expected: ['⟦aud⟧'] },
  { kind: 'audience', aud: '', expected: [] },
  { kind: 'tenant-mismatch', tid: '⟦tid⟧', expected: '⟦expected⟧' },
  { kind: 'tenant-mismatch', tid: '', expected: '' },
  { kind: 'app-mismatch', appid: '⟦appid⟧', expected: '⟦expected⟧' },
  { kind: 'expired', exp: 1_700_000_000, now: 1_700_000_060 },
  { kind: 'expired', exp: 1_700_000_000, now: 1_700_003_600 },
  { kind: 'delegated', scp: '⟦scp⟧', upn: '⟦upn⟧' },
  { kind: 'delegated' },
  { kind: 'undecodable', reason: '⟦reason⟧' },
  { kind: 'undecodable', reason: '' },
];
const phases: SmtpPhase[] = ['connect', 'greeting', 'ehlo', 'starttls', 'auth', 'mail', 'rcpt', 'data'];
const SAMPLE_FACTS: Facts[] = [
  { ...FULL, target: 'token', host: '⟦host⟧', port: 443, status: 503, quoted: '⟦quoted⟧', matched: 'AADSTS7000215', retryAfterSeconds: 300, problemCount: 3 },
  {},
  { target: 'token' },
  { target: 'smtp' },
  { ...FULL, target: 'smtp', host: 'smtp.office365.com', port: 587, phase: 'auth', quoted: '⟦quoted⟧', matched: '535 5.7.3' },
  { ...FULL, target: 'token', secretStillAccepted: true, retryAfterSeconds: 30, problemCount: 1, quoted: '⟦quoted⟧' },
  { secretStillAccepted: true },
  ...phases.map((phase): Facts => ({ target: 'smtp', phase, host: '⟦host⟧' })),
  ...claims.map((claim): Facts => ({ claim })),
  // The administrator's side (diagnosis-admin.ts): every operation, with and without its values.
  ...(['sign-in', 'read-applications', 'write-applications', 'grant-permission', 'read-policy', 'exchange-admin'] as const).map(
    (operation): Facts => ({
      status: 403,
      quoted: '⟦quoted⟧',
      retryAfterSeconds: 30,
      admin: {
        operation,
        cmdlet: '⟦cmdlet⟧',
        missingScopes: ['⟦scope1⟧', '⟦scope2⟧'],
        neededRoles: ['applicationAdministrator', 'globalAdministrator'],
        signInClient: '⟦signInClient⟧',
        waitedSeconds: 300,
      },
    }),
  ),
  { admin: { operation: 'grant-permission', missingScopes: ['⟦scope⟧'], neededRoles: [] } },
  { admin: {} },
];

/** The `v` parameter of every diagnosis text: the view (src/diagnose/view.ts), with the parity test's samples. */
export const VIEW = { v: samples<DiagnosisView>(...(SAMPLE_FACTS.map((facts) => diagnosisView(facts, PLACEHOLDERS)) as [DiagnosisView, ...DiagnosisView[]])) } as const;

/** A text of a diagnosis: a function of the view. */
export const diagnosisText = (text: (v: DiagnosisView) => string) => message(VIEW, (p) => text(p.v));

// ---------------------------------------------------------------------------------------------
// Words several entries share (English grammar: a value known or unknown picks the words)

export const theApp = (v: DiagnosisView) => (v.clientId ? `app ${v.clientId}` : 'the app');
export const theTenant = (v: DiagnosisView) => (v.tenantId ? `tenant ${v.tenantId}` : 'the tenant');
export const theMailbox = (v: DiagnosisView) => (v.mailbox ? `mailbox ${v.mailbox}` : 'the mailbox');
export const theSender = (v: DiagnosisView) => (v.from ? `the sender address ${v.from}` : 'the sender address');
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const PHASE: Record<SmtpPhase, string> = {
  connect: 'while connecting',
  greeting: 'while waiting for the server greeting',
  ehlo: 'after EHLO',
  starttls: 'during STARTTLS',
  auth: 'during AUTH',
  mail: 'at MAIL FROM',
  rcpt: 'at RCPT TO',
  data: 'while sending the message (DATA)',
};
/** ` during AUTH` when the phase is known. */
export const during = (v: DiagnosisView) => (v.phase ? ` ${PHASE[v.phase]}` : '');
/** `: "<quoted reply>"` when there is one, else the sentence's full stop. */
export const said = (v: DiagnosisView) => (v.quoted ? `: ${f.quote(v.quoted)}` : '.');

/** `host:port` of the failure, or a description when unknown. */
export function where(v: DiagnosisView): string {
  switch (v.where.kind) {
    case 'address':
    case 'smtp-endpoint':
      return v.where.address;
    case 'token-endpoint':
      return `the token endpoint (${v.where.authority})`;
    case 'unknown':
      return 'the server';
  }
}
/** Who answered: Exchange Online, or the other server the user is connected to. */
export const server = (v: DiagnosisView) => (v.exchangeAnswered ? 'Exchange Online' : `The server ${v.host}`);

export const CLOUD_TITLE: Record<DiagnosisView['cloud'], string> = {
  global: 'Microsoft 365 worldwide (also GCC)',
  usgov: 'Microsoft 365 GCC High',
  usgovdod: 'Microsoft 365 DoD',
  china: 'Microsoft 365 operated by 21Vianet',
};
/** `--cloud usgov: the authority login.microsoftonline.us, the scope … and the SMTP host …` */
export const cloudSettings = (v: DiagnosisView, name: DiagnosisView['cloud']) => {
  const c = v.clouds[name];
  return `--cloud ${c.name}: the authority ${c.authority}, the scope ${c.scope} and the SMTP host ${c.smtpHost}`;
};
/** Every cloud with its authority host, for a tenant that may live in another one. */
export const cloudChoices = (v: DiagnosisView) =>
  Object.values(v.clouds)
    .map((c) => `${CLOUD_TITLE[c.name]}: --cloud ${c.name} (${c.authority})`)
    .join('; ');

const PORTAL = w.entraAdminCenter;
export const portal = (...labels: string[]) => portalPath(PORTAL, ...labels);
export const appPath = (client: string) => portal(w.appRegistrations, `the app with ${w.applicationClientId} ${client}`);

export const consentPath = (v: DiagnosisView) =>
  `${portalPath(appPath(v.show.client), w.apiPermissions, w.addPermission, w.apisMyOrganizationUses, w.exchangeOnlineApi, w.applicationPermissions, 'SMTP.SendAsApp', w.addPermissions)}.`;
export const GRANT_CONSENT = `On the same page choose "${w.grantAdminConsent}" and check that SMTP.SendAsApp shows type "${w.typeApplication}" (not "${w.typeDelegated}") and status "Granted".`;
export const FRESH_TOKEN = 'Request a fresh token: a token issued before the consent keeps its old roles until it expires (60–90 minutes).';

export const newSecret = (client: string) =>
  `${portalPath(appPath(client), w.certificatesAndSecrets, w.clientSecrets, w.newClientSecret)}; copy the ${w.valueColumn} column at once (it is shown only once — the ${w.secretId} is not the secret).`;
export const USE_SECRET = 'Put that value into the client secret setting of the sending application (step 4).';
export const uploadCertificate = (client: string) =>
  `${portalPath(appPath(client), w.certificatesAndSecrets, w.certificates, w.uploadCertificate, 'the public .cer/.pem/.crt file', w.add)}.`;

export const EXO_CONNECT = `In ${w.exchangeOnlinePowerShell} (Connect-ExchangeOnline):`;
export const PROPAGATION =
  'Exchange applies such changes after 15–30 minutes (a new mailbox can take up to a day): if you made them just now, wait and try again with a fresh token.';

export function servicePrincipalSteps(v: DiagnosisView): string[] {
  const oidNote = v.servicePrincipalObjectId ? ` (the token's oid claim is ${v.servicePrincipalObjectId}: that is this value)` : '';
  return [
    `${EXO_CONNECT} check the service principal:${commandLine(v.cmd.getServicePrincipal)}`,
    `Its ObjectId must be the ${w.objectId} of the Enterprise application (${portal(w.enterpriseApplications, 'the app', w.overview)}), not the ${w.objectId} shown under ${w.appRegistrations}${oidNote}.`,
    `If it exists with another ObjectId, remove it:${commandLine(v.cmd.removeServicePrincipal)}`,
    `If it is missing (or was just removed), create it:${commandLine(v.cmd.newServicePrincipal)}`,
    `Give it access to the mailbox:${commandLine(v.cmd.addMailboxPermission)}`,
    `The user= name in the XOAUTH2 login must be that mailbox (${v.show.mailbox}), not an alias, a group or the application.`,
    PROPAGATION,
  ];
}

export const SECURITY_DEFAULTS_PATH = portal(w.entraId, w.overview, w.properties, w.manageSecurityDefaults, w.securityDefaultsDisabled);

export function smtpAuthSteps(v: DiagnosisView, scopeOf: 'mailbox' | 'tenant' | 'either'): (string | false)[] {
  return [
    `${EXO_CONNECT} look at the settings:${commandLine(v.cmd.getCasMailbox)}` + (scopeOf !== 'mailbox' ? commandLine(v.cmd.getTransportConfig) : ''),
    `Turn SMTP AUTH on for the mailbox${scopeOf !== 'mailbox' ? ' (this overrides the organization setting)' : ''}:${commandLine(v.cmd.setCasMailbox)}`,
    scopeOf !== 'mailbox' && `Or for every mailbox of the organization:${commandLine(v.cmd.setTransportConfig)}`,
    `If security defaults are on, SMTP AUTH stays blocked: ${SECURITY_DEFAULTS_PATH} (replace them with ${w.conditionalAccess} policies).`,
    'The change takes effect after 15–30 minutes.',
  ];
}

export const smtpSettings = (v: DiagnosisView) =>
  `Sending application (step 4): host ${v.smtpHost}, port ${v.smtpPort}, STARTTLS (not implicit TLS), authentication XOAUTH2 with user=${v.show.mailbox} and a token from tenant ${v.show.tenant}, client id ${v.show.client}.`;

/** `300` → `5 minutes`; under two minutes in seconds. */
export const minutes = (seconds: number) =>
  seconds >= 120 ? f.plural(Math.round(seconds / 60), { one: '# minute', other: '# minutes' }) : f.plural(seconds, { one: '# second', other: '# seconds' });

/** A list of claim values, `none` when empty; at most 8 shown. */
export function listOrNone(values: readonly string[] | undefined): string {
  if (!values || values.length === 0) return 'none';
  const shown = values.slice(0, 8).map((x) => String(x).slice(0, 80));
  return shown.join(', ') + (values.length > 8 ? ', …' : '');
}

// ---------------------------------------------------------------------------------------------
// Messages

export const diagnosisEn = defineMessages({
  'diagnosis.placeholder.tenant': PLACEHOLDERS.tenant,
  'diagnosis.placeholder.client': PLACEHOLDERS.client,
  'diagnosis.placeholder.mailbox': PLACEHOLDERS.mailbox,
  'diagnosis.placeholder.sender': PLACEHOLDERS.sender,
  'diagnosis.placeholder.service-principal': PLACEHOLDERS.servicePrincipal,
  /** After the fix of the most serious claim problem: the others, one summary a line. */
  'diagnosis.claims.also-wrong': message({ summaries: 'strings' }, (p) => `Also wrong in this token (fix after the above):\n${p.summaries.map((s) => `- ${s}`).join('\n')}`),
  /** The last resort when even the internal-error diagnosis cannot be built. */
  'diagnosis.last-resort.what-happened': 'smtp-oauth-setup could not diagnose this failure; this is a bug in the tool.',
  'diagnosis.last-resort.what-to-do': '1. Please report it with the output of the run (it contains no secrets).',
  // What internal-error quotes when a caller gave the engine nothing to diagnose (a bug of the caller).
  'diagnosis.internal.no-token-failure': 'no token failure given',
  'diagnosis.internal.no-smtp-failure': 'no SMTP failure given',
  'diagnosis.internal.no-claim-problem': 'no token claim problem given',
  /** The portal action that creates a client secret (also the expiry warning of `check`). */
  'diagnosis.action.new-client-secret': message({ clientId: 'string?' }, (p) => newSecret(p.clientId ?? PLACEHOLDERS.client)),
  /** Where a certificate credential is uploaded (the wizard's instructions, `check`'s expiry warning). */
  'diagnosis.action.upload-certificate': message({ clientId: 'string?' }, (p) => uploadCertificate(p.clientId ?? PLACEHOLDERS.client)),
  // What `explain` looks for when nothing in a pasted text was recognised (looked-for.ts).
  'diagnosis.looked-for.aadsts': 'Entra ID error codes (AADSTS<number>, or "error_codes": [...] in the token endpoint\'s answer)',
  'diagnosis.looked-for.smtp-replies': 'SMTP replies: a reply code with an enhanced status code (any other 4xx or 5xx reply gets a general diagnosis)',
  'diagnosis.looked-for.oauth-errors': 'OAuth error classes',
  'diagnosis.looked-for.network-codes': 'network and TLS error codes',
  'diagnosis.looked-for.phrases': "key phrases of Microsoft's and common libraries' messages",
});
