/**
 * The diagnosis catalog: ONE table, the single source of truth for every failure this tool recognises.
 *
 * Each entry is data: how to recognise the failure (`recognise`), which setup step fixes it, whether
 * waiting may help (`transient`, `propagation`), the exit code, and two small functions that word the
 * summary and the fix with the user's values filled in. `docs/errors.md` is generated from this
 * table — keep entries as data.
 *
 * Sources: ../shared/reference/exchange-online-errors.md (sections A token endpoint, B SMTP replies,
 * C token claims, F propagation), whose Microsoft Learn source index gives the `learnMore` links.
 *
 * Recognition rules (implemented in recognise.ts):
 * - An entry (or one of its `or` alternatives) matches when EVERY group it declares matches.
 * - Inside a group, ANY listed value is enough (`aadsts: [90038, 900440]` matches either code).
 * - `phrases` is the exception: ALL its regular expressions must match (case-insensitive, on text
 *   that is lower-cased with whitespace collapsed). Put alternative wordings inside one expression
 *   (`/disabled for the (?:tenant|organi[sz]ation)/i`).
 * - `smtpReply` + `enhanced` match one reply: `535 5.7.139` matches only when both appear together;
 *   an enhanced code quoted without its reply code (`5.7.139 Authentication unsuccessful`) still
 *   matches. `smtpReply` alone matches a reply code anywhere a reply starts.
 * - `phases` only applies when the SMTP phase is known (structured failures); free text ignores it.
 * - `sendAsRole` and `claim` are conditions on the context, not on text.
 * - Which entry wins is decided by ONE resolver (`resolve` in recognise.ts) for token failures, SMTP
 *   failures and free text alike, from two things: the strength of the evidence and the entry's
 *   `priority` (data, below).
 *   Evidence, strongest first: AADSTS number or claim check > Node code > full reply (reply code and
 *   enhanced code of ONE reply, `451 5.7.3`) > the same enhanced code found bare (`5.7.3`, as a
 *   logging library repeats it in its own format: `…,451,5.7.3`) > reply code alone > phrase >
 *   nodemailer's wrapper code > OAuth error class > HTTP status. AADSTS, claim, Node code and full
 *   reply are "strong", the rest "weak"; a code no entry knows, offered to a fallback entry, counts as
 *   a reply code alone. Context conditions (`sendAsRole`, `phases`) add to the score but are not
 *   evidence.
 *   1. The domain whose strongest evidence is strongest is the one the failure concerns (an AADSTS
 *      number beats "fetch failed"; a server's reply beats ECONNECTION; ECONNREFUSED beats a lone
 *      reply code).
 *   2. Inside that domain: strong evidence beats weak (so an entry matched on a bare enhanced code
 *      never beats one matched on a full reply); then the lower `priority` wins; then the stronger
 *      evidence, the higher score, the earlier code, the earlier entry in this table.
 * - `priority` (`Priority`): `specific` (the default) names a cause; `generic` (implied by
 *   `generic: true`) a class of causes; `fallback` entries have no recogniser of their own: the
 *   callers offer them for a code no entry knows (an unknown AADSTS number, an unknown 4xx/5xx
 *   reply, by SMTP phase). A lower-priority entry is not listed as "other" next to the winner of its
 *   domain, nor are generic and fallback entries next to a specific diagnosis.
 */
import { type Cloud, CLOUD_NAMES, CLOUDS, cloudOfAuthorityHost, GLOBAL_CLOUD } from '../cloud.js';
import { ExitCode } from '../exit-codes.js';
import { psArgument } from '../powershell-quote.js';
import { shellQuote } from '../shell.js';
import type { ClaimProblem, DiagnosisContext, SetupStep, SmtpPhase } from './types.js';

/** How an entry is recognised. See the module comment for the matching rules. */
export interface Recognise {
  /** AADSTS numbers (from `error_codes`, the `AADSTS<n>` text, MSAL's `errorNo`). */
  aadsts?: number[];
  /** OAuth error classes (`invalid_client`, `temporarily_unavailable`, …) or MSAL error codes. */
  oauthError?: string[];
  /** HTTP status of the token endpoint's answer. */
  httpStatus?: number[];
  /** SMTP reply codes (535, 550, …). */
  smtpReply?: number[];
  /** Enhanced status codes (`5.7.139`). */
  enhanced?: string[];
  /** Key phrases; ALL must appear (case-insensitive). Use alternation inside one expression for wordings. */
  phrases?: RegExp[];
  /** SMTP phases in which the failure can occur (checked only when the phase is known). */
  phases?: SmtpPhase[];
  /** Node, OpenSSL and nodemailer error codes (`ECONNREFUSED`, `SELF_SIGNED_CERT_IN_CHAIN`, `ETLS`). */
  nodeCodes?: string[];
  /** Condition on the context: did the token used for AUTH carry SMTP.SendAsApp? */
  sendAsRole?: 'present' | 'absent' | 'unknown';
  /** A local claim check (section C), matched by diagnoseClaimProblems. */
  claim?: ClaimProblem['kind'];
  /** Alternatives: the entry also matches when any of these matches (same rules, no nesting). */
  or?: Omit<Recognise, 'or'>[];
}

/** Which entry wins among matches of one domain with evidence as strong: the lower number. */
export const Priority = { specific: 0, generic: 1, fallback: 2 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/** Where an entry applies: which of the public functions may return it. */
/** `run`: the run itself, not the setup (input the tool was given, a cancelled run); never recognised in text. */
export type Domain = 'token' | 'smtp' | 'network' | 'claim' | 'internal' | 'run';

/** Everything the wording functions may use: the user's values plus facts about this failure. */
export interface Facts extends DiagnosisContext {
  /** Which server the failure concerns. */
  target?: 'token' | 'smtp';
  host?: string;
  port?: number;
  phase?: SmtpPhase;
  /** The server's or library's words, already redacted and capped (about 300 characters). */
  quoted?: string;
  /** What was recognised: `AADSTS7000215`, `535 5.7.3`, `ECONNREFUSED`, … */
  matched?: string;
  status?: number;
  oauthError?: string;
  retryAfterSeconds?: number;
  claim?: ClaimProblem;
  /** The secret is past `secretExpiresOn`, yet Entra ID still issued a token with it (a local check). */
  secretStillAccepted?: boolean;
  /** How many problems the input had (`input-invalid`, `input-missing`); the first is in `quoted`. */
  problemCount?: number;
}

export interface CatalogEntry {
  /** Stable kebab-case identifier; scripts match on it. Never rename. */
  code: string;
  /** What Microsoft (or Node) says, e.g. `AADSTS7000215`, `535 5.7.139`, `ECONNREFUSED`; null for local checks. */
  source: string | null;
  /**
   * Microsoft's (or Node's) words, verbatim from the reference (exchange-online-errors.md), with its
   * `<PLACEHOLDERS>` and without the parts the sources cut off. Shown in docs/errors.md; the tests run
   * every example through the recogniser. Absent for local checks and fallbacks.
   */
  example?: string;
  title: string;
  domain: Domain;
  recognise: Recognise;
  /** Chosen only when nothing more specific matches; see the module comment. */
  generic?: boolean;
  /** See the module comment; default `specific`, or `generic` for a `generic: true` entry. */
  priority?: Priority;
  step: SetupStep | null;
  /**
   * The same request, unchanged, with nobody doing anything, may succeed later: throttling, a
   * Microsoft-side temporary failure, a timeout (catalog F, A.19, E). Retried by every front-end.
   */
  transient: boolean;
  /**
   * Exchange Online or Entra ID also gives this answer while a change made in the last minutes to
   * hours (steps 1–3: consent, service principal, mailbox or SendAs permission, SMTP AUTH, tenant
   * policy) is not in effect yet (catalog F), so waiting helps only if someone just made one.
   * Retried by `check --wait` and the wizard, not by fleet retries or plain `check`.
   */
  propagation: boolean;
  exitCode: ExitCode;
  summary: (f: Facts) => string;
  fix: (f: Facts) => string;
  learnMore?: string;
}

// ---------------------------------------------------------------------------------------------
// Microsoft Learn pages (catalog section H, source index)

export const LEARN = {
  entraErrors: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
  clientCredentials: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
  oauthSmtp:
    'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
  newServicePrincipal: 'https://learn.microsoft.com/en-us/powershell/module/exchange/new-serviceprincipal',
  smtpAuth:
    'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  setCasMailbox: 'https://learn.microsoft.com/en-us/powershell/module/exchange/set-casmailbox',
  securityDefaults: 'https://learn.microsoft.com/en-us/entra/fundamentals/security-defaults',
  printersLob:
    'https://learn.microsoft.com/en-us/troubleshoot/exchange/email-delivery/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off',
  submission: 'https://learn.microsoft.com/en-us/troubleshoot/exchange/send-emails/smtp-submission-improvements',
  quota:
    'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-for-submission-quota-exceeded-in-exchange-online',
  ndr: 'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online',
  limits:
    'https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits',
  claims: 'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference',
  nationalClouds: 'https://learn.microsoft.com/en-us/entra/identity-platform/authentication-national-cloud',
  basicAuthRetirement:
    'https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750',
} as const;

// ---------------------------------------------------------------------------------------------
// Wording helpers: values filled in, `<placeholder>` when unknown

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]+)/i.exec(url.trim());
  return m?.[1];
}

