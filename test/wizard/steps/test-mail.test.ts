import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src/check/run.js';
import type { CheckInputs } from '../../../src/inputs/check-inputs.js';
import type { Credential } from '../../../src/inputs/credential.js';
import { Secret } from '../../../src/inputs/secret.js';
import { createSelfSignedCertificate } from '../../../src/x509/self-signed.js';
import { testMailStep } from '../../../src/wizard/steps/test-mail.js';
import { type Answer, ENTER, fakeClock, recordingScreen, removeScratchDirs, scratchDir, scriptedPrompter } from '../../support/wizard.js';
import { msg } from '../../../src/messages/index.js';
import { IDS, reportSecretRefused, reportSent, reportServicePrincipalMissing } from '../fixtures.js';
import { secretOf } from '../../support/credential.js';

const ANSWERS = { tenantId: IDS.tenantId, clientId: IDS.clientId, mailbox: 'alerts@contoso.com', from: 'alerts@contoso.com' };

type Reply = (inputs: CheckInputs) => CheckReport;

function run(
  answers: Record<string, Answer | Answer[]>,
  replies: Reply[],
  options: { credential?: Credential | null; onSleep?: (ms: number) => void; certificatePath?: string } = {},
) {
  const prompter = scriptedPrompter(answers);
  const screen = recordingScreen();
  const clock = fakeClock(options.onSleep);
  const runs: CheckInputs[] = [];
  const remembered: Array<Record<string, unknown>> = [];
  const outcome = testMailStep(
    {
      answers: { ...ANSWERS, ...(options.certificatePath && { certificatePath: options.certificatePath }) },
      credential: options.credential === undefined ? { kind: 'secret', secret: new Secret(IDS.secret, 'prompt') } : options.credential,
      wait: { intervalMs: 60_000, attempts: 4 },
      workDir: scratchDir('test-mail'),
    },
    {
      prompter,
      screen,
      clock,
      remember: async (patch) => void remembered.push(patch),
      pipeline: {
        async runCheck(inputs) {
          runs.push(inputs);
          const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
          return reply(inputs);
        },
      },
    },
  );
  return { outcome, prompter, screen, clock, runs, remembered };
}

