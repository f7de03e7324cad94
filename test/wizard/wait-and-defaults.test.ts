import { describe, expect, it } from 'vitest';
import { buildCheckPlan } from '../../src/check/plan.js';
import type { CheckReport } from '../../src/check/run.js';
import { Secret } from '../../src/inputs/secret.js';
import { acceptingDefaults } from '../../src/wizard/accept-defaults.js';
import { checkInputsOf } from '../../src/wizard/context.js';
import { describeWait, waitAndRetry, waitingMayHelp } from '../../src/wizard/wait-retry.js';
import { resolveCheckInputs } from '../../src/inputs/check-inputs.js';
import { loadLanguage, msg, render } from '../../src/messages/index.js';
import { fakeClock, recordingScreen, scriptedPrompter } from '../support/wizard.js';
import { IDS, reportSecretRefused, reportSent, reportServicePrincipalMissing } from './fixtures.js';

const inputs = checkInputsOf({ tenantId: IDS.tenantId, clientId: IDS.clientId, mailbox: 'a@contoso.com', to: 'b@contoso.com' }, { kind: 'secret', secret: new Secret(IDS.secret, 'prompt') });
const d = (step: 1 | 2 | 3 | 4 | null, transient: boolean, propagation: boolean): CheckReport['diagnosis'] => ({
  code: 'x',
  step,
  transient,
  propagation,
  summary: '',
  fix: '',
  source: null,
  learnMore: null,
  problems: null,
});

describe('waitingMayHelp: what time can fix', () => {
  it.each<[string, CheckReport['diagnosis'], boolean]>([
    ['success', null, false],
    ['a temporary failure', d(null, true, false), true],
    ['step 2 (service principal, propagation)', d(2, false, true), true],
    ['step 3 reported as permanent until Exchange applies Set-CASMailbox (propagation)', d(3, false, true), true],
    ['a token without roles right after consent (step 1, propagation)', d(1, false, true), true],
    ['a step 2 or 3 failure the catalog does not mark: the step alone never decides', d(3, false, false), false],
    ['a wrong secret (step 1)', d(1, false, false), false],
    ['a wrong setting of the sending application (step 4)', d(4, false, false), false],
  ])('%s → %s', (_name, diagnosis, expected) => {
    expect(waitingMayHelp(diagnosis)).toBe(expected);
  });

  it('describes the plan as how often and how long in all (the language\'s durations)', async () => {
    expect(describeWait({ intervalMs: 5 * 60_000, attempts: 12 })).toEqual(msg('wizard.wait.plan', { intervalMs: 300_000, totalMs: 3_600_000 }));
    const [en, de] = await Promise.all([loadLanguage('en'), loadLanguage('de')]);
    const words = (plan: { intervalMs: number; attempts: number }) => [en.render(describeWait(plan)), de.render(describeWait(plan))];
    expect(words({ intervalMs: 5 * 60_000, attempts: 12 })).toEqual(['every 5 min for up to 1 hr', 'alle 5\u00a0Min., bis zu 1\u00a0Std. lang']);
    expect(words({ intervalMs: 60_000, attempts: 4 })).toEqual(['every minute for up to 4 min', 'jede Minute, bis zu 4\u00a0Min. lang']);
    expect(words({ intervalMs: 10_000, attempts: 3 })).toEqual(['every 10 sec for up to 30 sec', 'alle 10\u00a0Sek., bis zu 30\u00a0Sek. lang']);
    expect(words({ intervalMs: 30 * 60_000, attempts: 5 })).toEqual(['every 30 min for up to 2 hr 30 min', 'alle 30\u00a0Min., bis zu 2\u00a0Std. 30\u00a0Min. lang']);
  });
});

