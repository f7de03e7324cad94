/**
 * Real Microsoft words (catalog ../shared/reference/exchange-online-errors.md, sections A and B),
 * with `<PLACEHOLDER>`s filled in with sample values and the source's `…` truncations cut off.
 * Expected results are written out by hand: tests never compare the code under test with itself.
 */
import type { AdminFacts, AdminFailure, ClaimProblem, DiagnosisContext, SetupStep, SmtpFailure, SmtpPhase, TokenFailure } from '../../src/diagnose/types.js';

export interface Expect {
  code: string;
  step: SetupStep | null;
  transient: boolean;
  propagation: boolean;
  exitCode: number;
}

/** Whether waiting may help: `'transient'` by itself, `'propagation'` after a recent change, `'no'` neither. */
type Waiting = 'transient' | 'propagation' | 'no';
const waiting = (w: Waiting) => ({ transient: w === 'transient', propagation: w === 'propagation' });

const APP_ID = '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const GUID = '6ee9ec92-6726-422a-85ce-86a1a6502800';

// ---------------------------------------------------------------------------------------------
// Section A: token endpoint (message text, OAuth error class, AADSTS number, HTTP status)

export interface TokenFixture {
  name: string;
  /** The `error_description` text as Entra ID sends it (or a whole body where noted). */
  text: string;
  error: string;
  aadsts: number | undefined;
  status: number;
  expect: Expect;
}

const t = (code: string, step: SetupStep | null, w: Waiting = 'no', exitCode = 3): Expect => ({ code, step, ...waiting(w), exitCode });

export const tokenFixtures: TokenFixture[] = [
  {
    name: 'A.1 AADSTS7000215',
    text: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${APP_ID}'.`,
    error: 'invalid_client',
    aadsts: 7000215,
    status: 401,
    expect: t('client-secret-invalid', 1),
  },
  {
    name: 'A.1 AADSTS7000215 full body',
    text: `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${APP_ID}'.\\r\\nTrace ID: ${GUID}\\r\\nCorrelation ID: ${GUID}\\r\\nTimestamp: 2023-05-06 06:03:00Z","error_codes":[7000215],"timestamp":"2023-05-06 06:03:00Z","trace_id":"${GUID}","correlation_id":"${GUID}","error_uri":"https://login.microsoftonline.com/error?code=7000215"}`,
    error: 'invalid_client',
    aadsts: 7000215,
    status: 401,
    expect: t('client-secret-invalid', 1),
  },
  {
    name: 'A.2 AADSTS7000222',
    text: `AADSTS7000222: The provided client secret keys for app '${APP_ID}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
    error: 'invalid_client',
    aadsts: 7000222,
    status: 401,
    expect: t('client-secret-expired', 1),
  },
  {
    name: 'A.3 AADSTS7000218',
    text: `AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`,
    error: 'invalid_client',
    aadsts: 7000218,
    status: 401,
    expect: t('client-secret-missing', 4),
  },
  {
    name: 'A.3 AADSTS7000218 body as pasted (separators as spaces, line breaks)',
    text: `{"error":"invalid_client",
"error_description":"AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'. Trace ID: 6ee9ec92-6726-422a-85ce-86a1a6502800 Correlation ID: 521b9148-40bc-455a-ace1-c13802e053eb Timestamp: 2024-12-03 13:51:30Z",
"error_codes":[7000218],
"timestamp":"2024-12-03 13:51:30Z",
"trace_id":"6ee9ec92-6726-422a-85ce-86a1a6502800",
"correlation_id":"521b9148-40bc-455a-ace1-c13802e053eb",
"error_uri":"https://login.microsoftonline.com/error?code=7000218"}`,
    error: 'invalid_client',
    aadsts: 7000218,
    status: 401,
    expect: t('client-secret-missing', 4),
  },
  {
    name: 'A.4 AADSTS700016',
    text: `AADSTS700016: Application with identifier '${APP_ID}' was not found in the directory '${TENANT}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    error: 'unauthorized_client',
    aadsts: 700016,
    status: 400,
    expect: t('app-not-found-in-tenant', 4),
  },
  {
    name: 'A.5 AADSTS7000229',
    text: `AADSTS7000229: The client application ${APP_ID} is missing service principal in the tenant ${TENANT}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`,
    error: 'invalid_client',
    aadsts: 7000229,
    status: 401,
    expect: t('app-service-principal-missing', 1),
  },
  {
    name: 'A.6 AADSTS90002',
    text: `AADSTS90002: Tenant 'contoso.onmicrosoft.comm' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    error: 'invalid_tenant',
    aadsts: 90002,
    status: 400,
    expect: t('tenant-not-found', 4),
  },
  {
    name: 'A.6 AADSTS90002 body',
    text: `{"error":"invalid_tenant","error_description":"AADSTS90002: Tenant '${TENANT}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.\\r\\nTrace ID: ${GUID}\\r\\nCorrelation ID: ${GUID}\\r\\nTimestamp: 2024-02-01 08:00:00Z","error_codes":[90002],"timestamp":"2024-02-01 08:00:00Z","error_uri":"https://login.microsoftonline.com/error?code=90002"}`,
    error: 'invalid_tenant',
    aadsts: 90002,
    status: 400,
    expect: t('tenant-not-found', 4),
  },
  {
    name: 'A.7 AADSTS900023',
    text: `AADSTS900023: Specified tenant identifier 'tenant' is neither a valid DNS name, nor a valid external domain.`,
    error: 'invalid_request',
    aadsts: 900023,
    status: 400,
    expect: t('tenant-id-invalid', 4),
  },
  {
    name: 'A.7 AADSTS900023 with [invalid_request] prefix',
    text: `[invalid_request] AADSTS900023: Specified tenant identifier '"${TENANT}"' is neither a valid DNS name, nor a valid external domain.`,
    error: 'invalid_request',
    aadsts: 900023,
    status: 400,
    expect: t('tenant-id-invalid', 4),
  },
  {
    name: 'A.8 AADSTS50059',
    text: 'AADSTS50059: No tenant-identifying information found in either the request or implied by any provided credentials.',
    error: 'invalid_request',
    aadsts: 50059,
    status: 400,
    expect: t('tenant-missing', 4),
  },
  {
    name: 'A.9 AADSTS1002012',
    text: 'AADSTS1002012: The provided value for scope https://outlook.office.com/SMTP.Send is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).',
    error: 'invalid_scope',
    aadsts: 1002012,
    status: 400,
    expect: t('scope-not-default', 4),
  },
  {
    name: 'A.10 AADSTS70011',
    text: "AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope https://outlook.office365.com/SMTP.SendAsApp offline_access is not valid.",
    error: 'invalid_scope',
    aadsts: 70011,
    status: 400,
    expect: t('scope-invalid', 4),
  },
  {
    name: 'A.10 AADSTS70011 doc body',
    text: `{"error":"invalid_scope","error_description":"AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope https://foo.microsoft.com/.default is not valid.\\r\\nTrace ID: ${GUID}\\r\\nCorrelation ID: ${GUID}\\r\\nTimestamp: 2016-01-09 02:02:12Z","error_codes":[70011],"timestamp":"2016-01-09 02:02:12Z","trace_id":"${GUID}","correlation_id":"${GUID}"}`,
    error: 'invalid_scope',
    aadsts: 70011,
    status: 400,
    expect: t('scope-invalid', 4),
  },
  {
    name: 'A.11 AADSTS500011',
    text: `AADSTS500011: The resource principal named https://outlook.office365.con was not found in the tenant named ${TENANT}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    error: 'invalid_resource',
    aadsts: 500011,
    status: 400,
    expect: t('resource-not-found', 4),
  },
  {
    name: 'A.12 AADSTS53003',
    text: 'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    error: 'interaction_required',
    aadsts: 53003,
    status: 400,
    expect: t('conditional-access-blocked', 3),
  },
  {
    name: 'A.13 AADSTS7000112',
    text: `AADSTS7000112: Application '${APP_ID}'(smtp-relay-app) is disabled.`,
    error: 'unauthorized_client',
    aadsts: 7000112,
    status: 400,
    expect: t('app-disabled', 1),
  },
  {
    name: 'A.13 AADSTS7000112 body',
    text: `{"error": "unauthorized_client", "error_description": "AADSTS7000112: Application '8b0c024c-7823-3774-2da8-a8d8b7ed331a'(worklytics-azuread-connector) is disabled."}`,
    error: 'unauthorized_client',
    aadsts: 7000112,
    status: 400,
    expect: t('app-disabled', 1),
  },
  {
    name: 'A.14 AADSTS500014',
    text: "AADSTS500014: The service principal for resource 'https://outlook.office365.com' is disabled.",
    error: 'invalid_resource',
    aadsts: 500014,
    status: 400,
    expect: t('exchange-service-principal-disabled', 1),
  },
  {
    name: 'A.15 AADSTS700027',
    text: "AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '9F4C2B1A0E7D6C5B4A39281706F5E4D3C2B1A098',",
    error: 'invalid_client',
    aadsts: 700027,
    status: 401,
    expect: t('client-assertion-invalid', 1),
  },
  {
    name: 'A.15 AADSTS700024',
    text: 'AADSTS700024: Client assertion is not within its valid time range. Current time: ',
    error: 'invalid_client',
    aadsts: 700024,
    status: 401,
    expect: t('client-assertion-expired', 4),
  },
  {
    name: 'A.16 AADSTS900144',
    text: "AADSTS900144: The request body must contain the following parameter: 'client_id'.",
    error: 'invalid_request',
    aadsts: 900144,
    status: 400,
    expect: t('token-request-malformed', 4),
  },
  {
    name: 'A.16 AADSTS90014 (older generation: secret missing)',
    text: "AADSTS90014: 'client_assertion' or 'client_secret' is required for the 'client_credentials' grant type.",
    error: 'invalid_request',
    aadsts: 90014,
    status: 400,
    expect: t('client-secret-missing', 4),
  },
  {
    name: 'A.16 AADSTS90014 (newer generation: a field missing)',
    text: "AADSTS90014: The required field 'scope' is missing from the credential.",
    error: 'invalid_request',
    aadsts: 90014,
    status: 400,
    expect: t('token-request-malformed', 4),
  },
  {
    name: 'A.16 AADSTS700025',
    text: "AADSTS700025: Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
    error: 'invalid_client',
    aadsts: 700025,
    status: 401,
    expect: t('app-is-public-client', 1),
  },
  {
    name: 'A.17 AADSTS90038',
    text: `AADSTS90038: Tenant '${TENANT}' request is being redirected to the National Cloud 'microsoftonline.us'.`,
    error: 'invalid_request',
    aadsts: 90038,
    status: 400,
    expect: t('tenant-in-national-cloud', 4),
  },
  {
    name: 'A.17 AADSTS900440',
    text: 'AADSTS900440: Requests to tenants hosted in the public cloud are not supported on USGov endpoints',
    error: 'invalid_request',
    aadsts: 900440,
    status: 400,
    expect: t('tenant-in-public-cloud', 4),
  },
  {
    name: 'A.17 AADSTS900432',
    text: 'AADSTS900432: Confidential Client is not supported in Cross Cloud request.',
    error: 'invalid_request',
    aadsts: 900432,
    status: 400,
    expect: t('cross-cloud-request', 4),
  },
  {
    name: 'A.18 AADSTS50126 (user flow, not client credentials)',
    text: 'AADSTS50126: Error validating credentials due to invalid username or password.',
    error: 'invalid_grant',
    aadsts: 50126,
    status: 400,
    expect: t('user-sign-in-used', 4),
  },
  {
    name: 'A.19 temporarily_unavailable',
    text: '{"error":"temporarily_unavailable","error_description":"The server is temporarily too busy to handle the request."}',
    error: 'temporarily_unavailable',
    aadsts: undefined,
    status: 503,
    expect: t('token-service-unavailable', null, 'transient', 6),
  },
];