const tenant = (f: Facts) => f.tenantId ?? '<tenant id>';
const client = (f: Facts) => f.clientId ?? '<client id>';
const mailbox = (f: Facts) => f.mailbox ?? '<mailbox>';
const sender = (f: Facts) => f.from ?? '<sender address>';
const spId = (f: Facts) => f.servicePrincipalObjectId ?? '<object id of the Enterprise application>';
// The same values inside a PowerShell command line, quoted as PowerShell reads them back exactly
// (src/powershell-quote.ts); an unknown value stays a bare <placeholder>, to be replaced by hand.
const psValue = (value: string | undefined, placeholder: string) => (value === undefined ? placeholder : psArgument(value));
const psClient = (f: Facts) => psValue(f.clientId, client(f));
const psMailbox = (f: Facts) => psValue(f.mailbox, mailbox(f));
const psSender = (f: Facts) => psValue(f.from, sender(f));
const psSpId = (f: Facts) => psValue(f.servicePrincipalObjectId, spId(f));
// In summaries an unknown value is described, not shown as a placeholder.
const theApp = (f: Facts) => (f.clientId ? `app ${f.clientId}` : 'the app');
const theTenant = (f: Facts) => (f.tenantId ? `tenant ${f.tenantId}` : 'the tenant');
const theMailbox = (f: Facts) => (f.mailbox ? `mailbox ${f.mailbox}` : 'the mailbox');
const theSender = (f: Facts) => (f.from ? `the sender address ${f.from}` : 'the sender address');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// The cloud's values come from the cloud table (src/cloud.ts, catalog D), never from a guess on a
// host name: US Government and DoD share an authority host but not a scope or an SMTP host.
const hostnameOf = (url: string) => new URL(url).hostname;

/** The cloud of this failure: `--cloud` when known, else the one whose authority host was used, else worldwide. */
function cloudOf(f: Facts): Cloud {
  if (f.cloud && (CLOUD_NAMES as readonly string[]).includes(f.cloud)) return CLOUDS[f.cloud as Cloud['name']];
  return (f.authorityHost && cloudOfAuthorityHost(f.authorityHost)) || GLOBAL_CLOUD;
}
/** The cloud's own hosts, as opposed to the ones in use (which may be the wrong ones). */
const cloudAuthority = (f: Facts) => hostnameOf(cloudOf(f).authorityHost);
const cloudSmtpHost = (f: Facts) => cloudOf(f).smtpHost;
const cloudSmtpPort = (f: Facts) => cloudOf(f).smtpPort;
const authority = (f: Facts) => hostOf(f.authorityHost) ?? cloudAuthority(f);
const smtpHost = (f: Facts) => f.smtpHost ?? cloudSmtpHost(f);
const smtpPort = (f: Facts) => f.smtpPort ?? cloudSmtpPort(f);

/** The scope `check` requests in this cloud (catalog A.9, D). */
const scope = (f: Facts) => cloudOf(f).scope;

/** `--cloud usgov: the authority login.microsoftonline.us, the scope … and the SMTP host …` */
const cloudSettings = (c: Cloud) =>
  `--cloud ${c.name}: the authority ${hostnameOf(c.authorityHost)}, the scope ${c.scope} and the SMTP host ${c.smtpHost}`;

/** Every cloud with its authority host, for a tenant that may live in another one. */
const CLOUD_CHOICES = Object.values(CLOUDS)
  .map((c) => `${c.title}: --cloud ${c.name} (${hostnameOf(c.authorityHost)})`)
  .join('; ');

/** `host:port` of the failure, or a description when unknown. */
function where(f: Facts): string {
  if (f.host) return f.port ? `${f.host}:${f.port}` : f.host;
  if (f.target === 'token') return `the token endpoint (${authority(f)})`;
  if (f.target === 'smtp') return `${smtpHost(f)}:${smtpPort(f)}`;
  return 'the server';
}

/** Who answered: Exchange Online, or the other server the user is connected to. */
const server = (f: Facts) =>
  f.host && !/(?:office365|outlook)\.(?:com|us|cn)$/i.test(f.host) ? `The server ${f.host}` : 'Exchange Online';

const PHASE_TEXT: Record<SmtpPhase, string> = {
  connect: 'while connecting',
  greeting: 'while waiting for the server greeting',
  ehlo: 'after EHLO',
  starttls: 'during STARTTLS',
  auth: 'during AUTH',
  mail: 'at MAIL FROM',
  rcpt: 'at RCPT TO',
  data: 'while sending the message (DATA)',
};
const during = (f: Facts) => (f.phase ? ` ${PHASE_TEXT[f.phase]}` : '');

/** `: "<quoted reply>"` when there is one. */
const said = (f: Facts) => (f.quoted ? `: "${f.quoted}"` : '.');

/** A command on its own line under its numbered item, ready to copy. */
const run = (command: string) => `\n     ${command}`;

/** `Test-NetConnection`/`nc` lines for a host and port. */
const portTest = (host: string, port: number) =>
  `${run(`Test-NetConnection ${psArgument(host)} -Port ${port}`)}   (Windows PowerShell)${run(`nc -vz ${shellQuote(host)} ${port}`)}   (Linux, macOS)`;

function numbered(...lines: (string | false | undefined)[]): string {
  return lines
    .filter((l): l is string => typeof l === 'string' && l !== '')
    .map((l, i) => `${i + 1}. ${l}`)
    .join('\n');
}

const PORTAL = 'Microsoft Entra admin center';
const appPath = (f: Facts) => `${PORTAL} → App registrations → the app with Application (client) ID ${client(f)}`;

const CONSENT_PATH = (f: Facts) =>
  `${appPath(f)} → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp → Add permissions.`;
const GRANT_CONSENT =
  'On the same page choose "Grant admin consent" and check that SMTP.SendAsApp shows type "Application" (not "Delegated") and status "Granted".';
const FRESH_TOKEN =
  'Request a fresh token: a token issued before the consent keeps its old roles until it expires (60–90 minutes).';

const NEW_SECRET = (f: Facts) =>
  `${appPath(f)} → Certificates & secrets → Client secrets → New client secret; copy the Value column at once (it is shown only once — the Secret ID is not the secret).`;
const USE_SECRET = 'Put that value into the client secret setting of the sending application (step 4).';

/** The portal action that creates a client secret (also used by the expiry warning of `check`). */
export function newClientSecretAction(clientId?: string): string {
  return NEW_SECRET(clientId ? { clientId } : {});
}

/** Where a certificate credential is uploaded (the wizard's instructions and `check`'s expiry warning). */
export function uploadCertificateAction(clientId?: string): string {
  return `${appPath(clientId ? { clientId } : {})} → Certificates & secrets → Certificates → Upload certificate → the public .cer/.pem/.crt file → Add.`;
}

const EXO_CONNECT = 'In Exchange Online PowerShell (Connect-ExchangeOnline):';
const PROPAGATION =
  'Exchange applies such changes after 15–30 minutes (a new mailbox can take up to a day): if you made them just now, wait and try again with a fresh token.';

function servicePrincipalSteps(f: Facts): string[] {
  const oidNote = f.servicePrincipalObjectId ? ` (the token's oid claim is ${spId(f)}: that is this value)` : '';
  return [
    `${EXO_CONNECT} check the service principal:${run(`Get-ServicePrincipal -Identity ${psClient(f)} | Format-List AppId,ObjectId`)}`,
    `Its ObjectId must be the Object ID of the Enterprise application (${PORTAL} → Enterprise applications → the app → Overview), not the Object ID shown under App registrations${oidNote}.`,
    `If it exists with another ObjectId, remove it:${run(`Remove-ServicePrincipal -Identity ${psClient(f)}`)}`,
    `If it is missing (or was just removed), create it:${run(`New-ServicePrincipal -AppId ${psClient(f)} -ObjectId ${psSpId(f)}`)}`,
    `Give it access to the mailbox:${run(`Add-MailboxPermission -Identity ${psMailbox(f)} -User ${psSpId(f)} -AccessRights FullAccess`)}`,
    `The user= name in the XOAUTH2 login must be that mailbox (${mailbox(f)}), not an alias, a group or the application.`,
    PROPAGATION,
  ];
}

function smtpAuthSteps(f: Facts, scopeOf: 'mailbox' | 'tenant' | 'either'): (string | false)[] {
  return [
    `${EXO_CONNECT} look at the settings:${run(`Get-CASMailbox -Identity ${psMailbox(f)} | Format-List SmtpClientAuthenticationDisabled`)}` +
      (scopeOf !== 'mailbox' ? run('Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled') : ''),
    `Turn SMTP AUTH on for the mailbox${scopeOf !== 'mailbox' ? ' (this overrides the organization setting)' : ''}:${run(`Set-CASMailbox -Identity ${psMailbox(f)} -SmtpClientAuthenticationDisabled $false`)}`,
    scopeOf !== 'mailbox' && `Or for every mailbox of the organization:${run('Set-TransportConfig -SmtpClientAuthenticationDisabled $false')}`,
    `If security defaults are on, SMTP AUTH stays blocked: ${PORTAL} → Entra ID → Overview → Properties → Manage security defaults → Disabled (replace them with Conditional Access policies).`,
    'The change takes effect after 15–30 minutes.',
  ];
}

const SMTP_SETTINGS = (f: Facts) =>
  `Sending application (step 4): host ${smtpHost(f)}, port ${smtpPort(f)}, STARTTLS (not implicit TLS), authentication XOAUTH2 with user=${mailbox(f)} and a token from tenant ${tenant(f)}, client id ${client(f)}.`;

