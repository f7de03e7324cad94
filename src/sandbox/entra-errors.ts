import { randomUUID } from 'node:crypto';

/**
 * Entra ID (AADSTS) errors the sandbox token endpoint answers, with the message texts of the catalog
 * (section A, "current text" where two generations exist) and the body shape of catalog A.0.
 * All Entra texts live here; the endpoint only picks one and fills in the values.
 */

export interface EntraError {
  /** HTTP status (catalog A.0: `invalid_client` → 401, everything else observed → 400). */
  status: number;
  /** OAuth error class (`error` field). */
  error: string;
  /** AADSTS number (`error_codes[0]`). */
  code: number;
  /** Message after `AADSTS<code>: `. */
  message: string;
}

function e(status: number, error: string, code: number, message: string): EntraError {
  return { status, error, code, message };
}

export const EntraErrors = {
  /** A.1 — secret does not match any secret of the app (e.g. the secret ID was pasted). */
  invalidClientSecret: (appId: string) =>
    e(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`,
    ),
  /** A.2 — the secret matches an expired secret. */
  clientSecretExpired: (appId: string) =>
    e(
      401,
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
    ),
  /** A.3 — neither a secret nor an assertion was sent. */
  missingClientCredential: () =>
    e(
      401,
      'invalid_client',
      7000218,
      `The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`,
    ),
  /** A.4 — no such application in the tenant. `tenant` is the identifier as sent. */
  applicationNotFound: (appId: string, tenant: string) =>
    e(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${appId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  /** A.5 — app registration without a service principal (enterprise application) in the tenant. */
  missingServicePrincipal: (appId: string, tenantId: string) =>
    e(
      401,
      'invalid_client',
      7000229,
      `The client application ${appId} is missing service principal in the tenant ${tenantId}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`,
    ),
  /** A.6 — tenant not found (`invalid_tenant` as observed on the discovery endpoint). */
  tenantNotFound: (tenant: string) =>
    e(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  /** A.7 — tenant identifier is neither a GUID nor a DNS name. */
  malformedTenant: (tenant: string) =>
    e(
      400,
      'invalid_request',
      900023,
      `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`,
    ),
  /** A.8 — `/common` or `/organizations` with client credentials. HTTP status [UNVERIFIED], 400 assumed. */
  noTenantInformation: () =>
    e(
      400,
      'invalid_request',
      50059,
      'No tenant-identifying information found in either the request or implied by any provided credentials.',
    ),
  /** A.9 — scope not of the form `<resource>/.default`. */
  scopeNotDefault: (scope: string) =>
    e(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  /** A.10 — malformed scope value (several values mixed into one scope string). */
  invalidScope: (scope: string) =>
    e(
      400,
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
    ),
  /** A.11 — resource unknown in this tenant (typo, or another cloud's resource). `tenant` = display name. */
  resourceNotFound: (resource: string, tenant: string) =>
    e(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  /** A.13 — service principal disabled. Note: no space between `'<APP_ID>'` and `(`. */
  applicationDisabled: (appId: string, displayName: string) =>
    e(400, 'unauthorized_client', 7000112, `Application '${appId}'(${displayName}) is disabled.`),
  /**
   * A.15 — a client assertion (certificate credential) the sandbox cannot verify: it models secrets
   * only, so no certificate key is ever found. Catalog gives the text up to the thumbprint; the
   * remainder of Microsoft's message is unknown and deliberately not invented.
   */
  assertionKeyNotFound: (thumbprint: string) =>
    e(
      401,
      'invalid_client',
      700027,
      `Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}']`,
    ),
  /**
   * A.12 — a Conditional Access policy for workload identities blocks the service principal. Text as
   * observed for user flows; the `error` class for app-only requests is [UNVERIFIED]: the user-flow
   * class (`interaction_required`, HTTP 400) is used.
   */
  conditionalAccessBlocked: () =>
    e(400, 'interaction_required', 53003, 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'),
  /**
   * A.14 — the resource's service principal ("Office 365 Exchange Online") is disabled. Only the
   * beginning of the message is known; `error` class and status are [UNVERIFIED] (invalid_resource, 400).
   */
  resourceDisabled: (resource: string) =>
    e(400, 'invalid_resource', 500014, `The service principal for resource '${resource}' is disabled.`),
  /** A.15 — the certificate assertion is outside its validity (clock skew). The tail is unknown and left off. */
  assertionNotYetValidOrExpired: (currentTime: string) =>
    e(401, 'invalid_client', 700024, `Client assertion is not within its valid time range. Current time: ${currentTime}`),
  /** A.16 — the app registration is a public client ("Allow public client flows": Yes), so a secret is refused. */
  publicClient: () =>
    e(401, 'invalid_client', 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented."),
  /** A.17 — a US Government tenant asked at the worldwide authority. Class and status [UNVERIFIED]: 400 invalid_request. */
  nationalCloudRedirect: (tenant: string) =>
    e(400, 'invalid_request', 90038, `Tenant '${tenant}' request is being redirected to the National Cloud 'microsoftonline.us'.`),
  /** A.17 — a worldwide tenant asked at the US Government authority (tail of the message unknown, left off). */
  publicCloudTenantOnUsGov: () =>
    e(400, 'invalid_request', 900440, 'Requests to tenants hosted in the public cloud are not supported on USGov endpoints'),
  /** A.17 — a confidential client calling another cloud's authority (msgraph-cli#396: 400 invalid_request). */
  crossCloudConfidentialClient: () =>
    e(400, 'invalid_request', 900432, 'Confidential Client is not supported in Cross Cloud request.'),
  /** A.16 — a required form parameter is missing. */
  missingParameter: (name: string) =>
    e(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  /**
   * A grant type other than client_credentials. Not in the catalog: code and wording follow Entra's
   * error-code reference entry 70003 (UnsupportedGrantType) [UNVERIFIED wording].
   */
  unsupportedGrantType: (grantType: string) =>
    e(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`),

  // ----- device authorization grant (RFC 8628; Microsoft identity platform "OAuth 2.0 device
  // authorization grant", "Expected errors"; automation-notes.md §1). Error classes are the doc's;
  // the AADSTS numbers and texts are as observed in public reports, cited per entry. -----

  /** Not yet approved. Text as observed in 2022 and later (learn.microsoft.com Q&A 981553); 2016 logs said "Pending end-user authorization." */
  authorizationPending: () =>
    e(400, 'authorization_pending', 70016, 'The provided request has not yet been authorized by the user. The user must input their code.'),
  /** `expires_in` passed (azure-cli#22251, azure-sdk-for-python#32375, azure-docs#92366: same text). */
  deviceCodeExpired: () =>
    e(400, 'expired_token', 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired."),
  /**
   * The user declined. The class is the doc's; the AADSTS number and text are [UNVERIFIED]: reported
   * clients see AADSTS65004 (user declined consent) with it, whose reference-error-codes text is used.
   */
  authorizationDeclined: () => e(400, 'authorization_declined', 65004, 'User declined to consent to access the app.'),
  /** A device_code the endpoint never issued (or already redeemed): doc class; number and text from reference-error-codes (70018). */
  badVerificationCode: () =>
    e(
      400,
      'bad_verification_code',
      70018,
      "Invalid verification code due to User typing in wrong user code for device code flow. Authorization isn't approved.",
    ),
  /**
   * A refresh token the endpoint never issued, or one issued to another client: class invalid_grant
   * (RFC 6749 §5.2); number and text of reference-error-codes entry 9002313 (InvalidRequest, "request is
   * malformed or invalid") [UNVERIFIED which number Entra gives here].
   */
  invalidRefreshToken: () => e(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.'),
  /**
   * A public client asking for a resource or permission it is not pre-authorized for
   * (automation-notes.md §1: Azure/azure-cli#22775, #32579). Class and status [UNVERIFIED].
   */
  resourceNotPreAuthorized: (clientId: string, clientName: string, resource: string, resourceAppId: string, valid: string) =>
    e(
      400,
      'invalid_client',
      650057,
      `Invalid resource. The client has requested access to a resource which is not listed in the requested permissions in the client's application registration. Client app ID: ${clientId}(${clientName}). Resource value from request: ${resource}. Resource app ID: ${resourceAppId}. List of valid resources from app registration: ${valid}.`,
    ),
} as const;

/**
 * RFC 8628 §3.5 `slow_down`: polled faster than `interval`. Entra documents no AADSTS number or text for
 * it (its "Expected errors" table lists none), so none is invented: the body has Entra's shape with an
 * empty `error_codes`, like temporarilyUnavailableBody, and a description of the sandbox's own.
 */
export function slowDownBody(ids: EntraTraceIds, at: Date): string {
  const timestamp = entraTimestamp(at);
  return JSON.stringify({
    error: 'slow_down',
    error_description: `The client is polling too frequently.\r\nTrace ID: ${ids.traceId}\r\nCorrelation ID: ${ids.correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
  });
}

/** The device code answer's `message` (Microsoft's wording, automation-notes.md §1 / the device code doc's example). */
export function deviceCodeMessage(verificationUri: string, userCode: string): string {
  return `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`;
}

/** `YYYY-MM-DD HH:MM:SSZ` (catalog A.0: space, no milliseconds). */
export function entraTimestamp(at: Date): string {
  return at.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

export interface EntraTraceIds {
  traceId: string;
  correlationId: string;
}

/**
 * The JSON error body, byte for byte in catalog A.0's field order, with the `\r\n`-separated trailer
 * (`Trace ID`, `Correlation ID`, `Timestamp`) inside `error_description`.
 */
export function entraErrorBody(err: EntraError, ids: EntraTraceIds, at: Date): string {
  const timestamp = entraTimestamp(at);
  return JSON.stringify({
    error: err.error,
    error_description: `AADSTS${err.code}: ${err.message}\r\nTrace ID: ${ids.traceId}\r\nCorrelation ID: ${ids.correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [err.code],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${err.code}`,
  });
}

/**
 * A body for a temporarily unavailable token service (catalog A.19: the `temporarily_unavailable`
 * class is documented, the exact text and AADSTS number are not — none is invented here).
 */
export function temporarilyUnavailableBody(ids: EntraTraceIds, at: Date): Record<string, unknown> {
  const timestamp = entraTimestamp(at);
  return {
    error: 'temporarily_unavailable',
    error_description: `The service is temporarily unavailable. Please retry the request later.\r\nTrace ID: ${ids.traceId}\r\nCorrelation ID: ${ids.correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
  };
}

/**
 * A token-endpoint fault that answers every token POST with this Entra error, body as in catalog A.0
 * with fresh trace and correlation ids per answer: for failures `check` cannot cause by itself (it
 * validates its inputs and always asks for `<resource>/.default`), replayed as Microsoft sends them.
 */
export function entraErrorFault(err: EntraError): { kind: 'respond'; status: number; body: () => string } {
  return {
    kind: 'respond',
    status: err.status,
    body: () => entraErrorBody(err, { traceId: randomUUID(), correlationId: randomUUID() }, new Date()),
  };
}
