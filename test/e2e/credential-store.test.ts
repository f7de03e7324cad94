import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osSecretStore, secretRefFor } from '../../src/config/secret-store.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { BIN, runCli } from '../support/cli.js';
import { assertFreshBuild } from '../support/fresh-build.js';
import { type SecretService, secretServiceMissing, startSecretService } from '../support/secret-service.js';
import { parseValid } from '../support/json-schema.js';
import { ensureTmux, TerminalSession } from '../support/tmux.js';
import { removeScratchDirs, scratchDir } from '../support/wizard.js';
import { expectMode } from '../support/platform.js';

/**
 * `setup --save-secret` and `check` with a real credential store: the built CLI in a terminal (tmux)
 * keeps the secret in GNOME Keyring on a private D-Bus session bus, and a later `check` (a plain
 * spawned process on the same bus) reads it back through the reference in the saved configuration.
 * Skipped only where tmux or the Secret Service daemons are not installed (.ci/run installs them).
 */
const unavailable = ensureTmux() ?? secretServiceMissing();
if (unavailable) console.warn(`credential store end-to-end tests skipped: ${unavailable}`);

let sandbox: Sandbox;
let service: SecretService;
let session: TerminalSession;

beforeAll(async () => {
  if (unavailable) return;
  assertFreshBuild();
  TerminalSession.startServer();
  sandbox = await startSandbox();
  service = await startSecretService();
});
afterAll(async () => {
  removeScratchDirs();
  if (unavailable) return;
  session?.kill();
  TerminalSession.killServer();
  await service?.close();
  await sandbox?.close();
});

const sandboxFlags = () => ['--authority-host', sandbox.authorityHost, '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port), '--timeout', '10'];

async function answer(prompt: string, text: string): Promise<void> {
  await session.waitFor(`? ${prompt}`);
  if (text) session.type(text);
  session.press('Enter');
}
async function choose(entry: string): Promise<void> {
  await session.waitFor(`❯ ${entry}`);
  session.press('Enter');
}

/** Walks `setup --save-secret` to its end with the sandbox's app; returns the screen. */
async function setupSavingSecret(home: string, work: string, env: Record<string, string>): Promise<string> {
  session = new TerminalSession();
  session.start([process.execPath, BIN, 'setup', '--save-secret', ...sandboxFlags()], {
    cwd: work,
    env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: home, NODE_EXTRA_CA_CERTS: sandbox.caFile, ...env },
  });
  session.chooseGuidedWhenAsked(['How do you want to set up steps 1–3?']);
  await answer('Start with step 1?', '');
  await answer('Directory (tenant) ID', sandbox.client.tenantId);
  await answer('Application (client) ID', sandbox.client.clientId);
  await choose('A client secret: paste its Value');
  await answer('Client secret (its Value', sandbox.client.clientSecret);
  await answer('When does the secret expire?', '');
  await session.waitFor('Step 1 done');
  await answer('Mailbox to send from', sandbox.client.mailbox);
  await answer('Sender address (From)', '');
  await answer('Sender name shown to recipients', '');
  await answer('Save the PowerShell for steps 2 and 3', 'n');
  await choose('Continue to step 3');
  await choose('Continue to step 4');
  await answer('Send the test message to', sandbox.client.to);
  await session.waitFor('Step 4 done');
  await answer('Save these settings to a JSON file?', '');
  await answer('Write a .env file', '');
  expect(await session.exitCode()).toBe(0);
  const screen = session.screen();
  session.kill();
  return screen;
}

/** Every file under these folders, as bytes. */
function filesUnder(...dirs: string[]): Array<{ path: string; bytes: Buffer; mode: number }> {
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const path = join(e.parentPath, e.name);
          return { path, bytes: readFileSync(path), mode: statSync(path).mode & 0o777 };
        }),
    );
}

