import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acquireAndCheckToken, runCheck } from '../../src/check/run.js';
import { secretRefFor } from '../../src/config/secret-store.js';
import { type ConfigStore, fileConfigStore, savedCheckInputs, savedSecretReader } from '../../src/config/store.js';
import { CancelledError } from '../../src/errors.js';
import { givenCredential, resolveCheckInputs } from '../../src/inputs/check-inputs.js';
import { Secret } from '../../src/inputs/secret.js';
import { Redactor } from '../../src/redact.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import type { WizardServices } from '../../src/wizard/context.js';
import { initialState, offerResume, runWizard } from '../../src/wizard/index.js';
import { msg } from '../../src/messages/index.js';
import { fakeSecretStore } from '../support/secret-store.js';
import { type Answer, CTRL_C, ENTER, fakeClock, type RecordingScreen, recordingScreen, type ScriptedPrompter, scriptedPrompter, removeScratchDirs, scratchDir } from '../support/wizard.js';
import { expectMode } from '../support/platform.js';

/**
 * The whole walk through the runner, with the real pipeline (real MSAL, real nodemailer) against the
 * in-process sandbox; only the person at the terminal is scripted.
 */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  removeScratchDirs();
  await sandbox?.close();
});
beforeEach(() => sandbox.applyScenario('healthy'));

interface Walk {
  services: WizardServices;
  prompter: ScriptedPrompter;
  screen: RecordingScreen;
  store: ConfigStore;
  configDir: string;
  workDir: string;
}

function services(answers: Record<string, Answer | Answer[]>, options: { configDir?: string; onSleep?: (ms: number) => void } = {}): Walk {
  const configDir = options.configDir ?? scratchDir('wizard-cfg');
  const workDir = scratchDir('wizard-work');
  const prompter = scriptedPrompter(answers);
  const screen = recordingScreen();
  const store = fileConfigStore(configDir);
  const redactor = new Redactor();
  return {
    prompter,
    screen,
    store,
    configDir,
    workDir,
    services: {
      prompter,
      screen,
      store,
      workDir,
      clock: fakeClock(options.onSleep),
      wait: { intervalMs: 60_000, attempts: 5 },
      pipeline: {
        checkToken: (inputs, events) => acquireAndCheckToken(inputs, { events, redactor, extraCaPem: sandbox.caPem }),
        runCheck: (inputs, events) => runCheck(inputs, { events, redactor, extraCaPem: sandbox.caPem }),
      },
    },
  };
}

/** Sandbox hosts are not Microsoft's: they come in as prefilled answers, as flags would give them. */
const hosts = () => ({ authorityHost: sandbox.authorityHost, smtpHost: sandbox.smtp.host, smtpPort: String(sandbox.smtp.port), timeout: '10' });

const typed = (): Record<string, Answer | Answer[]> => ({
  start: ENTER,
  tenantId: sandbox.client.tenantId,
  clientId: sandbox.client.clientId,
  credentialKind: ENTER,
  clientSecret: sandbox.client.clientSecret,
  secretExpires: ENTER,
  mailbox: sandbox.client.mailbox,
  from: ENTER,
  senderName: 'Notifications',
  saveScript: true,
  scriptPath: ENTER,
  servicePrincipalDone: ENTER,
  smtpAuthDone: ENTER,
  to: sandbox.client.to,
  saveSettings: true,
  settingsIncludeSecret: false,
  settingsPath: ENTER,
  writeEnv: false,
  keepSecret: false,
});

/** Every file under these folders, with its content. */
function filesUnder(...dirs: string[]): Array<{ path: string; text: string; mode: number }> {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return { path, text: readFileSync(path, 'utf8'), mode: statSync(path).mode & 0o777 };
      }),
  );
}