describe('waitAndRetry', () => {
  it('stops early on a failure waiting cannot fix', async () => {
    const replies = [reportServicePrincipalMissing(inputs), reportSecretRefused(inputs), reportSent(inputs)];
    let runs = 0;
    const screen = recordingScreen();
    const last = await waitAndRetry(async () => (runs++, replies.shift()!), { clock: fakeClock(), screen }, { intervalMs: 2000, attempts: 5 });
    expect(runs).toBe(2);
    expect(last.diagnosis?.code).toBe('client-secret-invalid');
    // The first failure, one waiting may fix, is said with its code before the next attempt.
    expect(screen.paramsOf('wizard.wait.still-failing')).toEqual([{ attempt: 1, attempts: 5, code: reportServicePrincipalMissing(inputs).diagnosis!.code }]);
  });

  it('counts down in whole seconds', async () => {
    const screen = recordingScreen();
    await waitAndRetry(async () => reportSent(inputs), { clock: fakeClock(), screen }, { intervalMs: 3000, attempts: 2 });
    expect(screen.statuses.map((s) => s.id)).toEqual(['wizard.wait.countdown', 'wizard.wait.countdown', 'wizard.wait.countdown']);
    expect(screen.statuses.map((s) => (s.params as unknown as { secondsLeft: number }).secondsLeft)).toEqual([3, 2, 1]);
    expect(render(screen.statuses[0]!)).toContain('Attempt 1 of 2 in 0:03');
  });
});

describe('--yes: accept the defaults that are safe', () => {
  it('takes valid defaults and confirmations, asks for what has none, and always asks after a failure', async () => {
    const inner = scriptedPrompter({ tenantId: 'asked@contoso.com', clientSecret: IDS.secret, testFailure: 'stop' });
    const screen = recordingScreen();
    const yes = acceptingDefaults(inner, screen);
    expect(await yes.input({ name: 'mailbox', message: msg('input.question.mailbox'), default: 'a@contoso.com', validate: () => true })).toBe('a@contoso.com');
    // An invalid default is not taken.
    expect(await yes.input({ name: 'tenantId', message: msg('input.question.tenant-id'), default: 'bad', validate: (v) => (v === 'bad' ? msg('input.tenant.invalid', {}) : true) })).toBe('asked@contoso.com');
    expect(await yes.password({ name: 'clientSecret', message: msg('input.question.client-secret') })).toBe(IDS.secret);
    // Optional (no answer is valid): skipped.
    expect(await yes.input({ name: 'senderName', message: msg('wizard.ask.sender-name'), validate: (v) => v === '' || v.length < 5 || msg('input.empty', {}) })).toBe('');
    expect(await yes.confirm({ name: 'writeEnv', message: msg('wizard.ask.save-settings'), default: false })).toBe(false);
    expect(await yes.select({ name: 'next', message: msg('wizard.ask.continue-when-run'), default: 'continue', choices: [{ value: 'continue', name: msg('wizard.ask.continue-when-run') }, { value: 'stop', name: msg('wizard.choice.stop') }] })).toBe('continue');
    expect(
      await yes.select({ name: 'testFailure', message: msg('wizard.ask.what-now'), default: 'retry', askAlways: true, choices: [{ value: 'retry', name: msg('wizard.ask.what-now') }, { value: 'stop', name: msg('wizard.choice.stop') }] }),
    ).toBe('stop');
    expect(inner.asked.map((q) => q.name)).toEqual(['tenantId', 'clientSecret', 'testFailure']);
    expect(screen.shown.map(({ block }) => block)).toContainEqual({ kind: 'answered', question: msg('input.question.mailbox'), answer: 'a@contoso.com', from: 'yes' });
    expect(screen.text).toContain(`✔ ${render(msg('input.question.mailbox'))} a@contoso.com (--yes)`);
    expect(screen.text).toContain(`✔ ${render(msg('wizard.ask.save-settings'))} No (--yes)`);
    expect(screen.text).toContain(`✔ ${render(msg('wizard.ask.sender-name'))} (skipped) (--yes)`);
  });

});

describe('checkInputsOf: the wizard runs what check would run', () => {
  it('gives the same inputs as resolveCheckInputs for the same values', async () => {
    const values = { cloud: 'usgov', tenantId: IDS.tenantId, clientId: IDS.clientId, mailbox: 'a@contoso.com', to: 'b@contoso.com', smtpPort: '2525', secretExpires: '2027-05-31' };
    const { inputs: fromCheck } = await resolveCheckInputs({ flags: values, env: { AZURE_CLIENT_SECRET: IDS.secret }, prompter: null });
    const fromWizard = checkInputsOf(values, { kind: 'secret', secret: new Secret(IDS.secret, 'prompt') });
    const { credential: _a, waitSeconds: _w, warnDays: _d, ...check } = fromCheck;
    const { credential: _b, ...wizard } = fromWizard;
    expect(wizard).toEqual(check);
    expect(buildCheckPlan(fromWizard).smtp).toEqual(buildCheckPlan(fromCheck).smtp);
  });
});
