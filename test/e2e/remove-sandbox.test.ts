import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_CLIENT_IDS, SANDBOX_ADDRESSES, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { EXCHANGE_DEFAULT, GRAPH_DEFAULT, graph, invokeCommand, pollDeviceCode, requestDeviceCode, sleep, step1, type Step1 } from '../sandbox/admin-helpers.js';
import { runCli } from '../support/cli.js';

/**
 * `remove` spawned against the sandbox: real sign-in (device code approved by the sandbox), real
 * Graph and Exchange admin requests. The app is made first with steps 1–3 as the tools do them.
 */
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ deviceCode: { autoApproveMs: 0, intervalSeconds: 0 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
  sandbox.automation.exchangeAdminAnswer = 'normal';
});

const mailbox = SANDBOX_ADDRESSES.otherMailbox;
const from = SANDBOX_ADDRESSES.recipient;

/** An admin token; the sandbox approves every device code itself here (autoApproveMs: 0), so no approval is sent. */
async function token(clientId: string, scope: string): Promise<string> {
  const start = JSON.parse((await requestDeviceCode(sandbox, clientId, `${scope} openid profile offline_access`)).body) as { device_code: string };
  for (let i = 0; i < 50; i++) {
    const res = await pollDeviceCode(sandbox, clientId, start.device_code);
    if (res.status === 200) return (JSON.parse(res.body) as { access_token: string }).access_token;
    await sleep(20);
  }
  throw new Error('device code never approved');
}
const adminToken = () => token(PUBLIC_CLIENT_IDS.graphExplorer, GRAPH_DEFAULT);
const exchangeAdminToken = () => token(PUBLIC_CLIENT_IDS.exchangeOnlinePowerShell, EXCHANGE_DEFAULT);

async function makeApp(tagged = true): Promise<Step1> {
  const token = await adminToken();
  const made = await step1(sandbox, token);
  if (!tagged) await graph(sandbox, token, 'PATCH', `applications/${made.appObjectId}`, { tags: [] });
  const exo = await exchangeAdminToken();
  await invokeCommand(sandbox, exo, 'New-ServicePrincipal', { AppId: made.clientId, ObjectId: made.servicePrincipalId, DisplayName: 'SMTP sender (automatic)' });
  await invokeCommand(sandbox, exo, 'Add-MailboxPermission', { Identity: mailbox, User: made.servicePrincipalId, AccessRights: ['FullAccess'], AutoMapping: false });
  await invokeCommand(sandbox, exo, 'Add-RecipientPermission', { Identity: from, Trustee: made.servicePrincipalId, AccessRights: ['SendAs'], Confirm: false });
  return made;
}

function removeArgs(clientId: string, ...extra: string[]): string[] {
  return [
    'remove', '--client-id', clientId, '--mailbox', mailbox, '--from', from, '--tenant-id', sandbox.tenant.id,
    '--authority-host', sandbox.authorityHost, '--graph-url', sandbox.graphUrl, '--exchange-url', sandbox.exchangeUrl, '--yes', ...extra,
  ];
}
const env = () => ({ NO_COLOR: '1', NODE_EXTRA_CA_CERTS: sandbox.caFile, SMTP_OAUTH_SETUP_CONFIG_DIR: join(tmpdir(), 'remove-no-config') });

function tenantHolds(made: Step1) {
  const tenant = sandbox.tenant;
  const box = (address: string) => tenant.mailboxes.find((m) => m.address.toLowerCase() === address.toLowerCase())!;
  return {
    app: tenant.apps.some((a) => a.clientId === made.clientId),
    exchangeSp: tenant.exchangeServicePrincipals.some((sp) => sp.appId === made.clientId),
    fullAccess: box(mailbox).fullAccess.includes(made.servicePrincipalId),
    sendAs: box(from).sendAs.includes(made.servicePrincipalId),
    deleted: tenant.directory.deletedApplications.some((d) => d.clientId === made.clientId),
  };
}

describe('remove against the sandbox', () => {
  it('removes everything in order; a rerun says already gone; no admin token in the output', async () => {
    const made = await makeApp();
    expect(tenantHolds(made)).toEqual({ app: true, exchangeSp: true, fullAccess: true, sendAs: true, deleted: false });
    const run = await runCli(removeArgs(made.clientId), { env: env(), timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(tenantHolds(made)).toEqual({ app: false, exchangeSp: false, fullAccess: false, sendAs: false, deleted: true });
    const order = ['Removed: Remove-RecipientPermission', 'Removed: Remove-MailboxPermission', 'Removed: Remove-ServicePrincipal', 'Removed: delete-app'].map((s) => run.stderr.indexOf(s));
    expect(order.every((i) => i >= 0), run.stderr).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(run.stdout).toContain('30 days');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);

    const again = await runCli(removeArgs(made.clientId), { env: env(), timeoutMs: 60_000 });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain(`No app registration ${made.clientId}`);
    expect(again.stderr).toContain('Already gone: Remove-MailboxPermission');
    expect(again.stderr).not.toContain('Removed:');
  });

  it('refuses an app without the tag (exit 2, nothing changed); --force removes it', async () => {
    const made = await makeApp(false);
    const run = await runCli(removeArgs(made.clientId), { env: env(), timeoutMs: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--force');
    expect(tenantHolds(made)).toEqual({ app: true, exchangeSp: true, fullAccess: true, sendAs: true, deleted: false });
    const forced = await runCli(removeArgs(made.clientId, '--force'), { env: env(), timeoutMs: 60_000 });
    expect(forced.status, forced.stderr).toBe(0);
    expect(tenantHolds(made)).toEqual({ app: false, exchangeSp: false, fullAccess: false, sendAs: false, deleted: true });
  });

  it('an unknown Exchange answer: stops, shows the PowerShell lines with the real values, keeps the app', async () => {
    const made = await makeApp();
    sandbox.automation.exchangeAdminAnswer = 'unexpected';
    const run = await runCli(removeArgs(made.clientId), { env: env(), timeoutMs: 60_000 });
    expect(run.status).toBe(6);
    expect(run.stderr).toContain('Remove-RecipientPermission');
    expect(run.stderr).toContain(`Remove-ServicePrincipal -Identity ${made.servicePrincipalId} -Confirm:$false`);
    expect(tenantHolds(made).app).toBe(true);
  });

  it('--dry-run makes no request', async () => {
    const before = sandbox.stats();
    const run = await runCli(removeArgs('11111111-2222-3333-4444-555555555555', '--dry-run'), { env: env() });
    expect(run.status, run.stderr).toBe(0);
    expect(sandbox.stats()).toEqual(before);
  });
});
