import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TokenCheck, TokenCheckInputs } from '../../../src/check/run.js';
import type { Credential } from '../../../src/inputs/credential.js';
import { Secret } from '../../../src/inputs/secret.js';
import type { DemoHooks } from '../../../src/wizard/context.js';
import { SECRET_ID_PASTED } from '../../../src/wizard/ask.js';
import { appRegistrationsUrl, entraAppStep } from '../../../src/wizard/steps/entra-app.js';
import { type Answer, ENTER, recordingScreen, removeScratchDirs, scratchDir, scriptedPrompter } from '../../support/wizard.js';
import { IDS, tokenRefusedSecret, tokenUsable, tokenWithoutRole } from '../fixtures.js';
import { secretOf } from '../../support/credential.js';
import { msg, render } from '../../../src/messages/index.js';
import { vocabularyEn } from '../../../src/messages/vocabulary/en.js';

/** Step 1 with a fake token stage that answers from a list and records what it was asked. */
function run(
  answers: Record<string, Answer | Answer[]>,
  tokens: TokenCheck[],
  options: { credential?: Credential; prefill?: Record<string, string>; workDir?: string; demo?: DemoHooks } = {},
) {
  const prompter = scriptedPrompter(answers);
  const screen = recordingScreen();
  const requests: TokenCheckInputs[] = [];
  const remembered: Array<Record<string, unknown>> = [];
  const outcome = entraAppStep(
    { answers: { ...options.prefill }, credential: options.credential ?? null, workDir: options.workDir ?? scratchDir('entra-app') },
    {
      prompter,
      screen,
      pipeline: {
        async checkToken(inputs) {
          requests.push(inputs);
          const next = tokens.shift();
          if (!next) throw new Error('no more token results');
          return next;
        },
      },
      remember: async (patch) => void remembered.push(patch),
      ...(options.demo && { demo: options.demo }),
    },
  );
  return { outcome, prompter, screen, requests, remembered };
}

afterAll(() => removeScratchDirs());

const typed = { tenantId: IDS.tenantId, clientId: IDS.clientId, credentialKind: ENTER, clientSecret: IDS.secret, secretExpires: '2027-05-31' } as const;