describe('step 4: test message', () => {
  it('runs the whole pipeline with the recipient, and reports success', async () => {
    const { outcome, runs, screen, remembered } = run({ to: ENTER }, [reportSent]);
    const result = await outcome;
    expect(result).toMatchObject({ kind: 'next', answers: { to: 'alerts@contoso.com' } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ tenantId: IDS.tenantId, mailbox: 'alerts@contoso.com', to: 'alerts@contoso.com', smtpHost: 'smtp.office365.com', smtpPort: 587 });
    expect(screen.shown.find(({ block }) => block.kind === 'success')?.block).toEqual({ kind: 'success', text: msg('wizard.test.done', { to: 'alerts@contoso.com' }) });
    expect(screen.text).toContain('Step 4 done');
    expect(remembered).toEqual([{ to: 'alerts@contoso.com' }]);
  });

  it('on failure shows the diagnosis; retry runs again', async () => {
    const { outcome, runs, screen, prompter } = run({ to: 'it@contoso.com', testFailure: 'retry' }, [reportSecretRefused, reportSent]);
    expect((await outcome).kind).toBe('next');
    expect(runs).toHaveLength(2);
    expect(screen.reports[0]?.diagnosis?.code).toBe('client-secret-invalid');
    // Waiting cannot fix a wrong secret: the menu suggests retrying after the fix.
    expect(prompter.asked.find((q) => q.name === 'testFailure')).toMatchObject({ default: 'retry' });
  });

  it('wait and retry: a visible countdown, attempts until Exchange has applied the change', async () => {
    let propagated = false;
    const { outcome, runs, screen, clock, prompter } = run(
      { to: ENTER, testFailure: 'wait' },
      [(inputs) => (propagated ? reportSent(inputs) : reportServicePrincipalMissing(inputs))],
      // Exchange applies the new service principal two and a half minutes in.
      { onSleep: (elapsed) => (propagated = elapsed >= 150_000) },
    );
    expect((await outcome).kind).toBe('next');
    expect(prompter.asked.find((q) => q.name === 'testFailure')).toMatchObject({ default: 'wait' });
    // First run, then attempts at 1, 2 and 3 minutes; the third succeeds.
    expect(runs).toHaveLength(4);
    expect(clock.elapsedMs).toBe(180_000);
    expect(screen.statuses[0]).toEqual(msg('wizard.wait.countdown', { attempt: 1, attempts: 4, secondsLeft: 60 }));
    expect(screen.statuses).toContainEqual(msg('wizard.wait.countdown', { attempt: 3, attempts: 4, secondsLeft: 1 }));
    expect(screen.paramsOf('wizard.wait.still-failing')).toEqual([
      { attempt: 1, attempts: 4, code: 'smtp-auth-service-principal' },
      { attempt: 2, attempts: 4, code: 'smtp-auth-service-principal' },
    ]);
    // The menu said how long it would wait, through the duration formatter.
    expect(prompter.asked.find((q) => q.name === 'testFailure')?.message).toEqual(msg('wizard.ask.what-now'));
    expect(screen.paramsOf('wizard.test.waiting')).toEqual([{ intervalMs: 60_000, totalMs: 240_000 }]);
  });

  it('wait and retry gives up at the limit and asks again', async () => {
    const { outcome, runs, clock } = run({ to: ENTER, testFailure: ['wait', 'stop'] }, [reportServicePrincipalMissing]);
    expect(await outcome).toEqual({ kind: 'stop', exitCode: 4 });
    expect(runs).toHaveLength(5);
    expect(clock.elapsedMs).toBe(240_000);
  });

  it('change a value: the next run uses it, and it is saved', async () => {
    const { outcome, runs, remembered } = run(
      { to: ['alerts@contoso.com', 'it@contoso.com'], testFailure: 'change', changeField: 'to' },
      [reportServicePrincipalMissing, reportSent],
    );
    expect((await outcome).kind).toBe('next');
    expect(runs.map((r) => r.to)).toEqual(['alerts@contoso.com', 'it@contoso.com']);
    expect(remembered).toContainEqual({ to: 'it@contoso.com' });
  });

  it('asks for the secret again after a resume (it is not saved)', async () => {
    const { outcome, prompter, runs } = run({ clientSecret: IDS.secret, to: ENTER }, [reportSent], { credential: null });
    expect((await outcome).kind).toBe('next');
    expect(prompter.asked.map((q) => q.name)).toEqual(['clientSecret', 'to']);
    expect(secretOf(runs[0]!).reveal()).toBe(IDS.secret);
  });

  it('reads the certificate from its saved file after a resume, without a question', async () => {
    const path = join(scratchDir('test-mail-cert'), 'sender.pem');
    const made = createSelfSignedCertificate({ commonName: 'test-mail', validDays: 30 });
    writeFileSync(path, made.privateKeyPem + made.certificatePem, { mode: 0o600 });
    const { outcome, prompter, runs, screen } = run({ to: ENTER }, [reportSent], { credential: null, certificatePath: path });
    expect((await outcome).kind).toBe('next');
    expect(prompter.asked.map((q) => q.name)).toEqual(['to']);
    expect(runs[0]!.credential).toMatchObject({ kind: 'certificate', certificate: { path, thumbprintSha256: made.thumbprintSha256 } });
    expect(screen.text).toContain(`Certificate: ${path}`);
  });

  it('a saved certificate file that is gone: says why and offers the credential menu', async () => {
    const path = join(scratchDir('test-mail-gone'), 'gone.pem');
    const { outcome, prompter, runs, screen } = run({ credentialKind: 'secret', clientSecret: IDS.secret, to: ENTER }, [reportSent], { credential: null, certificatePath: path });
    const result = await outcome;
    expect(result).toMatchObject({ kind: 'next', answers: { certificatePath: '' } });
    expect(screen.text).toContain(`certificate file: ${path}: no such file`);
    expect(prompter.asked.find((q) => q.name === 'credentialKind')).toMatchObject({ default: 'certificate' });
    expect(secretOf(runs[0]!).reveal()).toBe(IDS.secret);
  });

  it('change a value → the credential: a certificate replaces the secret for the next run', async () => {
    const path = join(scratchDir('test-mail-switch'), 'sender.pem');
    const made = createSelfSignedCertificate({ commonName: 'switch', validDays: 30 });
    writeFileSync(path, made.privateKeyPem + made.certificatePem, { mode: 0o600 });
    const { outcome, runs, remembered } = run(
      { to: ENTER, testFailure: 'change', changeField: 'credential', credentialKind: 'certificate', certificatePath: path },
      [reportSecretRefused, reportSent],
    );
    expect((await outcome).kind).toBe('next');
    expect(runs.map((r) => r.credential.kind)).toEqual(['secret', 'certificate']);
    expect(remembered).toContainEqual({ certificatePath: path, secretExpires: '' });
  });
});

afterAll(() => removeScratchDirs());
