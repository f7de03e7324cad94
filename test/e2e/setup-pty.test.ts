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
import { plain } from '../../src/messages/emphasis.js';
import { loadLanguage, type MessageId, type ParamsArg, type Renderer } from '../../src/messages/index.js';
import { vocabularyDe } from '../../src/messages/vocabulary/de.js';

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

function startCli(args: string[], env: Record<string, string> = {}, options: { stderrTo?: string; way?: 'automatic' } = {}): void {
  const { way, ...startOptions } = options;
  session.start([process.execPath, BIN, ...args], {
    cwd: work,
    // TMPDIR too: the demo's folder for files the newcomer saves goes with the test's scratch folders.
    env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: home, NODE_EXTRA_CA_CERTS: sandbox.caFile, ...env },
    ...startOptions,
  });
  if ((args[0] === 'setup' || args[0] === 'demo') && way !== 'automatic') session.chooseGuidedWhenAsked([en('wizard.way.question'), words(renderers.de, 'wizard.way.question')]);
}

/** The temporary folders the demo (smtp-oauth-demo-…) and its in-process sandbox (smtp-oauth-sandbox-…) make in TMPDIR. */
const tempFolders = () => readdirSync(home).filter((name) => /^smtp-oauth-(?:demo|sandbox)-/.test(name));

