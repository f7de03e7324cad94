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
  /** What is simulated and which setup step is broken, in the language in use. */
  readonly description: string;
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


/** A scenario as written below: its title and description are messages of the catalogs (`sandbox.scenario.<name>.title`, `.description`). */
type ScenarioDefinition = Omit<Scenario, 'title' | 'description'>;

const DEFINITIONS: readonly ScenarioDefinition[] = [
  {
    name: 'healthy',
    diagnosis: null,
    expect: { kind: 'success' },
    apply: () => undefined,
  },
  {
    name: 'secret-id-instead-of-value',
    diagnosis: 'client-secret-invalid',
    expect: tokenError(401, 'invalid_client', 7000215),
    apply: () => undefined,
    client: ({ tenant }) => ({ clientSecret: mainApp(tenant).secrets[0]?.id ?? SANDBOX_IDS.secretId }),
  },
  {
    name: 'wrong-secret',
    diagnosis: 'client-secret-invalid',
    expect: tokenError(401, 'invalid_client', 7000215),
    apply: () => undefined,
    client: () => ({ clientSecret: generateSecretValue() }),
  },
  {
    name: 'expired-secret',
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
    diagnosis: 'app-not-found-in-tenant',
    expect: tokenError(400, 'unauthorized_client', 700016),
    apply: () => undefined,
    client: () => ({ clientId: SANDBOX_IDS.unknownClientId }),
  },
  {
    name: 'unknown-tenant',
    diagnosis: 'tenant-not-found',
    expect: tokenError(400, 'invalid_tenant', 90002),
    apply: () => undefined,
    client: () => ({ tenantId: SANDBOX_IDS.unknownTenantId }),
  },
  {
    name: 'app-disabled',
    diagnosis: 'app-disabled',
    expect: tokenError(400, 'unauthorized_client', 7000112),
    apply: ({ tenant }) => {
      mainApp(tenant).enabled = false;
    },
  },
  {
    name: 'no-enterprise-app',
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
    diagnosis: 'token-missing-role',
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      mainApp(tenant).consentedRoles = [];
    },
  },
  {
    name: 'no-service-principal',
    diagnosis: 'smtp-auth-service-principal',
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      tenant.exchangeServicePrincipals = [];
      sendingMailbox(tenant).fullAccess = [];
    },
  },
  {
    name: 'wrong-object-id',
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
    diagnosis: 'smtp-auth-service-principal',
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      sendingMailbox(tenant).fullAccess = [];
    },
  },
  {
    name: 'unknown-mailbox',
    diagnosis: 'smtp-auth-service-principal',
    expect: authUnsuccessful,
    apply: () => undefined,
    client: () => ({ mailbox: SANDBOX_ADDRESSES.unknownMailbox, from: SANDBOX_ADDRESSES.unknownMailbox }),
  },
  {
    name: 'smtp-auth-disabled-mailbox',
    diagnosis: 'smtp-auth-disabled-mailbox',
    expect: { kind: 'smtp', phase: 'auth', code: 535, enhanced: '5.7.139', text: 'disabled for the Mailbox' },
    apply: ({ tenant }) => {
      sendingMailbox(tenant).smtpClientAuthenticationDisabled = true;
    },
  },
  {
    name: 'smtp-auth-disabled-tenant',
    diagnosis: 'smtp-auth-disabled-tenant',
    expect: { kind: 'smtp', phase: 'auth', code: 535, enhanced: '5.7.139', text: 'disabled for the Tenant' },
    apply: ({ tenant }) => {
      tenant.organization.smtpClientAuthenticationDisabled = true;
      sendingMailbox(tenant).smtpClientAuthenticationDisabled = null;
    },
  },
  {
    name: 'send-as-denied',
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
    diagnosis: 'starttls-not-offered',
    expect: { kind: 'smtp', phase: 'starttls', code: 500, enhanced: null, text: 'command not recognized' },
    apply: (state) => {
      state.faults.noStartTls = true;
    },
  },
  {
    name: 'token-endpoint-unavailable',
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
    diagnosis: 'smtp-temporary-server-error',
    expect: { kind: 'smtp', phase: 'auth', code: 451, enhanced: '4.7.0', text: 'Temporary server error' },
    apply: (state) => {
      state.faults.inject = { phase: 'auth', ...TEMPORARY_SERVER_ERROR_TEMPLATE };
    },
  },
  // ----- Entra ID: the tenant's state (catalog A) -----
  {
    name: 'public-client',
    diagnosis: 'app-is-public-client',
    expect: tokenError(401, 'invalid_client', 700025),
    apply: ({ tenant }) => {
      mainApp(tenant).publicClient = true;
    },
  },
  {
    name: 'conditional-access-blocked',
    diagnosis: 'conditional-access-blocked',
    expect: tokenError(400, 'interaction_required', 53003),
    apply: ({ tenant }) => {
      tenant.conditionalAccessBlockedApps = [SANDBOX_IDS.clientId];
    },
  },
  {
    name: 'exchange-online-disabled',
    diagnosis: 'exchange-service-principal-disabled',
    expect: tokenError(400, 'invalid_resource', 500014),
    apply: ({ tenant }) => {
      tenant.exchangeOnlineEnabled = false;
    },
  },
  // ----- Entra ID: answers to requests `check` never makes (catalog A), replayed -----
  {
    name: 'secret-not-sent',
    diagnosis: 'client-secret-missing',
    ...entraAnswer(EntraErrors.missingClientCredential()),
  },
  {
    name: 'tenant-id-malformed',
    diagnosis: 'tenant-id-invalid',
    ...entraAnswer(EntraErrors.malformedTenant('"contoso tenant"')),
  },
  {
    name: 'tenant-common',
    diagnosis: 'tenant-missing',
    ...entraAnswer(EntraErrors.noTenantInformation()),
  },
  {
    name: 'scope-not-default',
    diagnosis: 'scope-not-default',
    ...entraAnswer(EntraErrors.scopeNotDefault('https://outlook.office365.com/SMTP.SendAsApp')),
  },
  {
    name: 'scope-invalid',
    diagnosis: 'scope-invalid',
    ...entraAnswer(EntraErrors.invalidScope('https://outlook.office365.com/.default offline_access')),
  },
  {
    name: 'resource-not-found',
    diagnosis: 'resource-not-found',
    ...entraAnswer(EntraErrors.resourceNotFound('https://outlook.office365.us', 'Contoso Sandbox')),
  },
  {
    name: 'certificate-not-uploaded',
    diagnosis: 'client-assertion-invalid',
    ...entraAnswer(EntraErrors.assertionKeyNotFound('9F4C2B1A0E7D6C5B4A39281706F5E4D3C2B1A098')),
  },
  {
    name: 'certificate-clock-skew',
    diagnosis: 'client-assertion-expired',
    ...entraAnswer(EntraErrors.assertionNotYetValidOrExpired('2026-01-05 10:00:00Z')),
  },
  {
    name: 'missing-client-id',
    diagnosis: 'token-request-malformed',
    ...entraAnswer(EntraErrors.missingParameter('client_id')),
  },
  {
    name: 'national-cloud-tenant',
    diagnosis: 'tenant-in-national-cloud',
    ...entraAnswer(EntraErrors.nationalCloudRedirect(SANDBOX_IDS.tenantId)),
  },
  {
    name: 'worldwide-tenant-on-usgov',
    diagnosis: 'tenant-in-public-cloud',
    ...entraAnswer(EntraErrors.publicCloudTenantOnUsGov()),
  },
  {
    name: 'cross-cloud-request',
    diagnosis: 'cross-cloud-request',
    ...entraAnswer(EntraErrors.crossCloudConfidentialClient()),
  },
  // ----- Tokens Exchange Online cannot accept (catalog C) -----
  {
    name: 'graph-token',
    diagnosis: 'token-wrong-audience',
    ...tokenClaims({ audience: 'https://graph.microsoft.com' }),
  },
  {
    name: 'token-from-other-tenant',
    diagnosis: 'token-wrong-tenant',
    ...tokenClaims({ tenantId: '0d3c1f5a-7b29-4e86-a1c4-5a4db0c5e0f2' }),
  },
  {
    name: 'token-for-other-app',
    diagnosis: 'token-wrong-app',
    ...tokenClaims({ clientId: '7a4e2c90-1b5d-4f38-9c62-5a4db0c5e0f3' }),
  },
  {
    name: 'clock-skew-expired-token',
    diagnosis: 'token-expired',
    ...tokenClaims({ shiftSeconds: -2 * 60 * 60 }),
  },
  {
    name: 'delegated-token',
    diagnosis: 'token-delegated',
    ...tokenClaims({ dropRoles: true, extra: { scp: 'SMTP.Send', upn: SANDBOX_ADDRESSES.mailbox } }),
  },
  {
    name: 'opaque-token',
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
    diagnosis: 'smtp-basic-auth-disabled',
    ...exchangeReply('auth', REPLY_TEMPLATES.basicAuthDisabled),
  },
  {
    name: 'basic-auth-wrong-password',
    diagnosis: 'smtp-basic-auth-credentials',
    ...exchangeReply('auth', REPLY_TEMPLATES.basicAuthCredentialsIncorrect),
  },
  {
    name: 'auth-policy-blocked',
    diagnosis: 'smtp-auth-policy-blocked',
    ...exchangeReply('auth', REPLY_TEMPLATES.criteriaNotMet),
  },
  {
    name: 'security-defaults',
    diagnosis: 'smtp-auth-security-defaults',
    ...exchangeReply('auth', REPLY_TEMPLATES.securityDefaults),
  },
  {
    name: 'account-locked',
    diagnosis: 'smtp-auth-blocked',
    ...exchangeReply('auth', REPLY_TEMPLATES.accountLocked),
  },
  {
    name: 'basic-auth-retired',
    diagnosis: 'smtp-basic-auth-not-supported',
    ...exchangeReply('auth', REPLY_TEMPLATES.basicAuthNotSupported),
  },
  {
    name: 'not-authenticated',
    diagnosis: 'smtp-not-authenticated',
    ...exchangeReply('mail', REPLY_TEMPLATES.clientNotAuthenticated),
  },
  {
    name: 'starttls-required',
    diagnosis: 'smtp-starttls-required',
    ...exchangeReply('mail', REPLY_TEMPLATES.startTlsRequired),
  },
  {
    name: 'auth-mechanism-unsupported',
    diagnosis: 'smtp-auth-mechanism-unsupported',
    ...exchangeReply('auth', REPLY_TEMPLATES.unrecognizedAuthType),
  },
  {
    name: 'send-hello-first',
    diagnosis: 'smtp-send-hello-first',
    ...exchangeReply('auth', REPLY_TEMPLATES.sendHelloFirst),
  },
  {
    name: 'xoauth2-user-invalid',
    diagnosis: 'smtp-xoauth2-user-invalid',
    ...exchangeReply('auth', REPLY_TEMPLATES.xoauth2UserInvalid),
  },
  {
    name: 'tls-version-too-old',
    diagnosis: 'smtp-tls-version-too-old',
    ...exchangeReply('auth', REPLY_TEMPLATES.tlsVersionTooOld),
  },
  {
    name: 'mailbox-logon-failure',
    diagnosis: 'smtp-mailbox-logon-failure',
    ...exchangeReply('data', REPLY_TEMPLATES.mailboxLogonFailure),
  },
  {
    name: 'send-as-denied-submission',
    diagnosis: 'smtp-send-as-denied-submission',
    ...exchangeReply('data', REPLY_TEMPLATES.sendAsDeniedSubmission),
  },
  {
    name: 'submission-quota-exceeded',
    diagnosis: 'smtp-submission-quota-exceeded',
    ...exchangeReply('data', REPLY_TEMPLATES.submissionQuotaExceeded),
  },
  {
    name: 'sender-mailbox-full',
    diagnosis: 'smtp-sender-mailbox-full',
    ...exchangeReply('data', REPLY_TEMPLATES.senderMailboxFull),
  },
  {
    name: 'ip-blocked',
    diagnosis: 'smtp-ip-blocked',
    ...exchangeReply('rcpt', REPLY_TEMPLATES.ipBlocked),
  },
  {
    name: 'sender-banned',
    diagnosis: 'smtp-sender-banned',
    ...exchangeReply('data', REPLY_TEMPLATES.senderBanned),
  },
  {
    name: 'tenant-recipient-limit',
    diagnosis: 'smtp-tenant-recipient-limit',
    ...exchangeReply('data', REPLY_TEMPLATES.tenantRecipientLimit),
  },
];

/** Each scenario with its title in the language in use (read when shown, so the language chosen in main applies). */
const SCENARIOS: readonly Scenario[] = DEFINITIONS.map((definition) =>
  Object.defineProperties({ ...definition }, {
    title: { enumerable: true, get: () => t(`sandbox.scenario.${definition.name}.title` as 'sandbox.scenario.healthy.title') },
    description: { enumerable: true, get: () => t(`sandbox.scenario.${definition.name}.description` as 'sandbox.scenario.healthy.description') },
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