describe.skipIf(unavailable !== null)('the client secret in the OS credential store (real CLI, real Secret Service)', () => {
  it('setup --save-secret stores it there, the config keeps a reference, and check reads it back; the secret is in no file or output', async () => {
    sandbox.applyScenario('healthy');
    const home = scratchDir('keyring-home');
    const work = scratchDir('keyring-work');
    const secret = sandbox.client.clientSecret;
    const ref = secretRefFor(sandbox.client.tenantId, sandbox.client.clientId);
    const screen = await setupSavingSecret(home, work, service.env);
    expect(screen).not.toContain(secret);
    expect(screen).not.toContain('not available here');
    expect(await osSecretStore().get(ref)).toBe(secret);

    const configDir = join(home, '.config', 'smtp-oauth-setup');
    const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8'));
    expect(config.clientSecretRef).toEqual(ref);
    expect(config).not.toHaveProperty('clientSecret');
    for (const file of filesUnder(configDir, work)) expect(file.bytes.includes(Buffer.from(secret)), file.path).toBe(false);

    // A later check, in another process on the same session bus, with nothing but the saved configuration.
    const before = sandbox.received.length;
    const env = { HOME: home, NODE_EXTRA_CA_CERTS: sandbox.caFile, NO_COLOR: '1', ...service.env };
    const run = await runCli(['check', '--json', '--verbose', '--to', sandbox.client.to], { env });
    expect(run.status, run.stderr).toBe(0);
    expect(parseValid('check', run.stdout).plan.token.credential).toContain('saved configuration');
    expect(run.stderr).toContain('C: AUTH XOAUTH2 [redacted');
    expect(sandbox.received.length).toBe(before + 1);
    expect(run.stdout + run.stderr).not.toContain(secret);
    for (const file of filesUnder(configDir, work)) expect(file.bytes.includes(Buffer.from(secret)), file.path).toBe(false);

    // The entry removed from the store (as `secret-tool clear` would): one exit-2 line that says how to store it again.
    expect(await osSecretStore().delete(ref)).toBe(true);
    const gone = await runCli(['check', '--to', sandbox.client.to], { env });
    expect(gone.status, gone.stderr).toBe(2);
    expect(gone.stderr).toContain(
      `saved configuration: the client secret it refers to is no longer in the OS credential store (service smtp-oauth-setup, account ${ref.account}); store it again with \`smtp-oauth-setup setup --save-secret\``,
    );
    expect(gone.stderr).not.toMatch(/\n\s+at /);
  });

  it('without a reachable store, setup --save-secret keeps the secret in the 0600 file and says so in one line', async () => {
    sandbox.applyScenario('healthy');
    const home = scratchDir('keyring-home');
    const work = scratchDir('keyring-work');
    const screen = await setupSavingSecret(home, work, { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-bus')}` });
    const configPath = join(home, '.config', 'smtp-oauth-setup', 'config.json');
    const notices = screen.split('\n').filter((line) => line.includes('The OS credential store is not available here'));
    expect(notices, screen).toHaveLength(1);
    expect(screen.replace(/\s+/g, ' ')).toContain(`the client secret is kept in ${configPath} instead (mode 0600, readable by you only).`);
    expect(screen).not.toContain(sandbox.client.clientSecret);
    expectMode(configPath, 0o600);
    expect(JSON.parse(readFileSync(configPath, 'utf8')).clientSecret).toBe(sandbox.client.clientSecret);
  });
});

// On Linux the store is reached over the D-Bus session bus, which a test can take away; on macOS and
// Windows the store is the system's own and always there, so this case cannot be staged there.
describe.skipIf(process.platform !== 'linux')('check with a reference where no store can be reached (Linux: no D-Bus session)', () => {
  it('is one exit-2 line that says how to give the secret instead, with no stack and no prompt', async () => {
    const dir = scratchDir('keyring-ref');
    const account = '4f6d2c1e-8a3b-4d59-9e27-5a4db0c5e001/9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002';
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        version: 1,
        answers: { tenantId: '4f6d2c1e-8a3b-4d59-9e27-5a4db0c5e001', clientId: '9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002', mailbox: 'alerts@contoso.com' },
        clientSecretRef: { store: 'os', service: 'smtp-oauth-setup', account },
      }),
      { mode: 0o600 },
    );
    const run = await runCli(['check', '--json'], { env: { SMTP_OAUTH_SETUP_CONFIG_DIR: dir, DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-bus')}` } });
    expect(run.status, run.stderr).toBe(2);
    const json = parseValid('check', run.stdout);
    expect(json.diagnosis.code).toBe('input-invalid');
    expect(json.error.problems).toHaveLength(1);
    expect(json.error.problems[0]).toMatch(
      new RegExp(
        `^saved configuration: the client secret is in the OS credential store \\(service smtp-oauth-setup, account ${account}\\), which cannot be read here \\(.+\\); give it with AZURE_CLIENT_SECRET or --client-secret-file`,
      ),
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