const minutes = (seconds: number) => (seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`);

function isoTime(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return Number.isNaN(d.getTime()) ? String(epochSeconds) : d.toISOString().replace('.000Z', 'Z');
}

function listOrNone(values: readonly string[] | undefined): string {
  if (!values || values.length === 0) return 'none';
  const shown = values.slice(0, 8).map((v) => String(v).slice(0, 80));
  return shown.join(', ') + (values.length > 8 ? ', …' : '');
}

// ---------------------------------------------------------------------------------------------
// The table

const TLS_UNTRUSTED_CODES = [
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
];

export const catalog: readonly CatalogEntry[] = [
  // ===== A. Entra ID token endpoint =========================================================
  {
    code: 'client-secret-invalid',
    source: 'AADSTS7000215',
    example: 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app \'<APP_ID>\'.',
    title: 'Invalid client secret (secret ID used instead of its Value, or a wrong value)',
    domain: 'token',
    recognise: { aadsts: [7000215] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `Entra ID rejected the client secret for ${theApp(f)}. Usually the secret's ID (a GUID) was entered instead of its Value, or the value is cut short or belongs to another app.`,
    fix: (f) =>
      numbered(
        NEW_SECRET(f),
        USE_SECRET,
        'A secret created seconds ago can take a minute before Entra ID accepts it.',
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'client-secret-expired',
    source: 'AADSTS7000222',
    example: 'AADSTS7000222: The provided client secret keys for app \'<APP_ID>\' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.',
    title: 'Client secret expired',
    domain: 'token',
    recognise: { aadsts: [7000222] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      f.secretStillAccepted
        ? `The client secret of ${theApp(f)} expired on ${f.secretExpiresOn ?? 'the date given'} (the expiry date you gave). Entra ID still issued a token with it, as it may for a short while (or the date is wrong), but it will refuse the secret with AADSTS7000222 any moment now.`
        : `The client secret of ${theApp(f)} has expired${f.secretExpiresOn ? ` (expiry date given: ${f.secretExpiresOn})` : ''}, so Entra ID no longer issues tokens with it.`,
    fix: (f) =>
      numbered(
        NEW_SECRET(f),
        USE_SECRET,
        'Note the new expiry date (portal secrets last at most 24 months), pass it to check with --secret-expires <date> so it warns in time, and delete the expired secret.',
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'client-secret-missing',
    source: 'AADSTS7000218',
    example: 'AADSTS7000218: The request body must contain the following parameter: \'client_assertion\' or \'client_secret\'.',
    title: 'No client secret sent',
    domain: 'token',
    recognise: { aadsts: [7000218], or: [{ aadsts: [90014], phrases: [/client_secret/i] }] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: () =>
      'The token request carried no client secret: the secret setting of the sending application is empty or was not passed on.',
    fix: (f) =>
      numbered(
        `Set the client secret (the Value from ${appPath(f)} → Certificates & secrets) in the sending application; if it is read from an environment variable or file, check that it is set for the process that sends mail.`,
        `If you no longer have the value, create a new secret: ${NEW_SECRET(f)}`,
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'app-not-found-in-tenant',
    source: 'AADSTS700016',
    example: 'AADSTS700016: Application with identifier \'<APP_ID>\' was not found in the directory \'<TENANT>\'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.',
    title: 'Application not found in the tenant',
    domain: 'token',
    recognise: { aadsts: [700016] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `Entra ID found no application ${f.clientId ? `with client id ${f.clientId}` : 'with the configured client id'} in ${theTenant(f)}: the client id or the tenant id is wrong, or the app was deleted.`,
    fix: (f) =>
      numbered(
        `${PORTAL} → App registrations → All applications → open the app → Overview: compare "Application (client) ID" with ${client(f)} and "Directory (tenant) ID" with ${tenant(f)}.`,
        'Correct the client id or tenant id in the sending application (step 4).',
        'If the app is registered in another tenant, register a single-tenant app in the tenant that owns the mailbox (step 1).',
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'app-service-principal-missing',
    source: 'AADSTS7000229',
    example: 'AADSTS7000229: The client application <APP_ID> is missing service principal in the tenant <TENANT_ID>. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119',
    title: 'Application has no service principal (Enterprise application) in the tenant',
    domain: 'token',
    recognise: { aadsts: [7000229] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `${cap(theApp(f))} is registered but has no Enterprise application (service principal) in ${theTenant(f)}, which happens when an app is created by script or API.`,
    fix: (f) =>
      numbered(
        `Create it with the Azure CLI:${run(`az ad sp create --id ${client(f)}`)}\n   or with Microsoft Graph PowerShell:${run(`New-MgServicePrincipal -AppId ${psClient(f)}`)}`,
        `Grant admin consent: ${appPath(f)} → API permissions → Grant admin consent.`,
        `Then do step 2 with the new Enterprise application's Object ID:${run(`New-ServicePrincipal -AppId ${psClient(f)} -ObjectId ${psSpId(f)}`)}`,
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'tenant-not-found',
    source: 'AADSTS90002',
    example: 'AADSTS90002: Tenant \'<TENANT>\' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.',
    title: 'Tenant not found',
    domain: 'token',
    recognise: { aadsts: [90002] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `Entra ID does not know ${theTenant(f)} at ${authority(f)}: the tenant id is mistyped, or the tenant belongs to another Microsoft cloud.`,
    fix: (f) =>
      numbered(
        `${PORTAL} → Entra ID → Overview: copy the Tenant ID (a GUID) and use it in the sending application (step 4).`,
        `Check the cloud: ${CLOUD_CHOICES}. This request went to ${authority(f)}${f.cloud ? ` (--cloud ${f.cloud})` : ''}.`,
      ),
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'tenant-id-invalid',
    source: 'AADSTS900023',
    example: 'AADSTS900023: Specified tenant identifier \'<TENANT>\' is neither a valid DNS name, nor a valid external domain.',
    title: 'Tenant identifier is not a GUID or domain',
    domain: 'token',
    recognise: { aadsts: [900023] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `The tenant id ${f.tenantId ? `"${f.tenantId}" ` : ''}is neither a valid GUID nor a domain name, so Entra ID cannot tell which tenant is meant.`,
    fix: () =>
      numbered(
        `Use the Directory (tenant) ID from ${PORTAL} → Entra ID → Overview (a GUID), or a verified domain such as contoso.onmicrosoft.com.`,
        'Remove quotes, spaces, URLs or a client id pasted into the tenant field.',
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'tenant-missing',
    source: 'AADSTS50059',
    example: 'AADSTS50059: No tenant-identifying information found in either the request or implied by any provided credentials.',
    title: 'No tenant in the request (authority /common or /organizations)',
    domain: 'token',
    recognise: { aadsts: [50059] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: () =>
      'The token request named no tenant (for example an authority ending in /common or /organizations); app-only tokens need the tenant id.',
    fix: (f) =>
      numbered(
        `Use the authority https://${authority(f)}/${tenant(f)} with your tenant GUID or verified domain, not /common or /organizations (step 4).`,
      ),
    learnMore: LEARN.clientCredentials,
  },
  {
    code: 'scope-not-default',
    source: 'AADSTS1002012',
    example: 'AADSTS1002012: The provided value for scope <SCOPE> is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    title: 'Scope is not <resource>/.default',
    domain: 'token',
    recognise: { aadsts: [1002012] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: () =>
      'The token request asked for a scope that does not end in /.default; the client-credentials flow only accepts "<resource>/.default".',
    fix: (f) =>
      numbered(
        `Set the scope to exactly ${scope(f)} (not SMTP.Send, SMTP.SendAsApp or offline_access) in the sending application (step 4).`,
        'The SMTP.SendAsApp permission comes from the admin-consented application permission (step 1), not from the scope.',
      ),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'scope-invalid',
    source: 'AADSTS70011',
    example: 'AADSTS70011: The provided value for the input parameter \'scope\' is not valid. The scope <SCOPE> is not valid.',
    title: 'Invalid scope value',
    domain: 'token',
    recognise: { aadsts: [70011] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: () => 'Entra ID rejected the requested scope as malformed.',
    fix: (f) =>
      numbered(
        `Set the scope to exactly ${scope(f)} — one resource, no extra scopes such as offline_access (step 4).`,
      ),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'resource-not-found',
    source: 'AADSTS500011',
    example: 'AADSTS500011: The resource principal named <RESOURCE> was not found in the tenant named <TENANT>. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.',
    title: 'Resource principal not found in the tenant',
    domain: 'token',
    recognise: { aadsts: [500011] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `Entra ID found no resource for the requested scope in ${theTenant(f)}: the scope has a typo or belongs to another cloud.`,
    fix: (f) =>
      numbered(
        `Set the scope to exactly ${scope(f)} (step 4); Microsoft Graph scopes do not work for SMTP.`,
        'If the tenant has no Exchange Online subscription, SMTP sending through Exchange Online is not available to it.',
      ),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'conditional-access-blocked',
    source: 'AADSTS53003',
    example: 'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    title: 'Blocked by Conditional Access',
    domain: 'token',
    recognise: { aadsts: [53003] },
    step: 3,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) => `A Conditional Access policy blocked the token for ${theApp(f)}.`,
    fix: (f) =>
      numbered(
        `${PORTAL} → Entra ID → Monitoring & health → Sign-in logs → Service principal sign-ins, filter by application ID ${client(f)}: the failed sign-in names the policy.`,
        `${PORTAL} → Entra ID → Conditional Access → Policies: exclude this app from that policy, or allow the location it sends from.`,
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'app-disabled',
    source: 'AADSTS7000112',
    example: 'AADSTS7000112: Application \'<APP_ID>\'(<APP_DISPLAY_NAME>) is disabled.',
    title: 'Application disabled',
    domain: 'token',
    recognise: { aadsts: [7000112] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `${cap(theApp(f))} is disabled in ${theTenant(f)}: its Enterprise application is not enabled for sign-in, or Microsoft disabled it.`,
    fix: (f) =>
      numbered(
        `${PORTAL} → Enterprise applications → the app → Properties → "Enabled for users to sign in?" → Yes → Save; or with the Azure CLI:${run(`az ad sp update --id ${spId(f)} --set accountEnabled=true`)}`,
        'If Microsoft disabled the app, you cannot re-enable it: register a new app (step 1) or open a support case.',
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'exchange-service-principal-disabled',
    source: 'AADSTS500014',
    example: 'AADSTS500014: The service principal for resource \'<RESOURCE>\' is disabled.',
    title: 'Resource service principal (Office 365 Exchange Online) disabled',
    domain: 'token',
    recognise: { aadsts: [500014] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: () =>
      'The resource the token is for is disabled in this tenant — for SMTP that is the "Office 365 Exchange Online" enterprise application (appId 00000002-0000-0ff1-ce00-000000000000).',
    fix: () =>
      numbered(
        `${PORTAL} → Enterprise applications → remove the "Application type" filter, search for "Office 365 Exchange Online" → Properties → "Enabled for users to sign in?" → Yes → Save.`,
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'client-assertion-invalid',
    source: 'AADSTS700027',
    example: 'AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: \'<THUMBPRINT>\'',
    title: 'Client certificate assertion has an invalid signature',
    domain: 'token',
    recognise: { aadsts: [700027] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `Entra ID could not verify the certificate assertion for ${theApp(f)}: the certificate used is not uploaded to this app.`,
    fix: (f) =>
      numbered(
        `${appPath(f)} → Certificates & secrets → Certificates: upload the public part of the certificate the sending application uses, or configure the application with a certificate listed there (compare thumbprints).`,
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'client-assertion-expired',
    source: 'AADSTS700024',
    example: 'AADSTS700024: Client assertion is not within its valid time range. Current time: <TIME>',
    title: 'Client certificate assertion outside its validity time',
    domain: 'token',
    recognise: { aadsts: [700024] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: () =>
      'The certificate assertion was not within its valid time range, which usually means the clock of the sending machine is wrong.',
    fix: () => numbered('Synchronise the system clock of the sending machine (NTP) and try again.'),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'token-request-malformed',
    source: 'AADSTS900144',
    example: 'AADSTS900144: The request body must contain the following parameter: \'client_id\'.',
    title: 'Token request misses a required parameter',
    domain: 'token',
    recognise: { aadsts: [900144, 90014] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `The token request lacked a required parameter${f.quoted ? ` (Entra ID said: "${f.quoted}")` : ''}.`,
    fix: (f) =>
      numbered(
        `Check that the sending application has a client id (${client(f)}), a tenant id (${tenant(f)}), a client secret and the scope ${scope(f)} set (step 4).`,
      ),
    learnMore: LEARN.clientCredentials,
  },
  {
    code: 'app-is-public-client',
    source: 'AADSTS700025',
    example: 'AADSTS700025: Client is public so neither \'client_assertion\' nor \'client_secret\' should be presented.',
    title: 'Application is a public client',
    domain: 'token',
    recognise: { aadsts: [700025] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `${cap(theApp(f))} is marked as a public client, so Entra ID refuses a client secret for it; the client-credentials flow needs a confidential client.`,
    fix: (f) =>
      numbered(`${appPath(f)} → Authentication → Advanced settings → "Allow public client flows" → No → Save.`),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'tenant-in-national-cloud',
    source: 'AADSTS90038',
    example: 'AADSTS90038: Tenant \'<TENANT>\' request is being redirected to the National Cloud \'microsoftonline.us\'.',
    title: 'Tenant is in a national cloud (e.g. US Government)',
    domain: 'token',
    recognise: { aadsts: [90038] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `${cap(theTenant(f))} lives in a national cloud, but the token was requested from ${authority(f)}.`,
    fix: () =>
      numbered(
        `For GCC High tenants run with ${cloudSettings(CLOUDS.usgov)}; for DoD tenants with ${cloudSettings(CLOUDS.usgovdod)} (step 4).`,
      ),
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'tenant-in-public-cloud',
    source: 'AADSTS900440',
    example: 'AADSTS900440: Requests to tenants hosted in the public cloud are not supported on USGov endpoints',
    title: 'Public-cloud tenant sent to a US Government authority',
    domain: 'token',
    recognise: { aadsts: [900440] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) => `${cap(theTenant(f))} is in the worldwide cloud, but the token was requested from ${authority(f)}.`,
    fix: () =>
      numbered(
        `Run with ${cloudSettings(CLOUDS.global)} (the default; step 4).`,
      ),
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'cross-cloud-request',
    source: 'AADSTS900432',
    example: 'AADSTS900432: Confidential Client is not supported in Cross Cloud request.',
    title: 'Confidential client used across clouds',
    domain: 'token',
    recognise: { aadsts: [900432] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `The app and the authority ${authority(f)} belong to different Microsoft clouds, which the client-credentials flow does not support.`,
    fix: () =>
      numbered(
        `Use the cloud the tenant lives in: ${CLOUD_CHOICES} (step 4).`,
      ),
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'user-sign-in-used',
    source: 'AADSTS50126',
    example: 'AADSTS50126: Error validating credentials due to invalid username or password.',
    title: 'User sign-in error: the application is not using client credentials',
    domain: 'token',
    recognise: { aadsts: [50126, 50034, 50076, 50079, 65001, 530035] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: () =>
      'This is an error of a user sign-in (user name and password, MFA or user consent), so the sending application is not using the app-only client-credentials flow this setup is made for.',
    fix: (f) =>
      numbered(
        `Configure the sending application for OAuth 2.0 client credentials: tenant ${tenant(f)}, client id ${client(f)}, the client secret Value and the scope ${scope(f)} — no user password (step 4).`,
        'The app needs the application permission SMTP.SendAsApp with admin consent (step 1), not the delegated SMTP.Send.',
      ),
    learnMore: LEARN.clientCredentials,
  },
  {
    code: 'token-service-unavailable',
    source: 'temporarily_unavailable',
    example: '{"error":"temporarily_unavailable","error_description":"The server is temporarily too busy to handle the request."}',
    title: 'Entra ID temporarily unavailable or throttling',
    domain: 'token',
    recognise: {
      oauthError: ['temporarily_unavailable'],
      or: [{ httpStatus: [429, 500, 502, 503, 504] }, { aadsts: [50000] }],
    },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `The token endpoint at ${authority(f)} is busy or temporarily unavailable${f.status ? ` (HTTP ${f.status})` : ''}; this is on Microsoft's side.`,
    fix: (f) =>
      numbered(
        f.retryAfterSeconds
          ? `Wait ${minutes(f.retryAfterSeconds)} (Microsoft's Retry-After) and try again.`
          : 'Wait a minute and try again; retry with increasing pauses.',
        'If it persists, check https://status.cloud.microsoft and the Service health page of the Microsoft 365 admin center.',
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'authority-metadata-unavailable',
    source: 'endpoints_resolution_error',
    example: 'ClientAuthError: endpoints_resolution_error',
    title: 'Token endpoint could not be discovered',
    domain: 'token',
    recognise: { oauthError: ['endpoints_resolution_error', 'openid_config_error'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `The token endpoint of ${theTenant(f)} at ${authority(f)} could not be looked up: the tenant id or authority host is wrong, or the network blocked the request.`,
    fix: (f) =>
      numbered(
        `Open https://${authority(f)}/${tenant(f)}/v2.0/.well-known/openid-configuration in a browser on the same machine: an error there means the tenant id or authority host is wrong (step 4); no answer means a network or proxy problem.`,
      ),
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'client-authentication-failed',
    source: 'invalid_client',
    title: 'Client authentication failed (no AADSTS code given)',
    domain: 'token',
    generic: true,
    recognise: { oauthError: ['invalid_client'] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) => `Entra ID did not accept the credentials of ${theApp(f)}${said(f)}`,
    fix: (f) =>
      numbered(
        `Check the client id ${client(f)} and tenant ${tenant(f)} against ${appPath(f)} → Overview (step 4).`,
        `If in doubt, create a new secret and use its Value: ${NEW_SECRET(f)}`,
      ),
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'token-request-failed',
    source: null,
    title: 'Token request failed for an unrecognised reason',
    domain: 'token',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) =>
      `Entra ID refused the token request${f.status ? ` (HTTP ${f.status})` : ''}${f.quoted ? `: "${f.quoted}"` : ' without saying why.'}`,
    fix: (f) =>
      numbered(
        f.matched?.startsWith('AADSTS')
          ? `Look up ${f.matched} at https://login.microsoftonline.com/error?code=${f.matched.slice(6)} .`
          : undefined,
        `Check tenant ${tenant(f)}, client id ${client(f)}, the client secret Value and the scope ${scope(f)} (step 4), and that the app exists under ${PORTAL} → App registrations (step 1).`,
      ),
    learnMore: LEARN.entraErrors,
  },

  // ===== C. Claims of the access token =======================================================
  {
    code: 'token-missing-role',
    source: null,
    title: 'Token lacks the SMTP.SendAsApp role',
    domain: 'claim',
    recognise: { claim: 'missing-role' },
    step: 1,
    transient: false,
    propagation: true,
    exitCode: ExitCode.token,
    summary: (f) => {
      const roles = f.claim?.kind === 'missing-role' ? f.claim.roles : undefined;
      return `The access token has no SMTP.SendAsApp role (roles: ${listOrNone(roles)}), so Exchange Online would refuse the login: the application permission was not added or admin consent was not granted.`;
    },
    fix: (f) => numbered(CONSENT_PATH(f), GRANT_CONSENT, FRESH_TOKEN),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'token-wrong-audience',
    source: null,
    title: 'Token is not for Exchange Online (wrong audience)',
    domain: 'claim',
    recognise: { claim: 'audience' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) => {
      const c = f.claim?.kind === 'audience' ? f.claim : undefined;
      const graph = c && /graph\.microsoft/i.test(c.aud) ? ' Microsoft Graph tokens (Mail.Send) do not work for SMTP.' : '';
      return `The token is for "${c?.aud.slice(0, 120) || 'an unknown audience'}", not for Exchange Online (${listOrNone(c?.expected)}).${graph}`;
    },
    fix: (f) => numbered(`Request the token with the scope ${scope(f)} (step 4).`),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'token-wrong-tenant',
    source: null,
    title: 'Token issued by another tenant',
    domain: 'claim',
    recognise: { claim: 'tenant-mismatch' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) => {
      const c = f.claim?.kind === 'tenant-mismatch' ? f.claim : undefined;
      return `The token was issued by tenant ${c?.tid || '(unknown)'}, but the configured tenant is ${c?.expected || '(unknown)'}.`;
    },
    fix: (f) =>
      numbered(
        `Use the Directory (tenant) ID of the tenant that owns mailbox ${mailbox(f)} (${PORTAL} → Entra ID → Overview) as the tenant in the sending application (step 4).`,
      ),
    learnMore: LEARN.claims,
  },
  {
    code: 'token-wrong-app',
    source: null,
    title: 'Token issued to another application',
    domain: 'claim',
    recognise: { claim: 'app-mismatch' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) => {
      const c = f.claim?.kind === 'app-mismatch' ? f.claim : undefined;
      return `The token belongs to application ${c?.appid || '(unknown)'}, not to the configured client id ${c?.expected || '(unknown)'}.`;
    },
    fix: () =>
      numbered(
        'Use one app throughout: the client id in the sending application, the app that has SMTP.SendAsApp (step 1) and the AppId of the Exchange service principal (step 2) must be the same.',
      ),
    learnMore: LEARN.claims,
  },
  {
    code: 'token-expired',
    source: null,
    title: 'Token expired',
    domain: 'claim',
    recognise: { claim: 'expired' },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) => {
      const c = f.claim?.kind === 'expired' ? f.claim : undefined;
      if (!c) return 'The access token has expired.';
      const ago = Math.max(0, Math.round((c.now - c.exp) / 60));
      return `The access token expired at ${isoTime(c.exp)} (${ago} minute${ago === 1 ? '' : 's'} ago).`;
    },
    fix: () =>
      numbered(
        'Request a new token; tokens last 60–90 minutes.',
        'If a brand-new token is already expired, the clock of this machine is wrong: synchronise it (NTP).',
      ),
    learnMore: LEARN.claims,
  },
  {
    code: 'token-delegated',
    source: null,
    title: 'Delegated (user) token where an app-only token is needed',
    domain: 'claim',
    recognise: { claim: 'delegated' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) => {
      const c = f.claim?.kind === 'delegated' ? f.claim : undefined;
      const detail = [c?.scp && `scp "${c.scp.slice(0, 100)}"`, c?.upn && `user ${c.upn.slice(0, 100)}`].filter(Boolean).join(', ');
      return `The token was issued for a signed-in user${detail ? ` (${detail})` : ''}, but this setup sends as an application and needs an app-only token from the client-credentials flow.`;
    },
    fix: (f) =>
      numbered(
        `Request the token with the client-credentials flow: tenant ${tenant(f)}, client id ${client(f)}, client secret, scope ${scope(f)} (step 4).`,
        'Give the app the application permission SMTP.SendAsApp with admin consent (step 1), not the delegated SMTP.Send.',
      ),
    learnMore: LEARN.clientCredentials,
  },
  {
    code: 'token-undecodable',
    source: null,
    title: 'Access token cannot be decoded',
    domain: 'claim',
    recognise: { claim: 'undecodable' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    summary: (f) => {
      const c = f.claim?.kind === 'undecodable' ? f.claim : undefined;
      return `The access token is not a readable JWT${c?.reason ? ` (${c.reason.slice(0, 120)})` : ''}, so its permissions cannot be checked.`;
    },
    fix: (f) =>
      numbered(
        `Make sure the token comes from the token endpoint of tenant ${tenant(f)} for the scope ${scope(f)}, and is passed on whole (not cut short or quoted) (step 4).`,
      ),
    learnMore: LEARN.claims,
  },

  // ===== B. SMTP replies from Exchange Online =================================================
  {
    code: 'smtp-auth-unsuccessful',
    source: '535 5.7.3',
    example: '535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]',
    title: 'Authentication unsuccessful (XOAUTH2 rejected; token role not known)',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.3'], sendAsRole: 'unknown' },
    step: 2,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    summary: (f) =>
      `Exchange Online refused the XOAUTH2 login for ${theMailbox(f)} (535 5.7.3) without saying why. Most often the token lacks SMTP.SendAsApp (step 1), or the Exchange service principal is missing, has the wrong object id or lacks FullAccess (step 2).`,
    fix: (f) =>
      [
        'First look at the token\'s roles claim (decode the token): does it contain SMTP.SendAsApp?',
        'If not (step 1):',
        numbered(CONSENT_PATH(f), GRANT_CONSENT, FRESH_TOKEN),
        'If it does (step 2):',
        numbered(...servicePrincipalSteps(f)),
      ].join('\n'),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-auth-service-principal',
    source: '535 5.7.3',
    example: '535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]',
    title: 'Authentication unsuccessful with a valid SMTP.SendAsApp token: Exchange service principal or mailbox permission',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.3'], sendAsRole: 'present' },
    step: 2,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    summary: (f) =>
      `Exchange Online refused the XOAUTH2 login for ${theMailbox(f)} although the token carries SMTP.SendAsApp. The Exchange service principal is missing or was created with the app registration's object id instead of the Enterprise application's, or it lacks FullAccess to the mailbox — or a recent change has not propagated yet.`,
    fix: (f) => numbered(...servicePrincipalSteps(f)),
    learnMore: LEARN.newServicePrincipal,
  },
  {
    code: 'smtp-auth-missing-role',
    source: '535 5.7.3',
    example: '535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]',
    title: 'Authentication unsuccessful: the token lacks SMTP.SendAsApp',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.3'], sendAsRole: 'absent' },
    step: 1,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    summary: (f) =>
      `Exchange Online refused the XOAUTH2 login for ${theMailbox(f)} because the token has no SMTP.SendAsApp role: the application permission is missing or admin consent was not granted.`,
    fix: (f) =>
      numbered(
        CONSENT_PATH(f),
        GRANT_CONSENT,
        FRESH_TOKEN,
        `Make sure step 2 is done too:${run(`New-ServicePrincipal -AppId ${psClient(f)} -ObjectId ${psSpId(f)}`)}${run(`Add-MailboxPermission -Identity ${psMailbox(f)} -User ${psSpId(f)} -AccessRights FullAccess`)}`,
      ),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-auth-disabled-tenant',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]',
    title: 'SMTP AUTH disabled for the organization',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/disabled for the (?:tenant|organi[sz]ation)/i] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    summary: (f) =>
      `SMTP AUTH is turned off for the organization, and ${theMailbox(f)} does not override it, so Exchange Online refuses every SMTP login.`,
    fix: (f) => numbered(...smtpAuthSteps(f, 'tenant')),
    learnMore: LEARN.smtpAuth,
  },
  {
    code: 'smtp-auth-disabled-mailbox',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
    title: 'SMTP AUTH disabled for the mailbox',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/disabled for the (?:mailbox|user)/i] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    summary: (f) => `SMTP AUTH is turned off for ${theMailbox(f)}.`,
    fix: (f) => numbered(...smtpAuthSteps(f, 'mailbox')),
    learnMore: LEARN.smtpAuth,
  },
  {
    code: 'smtp-basic-auth-disabled',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PH7P220CA0132.NAMP220.PROD.OUTLOOK.COM 2024-11-11T21:51:32.927Z 08DD021D9EEB05BC]',
    title: 'Basic authentication disabled (the client used a password, not XOAUTH2)',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/basic auth(?:entication)? (?:is )?(?:disabled|blocked)/i] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    summary: () =>
      'The sending application logged in with a user name and password (AUTH LOGIN/PLAIN), which the tenant blocks; it must use XOAUTH2 with an access token.',
    fix: (f) =>
      numbered(
        'Switch the sending application to OAuth 2.0 / XOAUTH2 (not "password", and do not put the client secret into the password field).',
        SMTP_SETTINGS(f),
      ),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-basic-auth-credentials',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com]',
    title: 'User credentials incorrect (basic authentication attempted)',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/credentials (?:were|are) incorrect/i] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    summary: () =>
      'The sending application logged in with a user name and password (basic authentication) and Exchange Online rejected them; this setup uses XOAUTH2 instead.',
    fix: (f) => numbered('Switch the sending application to OAuth 2.0 / XOAUTH2 with an access token.', SMTP_SETTINGS(f)),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-auth-policy-blocked',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [BN9PR03CA0716.namprd03.prod.outlook.com 2026-07-01T01:57:31.695Z 08DED6A3FAA75B29]',
    title: 'Request did not meet the criteria to be authenticated (tenant policy)',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/did not meet the criteria/i] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    summary: (f) =>
      `A tenant policy (Conditional Access, an authentication policy or security defaults) blocked the SMTP login for ${theMailbox(f)}.`,
    fix: (f) =>
      numbered(
        `${PORTAL} → Entra ID → Monitoring & health → Sign-in logs (and Service principal sign-ins for app ${client(f)}): the failed sign-in names the policy; exclude this app or mailbox from it.`,
        ...smtpAuthSteps(f, 'either').slice(-2),
      ),
    learnMore: LEARN.smtpAuth,
  },
  {
    code: 'smtp-auth-security-defaults',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, user is locked by your organization\'s security defaults policy. Contact your administrator.',
    title: 'Blocked by security defaults',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/security defaults/i] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    summary: () => 'Security defaults are on in this tenant, and they block SMTP AUTH.',
    fix: () =>
      numbered(
        `${PORTAL} → Entra ID → Overview → Properties → Manage security defaults → Disabled, and put Conditional Access policies (MFA for users) in their place.`,
        'The change takes effect after 15–30 minutes.',
      ),
    learnMore: LEARN.securityDefaults,
  },
  {
    code: 'smtp-auth-blocked',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, account locked.',
    title: 'Authentication unsuccessful for a policy reason (other wording)',
    domain: 'smtp',
    generic: true,
    recognise: { smtpReply: [535], enhanced: ['5.7.139'] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    summary: (f) => `Exchange Online refused the SMTP login for a policy reason${said(f)}`,
    fix: (f) => numbered(...smtpAuthSteps(f, 'either')),
    learnMore: LEARN.smtpAuth,
  },
  {
    code: 'smtp-basic-auth-not-supported',
    source: '550 5.7.30',
    example: '550 5.7.30 Basic authentication is not supported for Client Submission.',
    title: 'Basic authentication not supported for client submission',
    domain: 'smtp',
    recognise: { smtpReply: [550], enhanced: ['5.7.30'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    summary: () =>
      'Exchange Online no longer accepts a user name and password for SMTP; the sending application must log in with XOAUTH2.',
    fix: (f) => numbered('Switch the sending application to OAuth 2.0 / XOAUTH2.', SMTP_SETTINGS(f)),
    learnMore: LEARN.basicAuthRetirement,
  },
  {
    code: 'smtp-not-authenticated',
    source: '530 5.7.57',
    example: '530 5.7.57 Client not authenticated to send mail. [BN1P110CA0052.NAMP110.PROD.OUTLOOK.COM 2023-11-29T14:52:57.126Z 08DBE7319275F6BA]',
    title: 'Client not authenticated to send mail',
    domain: 'smtp',
    recognise: { smtpReply: [530], enhanced: ['5.7.57'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    summary: () =>
      'The sending application tried to send without a successful login: it did not authenticate at all, or carried on after a failed AUTH.',
    fix: (f) =>
      numbered(
        'Turn authentication on in the sending application (XOAUTH2) and look at the reply to AUTH: its error is the real cause.',
        SMTP_SETTINGS(f),
      ),
    learnMore: LEARN.printersLob,
  },
  {
    code: 'smtp-starttls-required',
    source: '451 5.7.3',
    example: '451 5.7.3 STARTTLS is required to send mail [SG2PR02CA0073.apcprd02.prod.outlook.com 2024-07-24T03:43:18.298Z 08DCAB6EB788477A]',
    title: 'STARTTLS is required to send mail',
    domain: 'smtp',
    recognise: { smtpReply: [451], enhanced: ['5.7.3'], phrases: [/starttls/i] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: () => 'The sending application did not switch the connection to TLS (STARTTLS) before logging in or sending.',
    fix: (f) => numbered(`Enable STARTTLS (often called "TLS" or "STARTTLS required") for port ${smtpPort(f)} in the sending application.`, SMTP_SETTINGS(f)),
    learnMore: LEARN.printersLob,
  },
  {
    code: 'smtp-auth-mechanism-unsupported',
    source: '504 5.7.4',
    example: '504 5.7.4 Unrecognized authentication type [FR2P281CA0035.DEUP281.PROD.OUTLOOK.COM 2023-03-23T18:00:39.250Z 08DB2B43918359DA]',
    title: 'Unrecognized authentication type',
    domain: 'smtp',
    recognise: { smtpReply: [504], enhanced: ['5.7.4'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    summary: () =>
      'Exchange Online did not accept the login method: AUTH was sent before STARTTLS, or with a mechanism it does not offer (it offers only LOGIN and XOAUTH2).',
    fix: (f) => numbered('Use STARTTLS first, then AUTH XOAUTH2.', SMTP_SETTINGS(f)),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-send-hello-first',
    source: '503 5.5.2',
    example: '503 5.5.2 Send hello first [PR0P264CA0090.FRAP264.PROD.OUTLOOK.COM]',
    title: 'Send hello first',
    domain: 'smtp',
    recognise: { smtpReply: [503], enhanced: ['5.5.2'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    summary: () =>
      'The sending application sent a command before EHLO — typically it did not repeat EHLO after STARTTLS — which is a fault of that SMTP client.',
    fix: () =>
      numbered('Update or reconfigure the sending application so that it sends EHLO again after STARTTLS; use a maintained SMTP library.'),
  },
  {
    code: 'smtp-xoauth2-user-invalid',
    source: '501 5.5.124',
    example: '501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid. Please ensure the auth d',
    title: 'Invalid XOAUTH2 auth data: user address not valid',
    domain: 'smtp',
    recognise: { smtpReply: [501], enhanced: ['5.5.124'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    summary: () => 'The user= value in the XOAUTH2 login is empty or not a valid email address.',
    fix: (f) => numbered(`Set the SMTP user name to the mailbox address (${mailbox(f)}) in the sending application.`),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-tls-version-too-old',
    source: '421 4.7.66',
    example: '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [SA9P221CA0019.NAMP221.PROD.OUTLOOK.COM]',
    title: 'TLS 1.0 and 1.1 are not supported',
    domain: 'smtp',
    recognise: { smtpReply: [421], enhanced: ['4.7.66'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: () => 'The sending application negotiated TLS 1.0 or 1.1; Exchange Online requires TLS 1.2 or newer.',
    fix: () =>
      numbered(
        'Update the sending application, its runtime (.NET, Java, OpenSSL) or the operating system so that it uses TLS 1.2 or 1.3.',
      ),
    learnMore: LEARN.printersLob,
  },
  {
    code: 'smtp-temporary-server-error',
    source: '451 4.7.0',
    example: '451 4.7.0 Temporary server error. Please try again later. PRX4  [server.prod.outlook.com]',
    title: 'Temporary server error',
    domain: 'smtp',
    recognise: { smtpReply: [451], enhanced: ['4.7.0'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) => `Exchange Online had a temporary failure${during(f)}; this is on Microsoft's side.`,
    fix: () => numbered('Try again in a few minutes on a new connection; retry with increasing pauses.'),
  },
  {
    code: 'smtp-concurrent-connections',
    source: '432 4.3.2',
    example: '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=DM5SPR00MB2471.namprd08.prod.outlook.com]',
    title: 'Too many concurrent connections for the mailbox',
    domain: 'smtp',
    recognise: { smtpReply: [432], enhanced: ['4.3.2'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `${cap(theMailbox(f))} already has the maximum of 3 simultaneous SMTP submissions, so Exchange Online refused another one.`,
    fix: () =>
      numbered(
        'Send through fewer parallel connections (ideally one per mailbox) and reuse it for several messages.',
        'Retry after a short pause.',
      ),
    learnMore: LEARN.submission,
  },
  {
    code: 'smtp-mailbox-logon-failure',
    source: '430 4.2.0',
    example: '430 4.2.0 STOREDRV; mailbox logon failure; STOREDRV.Submission.Exception:ConnectionFailedTransientException.MapiExceptionLogonFailed; Failed to process message due to a transient exception with message [BeginDiagnosticData]Cannot open mailbox. Server = ',
    title: 'Mailbox logon failure at submission',
    domain: 'smtp',
    recognise: { smtpReply: [430], enhanced: ['4.2.0'], phrases: [/logon ?failure|logonfailed|cannot open mailbox/i] },
    step: 2,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpMessage,
    summary: (f) =>
      `Exchange Online accepted the login but could not open ${theMailbox(f)} to submit the message: the service principal has no FullAccess to it, or a recent change has not propagated yet.`,
    fix: (f) =>
      numbered(
        `${EXO_CONNECT} give the service principal access to the mailbox:${run(`Add-MailboxPermission -Identity ${psMailbox(f)} -User ${psSpId(f)} -AccessRights FullAccess`)}`,
        `Check it:${run(`Get-MailboxPermission -Identity ${psMailbox(f)} | Format-List User,AccessRights`)}`,
        PROPAGATION,
      ),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-send-as-denied',
    source: '550 5.7.60',
    example: '550 5.7.60 SMTP; Client does not have permissions to send as this sender [MW2PR1901MB2155.namprd19.prod.outlook.com]',
    title: 'Client does not have permissions to send as this sender',
    domain: 'smtp',
    recognise: { smtpReply: [550], enhanced: ['5.7.60'] },
    step: 2,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpMessage,
    summary: (f) =>
      `${cap(theSender(f))} is not the authenticated ${theMailbox(f)}, and the app may not send as it.`,
    fix: (f) =>
      numbered(
        `Send from the mailbox's own address (${mailbox(f)}), or`,
        `${EXO_CONNECT} allow the app to send as ${sender(f)}:${run(`Add-RecipientPermission -Identity ${psSender(f)} -Trustee ${psSpId(f)} -AccessRights SendAs`)}`,
        `If ${sender(f)} is an alias (proxy address) of the mailbox itself, allow sending from aliases instead:${run('Set-OrganizationConfig -SendFromAliasEnabled $true')}`,
        'Permission changes take 15–30 minutes to apply.',
      ),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-send-as-denied-submission',
    source: '554 5.2.0',
    example: '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message. ',
    title: 'SendAsDenied at submission',
    domain: 'smtp',
    recognise: {
      smtpReply: [554],
      enhanced: ['5.2.0'],
      phrases: [/sendasdenied/i],
      or: [{ smtpReply: [554], enhanced: ['5.2.252'], phrases: [/sendasdenied/i] }],
    },
    step: 2,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpMessage,
    summary: (f) =>
      `Exchange Online refused to send as ${theSender(f)}: it is not the authenticated ${theMailbox(f)} and the app has no SendAs permission for it.`,
    fix: (f) =>
      numbered(
        `Send from the mailbox's own address (${mailbox(f)}), or`,
        `${EXO_CONNECT} allow the app to send as ${sender(f)}:${run(`Add-RecipientPermission -Identity ${psSender(f)} -Trustee ${psSpId(f)} -AccessRights SendAs`)}`,
        'Permission changes take 15–30 minutes to apply.',
      ),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-submission-quota-exceeded',
    source: '554 5.2.0',
    example: '554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException',
    title: 'Daily recipient limit (submission quota) exceeded',
    domain: 'smtp',
    recognise: { smtpReply: [554], enhanced: ['5.2.0'], phrases: [/submissionquotaexceeded|submission quota/i] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    summary: (f) =>
      `${cap(theMailbox(f))} has sent to more than 10,000 recipients in the last 24 hours, so Exchange Online refuses further messages for now.`,
    fix: () =>
      numbered(
        'Wait until the rolling 24-hour window drops below the limit, then send again.',
        'For bulk mail use a service built for it (for example Azure Communication Services Email), or spread sending over several mailboxes.',
      ),
    learnMore: LEARN.quota,
  },
  {
    code: 'smtp-sender-mailbox-full',
    source: '554 5.2.2',
    example: '554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded',
    title: 'Sender mailbox full',
    domain: 'smtp',
    recognise: { smtpReply: [554], enhanced: ['5.2.2'], phrases: [/storedrv|quotaexceeded/i] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    summary: (f) => `${cap(theMailbox(f))} is full, so the sent message cannot be stored and Exchange Online refuses it.`,
    fix: (f) =>
      numbered(
        `Free space in ${mailbox(f)} (empty Sent Items and Deleted Items, or archive), or raise its quota.`,
      ),
    learnMore: LEARN.submission,
  },
  {
    code: 'smtp-ip-blocked',
    source: '550 5.7.708',
    example: '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [BM1PR01MB1076.INDPRD01.PROD.OUTLOOK.COM]',
    title: 'Tenant or IP blocked by Microsoft',
    domain: 'smtp',
    recognise: { smtpReply: [550], enhanced: ['5.7.708', '5.7.703', '5.7.705', '5.7.750'] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    summary: () =>
      'Microsoft is refusing mail from this tenant or sending IP range (often a new or trial tenant, or one with suspicious sending); no setting on your side changes that.',
    fix: () =>
      numbered(
        'Open a support request in the Microsoft 365 admin center (Support → New service request) quoting the reply.',
      ),
    learnMore: LEARN.ndr,
  },
  {
    code: 'smtp-sender-banned',
    source: '550 5.7.501',
    example: '550 5.7.501 Service unavailable. Spam abuse detected from IP range. ',
    title: 'Sender blocked for spam (restricted sender)',
    domain: 'smtp',
    recognise: { smtpReply: [550], enhanced: ['5.7.501', '5.7.502', '5.7.503'] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    summary: (f) => `Microsoft has blocked ${theMailbox(f)} from sending because of suspected spam.`,
    fix: () =>
      numbered(
        'Microsoft Defender portal → Email & collaboration → Review → Restricted entities: check the sender, find out why it sent spam (a leaked secret?), then release it.',
      ),
    learnMore: LEARN.ndr,
  },
  {
    code: 'smtp-tenant-recipient-limit',
    source: '5.7.233',
    example: '5.7.233 Your message can\'t be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)',
    title: 'Tenant external recipient rate limit exceeded',
    domain: 'smtp',
    recognise: { enhanced: ['5.7.232', '5.7.233'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    summary: () => 'The tenant has reached its daily limit of external recipients, so Exchange Online refuses more for now.',
    fix: () => numbered('Wait until the daily window frees up, then send again; reduce external bulk sending.'),
    learnMore: LEARN.ndr,
  },

  // ===== Network, TLS and local failures =====================================================
  {
    code: 'connection-refused',
    source: 'ECONNREFUSED',
    example: 'Error: connect ECONNREFUSED 52.98.1.2:587',
    title: 'Connection refused',
    domain: 'network',
    recognise: { nodeCodes: ['ECONNREFUSED'], or: [{ phrases: [/connection refused/i] }] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `The connection to ${where(f)} was refused: nothing accepted it on that port, or a firewall rejected it.`,
    fix: (f) =>
      f.target === 'token'
        ? numbered(
            `Check the authority host (${authority(f)}) and that HTTPS (port 443) to it is allowed, directly or through the proxy.`,
          )
        : numbered(
            `Check host and port: Exchange Online takes SMTP client submission at ${cloudSmtpHost(f)} port ${cloudSmtpPort(f)} with STARTTLS (step 4).`,
            `Outbound port ${f.port ?? cloudSmtpPort(f)} is often blocked by a firewall, an ISP or a hosting provider; ask for it to be opened. Test from this machine:${portTest(f.host ?? cloudSmtpHost(f), f.port ?? cloudSmtpPort(f))}`,
          ),
  },
  {
    code: 'host-not-found',
    source: 'ENOTFOUND',
    example: 'Error: getaddrinfo ENOTFOUND smtp.office365.con',
    title: 'Host name not found (DNS)',
    domain: 'network',
    recognise: { nodeCodes: ['ENOTFOUND', 'EDNS'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) => (f.host ? `The host name ${f.host} could not be resolved in DNS.` : 'A host name could not be resolved in DNS.'),
    fix: (f) =>
      numbered(
        f.target === 'token'
          ? `Check the authority host (${authority(f)}): ${cloudOf(f).title} uses ${cloudAuthority(f)} (step 4).`
          : `Check the spelling of the SMTP host: Exchange Online uses ${cloudSmtpHost(f)} (step 4).`,
        `Test name resolution on this machine; if it fails, check the DNS servers or proxy settings:${run(`nslookup ${f.host ?? cloudSmtpHost(f)}`)}`,
      ),
  },
  {
    code: 'dns-temporary-failure',
    source: 'EAI_AGAIN',
    example: 'Error: getaddrinfo EAI_AGAIN smtp.office365.com',
    title: 'DNS lookup failed temporarily',
    domain: 'network',
    recognise: { nodeCodes: ['EAI_AGAIN'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) => `The DNS lookup of ${f.host ?? 'the host'} failed temporarily: the DNS server did not answer.`,
    fix: (f) => numbered(`Check the network connection and DNS servers, then try again:${run(`nslookup ${f.host ?? cloudSmtpHost(f)}`)}`),
  },
  {
    code: 'connection-timeout',
    source: 'ETIMEDOUT',
    example: 'Error: connect ETIMEDOUT 52.98.1.2:587',
    title: 'Timed out',
    domain: 'network',
    recognise: {
      nodeCodes: ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'],
      or: [{ phrases: [/timed out|greeting never received|connection timeout/i] }],
    },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      f.target === 'token' && !f.phase
        ? `${where(f)} did not answer in time: a firewall or proxy may be holding the connection, or the service is slow.`
        : !f.phase || f.phase === 'connect'
        ? `No connection to ${where(f)} could be made in time: the packets are probably dropped by a firewall, or the host is unreachable.`
        : `${where(f)} stopped answering${during(f)}.`,
    fix: (f) =>
      f.phase && f.phase !== 'connect'
        ? numbered(
            'Try again; if it keeps happening at the same point, a proxy or antivirus that inspects SMTP may be holding the connection.',
          )
        : numbered(
            f.target === 'token'
              ? `Check that HTTPS (port 443) to ${f.host ?? authority(f)} is allowed, directly or through the proxy.`
              : `Many networks and hosting providers block outbound SMTP ports. Check that port ${f.port ?? cloudSmtpPort(f)} to ${f.host ?? cloudSmtpHost(f)} is open:${portTest(f.host ?? cloudSmtpHost(f), f.port ?? cloudSmtpPort(f))}`,
            'Then try again.',
          ),
  },
  {
    code: 'connection-reset',
    source: 'ECONNRESET',
    example: 'Error: read ECONNRESET',
    title: 'Connection reset or closed unexpectedly',
    domain: 'network',
    recognise: {
      nodeCodes: ['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ECONNECTION'],
      or: [{ phrases: [/socket hang up|connection closed unexpectedly|connection reset|socket disconnected/i] }],
    },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) => `The connection to ${where(f)} was closed unexpectedly${during(f)}.`,
    fix: () =>
      numbered(
        'Try again; short interruptions happen.',
        'If it repeats, a firewall, proxy or antivirus that inspects mail traffic may be cutting the connection: exempt this host from inspection.',
      ),
  },
  {
    code: 'network-unreachable',
    source: 'ENETUNREACH',
    example: 'Error: connect ENETUNREACH 2603:1026:c03::2 - Local (:::0)',
    title: 'Network or host unreachable',
    domain: 'network',
    recognise: { nodeCodes: ['ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN', 'ENETDOWN'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) => `${where(f)} cannot be reached from this machine: there is no network route to it.`,
    fix: () => numbered('Check the network connection, VPN and routing (and IPv6 versus IPv4), then try again.'),
  },
  {
    code: 'tls-certificate-untrusted',
    source: 'SELF_SIGNED_CERT_IN_CHAIN',
    example: 'Error: self-signed certificate in certificate chain',
    title: 'Untrusted TLS certificate (often a TLS-inspecting proxy)',
    domain: 'network',
    recognise: {
      nodeCodes: TLS_UNTRUSTED_CODES,
      or: [{ phrases: [/self[- ]signed certificate|unable to verify the first certificate|unable to get (?:local )?issuer certificate/i] }],
    },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `The TLS certificate presented for ${where(f)} is not signed by a trusted authority; usually a firewall, proxy or antivirus on the way is inspecting TLS with its own certificate.`,
    fix: (f) =>
      numbered(
        `Ask the network team for the inspecting device's root CA certificate (PEM file) and let this program trust it by setting NODE_EXTRA_CA_CERTS before starting it:${run('export NODE_EXTRA_CA_CERTS=/path/to/proxy-ca.pem')}   (Linux, macOS)${run("$env:NODE_EXTRA_CA_CERTS = 'C:\\path\\to\\proxy-ca.pem'")}   (Windows PowerShell)`,
        `Or exempt Microsoft's hosts (${cloudAuthority(f)}, ${cloudSmtpHost(f)}) from TLS inspection.`,
        'Do not switch certificate checks off: the connection carries your access token.',
      ),
  },
  {
    code: 'tls-certificate-wrong-host',
    source: 'ERR_TLS_CERT_ALTNAME_INVALID',
    example: 'Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate\'s altnames: IP: 52.98.1.2 is not in the cert\'s list: ',
    title: 'TLS certificate is for another host name',
    domain: 'network',
    recognise: {
      nodeCodes: ['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH'],
      or: [{ phrases: [/does not match certificate's altnames/i] }],
    },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `The TLS certificate presented by ${where(f)} is for another host name: the host is configured by IP address or an alias, or a proxy intercepts the connection.`,
    fix: (f) =>
      numbered(
        f.target === 'token'
          ? `Use the authority host by its real name (${cloudAuthority(f)}) (step 4).`
          : `Use the host name ${cloudSmtpHost(f)} itself, not an IP address or your own alias (step 4).`,
        'If the name is right, a proxy or antivirus is intercepting TLS: exempt this host from inspection.',
      ),
  },
  {
    code: 'tls-certificate-expired',
    source: 'CERT_HAS_EXPIRED',
    example: 'Error: certificate has expired',
    title: 'TLS certificate expired or not yet valid',
    domain: 'network',
    recognise: {
      nodeCodes: ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'],
      or: [{ phrases: [/certificate has expired|certificate is not yet valid/i] }],
    },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `The TLS certificate presented for ${where(f)} is expired or not yet valid; usually the clock of this machine is wrong, or a proxy presents an outdated certificate.`,
    fix: () =>
      numbered(
        'Check the date and time of this machine and synchronise it (NTP).',
        'If the clock is right, a TLS-inspecting proxy or antivirus is presenting an old certificate: exempt this host from inspection.',
      ),
  },
  {
    code: 'tls-wrong-mode',
    source: 'ERR_SSL_WRONG_VERSION_NUMBER',
    example: 'Error: 0A00010B:SSL routines:ssl3_get_record:wrong version number',
    title: 'Implicit TLS used on a STARTTLS port',
    domain: 'network',
    recognise: { nodeCodes: ['ERR_SSL_WRONG_VERSION_NUMBER'], or: [{ phrases: [/wrong version number/i] }] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `The client started TLS immediately on ${where(f)}, but that port expects plain SMTP followed by STARTTLS.`,
    fix: (f) =>
      numbered(
        'Set the security mode to STARTTLS (in nodemailer: secure: false, requireTLS: true; in .NET/MailKit: SecureSocketOptions.StartTls), not "SSL/TLS" (step 4).',
        SMTP_SETTINGS(f),
      ),
  },
  {
    code: 'tls-handshake-failed',
    source: 'EPROTO',
    example: 'Error: write EPROTO 0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure',
    title: 'TLS handshake failed',
    domain: 'network',
    recognise: {
      nodeCodes: [
        'EPROTO',
        'ERR_SSL_UNSUPPORTED_PROTOCOL',
        'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
        'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
        'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
        'ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR',
      ],
      or: [{ phrases: [/handshake failure|unsupported protocol|tls handshake/i] }],
    },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) => `The TLS handshake with ${where(f)} failed${said(f)}`,
    fix: () =>
      numbered(
        'Make sure TLS 1.2 or newer is allowed on this machine (no policy or old OpenSSL configuration restricting it).',
        'A proxy or antivirus inspecting TLS can also break the handshake: exempt this host from inspection.',
      ),
  },
  {
    code: 'starttls-not-offered',
    source: 'ETLS',
    example: 'smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server.',
    title: 'Server does not offer STARTTLS',
    domain: 'network',
    recognise: {
      // nodemailer (requireTLS) sends STARTTLS anyway and fails on the server's 5xx "unknown command".
      nodeCodes: ['ETLS'],
      phases: ['starttls', 'ehlo'],
      smtpReply: [500, 501, 502, 503, 504],
      phrases: [/starttls/i],
      or: [
        {
          phrases: [
            /starttls extension not supported|(?:does not|doesn't) (?:support|offer|advertise) (?:the )?starttls|starttls is required but|not support starttls|starttls (?:is )?not (?:supported|offered|advertised)/i,
          ],
        },
      ],
    },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `${where(f)} did not offer STARTTLS, so the connection stayed unencrypted and no token was sent (this tool never sends a token over cleartext).`,
    fix: (f) =>
      numbered(
        `Check host and port: Exchange Online offers STARTTLS at ${cloudSmtpHost(f)} port ${cloudSmtpPort(f)} (step 4).`,
        `If they are right, a proxy, firewall or antivirus is stripping STARTTLS from the conversation ("SMTP inspection"): exempt ${f.host ?? cloudSmtpHost(f)} from it.`,
      ),
  },
  {
    code: 'network-error',
    source: null,
    title: 'Network failure',
    domain: 'network',
    generic: true,
    recognise: {
      nodeCodes: ['ESOCKET', 'EPROXY', 'EPROTOCOL', 'ERR_SOCKET_CLOSED'],
      or: [{ phrases: [/network_error|fetch failed|network error/i] }],
    },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) => `The connection to ${where(f)} failed${during(f)}${said(f)}`,
    fix: () =>
      numbered(
        'Check the network connection, proxy and firewall, then try again.',
        'If a proxy is required, make sure it allows this connection.',
      ),
  },

  {
    code: 'response-too-large',
    source: 'ERESPONSETOOLARGE',
    example: 'network_error: POST https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token: ERESPONSETOOLARGE the answer is larger than 1 MiB, more than any answer of Entra ID',
    title: 'Answer too large: not Entra ID answering',
    domain: 'network',
    // This tool's own code: its network client stops reading an answer at 1 MiB (src/token/network-client.ts).
    recognise: { nodeCodes: ['ERESPONSETOOLARGE'] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) =>
      `${where(f)} sent an answer larger than any answer of Entra ID (a token or its metadata is a few kilobytes), so it was cut off: something other than Entra ID answered, such as a proxy, a captive portal or another web server.`,
    fix: (f) =>
      numbered(
        `Check the authority host (${authority(f)}): Entra ID answers tokens of this cloud at ${cloudAuthority(f)} (step 4).`,
        'If it is right, a proxy or filter on the way answers in its place: check the proxy settings (HTTPS_PROXY, --proxy) and open the authority URL in a browser on this machine to see who answers.',
      ),
  },

  // ===== Fallbacks for unrecognised SMTP replies, and internal errors ==========================
  {
    code: 'smtp-auth-refused',
    source: null,
    title: 'Exchange Online refused the login (unrecognised reply)',
    domain: 'smtp',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    summary: (f) => `${server(f)} refused the login for ${theMailbox(f)}${said(f)}`,
    fix: (f) =>
      numbered(
        `Check that the token has the SMTP.SendAsApp role (step 1), that the Exchange service principal exists with FullAccess to ${mailbox(f)} (step 2), and that SMTP AUTH is on for the mailbox (step 3).`,
        SMTP_SETTINGS(f),
      ),
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-message-refused',
    source: null,
    title: 'Exchange Online refused the message (unrecognised reply)',
    domain: 'smtp',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    summary: (f) => `${server(f)} refused the message${during(f)}${said(f)}`,
    fix: (f) =>
      numbered(
        `Check the sender (${sender(f)}: the mailbox itself, or an address the app may send as) and the recipients.`,
        'Look the status code up in Microsoft\'s list of non-delivery report codes.',
      ),
    learnMore: LEARN.ndr,
  },
  {
    code: 'smtp-temporary-failure',
    source: null,
    title: 'Temporary SMTP failure (unrecognised 4xx reply)',
    domain: 'smtp',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) => `${server(f)} reported a temporary failure${during(f)}${said(f)}`,
    fix: () => numbered('Try again in a few minutes; retry with increasing pauses.'),
  },
  {
    code: 'smtp-session-refused',
    source: null,
    title: 'SMTP server refused the session before login (unrecognised reply)',
    domain: 'smtp',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    summary: (f) => `${where(f)} refused the SMTP session${during(f)}${said(f)}`,
    fix: (f) =>
      numbered(
        `Check that the host is Exchange Online (${cloudSmtpHost(f)}, port ${cloudSmtpPort(f)}) and not another server or a proxy (step 4).`,
        SMTP_SETTINGS(f),
      ),
  },
  {
    code: 'internal-error',
    source: null,
    title: 'Internal error of smtp-oauth-setup',
    domain: 'internal',
    generic: true,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.internal,
    summary: (f) => `smtp-oauth-setup could not diagnose this failure${f.quoted ? ` (${f.quoted})` : ''}; this is a bug in the tool.`,
    fix: () => numbered('Please report it with the output of the run (it contains no secrets).'),
  },
  // The run itself rather than the setup: built from the CLI's own errors (diagnoseInputProblems,
  // diagnoseCancelled) so that `--json` carries a diagnosis in every outcome. Never matched in text.
  {
    code: 'input-invalid',
    source: null,
    title: 'A value given to smtp-oauth-setup is not valid',
    domain: 'run',
    generic: true,
    recognise: {},
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.input,
    summary: (f) =>
      `A value given to smtp-oauth-setup is not valid${firstProblem(f)}. Nothing was sent to Microsoft.`,
    fix: () =>
      numbered(
        'Correct each value listed under problems: a flag, an environment variable, the saved configuration, or a row of the targets file.',
        'Run the command again; `smtp-oauth-setup check --help` lists every flag and environment variable.',
      ),
  },
  {
    code: 'input-missing',
    source: null,
    title: 'A value smtp-oauth-setup needs was not given',
    domain: 'run',
    generic: true,
    recognise: {},
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.input,
    summary: (f) =>
      `smtp-oauth-setup was not given every value it needs${firstProblem(f)}. Nothing was sent to Microsoft.`,
    fix: () =>
      numbered(
        'Give each value listed under problems as a flag or an environment variable (a script or CI job never gets a question).',
        'Or run `smtp-oauth-setup setup` once: `check` reads the answers it saves.',
      ),
  },
  {
    code: 'cancelled',
    source: null,
    title: 'The run was cancelled',
    domain: 'run',
    generic: true,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.cancelled,
    summary: (f) => `The run was cancelled${f.quoted ? ` (${f.quoted})` : ''} before it finished: it says nothing about the setup.`,
    fix: () =>
      numbered(
        'Run the command again and let it finish.',
        'A network step that hangs ends by itself after --timeout seconds (default 20) with its own diagnosis.',
      ),
  },
];

/** `: "<the first problem>" (and 2 more)` for an input error; empty when the problems are not known. */
function firstProblem(f: Facts): string {
  if (!f.quoted) return '';
  const more = (f.problemCount ?? 1) - 1;
  return `: "${f.quoted}"${more > 0 ? ` (and ${more} more)` : ''}`;
}

/** The entry's priority for the resolver (the module comment explains it). */
export function priorityOf(e: CatalogEntry): Priority {
  return e.priority ?? (e.generic ? Priority.generic : Priority.specific);
}

/** Entries by code. */
export const catalogByCode: ReadonlyMap<string, CatalogEntry> = new Map(catalog.map((e) => [e.code, e]));

/** The entry for a code that must exist (a programming error otherwise). */
export function entry(code: string): CatalogEntry {
  const found = catalogByCode.get(code);
  if (!found) throw new Error(`diagnosis catalog has no entry ${code}`);
  return found;
}
