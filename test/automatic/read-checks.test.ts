import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExchangeAdminClient } from '../../src/admin/exchange.js';
import { GraphClient } from '../../src/admin/graph.js';
import { readOnlyChecks } from '../../src/automatic/read-checks.js';
import { Secret } from '../../src/inputs/secret.js';
import { SANDBOX_ADDRESSES, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { adminToken, exchangeAdminToken, step1 } from '../sandbox/admin-helpers.js';
import { httpOptions } from '../admin/support.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ deviceCode: { intervalSeconds: 0 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
  sandbox.automation.exchangeAdminAnswer = 'normal';
});

async function clients() {
  const token = await adminToken(sandbox);
  const graph = new GraphClient({ graphUrl: sandbox.graphUrl, token: new Secret(token, 'test'), ...httpOptions(sandbox) });
  const exchange = new ExchangeAdminClient({
    exchangeUrl: sandbox.exchangeUrl,
    tenantId: sandbox.tenant.id,
    token: new Secret(await exchangeAdminToken(sandbox), 'test'),
    adminUpn: 'admin@contoso-sandbox.onmicrosoft.com',
    ...httpOptions(sandbox),
  });
  return { token, graph, exchange };
}

const states = (findings: { check: string; state: string }[]) => Object.fromEntries(findings.map((f) => [f.check, f.state]));

describe('readOnlyChecks against the sandbox', () => {
  it('reads Security Defaults, both SMTP AUTH settings and a wrong Exchange service principal', async () => {
    const { token, graph, exchange } = await clients();
    const app = await step1(sandbox, token);
    expect((await exchange.newServicePrincipal(app.clientId, app.appObjectId, 'wrong')).kind).toBe('ok');
    const findings = await readOnlyChecks({ mailbox: SANDBOX_ADDRESSES.mailbox, appId: app.clientId, servicePrincipalId: app.servicePrincipalId }, { graph, exchange });
    expect(states(findings)).toMatchObject({ 'security-defaults': 'ok', 'organization-smtp-auth': 'ok', 'exchange-service-principal': 'will-change' });
    expect(findings.find((f) => f.check === 'exchange-service-principal')?.message).toMatchObject({ id: 'automatic-exchange.check.sp.wrong', params: { found: app.appObjectId } });
  });

  it('reports Security Defaults on as blocking', async () => {
    const { graph } = await clients();
    sandbox.tenant.directory.securityDefaultsEnabled = true;
    const findings = await readOnlyChecks({ mailbox: SANDBOX_ADDRESSES.mailbox, appId: null, servicePrincipalId: null }, { graph, exchange: null });
    expect(findings).toHaveLength(3);
    expect(states(findings)).toEqual({ 'security-defaults': 'blocking', 'organization-smtp-auth': 'unknown', 'mailbox-smtp-auth': 'unknown' });
  });

  it('turns an unexpected answer into unknown, never ok', async () => {
    const { graph, exchange } = await clients();
    sandbox.automation.exchangeAdminAnswer = 'unexpected';
    const findings = await readOnlyChecks({ mailbox: SANDBOX_ADDRESSES.mailbox, appId: null, servicePrincipalId: null }, { graph, exchange });
    expect(states(findings)).toMatchObject({ 'organization-smtp-auth': 'unknown', 'mailbox-smtp-auth': 'unknown' });
    expect(findings.find((f) => f.check === 'mailbox-smtp-auth')?.failure).toMatchObject({ kind: 'unexpected', cmdlet: 'Get-CASMailbox' });
  });
});
