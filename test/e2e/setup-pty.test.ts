import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { BIN, runCli } from '../support/cli.js';
import { assertFreshBuild } from '../support/fresh-build.js';
import { ensureTmux, TerminalSession } from '../support/tmux.js';
import { removeScratchDirs, scratchDir } from '../support/wizard.js';
import { parseValid } from '../support/json-schema.js';

/**
 * The wizard as a person uses it: the built CLI in a real pseudo-terminal (tmux), real MSAL and
 * nodemailer, against the sandbox running in this process, whose tenant the tests change while the
 * wizard waits (as an administrator would in the portal).
 */
const unavailable = ensureTmux();
if (unavailable) console.warn(`PTY tests skipped: ${unavailable}`);

let sandbox: Sandbox;
let session: TerminalSession;
let home: string;
let work: string;

beforeAll(async () => {
  if (unavailable) return;
  assertFreshBuild();
  TerminalSession.startServer();
  sandbox = await startSandbox();
});
afterAll(async () => {
  removeScratchDirs();
  TerminalSession.killServer();
  await sandbox?.close();
});
beforeEach(() => {
  if (unavailable) return;
  sandbox.applyScenario('healthy');
  session = new TerminalSession();
  home = scratchDir('pty-home');
  work = scratchDir('pty-work');
});
afterEach(() => session?.kill());

const configDir = () => join(home, '.config', 'smtp-oauth-setup');

function startCli(args: string[], env: Record<string, string> = {}, options: { stderrTo?: string } = {}): void {
  session.start([process.execPath, BIN, ...args], {
    cwd: work,
    // TMPDIR too: the demo's folder for files the newcomer saves goes with the test's scratch folders.
    env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: home, NODE_EXTRA_CA_CERTS: sandbox.caFile, ...env },
    ...options,
  });
}

/** The temporary folders the demo (smtp-oauth-demo-…) and its in-process sandbox (smtp-oauth-sandbox-…) make in TMPDIR. */
const tempFolders = () => readdirSync(home).filter((name) => /^smtp-oauth-(?:demo|sandbox)-/.test(name));

const sandboxFlags = () => ['--authority-host', sandbox.authorityHost, '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port), '--timeout', '10'];

/**
 * Answers a question once it waits for an answer: inquirer shows a pending question as `? message`
 * (and as `✔ message answer` once answered), so the same words elsewhere on the screen do not count.
 */
async function answer(prompt: string, text: string): Promise<void> {
  await session.waitFor(`? ${prompt}`);
  if (text) session.type(text);
  session.press('Enter');
}

/** Chooses the highlighted entry of a menu once the entry is on screen. */
async function choose(entry: string): Promise<void> {
  await session.waitFor(`❯ ${entry}`);
  session.press('Enter');
}

/** Every file under these folders. */
function files(...dirs: string[]): Array<{ path: string; text: string; mode: number }> {
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const path = join(e.parentPath, e.name);
          return { path, text: readFileSync(path, 'utf8'), mode: statSync(path).mode & 0o777 };
        }),
    );
}

function expectNoSecretOnScreen(screen: string): void {
  expect(screen).not.toContain(sandbox.client.clientSecret);
  expect(screen).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
}