describe('step 1: Entra ID app', () => {
  it('shows the portal checklist in the portal\'s words, asks the three values, and shows the claims', async () => {
    const { outcome, screen, requests, remembered } = run(typed, [tokenUsable()]);
    const result = await outcome;
    expect(result).toMatchObject({
      kind: 'next',
      answers: { tenantId: IDS.tenantId, clientId: IDS.clientId, secretExpires: '2027-05-31' },
      token: { servicePrincipalObjectId: IDS.servicePrincipalObjectId, tenantGuid: IDS.tenantId, appDisplayName: 'SMTP sender' },
    });
    // The checklist: the heading of step 1, the portal's address, then the five places in order.
    expect(screen.shown[0]!.block).toEqual({ kind: 'heading', step: 1 });
    expect(screen.paramsOf('wizard.entra.where')).toEqual([{ url: appRegistrationsUrl('https://entra.microsoft.com') }]);
    const checklist = screen.shown.map(({ block }) => block).find((block) => block.kind === 'numbered');
    expect(checklist).toEqual({
      kind: 'numbered',
      items: [
        msg('wizard.entra.register'),
        msg('wizard.entra.permission', { role: 'SMTP.SendAsApp' }),
        msg('wizard.entra.consent', { role: 'SMTP.SendAsApp' }),
        msg('wizard.entra.credential'),
        msg('wizard.entra.overview'),
      ],
    });
    // The claims that decide: the role is there (a good sign), the oid is the one step 2 uses.
    const claims = screen.shown.map(({ block }) => block).find((block) => block.kind === 'facts');
    expect(claims).toMatchObject({
      rows: expect.arrayContaining([
        { label: 'roles', value: 'SMTP.SendAsApp', note: '✔', tone: 'good' },
        { label: 'oid', value: IDS.servicePrincipalObjectId, note: msg('check.claims.oid-note'), tone: 'dim' },
      ]),
    });
    expect(screen.ids()).toContain('wizard.entra.done');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ tenantId: IDS.tenantId, clientId: IDS.clientId, authorityHost: 'https://login.microsoftonline.com', timeoutSeconds: 20, proxy: null });
    expect(secretOf(requests[0]!).reveal()).toBe(IDS.secret);
    // Saved as given, the secret never among them.
    expect(remembered).toEqual([{ tenantId: IDS.tenantId }, { clientId: IDS.clientId }, { secretExpires: '2027-05-31' }]);
    expect(JSON.stringify(remembered)).not.toContain(IDS.secret);
    expect(screen.text).not.toContain(IDS.secret);
  });

  it('validates each answer on entry with the shared schemas, and refuses the Secret ID as the secret', async () => {
    const { outcome, prompter } = run(
      {
        tenantId: ['common', 'not a tenant', IDS.tenantId],
        clientId: ['12345', IDS.clientId],
        credentialKind: ENTER,
        clientSecret: [IDS.secretId, 'with space', IDS.secret],
        secretExpires: ['31.05.2027', '2027-02-30', ENTER],
      },
      [tokenUsable()],
    );
    expect((await outcome).kind).toBe('next');
    const reasons = Object.fromEntries(['tenantId', 'clientId', 'clientSecret', 'secretExpires'].map((name) => [name, prompter.rejected.filter((r) => r.name === name).map((r) => render(r.reason))]));
    expect(reasons.tenantId![0]).toContain("'common' is not a tenant");
    expect(reasons.tenantId![1]).toContain('tenant ID (a GUID');
    expect(reasons.clientId![0]).toContain('Application (client) ID');
    expect(reasons.clientSecret).toEqual([render(SECRET_ID_PASTED), expect.stringContaining('white space')]);
    expect(reasons.secretExpires).toHaveLength(2);
    // The secret prompt is masked: it went through password(), and the Secret ID message names the Value column.
    expect(SECRET_ID_PASTED).toEqual(msg('wizard.secret.secret-id-pasted'));
    expect(render(SECRET_ID_PASTED)).toContain(`copy the ${vocabularyEn.valueColumn}`);
    expect(prompter.asked.find((q) => q.name === 'clientSecret')?.message).toEqual(msg('input.question.client-secret'));
  });

  it('without SMTP.SendAsApp: explains admin consent, and a retry gets a fresh token', async () => {
    const { outcome, screen, requests, prompter } = run({ ...typed, tokenFailure: 'retry' }, [tokenWithoutRole(), tokenUsable()]);
    const result = await outcome;
    expect(result.kind).toBe('next');
    // check's diagnosis, then why consent matters and that a fresh token follows.
    const blocks = screen.shown.map(({ block }) => block);
    expect(blocks).toContainEqual({ kind: 'diagnosis', diagnosis: tokenWithoutRole().diagnosis });
    expect(screen.paramsOf('wizard.entra.consent-explained')).toEqual([{ role: 'SMTP.SendAsApp' }]);
    expect(screen.text).toContain('no SMTP.SendAsApp role');
    expect(prompter.asked.find((q) => q.name === 'tokenFailure')).toMatchObject({ message: msg('wizard.ask.what-now') });
    expect(requests).toHaveLength(2);
    const menu = prompter.asked.find((q) => q.name === 'tokenFailure');
    expect(menu).toMatchObject({ default: 'retry' });
  });

  it('after a refused secret, offers to change it first, and uses the new one', async () => {
    const { outcome, requests, prompter } = run(
      { ...typed, clientSecret: [IDS.secret, 'Xyz8Q~another.secret.value-9876543210'], tokenFailure: 'change', changeField: ENTER, secretExpires: [ENTER, ENTER] },
      [tokenRefusedSecret(), tokenUsable()],
    );
    expect((await outcome).kind).toBe('next');
    expect(prompter.asked.find((q) => q.name === 'changeField')).toMatchObject({ default: 'credential' });
    // The second time the menu does not offer the refused secret as "the given one": it was typed.
    expect(prompter.asked.filter((q) => q.name === 'credentialKind')).toEqual([expect.objectContaining({ default: 'secret' }), expect.objectContaining({ default: 'secret' })]);
    expect(requests.map((r) => secretOf(r).reveal())).toEqual([IDS.secret, 'Xyz8Q~another.secret.value-9876543210']);
  });

  it('warns at once about a secret past or near its expiry date', async () => {
    const past = run({ ...typed, secretExpires: '2020-01-31' }, [tokenUsable()]);
    expect((await past.outcome).kind).toBe('next');
    expect(past.screen.paramsOf('wizard.entra.secret-expired')).toEqual([{ date: '2020-01-31' }]);
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const near = run({ ...typed, secretExpires: soon }, [tokenUsable()]);
    await near.outcome;
    expect(near.screen.text).toContain(`The client secret expires on ${soon}`);
    const far = run({ ...typed, secretExpires: new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10) }, [tokenUsable()]);
    await far.outcome;
    expect(far.screen.text).not.toContain('expires on');
    expect(far.screen.shown.filter(({ block }) => block.kind === 'warning')).toEqual([]);
  });

  it('stop returns the failure\'s exit code (3 for a token problem)', async () => {
    const { outcome } = run({ ...typed, tokenFailure: 'stop' }, [tokenWithoutRole()]);
    expect(await outcome).toEqual({ kind: 'stop', exitCode: 3 });
  });

  it('a secret given beforehand is the default of the credential menu (Enter keeps it), never shown', async () => {
    const { outcome, prompter, screen, requests } = run(
      { tenantId: ENTER, clientId: ENTER, credentialKind: ENTER, secretExpires: ENTER },
      [tokenUsable()],
      { credential: { kind: 'secret', secret: new Secret(IDS.secret, 'AZURE_CLIENT_SECRET') }, prefill: { tenantId: IDS.tenantId, clientId: IDS.clientId } },
    );
    expect(await outcome).toMatchObject({ kind: 'next', answers: { tenantId: IDS.tenantId, clientId: IDS.clientId } });
    expect(prompter.asked.map((q) => q.name)).toEqual(['tenantId', 'clientId', 'credentialKind', 'secretExpires']);
    expect(prompter.asked[2]).toMatchObject({ default: 'given' });
    expect(secretOf(requests[0]!).source).toBe('AZURE_CLIENT_SECRET');
    expect(screen.text).not.toContain(IDS.secret);
  });

  it('a new certificate: the token is requested with it, its file is remembered, no secret expiry is asked', async () => {
    const workDir = scratchDir('entra-app-cert');
    const { outcome, prompter, requests, remembered, screen } = run(
      { tenantId: IDS.tenantId, clientId: IDS.clientId, credentialKind: 'new-certificate', certificateValidity: ENTER, certificatePath: ENTER, certificateUploadPath: ENTER, certificateUploaded: 'uploaded' },
      [tokenUsable()],
      { workDir, prefill: { secretExpires: '2027-05-31' } },
    );
    const result = await outcome;
    const pem = join(workDir, 'smtp-oauth-sender.pem');
    expect(result).toMatchObject({ kind: 'next', answers: { certificatePath: pem, secretExpires: '' }, credential: { kind: 'certificate', certificate: { path: pem } } });
    expect(prompter.asked.map((q) => q.name)).not.toContain('secretExpires');
    expect(requests[0]!.credential).toMatchObject({ kind: 'certificate', certificate: { path: pem } });
    expect(remembered).toContainEqual({ certificatePath: pem, secretExpires: '' });
    expect(screen.text).toContain('Certificates & secrets → Certificates → Upload certificate');
  });

  it('a new certificate not uploaded yet: stop remembers its file, exit 0', async () => {
    const workDir = scratchDir('entra-app-stop');
    const { outcome, requests, remembered } = run(
      { tenantId: IDS.tenantId, clientId: IDS.clientId, credentialKind: 'new-certificate', certificateValidity: ENTER, certificatePath: ENTER, certificateUploadPath: ENTER, certificateUploaded: 'stop' },
      [],
      { workDir },
    );
    expect(await outcome).toEqual({ kind: 'stop', exitCode: 0 });
    expect(requests).toHaveLength(0);
    expect(remembered).toContainEqual({ certificatePath: join(workDir, 'smtp-oauth-sender.pem'), secretExpires: '' });
  });
});