// ---------------------------------------------------------------------------------------------
// Section B: SMTP replies (verbatim, with the phase they occur in)

export interface SmtpFixture {
  name: string;
  reply: string;
  phase: SmtpPhase;
  expect: Expect;
}

const s = (code: string, step: SetupStep | null, w: Waiting, exitCode: number): Expect => ({ code, step, ...waiting(w), exitCode });

export const smtpFixtures: SmtpFixture[] = [
  {
    name: 'B.1 535 5.7.3 (2024, MailKit#1733)',
    reply: '535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]',
    phase: 'auth',
    expect: s('smtp-auth-unsuccessful', 2, 'propagation', 4),
  },
  {
    name: 'B.1 535 5.7.3 (upper-case host)',
    reply: '535 5.7.3 Authentication unsuccessful [GVYP280CA0011.SWEP280.PROD.OUTLOOK.COM 2023-02-06T21:34:15.820Z 08DB0823FF6976E9]',
    phase: 'auth',
    expect: s('smtp-auth-unsuccessful', 2, 'propagation', 4),
  },
  {
    name: 'B.1 535 5.7.3 (2025)',
    reply: '535 5.7.3 Authentication unsuccessful [SGXP274CA0016.SGPP274.PROD.OUTLOOK.COM 2025-03-20T11:25:21.972Z 08DD66EDEFB0DFDF]',
    phase: 'auth',
    expect: s('smtp-auth-unsuccessful', 2, 'propagation', 4),
  },
  {
    name: 'B.1 535 5.7.3 (older suffix)',
    reply: '535 5.7.3 Authentication unsuccessful [FR3P281CA0094.DEUP281.PROD.OUTLOOK.COM]',
    phase: 'auth',
    expect: s('smtp-auth-unsuccessful', 2, 'propagation', 4),
  },
  {
    name: 'B.1 535 5.7.3 (Microsoft doc sample)',
    reply: '535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
    phase: 'auth',
    expect: s('smtp-auth-unsuccessful', 2, 'propagation', 4),
  },
  {
    name: 'B.2 535 5.7.139 disabled for the Tenant (new suffix)',
    reply:
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]',
    phase: 'auth',
    expect: s('smtp-auth-disabled-tenant', 3, 'propagation', 4),
  },
  {
    name: 'B.2 535 5.7.139 disabled for the Tenant (old suffix)',
    reply:
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [TY1PR01CA0183.jpnprd01.prod.outlook.com]',
    phase: 'auth',
    expect: s('smtp-auth-disabled-tenant', 3, 'propagation', 4),
  },
  {
    name: 'B.3 535 5.7.139 disabled for the Mailbox',
    reply:
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.',
    phase: 'auth',
    expect: s('smtp-auth-disabled-mailbox', 3, 'propagation', 4),
  },
  {
    name: 'B.4 535 5.7.139 basic authentication is disabled',
    reply:
      '535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PH7P220CA0132.NAMP220.PROD.OUTLOOK.COM 2024-11-11T21:51:32.927Z 08DD021D9EEB05BC]',
    phase: 'auth',
    expect: s('smtp-basic-auth-disabled', 4, 'no', 4),
  },
  {
    name: 'B.5 535 5.7.139 credentials were incorrect',
    reply: '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. [PH0PR07CA0004.namprd07.prod.outlook.com]',
    phase: 'auth',
    expect: s('smtp-basic-auth-credentials', 4, 'no', 4),
  },
  {
    name: 'B.6 535 5.7.139 did not meet the criteria',
    reply:
      '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [BN9PR03CA0716.namprd03.prod.outlook.com 2026-07-01T01:57:31.695Z 08DED6A3FAA75B29]',
    phase: 'auth',
    expect: s('smtp-auth-policy-blocked', 3, 'propagation', 4),
  },
  {
    name: 'B.7 535 5.7.139 security defaults',
    reply:
      "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
    phase: 'auth',
    expect: s('smtp-auth-security-defaults', 3, 'propagation', 4),
  },
  {
    name: 'B.7 535 5.7.139 account locked (other wording)',
    reply: '535 5.7.139 Authentication unsuccessful, account locked.',
    phase: 'auth',
    expect: s('smtp-auth-blocked', 3, 'propagation', 4),
  },
  {
    name: 'B.8 530 5.7.57',
    reply: '530 5.7.57 Client not authenticated to send mail. [BN1P110CA0052.NAMP110.PROD.OUTLOOK.COM 2023-11-29T14:52:57.126Z 08DBE7319275F6BA]',
    phase: 'mail',
    expect: s('smtp-not-authenticated', 4, 'no', 4),
  },
  {
    name: 'B.9 451 5.7.3 STARTTLS is required',
    reply: '451 5.7.3 STARTTLS is required to send mail [SG2PR02CA0073.apcprd02.prod.outlook.com 2024-07-24T03:43:18.298Z 08DCAB6EB788477A]',
    phase: 'mail',
    expect: s('smtp-starttls-required', 4, 'no', 6),
  },
  {
    name: 'B.10 504 5.7.4',
    reply: '504 5.7.4 Unrecognized authentication type [FR2P281CA0035.DEUP281.PROD.OUTLOOK.COM 2023-03-23T18:00:39.250Z 08DB2B43918359DA]',
    phase: 'auth',
    expect: s('smtp-auth-mechanism-unsupported', 4, 'no', 4),
  },
  {
    name: 'B.11 503 5.5.2',
    reply: '503 5.5.2 Send hello first [PR0P264CA0090.FRAP264.PROD.OUTLOOK.COM]',
    phase: 'auth',
    expect: s('smtp-send-hello-first', 4, 'no', 4),
  },
  {
    name: 'B.12 421 4.7.66',
    reply:
      '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [SA9P221CA0019.NAMP221.PROD.OUTLOOK.COM]',
    phase: 'ehlo',
    expect: s('smtp-tls-version-too-old', 4, 'no', 6),
  },
  {
    name: 'B.13 451 4.7.0 PRX4 (two spaces before the suffix)',
    reply: '451 4.7.0 Temporary server error. Please try again later. PRX4  [server.prod.outlook.com]',
    phase: 'auth',
    expect: s('smtp-temporary-server-error', null, 'transient', 6),
  },
  {
    name: 'B.14 501 5.5.124',
    reply: '501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid. Please ensure the auth d',
    phase: 'auth',
    expect: s('smtp-xoauth2-user-invalid', 4, 'no', 4),
  },
  {
    name: 'B.15 430 4.2.0 mailbox logon failure',
    reply:
      '430 4.2.0 STOREDRV; mailbox logon failure; STOREDRV.Submission.Exception:ConnectionFailedTransientException.MapiExceptionLogonFailed; Failed to process message due to a transient exception with message [BeginDiagnosticData]Cannot open mailbox. Server = ',
    phase: 'data',
    expect: s('smtp-mailbox-logon-failure', 2, 'propagation', 5),
  },
  {
    name: 'B.16 550 5.7.60',
    reply: '550 5.7.60 SMTP; Client does not have permissions to send as this sender [MW2PR1901MB2155.namprd19.prod.outlook.com]',
    phase: 'data',
    expect: s('smtp-send-as-denied', 2, 'propagation', 5),
  },
  {
    name: 'B.17 554 5.2.0 SendAsDenied',
    reply:
      '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message. ',
    phase: 'data',
    expect: s('smtp-send-as-denied-submission', 2, 'propagation', 5),
  },
  {
    name: 'B.17 554 5.2.252 SendAsDenied (consumer)',
    reply:
      '554 5.2.252 SendAsDenied; app@contoso.com not allowed to send as ceo@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; ',
    phase: 'data',
    expect: s('smtp-send-as-denied-submission', 2, 'propagation', 5),
  },
  {
    name: 'B.18 432 4.3.2 sender thread limit',
    reply: '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=DM5SPR00MB2471.namprd08.prod.outlook.com]',
    phase: 'data',
    expect: s('smtp-concurrent-connections', null, 'transient', 6),
  },
  {
    name: 'B.18 432 4.3.2 (exchangelabs host)',
    reply: '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=SG2PR01MB3659.apcprd01.prod.exchangelabs.com]',
    phase: 'data',
    expect: s('smtp-concurrent-connections', null, 'transient', 6),
  },
  {
    name: 'B.18 432 4.3.2 (documented wording)',
    reply: '432 4.3.2 Concurrent connections limit exceeded.',
    phase: 'data',
    expect: s('smtp-concurrent-connections', null, 'transient', 6),
  },
  {
    name: 'B.19 554 5.2.0 SubmissionQuotaExceeded',
    reply: '554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException',
    phase: 'data',
    expect: s('smtp-submission-quota-exceeded', null, 'transient', 5),
  },
  {
    name: 'B.20 554 5.2.2 mailbox full',
    reply: '554 5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded',
    phase: 'data',
    expect: s('smtp-sender-mailbox-full', null, 'no', 5),
  },
  {
    name: 'B.21 550 5.7.708',
    reply:
      '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [BM1PR01MB1076.INDPRD01.PROD.OUTLOOK.COM]',
    phase: 'rcpt',
    expect: s('smtp-ip-blocked', null, 'no', 5),
  },
  {
    name: 'B.22 550 5.7.501',
    reply: '550 5.7.501 Service unavailable. Spam abuse detected from IP range. ',
    phase: 'data',
    expect: s('smtp-sender-banned', null, 'no', 5),
  },
  {
    name: 'B.23 TERRL 5.7.233 (NDR description; exact SMTP line unverified)',
    reply:
      "550 5.7.233 Your message can't be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)",
    phase: 'data',
    expect: s('smtp-tenant-recipient-limit', null, 'transient', 5),
  },
  {
    name: 'B.24 550 5.7.30',
    reply: '550 5.7.30 Basic authentication is not supported for Client Submission.',
    phase: 'auth',
    expect: s('smtp-basic-auth-not-supported', 4, 'no', 4),
  },
  {
    name: 'B.25 502 5.3.3 (consumer endpoint, not in the catalog) → generic',
    reply: '502 5.3.3 Command not implemented',
    phase: 'mail',
    expect: s('smtp-message-refused', null, 'no', 5),
  },
];