describe.skipIf(unavailable !== null)('the setup wizard in a terminal', () => {
  it('happy path: from the first prompt to the final settings, a real test message, private files', async () => {
    const before = sandbox.received.length;
    // A date far enough ahead that `check` neither warns nor reports the secret expired.
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    startCli(['setup', ...sandboxFlags()]);
    await answer('Start with step 1?', '');
    await answer('Directory (tenant) ID', sandbox.client.tenantId);
    await answer('Application (client) ID', sandbox.client.clientId);
    await choose('A client secret: paste its Value');
    await answer('Client secret (its Value', sandbox.client.clientSecret);
    await answer('When does the secret expire?', inAYear);
    await session.waitFor('Step 1 done');
    await answer('Mailbox to send from', sandbox.client.mailbox);
    await answer('Sender address (From)', '');
    await answer('Sender name shown to recipients', 'Notifications');
    await answer('Save the PowerShell for steps 2 and 3', '');
    await answer('File name', '');
    await choose('Continue to step 3');
    await choose('Continue to step 4');
    await answer('Send the test message to', sandbox.client.to);
    await session.waitFor('Step 4 done');
    await answer('Save these settings to a JSON file?', '');
    // The .env is written only because the user asks for it: then it holds the secret, mode 0600.
    await answer('Write a .env file', 'y');
    await answer('File name', '');
    await answer('Keep the client secret in', '');
    expect(await session.exitCode()).toBe(0);

    const screen = session.screen();
    for (const row of [
      `SMTP server     ${sandbox.smtp.host}`,
      `Port            ${sandbox.smtp.port}`,
      'Encryption      STARTTLS',
      `Sender address  ${sandbox.client.mailbox}`,
      'Sender name     Notifications',
      `Username        ${sandbox.client.mailbox}`,
      `Tenant ID       ${sandbox.client.tenantId}`,
      `Client ID       ${sandbox.client.clientId}`,
      'Client secret   ••••••••',
    ]) {
      expect(screen).toContain(row);
    }
    expect(screen).toContain('npx smtp-oauth-setup check --tenant-id');
    expect(screen).toContain(`New-ServicePrincipal -AppId ${sandbox.client.clientId} -ObjectId ${sandbox.tenant.apps[0]!.servicePrincipalObjectId}`);
    expectNoSecretOnScreen(screen);
    expect(sandbox.received.length).toBe(before + 1);
    expect(sandbox.received.at(-1)?.rcptTo).toEqual([sandbox.client.to]);

    const written = files(configDir(), work);
    expect(written.map((f) => f.path.split('/').at(-1)).sort()).toEqual(['.env', 'config.json', 'smtp-oauth-setup-exchange.ps1']);
    for (const file of written) {
      expect(file.mode, file.path).toBe(0o600);
      if (file.path.endsWith('.env')) expect(file.text).toContain(`AZURE_CLIENT_SECRET='${sandbox.client.clientSecret}'`);
      else expect(file.text, file.path).not.toContain(sandbox.client.clientSecret);
    }
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8'))).toMatchObject({ answers: { secretExpires: inAYear }, wizard: { finished: true } });
  });

  it('a certificate: created in the walk, uploaded while the wizard waits, the key 0600; check then needs no secret', async () => {
    const before = sandbox.received.length;
    startCli(['setup', ...sandboxFlags(), '--tenant-id', sandbox.client.tenantId, '--client-id', sandbox.client.clientId, '--mailbox', sandbox.client.mailbox]);
    await answer('Start with step 1?', '');
    await answer('Directory (tenant) ID', '');
    await answer('Application (client) ID', '');
    await session.waitFor('❯ A client secret: paste its Value');
    session.press('Down');
    await choose('A certificate: create a key pair and a self-signed certificate now');
    await choose('1 year');
    await answer('File for the private key and the certificate', '');
    await answer('File for the public certificate', '');
    await session.waitFor('? Uploaded?');
    let screen = session.screen();
    expect(screen).toContain('Certificates & secrets → Certificates → Upload certificate');
    expect(screen).not.toContain('PRIVATE KEY');
    // The administrator uploads the .cer in the portal…
    sandbox.uploadCertificate(readFileSync(join(work, 'smtp-oauth-sender.cer'), 'utf8'));
    await choose('Uploaded: get a token with it');
    await session.waitFor('Step 1 done');
    await answer('Mailbox to send from', '');
    await answer('Sender address (From)', '');
    await answer('Sender name shown to recipients', '');
    await answer('Save the PowerShell for steps 2 and 3', 'n');
    await choose('Continue to step 3');
    await choose('Continue to step 4');
    await answer('Send the test message to', sandbox.client.to);
    await session.waitFor('Step 4 done');
    await answer('Save these settings to a JSON file?', '');
    await answer('Write a .env file with AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH', '');
    expect(await session.exitCode()).toBe(0);
    screen = session.screen();
    expect(screen).toContain('client credentials with a certificate');
    expect(screen).toContain(`--certificate ${join(work, 'smtp-oauth-sender.pem')}`);
    expect(screen).not.toContain('PRIVATE KEY');
    expect(sandbox.received.length).toBe(before + 1);
    const modes = Object.fromEntries(files(work).map((f) => [f.path.split('/').at(-1), f.mode]));
    expect(modes).toEqual({ 'smtp-oauth-sender.pem': 0o600, 'smtp-oauth-sender.cer': 0o644 });
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8')).answers.certificatePath).toBe(join(work, 'smtp-oauth-sender.pem'));

    // A later `check` finds everything in the saved configuration: no secret, no flag.
    const check = await runCli(['check', '--json'], { env: { HOME: home, NODE_EXTRA_CA_CERTS: sandbox.caFile } });
    expect(check.status, check.stderr).toBe(0);
    expect(parseValid('check', check.stdout).plan.token.credential).toContain(`from file ${join(work, 'smtp-oauth-sender.pem')}`);
  });

  it('setup --certificate: the given certificate is the menu\'s default, named by file and thumbprint, and gets the token', async () => {
    const made = createSelfSignedCertificate({ commonName: 'given', validDays: 90 });
    const pem = join(work, 'given.pem');
    writeFileSync(pem, made.privateKeyPem + made.certificatePem, { mode: 0o600 });
    sandbox.uploadCertificate(made.certificatePem);
    startCli(['setup', ...sandboxFlags(), '--tenant-id', sandbox.client.tenantId, '--client-id', sandbox.client.clientId, '--certificate', 'given.pem']);
    await answer('Start with step 1?', '');
    await answer('Directory (tenant) ID', '');
    await answer('Application (client) ID', '');
    await session.waitFor('❯ The certificate from file given.pem (thumbprint');
    session.press('Enter');
    await session.waitFor('Step 1 done');
    await session.waitFor('? Mailbox to send from');
    session.press('C-c');
    expect(await session.exitCode()).toBe(130);
    // Saved by its absolute path, so that a run from another folder finds it.
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8')).answers.certificatePath).toBe(pem);
  });

  it('no admin consent at the start: the diagnosis, then success on retry once the tenant is fixed (--yes, values from flags)', async () => {
    sandbox.applyScenario('no-admin-consent');
    startCli(
      ['setup', '--yes', ...sandboxFlags(), '--tenant-id', sandbox.client.tenantId, '--client-id', sandbox.client.clientId, '--mailbox', sandbox.client.mailbox, '--to', sandbox.client.to],
      { AZURE_CLIENT_SECRET: sandbox.client.clientSecret },
    );
    await session.waitFor('What now?');
    let screen = session.screen();
    expect(screen).toContain('The access token has no SMTP.SendAsApp role');
    expect(screen).toContain('Grant admin consent');
    expect(screen).toContain('I have granted admin consent: try again with a fresh token');
    // The administrator grants consent in the portal…
    sandbox.tenant.apps[0]!.consentedRoles = ['SMTP.SendAsApp'];
    session.press('Enter');
    expect(await session.exitCode()).toBe(0);
    screen = session.screen();
    expect(screen).toContain('Step 1 done');
    expect(screen).toContain('Step 4 done');
    expect(screen).toContain('All four steps work');
    expectNoSecretOnScreen(screen);
  });

  it('Ctrl-C at a prompt: one line, exit 130, answers saved without the secret; the next run continues there', async () => {
    startCli(['setup', ...sandboxFlags()]);
    await answer('Start with step 1?', '');
    await answer('Directory (tenant) ID', sandbox.client.tenantId);
    await answer('Application (client) ID', sandbox.client.clientId);
    await choose('A client secret: paste its Value');
    await session.waitFor('Client secret (its Value');
    session.type(sandbox.client.clientSecret.slice(0, 10));
    session.press('C-c');
    expect(await session.exitCode()).toBe(130);
    const screen = session.screen();
    // After the interrupted question, exactly one line before the shell's exit marker.
    const all = screen.split('\n');
    const asked = all.findIndex((line) => line.includes('Client secret (its Value'));
    const lines = all.slice(asked + 1, all.findIndex((line) => line.startsWith('__EXIT__'))).filter((line) => line.trim() !== '');
    expect(all[asked]).not.toContain(sandbox.client.clientSecret.slice(0, 10));
    expect(lines).toEqual([
      `smtp-oauth-setup: Stopped at step 1 of 4 (Entra ID app). Your answers are saved in ${join(configDir(), 'config.json')} (not the client secret); run smtp-oauth-setup again to continue.`,
    ]);
    const config = files(configDir());
    expect(config).toHaveLength(1);
    expect(config[0]!.mode).toBe(0o600);
    expect(config[0]!.text).not.toContain(sandbox.client.clientSecret.slice(0, 10));
    expect(JSON.parse(config[0]!.text)).toMatchObject({ answers: { tenantId: sandbox.client.tenantId, clientId: sandbox.client.clientId }, wizard: { completed: ['before-start'] } });

    session.kill();
    session = new TerminalSession();
    startCli(['setup', ...sandboxFlags()]);
    await answer('Continue where you stopped, at step 1 of 4 (Entra ID app)?', '');
    // The saved answers are the defaults now.
    await session.waitFor(`Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com (${sandbox.client.tenantId})`);
    expect(session.screen()).not.toContain('Start with step 1?');
    session.press('Enter');
    await answer(`Application (client) ID (${sandbox.client.clientId})`, '');
    await choose('A client secret: paste its Value');
    await session.waitFor('Client secret (its Value');
    session.press('C-c');
    expect(await session.exitCode()).toBe(130);
  });

  it('Ctrl-C during the wait-and-retry countdown stops at once, saved, exit 130', async () => {
    sandbox.applyScenario('no-service-principal');
    startCli(
      ['setup', '--yes', ...sandboxFlags(), '--tenant-id', sandbox.client.tenantId, '--client-id', sandbox.client.clientId, '--mailbox', sandbox.client.mailbox, '--to', sandbox.client.to],
      { AZURE_CLIENT_SECRET: sandbox.client.clientSecret },
    );
    await session.waitFor('What now?');
    expect(session.screen()).toContain('Wait and retry every 5 minutes for up to 1 hour');
    // The default after a step 2 failure is to wait.
    session.press('Enter');
    await session.waitFor(/Attempt 1 of 12 in 4:5\d/);
    session.press('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(session.screen()).toContain('smtp-oauth-setup: Stopped at step 4 of 4 (test message).');
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8'))).toMatchObject({
      wizard: { completed: ['before-start', 'entra-app', 'service-principal', 'smtp-auth'] },
    });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s at a prompt: the terminal echoes again, answers saved, one line, exit %i', async (signal, exitCode) => {
    startCli(['setup', ...sandboxFlags()]);
    await answer('Start with step 1?', '');
    await answer('Directory (tenant) ID', sandbox.client.tenantId);
    await answer('Application (client) ID', sandbox.client.clientId);
    await choose('A client secret: paste its Value');
    await session.waitFor('Client secret (its Value');
    session.signal(signal);
    expect(await session.exitCode()).toBe(exitCode);
    // The prompt had the terminal in raw mode: it is given back as it was.
    expect(await session.terminalModes()).toBe('echo-on icanon-on');
    const screen = session.screen();
    expect(screen).toContain(
      `smtp-oauth-setup: Stopped at step 1 of 4 (Entra ID app). Your answers are saved in ${join(configDir(), 'config.json')} (not the client secret); run smtp-oauth-setup again to continue.`,
    );
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8'))).toMatchObject({
      answers: { tenantId: sandbox.client.tenantId, clientId: sandbox.client.clientId },
      wizard: { completed: ['before-start'] },
    });
  });

  it('closing the terminal itself (tmux kill-session: EIO on stdin, then SIGHUP) during the demo: no temporary folder is left', async () => {
    startCli(['demo']);
    await session.waitFor(/^\? /m);
    expect(tempFolders()).toHaveLength(2);
    session.kill();
    const deadline = Date.now() + 10_000;
    while (tempFolders().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(tempFolders()).toEqual([]);
  });

  it('SIGTERM during the wait-and-retry countdown (no prompt open): saved, exit 143', async () => {
    sandbox.applyScenario('no-service-principal');
    startCli(
      ['setup', '--yes', ...sandboxFlags(), '--tenant-id', sandbox.client.tenantId, '--client-id', sandbox.client.clientId, '--mailbox', sandbox.client.mailbox, '--to', sandbox.client.to],
      { AZURE_CLIENT_SECRET: sandbox.client.clientSecret },
    );
    await session.waitFor('What now?');
    session.press('Enter');
    await session.waitFor(/Attempt 1 of 12 in 4:5\d/);
    session.signal('SIGTERM');
    expect(await session.exitCode()).toBe(143);
    expect(await session.terminalModes()).toBe('echo-on icanon-on');
    expect(session.screen()).toContain('smtp-oauth-setup: Stopped at step 4 of 4 (test message).');
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8'))).toMatchObject({
      wizard: { completed: ['before-start', 'entra-app', 'service-principal', 'smtp-auth'] },
    });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('demo gets %s at a prompt: its and its sandbox\'s temporary folders removed, the terminal echoes again, exit %i', async (signal, exitCode) => {
    startCli(['demo']);
    await session.waitFor('Demo: everything below runs against the built-in sandbox');
    await session.waitFor(/^\? /m);
    // Both folders exist while the demo runs…
    expect(tempFolders().map((name) => name.replace(/-\w+$/, '')).sort()).toEqual(['smtp-oauth-demo', 'smtp-oauth-sandbox']);
    session.signal(signal);
    expect(await session.exitCode()).toBe(exitCode);
    expect(await session.terminalModes()).toBe('echo-on icanon-on');
    // …and none once it has ended.
    expect(tempFolders()).toEqual([]);
  });

  it('check with stderr redirected on a terminal does not ask (nobody would see the question): exit 2 at once, the problems listed', async () => {
    const stderr = join(work, 'stderr.txt');
    startCli(['check', '--authority-host', sandbox.authorityHost, '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port)], {}, { stderrTo: stderr });
    expect(await session.exitCode(10_000)).toBe(2);
    const text = readFileSync(stderr, 'utf8');
    expect(text).toContain('tenant');
    expect(text).toContain('mailbox');
    expect(text).not.toContain('?');
  });

  it('demo: a newcomer presses Enter through the whole walk and sees the test message arrive', async () => {
    startCli(['demo']);
    const deadline = Date.now() + 25_000;
    while (!/__EXIT__=\d+/.test(session.screen()) && Date.now() < deadline) {
      session.press('Enter');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(await session.exitCode(1000)).toBe(0);
    const screen = session.screen();
    expect(screen).toContain('Demo: everything below runs against the built-in sandbox');
    expect(screen).toContain('All four steps work');
    expect(screen).toContain('The sandbox received this message');
    expect(screen).toContain('Subject: smtp-oauth-setup test message');
    expectNoSecretOnScreen(screen);
    // Nothing saved to the user's config directory, nothing written to the current folder: the
    // script saved by pressing Enter went to a temporary folder, whose path was shown.
    expect(files(configDir(), work)).toEqual([]);
    expect(screen).toMatch(/Wrote \S+smtp-oauth-demo-\w+\/smtp-oauth-setup-exchange\.ps1/);
    // The finished demo removed that folder (what is saved there may hold the sandbox's secret) and its sandbox's.
    expect(screen).toMatch(/\(demo\) The files saved in \S+smtp-oauth-demo-\w+ are removed with the demo/);
    expect(tempFolders()).toEqual([]);
  });
});