describe('the wizard, start to finish, against the sandbox', () => {
  it('walks an empty config to a sent test message and the final settings; files 0600, the secret nowhere', async () => {
    const walk = services(typed());
    const before = sandbox.received.length;
    const exitCode = await runWizard(initialState(null, hosts(), null), walk.services);
    expect(exitCode, walk.screen.text).toBe(0);
    expect(walk.prompter.unused()).toEqual([]);

    // A real message arrived, sent by the app as the mailbox.
    expect(sandbox.received.length).toBe(before + 1);
    expect(sandbox.received.at(-1)).toMatchObject({ mailFrom: sandbox.client.mailbox, rcptTo: [sandbox.client.to], servicePrincipal: sandbox.client.clientId });

    // The PowerShell used the token's oid, which is the enterprise application's object id.
    const oid = sandbox.tenant.apps[0]!.servicePrincipalObjectId!;
    expect(walk.screen.text).toContain(`New-ServicePrincipal -AppId ${sandbox.client.clientId} -ObjectId ${oid}`);
    expect(walk.screen.results).toContain(`Username        ${sandbox.client.mailbox}`);

    const saved = await walk.store.load();
    expect(saved).toMatchObject({
      answers: { tenantId: sandbox.client.tenantId, clientId: sandbox.client.clientId, mailbox: sandbox.client.mailbox, to: sandbox.client.to, senderName: 'Notifications' },
      token: { servicePrincipalObjectId: oid },
      wizard: { finished: true, completed: ['before-start', 'entra-app', 'service-principal', 'smtp-auth', 'test-mail', 'finish'] },
    });
    const files = filesUnder(walk.configDir, walk.workDir);
    expect(files.map((f) => basename(f.path)).sort()).toEqual(['config.json', 'smtp-oauth-settings.json', 'smtp-oauth-setup-exchange.ps1']);
    for (const file of files) {
      expectMode(file.path, 0o600);
      expect(file.text, file.path).not.toContain(sandbox.client.clientSecret);
    }
    expect(walk.screen.text).not.toContain(sandbox.client.clientSecret);
    expect(walk.screen.text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });

  it('no admin consent at first: shows the diagnosis, and succeeds on retry once the tenant is fixed', async () => {
    sandbox.applyScenario('no-admin-consent');
    const walk = services({
      ...typed(),
      saveScript: false,
      saveSettings: false,
      tokenFailure: () => {
        // The admin grants consent in the portal while the wizard waits.
        sandbox.tenant.apps[0]!.consentedRoles = ['SMTP.SendAsApp'];
        return 'retry';
      },
    });
    const tokensBefore = sandbox.stats().tokenRequests;
    expect(await runWizard(initialState(null, hosts(), null), walk.services)).toBe(0);
    expect(walk.screen.text).toContain('The access token has no SMTP.SendAsApp role');
    expect(walk.screen.text).toContain('Grant admin consent');
    // Step 1 twice (a fresh token each time), then step 4.
    expect(sandbox.stats().tokenRequests - tokensBefore).toBe(3);
  });

  it('step 4 waits for Exchange to apply step 2, with a countdown, then succeeds', async () => {
    sandbox.applyScenario('no-service-principal');
    const walk = services(
      { ...typed(), saveScript: false, saveSettings: false, testFailure: 'wait' },
      // Exchange "applies" New-ServicePrincipal two minutes into the wait.
      { onSleep: (elapsed) => elapsed === 120_000 && sandbox.applyScenario('healthy') },
    );
    expect(await runWizard(initialState(null, hosts(), null), walk.services)).toBe(0);
    expect(walk.screen.reports[0]?.diagnosis?.code).toBe('smtp-auth-service-principal');
    expect(walk.screen.statuses[0]).toEqual(msg('wizard.wait.countdown', { attempt: 1, attempts: 5, secondsLeft: 60 }));
    expect(walk.screen.paramsOf('wizard.wait.still-failing')[0]).toEqual({ attempt: 1, attempts: 5, code: 'smtp-auth-service-principal' });
    expect(walk.screen.ids()).toContain('wizard.test.done');
  });

  it('Ctrl-C saves the answers (not the secret); the next run offers to continue at the same step', async () => {
    const first = services({ ...typed(), senderName: CTRL_C });
    const error = await runWizard(initialState(null, hosts(), null), first.services).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).exitCode).toBe(130);
    expect((error as CancelledError).messageId).toEqual(msg('wizard.stopped.saved', { at: 'service-principal', path: first.store.path! }));
    expect((error as Error).message).toBe(
      `Stopped at step 2 of 4 (Exchange service principal). Your answers are saved in ${first.store.path} (not the client secret); run smtp-oauth-setup again to continue.`,
    );
    const saved = await first.store.load();
    expect(saved).toMatchObject({
      answers: { tenantId: sandbox.client.tenantId, mailbox: sandbox.client.mailbox, from: sandbox.client.mailbox },
      wizard: { completed: ['before-start', 'entra-app'], finished: false },
      token: { servicePrincipalObjectId: sandbox.tenant.apps[0]!.servicePrincipalObjectId },
    });
    expect(readFileSync(first.store.path!, 'utf8')).not.toContain(sandbox.client.clientSecret);
    expectMode(first.store.path!, 0o600);

    // Second run: continue at step 2 with the saved answers as defaults; the secret is asked once, in step 4.
    const second = services(
      { resume: true, mailbox: ENTER, from: ENTER, senderName: ENTER, saveScript: false, servicePrincipalDone: ENTER, smtpAuthDone: ENTER, clientSecret: sandbox.client.clientSecret, to: ENTER, saveSettings: false, writeEnv: false, keepSecret: false },
      { configDir: first.configDir },
    );
    const state = initialState(saved, {}, null);
    await offerResume(state, saved, second.services);
    expect(await runWizard(state, second.services)).toBe(0);
    expect(second.prompter.asked.map((q) => q.name).slice(0, 3)).toEqual(['resume', 'mailbox', 'from']);
    expect(second.prompter.asked.find((q) => q.name === 'resume')?.message).toEqual(msg('wizard.ask.resume', { at: 'service-principal' }));
    expect(second.prompter.asked.find((q) => q.name === 'mailbox')?.default).toBe(sandbox.client.mailbox);
  });

  it('keeps the secret in the saved configuration only when asked at the end (0600), where check finds it', async () => {
    const walk = services({ ...typed(), saveScript: false, saveSettings: false, keepSecret: true });
    expect(await runWizard(initialState(null, hosts(), null), walk.services)).toBe(0);
    const saved = await walk.store.load();
    expect(saved?.clientSecret).toBe(sandbox.client.clientSecret);
    expectMode(walk.store.path!, 0o600);
    expect(savedCheckInputs(saved).clientSecret).toBe(sandbox.client.clientSecret);
    // A later run that takes the secret from there keeps it saved; a secret from the environment is never written.
    expect(initialState(saved, {}, { kind: 'secret', secret: new Secret(sandbox.client.clientSecret, 'saved configuration') }).saveSecret).toBe(true);
    expect(initialState(saved, {}, { kind: 'secret', secret: new Secret(sandbox.client.clientSecret, 'AZURE_CLIENT_SECRET') }).saveSecret).toBe(false);
  });

  it('with a credential store, the secret kept at the end goes there and the file refers to it; a later run keeps it kept', async () => {
    const walk = services({ ...typed(), saveScript: false, saveSettings: false, keepSecret: true });
    const secrets = fakeSecretStore();
    const store = fileConfigStore(walk.configDir, { secrets });
    expect(await runWizard(initialState(null, hosts(), null), { ...walk.services, store })).toBe(0);
    for (const file of filesUnder(walk.configDir, walk.workDir)) expect(file.text, file.path).not.toContain(sandbox.client.clientSecret);
    const saved = await store.load();
    expect(saved?.clientSecretRef).toEqual(secretRefFor(sandbox.client.tenantId, sandbox.client.clientId));
    expect(await savedSecretReader(saved, secrets)!()).toEqual({ secret: sandbox.client.clientSecret });
    expect(initialState(saved, {}, { kind: 'secret', secret: new Secret(sandbox.client.clientSecret, 'saved configuration') }).saveSecret).toBe(true);
    expect(initialState(saved, {}, { kind: 'secret', secret: new Secret(sandbox.client.clientSecret, 'AZURE_CLIENT_SECRET') }).saveSecret).toBe(false);
  });

  it('a certificate made in step 1: uploaded by the admin, a real client assertion, the key 0600, and check reuses it', async () => {
    const { clientSecret: _typedSecret, secretExpires: _expiry, ...rest } = typed();
    const walk = services({
      ...rest,
      saveScript: false,
      credentialKind: 'new-certificate',
      certificateValidity: '24',
      certificatePath: ENTER,
      certificateUploadPath: ENTER,
      certificateUploaded: () => {
        // The admin uploads the .cer in the portal while the wizard waits.
        sandbox.uploadCertificate(readFileSync(join(walk.workDir, 'smtp-oauth-sender.cer'), 'utf8'));
        return 'uploaded';
      },
    });
    const before = sandbox.received.length;
    expect(await runWizard(initialState(null, hosts(), null), walk.services), walk.screen.text).toBe(0);
    expect(walk.prompter.unused()).toEqual([]);
    expect(sandbox.received.length).toBe(before + 1);

    const pem = join(walk.workDir, 'smtp-oauth-sender.pem');
    const cer = join(walk.workDir, 'smtp-oauth-sender.cer');
    expectMode(pem, 0o600);
    expectMode(cer, 0o644);
    expect(readFileSync(cer, 'utf8')).not.toContain('PRIVATE KEY');
    expect(readFileSync(pem, 'utf8')).toContain('PRIVATE KEY');
    const validTo = new Date(new X509Certificate(readFileSync(cer, 'utf8')).validTo);
    expect(Math.round((validTo.getTime() - Date.now()) / 86_400_000 / 30)).toBe(24);

    expect(walk.screen.paramsOf('wizard.settings.authentication-value')).toEqual([{ credential: 'certificate' }]);
    expect(walk.screen.ids()).not.toContain('wizard.settings.client-secret');
    expect(walk.screen.results).toContain('client credentials with a certificate');
    expect(walk.screen.text).not.toContain('PRIVATE KEY');

    // The saved configuration names the file only; `check` finds the certificate there.
    const saved = await walk.store.load();
    expect(saved?.answers.certificatePath).toBe(pem);
    expect(saved).not.toHaveProperty('clientSecret');
    expect(readFileSync(walk.store.path!, 'utf8')).not.toContain('PRIVATE KEY');
    const { inputs } = await resolveCheckInputs({ flags: {}, env: {}, saved: savedCheckInputs(saved), prompter: null });
    expect(inputs.credential).toMatchObject({ kind: 'certificate', certificate: { path: pem } });
    const report = await runCheck(inputs, { events: walk.screen.progress(), redactor: new Redactor(), extraCaPem: sandbox.caPem });
    expect(report.ok, JSON.stringify(report.diagnosis)).toBe(true);
  });

  it('a certificate that is not uploaded: Entra\'s AADSTS700027, then the retry after the upload succeeds', async () => {
    const { clientSecret: _typedSecret, secretExpires: _expiry, ...rest } = typed();
    const walk = services({
      ...rest,
      saveScript: false,
      saveSettings: false,
      credentialKind: 'new-certificate',
      certificateValidity: ENTER,
      certificatePath: ENTER,
      certificateUploadPath: ENTER,
      certificateUploaded: 'uploaded',
      tokenFailure: () => {
        sandbox.uploadCertificate(readFileSync(join(walk.workDir, 'smtp-oauth-sender.cer'), 'utf8'));
        return 'retry';
      },
    });
    expect(await runWizard(initialState(null, hosts(), null), walk.services)).toBe(0);
    expect(walk.screen.text).toContain('AADSTS700027');
    expect(walk.screen.text).toContain('Certificates & secrets → Certificates');
    expect(walk.screen.ids()).toContain('wizard.test.done');
  });

  it('stopping before the upload: the next run offers the saved certificate first, and it works once uploaded', async () => {
    const { clientSecret: _typedSecret, secretExpires: _expiry, ...rest } = typed();
    const first = services({ ...rest, credentialKind: 'new-certificate', certificateValidity: ENTER, certificatePath: ENTER, certificateUploadPath: ENTER, certificateUploaded: 'stop' });
    expect(await runWizard(initialState(null, hosts(), null), first.services)).toBe(0);
    const saved = await first.store.load();
    const pem = join(first.workDir, 'smtp-oauth-sender.pem');
    expect(saved?.answers.certificatePath).toBe(pem);

    // The admin uploads the .cer, then runs the wizard again: the saved certificate is "given".
    sandbox.uploadCertificate(readFileSync(join(first.workDir, 'smtp-oauth-sender.cer'), 'utf8'));
    const given = await givenCredential({ flags: {}, env: {}, saved: savedCheckInputs(saved) });
    expect(given.credential).toMatchObject({ kind: 'certificate', certificate: { path: pem } });
    const second = services({ ...rest, resume: ENTER, credentialKind: ENTER, saveScript: false }, { configDir: first.configDir });
    const state = initialState(saved, {}, given.credential);
    await offerResume(state, saved, second.services);
    expect(await runWizard(state, second.services), second.screen.text).toBe(0);
    expect(second.prompter.asked.find((q) => q.name === 'credentialKind')).toMatchObject({ default: 'given' });
    expect(second.screen.ids()).toContain('wizard.test.done');
  });

  it('stopping after a failed test keeps the answers and returns the failure\'s exit code', async () => {
    sandbox.applyScenario('smtp-auth-disabled-mailbox');
    const walk = services({ ...typed(), saveScript: false, testFailure: 'stop' });
    expect(await runWizard(initialState(null, hosts(), null), walk.services)).toBe(4);
    expect(walk.screen.paramsOf('wizard.stopped.saved')).toEqual([{ at: 'test-mail', path: walk.store.path! }]);
    expect(walk.screen.text).toContain('Stopped at step 4 of 4 (test message)');
    expect((await walk.store.load())?.wizard).toMatchObject({ completed: ['before-start', 'entra-app', 'service-principal', 'smtp-auth'], finished: false });
  });
});