const sandboxFlags = () => ['--authority-host', sandbox.authorityHost, '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port), '--timeout', '10'];

/**
 * The words of a message as the CLI under test shows them, in its language: the tests name
 * questions, menu entries and lines by their message ids, so the same walk runs in every language.
 */
const LANGUAGE_ENV = { en: {}, de: { SMTP_OAUTH_LANG: 'de' } } as const;
const renderers = { en: await loadLanguage('en'), de: await loadLanguage('de') };
const words = <K extends MessageId>(r: Renderer, id: K, ...params: ParamsArg<K>) => plain(r.t(id, ...params));
const en = <K extends MessageId>(id: K, ...params: ParamsArg<K>) => words(renderers.en, id, ...params);

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

/** The screen's line that holds a settings row's label, for its value. */
function rowOf(screen: string, label: string): string {
  return screen.split('\n').find((line) => line.trimStart().startsWith(`${label} `)) ?? `(no row ${label})`;
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
  it.each(['en', 'de'] as const)('happy path (%s): from the first prompt to the final settings, a real test message, private files', async (language) => {
    const r = renderers[language];
    const t = <K extends MessageId>(id: K, ...params: ParamsArg<K>) => words(r, id, ...params);
    const before = sandbox.received.length;
    // A date far enough ahead that `check` neither warns nor reports the secret expired.
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    startCli(['setup', ...sandboxFlags()], LANGUAGE_ENV[language]);
    await answer(t('wizard.intro.start'), '');
    await answer(t('input.question.tenant-id'), sandbox.client.tenantId);
    await answer(t('input.question.client-id'), sandbox.client.clientId);
    await choose(t('wizard.credential.secret'));
    await answer(t('input.question.client-secret'), sandbox.client.clientSecret);
    await answer(t('wizard.ask.secret-expires'), inAYear);
    await session.waitFor(t('wizard.entra.done', { role: 'SMTP.SendAsApp' }));
    await answer(t('input.question.mailbox'), sandbox.client.mailbox);
    await answer(t('wizard.ask.from'), '');
    await answer(t('wizard.ask.sender-name'), 'Notifications');
    await answer(t('wizard.ask.save-script'), '');
    await answer(t('wizard.ask.file-name'), '');
    await choose(t('wizard.sp.continue'));
    await choose(t('wizard.smtp-auth.continue'));
    await answer(t('wizard.ask.to'), sandbox.client.to);
    await session.waitFor(t('wizard.test.done', { to: sandbox.client.to }));
    await answer(t('wizard.ask.save-settings'), '');
    // The .env is written only because the user asks for it: then it holds the secret, mode 0600.
    // (inquirer takes y for yes in every language, and the language's own first letter too.)
    await answer(t('wizard.ask.write-env', { credential: 'secret' }), language === 'de' ? 'j' : 'y');
    await answer(t('wizard.ask.file-name'), '');
    // A question longer than the terminal is broken by the prompt itself: its beginning is enough.
    await answer(t('wizard.ask.keep-secret', { path: join(configDir(), 'config.json') }).slice(0, 40), '');
    expect(await session.exitCode()).toBe(0);

    const screen = session.screen();
    // Each step under its heading, in the language.
    for (const step of ['1', '2', '3', '4'] as const) expect(screen).toContain(t('step.heading', { step, title: t(`step.${step}.title`) }));
    for (const [label, value] of [
      [t('wizard.settings.smtp-server'), sandbox.smtp.host],
      [t('wizard.settings.port'), String(sandbox.smtp.port)],
      [t('wizard.settings.encryption'), 'STARTTLS'],
      [t('wizard.settings.sender-address'), sandbox.client.mailbox],
      [t('wizard.settings.sender-name'), 'Notifications'],
      [t('wizard.settings.username'), sandbox.client.mailbox],
      [t('wizard.settings.tenant-id'), sandbox.client.tenantId],
      [t('wizard.settings.client-id'), sandbox.client.clientId],
      [t('wizard.settings.client-secret'), '••••••••'],
    ]) {
      expect(rowOf(screen, label!)).toMatch(new RegExp(`^ +${label!} +${value!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    expect(screen).toContain('npx smtp-oauth-setup check --tenant-id');
    expect(screen).toContain(`New-ServicePrincipal -AppId ${sandbox.client.clientId} -ObjectId ${sandbox.tenant.apps[0]!.servicePrincipalObjectId}`);
    if (language === 'de') {
      // The portal's German labels, and none of the English words of the walk.
      for (const label of [vocabularyDe.appRegistrations, vocabularyDe.newRegistration, vocabularyDe.singleTenant, vocabularyDe.apiPermissions, vocabularyDe.certificatesAndSecrets]) {
        // Prose is wrapped to the screen's width: a long label may span two lines.
        expect(screen.replace(/\s+/g, ' ')).toContain(label);
      }
      for (const english of [en('wizard.intro.start'), en('input.question.mailbox'), en('wizard.settings.username'), en('wizard.sp.why').slice(0, 40)]) expect(screen).not.toContain(english);
    }
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
    // The .ps1's comments are in the language too; its commands are the same.
    const ps1 = written.find((f) => f.path.endsWith('.ps1'))!.text;
    expect(ps1).toContain(`# ---- ${t('files.ps1.section-2')} ----`);
    expect(ps1).toContain('Set-CASMailbox -Identity');
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8'))).toMatchObject({ answers: { secretExpires: inAYear }, wizard: { finished: true } });
  });

  it('a certificate: created in the walk, uploaded while the wizard waits, the key 0600; check then needs no secret', async () => {
    const before = sandbox.received.length;
    startCli(['setup', ...sandboxFlags(), '--tenant-id', sandbox.client.tenantId, '--client-id', sandbox.client.clientId, '--mailbox', sandbox.client.mailbox]);
    await answer(en('wizard.intro.start'), '');
    await answer(en('input.question.tenant-id'), '');
    await answer(en('input.question.client-id'), '');
    await session.waitFor(`❯ ${en('wizard.credential.secret')}`);
    session.press('Down');
    await choose(en('wizard.credential.new-certificate'));
    await choose(en('wizard.certificate.validity', { months: 12 }));
    await answer(en('wizard.ask.certificate-key-file'), '');
    await answer(en('wizard.ask.certificate-upload-file'), '');
    await session.waitFor(`? ${en('wizard.ask.certificate-uploaded')}`);
    let screen = session.screen();
    expect(screen).toContain('Certificates & secrets → Certificates → Upload certificate');
    expect(screen).not.toContain('PRIVATE KEY');
    // The administrator uploads the .cer in the portal…
    sandbox.uploadCertificate(readFileSync(join(work, 'smtp-oauth-sender.cer'), 'utf8'));
    await choose(en('wizard.certificate.uploaded'));
    await session.waitFor(en('wizard.entra.done', { role: 'SMTP.SendAsApp' }));
    await answer(en('input.question.mailbox'), '');
    await answer(en('wizard.ask.from'), '');
    await answer(en('wizard.ask.sender-name'), '');
    await answer(en('wizard.ask.save-script'), 'n');
    await choose(en('wizard.sp.continue'));
    await choose(en('wizard.smtp-auth.continue'));
    await answer(en('wizard.ask.to'), sandbox.client.to);
    await session.waitFor(en('wizard.test.done', { to: sandbox.client.to }));
    await answer(en('wizard.ask.save-settings'), '');
    await answer(en('wizard.ask.write-env', { credential: 'certificate' }), '');
    expect(await session.exitCode()).toBe(0);
    screen = session.screen();
    expect(screen).toContain(en('wizard.settings.authentication-value', { credential: 'certificate' }));
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
    await answer(en('wizard.intro.start'), '');
    await answer(en('input.question.tenant-id'), '');
    await answer(en('input.question.client-id'), '');
    // The entry names the file and the thumbprint (its value is the certificate's, checked by the token request).
    await session.waitFor(`❯ ${en('wizard.credential.given-certificate', { source: 'file given.pem', thumbprint: '\u0000' }).split('\u0000')[0]}`);
    session.press('Enter');
    await session.waitFor(en('wizard.entra.done', { role: 'SMTP.SendAsApp' }));
    await session.waitFor(`? ${en('input.question.mailbox')}`);
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
    await session.waitFor(en('wizard.ask.what-now'));
    let screen = session.screen();
    expect(screen).toContain('The access token has no SMTP.SendAsApp role');
    expect(screen).toContain(en('wizard.entra.consent-explained', { role: 'SMTP.SendAsApp' }).slice(0, 60));
    expect(screen).toContain(`❯ ${en('wizard.entra.retry-after-consent')}`);
    // The administrator grants consent in the portal…
    sandbox.tenant.apps[0]!.consentedRoles = ['SMTP.SendAsApp'];
    session.press('Enter');
    expect(await session.exitCode()).toBe(0);
    screen = session.screen();
    expect(screen).toContain(en('wizard.entra.done', { role: 'SMTP.SendAsApp' }));
    expect(screen).toContain(en('wizard.test.done', { to: sandbox.client.to }));
    expect(screen).toContain(en('wizard.finish.all-work'));
    expectNoSecretOnScreen(screen);
  });

  it('Ctrl-C at a prompt: one line, exit 130, answers saved without the secret; the next run continues there', async () => {
    startCli(['setup', ...sandboxFlags()]);
    await answer(en('wizard.intro.start'), '');
    await answer(en('input.question.tenant-id'), sandbox.client.tenantId);
    await answer(en('input.question.client-id'), sandbox.client.clientId);
    await choose(en('wizard.credential.secret'));
    await session.waitFor(en('input.question.client-secret'));
    session.type(sandbox.client.clientSecret.slice(0, 10));
    session.press('C-c');
    expect(await session.exitCode()).toBe(130);
    const screen = session.screen();
    // After the interrupted question, exactly one line before the shell's exit marker.
    const all = screen.split('\n');
    const asked = all.findIndex((line) => line.includes(en('input.question.client-secret')));
    const lines = all.slice(asked + 1, all.findIndex((line) => line.startsWith('__EXIT__'))).filter((line) => line.trim() !== '');
    expect(all[asked]).not.toContain(sandbox.client.clientSecret.slice(0, 10));
    expect(lines).toEqual([`smtp-oauth-setup: ${en('wizard.stopped.saved', { at: 'entra-app', path: join(configDir(), 'config.json') })}`]);
    const config = files(configDir());
    expect(config).toHaveLength(1);
    expect(config[0]!.mode).toBe(0o600);
    expect(config[0]!.text).not.toContain(sandbox.client.clientSecret.slice(0, 10));
    expect(JSON.parse(config[0]!.text)).toMatchObject({ answers: { tenantId: sandbox.client.tenantId, clientId: sandbox.client.clientId }, wizard: { completed: ['before-start'] } });

    session.kill();
    session = new TerminalSession();
    startCli(['setup', ...sandboxFlags()]);
    await answer(en('wizard.ask.resume', { at: 'entra-app' }), '');
    // The saved answers are the defaults now.
    await session.waitFor(`${en('input.question.tenant-id')} (${sandbox.client.tenantId})`);
    expect(session.screen()).not.toContain(en('wizard.intro.start'));
    session.press('Enter');
    await answer(`${en('input.question.client-id')} (${sandbox.client.clientId})`, '');
    await choose(en('wizard.credential.secret'));
    await session.waitFor(en('input.question.client-secret'));
    session.press('C-c');
    expect(await session.exitCode()).toBe(130);
  });

  it('Ctrl-C during the wait-and-retry countdown stops at once, saved, exit 130', async () => {
    sandbox.applyScenario('no-service-principal');
    startCli(
      ['setup', '--yes', ...sandboxFlags(), '--tenant-id', sandbox.client.tenantId, '--client-id', sandbox.client.clientId, '--mailbox', sandbox.client.mailbox, '--to', sandbox.client.to],
      { AZURE_CLIENT_SECRET: sandbox.client.clientSecret },
    );
    await session.waitFor(en('wizard.ask.what-now'));
    expect(session.screen()).toContain(en('wizard.test.wait', { intervalMs: 5 * 60_000, totalMs: 60 * 60_000 }));
    // The default after a step 2 failure is to wait.
    session.press('Enter');
    await session.waitFor(/Attempt 1 of 12 in 4:5\d/);
    session.press('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(session.screen()).toContain(`smtp-oauth-setup: ${en('wizard.stopped.saved', { at: 'test-mail', path: join(configDir(), 'config.json') })}`);
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8'))).toMatchObject({
      wizard: { completed: ['before-start', 'entra-app', 'service-principal', 'smtp-auth'] },
    });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s at a prompt: the terminal echoes again, answers saved, one line, exit %i', async (signal, exitCode) => {
    startCli(['setup', ...sandboxFlags()]);
    await answer(en('wizard.intro.start'), '');
    await answer(en('input.question.tenant-id'), sandbox.client.tenantId);
    await answer(en('input.question.client-id'), sandbox.client.clientId);
    await choose(en('wizard.credential.secret'));
    await session.waitFor(en('input.question.client-secret'));
    session.signal(signal);
    expect(await session.exitCode()).toBe(exitCode);
    // The prompt had the terminal in raw mode: it is given back as it was.
    expect(await session.terminalModes()).toBe('echo-on icanon-on');
    const screen = session.screen();
    expect(screen).toContain(`smtp-oauth-setup: ${en('wizard.stopped.saved', { at: 'entra-app', path: join(configDir(), 'config.json') })}`);
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8'))).toMatchObject({
      answers: { tenantId: sandbox.client.tenantId, clientId: sandbox.client.clientId },
      wizard: { completed: ['before-start'] },
    });
  });

  // Retried: in session 7 it failed twice in CI (2 of 8 suite runs; Node 20 and 24), both folders
  // left for the whole 10 s, and never in 30-odd runs here, alone or under load. The message says
  // whether the CLI was still running then (a hang) or gone (it ended before its cleanup): that is
  // what the next look at it needs.
  it('closing the terminal itself (tmux kill-session: EIO on stdin, then SIGHUP) during the demo: no temporary folder is left', { retry: 2 }, async () => {
    // Closed at the first question itself (nothing answers it in the background).
    startCli(['demo'], {}, { way: 'automatic' });
    await session.waitFor(`? ${en('wizard.way.question')}`);
    expect(tempFolders()).toHaveLength(2);
    const pid = session.cliPid();
    session.kill();
    const deadline = Date.now() + 10_000;
    while (tempFolders().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const state = existsSync(`/proc/${pid}/stat`) ? `still running (${readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]})` : 'gone';
    expect(tempFolders(), `the CLI (pid ${pid}) is ${state}`).toEqual([]);
  });

  it('SIGTERM during the wait-and-retry countdown (no prompt open): saved, exit 143', async () => {
    sandbox.applyScenario('no-service-principal');
    startCli(
      ['setup', '--yes', ...sandboxFlags(), '--tenant-id', sandbox.client.tenantId, '--client-id', sandbox.client.clientId, '--mailbox', sandbox.client.mailbox, '--to', sandbox.client.to],
      { AZURE_CLIENT_SECRET: sandbox.client.clientSecret },
    );
    await session.waitFor(en('wizard.ask.what-now'));
    session.press('Enter');
    await session.waitFor(/Attempt 1 of 12 in 4:5\d/);
    session.signal('SIGTERM');
    expect(await session.exitCode()).toBe(143);
    expect(await session.terminalModes()).toBe('echo-on icanon-on');
    expect(session.screen()).toContain(`smtp-oauth-setup: ${en('wizard.stopped.saved', { at: 'test-mail', path: join(configDir(), 'config.json') })}`);
    expect(JSON.parse(readFileSync(join(configDir(), 'config.json'), 'utf8'))).toMatchObject({
      wizard: { completed: ['before-start', 'entra-app', 'service-principal', 'smtp-auth'] },
    });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('demo gets %s at a prompt: its and its sandbox\'s temporary folders removed, the terminal echoes again, exit %i', async (signal, exitCode) => {
    startCli(['demo']);
    await session.waitFor(en('wizard.intro.demo'));
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

  it.each([
    ['en', {}],
    // `LANG=de_DE.UTF-8 npm run demo`: the locale alone chooses German.
    ['de', { LANG: 'de_DE.UTF-8' }],
  ] as const)('demo (%s): a newcomer presses Enter through the whole walk and sees the test message arrive', async (language, env) => {
    const r = renderers[language];
    const t = <K extends MessageId>(id: K, ...params: ParamsArg<K>) => words(r, id, ...params);
    startCli(['demo'], env);
    const deadline = Date.now() + 25_000;
    while (!/__EXIT__=\d+/.test(session.screen()) && Date.now() < deadline) {
      session.press('Enter');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(await session.exitCode(1000)).toBe(0);
    const screen = session.screen();
    expect(screen).toContain(t('wizard.intro.demo'));
    for (const step of ['1', '2', '3', '4'] as const) expect(screen).toContain(t('step.heading', { step, title: t(`step.${step}.title`) }));
    expect(screen).toContain(t('wizard.finish.all-work'));
    expect(screen).toContain(t('demo.received'));
    // The test message is written in the language in use (its host part varies: the words before it do not).
    expect(screen).toContain(`Subject: ${t('smtp.test-message.subject', { host: '\u0000' }).split('\u0000')[0]}`);
    expectNoSecretOnScreen(screen);
    // Nothing saved to the user's config directory, nothing written to the current folder: the
    // script saved by pressing Enter went to a temporary folder, whose path was shown.
    expect(files(configDir(), work)).toEqual([]);
    const wrote = t('wizard.files.wrote', { path: '\u0000', private: true }).split('\u0000');
    expect(screen).toMatch(new RegExp(`${wrote[0]}\\S+smtp-oauth-demo-\\w+/smtp-oauth-setup-exchange\\.ps1`));
    // The finished demo removed that folder (what is saved there may hold the sandbox's secret) and its sandbox's.
    const removed = t('demo.files-removed', { workDir: '\u0000' }).split('\u0000');
    expect(screen).toMatch(new RegExp(`${removed[0]!.replace(/[()]/g, '\\$&')}\\S+smtp-oauth-demo-\\w+`));
    expect(tempFolders()).toEqual([]);
  });

  it.each([
    ['en', {}],
    ['de', { SMTP_OAUTH_LANG: 'de' }],
  ] as const)('demo, the automatic way (%s): the first question, the mailbox, then steps 1–3 and the test message without another key', async (language, env) => {
    const r = renderers[language];
    const t = <K extends MessageId>(id: K, ...params: ParamsArg<K>) => words(r, id, ...params);
    startCli(['demo'], env, { way: 'automatic' });
    await session.waitFor(`? ${t('wizard.way.question')}`);
    // The guided walk is the default: one step up is the automatic setup.
    session.press('Up');
    await session.waitFor(`❯ ${t('wizard.way.automatic')}`);
    session.press('Enter');
    await answer(t('input.question.mailbox'), '');
    await answer(t('wizard.ask.from'), '');
    expect(await session.exitCode(40_000)).toBe(0);
    const screen = session.screen();
    expect(screen).toContain(t('automatic.plan.heading'));
    expect(screen).toContain(t('automatic.run.creating', { what: 'app' }));
    expect(screen).toContain(t('automatic.run.proving'));
    expect(screen).toContain(t('demo.received'));
    expectNoSecretOnScreen(screen);
    expect(files(configDir(), work)).toEqual([]);
  });
});
