import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminApiError } from '../../src/admin/errors.js';
import { isNotPreAuthorized, openAdminSession } from '../../src/admin/session.js';
import { CLOUDS } from '../../src/cloud.js';
import type { Message } from '../../src/messages/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { addOwnPublicClient } from './support.js';

// The administrator's session with real MSAL against the sandbox: which client gives which token,
// and when the admin is asked for a second sign-in.

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ deviceCode: { intervalSeconds: 0, lifetimeSeconds: 900, autoApproveMs: 0 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
  sandbox.automation.deviceCodeAutoApproveMs = 0;
});

function open(shown: Message[], adminClientId?: string) {
  return openAdminSession({
    cloud: CLOUDS.global,
    authorityHost: sandbox.authorityHost,
    tenant: sandbox.tenant.id,
    graphUrl: sandbox.graphUrl,
    exchangeUrl: sandbox.exchangeUrl,
    extraCaPem: sandbox.caPem,
    timeoutMs: 5000,
    show: (m) => shown.push(m),
    ...(adminClientId && { adminClientId }),
  });
}

describe('openAdminSession', () => {
  it('with the default client: Graph from the first sign-in, Exchange through a second, announced sign-in with the Exchange Online PowerShell client', async () => {
    const shown: Message[] = [];
    const session = await open(shown);
    expect(shown.map((m) => m.id)).toEqual(['admin.sign-in.device-code']);
    expect(session.graphToken.scopes).toContain('Directory.AccessAsUser.All');
    expect(await session.graph.findSendAsAppRole()).not.toBeNull();
    const before = sandbox.stats().deviceCodeRequests;
    const { client, token } = await session.exchange();
    expect(shown.map((m) => m.id)).toEqual(['admin.sign-in.device-code', 'admin.sign-in.exchange-client', 'admin.sign-in.device-code']);
    expect(sandbox.stats().deviceCodeRequests).toBe(before + 1);
    expect(token.scopes).toContain('AdminApi.AccessAsUser.All');
    expect((await client.invoke('Get-TransportConfig')).kind).toBe('ok');
    // Asked once: the second call reuses the first one's client.
    expect(await session.exchange()).toMatchObject({ token });
    expect(sandbox.stats().deviceCodeRequests).toBe(before + 1);
  });

  it("with the admin's own client: one sign-in gives both tokens", async () => {
    const shown: Message[] = [];
    const session = await open(shown, addOwnPublicClient(sandbox));
    const before = sandbox.stats().deviceCodeRequests;
    const { client } = await session.exchange();
    expect(sandbox.stats().deviceCodeRequests).toBe(before);
    expect(shown.map((m) => m.id)).toEqual(['admin.sign-in.device-code']);
    expect((await client.invoke('Get-TransportConfig')).kind).toBe('ok');
  });

  it("with the admin's own client lacking Exchange: the refusal is the diagnosis, no second sign-in", async () => {
    const shown: Message[] = [];
    const appId = addOwnPublicClient(sandbox);
    const client = sandbox.tenant.directory.publicClients.find((c) => c.appId === appId);
    if (client) client.scopes = { 'https://graph.microsoft.com': ['Application.ReadWrite.All'] };
    const session = await open(shown, appId);
    const error = await session.exchange().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdminApiError);
    expect(shown.map((m) => m.id)).toEqual(['admin.sign-in.device-code']);
  });
});

describe('isNotPreAuthorized', () => {
  it('reads AADSTS650057 and 65001 by number or in the words; nothing else', () => {
    expect(isNotPreAuthorized({ kind: 'sign-in', aadsts: 650057, description: '' })).toBe(true);
    expect(isNotPreAuthorized({ kind: 'sign-in', description: 'AADSTS65001: The user or administrator has not consented' })).toBe(true);
    expect(isNotPreAuthorized({ kind: 'sign-in', aadsts: 70016, description: 'AADSTS70016: pending' })).toBe(false);
    expect(isNotPreAuthorized({ kind: 'answer', service: 'graph', operation: 'read-applications', status: 403, message: 'AADSTS650057' })).toBe(false);
  });
});
