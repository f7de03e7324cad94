import { t } from '../messages/index.js';
import { newGuid, SANDBOX_ADDRESSES, SANDBOX_IDS, generateSecretValue, type AppRegistration, type Mailbox, type TenantState } from './tenant.js';
import { EntraErrors, entraErrorFault, temporarilyUnavailableBody, type EntraError } from './entra-errors.js';
import { REPLY_TEMPLATES, TEMPORARY_SERVER_ERROR_TEMPLATE } from './exchange-replies.js';
import type { SandboxClientSettings, SandboxState, SmtpReplyPhase, TokenClaimsFault } from './types.js';

/**
 * Named scenarios: each starts from the healthy tenant and breaks exactly one setup step the way
 * admins really get it wrong, so the CLI's diagnosis can be exercised against real MSAL and nodemailer.
 */

/** What the CLI should run into. */
export type ScenarioExpectation =
  | { kind: 'success' }
  | {
      kind: 'token';
      /** HTTP status of the token endpoint's answer. */
      status: number;
      /** OAuth `error` class. */
      error: string;
      /** AADSTS number, or null when the answer carries none (service unavailable). */
      aadsts: number | null;
    }
  | {
      kind: 'smtp';
      phase: 'starttls' | 'auth' | 'mail' | 'rcpt' | 'data';
      /** Reply code. */
      code: number;
      /** Enhanced status code at the start of the reply text, e.g. `5.7.139`; null when the reply has none. */
      enhanced: string | null;
      /** A distinctive part of the reply text. */
      text: string | null;
    };

export interface ScenarioClientContext {
  tenant: TenantState;
  /** The healthy client settings. */
  defaults: SandboxClientSettings;
}

export interface Scenario {
  name: string;
  /** One line, in the language in use. */
  readonly title: string;
  /** What is simulated and which setup step is broken. */
  description: string;
  /**
   * The diagnosis code `check` must produce against this scenario (a catalog entry; its setup step
   * comes from the catalog); null when `check` must succeed. test/e2e/check.test.ts holds every
   * scenario to it.
   */
  diagnosis: string | null;
  expect: ScenarioExpectation;
  /** True when the failure only shows once a message is sent (end of DATA). */
  needsRecipient?: boolean;
  /** Breaks the (healthy) state. */
  apply(state: SandboxState): void;
  /** Overrides of the client settings the sandbox prints (what the user would have typed). */
  client?(ctx: ScenarioClientContext): Partial<SandboxClientSettings>;
}

function mainApp(tenant: TenantState): AppRegistration {
  const app = tenant.apps.find((a) => a.clientId === SANDBOX_IDS.clientId);
  if (!app) throw new Error('sandbox: the default app registration is missing from the tenant');
  return app;
}

function sendingMailbox(tenant: TenantState): Mailbox {
  const mailbox = tenant.mailboxes.find((m) => m.address === SANDBOX_ADDRESSES.mailbox);
  if (!mailbox) throw new Error('sandbox: the sending mailbox is missing from the tenant');
  return mailbox;
}

const tokenError = (status: number, error: string, aadsts: number): ScenarioExpectation => ({
  kind: 'token',
  status,
  error,
  aadsts,
});

const authUnsuccessful: ScenarioExpectation = {
  kind: 'smtp',
  phase: 'auth',
  code: 535,
  enhanced: '5.7.3',
  text: 'Authentication unsuccessful',
};

/** Entra's answer to every token POST, as Microsoft sends it (for failures `check` cannot cause itself). */
function entraAnswer(err: EntraError): Pick<Scenario, 'expect' | 'apply'> {
  return {
    expect: tokenError(err.status, err.error, err.code),
    apply: (state) => {
      state.faults.tokenEndpoint = entraErrorFault(err);
    },
  };
}

/** Exchange's reply at the phase where it gives it (catalog B), on every session. */
function exchangeReply(phase: SmtpReplyPhase, template: { code: number; text: string }): Pick<Scenario, 'expect' | 'apply' | 'needsRecipient'> {
  const [enhanced = '', ...words] = template.text.split(' ');
  return {
    // A distinctive part of the text: the words after the enhanced code, up to a placeholder.
    expect: { kind: 'smtp', phase, code: template.code, enhanced, text: words.join(' ').split('{')[0]?.split('[')[0]?.trim().slice(0, 40) ?? null },
    ...(phase !== 'auth' && { needsRecipient: true }),
    apply: (state) => {
      state.faults.inject = { phase, ...template };
    },
  };
}