// ---------------------------------------------------------------------------------------------
// Wrapping by other software

export interface Wrapper {
  name: string;
  wrap: (reply: string) => string;
}

function splitReply(reply: string): [string, string] {
  const m = /^(\d{3})[ -](.*)$/s.exec(reply);
  return m ? [m[1] ?? '', m[2] ?? ''] : ['', reply];
}

export const smtpWrappers: Wrapper[] = [
  { name: 'verbatim', wrap: (r) => r },
  { name: 'nodemailer', wrap: (r) => `Error: Invalid login: ${r}` },
  {
    name: 'MailKit',
    wrap: (r) => {
      const [code, rest] = splitReply(r);
      return `MailKit.Security.AuthenticationException: ${code}: ${rest}\n   at MailKit.Net.Smtp.SmtpClient.AuthenticateAsync(Encoding encoding, ICredentials credentials, Boolean doAsync, CancellationToken cancellationToken)`;
    },
  },
  {
    name: 'Python smtplib',
    wrap: (r) => {
      const [code, rest] = splitReply(r);
      // Python's bytes repr switches to double quotes when the text holds an apostrophe.
      const q = rest.includes("'") ? '"' : "'";
      return `Traceback (most recent call last):\n  File "send.py", line 12, in <module>\n    server.sendmail(sender, rcpt, msg)\nsmtplib.SMTPAuthenticationError: (${code}, b${q}${rest}${q})`;
    },
  },
  { name: 'Java mail', wrap: (r) => `javax.mail.AuthenticationFailedException: ${r}\n\tat com.sun.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:965)` },
  { name: 'PHPMailer', wrap: (r) => `2024-05-02 09:14:11 SMTP ERROR: Password command failed: ${r}\nSMTP Error: Could not authenticate.` },
  { name: 'log line with date', wrap: (r) => `2025-01-17T08:15:02.114Z ERROR [mailer] send failed: ${r}` },
  { name: 'JSON-escaped log', wrap: (r) => `{"level":50,"time":1716800000000,"msg":"smtp error","response":${JSON.stringify(`${r}\r\n`)}}` },
  { name: 'lower-cased', wrap: (r) => r.toLowerCase() },
  { name: 'upper-cased', wrap: (r) => r.toUpperCase() },
];

