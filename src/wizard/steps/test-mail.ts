import type { CheckReport } from '../../check/run.js';
import type { Credential } from '../../inputs/credential.js';
import type { Prompter } from '../../inputs/prompter.js';
import { addressSchema, clientIdSchema, secretExpiresSchema, tenantIdSchema } from '../../inputs/schemas.js';
import { askText } from '../ask.js';
import { msg } from '../../messages/index.js';
import { checkInputsOf, type Clock, DEFAULT_WAIT, type DemoHooks, type Pipeline, type Screen, type WaitPlan, type WizardAnswers } from '../context.js';
import { chooseCredential, credentialAgain, credentialAnswers, type CredentialOutcome } from '../credential.js';
import { describeWait, waitAndRetry, waitingMayHelp } from '../wait-retry.js';

export interface TestMailInput {
  answers: WizardAnswers;
  /** Null after a resume: a secret is asked again (not saved unless asked), a certificate read from its file. */
  credential: Credential | null;
  wait?: WaitPlan;
  /** Where a new certificate's files go by default. */
  workDir: string;
}

export interface TestMailDeps {
  prompter: Prompter;
  screen: Screen;
  pipeline: Pick<Pipeline, 'runCheck'>;
  clock: Clock;
  remember(patch: Partial<WizardAnswers>): Promise<void>;
  demo?: DemoHooks;
}

export type TestMailOutcome =
  | { kind: 'next'; answers: WizardAnswers; credential: Credential; report: CheckReport }
  | { kind: 'stop'; exitCode: number };

type Changeable = 'tenantId' | 'clientId' | 'credential' | 'secretExpires' | 'mailbox' | 'from' | 'to';

/**
 * Step 4: the whole pipeline, exactly as `check --to` runs it, with live progress. On failure: the
 * diagnosis and its fix, then retry now, wait and retry (Exchange needs time after steps 2–3),
 * change a value, or stop with the answers saved.
 */