/** Tokens with claims Exchange cannot accept: the CLI stops at its claims check; Exchange would answer 535 5.7.3. */
function tokenClaims(fault: TokenClaimsFault): Pick<Scenario, 'expect' | 'apply'> {
  return {
    expect: authUnsuccessful,
    apply: (state) => {
      state.faults.tokenClaims = fault;
    },
  };
}

const REPLAYED =
  '`check` validates its inputs and always asks for https://outlook.office365.com/.default, so it cannot cause this itself: the sandbox answers every token request the way Entra ID answers the request described.';
const REPLAYED_SMTP = 'The sandbox gives this reply on every session, at the phase where Exchange Online gives it.';

/** A scenario as written below: its one-line title is a message of the catalogs (`sandbox.scenario.<name>.title`). */
type ScenarioDefinition = Omit<Scenario, 'title'>;

const DEFINITIONS: readonly ScenarioDefinition[] = [
  {
    name: 'healthy',
    description:
      'App with a valid secret and admin-consented SMTP.SendAsApp; Exchange service principal registered with the enterprise application object id; FullAccess on the mailbox; SMTP AUTH enabled on the mailbox (disabled org-wide, as in tenants created after January 2020).',
    diagnosis: null,
    expect: { kind: 'success' },
    apply: () => undefined,
  },
  {
    name: 'secret-id-instead-of-value',
    description:
      'Step 4: the "Secret ID" column (a GUID) was copied from Certificates & secrets instead of the "Value" column. Entra answers 401 invalid_client AADSTS7000215.',
    diagnosis: 'client-secret-invalid',
    expect: tokenError(401, 'invalid_client', 7000215),
    apply: () => undefined,
    client: ({ tenant }) => ({ clientSecret: mainApp(tenant).secrets[0]?.id ?? SANDBOX_IDS.secretId }),
  },
  {
    name: 'wrong-secret',
    description:
      "Step 4: the secret value is not one of the app's secrets (typo, truncated copy, another app's secret). Entra answers 401 invalid_client AADSTS7000215.",
    diagnosis: 'client-secret-invalid',
    expect: tokenError(401, 'invalid_client', 7000215),
    apply: () => undefined,
    client: () => ({ clientSecret: generateSecretValue() }),
  },
  {
    name: 'expired-secret',
    description:
      "Step 1: the secret's expiry date has passed (portal secrets live at most 24 months). Entra answers 401 invalid_client AADSTS7000222.",
    diagnosis: 'client-secret-expired',
    expect: tokenError(401, 'invalid_client', 7000222),
    apply: ({ tenant }) => {
      for (const secret of mainApp(tenant).secrets) {
        secret.expiresAt = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString();
      }
    },
  },
  {
    name: 'unknown-app',
    description:
      'Step 4: the application (client) id is wrong or belongs to an app in another tenant. Entra answers 400 unauthorized_client AADSTS700016.',
    diagnosis: 'app-not-found-in-tenant',
    expect: tokenError(400, 'unauthorized_client', 700016),
    apply: () => undefined,
    client: () => ({ clientId: SANDBOX_IDS.unknownClientId }),
  },
  {
    name: 'unknown-tenant',
    description:
      'Step 4: the directory (tenant) id is wrong (or belongs to another cloud). Discovery and the token endpoint answer 400 invalid_tenant AADSTS90002.',
    diagnosis: 'tenant-not-found',
    expect: tokenError(400, 'invalid_tenant', 90002),
    apply: () => undefined,
    client: () => ({ tenantId: SANDBOX_IDS.unknownTenantId }),
  },
  {
    name: 'app-disabled',
    description:
      'Step 1: the service principal has "Enabled for users to sign in?" = No (accountEnabled false), or Microsoft disabled it. Entra answers 400 unauthorized_client AADSTS7000112.',
    diagnosis: 'app-disabled',
    expect: tokenError(400, 'unauthorized_client', 7000112),
    apply: ({ tenant }) => {
      mainApp(tenant).enabled = false;
    },
  },
  {
    name: 'no-enterprise-app',
    description:
      'Step 1: the app was registered through an API that does not create the enterprise application (service principal). Entra answers 401 invalid_client AADSTS7000229.',
    diagnosis: 'app-service-principal-missing',
    expect: tokenError(401, 'invalid_client', 7000229),
    apply: ({ tenant }) => {
      mainApp(tenant).servicePrincipalObjectId = null;
      tenant.exchangeServicePrincipals = [];
      sendingMailbox(tenant).fullAccess = [];
    },
  },
  {
    name: 'no-admin-consent',
    description:
      'Step 1: the application permission was added but admin consent was not granted. Entra still issues a token, without a roles claim; Exchange answers AUTH with 535 5.7.3 Authentication unsuccessful.',
    diagnosis: 'token-missing-role',
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      mainApp(tenant).consentedRoles = [];
    },
  },
  {
    name: 'no-service-principal',
    description:
      'Step 2: Exchange does not know the app (no service principal, hence no mailbox permission either). The token is fine; AUTH gets 535 5.7.3 Authentication unsuccessful.',
    diagnosis: 'smtp-auth-service-principal',
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      tenant.exchangeServicePrincipals = [];
      sendingMailbox(tenant).fullAccess = [];
    },
  },
  {
    name: 'wrong-object-id',
    description:
      'Step 2: the Exchange service principal was created with -ObjectId from App registrations instead of Enterprise applications, so it does not match the token oid. AUTH gets 535 5.7.3 Authentication unsuccessful.',
    diagnosis: 'smtp-auth-service-principal',
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      const app = mainApp(tenant);
      for (const sp of tenant.exchangeServicePrincipals) {
        if (sp.appId === app.clientId) sp.objectId = app.appObjectId;
      }
      sendingMailbox(tenant).fullAccess = [app.appObjectId];
    },
  },
  {
    name: 'no-mailbox-permission',
    description:
      'Step 2: Add-MailboxPermission -AccessRights FullAccess was not run for the service principal. AUTH gets 535 5.7.3 Authentication unsuccessful.',
    diagnosis: 'smtp-auth-service-principal',
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      sendingMailbox(tenant).fullAccess = [];
    },
  },
  {
    name: 'unknown-mailbox',
    description:
      "Step 4: the username given for AUTH is not the mailbox's primary SMTP address (typo, a group, an address that does not exist). AUTH gets 535 5.7.3 Authentication unsuccessful.",
    diagnosis: 'smtp-auth-service-principal',
    expect: authUnsuccessful,
    apply: () => undefined,
    client: () => ({ mailbox: SANDBOX_ADDRESSES.unknownMailbox, from: SANDBOX_ADDRESSES.unknownMailbox }),
  },
  {
    name: 'smtp-auth-disabled-mailbox',
    description:
      'Step 3: Set-CASMailbox -SmtpClientAuthenticationDisabled $true on the mailbox. AUTH gets 535 5.7.139 … SmtpClientAuthentication is disabled for the Mailbox.',
    diagnosis: 'smtp-auth-disabled-mailbox',
    expect: { kind: 'smtp', phase: 'auth', code: 535, enhanced: '5.7.139', text: 'disabled for the Mailbox' },
    apply: ({ tenant }) => {
      sendingMailbox(tenant).smtpClientAuthenticationDisabled = true;
    },
  },
  {
    name: 'smtp-auth-disabled-tenant',
    description:
      'Step 3: Get-TransportConfig SmtpClientAuthenticationDisabled is True (the default since 2020) and the mailbox setting is empty. AUTH gets 535 5.7.139 … SmtpClientAuthentication is disabled for the Tenant.',
    diagnosis: 'smtp-auth-disabled-tenant',
    expect: { kind: 'smtp', phase: 'auth', code: 535, enhanced: '5.7.139', text: 'disabled for the Tenant' },
    apply: ({ tenant }) => {
      tenant.organization.smtpClientAuthenticationDisabled = true;
      sendingMailbox(tenant).smtpClientAuthenticationDisabled = null;
    },
  },
  {
    name: 'send-as-denied',
    description:
      'Step 4 (or the optional SendAs grant of step 2): the From address is another mailbox of the tenant and the service principal has no SendAs right on it. AUTH succeeds; the message gets 550 5.7.60 at the end of DATA.',
    diagnosis: 'smtp-send-as-denied',
    needsRecipient: true,
    expect: {
      kind: 'smtp',
      phase: 'data',
      code: 550,
      enhanced: '5.7.60',
      text: 'Client does not have permissions to send as this sender',
    },
    apply: () => undefined,
    client: () => ({ from: SANDBOX_ADDRESSES.otherMailbox }),
  },
  {
    name: 'sender-thread-limit',
    description:
      'No setup step: another sender already holds the 3 sessions Exchange allows per mailbox. The message gets 432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded (transient).',
    diagnosis: 'smtp-concurrent-connections',
    needsRecipient: true,
    expect: { kind: 'smtp', phase: 'data', code: 432, enhanced: '4.3.2', text: 'sender thread limit exceeded' },
    apply: (state) => {
      state.faults.inject = {
        phase: 'data',
        code: 432,
        text: '4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname={mailboxHost}]',
      };
    },
  },
  {
    name: 'no-starttls',
    description:
      'Step 4: the host/port does not offer STARTTLS (wrong endpoint, or a middlebox stripping it). STARTTLS sent anyway is answered 500 (command not recognized); a correct client stops there, before AUTH: the bearer token must never go over cleartext.',
    diagnosis: 'starttls-not-offered',
    expect: { kind: 'smtp', phase: 'starttls', code: 500, enhanced: null, text: 'command not recognized' },
    apply: (state) => {
      state.faults.noStartTls = true;
    },
  },
  {
    name: 'token-endpoint-unavailable',
    description:
      'No setup step: Entra ID is temporarily unavailable (HTTP 503, error temporarily_unavailable, Retry-After). Transient: retry later.',
    diagnosis: 'token-service-unavailable',
    expect: { kind: 'token', status: 503, error: 'temporarily_unavailable', aadsts: null },
    apply: (state) => {
      state.faults.tokenEndpoint = {
        kind: 'respond',
        status: 503,
        headers: { 'retry-after': '30' },
        body: () => temporarilyUnavailableBody({ traceId: newGuid(), correlationId: newGuid() }, new Date()),
      };
    },
  },
  {
    name: 'exchange-temporary-error',
    description:
      'No setup step: an Exchange front-end proxy failure. AUTH gets 451 4.7.0 Temporary server error. Please try again later. PRX4 (transient: retry on a new connection).',
    diagnosis: 'smtp-temporary-server-error',
    expect: { kind: 'smtp', phase: 'auth', code: 451, enhanced: '4.7.0', text: 'Temporary server error' },
    apply: (state) => {
      state.faults.inject = { phase: 'auth', ...TEMPORARY_SERVER_ERROR_TEMPLATE };
    },
  },
  // ----- Entra ID: the tenant's state (catalog A) -----
  {
    name: 'public-client',
    description:
      'Step 1: Authentication → "Allow public client flows" is Yes, so Entra ID treats the app as a public client and refuses its client secret: 401 invalid_client AADSTS700025.',
    diagnosis: 'app-is-public-client',
    expect: tokenError(401, 'invalid_client', 700025),
    apply: ({ tenant }) => {
      mainApp(tenant).publicClient = true;
    },
  },
  {
    name: 'conditional-access-blocked',
    description:
      'Tenant policy (step 3 in this tool\'s terms): a Conditional Access policy that targets service principals (for example by location) blocks token issuance for the app: 400 AADSTS53003.',
    diagnosis: 'conditional-access-blocked',
    expect: tokenError(400, 'interaction_required', 53003),
    apply: ({ tenant }) => {
      tenant.conditionalAccessBlockedApps = [SANDBOX_IDS.clientId];
    },
  },
  {
    name: 'exchange-online-disabled',
    description:
      'Step 1: the resource service principal of Exchange Online is disabled in the tenant, so Entra ID issues no token for it: 400 AADSTS500014.',
    diagnosis: 'exchange-service-principal-disabled',
    expect: tokenError(400, 'invalid_resource', 500014),
    apply: ({ tenant }) => {
      tenant.exchangeOnlineEnabled = false;
    },
  },
  // ----- Entra ID: answers to requests `check` never makes (catalog A), replayed -----
  {
    name: 'secret-not-sent',
    description: `Step 4: the secret setting is empty or not passed on (an unset environment variable). ${REPLAYED}`,
    diagnosis: 'client-secret-missing',
    ...entraAnswer(EntraErrors.missingClientCredential()),
  },
  {
    name: 'tenant-id-malformed',
    description: `Step 4: quotes, spaces, a URL or the word "tenant" in the tenant setting. ${REPLAYED}`,
    diagnosis: 'tenant-id-invalid',
    ...entraAnswer(EntraErrors.malformedTenant('"contoso tenant"')),
  },
  {
    name: 'tenant-common',
    description: `Step 4: app-only tokens need the tenant id or a verified domain in the authority, not /common or /organizations. ${REPLAYED}`,
    diagnosis: 'tenant-missing',
    ...entraAnswer(EntraErrors.noTenantInformation()),
  },
  {
    name: 'scope-not-default',
    description: `Step 4: the sending application asks for https://outlook.office365.com/SMTP.SendAsApp. ${REPLAYED}`,
    diagnosis: 'scope-not-default',
    ...entraAnswer(EntraErrors.scopeNotDefault('https://outlook.office365.com/SMTP.SendAsApp')),
  },
  {
    name: 'scope-invalid',
    description: `Step 4: more than one value in the scope of a client-credentials request. ${REPLAYED}`,
    diagnosis: 'scope-invalid',
    ...entraAnswer(EntraErrors.invalidScope('https://outlook.office365.com/.default offline_access')),
  },
  {
    name: 'resource-not-found',
    description: `Step 4: a GCC High scope asked of a worldwide tenant (or a typo in the resource). ${REPLAYED}`,
    diagnosis: 'resource-not-found',
    ...entraAnswer(EntraErrors.resourceNotFound('https://outlook.office365.us', 'Contoso Sandbox')),
  },
  {
    name: 'certificate-not-uploaded',
    description: `Step 1: a sender that authenticates with a certificate uses one the app registration does not have. ${REPLAYED}`,
    diagnosis: 'client-assertion-invalid',
    ...entraAnswer(EntraErrors.assertionKeyNotFound('9F4C2B1A0E7D6C5B4A39281706F5E4D3C2B1A098')),
  },
  {
    name: 'certificate-clock-skew',
    description: `Step 4: the clock of a sender that authenticates with a certificate is wrong. ${REPLAYED}`,
    diagnosis: 'client-assertion-expired',
    ...entraAnswer(EntraErrors.assertionNotYetValidOrExpired('2026-01-05 10:00:00Z')),
  },
  {
    name: 'missing-client-id',
    description: `Step 4: the client id setting of the sending application is empty. ${REPLAYED}`,
    diagnosis: 'token-request-malformed',
    ...entraAnswer(EntraErrors.missingParameter('client_id')),
  },
  {
    name: 'national-cloud-tenant',
    description: `Step 4: a GCC High or DoD tenant needs login.microsoftonline.us (check --cloud usgov). ${REPLAYED}`,
    diagnosis: 'tenant-in-national-cloud',
    ...entraAnswer(EntraErrors.nationalCloudRedirect(SANDBOX_IDS.tenantId)),
  },
  {
    name: 'worldwide-tenant-on-usgov',
    description: `Step 4: a commercial tenant needs login.microsoftonline.com. ${REPLAYED}`,
    diagnosis: 'tenant-in-public-cloud',
    ...entraAnswer(EntraErrors.publicCloudTenantOnUsGov()),
  },
  {
    name: 'cross-cloud-request',
    description: `Step 4: the authority host belongs to another Microsoft cloud than the app. ${REPLAYED}`,
    diagnosis: 'cross-cloud-request',
    ...entraAnswer(EntraErrors.crossCloudConfidentialClient()),
  },
  // ----- Tokens Exchange Online cannot accept (catalog C) -----
  {
    name: 'graph-token',
    description:
      'Step 4: the token carries aud https://graph.microsoft.com (a Graph scope was asked for). The CLI stops at its claims check; Exchange would answer 535 5.7.3.',
    diagnosis: 'token-wrong-audience',
    ...tokenClaims({ audience: 'https://graph.microsoft.com' }),
  },
  {
    name: 'token-from-other-tenant',
    description:
      'Step 4: the token\'s tid is not the configured tenant (an app and tenant id from different directories). The CLI stops at its claims check; Exchange would answer 535 5.7.3.',
    diagnosis: 'token-wrong-tenant',
    ...tokenClaims({ tenantId: '0d3c1f5a-7b29-4e86-a1c4-5a4db0c5e0f2' }),
  },
  {
    name: 'token-for-other-app',
    description:
      'Step 4: the token\'s appid is not the configured client id (two app registrations mixed up). The CLI stops at its claims check; Exchange would answer 535 5.7.3.',
    diagnosis: 'token-wrong-app',
    ...tokenClaims({ clientId: '7a4e2c90-1b5d-4f38-9c62-5a4db0c5e0f3' }),
  },
  {
    name: 'clock-skew-expired-token',
    description:
      'No setup step: the token was issued two hours "ago" as this machine\'s clock sees it (the clock runs fast). The CLI stops at its claims check; Exchange would answer 535 5.7.3.',
    diagnosis: 'token-expired',
    ...tokenClaims({ shiftSeconds: -2 * 60 * 60 }),
  },
  {
    name: 'delegated-token',
    description:
      'Step 4: the token carries scp and upn (a user sign-in with the delegated SMTP.Send permission) and no roles. The CLI stops at its claims check; Exchange would answer 535 5.7.3.',
    diagnosis: 'token-delegated',
    ...tokenClaims({ dropRoles: true, extra: { scp: 'SMTP.Send', upn: SANDBOX_ADDRESSES.mailbox } }),
  },
  {
    name: 'opaque-token',
    description:
      'Step 4: the token endpoint answers 200 with an access token that is no JWT (a wrong endpoint or a proxy rewriting the answer). The CLI stops at its claims check; Exchange would answer 535 5.7.3.',
    diagnosis: 'token-undecodable',
    expect: authUnsuccessful,
    apply: (state) => {
      state.faults.tokenEndpoint = {
        kind: 'respond',
        status: 200,
        body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'opaque-sandbox-access-token-not-a-jwt' },
      };
    },
  },
  // ----- Exchange Online replies the tenant model does not produce (catalog B), at their phase -----
  {
    name: 'basic-auth-disabled',
    description: `Step 4: the sending application logs in with user name and password, not XOAUTH2. Exchange gives this reply to AUTH LOGIN/PLAIN. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-basic-auth-disabled',
    ...exchangeReply('auth', REPLY_TEMPLATES.basicAuthDisabled),
  },
  {
    name: 'basic-auth-wrong-password',
    description: `Step 4: the sending application uses basic authentication (AUTH LOGIN). ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-basic-auth-credentials',
    ...exchangeReply('auth', REPLY_TEMPLATES.basicAuthCredentialsIncorrect),
  },
  {
    name: 'auth-policy-blocked',
    description: `Step 3 (tenant policies): Conditional Access or an authentication policy blocks the login. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-auth-policy-blocked',
    ...exchangeReply('auth', REPLY_TEMPLATES.criteriaNotMet),
  },
  {
    name: 'security-defaults',
    description: `Step 3: security defaults are on in the tenant. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-auth-security-defaults',
    ...exchangeReply('auth', REPLY_TEMPLATES.securityDefaults),
  },
  {
    name: 'account-locked',
    description: `Step 3: another wording of a policy block. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-auth-blocked',
    ...exchangeReply('auth', REPLY_TEMPLATES.accountLocked),
  },
  {
    name: 'basic-auth-retired',
    description: `Step 4: Exchange gives this reply to AUTH LOGIN/PLAIN once Basic authentication for client submission is retired. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-basic-auth-not-supported',
    ...exchangeReply('auth', REPLY_TEMPLATES.basicAuthNotSupported),
  },
  {
    name: 'not-authenticated',
    description: `Step 4: a sending application that carries on after a failed (or without any) AUTH. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-not-authenticated',
    ...exchangeReply('mail', REPLY_TEMPLATES.clientNotAuthenticated),
  },
  {
    name: 'starttls-required',
    description: `Step 4: a sending application that does not switch to TLS. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-starttls-required',
    ...exchangeReply('mail', REPLY_TEMPLATES.startTlsRequired),
  },
  {
    name: 'auth-mechanism-unsupported',
    description: `Step 4: Exchange offers only LOGIN and XOAUTH2, and only inside TLS. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-auth-mechanism-unsupported',
    ...exchangeReply('auth', REPLY_TEMPLATES.unrecognizedAuthType),
  },
  {
    name: 'send-hello-first',
    description: `Step 4: a fault of the sending application's SMTP client. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-send-hello-first',
    ...exchangeReply('auth', REPLY_TEMPLATES.sendHelloFirst),
  },
  {
    name: 'xoauth2-user-invalid',
    description: `Step 4: the user name of the sending application is not the mailbox address. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-xoauth2-user-invalid',
    ...exchangeReply('auth', REPLY_TEMPLATES.xoauth2UserInvalid),
  },
  {
    name: 'tls-version-too-old',
    description: `Step 4: an old runtime or operating system of the sending application. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-tls-version-too-old',
    ...exchangeReply('auth', REPLY_TEMPLATES.tlsVersionTooOld),
  },
  {
    name: 'mailbox-logon-failure',
    description: `Step 2: the service principal has no FullAccess on the mailbox, or a change has not propagated yet. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-mailbox-logon-failure',
    ...exchangeReply('data', REPLY_TEMPLATES.mailboxLogonFailure),
  },
  {
    name: 'send-as-denied-submission',
    description: `Step 2 (SendAs) or 4 (sender): the From address is not the mailbox and the app may not send as it. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-send-as-denied-submission',
    ...exchangeReply('data', REPLY_TEMPLATES.sendAsDeniedSubmission),
  },
  {
    name: 'submission-quota-exceeded',
    description: `No setup step: the rolling 24-hour recipient limit of the mailbox. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-submission-quota-exceeded',
    ...exchangeReply('data', REPLY_TEMPLATES.submissionQuotaExceeded),
  },
  {
    name: 'sender-mailbox-full',
    description: `No setup step: the mailbox is over its quota, so the sent copy cannot be stored. ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-sender-mailbox-full',
    ...exchangeReply('data', REPLY_TEMPLATES.senderMailboxFull),
  },
  {
    name: 'ip-blocked',
    description: `No setup step: a new or trial tenant sending from a low-reputation pool (Microsoft support). ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-ip-blocked',
    ...exchangeReply('rcpt', REPLY_TEMPLATES.ipBlocked),
  },
  {
    name: 'sender-banned',
    description: `No setup step: a restricted sender (Defender → Restricted entities). ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-sender-banned',
    ...exchangeReply('data', REPLY_TEMPLATES.senderBanned),
  },
  {
    name: 'tenant-recipient-limit',
    description: `No setup step: the tenant external recipient rate limit (the exact SMTP reply line is unverified; the NDR text is Microsoft's). ${REPLAYED_SMTP}`,
    diagnosis: 'smtp-tenant-recipient-limit',
    ...exchangeReply('data', REPLY_TEMPLATES.tenantRecipientLimit),
  },
];

/** Each scenario with its title in the language in use (read when shown, so the language chosen in main applies). */
const SCENARIOS: readonly Scenario[] = DEFINITIONS.map((definition) =>
  Object.defineProperty({ ...definition }, 'title', {
    enumerable: true,
    get: () => t(`sandbox.scenario.${definition.name}.title` as 'sandbox.scenario.healthy.title'),
  }) as Scenario,
);

export const DEFAULT_SCENARIO = 'healthy';

export function listScenarios(): Scenario[] {
  return [...SCENARIOS];
}

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

/** Like findScenario, but throws a message that lists the valid names. */
export function getScenario(name: string): Scenario {
  const scenario = findScenario(name);
  if (!scenario) {
    throw new Error(`Unknown sandbox scenario '${name}'. Known scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  return scenario;
}
