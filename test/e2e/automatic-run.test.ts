import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { BIN, runCli } from '../support/cli.js';
import { baseEnv } from '../support/platform.js';
import { parseValid } from '../support/json-schema.js';
import { sandboxSmtpArgs } from '../support/sandbox-env.js';

/**
 * `setup --automatic` as an administrator runs it: the spawned CLI, real MSAL and nodemailer, against
 * the sandbox's Entra ID (device code approved by the sandbox's administrator), Graph, Exchange admin
 * endpoint and SMTP server, whose tenant model the run changes for real.
 */
let sandbox: Sandbox;
let configDir: string;
let work: string;

beforeAll(async () => {
  sandbox = await startSandbox({ deviceCode: { intervalSeconds: 0, lifetimeSeconds: 900, autoApproveMs: 0 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
  sandbox.automation.deviceCodeAutoApproveMs = 0;
  // As in a tenant made after January 2020: SMTP AUTH off for the organisation, the mailbox inheriting it,
  // so the run must turn it on (Set-CASMailbox) for the proof to pass.
  sandbox.tenant.organization.smtpClientAuthenticationDisabled = true;
  for (const box of sandbox.tenant.mailboxes) box.smtpClientAuthenticationDisabled = null;
  configDir = mkdtempSync(join(tmpdir(), 'auto-config-'));
  work = mkdtempSync(join(tmpdir(), 'auto-work-'));
});

afterEach(() => {
  rmSync(configDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const env = () => ({ NO_COLOR: '1', NODE_EXTRA_CA_CERTS: sandbox.caFile, AZURE_AUTHORITY_HOST: sandbox.authorityHost, SMTP_OAUTH_SETUP_CONFIG_DIR: configDir });
const mailbox = () => sandbox.client.mailbox;
const args = (...extra: string[]) => [
  'setup', '--automatic', '--yes', '--mailbox', mailbox(), '--tenant-id', sandbox.tenant.id,
  '--graph-url', sandbox.graphUrl, '--exchange-url', sandbox.exchangeUrl, ...sandboxSmtpArgs(sandbox), '--wait', '2m', ...extra,
];
const ours = () => Object.values(sandbox.tenant.directory.applications).filter((a) => a.tags.includes('smtp-oauth-setup'));

/** Every file the run wrote, except the destinations the admin named for the secret. */
function writtenTexts(dir: string, except: string[] = []): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile() && !except.includes(path)) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

describe('setup --automatic: the whole path', () => {
  it('with a secret: steps 1–3 made, the proof passes, the secret only where asked, resumable state without it', async () => {
    const secretFile = join(work, 'secret.txt');
    const before = sandbox.stats();
    const run = await runCli([...args('--secret-file', secretFile, '--json')], { env: env(), timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    // The requests stay at what the plan needs (bench/automatic.mjs prints them): a new call shows here.
    expect(sandbox.stats().graphRequests - before.graphRequests).toBe(9);
    expect(sandbox.stats().exchangeAdminRequests - before.exchangeAdminRequests).toBe(10);
    const result = parseValid('automatic-result', run.stdout);
    expect(result).toMatchObject({ outcome: 'proved', ok: true, mailbox: mailbox(), exchange: { servicePrincipal: true, mailboxPermission: true, smtpAuth: true } });
    expect(ours()).toHaveLength(1);
    const secret = readFileSync(secretFile, 'utf8').trim();
    expect(secret.length).toBeGreaterThan(10);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    for (const text of [run.stdout, run.stderr, ...writtenTexts(configDir)]) {
      expect(text).not.toContain(secret);
      // No token either: neither the two admin sign-ins' (Graph, Exchange) nor the proof's app token.
      expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    }
    expect(run.stderr).toContain('Microsoft Azure CLI');
    expect(run.stderr).toContain('Exchange Online PowerShell');
  });

  it('an idempotent second run: nothing new is made, the proof passes again', async () => {
    const first = await runCli([...args('--secret-file', join(work, 's.txt'))], { env: env(), timeoutMs: 60_000 });
    expect(first.status, first.stderr).toBe(0);
    const apps = ours().length;

    const second = await runCli([...args('--json')], { env: env(), timeoutMs: 60_000 });
    expect(second.status, second.stderr).toBe(0);
    expect(ours()).toHaveLength(apps);
    expect(parseValid('automatic-result', second.stdout).reused).toEqual(expect.arrayContaining(['app', 'secret']));
  });

  it('--no-input without --yes: refused before any sign-in (exit 2)', async () => {
    const before = sandbox.stats().deviceCodeRequests;
    const run = await runCli(['setup', '--automatic', '--no-input', '--mailbox', mailbox()], { env: env() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--yes');
    expect(sandbox.stats().deviceCodeRequests).toBe(before);
  });
});

/** The CLI spawned and SIGKILLed the moment the sandbox swallowed the answer to the operation matched. */
async function killedAt(operation: string | ((operation: string) => boolean), extra: string[] = []): Promise<void> {
  const matches = typeof operation === 'string' ? (name: string) => name === operation : operation;
  let swallowed = false;
  sandbox.automation.swallowAnswer = (request) => {
    if (!matches(request.operation) || swallowed) return false;
    swallowed = true;
    return true;
  };
  const child = spawn(process.execPath, [BIN, ...args(...extra)], { env: { ...baseEnv(), ...env() }, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const deadline = Date.now() + 30_000;
  while (!swallowed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGKILL');
  await closed;
  sandbox.automation.swallowAnswer = null;
  expect(swallowed, `never reached ${String(operation)}:\n${stderr}`).toBe(true);
}

function appsOfMailbox() {
  return sandbox.tenant.apps.filter((a) => sandbox.tenant.directory.applications[a.appObjectId]?.tags.includes('smtp-oauth-setup'));
}

describe('setup --automatic: killed (SIGKILL) right after each create, then run again', () => {
  it.each([
    ['the app', 'POST applications'],
    ['its service principal', 'POST servicePrincipals'],
    ['the admin consent', `POST servicePrincipals/${'{exchange}'}/appRoleAssignedTo`],
    ['the client secret', 'addPassword'],
    ['the Exchange service principal', 'New-ServicePrincipal'],
    ['the mailbox permission', 'Add-MailboxPermission'],
    ['SMTP AUTH on the mailbox', 'Set-CASMailbox'],
  ])('after %s: one app, one service principal, one secret, and the proof passes', { timeout: 90_000 }, async (_name, operationPattern) => {
    const exchangeSp = sandbox.tenant.directory.exchangeOnline.id;
    const operation = operationPattern.replace('{exchange}', exchangeSp);
    // Graph's addPassword path names the app's object id: matched by its end.
    await killedAt(operation === 'addPassword' ? (name) => name.endsWith('/addPassword') : operation, ['--secret-file', join(work, 's.txt')]);
    const again = await runCli([...args('--secret-file', join(work, 's.txt'), '--json')], { env: env(), timeoutMs: 60_000 });
    expect(again.status, again.stderr).toBe(0);
    expect(parseValid('automatic-result', again.stdout).ok).toBe(true);
    const apps = appsOfMailbox();
    expect(apps).toHaveLength(1);
    const app = apps[0]!;
    expect(app.servicePrincipalObjectId).not.toBeNull();
    expect(app.secrets).toHaveLength(1);
    expect(sandbox.tenant.exchangeServicePrincipals.filter((sp) => sp.appId === app.clientId)).toHaveLength(1);
  });
});

describe('setup --automatic: certificate, replication, refusals, hand-over, repair', () => {
  it('--credential certificate: the certificate made here (0600) is uploaded with the app, and the proof passes', { timeout: 60_000 }, async () => {
    const run = await runCli([...args('--credential', 'certificate', '--json')], { env: env(), timeoutMs: 60_000, cwd: work });
    expect(run.status, run.stderr).toBe(0);
    const result = parseValid('automatic-result', run.stdout);
    expect(result.secret).toBeNull();
    expect(result.certificate.path).toBe(join(work, 'smtp-oauth-sender.pem'));
    expect(statSync(result.certificate.path).mode & 0o777).toBe(0o600);
    const app = appsOfMailbox()[0]!;
    expect(app.secrets).toHaveLength(0);
    expect(app.certificates).toHaveLength(1);
    const key = readFileSync(result.certificate.path, 'utf8').match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/)![0];
    for (const text of [run.stdout, run.stderr, ...writtenTexts(configDir)]) expect(text).not.toContain(key.split('\n')[1]);
  });

  it('replication delays on every create: waited out (and said so), the proof passes', { timeout: 90_000 }, async () => {
    sandbox.automation.replicationDelayMs = 3000;
    try {
      const run = await runCli([...args('--secret-file', join(work, 's.txt'))], { env: env(), timeoutMs: 90_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/does not (show|see|accept)|not yet|trying again/i);
      expect(appsOfMailbox()).toHaveLength(1);
    } finally {
      sandbox.automation.replicationDelayMs = 0;
    }
  });

  it.each([
    ['no role to create apps', ['exchangeAdministrator'], 'admin-role-missing'],
    ['no Exchange administrator role', ['applicationAdministrator'], 'admin-role-missing'],
  ] as const)('%s: refused before any change, with the diagnosis', async (_name, roles, code) => {
    sandbox.tenant.directory.admins[0]!.roles = [...roles];
    const graphBefore = sandbox.stats().graphRequests;
    const run = await runCli([...args('--json')], { env: env(), timeoutMs: 60_000 });
    expect(run.status).toBe(3);
    expect(run.stdout).toContain(`"code": "${code}"`);
    expect(appsOfMailbox()).toHaveLength(0);
    // Nothing was written to Graph: at most reads.
    expect(sandbox.stats().graphRequests - graphBefore).toBeLessThanOrEqual(1);
  });

  it('an unexpected admin-endpoint answer: step 1 done, steps 2–3 handed over to the PowerShell with the real values', { timeout: 60_000 }, async () => {
    sandbox.automation.exchangeAdminAnswer = 'unexpected';
    try {
      const run = await runCli([...args('--secret-file', join(work, 's.txt'), '--json')], { env: env(), timeoutMs: 60_000, cwd: work });
      expect(run.status).toBe(6);
      const result = parseValid('automatic-result', run.stdout);
      expect(result.outcome).toBe('handover');
      expect(result.ok).toBe(false);
      const app = appsOfMailbox()[0]!;
      const script = readFileSync(join(work, 'smtp-oauth-setup-exchange.ps1'), 'utf8');
      expect(script).toContain(`New-ServicePrincipal -AppId ${app.clientId} -ObjectId ${app.servicePrincipalObjectId}`);
      expect(run.stderr).toContain('PowerShell');
      expect(sandbox.tenant.exchangeServicePrincipals.filter((sp) => sp.appId === app.clientId)).toHaveLength(0);
    } finally {
      sandbox.automation.exchangeAdminAnswer = 'normal';
    }
  });

  it('a wrong Exchange service principal (the app registration’s object id) is removed and made again after confirmation', { timeout: 60_000 }, async () => {
    const first = await runCli([...args('--secret-file', join(work, 's.txt'))], { env: env(), timeoutMs: 60_000 });
    expect(first.status, first.stderr).toBe(0);
    const app = appsOfMailbox()[0]!;
    const exo = sandbox.tenant.exchangeServicePrincipals.find((sp) => sp.appId === app.clientId)!;
    exo.objectId = app.appObjectId; // the classic mistake
    const again = await runCli([...args('--json')], { env: env(), timeoutMs: 60_000 });
    expect(again.status, again.stderr).toBe(0);
    const result = parseValid('automatic-result', again.stdout);
    expect(result.findings.find((f: { check: string }) => f.check === 'exchange-service-principal')?.state).toBe('will-change');
    const repaired = sandbox.tenant.exchangeServicePrincipals.filter((sp) => sp.appId === app.clientId);
    expect(repaired.map((sp) => sp.objectId)).toEqual([app.servicePrincipalObjectId]);
  });
});

describe('rotate-secret', () => {
  const rotateArgs = (...extra: string[]) => ['rotate-secret', '--yes', '--graph-url', sandbox.graphUrl, ...sandboxSmtpArgs(sandbox), '--wait', '1m', ...extra];

  it('a new secret, proven, written where the old one was kept; the old one removed only after that', { timeout: 90_000 }, async () => {
    const setup = await runCli([...args('--save-secret')], { env: env(), timeoutMs: 60_000 });
    expect(setup.status, setup.stderr).toBe(0);
    const app = appsOfMailbox()[0]!;
    const oldKey = app.secrets[0]!.id;
    const oldValue = app.secrets[0]!.value;
    const run = await runCli(rotateArgs('--remove-old'), { env: env(), timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(app.secrets.map((s) => s.id)).not.toContain(oldKey);
    expect(app.secrets).toHaveLength(1);
    const newValue = app.secrets[0]!.value;
    // Removed after the proof: the proof's token line comes before the removal line.
    expect(run.stderr.indexOf('Token from')).toBeLessThan(run.stderr.indexOf('Old client secret removed'));
    for (const text of [run.stdout, run.stderr]) {
      expect(text).not.toContain(newValue);
      expect(text).not.toContain(oldValue);
    }
    // The saved configuration now leads `check` to the new secret.
    const check = await runCli(['check', ...sandboxSmtpArgs(sandbox)], { env: env(), timeoutMs: 30_000 });
    expect(check.status, check.stderr).toBe(0);
  });

  it('a failing proof keeps every old secret (and says so)', { timeout: 90_000 }, async () => {
    const setup = await runCli([...args('--save-secret')], { env: env(), timeoutMs: 60_000 });
    expect(setup.status, setup.stderr).toBe(0);
    for (const box of sandbox.tenant.mailboxes) box.smtpClientAuthenticationDisabled = true;
    // A short wait: the refusal is one that waiting after a change may cure, and nothing changes here.
    const run = await runCli(rotateArgs('--remove-old', '--wait', '3s'), { env: env(), timeoutMs: 60_000 });
    expect(run.status).toBe(4);
    expect(run.stderr).toContain('every old client secret is kept');
    expect(appsOfMailbox()[0]!.secrets).toHaveLength(2);
  });

  it('without a terminal and without --yes: one line, exit 2', async () => {
    const run = await runCli(['rotate-secret', '--client-id', '00000000-0000-0000-0000-000000000001', '--tenant-id', sandbox.tenant.id, '--mailbox', mailbox(), '--secret-file', 'x'], { env: env() });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('administrator refusals outside setup --automatic', () => {
  it('remove with a sign-in Entra ID refuses: the diagnosis and its exit code, not an internal error', { timeout: 60_000 }, async () => {
    const run = await runCli(
      ['remove', '--yes', '--client-id', '11111111-2222-3333-4444-555555555555', '--tenant-id', sandbox.tenant.id, '--mailbox', mailbox(), '--admin-client-id', '99999999-8888-7777-6666-555555555555', '--graph-url', sandbox.graphUrl, '--exchange-url', sandbox.exchangeUrl],
      { env: env(), timeoutMs: 60_000 },
    );
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).not.toMatch(/internal error|bug/i);
  });
});
