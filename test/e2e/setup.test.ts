import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { removeScratchDirs, scratchDir } from '../support/wizard.js';
import { parseValid } from '../support/json-schema.js';
import { POSIX_MODES } from '../support/platform.js';

/** The wizard off a terminal, and `check` reading the wizard's saved answers (spawned CLI, real sandbox). */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  removeScratchDirs();
  await sandbox?.close();
});

describe('the wizard needs a terminal', () => {
  it.each([[[]], [['setup']], [['setup', '--yes', '--tenant-id', 'contoso.onmicrosoft.com']]])('%j without a terminal → exit 2, pointing to check', async (args) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^smtp-oauth-setup: The setup wizard asks questions, so it needs a terminal/);
    expect(run.stderr).toContain('`smtp-oauth-setup check`');
    expect(run.stdout).toBe('');
  });

  it('--no-input refuses even before looking at the terminal', async () => {
    const run = await runCli(['setup', '--no-input']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('needs a terminal');
  });

  it('demo off a terminal keeps its non-interactive run (CI, npm run demo in a pipe)', async () => {
    const run = await runCli(['demo'], { env: { NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('The sandbox received this message');
    expect(run.stderr).not.toContain('Start with step 1');
  });

  it('demo --json: a check object plus the sandbox, in every outcome (schema/demo.schema.json)', async () => {
    const [healthy, failing, bad] = await Promise.all([
      runCli(['demo', '--json'], { env: { NO_COLOR: '1' } }),
      runCli(['demo', '--json', '--scenario', 'wrong-secret'], { env: { NO_COLOR: '1' } }),
      runCli(['demo', '--json', '--scenario', 'nope'], { env: { NO_COLOR: '1' } }),
    ]);
    expect([healthy.status, failing.status, bad.status]).toEqual([0, 3, 2]);
    expect(parseValid('demo', healthy.stdout)).toMatchObject({ ok: true, diagnosis: null, sandbox: { scenario: 'healthy' } });
    expect(parseValid('demo', failing.stdout)).toMatchObject({ diagnosis: { code: 'client-secret-invalid' }, sandbox: { scenario: 'wrong-secret' } });
    expect(parseValid('demo', bad.stdout)).toMatchObject({ exitCode: 2, diagnosis: { code: 'input-invalid' }, sandbox: null });
  });
});

describe('check reads the saved configuration (below flags and environment)', () => {
  const configWith = (content: object, mode = 0o600) => {
    const dir = scratchDir('e2e-cfg');
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify({ version: 1, savedAt: '2026-05-01T00:00:00Z', ...content }), { mode });
    chmodSync(path, mode);
    return { dir, path };
  };
  const env = (dir: string, extra: Record<string, string> = {}) => ({
    SMTP_OAUTH_SETUP_CONFIG_DIR: dir,
    NODE_EXTRA_CA_CERTS: sandbox.caFile,
    ...extra,
  });
  const answers = () => ({
    tenantId: sandbox.client.tenantId,
    clientId: sandbox.client.clientId,
    mailbox: sandbox.client.mailbox,
    authorityHost: sandbox.authorityHost,
    smtpHost: sandbox.smtp.host,
    smtpPort: String(sandbox.smtp.port),
    // Saved by the wizard's step 4; check must not send mail because of it.
    to: sandbox.client.to,
  });

  it('uses the saved answers, never the saved recipient', async () => {
    sandbox.applyScenario('healthy');
    const { dir } = configWith({ answers: answers() });
    const before = sandbox.received.length;
    const run = await runCli(['check', '--json'], { env: env(dir, { AZURE_CLIENT_SECRET: sandbox.client.clientSecret }) });
    expect(run.status, run.stderr).toBe(0);
    const report = parseValid('check', run.stdout) as { plan: { smtp: { user: string; to: string | null } }; token: { claims: { tid: string } } };
    expect(report.plan.smtp).toMatchObject({ user: sandbox.client.mailbox, to: null });
    expect(report.token.claims.tid).toBe(sandbox.client.tenantId);
    expect(sandbox.received.length).toBe(before);
  });

  it('flags and environment win over saved answers', async () => {
    sandbox.applyScenario('healthy');
    const { dir } = configWith({ answers: { ...answers(), mailbox: 'someone-else@contoso-sandbox.onmicrosoft.com' } });
    const run = await runCli(['check', '--json', '--mailbox', sandbox.client.mailbox], { env: env(dir, { AZURE_CLIENT_SECRET: sandbox.client.clientSecret }) });
    expect(run.status, run.stderr).toBe(0);
    expect(parseValid('check', run.stdout).plan.smtp.user).toBe(sandbox.client.mailbox);
  });

  // Mode bits exist on POSIX systems only; on Windows the file's ACL decides (test/config/store.test.ts).
  it.runIf(POSIX_MODES)('uses a secret saved on request when the file is private, and refuses it when others can read it', async () => {
    sandbox.applyScenario('healthy');
    const privateFile = configWith({ answers: answers(), clientSecret: sandbox.client.clientSecret });
    const ok = await runCli(['check', '--json'], { env: env(privateFile.dir) });
    expect(ok.status, ok.stderr).toBe(0);
    expect(parseValid('check', ok.stdout).plan.token.credential).toContain('saved configuration');
    expect(ok.stdout + ok.stderr).not.toContain(sandbox.client.clientSecret);

    const readable = configWith({ answers: answers(), clientSecret: sandbox.client.clientSecret }, 0o644);
    const refused = await runCli(['check'], { env: env(readable.dir) });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('other users can read it');
    expect(refused.stderr).toContain(`chmod 600 ${readable.path}`);
    expect(refused.stderr).not.toContain(sandbox.client.clientSecret);
  });

  it('a broken saved configuration is reported and ignored', async () => {
    const dir = scratchDir('e2e-cfg');
    writeFileSync(join(dir, 'config.json'), '{');
    const run = await runCli(['check', '--tenant-id', 'contoso.onmicrosoft.com'], { env: { SMTP_OAUTH_SETUP_CONFIG_DIR: dir } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a configuration smtp-oauth-setup can read');
    expect(run.stderr).toContain('Missing: --client-id');
  });
});