export async function testMailStep(input: TestMailInput, deps: TestMailDeps): Promise<TestMailOutcome> {
  const { prompter, screen } = deps;
  const answers: WizardAnswers = { ...input.answers };
  const plan = input.wait ?? DEFAULT_WAIT;

  screen.show({ kind: 'heading', step: 4 }, { kind: 'paragraph', text: msg('wizard.test.what') });
  const credentialDeps = { prompter, screen, ...(deps.demo && { demo: deps.demo }) };
  /** Takes a chosen credential; false when the admin stopped (a new certificate not uploaded yet). */
  const adopt = async (outcome: CredentialOutcome): Promise<boolean> => {
    const patch = credentialAnswers(outcome, answers);
    Object.assign(answers, patch);
    if (Object.keys(patch).length > 0) await deps.remember(patch);
    if (outcome.kind === 'stop') return false;
    credential = outcome.credential;
    return true;
  };
  let credential: Credential;
  if (input.credential) credential = input.credential;
  else {
    const again = await credentialAgain({ clientId: answers.clientId ?? '', certificatePath: answers.certificatePath, workDir: input.workDir }, credentialDeps);
    if (!(await adopt(again)) || again.kind === 'stop') return { kind: 'stop', exitCode: 0 };
    credential = again.credential;
  }
  answers.to = await askText(prompter, {
    name: 'to',
    message: msg('wizard.ask.to'),
    schema: addressSchema,
    default: answers.to || answers.from || answers.mailbox,
  });
  await deps.remember({ to: answers.to });

  const runOnce = async (): Promise<CheckReport> => {
    const inputs = checkInputsOf(answers, credential);
    screen.show({ kind: 'paragraph', text: msg('wizard.test.testing', { to: inputs.to ?? '' }) });
    return deps.pipeline.runCheck(inputs, screen.progress());
  };
  const repair = () => {
    const note = deps.demo?.repairTenant();
    if (note) screen.show({ kind: 'demo', text: note });
  };

  let report = await runOnce();
  for (;;) {
    if (report.ok) {
      screen.show(
        { kind: 'success', text: msg('wizard.test.done', { to: answers.to }) },
        ...(report.smtp.response ? [{ kind: 'note' as const, text: msg('wizard.test.server-reply', { reply: report.smtp.response }), indent: 2 }] : []),
        ...(report.smtp.tlsVersion ? [{ kind: 'note' as const, text: msg('wizard.test.connection', { tls: report.smtp.tlsVersion }), indent: 2 }] : []),
      );
      return { kind: 'next', answers, credential, report };
    }
    screen.show({ kind: 'report', report });
    const waitHelps = waitingMayHelp(report.diagnosis);
    const choice = await prompter.select({
      name: 'testFailure',
      message: msg('wizard.ask.what-now'),
      askAlways: true,
      default: waitHelps ? 'wait' : 'retry',
      choices: [
        { value: 'retry', name: msg('wizard.test.retry'), description: msg('wizard.test.retry-about') },
        { value: 'wait', name: msg('wizard.test.wait', describeWait(plan).params), description: msg('wizard.test.wait-about') },
        { value: 'change', name: msg('wizard.test.change') },
        { value: 'stop', name: msg('wizard.choice.stop') },
      ],
    });
    if (choice === 'stop') return { kind: 'stop', exitCode: report.exitCode };
    if (choice === 'retry') {
      repair();
      report = await runOnce();
      continue;
    }
    if (choice === 'wait') {
      screen.show({ kind: 'note', text: msg('wizard.test.waiting', describeWait(plan).params), gap: true });
      report = await waitAndRetry(runOnce, { clock: deps.clock, screen, beforeAttempt: repair }, plan);
      continue;
    }
    const field = await prompter.select<Changeable>({
      name: 'changeField',
      message: msg('wizard.ask.which-value'),
      choices: [
        { value: 'tenantId', name: msg('wizard.change.tenant-id', { value: answers.tenantId ?? '' }) },
        { value: 'clientId', name: msg('wizard.change.client-id', { value: answers.clientId ?? '' }) },
        { value: 'credential', name: msg('wizard.change.credential') },
        ...(credential.kind === 'secret' ? [{ value: 'secretExpires' as const, name: msg('wizard.change.secret-expires', { value: answers.secretExpires || undefined }) }] : []),
        { value: 'mailbox', name: msg('wizard.change.mailbox', { value: answers.mailbox ?? '' }) },
        { value: 'from', name: msg('wizard.change.from', { value: answers.from || answers.mailbox || '' }) },
        { value: 'to', name: msg('wizard.change.to', { value: answers.to ?? '' }) },
      ],
    });
    if (field === 'credential') {
      const chosen = await chooseCredential({ clientId: answers.clientId ?? '', given: null, certificatePath: answers.certificatePath, workDir: input.workDir }, credentialDeps);
      if (!(await adopt(chosen))) return { kind: 'stop', exitCode: report.exitCode };
    } else {
      const schema = field === 'tenantId' ? tenantIdSchema : field === 'clientId' ? clientIdSchema : field === 'secretExpires' ? secretExpiresSchema : addressSchema;
      answers[field] = await askText(prompter, {
        name: field,
        message: CHANGE_QUESTIONS[field],
        schema,
        default: answers[field],
        optional: field === 'secretExpires',
      });
      await deps.remember({ [field]: answers[field] });
    }
    report = await runOnce();
  }
}

/** The same questions as in steps 1, 2 and 4. */
const CHANGE_QUESTIONS = {
  tenantId: msg('input.question.tenant-id'),
  clientId: msg('input.question.client-id'),
  secretExpires: msg('wizard.ask.secret-expires'),
  mailbox: msg('input.question.mailbox'),
  from: msg('wizard.ask.from'),
  to: msg('wizard.ask.to'),
} as const;
