import type { CheckReport } from '../../check/run.js';
import type { Credential } from '../../inputs/credential.js';
import type { Prompter } from '../../inputs/prompter.js';
import { addressSchema, clientIdSchema, secretExpiresSchema, tenantIdSchema } from '../../inputs/schemas.js';
import { askText } from '../ask.js';
import { checkInputsOf, type Clock, type DemoHooks, type Pipeline, type Screen, type WizardAnswers } from '../context.js';
import { chooseCredential, credentialAgain, credentialAnswers, type CredentialOutcome } from '../credential.js';
import { heading } from '../show.js';
import { DEFAULT_WAIT, describeWait, type WaitPlan, waitAndRetry, waitingMayHelp } from '../wait-retry.js';

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
  const c = screen.color;
  const answers: WizardAnswers = { ...input.answers };
  const plan = input.wait ?? DEFAULT_WAIT;

  screen.say(
    [
      heading(c, 4),
      'A real test: a fresh token, its claims, STARTTLS and XOAUTH2 login to Exchange Online, and a short',
      'message that says what it is.',
      '',
    ].join('\n'),
  );
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
    message: 'Send the test message to',
    schema: addressSchema,
    default: answers.to || answers.from || answers.mailbox,
  });
  await deps.remember({ to: answers.to });

  const runOnce = async (): Promise<CheckReport> => {
    const inputs = checkInputsOf(answers, credential);
    screen.say(`\nTesting with a fresh token and a message to ${inputs.to ?? ''}:`);
    return deps.pipeline.runCheck(inputs, screen.progress());
  };
  const repair = () => {
    const note = deps.demo?.repairTenant();
    if (note) screen.say(c.yellow(note));
  };

  let report = await runOnce();
  for (;;) {
    if (report.ok) {
      screen.say(
        [
          '',
          `${c.green.bold('✔ Step 4 done:')} Exchange accepted the test message. Look for it in the inbox of ${answers.to}.`,
          ...(report.smtp.response ? [c.dim(`  Server reply: ${report.smtp.response}`)] : []),
          ...(report.smtp.tlsVersion ? [c.dim(`  Connection: ${report.smtp.tlsVersion}`)] : []),
        ].join('\n'),
      );
      return { kind: 'next', answers, credential, report };
    }
    screen.report(report);
    const waitHelps = waitingMayHelp(report.diagnosis);
    const choice = await prompter.select({
      name: 'testFailure',
      message: 'What now?',
      askAlways: true,
      default: waitHelps ? 'wait' : 'retry',
      choices: [
        { value: 'retry', name: 'Retry now', description: 'after fixing what the diagnosis says' },
        {
          value: 'wait',
          name: `Wait and retry ${describeWait(plan)}`,
          description: 'changes of steps 2 and 3 take 15–30 minutes to apply; a new mailbox up to a day',
        },
        { value: 'change', name: 'Change a value' },
        { value: 'stop', name: 'Stop here (answers are saved; run again to continue)' },
      ],
    });
    if (choice === 'stop') return { kind: 'stop', exitCode: report.exitCode };
    if (choice === 'retry') {
      repair();
      report = await runOnce();
      continue;
    }
    if (choice === 'wait') {
      screen.say(c.dim(`\nWaiting, then retrying ${describeWait(plan)}; it stops early on success or on a failure waiting cannot fix.`));
      report = await waitAndRetry(runOnce, { clock: deps.clock, screen, beforeAttempt: repair }, plan);
      continue;
    }
    const field = await prompter.select<Changeable>({
      name: 'changeField',
      message: 'Which value?',
      choices: [
        { value: 'tenantId', name: `Tenant ID (${answers.tenantId})` },
        { value: 'clientId', name: `Client ID (${answers.clientId})` },
        { value: 'credential', name: 'Client secret or certificate' },
        ...(credential.kind === 'secret' ? [{ value: 'secretExpires' as const, name: `Secret expiry date (${answers.secretExpires || 'not given'})` }] : []),
        { value: 'mailbox', name: `Mailbox (${answers.mailbox})` },
        { value: 'from', name: `Sender address (${answers.from || answers.mailbox})` },
        { value: 'to', name: `Test recipient (${answers.to})` },
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

const CHANGE_QUESTIONS: Record<Exclude<Changeable, 'credential'>, string> = {
  tenantId: 'Directory (tenant) ID, or a verified domain',
  clientId: 'Application (client) ID',
  secretExpires: 'When does the secret expire? (e.g. 2027-05-31; empty if unknown)',
  mailbox: 'Mailbox to send from (the user name of the SMTP login)',
  from: 'Sender address (From)',
  to: 'Send the test message to',
};
