import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { msal } from '../../src/token/msal.js';
import { authorityConfig } from '../../src/token/authority.js';
import { TokenNetworkClient } from '../../src/token/network-client.js';
import { ENTRA_ROLE_TEMPLATE_IDS, PUBLIC_CLIENT_IDS, SANDBOX_ADMIN, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { claimsOf, EXCHANGE_DEFAULT, GRAPH_DEFAULT, pollDeviceCode, postForm, requestDeviceCode } from './admin-helpers.js';

// Device authorization grant: Microsoft identity platform "OAuth 2.0 device authorization grant"
// (answer fields, "Expected errors") and RFC 8628 §3.5 (slow_down), automation-notes.md §1.

interface EntraBody {
  error: string;
  error_description: string;
  error_codes: number[];
  trace_id: string;
  correlation_id: string;
  timestamp: string;
}

let sandbox: Sandbox;
let clock = Date.now();

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => clock, deviceCode: { intervalSeconds: 1, lifetimeSeconds: 900 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  clock = Date.now();
  sandbox.applyScenario('healthy');
  sandbox.automation.deviceCodeAutoApproveMs = null;
  sandbox.automation.deviceCodeIntervalSeconds = 1;
});

async function start(clientId: string = PUBLIC_CLIENT_IDS.graphExplorer, scope = `${GRAPH_DEFAULT} openid profile offline_access`) {
  const res = await requestDeviceCode(sandbox, clientId, scope);
  expect(res.status, res.body).toBe(200);
  return JSON.parse(res.body) as { device_code: string; user_code: string; verification_uri: string; expires_in: number; interval: number; message: string };
}

describe('POST /{tenant}/oauth2/v2.0/devicecode', () => {
  it('answers device_code, user_code, verification_uri, expires_in, interval and message, as Entra does', async () => {
    const answer = await start();
    expect(Object.keys(answer).sort()).toEqual(['device_code', 'expires_in', 'interval', 'message', 'user_code', 'verification_uri']);
    expect(answer.user_code).toMatch(/^[A-Z0-9]{9}$/);
    expect(answer.device_code.length).toBeGreaterThan(100);
    expect(answer.expires_in).toBe(900);
    expect(answer.interval).toBe(1);
    expect(answer.verification_uri).toBe(`${sandbox.authorityHost}/devicelogin`);
    expect(answer.message).toBe(
      `To sign in, use a web browser to open the page ${answer.verification_uri} and enter the code ${answer.user_code} to authenticate.`,
    );
    expect(sandbox.pendingDeviceCodes().map((c) => c.userCode)).toEqual([answer.user_code]);
    expect(sandbox.stats().deviceCodeRequests).toBeGreaterThanOrEqual(1);
  });

  it('refuses a client id that names no public client with AADSTS700016', async () => {
    const res = await requestDeviceCode(sandbox, '11111111-2222-4333-8444-555555555555', GRAPH_DEFAULT);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as EntraBody;
    expect(body.error).toBe('unauthorized_client');
    expect(body.error_codes).toEqual([700016]);
  });

  it('refuses a resource the public client is not pre-authorized for with AADSTS650057 (Azure CLI asking for Exchange)', async () => {
    const res = await requestDeviceCode(sandbox, PUBLIC_CLIENT_IDS.azureCli, EXCHANGE_DEFAULT);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as EntraBody;
    expect(body.error_codes).toEqual([650057]);
    expect(body.error_description).toMatch(/^AADSTS650057: Invalid resource\. /);
  });

  it('refuses a named permission outside the client pre-authorized set (Policy.Read.All for Azure CLI)', async () => {
    const res = await requestDeviceCode(sandbox, PUBLIC_CLIENT_IDS.azureCli, 'https://graph.microsoft.com/Policy.Read.All');
    expect(JSON.parse(res.body).error_codes).toEqual([650057]);
  });

  it('works at /organizations (the administrator home tenant answers)', async () => {
    const res = await requestDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, GRAPH_DEFAULT, 'organizations');
    expect(res.status).toBe(200);
  });
});

