import { newGuid, SANDBOX_ADDRESSES, SANDBOX_IDS, generateSecretValue, type AppRegistration, type Mailbox, type TenantState } from './tenant.js';
import { temporarilyUnavailableBody } from './entra-errors.js';
import { TEMPORARY_SERVER_ERROR_TEMPLATE } from './exchange-replies.js';
import type { SandboxClientSettings, SandboxState } from './types.js';

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
  /** One line. */
  title: string;
  /** What is simulated and which setup step is broken. */
  description: string;
  /** Setup step (1–4, see src/diagnose/types.ts) that is broken; null when none is (transient/Microsoft-side). */
  step: 1 | 2 | 3 | 4 | null;
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

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'healthy',
    title: 'Everything set up correctly: token, AUTH and sending succeed',
    description:
      'App with a valid secret and admin-consented SMTP.SendAsApp; Exchange service principal registered with the enterprise application object id; FullAccess on the mailbox; SMTP AUTH enabled on the mailbox (disabled org-wide, as in tenants created after January 2020).',
    step: null,
    expect: { kind: 'success' },
    apply: () => undefined,
  },
  {
    name: 'secret-id-instead-of-value',
    title: "The client secret's ID was entered instead of its value → AADSTS7000215",
    description:
      'Step 4: the "Secret ID" column (a GUID) was copied from Certificates & secrets instead of the "Value" column. Entra answers 401 invalid_client AADSTS7000215.',
    step: 4,
    expect: tokenError(401, 'invalid_client', 7000215),
    apply: () => undefined,
    client: ({ tenant }) => ({ clientSecret: mainApp(tenant).secrets[0]?.id ?? SANDBOX_IDS.secretId }),
  },
  {
    name: 'wrong-secret',
    title: 'A client secret that does not belong to the app → AADSTS7000215',
    description:
      "Step 4: the secret value is not one of the app's secrets (typo, truncated copy, another app's secret). Entra answers 401 invalid_client AADSTS7000215.",
    step: 4,
    expect: tokenError(401, 'invalid_client', 7000215),
    apply: () => undefined,
    client: () => ({ clientSecret: generateSecretValue() }),
  },
  {
    name: 'expired-secret',
    title: 'The client secret has expired → AADSTS7000222',
    description:
      "Step 1: the secret's expiry date has passed (portal secrets live at most 24 months). Entra answers 401 invalid_client AADSTS7000222.",
    step: 1,
    expect: tokenError(401, 'invalid_client', 7000222),
    apply: ({ tenant }) => {
      for (const secret of mainApp(tenant).secrets) {
        secret.expiresAt = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString();
      }
    },
  },
  {
    name: 'unknown-app',
    title: 'The client id names no application in the tenant → AADSTS700016',
    description:
      'Step 4: the application (client) id is wrong or belongs to an app in another tenant. Entra answers 400 unauthorized_client AADSTS700016.',
    step: 4,
    expect: tokenError(400, 'unauthorized_client', 700016),
    apply: () => undefined,
    client: () => ({ clientId: SANDBOX_IDS.unknownClientId }),
  },
  {
    name: 'unknown-tenant',
    title: 'The tenant id does not exist → AADSTS90002',
    description:
      'Step 4: the directory (tenant) id is wrong (or belongs to another cloud). Discovery and the token endpoint answer 400 invalid_tenant AADSTS90002.',
    step: 4,
    expect: tokenError(400, 'invalid_tenant', 90002),
    apply: () => undefined,
    client: () => ({ tenantId: SANDBOX_IDS.unknownTenantId }),
  },
  {
    name: 'app-disabled',
    title: 'The enterprise application is disabled → AADSTS7000112',
    description:
      'Step 1: the service principal has "Enabled for users to sign in?" = No (accountEnabled false), or Microsoft disabled it. Entra answers 400 unauthorized_client AADSTS7000112.',
    step: 1,
    expect: tokenError(400, 'unauthorized_client', 7000112),
    apply: ({ tenant }) => {
      mainApp(tenant).enabled = false;
    },
  },
  {
    name: 'no-enterprise-app',
    title: 'The app registration has no service principal in the tenant → AADSTS7000229',
    description:
      'Step 1: the app was registered through an API that does not create the enterprise application (service principal). Entra answers 401 invalid_client AADSTS7000229.',
    step: 1,
    expect: tokenError(401, 'invalid_client', 7000229),
    apply: ({ tenant }) => {
      mainApp(tenant).servicePrincipalObjectId = null;
      tenant.exchangeServicePrincipals = [];
      sendingMailbox(tenant).fullAccess = [];
    },
  },
  {
    name: 'no-admin-consent',
    title: 'SMTP.SendAsApp not admin-consented: token without roles → 535 5.7.3',
    description:
      'Step 1: the application permission was added but admin consent was not granted. Entra still issues a token, without a roles claim; Exchange answers AUTH with 535 5.7.3 Authentication unsuccessful.',
    step: 1,
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      mainApp(tenant).consentedRoles = [];
    },
  },
  {
    name: 'no-service-principal',
    title: 'New-ServicePrincipal was not run in Exchange Online → 535 5.7.3',
    description:
      'Step 2: Exchange does not know the app (no service principal, hence no mailbox permission either). The token is fine; AUTH gets 535 5.7.3 Authentication unsuccessful.',
    step: 2,
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      tenant.exchangeServicePrincipals = [];
      sendingMailbox(tenant).fullAccess = [];
    },
  },
  {
    name: 'wrong-object-id',
    title: "New-ServicePrincipal used the app registration's object id → 535 5.7.3",
    description:
      'Step 2: the Exchange service principal was created with -ObjectId from App registrations instead of Enterprise applications, so it does not match the token oid. AUTH gets 535 5.7.3 Authentication unsuccessful.',
    step: 2,
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
    title: 'The service principal has no FullAccess on the mailbox → 535 5.7.3',
    description:
      'Step 2: Add-MailboxPermission -AccessRights FullAccess was not run for the service principal. AUTH gets 535 5.7.3 Authentication unsuccessful.',
    step: 2,
    expect: authUnsuccessful,
    apply: ({ tenant }) => {
      sendingMailbox(tenant).fullAccess = [];
    },
  },
  {
    name: 'unknown-mailbox',
    title: 'The mailbox (user=) is not a mailbox of the tenant → 535 5.7.3',
    description:
      "Step 4: the username given for AUTH is not the mailbox's primary SMTP address (typo, a group, an address that does not exist). AUTH gets 535 5.7.3 Authentication unsuccessful.",
    step: 4,
    expect: authUnsuccessful,
    apply: () => undefined,
    client: () => ({ mailbox: SANDBOX_ADDRESSES.unknownMailbox, from: SANDBOX_ADDRESSES.unknownMailbox }),
  },
  {
    name: 'smtp-auth-disabled-mailbox',
    title: 'SMTP AUTH is disabled on the mailbox → 535 5.7.139 … Mailbox',
    description:
      'Step 3: Set-CASMailbox -SmtpClientAuthenticationDisabled $true on the mailbox. AUTH gets 535 5.7.139 … SmtpClientAuthentication is disabled for the Mailbox.',
    step: 3,
    expect: { kind: 'smtp', phase: 'auth', code: 535, enhanced: '5.7.139', text: 'disabled for the Mailbox' },
    apply: ({ tenant }) => {
      sendingMailbox(tenant).smtpClientAuthenticationDisabled = true;
    },
  },
  {
    name: 'smtp-auth-disabled-tenant',
    title: 'SMTP AUTH is disabled org-wide and the mailbox inherits it → 535 5.7.139 … Tenant',
    description:
      'Step 3: Get-TransportConfig SmtpClientAuthenticationDisabled is True (the default since 2020) and the mailbox setting is empty. AUTH gets 535 5.7.139 … SmtpClientAuthentication is disabled for the Tenant.',
    step: 3,
    expect: { kind: 'smtp', phase: 'auth', code: 535, enhanced: '5.7.139', text: 'disabled for the Tenant' },
    apply: ({ tenant }) => {
      tenant.organization.smtpClientAuthenticationDisabled = true;
      sendingMailbox(tenant).smtpClientAuthenticationDisabled = null;
    },
  },
  {
    name: 'send-as-denied',
    title: 'The sender is another mailbox without SendAs → 550 5.7.60 at end of DATA',
    description:
      'Step 4 (or the optional SendAs grant of step 2): the From address is another mailbox of the tenant and the service principal has no SendAs right on it. AUTH succeeds; the message gets 550 5.7.60 at the end of DATA.',
    step: 4,
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
    title: 'Too many concurrent sessions for the mailbox → 432 4.3.2 at end of DATA',
    description:
      'No setup step: another sender already holds the 3 sessions Exchange allows per mailbox. The message gets 432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded (transient).',
    step: null,
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
    title: 'The SMTP server offers no STARTTLS → the client must refuse to authenticate',
    description:
      'Step 4: the host/port does not offer STARTTLS (wrong endpoint, or a middlebox stripping it). STARTTLS sent anyway is answered 500 (command not recognized); a correct client stops there, before AUTH: the bearer token must never go over cleartext.',
    step: 4,
    expect: { kind: 'smtp', phase: 'starttls', code: 500, enhanced: null, text: 'command not recognized' },
    apply: (state) => {
      state.faults.noStartTls = true;
    },
  },
  {
    name: 'token-endpoint-unavailable',
    title: 'The token endpoint answers 503 temporarily_unavailable',
    description:
      'No setup step: Entra ID is temporarily unavailable (HTTP 503, error temporarily_unavailable, Retry-After). Transient: retry later.',
    step: null,
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
    title: 'Exchange answers AUTH with 451 4.7.0 Temporary server error … PRX4',
    description:
      'No setup step: an Exchange front-end proxy failure. AUTH gets 451 4.7.0 Temporary server error. Please try again later. PRX4 (transient: retry on a new connection).',
    step: null,
    expect: { kind: 'smtp', phase: 'auth', code: 451, enhanced: '4.7.0', text: 'Temporary server error' },
    apply: (state) => {
      state.faults.inject = { phase: 'auth', ...TEMPORARY_SERVER_ERROR_TEMPLATE };
    },
  },
];

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