/** The three bracketed suffix formats, with another host and timestamp than the fixtures. */
export const suffixes: Wrapper[] = [
  { name: 'no suffix', wrap: (r) => stripSuffix(r) },
  { name: '[HOST]', wrap: (r) => `${stripSuffix(r)} [AM0PR02CA0123.eurprd02.prod.outlook.com]` },
  { name: '[HOST TIMESTAMP ID]', wrap: (r) => `${stripSuffix(r)} [DB9PR05CA0017.EURPRD05.PROD.OUTLOOK.COM 2026-01-05T23:59:59.001Z 08DE2C1F0A1B2C3D]` },
  { name: '[Hostname=HOST]', wrap: (r) => `${stripSuffix(r)} [Hostname=PAXPR04MB8123.eurprd04.prod.outlook.com]` },
];

function stripSuffix(r: string): string {
  return r.replace(/\s*\[[^\]]*\]\s*$/, '').trimEnd();
}

export const tokenWrappers: { name: string; wrap: (f: TokenFixture) => string }[] = [
  { name: 'verbatim', wrap: (f) => f.text },
  {
    name: 'raw token-endpoint JSON body',
    wrap: (f) =>
      f.text.startsWith('{')
        ? f.text
        : JSON.stringify({
            error: f.error,
            error_description: `${f.text}\r\nTrace ID: ${GUID}\r\nCorrelation ID: ${GUID}\r\nTimestamp: 2024-12-03 13:51:30Z`,
            error_codes: f.aadsts ? [f.aadsts] : undefined,
            timestamp: '2024-12-03 13:51:30Z',
          }),
  },
  { name: 'MSAL.NET', wrap: (f) => `Microsoft.Identity.Client.MsalServiceException: ${f.text}\n   at Microsoft.Identity.Client.Internal.Requests.RequestBase.HandleTokenRefreshErrorAsync` },
  {
    name: 'msal-node ServerError',
    wrap: (f) =>
      `ServerError: ${f.error}: Error(s): ${f.aadsts ?? ''} - Timestamp: 2024-12-03 13:51:30Z - Description: ${f.text} - Correlation ID: ${GUID} - Trace ID: ${GUID}`,
  },
  { name: 'log line with date', wrap: (f) => `[2024-12-03 13:51:31,004] ERROR token: ${f.text}` },
  { name: 'lower-cased', wrap: (f) => f.text.toLowerCase() },
  { name: 'Python MSAL dict', wrap: (f) => `{'error': '${f.error}', 'error_description': ${JSON.stringify(f.text)}, 'error_codes': [${f.aadsts ?? ''}]}` },
];

// ---------------------------------------------------------------------------------------------
// Structured failures: network, TLS, unknown replies, token transport and unknown token errors

export interface SmtpFailureFixture {
  name: string;
  failure: SmtpFailure;
  ctx?: DiagnosisContext;
  expect: Expect;
  /** Substrings the summary must contain. */
  summaryHas?: string[];
  fixHas?: string[];
}

const EXO = { host: 'smtp.office365.com', port: 587 };

