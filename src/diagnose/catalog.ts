/**
 * The diagnosis catalog: ONE table, the single source of truth for every failure this tool recognises.
 *
 * Each entry is data: how to recognise the failure (`recognise`), which setup step fixes it, whether
 * waiting may help (`transient`, `propagation`), the exit code. Its words are messages: each entry
 * has `diagnosis.<code>.title`, `.summary` and `.fix` in every language (src/messages/<language>/
 * diagnosis*.ts), which take the language-neutral view of the failure's facts (view.ts), with the
 * commands built once in code (commands.ts). `docs/errors.md` is generated from this table and the
 * English messages — keep entries as data.
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
import { ExitCode } from '../exit-codes.js';
import type { ClaimProblem, SetupStep, SmtpPhase } from './types.js';


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
/** `admin`: the automatic setup's administrator sign-in, Microsoft Graph and Exchange's admin endpoint (diagnoseAdminFailure). */
export type Domain = 'token' | 'smtp' | 'network' | 'claim' | 'internal' | 'run' | 'admin';


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
  /**
   * Entra ID also gives this answer for some seconds right after a credential was added to the app
   * (AADSTS7000215 4–18 s after addPassword, AADSTS7000222 right after registration:
   * microsoft-graph-docs#17966), so a proof run right after adding one retries it (`new-credential`).
   */
  newCredential?: true;
  exitCode: ExitCode;
  /** A Microsoft Learn page about it (English; `learnUrl` gives the reader's locale). */
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
  deviceCode: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-device-code',
  grantAdminConsent: 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/grant-admin-consent',
  rolesByTask: 'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/delegate-by-task',
  graphErrors: 'https://learn.microsoft.com/en-us/graph/errors',
  graphThrottling: 'https://learn.microsoft.com/en-us/graph/throttling',
  basicAuthRetirement:
    'https://techcommunity.microsoft.com/blog/exchange/exchange-online-to-retire-basic-auth-for-client-submission-smtp-auth/4114750',
} as const;

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
    domain: 'token',
    recognise: { aadsts: [7000215] },
    step: 1,
    transient: false,
    propagation: false,
    newCredential: true,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'client-secret-expired',
    source: 'AADSTS7000222',
    example: 'AADSTS7000222: The provided client secret keys for app \'<APP_ID>\' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.',
    domain: 'token',
    recognise: { aadsts: [7000222] },
    step: 1,
    transient: false,
    propagation: false,
    newCredential: true,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'client-secret-missing',
    source: 'AADSTS7000218',
    example: 'AADSTS7000218: The request body must contain the following parameter: \'client_assertion\' or \'client_secret\'.',
    domain: 'token',
    recognise: { aadsts: [7000218], or: [{ aadsts: [90014], phrases: [/client_secret/i] }] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'app-not-found-in-tenant',
    source: 'AADSTS700016',
    example: 'AADSTS700016: Application with identifier \'<APP_ID>\' was not found in the directory \'<TENANT>\'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.',
    domain: 'token',
    recognise: { aadsts: [700016] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'app-service-principal-missing',
    source: 'AADSTS7000229',
    example: 'AADSTS7000229: The client application <APP_ID> is missing service principal in the tenant <TENANT_ID>. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119',
    domain: 'token',
    recognise: { aadsts: [7000229] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'tenant-not-found',
    source: 'AADSTS90002',
    example: 'AADSTS90002: Tenant \'<TENANT>\' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.',
    domain: 'token',
    recognise: { aadsts: [90002] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'tenant-id-invalid',
    source: 'AADSTS900023',
    example: 'AADSTS900023: Specified tenant identifier \'<TENANT>\' is neither a valid DNS name, nor a valid external domain.',
    domain: 'token',
    recognise: { aadsts: [900023] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'tenant-missing',
    source: 'AADSTS50059',
    example: 'AADSTS50059: No tenant-identifying information found in either the request or implied by any provided credentials.',
    domain: 'token',
    recognise: { aadsts: [50059] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.clientCredentials,
  },
  {
    code: 'scope-not-default',
    source: 'AADSTS1002012',
    example: 'AADSTS1002012: The provided value for scope <SCOPE> is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    domain: 'token',
    recognise: { aadsts: [1002012] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'scope-invalid',
    source: 'AADSTS70011',
    example: 'AADSTS70011: The provided value for the input parameter \'scope\' is not valid. The scope <SCOPE> is not valid.',
    domain: 'token',
    recognise: { aadsts: [70011] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'resource-not-found',
    source: 'AADSTS500011',
    example: 'AADSTS500011: The resource principal named <RESOURCE> was not found in the tenant named <TENANT>. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.',
    domain: 'token',
    recognise: { aadsts: [500011] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'conditional-access-blocked',
    source: 'AADSTS53003',
    example: 'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    domain: 'token',
    recognise: { aadsts: [53003] },
    step: 3,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'app-disabled',
    source: 'AADSTS7000112',
    example: 'AADSTS7000112: Application \'<APP_ID>\'(<APP_DISPLAY_NAME>) is disabled.',
    domain: 'token',
    recognise: { aadsts: [7000112] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'exchange-service-principal-disabled',
    source: 'AADSTS500014',
    example: 'AADSTS500014: The service principal for resource \'<RESOURCE>\' is disabled.',
    domain: 'token',
    recognise: { aadsts: [500014] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'client-assertion-invalid',
    source: 'AADSTS700027',
    example: 'AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: \'<THUMBPRINT>\'',
    domain: 'token',
    recognise: { aadsts: [700027] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'client-assertion-expired',
    source: 'AADSTS700024',
    example: 'AADSTS700024: Client assertion is not within its valid time range. Current time: <TIME>',
    domain: 'token',
    recognise: { aadsts: [700024] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'token-request-malformed',
    source: 'AADSTS900144',
    example: 'AADSTS900144: The request body must contain the following parameter: \'client_id\'.',
    domain: 'token',
    recognise: { aadsts: [900144, 90014] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.clientCredentials,
  },
  {
    code: 'app-is-public-client',
    source: 'AADSTS700025',
    example: 'AADSTS700025: Client is public so neither \'client_assertion\' nor \'client_secret\' should be presented.',
    domain: 'token',
    recognise: { aadsts: [700025] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'tenant-in-national-cloud',
    source: 'AADSTS90038',
    example: 'AADSTS90038: Tenant \'<TENANT>\' request is being redirected to the National Cloud \'microsoftonline.us\'.',
    domain: 'token',
    recognise: { aadsts: [90038] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'tenant-in-public-cloud',
    source: 'AADSTS900440',
    example: 'AADSTS900440: Requests to tenants hosted in the public cloud are not supported on USGov endpoints',
    domain: 'token',
    recognise: { aadsts: [900440] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'cross-cloud-request',
    source: 'AADSTS900432',
    example: 'AADSTS900432: Confidential Client is not supported in Cross Cloud request.',
    domain: 'token',
    recognise: { aadsts: [900432] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'user-sign-in-used',
    source: 'AADSTS50126',
    example: 'AADSTS50126: Error validating credentials due to invalid username or password.',
    domain: 'token',
    recognise: { aadsts: [50126, 50034, 50076, 50079, 65001, 530035] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.clientCredentials,
  },
  {
    code: 'token-service-unavailable',
    source: 'temporarily_unavailable',
    example: '{"error":"temporarily_unavailable","error_description":"The server is temporarily too busy to handle the request."}',
    domain: 'token',
    recognise: {
      oauthError: ['temporarily_unavailable'],
      or: [{ httpStatus: [429, 500, 502, 503, 504] }, { aadsts: [50000] }],
    },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'authority-metadata-unavailable',
    source: 'endpoints_resolution_error',
    example: 'ClientAuthError: endpoints_resolution_error',
    domain: 'token',
    recognise: { oauthError: ['endpoints_resolution_error', 'openid_config_error'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    learnMore: LEARN.nationalClouds,
  },
  {
    code: 'client-authentication-failed',
    source: 'invalid_client',
    domain: 'token',
    generic: true,
    recognise: { oauthError: ['invalid_client'] },
    step: 1,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'token-request-failed',
    source: null,
    domain: 'token',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },

  // ===== C. Claims of the access token =======================================================
  {
    code: 'token-missing-role',
    source: null,
    domain: 'claim',
    recognise: { claim: 'missing-role' },
    step: 1,
    transient: false,
    propagation: true,
    exitCode: ExitCode.token,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'token-wrong-audience',
    source: null,
    domain: 'claim',
    recognise: { claim: 'audience' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'token-wrong-tenant',
    source: null,
    domain: 'claim',
    recognise: { claim: 'tenant-mismatch' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.claims,
  },
  {
    code: 'token-wrong-app',
    source: null,
    domain: 'claim',
    recognise: { claim: 'app-mismatch' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.claims,
  },
  {
    code: 'token-expired',
    source: null,
    domain: 'claim',
    recognise: { claim: 'expired' },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.claims,
  },
  {
    code: 'token-delegated',
    source: null,
    domain: 'claim',
    recognise: { claim: 'delegated' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.clientCredentials,
  },
  {
    code: 'token-undecodable',
    source: null,
    domain: 'claim',
    recognise: { claim: 'undecodable' },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.claims,
  },

  // ===== B. SMTP replies from Exchange Online =================================================
  {
    code: 'smtp-auth-unsuccessful',
    source: '535 5.7.3',
    example: '535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.3'], sendAsRole: 'unknown' },
    step: 2,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-auth-service-principal',
    source: '535 5.7.3',
    example: '535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.3'], sendAsRole: 'present' },
    step: 2,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.newServicePrincipal,
  },
  {
    code: 'smtp-auth-missing-role',
    source: '535 5.7.3',
    example: '535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.3'], sendAsRole: 'absent' },
    step: 1,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-auth-disabled-tenant',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/disabled for the (?:tenant|organi[sz]ation)/i] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.smtpAuth,
  },
  {
    code: 'smtp-auth-disabled-mailbox',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/disabled for the (?:mailbox|user)/i] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.smtpAuth,
  },
  {
    code: 'smtp-basic-auth-disabled',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PH7P220CA0132.NAMP220.PROD.OUTLOOK.COM 2024-11-11T21:51:32.927Z 08DD021D9EEB05BC]',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/basic auth(?:entication)? (?:is )?(?:disabled|blocked)/i] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-basic-auth-credentials',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com]',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/credentials (?:were|are) incorrect/i] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-auth-policy-blocked',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [BN9PR03CA0716.namprd03.prod.outlook.com 2026-07-01T01:57:31.695Z 08DED6A3FAA75B29]',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/did not meet the criteria/i] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.smtpAuth,
  },
  {
    code: 'smtp-auth-security-defaults',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, user is locked by your organization\'s security defaults policy. Contact your administrator.',
    domain: 'smtp',
    recognise: { smtpReply: [535], enhanced: ['5.7.139'], phrases: [/security defaults/i] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.securityDefaults,
  },
  {
    code: 'smtp-auth-blocked',
    source: '535 5.7.139',
    example: '535 5.7.139 Authentication unsuccessful, account locked.',
    domain: 'smtp',
    generic: true,
    recognise: { smtpReply: [535], enhanced: ['5.7.139'] },
    step: 3,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.smtpAuth,
  },
  {
    code: 'smtp-basic-auth-not-supported',
    source: '550 5.7.30',
    example: '550 5.7.30 Basic authentication is not supported for Client Submission.',
    domain: 'smtp',
    recognise: { smtpReply: [550], enhanced: ['5.7.30'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.basicAuthRetirement,
  },
  {
    code: 'smtp-not-authenticated',
    source: '530 5.7.57',
    example: '530 5.7.57 Client not authenticated to send mail. [BN1P110CA0052.NAMP110.PROD.OUTLOOK.COM 2023-11-29T14:52:57.126Z 08DBE7319275F6BA]',
    domain: 'smtp',
    recognise: { smtpReply: [530], enhanced: ['5.7.57'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.printersLob,
  },
  {
    code: 'smtp-starttls-required',
    source: '451 5.7.3',
    example: '451 5.7.3 STARTTLS is required to send mail [SG2PR02CA0073.apcprd02.prod.outlook.com 2024-07-24T03:43:18.298Z 08DCAB6EB788477A]',
    domain: 'smtp',
    recognise: { smtpReply: [451], enhanced: ['5.7.3'], phrases: [/starttls/i] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    learnMore: LEARN.printersLob,
  },
  {
    code: 'smtp-auth-mechanism-unsupported',
    source: '504 5.7.4',
    example: '504 5.7.4 Unrecognized authentication type [FR2P281CA0035.DEUP281.PROD.OUTLOOK.COM 2023-03-23T18:00:39.250Z 08DB2B43918359DA]',
    domain: 'smtp',
    recognise: { smtpReply: [504], enhanced: ['5.7.4'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-send-hello-first',
    source: '503 5.5.2',
    example: '503 5.5.2 Send hello first [PR0P264CA0090.FRAP264.PROD.OUTLOOK.COM]',
    domain: 'smtp',
    recognise: { smtpReply: [503], enhanced: ['5.5.2'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
  },
  {
    code: 'smtp-xoauth2-user-invalid',
    source: '501 5.5.124',
    example: '501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid. Please ensure the auth d',
    domain: 'smtp',
    recognise: { smtpReply: [501], enhanced: ['5.5.124'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-tls-version-too-old',
    source: '421 4.7.66',
    example: '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [SA9P221CA0019.NAMP221.PROD.OUTLOOK.COM]',
    domain: 'smtp',
    recognise: { smtpReply: [421], enhanced: ['4.7.66'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    learnMore: LEARN.printersLob,
  },
  {
    code: 'smtp-temporary-server-error',
    source: '451 4.7.0',
    example: '451 4.7.0 Temporary server error. Please try again later. PRX4  [server.prod.outlook.com]',
    domain: 'smtp',
    recognise: { smtpReply: [451], enhanced: ['4.7.0'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'smtp-concurrent-connections',
    source: '432 4.3.2',
    example: '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=DM5SPR00MB2471.namprd08.prod.outlook.com]',
    domain: 'smtp',
    recognise: { smtpReply: [432], enhanced: ['4.3.2'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    learnMore: LEARN.submission,
  },
  {
    code: 'smtp-mailbox-logon-failure',
    source: '430 4.2.0',
    example: '430 4.2.0 STOREDRV; mailbox logon failure; STOREDRV.Submission.Exception:ConnectionFailedTransientException.MapiExceptionLogonFailed; Failed to process message due to a transient exception with message [BeginDiagnosticData]Cannot open mailbox. Server = ',
    domain: 'smtp',
    recognise: { smtpReply: [430], enhanced: ['4.2.0'], phrases: [/logon ?failure|logonfailed|cannot open mailbox/i] },
    step: 2,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpMessage,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-send-as-denied',
    source: '550 5.7.60',
    example: '550 5.7.60 SMTP; Client does not have permissions to send as this sender [MW2PR1901MB2155.namprd19.prod.outlook.com]',
    domain: 'smtp',
    recognise: { smtpReply: [550], enhanced: ['5.7.60'] },
    step: 2,
    transient: false,
    propagation: true,
    exitCode: ExitCode.smtpMessage,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-send-as-denied-submission',
    source: '554 5.2.0',
    example: '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message. ',
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
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-submission-quota-exceeded',
    source: '554 5.2.0',
    example: '554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException',
    domain: 'smtp',
    recognise: { smtpReply: [554], enhanced: ['5.2.0'], phrases: [/submissionquotaexceeded|submission quota/i] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    learnMore: LEARN.quota,
  },
  {
    code: 'smtp-sender-mailbox-full',
    source: '554 5.2.2',
    example: '554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded',
    domain: 'smtp',
    recognise: { smtpReply: [554], enhanced: ['5.2.2'], phrases: [/storedrv|quotaexceeded/i] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    learnMore: LEARN.submission,
  },
  {
    code: 'smtp-ip-blocked',
    source: '550 5.7.708',
    example: '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [BM1PR01MB1076.INDPRD01.PROD.OUTLOOK.COM]',
    domain: 'smtp',
    recognise: { smtpReply: [550], enhanced: ['5.7.708', '5.7.703', '5.7.705', '5.7.750'] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    learnMore: LEARN.ndr,
  },
  {
    code: 'smtp-sender-banned',
    source: '550 5.7.501',
    example: '550 5.7.501 Service unavailable. Spam abuse detected from IP range. ',
    domain: 'smtp',
    recognise: { smtpReply: [550], enhanced: ['5.7.501', '5.7.502', '5.7.503'] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    learnMore: LEARN.ndr,
  },
  {
    code: 'smtp-tenant-recipient-limit',
    source: '5.7.233',
    example: '5.7.233 Your message can\'t be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)',
    domain: 'smtp',
    recognise: { enhanced: ['5.7.232', '5.7.233'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    learnMore: LEARN.ndr,
  },

  // ===== Network, TLS and local failures =====================================================
  {
    code: 'connection-refused',
    source: 'ECONNREFUSED',
    example: 'Error: connect ECONNREFUSED 52.98.1.2:587',
    domain: 'network',
    recognise: { nodeCodes: ['ECONNREFUSED'], or: [{ phrases: [/connection refused/i] }] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'host-not-found',
    source: 'ENOTFOUND',
    example: 'Error: getaddrinfo ENOTFOUND smtp.office365.con',
    domain: 'network',
    recognise: { nodeCodes: ['ENOTFOUND', 'EDNS'] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'dns-temporary-failure',
    source: 'EAI_AGAIN',
    example: 'Error: getaddrinfo EAI_AGAIN smtp.office365.com',
    domain: 'network',
    recognise: { nodeCodes: ['EAI_AGAIN'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'connection-timeout',
    source: 'ETIMEDOUT',
    example: 'Error: connect ETIMEDOUT 52.98.1.2:587',
    domain: 'network',
    recognise: {
      nodeCodes: ['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'],
      or: [{ phrases: [/timed out|greeting never received|connection timeout/i] }],
    },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'connection-reset',
    source: 'ECONNRESET',
    example: 'Error: read ECONNRESET',
    domain: 'network',
    recognise: {
      nodeCodes: ['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ECONNECTION'],
      or: [{ phrases: [/socket hang up|connection closed unexpectedly|connection reset|socket disconnected/i] }],
    },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'network-unreachable',
    source: 'ENETUNREACH',
    example: 'Error: connect ENETUNREACH 2603:1026:c03::2 - Local (:::0)',
    domain: 'network',
    recognise: { nodeCodes: ['ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN', 'ENETDOWN'] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'tls-certificate-untrusted',
    source: 'SELF_SIGNED_CERT_IN_CHAIN',
    example: 'Error: self-signed certificate in certificate chain',
    domain: 'network',
    recognise: {
      nodeCodes: TLS_UNTRUSTED_CODES,
      or: [{ phrases: [/self[- ]signed certificate|unable to verify the first certificate|unable to get (?:local )?issuer certificate/i] }],
    },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'tls-certificate-wrong-host',
    source: 'ERR_TLS_CERT_ALTNAME_INVALID',
    example: 'Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate\'s altnames: IP: 52.98.1.2 is not in the cert\'s list: ',
    domain: 'network',
    recognise: {
      nodeCodes: ['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH'],
      or: [{ phrases: [/does not match certificate's altnames/i] }],
    },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'tls-certificate-expired',
    source: 'CERT_HAS_EXPIRED',
    example: 'Error: certificate has expired',
    domain: 'network',
    recognise: {
      nodeCodes: ['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'],
      or: [{ phrases: [/certificate has expired|certificate is not yet valid/i] }],
    },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'tls-wrong-mode',
    source: 'ERR_SSL_WRONG_VERSION_NUMBER',
    example: 'Error: 0A00010B:SSL routines:ssl3_get_record:wrong version number',
    domain: 'network',
    recognise: { nodeCodes: ['ERR_SSL_WRONG_VERSION_NUMBER'], or: [{ phrases: [/wrong version number/i] }] },
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'tls-handshake-failed',
    source: 'EPROTO',
    example: 'Error: write EPROTO 0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure',
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
  },
  {
    code: 'starttls-not-offered',
    source: 'ETLS',
    example: 'smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server.',
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
  },
  {
    code: 'network-error',
    source: null,
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
  },

  {
    code: 'response-too-large',
    source: 'ERESPONSETOOLARGE',
    example: 'network_error: POST https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token: ERESPONSETOOLARGE the answer is larger than 1 MiB, more than any answer of Entra ID',
    domain: 'network',
    // This tool's own code: its network client stops reading an answer at 1 MiB (src/token/network-client.ts).
    recognise: { nodeCodes: ['ERESPONSETOOLARGE'] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
  },

  // ===== Fallbacks for unrecognised SMTP replies, and internal errors ==========================
  {
    code: 'smtp-auth-refused',
    source: null,
    domain: 'smtp',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpAuth,
    learnMore: LEARN.oauthSmtp,
  },
  {
    code: 'smtp-message-refused',
    source: null,
    domain: 'smtp',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.smtpMessage,
    learnMore: LEARN.ndr,
  },
  {
    code: 'smtp-temporary-failure',
    source: null,
    domain: 'smtp',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
  },
  {
    code: 'smtp-session-refused',
    source: null,
    domain: 'smtp',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
  },
  // ===== The administrator's side (automatic setup: sign-in, Microsoft Graph, Exchange's admin endpoint)
  // Built by diagnoseAdminFailure from a failure of src/admin/ (never from pasted text). Sources:
  // automation-notes.md §1–§4; RFC 8628 §3.5 for the device code answers.
  {
    code: 'admin-sign-in-expired',
    source: 'expired_token',
    example: "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
    domain: 'admin',
    recognise: { aadsts: [70020], or: [{ oauthError: ['expired_token', 'code_expired'] }] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.deviceCode,
  },
  {
    code: 'admin-sign-in-declined',
    source: 'authorization_declined',
    domain: 'admin',
    recognise: { oauthError: ['authorization_declined', 'access_denied'], or: [{ aadsts: [65004] }] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.deviceCode,
  },
  {
    // The public client signed in with is unknown in the tenant (700016: the admin's own client id
    // mistyped, or a deleted first-party app) or not pre-authorized for the resource (650057).
    code: 'admin-client-not-authorized',
    source: 'AADSTS650057',
    domain: 'admin',
    recognise: { aadsts: [650057, 700016] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.entraErrors,
  },
  {
    code: 'admin-scope-missing',
    source: null,
    domain: 'admin',
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.claims,
  },
  {
    // "Insufficient privileges to complete the operation." (automation-notes.md §4: never retried),
    // or the admin endpoint's refusal of a user without an Exchange management role.
    code: 'admin-role-missing',
    source: 'Authorization_RequestDenied',
    example: 'Insufficient privileges to complete the operation.',
    domain: 'admin',
    recognise: { oauthError: ['authorization_requestdenied'], or: [{ httpStatus: [403] }] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.rolesByTask,
  },
  {
    code: 'admin-token-refused',
    source: 'InvalidAuthenticationToken',
    domain: 'admin',
    recognise: { oauthError: ['invalidauthenticationtoken', 'invalidtoken'], or: [{ httpStatus: [401] }] },
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.graphErrors,
  },
  {
    // The answers of a new object not yet replicated (automation-notes.md §4), once the retry gave up,
    // and any other 404 of Graph or the admin endpoint.
    code: 'admin-object-not-found',
    source: 'Request_ResourceNotFound',
    example: "Resource '<APP_ID>' does not exist or one of its queried reference-property objects are not present.",
    domain: 'admin',
    recognise: {
      phrases: [/does not exist or one of its queried reference-property objects are not present/i],
      or: [
        { phrases: [/not a valid reference update/i] },
        { phrases: [/service principal\b.*\b(?:couldn't|could not|can't|cannot) be found/i] },
        { oauthError: ['request_resourcenotfound'] },
        { httpStatus: [404] },
      ],
    },
    step: 1,
    transient: false,
    propagation: true,
    exitCode: ExitCode.token,
    learnMore: LEARN.graphErrors,
  },
  {
    code: 'admin-throttled',
    source: '429',
    domain: 'admin',
    recognise: { httpStatus: [429], or: [{ oauthError: ['toomanyrequests', 'activitylimitreached'] }] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    learnMore: LEARN.graphThrottling,
  },
  {
    code: 'admin-service-unavailable',
    source: null,
    domain: 'admin',
    recognise: { httpStatus: [500, 502, 503, 504], or: [{ oauthError: ['serviceunavailable', 'temporarily_unavailable'] }] },
    step: null,
    transient: true,
    propagation: false,
    exitCode: ExitCode.network,
    learnMore: LEARN.graphErrors,
  },
  {
    // Exchange's admin endpoint is not documented (automation-notes.md §3): an answer in no shape the
    // notes describe stops the automatic steps 2–3; the generated PowerShell is the way on.
    code: 'admin-endpoint-unexpected',
    source: null,
    domain: 'admin',
    recognise: {},
    step: 2,
    transient: false,
    propagation: false,
    exitCode: ExitCode.network,
    learnMore: LEARN.newServicePrincipal,
  },
  {
    code: 'admin-request-failed',
    source: null,
    domain: 'admin',
    generic: true,
    priority: Priority.fallback,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.token,
    learnMore: LEARN.graphErrors,
  },
  {
    code: 'internal-error',
    source: null,
    domain: 'internal',
    generic: true,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.internal,
  },
  // The run itself rather than the setup: built from the CLI's own errors (diagnoseInputProblems,
  // diagnoseCancelled) so that `--json` carries a diagnosis in every outcome. Never matched in text.
  {
    code: 'input-invalid',
    source: null,
    domain: 'run',
    generic: true,
    recognise: {},
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.input,
  },
  {
    code: 'input-missing',
    source: null,
    domain: 'run',
    generic: true,
    recognise: {},
    step: 4,
    transient: false,
    propagation: false,
    exitCode: ExitCode.input,
  },
  {
    code: 'cancelled',
    source: null,
    domain: 'run',
    generic: true,
    recognise: {},
    step: null,
    transient: false,
    propagation: false,
    exitCode: ExitCode.cancelled,
  },
];

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

// The portal actions live with the messages now; their callers import them from here.
export { newClientSecretAction, uploadCertificateAction } from './actions.js';