describe('polling the token endpoint', () => {
  it('answers authorization_pending (AADSTS70016, 400) while the administrator has not approved', async () => {
    const { device_code } = await start();
    const res = await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code);
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as EntraBody;
    expect(body.error).toBe('authorization_pending');
    expect(body.error_codes).toEqual([70016]);
    expect(body.error_description).toMatch(/^AADSTS70016: .*\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: /);
  });

  it('answers slow_down when polled faster than interval, and then expects interval + 5 s', async () => {
    const { device_code } = await start();
    await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code);
    const fast = await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code);
    expect(fast.status).toBe(400);
    const body = JSON.parse(fast.body) as EntraBody;
    expect(body.error).toBe('slow_down');
    expect(body.error_codes).toEqual([]);
    expect(sandbox.pendingDeviceCodes()[0]?.intervalMs).toBe(6000);
    clock += 1500; // past the old interval, not past the new one
    expect(JSON.parse((await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code)).body).error).toBe('slow_down');
    clock += 11_001;
    expect(JSON.parse((await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code)).body).error).toBe('authorization_pending');
  });

  it('answers authorization_declined after the administrator declined', async () => {
    const { device_code, user_code } = await start();
    sandbox.declineDeviceCode(user_code);
    const body = JSON.parse((await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code)).body) as EntraBody;
    expect(body.error).toBe('authorization_declined');
    expect(body.error_codes).toEqual([65004]);
  });

  it('answers expired_token (AADSTS70020) once expires_in has passed, even when approved', async () => {
    const { device_code, user_code } = await start();
    sandbox.approveDeviceCode(user_code);
    clock += 900_000;
    const body = JSON.parse((await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code)).body) as EntraBody;
    expect(body.error).toBe('expired_token');
    expect(body.error_description).toMatch(/^AADSTS70020: The provided value for the input parameter 'device_code' is not valid\. This device code has expired\./);
  });

  it('answers bad_verification_code for a device code it never issued, or one already redeemed', async () => {
    const unknown = JSON.parse((await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, 'not-a-code')).body) as EntraBody;
    expect(unknown.error).toBe('bad_verification_code');
    const { device_code, user_code } = await start();
    sandbox.approveDeviceCode(user_code);
    expect((await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code)).status).toBe(200);
    clock += 2000;
    expect(JSON.parse((await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code)).body).error).toBe('bad_verification_code');
  });

  it('issues a delegated token for the resource: scp of the client set, upn, wids of the admin roles, appidacr 0', async () => {
    sandbox.tenant.directory.admins[0]!.roles = ['applicationAdministrator', 'exchangeAdministrator'];
    const { device_code, user_code } = await start();
    sandbox.approveDeviceCode(user_code);
    const res = await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.graphExplorer, device_code);
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body) as Record<string, string>;
    expect(answer.token_type).toBe('Bearer');
    expect(answer.scope?.split(' ')).toEqual(expect.arrayContaining(['Application.ReadWrite.All', 'Policy.Read.All', 'openid', 'profile']));
    expect(typeof answer.id_token).toBe('string');
    const claims = claimsOf(answer.access_token as string);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${sandbox.tenant.id}/`,
      tid: sandbox.tenant.id,
      appid: PUBLIC_CLIENT_IDS.graphExplorer,
      appidacr: '0',
      idtyp: 'user',
      oid: SANDBOX_ADMIN.objectId,
      upn: SANDBOX_ADMIN.userPrincipalName,
      wids: [ENTRA_ROLE_TEMPLATE_IDS.applicationAdministrator, ENTRA_ROLE_TEMPLATE_IDS.exchangeAdministrator],
    });
    expect(String(claims.scp).split(' ')).toEqual(['Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', 'Directory.ReadWrite.All', 'Policy.Read.All', 'User.Read']);
    expect(claims.roles).toBeUndefined();
  });

  it('gives a token for Exchange to the Exchange Online PowerShell client, with only the named permission when one is named', async () => {
    const { device_code, user_code } = await start(PUBLIC_CLIENT_IDS.exchangeOnlinePowerShell, 'https://outlook.office365.com/AdminApi.AccessAsUser.All');
    sandbox.approveDeviceCode(user_code);
    const res = await pollDeviceCode(sandbox, PUBLIC_CLIENT_IDS.exchangeOnlinePowerShell, device_code);
    const answer = JSON.parse(res.body) as Record<string, string>;
    expect(answer.scope).toBe('https://outlook.office365.com/AdminApi.AccessAsUser.All');
    expect(claimsOf(answer.access_token as string)).toMatchObject({ aud: 'https://outlook.office365.com', scp: 'AdminApi.AccessAsUser.All' });
  });
});

describe('refresh tokens (the silent second token of one sign-in)', () => {
  const refresh = (clientId: string, refreshToken: string, scope: string) =>
    postForm(sandbox, `/${sandbox.tenant.id}/oauth2/v2.0/token`, { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken, scope });
  const ownClient = () => {
    const appId = '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c';
    sandbox.tenant.directory.publicClients.push({
      appId,
      displayName: 'Own client',
      scopes: { 'https://graph.microsoft.com': ['Application.ReadWrite.All'], 'https://outlook.office365.com': ['AdminApi.AccessAsUser.All'] },
    });
    return appId;
  };
  async function signIn(clientId: string, scope: string) {
    const { device_code, user_code } = await start(clientId, scope);
    sandbox.approveDeviceCode(user_code);
    return JSON.parse((await pollDeviceCode(sandbox, clientId, device_code)).body) as Record<string, string>;
  }

  it('a sign-in with offline_access gets one, redeemed for another resource the client is pre-authorized for', async () => {
    const clientId = ownClient();
    const first = await signIn(clientId, `${GRAPH_DEFAULT} openid profile offline_access`);
    expect(typeof first.refresh_token).toBe('string');
    const res = await refresh(clientId, first.refresh_token as string, `${EXCHANGE_DEFAULT} openid profile offline_access`);
    expect(res.status, res.body).toBe(200);
    const answer = JSON.parse(res.body) as Record<string, string>;
    expect(claimsOf(answer.access_token as string)).toMatchObject({ aud: 'https://outlook.office365.com', scp: 'AdminApi.AccessAsUser.All', upn: SANDBOX_ADMIN.userPrincipalName });
    expect(typeof answer.refresh_token).toBe('string');
  });

  it('without offline_access there is none; a client not pre-authorized is refused with 650057; another client or an unknown token is invalid_grant', async () => {
    expect((await signIn(PUBLIC_CLIENT_IDS.graphExplorer, GRAPH_DEFAULT)).refresh_token).toBeUndefined();
    const cli = await signIn(PUBLIC_CLIENT_IDS.azureCli, `${GRAPH_DEFAULT} offline_access`);
    expect(JSON.parse((await refresh(PUBLIC_CLIENT_IDS.azureCli, cli.refresh_token as string, EXCHANGE_DEFAULT)).body).error_codes).toEqual([650057]);
    expect(JSON.parse((await refresh(PUBLIC_CLIENT_IDS.graphExplorer, cli.refresh_token as string, GRAPH_DEFAULT)).body).error).toBe('invalid_grant');
    expect(JSON.parse((await refresh(PUBLIC_CLIENT_IDS.azureCli, 'never-issued', GRAPH_DEFAULT)).body).error).toBe('invalid_grant');
  });
});

describe('with real MSAL (PublicClientApplication.acquireTokenByDeviceCode)', () => {
  const realClock = () => Date.now();
  beforeEach(() => {
    sandbox.automation.now = realClock;
  });
  afterEach(() => {
    sandbox.automation.now = () => clock;
  });

  function publicClient() {
    return new (msal().PublicClientApplication)({
      auth: { clientId: PUBLIC_CLIENT_IDS.graphExplorer, ...authorityConfig(sandbox.authorityHost, sandbox.tenant.id) },
      system: { networkClient: new TokenNetworkClient({ timeoutMs: 5000, extraCaPem: sandbox.caPem }) },
    });
  }

  it('signs the administrator in: MSAL shows the code, polls through authorization_pending, returns the token and account', async () => {
    sandbox.automation.deviceCodeAutoApproveMs = 300;
    const shown: string[] = [];
    const result = await publicClient().acquireTokenByDeviceCode({
      scopes: [GRAPH_DEFAULT],
      deviceCodeCallback: (response) => shown.push(response.userCode, response.message),
    });
    expect(shown[0]).toMatch(/^[A-Z0-9]{9}$/);
    expect(shown[1]).toContain(shown[0]);
    expect(result?.account?.username).toBe(SANDBOX_ADMIN.userPrincipalName);
    expect(result?.account?.tenantId).toBe(sandbox.tenant.id);
    const claims = claimsOf(result?.accessToken ?? '');
    expect(claims).toMatchObject({ aud: 'https://graph.microsoft.com', upn: SANDBOX_ADMIN.userPrincipalName, idtyp: 'user' });
    // At least one authorization_pending before the approval, then the token.
    const polls = sandbox.requestLog.filter((e) => e.path.endsWith('/oauth2/v2.0/token'));
    expect(polls.map((p) => p.status).slice(-2)).toEqual([400, 200]);
  });

  it('stops with authorization_declined when the administrator declines', async () => {
    const declined = publicClient()
      .acquireTokenByDeviceCode({
        scopes: [GRAPH_DEFAULT],
        deviceCodeCallback: (response) => setTimeout(() => sandbox.declineDeviceCode(response.userCode), 200),
      })
      .then(
        () => null,
        (error: { errorCode?: string; errorMessage?: string }) => error,
      );
    const error = await declined;
    expect(error?.errorCode).toBe('post_request_failed');
    expect(error?.errorMessage).toContain('authorization_declined');
  });
});

describe('options', () => {
  it('refuses device code timings and a replication delay that make no sense, before anything starts', async () => {
    await expect(startSandbox({ deviceCode: { intervalSeconds: -1 } })).rejects.toThrow(/intervalSeconds/);
    await expect(startSandbox({ deviceCode: { lifetimeSeconds: 0 } })).rejects.toThrow(/lifetimeSeconds/);
    await expect(startSandbox({ deviceCode: { autoApproveMs: -5 } })).rejects.toThrow(/autoApproveMs/);
    await expect(startSandbox({ replicationDelayMs: -1 })).rejects.toThrow(/replicationDelayMs/);
  });

  it('deviceCode.autoApproveMs approves a new code by itself, as the tenant first administrator', async () => {
    const auto = await startSandbox({ deviceCode: { intervalSeconds: 0, autoApproveMs: 50 } });
    try {
      const start = JSON.parse((await requestDeviceCode(auto, PUBLIC_CLIENT_IDS.graphExplorer, GRAPH_DEFAULT)).body) as { device_code: string };
      expect(JSON.parse((await pollDeviceCode(auto, PUBLIC_CLIENT_IDS.graphExplorer, start.device_code)).body).error).toBe('authorization_pending');
      await new Promise((resolve) => setTimeout(resolve, 120));
      const res = await pollDeviceCode(auto, PUBLIC_CLIENT_IDS.graphExplorer, start.device_code);
      expect(res.status).toBe(200);
      expect(claimsOf(JSON.parse(res.body).access_token).upn).toBe(SANDBOX_ADMIN.userPrincipalName);
    } finally {
      await auto.close();
    }
  });
});