export const smtpFailureFixtures: SmtpFailureFixture[] = [
  {
    name: 'ECONNREFUSED wrapped by nodemailer (ESOCKET + causeCode)',
    failure: { phase: 'connect', code: 'ESOCKET', causeCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 52.98.1.2:587', ...EXO },
    expect: s('connection-refused', null, 'no', 6),
    summaryHas: ['smtp.office365.com:587', 'refused'],
    fixHas: ['587', 'firewall', 'Test-NetConnection smtp.office365.com -Port 587'],
  },
  {
    name: 'ECONNREFUSED as code, other host/port',
    failure: { phase: 'connect', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.5:2525', host: 'relay.example.net', port: 2525 },
    expect: s('connection-refused', null, 'no', 6),
    summaryHas: ['relay.example.net:2525'],
  },
  {
    name: 'ENOTFOUND',
    failure: { phase: 'connect', code: 'EDNS', causeCode: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND smtp.office365.con', host: 'smtp.office365.con', port: 587 },
    expect: s('host-not-found', 4, 'no', 6),
    summaryHas: ['smtp.office365.con'],
    fixHas: ['smtp.office365.com', 'nslookup smtp.office365.con'],
  },
  {
    name: 'EAI_AGAIN',
    failure: { phase: 'connect', code: 'EDNS', causeCode: 'EAI_AGAIN', message: 'getaddrinfo EAI_AGAIN smtp.office365.com', ...EXO },
    expect: s('dns-temporary-failure', null, 'transient', 6),
    summaryHas: ['smtp.office365.com'],
  },
  {
    name: 'connect timeout',
    failure: { phase: 'connect', code: 'ETIMEDOUT', message: 'Connection timeout', ...EXO },
    expect: s('connection-timeout', null, 'transient', 6),
    summaryHas: ['smtp.office365.com:587'],
    fixHas: ['587'],
  },
  {
    name: 'greeting timeout',
    failure: { phase: 'greeting', code: 'ETIMEDOUT', message: 'Greeting never received', ...EXO },
    expect: s('connection-timeout', null, 'transient', 6),
    summaryHas: ['smtp.office365.com:587', 'greeting'],
  },
  {
    name: 'socket timeout during DATA',
    failure: { phase: 'data', code: 'ETIMEDOUT', message: 'Timeout', ...EXO },
    expect: s('connection-timeout', null, 'transient', 6),
    summaryHas: ['smtp.office365.com:587', 'DATA'],
  },
  {
    name: 'ECONNRESET',
    failure: { phase: 'starttls', code: 'ESOCKET', causeCode: 'ECONNRESET', message: 'read ECONNRESET', ...EXO },
    expect: s('connection-reset', null, 'transient', 6),
    summaryHas: ['smtp.office365.com:587', 'STARTTLS'],
  },
  {
    name: 'nodemailer ECONNECTION without reply',
    failure: { phase: 'ehlo', code: 'ECONNECTION', message: 'Connection closed unexpectedly', ...EXO },
    expect: s('connection-reset', null, 'transient', 6),
  },
  {
    name: 'ENETUNREACH',
    failure: { phase: 'connect', code: 'ESOCKET', causeCode: 'ENETUNREACH', message: 'connect ENETUNREACH 2603:1026::1:587', ...EXO },
    expect: s('network-unreachable', null, 'transient', 6),
  },
  {
    name: 'SELF_SIGNED_CERT_IN_CHAIN via causeCode',
    failure: { phase: 'starttls', code: 'ESOCKET', causeCode: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain', ...EXO },
    expect: s('tls-certificate-untrusted', null, 'no', 6),
    summaryHas: ['smtp.office365.com:587', 'proxy'],
    fixHas: ['NODE_EXTRA_CA_CERTS'],
  },
  {
    name: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    failure: { phase: 'starttls', code: 'ESOCKET', causeCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate', ...EXO },
    expect: s('tls-certificate-untrusted', null, 'no', 6),
  },
  {
    name: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    failure: { phase: 'starttls', code: 'ETLS', causeCode: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', message: 'unable to get local issuer certificate', ...EXO },
    expect: s('tls-certificate-untrusted', null, 'no', 6),
  },
  {
    name: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    failure: { phase: 'starttls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate', ...EXO },
    expect: s('tls-certificate-untrusted', null, 'no', 6),
  },
  {
    name: 'ERR_TLS_CERT_ALTNAME_INVALID',
    failure: {
      phase: 'starttls',
      code: 'ESOCKET',
      causeCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
      message: "Hostname/IP does not match certificate's altnames: IP: 52.98.1.2 is not in the cert's list: ",
      host: '52.98.1.2',
      port: 587,
    },
    expect: s('tls-certificate-wrong-host', 4, 'no', 6),
    summaryHas: ['52.98.1.2:587'],
    fixHas: ['smtp.office365.com'],
  },
  {
    name: 'CERT_HAS_EXPIRED',
    failure: { phase: 'starttls', code: 'ESOCKET', causeCode: 'CERT_HAS_EXPIRED', message: 'certificate has expired', ...EXO },
    expect: s('tls-certificate-expired', null, 'no', 6),
    fixHas: ['clock'],
  },
  {
    name: 'implicit TLS on 587 (ERR_SSL_WRONG_VERSION_NUMBER)',
    failure: {
      phase: 'connect',
      code: 'ESOCKET',
      causeCode: 'ERR_SSL_WRONG_VERSION_NUMBER',
      message: 'C0F7A1E7B27F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
      ...EXO,
    },
    expect: s('tls-wrong-mode', 4, 'no', 6),
    fixHas: ['STARTTLS'],
  },
  {
    name: 'TLS handshake failure (EPROTO)',
    failure: { phase: 'starttls', code: 'ESOCKET', causeCode: 'EPROTO', message: 'sslv3 alert handshake failure', ...EXO },
    expect: s('tls-handshake-failed', null, 'no', 6),
  },
  {
    name: 'ETLS at starttls: server offers no STARTTLS',
    failure: {
      phase: 'starttls',
      code: 'ETLS',
      responseCode: 502,
      response: '502 5.5.2 Error: command not recognized',
      message: 'Error upgrading connection with STARTTLS',
      host: 'mail.example.net',
      port: 587,
    },
    expect: s('starttls-not-offered', 4, 'no', 6),
    summaryHas: ['mail.example.net:587', 'cleartext'],
    fixHas: ['smtp.office365.com', '587', 'proxy'],
  },
  {
    name: 'ETLS at starttls with a temporary reply is not "no STARTTLS"',
    failure: {
      phase: 'starttls',
      code: 'ETLS',
      responseCode: 454,
      response: '454 4.7.0 TLS not available due to temporary reason',
      message: 'Error upgrading connection with STARTTLS',
      ...EXO,
    },
    expect: s('smtp-temporary-failure', null, 'transient', 6),
  },
  {
    name: 'ETLS without cause code: socket disconnected during the handshake',
    failure: {
      phase: 'starttls',
      code: 'ETLS',
      message: 'Error initiating TLS - Client network socket disconnected before secure TLS connection was established',
      ...EXO,
    },
    expect: s('connection-reset', null, 'transient', 6),
  },
  {
    name: '535 5.7.3 after a token WITH SMTP.SendAsApp',
    failure: {
      phase: 'auth',
      code: 'EAUTH',
      responseCode: 535,
      response: '535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
      message: 'Invalid login: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
      ...EXO,
    },
    ctx: { tokenHasSendAsRole: true, clientId: APP_ID, mailbox: 'alerts@contoso.com', servicePrincipalObjectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
    expect: s('smtp-auth-service-principal', 2, 'propagation', 4),
    fixHas: [`New-ServicePrincipal -AppId ${APP_ID} -ObjectId 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d`],
  },
  {
    name: '535 5.7.3 after a token WITHOUT SMTP.SendAsApp',
    failure: {
      phase: 'auth',
      code: 'EAUTH',
      responseCode: 535,
      response: '535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
      message: 'Invalid login: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
      ...EXO,
    },
    ctx: { tokenHasSendAsRole: false, clientId: APP_ID },
    expect: s('smtp-auth-missing-role', 1, 'propagation', 4),
    fixHas: ['Office 365 Exchange Online → Application permissions → SMTP.SendAsApp', 'Grant admin consent'],
  },
  {
    name: 'reply after ECONNECTION: 421 4.7.66 wins over "connection closed"',
    failure: {
      phase: 'ehlo',
      code: 'ECONNECTION',
      responseCode: 421,
      response:
        '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [SA9P221CA0019.NAMP221.PROD.OUTLOOK.COM]',
      message: 'Connection closed unexpectedly',
      ...EXO,
    },
    expect: s('smtp-tls-version-too-old', 4, 'no', 6),
  },
  {
    name: 'smtp-server style doubled enhanced code (535 5.7.8 5.7.3)',
    failure: { phase: 'auth', code: 'EAUTH', responseCode: 535, response: '535 5.7.8 5.7.3 Authentication unsuccessful [LOCALHOST]', message: 'Invalid login: 535 5.7.8 5.7.3 Authentication unsuccessful [LOCALHOST]', ...EXO },
    expect: s('smtp-auth-unsuccessful', 2, 'propagation', 4),
  },
  {
    name: 'library stripped the code from the response',
    failure: { phase: 'auth', code: 'EAUTH', responseCode: 535, response: '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.', message: 'Invalid login', ...EXO },
    expect: s('smtp-auth-disabled-mailbox', 3, 'propagation', 4),
  },
  // Unknown replies → generic diagnoses
  {
    name: 'unknown 5xx at AUTH',
    failure: { phase: 'auth', code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Error: authentication failed: bad protocol', message: 'Invalid login', ...EXO },
    expect: s('smtp-auth-refused', null, 'no', 4),
    summaryHas: ['535 5.7.8 Error: authentication failed: bad protocol'],
  },
  {
    name: 'unknown 5xx at RCPT',
    failure: {
      phase: 'rcpt',
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient nobody@contoso.com not found by SMTP address lookup',
      message: "Can't send mail - all recipients were rejected",
      ...EXO,
    },
    expect: s('smtp-message-refused', null, 'no', 5),
    summaryHas: ['550 5.1.10 RESOLVER.ADR.RecipientNotFound'],
  },
  {
    name: 'unknown 4xx',
    failure: { phase: 'mail', code: 'EENVELOPE', responseCode: 452, response: '452 4.3.1 Insufficient system resources', message: 'Mail command failed', ...EXO },
    expect: s('smtp-temporary-failure', null, 'transient', 6),
    summaryHas: ['Exchange Online', '452 4.3.1 Insufficient system resources'],
  },
  {
    name: 'unknown 5xx greeting',
    failure: { phase: 'greeting', code: 'EPROTOCOL', responseCode: 554, response: '554 5.7.1 Access denied', message: 'Invalid greeting. response=554 5.7.1 Access denied', host: 'mail.example.net', port: 587 },
    expect: s('smtp-session-refused', null, 'no', 6),
    summaryHas: ['mail.example.net:587', '554 5.7.1 Access denied'],
  },
  {
    name: 'unknown socket error',
    failure: { phase: 'ehlo', code: 'ESOCKET', message: 'something odd happened', ...EXO },
    expect: s('network-error', null, 'transient', 6),
    summaryHas: ['smtp.office365.com:587'],
  },
  {
    name: 'no code at all',
    failure: { phase: 'data', message: '', host: '', port: 0 },
    expect: s('network-error', null, 'transient', 6),
  },
];

export interface TokenFailureFixture {
  name: string;
  failure: TokenFailure;
  ctx?: DiagnosisContext;
  expect: Expect;
  summaryHas?: string[];
  fixHas?: string[];
  source?: string | null;
}

const LOGIN = { host: 'login.microsoftonline.com', port: 443 };

export const tokenFailureFixtures: TokenFailureFixture[] = [
  {
    name: 'transport ECONNREFUSED',
    failure: { kind: 'transport', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 20.190.160.1:443', ...LOGIN },
    expect: t('connection-refused', null, 'no', 6),
    summaryHas: ['login.microsoftonline.com:443'],
    fixHas: ['443'],
    source: 'ECONNREFUSED',
  },
  {
    name: 'transport ETIMEDOUT (our network client)',
    failure: { kind: 'transport', code: 'ETIMEDOUT', message: 'no answer within 30 s', ...LOGIN },
    expect: t('connection-timeout', null, 'transient', 6),
    summaryHas: ['login.microsoftonline.com:443'],
  },
  {
    name: 'transport ERESPONSETOOLARGE (our network client cut an endless answer off)',
    failure: { kind: 'transport', code: 'ERESPONSETOOLARGE', message: 'the answer is larger than 1 MiB, more than any answer of Entra ID', host: 'proxy.contoso.com', port: 8080 },
    expect: t('response-too-large', null, 'no', 6),
    summaryHas: ['proxy.contoso.com:8080', 'other than Entra ID'],
    fixHas: ['proxy'],
    source: 'ERESPONSETOOLARGE',
  },
  {
    name: 'transport ENOTFOUND',
    failure: { kind: 'transport', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND login.microsoftonline.con', host: 'login.microsoftonline.con', port: 443 },
    expect: t('host-not-found', 4, 'no', 6),
    summaryHas: ['login.microsoftonline.con'],
    fixHas: ['login.microsoftonline.com'],
  },
  {
    name: 'transport UNABLE_TO_GET_ISSUER_CERT_LOCALLY (TLS-inspecting proxy)',
    failure: { kind: 'transport', code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', message: 'unable to get local issuer certificate', ...LOGIN },
    expect: t('tls-certificate-untrusted', null, 'no', 6),
    fixHas: ['NODE_EXTRA_CA_CERTS'],
  },
  {
    name: 'transport unknown code',
    failure: { kind: 'transport', code: 'EWEIRD', message: 'weird', ...LOGIN },
    expect: t('network-error', null, 'transient', 6),
    summaryHas: ['login.microsoftonline.com:443'],
  },
  {
    name: 'server 503 with Retry-After',
    failure: { kind: 'server', status: 503, description: 'HTTP 503 from the token endpoint', retryAfterSeconds: 120 },
    expect: t('token-service-unavailable', null, 'transient', 6),
    summaryHas: ['HTTP 503'],
    fixHas: ['2 minutes'],
  },
  {
    name: 'server 429',
    failure: { kind: 'server', status: 429, description: 'HTTP 429 from the token endpoint' },
    expect: t('token-service-unavailable', null, 'transient', 6),
  },
  {
    name: 'MSAL endpoints_resolution_error',
    failure: { kind: 'server', error: 'endpoints_resolution_error', description: 'Endpoints cannot be resolved' },
    expect: t('authority-metadata-unavailable', 4, 'no', 6),
  },
  {
    name: 'invalid_client without AADSTS',
    failure: { kind: 'server', error: 'invalid_client', status: 401, description: 'Client authentication failed.' },
    expect: t('client-authentication-failed', 1),
  },
  {
    name: 'unknown AADSTS code',
    failure: { kind: 'server', error: 'invalid_request', aadsts: 9999999, status: 400, description: 'AADSTS9999999: Something nobody has seen yet.' },
    expect: t('token-request-failed', null),
    summaryHas: ['AADSTS9999999: Something nobody has seen yet.'],
    source: 'AADSTS9999999',
  },
  {
    name: 'HTTP 404 without body',
    failure: { kind: 'server', status: 404, description: 'HTTP 404 from the token endpoint' },
    expect: t('token-request-failed', null),
    summaryHas: ['HTTP 404'],
  },
  {
    name: 'AADSTS number only in the aadsts field (MSAL errorNo)',
    failure: { kind: 'server', error: 'invalid_client', aadsts: 7000222, status: 401, description: 'The provided client secret keys are expired.' },
    expect: t('client-secret-expired', 1),
    source: 'AADSTS7000222',
  },
];

export interface ClaimFixture {
  name: string;
  problems: ClaimProblem[];
  ctx?: DiagnosisContext;
  expect: Expect;
  summaryHas?: string[];
  fixHas?: string[];
}

export const claimFixtures: ClaimFixture[] = [
  {
    name: 'missing SMTP.SendAsApp (no roles)',
    problems: [{ kind: 'missing-role', roles: [] }],
    ctx: { clientId: APP_ID },
    expect: t('token-missing-role', 1, 'propagation'),
    summaryHas: ['SMTP.SendAsApp', 'none'],
    fixHas: [
      `Application (client) ID ${APP_ID} → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp`,
      'Grant admin consent',
      'fresh token',
    ],
  },
  {
    name: 'missing SMTP.SendAsApp (other roles)',
    problems: [{ kind: 'missing-role', roles: ['IMAP.AccessAsApp', 'POP.AccessAsApp'] }],
    expect: t('token-missing-role', 1, 'propagation'),
    summaryHas: ['IMAP.AccessAsApp, POP.AccessAsApp'],
  },
  {
    name: 'Graph audience',
    problems: [{ kind: 'audience', aud: 'https://graph.microsoft.com', expected: ['https://outlook.office365.com', 'https://outlook.office.com'] }],
    expect: t('token-wrong-audience', 4),
    summaryHas: ['https://graph.microsoft.com', 'Graph'],
    fixHas: ['https://outlook.office365.com/.default'],
  },
  {
    name: 'tenant mismatch',
    problems: [{ kind: 'tenant-mismatch', tid: '11111111-1111-1111-1111-111111111111', expected: TENANT }],
    expect: t('token-wrong-tenant', 4),
    summaryHas: ['11111111-1111-1111-1111-111111111111', TENANT],
  },
  {
    name: 'app mismatch',
    problems: [{ kind: 'app-mismatch', appid: '22222222-2222-2222-2222-222222222222', expected: APP_ID }],
    expect: t('token-wrong-app', 4),
    summaryHas: ['22222222-2222-2222-2222-222222222222', APP_ID],
  },
  {
    name: 'expired',
    problems: [{ kind: 'expired', exp: 1_700_000_000, now: 1_700_000_600 }],
    expect: t('token-expired', null, 'no', 3),
    summaryHas: ['2023-11-14T22:13:20Z', '10 minutes ago'],
    fixHas: ['clock'],
  },
  {
    name: 'delegated token',
    problems: [{ kind: 'delegated', scp: 'SMTP.Send', upn: 'alice@contoso.com' }],
    expect: t('token-delegated', 4),
    summaryHas: ['SMTP.Send', 'alice@contoso.com'],
  },
  {
    name: 'undecodable',
    problems: [{ kind: 'undecodable', reason: 'not three dot-separated parts' }],
    expect: t('token-undecodable', 4),
    summaryHas: ['not three dot-separated parts'],
  },
  {
    name: 'several: the most serious first (delegated before missing role and expired)',
    problems: [
      { kind: 'expired', exp: 1_700_000_000, now: 1_700_000_600 },
      { kind: 'missing-role', roles: [] },
      { kind: 'delegated', scp: 'SMTP.Send' },
    ],
    expect: t('token-delegated', 4),
    fixHas: ['Also wrong in this token', 'SMTP.SendAsApp role', 'expired'],
  },
  {
    name: 'several: audience before missing role',
    problems: [
      { kind: 'missing-role', roles: ['Mail.Send'] },
      { kind: 'audience', aud: 'https://graph.microsoft.com', expected: ['https://outlook.office365.com'] },
    ],
    expect: t('token-wrong-audience', 4),
  },
  {
    name: 'no problems given → internal error',
    problems: [],
    expect: t('internal-error', null, 'no', 1),
  },
];

// ---------------------------------------------------------------------------------------------
// Free texts other than catalog replies (network messages of various libraries, context-free)

export interface TextFixture {
  name: string;
  text: string;
  ctx?: DiagnosisContext;
  expect: Expect;
  summaryHas?: string[];
}

export const textFixtures: TextFixture[] = [
  {
    name: 'Node connect ECONNREFUSED with address',
    text: 'Error: connect ECONNREFUSED 52.98.1.2:587\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
    expect: t('connection-refused', null, 'no', 6),
    summaryHas: ['52.98.1.2:587'],
  },
  {
    name: 'Python connection refused',
    text: 'ConnectionRefusedError: [Errno 111] Connection refused',
    expect: t('connection-refused', null, 'no', 6),
  },
  {
    name: 'getaddrinfo ENOTFOUND',
    text: 'Error: getaddrinfo ENOTFOUND smtp.office365.con',
    expect: t('host-not-found', 4, 'no', 6),
    summaryHas: ['smtp.office365.con'],
  },
  {
    name: 'self-signed certificate message without code',
    text: 'Error: Error initiating TLS - self-signed certificate in certificate chain',
    expect: t('tls-certificate-untrusted', null, 'no', 6),
  },
  {
    name: 'altnames message',
    text: "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: smtp.example.com. is not in the cert's altnames: DNS:*.office365.com",
    expect: t('tls-certificate-wrong-host', 4, 'no', 6),
  },
  {
    name: 'Python: no STARTTLS',
    text: 'smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server.',
    expect: t('starttls-not-offered', 4, 'no', 6),
  },
  {
    name: 'MSAL network_error',
    text: 'ClientAuthError: network_error: Network request failed',
    expect: t('network-error', null, 'transient', 6),
  },
  {
    name: 'unknown AADSTS code in text',
    text: 'AADSTS1234567: A brand new failure.',
    expect: t('token-request-failed', null),
  },
  {
    name: 'unknown 5xx reply in text (not an auth code)',
    text: 'SMTPRecipientsRefused: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    expect: t('smtp-message-refused', null, 'no', 5),
  },
  {
    name: 'unknown 535 reply in text',
    text: 'Invalid login: 535 5.7.8 Error: authentication failed',
    expect: t('smtp-auth-refused', null, 'no', 4),
  },
  {
    name: 'unknown 4xx reply in text',
    text: '454 4.7.0 TLS not available due to local problem',
    expect: t('smtp-temporary-failure', null, 'transient', 6),
  },
  {
    name: 'wrong version number',
    text: 'Error: C0F7A1E7B27F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
    expect: t('tls-wrong-mode', 4, 'no', 6),
  },
];

// ---------------------------------------------------------------------------------------------
// The run itself: the CLI's own errors, diagnosed so that `--json` carries a diagnosis in every outcome

export interface RunFixture {
  name: string;
  diagnose: 'input' | 'cancelled';
  problems?: string[];
  kind?: 'invalid' | 'missing';
  message?: string;
  exitCode?: number;
  expect: Expect;
  summaryHas?: string[];
}

export const runFixtures: RunFixture[] = [
  {
    name: 'an invalid value: input-invalid, step 4, the first problem named',
    diagnose: 'input',
    problems: ['--smtp-port: must be a whole number from 1 to 65535', '--timeout: must be a number of seconds'],
    kind: 'invalid',
    expect: t('input-invalid', 4, 'no', 2),
    summaryHas: ['"--smtp-port: must be a whole number from 1 to 65535" (and 1 more)', 'Nothing was sent to Microsoft'],
  },
  {
    name: 'required values not given: input-missing, step 4',
    diagnose: 'input',
    problems: ['Missing: --tenant-id (or AZURE_TENANT_ID), --mailbox (or SMTP_OAUTH_MAILBOX).'],
    kind: 'missing',
    expect: t('input-missing', 4, 'no', 2),
    summaryHas: ['Missing: --tenant-id (or AZURE_TENANT_ID)'],
  },
  {
    name: 'Ctrl-C: cancelled, exit 130',
    diagnose: 'cancelled',
    message: 'Cancelled.',
    exitCode: 130,
    expect: t('cancelled', null, 'no', 130),
  },
  {
    name: 'SIGTERM: cancelled, with the exit code of the signal (143)',
    diagnose: 'cancelled',
    message: 'Stopped by SIGTERM.',
    exitCode: 143,
    expect: t('cancelled', null, 'no', 143),
    summaryHas: ['(Stopped by SIGTERM)'],
  },
];

export const SAMPLE = { APP_ID, TENANT };

// ---------------------------------------------------------------------------------------------
// The administrator's side (automatic setup): sign-in, permission check, Graph and the admin endpoint.
// Words as automation-notes.md §1–§4 and the sandbox (src/sandbox/*-errors.ts, which cites them) give them.

export interface AdminFixture {
  name: string;
  failure: AdminFailure;
  admin?: AdminFacts;
  expect: Expect;
}

export const adminFixtures: AdminFixture[] = [
  {
    name: 'device code expired (expired_token, AADSTS70020)',
    failure: { kind: 'sign-in', error: 'expired_token', aadsts: 70020, description: "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired." },
    expect: t('admin-sign-in-expired', null, 'no', 3),
  },
  {
    name: 'sign-in declined (authorization_declined)',
    failure: { kind: 'sign-in', error: 'authorization_declined', description: 'AADSTS65004: User declined to consent to access the app.' },
    expect: t('admin-sign-in-declined', null, 'no', 3),
  },
  {
    name: 'the public client is not pre-authorized for Exchange (AADSTS650057)',
    failure: { kind: 'sign-in', error: 'invalid_client', aadsts: 650057, description: 'AADSTS650057: Invalid resource. The client has requested access to a resource which is not listed in the requested permissions in the client\'s application registration.' },
    expect: t('admin-client-not-authorized', null, 'no', 3),
  },
  {
    name: 'the admin\'s own client id is not in the tenant (AADSTS700016)',
    failure: { kind: 'sign-in', error: 'unauthorized_client', aadsts: 700016, description: `AADSTS700016: Application with identifier '${APP_ID}' was not found in the directory '${TENANT}'.` },
    expect: t('admin-client-not-authorized', null, 'no', 3),
  },
  {
    name: 'a missing scope, found before any change',
    failure: { kind: 'permissions', operation: 'grant-permission', missingScopes: ['AppRoleAssignment.ReadWrite.All'], neededRoles: [] },
    expect: t('admin-scope-missing', null, 'no', 3),
  },
  {
    name: 'a missing role, found in wids before any change',
    failure: { kind: 'permissions', operation: 'write-applications', missingScopes: [], neededRoles: ['applicationAdministrator', 'cloudApplicationAdministrator', 'globalAdministrator'] },
    expect: t('admin-role-missing', null, 'no', 3),
  },
  {
    name: 'Graph 403 Authorization_RequestDenied',
    failure: { kind: 'answer', service: 'graph', operation: 'grant-permission', status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
    expect: t('admin-role-missing', null, 'no', 3),
  },
  {
    name: 'the admin endpoint refuses a user without an Exchange role (403)',
    failure: { kind: 'answer', service: 'exchange', operation: 'exchange-admin', cmdlet: 'New-ServicePrincipal', status: 403, code: 'Microsoft.Exchange.Configuration.Authorization.AuthorizationException', message: 'The user "admin@contoso.onmicrosoft.com" isn\'t assigned to any management roles.' },
    expect: t('admin-role-missing', null, 'no', 3),
  },
  {
    name: 'Graph 401 InvalidAuthenticationToken',
    failure: { kind: 'answer', service: 'graph', operation: 'read-applications', status: 401, code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' },
    expect: t('admin-token-refused', null, 'no', 3),
  },
  {
    name: 'Graph 404 right after a create (Request_ResourceNotFound), once the retry gave up',
    failure: { kind: 'answer', service: 'graph', operation: 'write-applications', status: 404, code: 'Request_ResourceNotFound', message: `Resource '${APP_ID}' does not exist or one of its queried reference-property objects are not present.` },
    admin: { waitedSeconds: 300 },
    expect: t('admin-object-not-found', 1, 'propagation', 3),
  },
  {
    name: 'Graph 400 "Not a valid reference update." (the new service principal not replicated)',
    failure: { kind: 'answer', service: 'graph', operation: 'grant-permission', status: 400, code: 'Request_BadRequest', message: 'Not a valid reference update.' },
    expect: t('admin-object-not-found', 1, 'propagation', 3),
  },
  {
    name: 'Graph 429 with Retry-After',
    failure: { kind: 'answer', service: 'graph', operation: 'write-applications', status: 429, code: 'TooManyRequests', message: 'Too many requests.', retryAfterSeconds: 30 },
    expect: t('admin-throttled', null, 'transient', 6),
  },
  {
    name: 'Graph 503',
    failure: { kind: 'answer', service: 'graph', operation: 'read-applications', status: 503, code: 'ServiceUnavailable', message: 'Service is unavailable.' },
    expect: t('admin-service-unavailable', null, 'transient', 6),
  },
  {
    name: 'the admin endpoint answers in no known shape',
    failure: { kind: 'unexpected', cmdlet: 'New-ServicePrincipal', status: 200 },
    expect: t('admin-endpoint-unexpected', 2, 'no', 6),
  },
  {
    name: 'any other Graph refusal (400 invalid property)',
    failure: { kind: 'answer', service: 'graph', operation: 'write-applications', status: 400, code: 'Request_BadRequest', message: "Invalid value specified for property 'tags' of resource 'Application'." },
    expect: t('admin-request-failed', null, 'no', 3),
  },
];
