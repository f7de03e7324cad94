import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
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
  configDir = mkdtempSync(join(tmpdir(), 'auto-config-'));
  work = mkdtempSync(join(tmpdir(), 'auto-work-'));
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
    const run = await runCli([...args('--secret-file', secretFile, '--json')], { env: env(), timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = parseValid('automatic-result', run.stdout);
    expect(result).toMatchObject({ outcome: 'proved', ok: true, mailbox: mailbox(), exchange: { servicePrincipal: true, mailboxPermission: true, smtpAuth: true } });
    expect(ours()).toHaveLength(1);
    const secret = readFileSync(secretFile, 'utf8').trim();
    expect(secret.length).toBeGreaterThan(10);
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    for (const text of [run.stdout, run.stderr, ...writtenTexts(configDir)]) expect(text).not.toContain(secret);
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
