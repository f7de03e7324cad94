import { decodeJwt } from 'jose';
import { DEVICE_CODE_GRANT, PUBLIC_CLIENT_IDS, type Sandbox } from '../../src/sandbox/index.js';
import { httpsRequest } from './helpers.js';

/** Helpers for the administrator's side of the sandbox: device code sign-in, Graph, the Exchange admin endpoint. */

export const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';
export const EXCHANGE_DEFAULT = 'https://outlook.office365.com/.default';

export function postForm(sandbox: Sandbox, path: string, form: Record<string, string>) {
  return httpsRequest(`${sandbox.authorityHost}${path}`, { ca: sandbox.caPem, method: 'POST', body: new URLSearchParams(form).toString() });
}

export async function requestDeviceCode(sandbox: Sandbox, clientId: string, scope: string, tenant = sandbox.tenant.id) {
  return postForm(sandbox, `/${tenant}/oauth2/v2.0/devicecode`, { client_id: clientId, scope });
}

export function pollDeviceCode(sandbox: Sandbox, clientId: string, deviceCode: string, tenant = sandbox.tenant.id) {
  return postForm(sandbox, `/${tenant}/oauth2/v2.0/token`, { grant_type: DEVICE_CODE_GRANT, client_id: clientId, device_code: deviceCode });
}

/** A delegated administrator token without MSAL: device code, approval, one poll. */
export async function adminToken(
  sandbox: Sandbox,
  options: { clientId?: string; scope?: string; admin?: string } = {},
): Promise<string> {
  const clientId = options.clientId ?? PUBLIC_CLIENT_IDS.graphExplorer;
  const start = await requestDeviceCode(sandbox, clientId, `${options.scope ?? GRAPH_DEFAULT} openid profile offline_access`);
  if (start.status !== 200) throw new Error(`devicecode failed: ${start.status} ${start.body}`);
  const { device_code, user_code } = JSON.parse(start.body) as { device_code: string; user_code: string };
  sandbox.approveDeviceCode(user_code, options.admin);
  const res = await pollDeviceCode(sandbox, clientId, device_code);
  if (res.status !== 200) throw new Error(`device code poll failed: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}

export const exchangeAdminToken = (sandbox: Sandbox, admin?: string) =>
  adminToken(sandbox, { clientId: PUBLIC_CLIENT_IDS.exchangeOnlinePowerShell, scope: EXCHANGE_DEFAULT, ...(admin && { admin }) });

export interface GraphAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/** A Graph call: `path` relative to graphUrl (`servicePrincipals?$filter=…`). */
export async function graph<T = Record<string, unknown>>(
  sandbox: Sandbox,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<GraphAnswer<T>> {
  const res = await httpsRequest(`${sandbox.graphUrl}${path}`, {
    ca: sandbox.caPem,
    method,
    headers: {
      ...(token !== null && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, headers: res.headers, body: (res.body ? JSON.parse(res.body) : {}) as T };
}

/** One cmdlet through the Exchange admin endpoint. */
export async function invokeCommand(
  sandbox: Sandbox,
  token: string | null,
  cmdlet: string,
  parameters: Record<string, unknown> = {},
  tenant = sandbox.tenant.id,
) {
  const res = await httpsRequest(`${sandbox.exchangeUrl}/adminapi/beta/${tenant}/InvokeCommand`, {
    ca: sandbox.caPem,
    method: 'POST',
    headers: {
      ...(token !== null && { authorization: `Bearer ${token}` }),
      'content-type': 'application/json',
      'x-responseformat': 'json',
      'x-cmdletname': cmdlet,
    },
    body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
  });
  return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> & { value?: Record<string, unknown>[] } };
}

export function claimsOf(token: string): Record<string, unknown> {
  return decodeJwt(token) as Record<string, unknown>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const EXCHANGE_ONLINE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

interface AppRoleView {
  id: string;
  value: string;
  allowedMemberTypes: string[];
}

/** The Exchange Online service principal's id and its SMTP.SendAsApp app role id, looked up as a client must. */
export async function lookUpSendAsApp(sandbox: Sandbox, token: string) {
  const res = await graph<{ value: { id: string; appRoles: AppRoleView[] }[] }>(
    sandbox,
    token,
    'GET',
    `servicePrincipals?$filter=${encodeURIComponent(`appId eq '${EXCHANGE_ONLINE_APP_ID}'`)}&$select=id,appRoles`,
  );
  if (res.status !== 200) throw new Error(`lookup failed: ${res.status} ${JSON.stringify(res.body)}`);
  const sp = res.body.value[0];
  const role = sp?.appRoles.find((r) => r.value === 'SMTP.SendAsApp' && r.allowedMemberTypes.includes('Application'));
  if (!sp || !role) throw new Error('no SMTP.SendAsApp app role');
  return { exchangeSpId: sp.id, roleId: role.id };
}

export interface Step1 {
  appObjectId: string;
  clientId: string;
  servicePrincipalId: string;
  secret: string;
  secretKeyId: string;
  exchangeSpId: string;
  roleId: string;
}

/** Step 1 through Graph as automation-notes.md §2 orders it, each call expected to succeed. */
export async function step1(sandbox: Sandbox, token: string, displayName = 'SMTP sender (automatic)'): Promise<Step1> {
  const expectStatus = (res: GraphAnswer, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const { exchangeSpId, roleId } = await lookUpSendAsApp(sandbox, token);
  const app = await graph(sandbox, token, 'POST', 'applications', {
    displayName,
    signInAudience: 'AzureADMyOrg',
    requiredResourceAccess: [{ resourceAppId: EXCHANGE_ONLINE_APP_ID, resourceAccess: [{ id: roleId, type: 'Role' }] }],
    tags: ['smtp-oauth-setup'],
    notes: 'Created by smtp-oauth-setup',
  });
  expectStatus(app, 201, 'POST /applications');
  const sp = await graph(sandbox, token, 'POST', 'servicePrincipals', { appId: app.body.appId });
  expectStatus(sp, 201, 'POST /servicePrincipals');
  const grant = await graph(sandbox, token, 'POST', `servicePrincipals/${exchangeSpId}/appRoleAssignedTo`, {
    principalId: sp.body.id,
    resourceId: exchangeSpId,
    appRoleId: roleId,
  });
  expectStatus(grant, 201, 'POST appRoleAssignedTo');
  const password = await graph(sandbox, token, 'POST', `applications/${String(app.body.id)}/addPassword`, {
    passwordCredential: { displayName: 'smtp-oauth-setup', endDateTime: new Date(Date.now() + 180 * 86_400_000).toISOString() },
  });
  expectStatus(password, 200, 'addPassword');
  return {
    appObjectId: String(app.body.id),
    clientId: String(app.body.appId),
    servicePrincipalId: String(sp.body.id),
    secret: String(password.body.secretText),
    secretKeyId: String(password.body.keyId),
    exchangeSpId,
    roleId,
  };
}
