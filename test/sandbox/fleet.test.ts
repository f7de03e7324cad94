import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { fetchAccessToken, mailer, rejectionOf } from './helpers.js';

/** The sandbox with more tenants (`startSandbox({ fleet })`), for fleet checks. */
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ fleet: { tenants: 3, mailboxesPerTenant: 2 } });
});
afterAll(async () => {
  await sandbox?.close();
});

const tokenFor = (i: number, tenant?: string) => {
  const c = sandbox.fleetClients[i]!;
  return fetchAccessToken(sandbox, { tenantId: tenant ?? c.tenantId, clientId: c.clientId, clientSecret: c.clientSecret });
};

async function send(user: string, accessToken: string, from = user, to = user) {
  const transport = mailer(sandbox, { user, accessToken });
  try {
    return await transport.sendMail({ from, to, subject: 'fleet', text: 'fleet' });
  } finally {
    transport.close();
  }
}

describe('sandbox fleet tenants', () => {
  it('generates healthy tenants with one app and their mailboxes, each with its own ids and secret', () => {
    expect(sandbox.fleetClients).toHaveLength(3);
    expect(sandbox.fleetTenants).toHaveLength(3);
    const ids = sandbox.fleetClients.flatMap((c) => [c.tenantId, c.clientId]);
    expect(new Set(ids).size).toBe(6);
    expect(new Set(sandbox.fleetClients.map((c) => c.clientSecret)).size).toBe(3);
    for (const [i, c] of sandbox.fleetClients.entries()) {
      expect(c.mailboxes).toHaveLength(2);
      expect(c.clientSecret).toMatch(/^[A-Za-z0-9]{3}8Q~[A-Za-z0-9_.~-]{34}$/);
      expect(sandbox.fleetTenants[i]!.id).toBe(c.tenantId);
    }
    // The scenario's tenant is still there, unchanged.
    expect(sandbox.client.tenantId).toBe(sandbox.tenant.id);
  });

  it('draws new secrets and ids on every start', async () => {
    const other = await startSandbox({ fleet: { tenants: 1, mailboxesPerTenant: 1 } });
    try {
      expect(other.fleetClients[0]!.clientSecret).not.toBe(sandbox.fleetClients[0]!.clientSecret);
      expect(other.fleetClients[0]!.tenantId).not.toBe(sandbox.fleetClients[0]!.tenantId);
    } finally {
      await other.close();
    }
  });

  it('issues tokens per fleet tenant (by id or domain) and accepts them for that tenant\'s mailboxes only', async () => {
    const [first, second] = sandbox.fleetClients;
    const token = await tokenFor(0, first!.domain);
    const info = await send(first!.mailboxes[1]!, token, first!.mailboxes[1]!, first!.to);
    expect(info.response).toMatch(/^250 2\.0\.0 OK/);
    expect(sandbox.received.at(-1)).toMatchObject({ authenticatedAs: first!.mailboxes[1], servicePrincipal: first!.clientId, rcptTo: [first!.to] });

    // Tenant 1's token for tenant 2's mailbox: Exchange's opaque 535 5.7.3, recorded as an unknown mailbox.
    const refused = await rejectionOf(send(second!.mailboxes[0]!, token));
    expect(refused.responseCode).toBe(535);
    expect(sandbox.authAttempts.at(-1)?.outcome).toBe('unknown-mailbox');
    // Tenant 1's secret is not tenant 2's app's.
    await expect(tokenFor(0, second!.tenantId)).rejects.toThrow(/AADSTS700016|400/);
  });

  it('keeps the fleet healthy across scenarios, and resets a changed fleet tenant', async () => {
    const c = sandbox.fleetClients[2]!;
    sandbox.fleetTenants[2]!.mailboxes[0]!.smtpClientAuthenticationDisabled = true;
    const token = await tokenFor(2);
    expect((await rejectionOf(send(c.mailboxes[0]!, token))).response).toMatch(/^535 5\.7\.139/);
    sandbox.applyScenario('no-service-principal');
    expect((await send(c.mailboxes[0]!, await tokenFor(2), c.mailboxes[0]!, c.to)).response).toMatch(/^250/);
    sandbox.applyScenario('healthy');
  });

  it('refuses impossible fleet sizes before starting anything', async () => {
    await expect(startSandbox({ fleet: { tenants: 0, mailboxesPerTenant: 1 } })).rejects.toThrow(/fleet\.tenants must be an integer from 1 to 1000/);
    await expect(startSandbox({ fleet: { tenants: 1, mailboxesPerTenant: 1.5 } })).rejects.toThrow(/fleet\.mailboxesPerTenant/);
  });
});
