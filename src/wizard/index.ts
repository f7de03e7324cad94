import { describeWriteError } from '../fs/write-file.js';
import type { SavedConfig } from '../config/store.js';
import { CancelledError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { Prompter } from '../inputs/prompter.js';
import { msg } from '../messages/index.js';
import type { StepId, WizardAnswers, WizardServices, WizardState } from './context.js';
import { credentialAgain, credentialAnswers } from './credential.js';
import { beforeStart } from './steps/before-start.js';
import { entraAppStep } from './steps/entra-app.js';
import { finishStep } from './steps/finish.js';
import { servicePrincipalStep } from './steps/service-principal.js';
import { smtpAuthStep } from './steps/smtp-auth.js';
import { testMailStep } from './steps/test-mail.js';

/**
 * The setup wizard: the steps in the order they must happen, and the runner that walks them, saves
 * the answers after each one (and after each answer), resumes where a previous run stopped, and
 * turns Ctrl-C into "saved; run again to continue" (exit 130).
 */

type StepResult = { kind: 'next' } | { kind: 'stop'; exitCode: number };

export interface WizardStep {
  /** Also how the step is named when the walk stops or resumes there (the messages name each id). */
  id: StepId;
  run(state: WizardState, services: WizardServices, save: () => Promise<void>): Promise<StepResult>;
}

const NEXT: StepResult = { kind: 'next' };

/** Each step receives only its fields; what it returns is merged into the state here. */
export const WIZARD_STEPS: readonly WizardStep[] = [
  {
    id: 'before-start',
    async run(_state, services) {
      const outcome = await beforeStart({ progressFile: services.store.path, sandbox: services.demo !== undefined }, services);
      return outcome.kind === 'stop' ? { kind: 'stop', exitCode: ExitCode.ok } : NEXT;
    },
  },
  {
    id: 'entra-app',
    async run(state, services, save) {
      const { cloud, tenantId, clientId, certificatePath, secretExpires, authorityHost, timeout, proxy } = state.answers;
      const outcome = await entraAppStep(
        {
          answers: { cloud, tenantId, clientId, certificatePath, secretExpires, authorityHost, timeout, proxy },
          credential: state.credential,
          workDir: services.workDir,
        },
        { ...services, remember: rememberer(state, save), ...(services.demo && { demo: services.demo }) },
      );
      if (outcome.kind === 'stop') return outcome;
      Object.assign(state.answers, outcome.answers);
      state.credential = outcome.credential;
      state.token = outcome.token;
      return NEXT;
    },
  },
  {
    id: 'service-principal',
    async run(state, services, save) {
      if (!state.token) throw new Error('step 2 needs the token facts of step 1');
      const { cloud, tenantId, clientId, mailbox, from, senderName } = state.answers;
      const outcome = await servicePrincipalStep(
        { answers: { cloud, tenantId, clientId, mailbox, from, senderName }, token: state.token, workDir: services.workDir },
        { ...services, remember: rememberer(state, save) },
      );
      if (outcome.kind === 'stop') return { kind: 'stop', exitCode: ExitCode.ok };
      Object.assign(state.answers, outcome.answers);
      state.scriptPath = outcome.scriptPath;
      return NEXT;
    },
  },
  {
    id: 'smtp-auth',
    async run(state, services) {
      if (!state.answers.mailbox) throw new Error('step 3 needs the mailbox of step 2');
      const outcome = await smtpAuthStep({ mailbox: state.answers.mailbox, scriptPath: state.scriptPath }, services);
      return outcome.kind === 'stop' ? { kind: 'stop', exitCode: ExitCode.ok } : NEXT;
    },
  },
  {
    id: 'test-mail',
    async run(state, services, save) {
      const outcome = await testMailStep(
        { answers: { ...state.answers }, credential: state.credential, workDir: services.workDir, ...(services.wait && { wait: services.wait }) },
        { ...services, remember: rememberer(state, save), ...(services.demo && { demo: services.demo }) },
      );
      if (outcome.kind === 'stop') return outcome;
      Object.assign(state.answers, outcome.answers);
      state.credential = outcome.credential;
      return NEXT;
    },
  },
  {
    id: 'finish',
    async run(state, services) {
      if (!state.credential) {
        const again = await credentialAgain(
          { clientId: state.answers.clientId ?? '', certificatePath: state.answers.certificatePath, workDir: services.workDir },
          services,
        );
        Object.assign(state.answers, credentialAnswers(again, state.answers));
        if (again.kind === 'stop') return { kind: 'stop', exitCode: ExitCode.ok };
        state.credential = again.credential;
      }
      const outcome = await finishStep(
        { answers: state.answers, credential: state.credential, workDir: services.workDir, configPath: services.store.path, sandbox: services.demo !== undefined, ...(services.platform && { shell: services.platform.shell, os: services.platform.os }) },
        services,
      );
      state.saveSecret = state.saveSecret || outcome.saveSecret;
      return NEXT;
    },
  },
];

function rememberer(state: WizardState, save: () => Promise<void>) {
  return async (patch: Partial<WizardAnswers>) => {
    Object.assign(state.answers, patch);
    await save();
  };
}

/**
 * Walks the steps not yet completed. Returns the exit code: 0 when the walk ends or the user stops
 * before a test, the test's exit code when the user stops after a failed one. Ctrl-C anywhere saves
 * and throws a one-line CancelledError (exit 130; 143 for SIGTERM, 129 for SIGHUP).
 */
export async function runWizard(state: WizardState, services: WizardServices): Promise<number> {
  const save = saver(state, services);
  for (const step of WIZARD_STEPS) {
    if (state.completed.includes(step.id)) continue;
    let result: StepResult;
    try {
      result = await step.run(state, services, save);
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      services.screen.clearStatus();
      await save();
      throw new CancelledError(stoppedAt(step, services), error.signal);
    }
    if (result.kind === 'stop') {
      await save();
      services.screen.show({ kind: 'paragraph', text: stoppedAt(step, services) });
      return result.exitCode;
    }
    state.completed.push(step.id);
    await save();
  }
  return ExitCode.ok;
}

function stoppedAt(step: WizardStep, services: WizardServices) {
  return services.store.path ? msg('wizard.stopped.saved', { at: step.id, path: services.store.path }) : msg('wizard.stopped.not-saved', { at: step.id });
}

/** Saves after every answer and step; a failed save is reported once and the walk goes on. */
function saver(state: WizardState, services: WizardServices): () => Promise<void> {
  let warned = false;
  return async () => {
    try {
      await services.store.save(
        {
          answers: state.answers,
          ...(state.token && { token: state.token }),
          wizard: {
            completed: [...state.completed],
            finished: state.completed.includes('finish'),
            ...(state.scriptPath && { scriptPath: state.scriptPath }),
          },
        },
        { secret: state.saveSecret && state.credential?.kind === 'secret' ? state.credential.secret : null },
      );
    } catch (error) {
      if (warned) return;
      warned = true;
      services.screen.show({ kind: 'warning', text: msg('wizard.not-saving', { reason: describeWriteError(services.store.path ?? '', error) }) });
    }
  };
}

/** The state a run starts from: saved answers overridden by the ones given now (flags, environment). */
export function initialState(saved: SavedConfig | null, given: WizardAnswers, credential: WizardState['credential']): WizardState {
  const answers: WizardAnswers = { ...saved?.answers };
  for (const [key, value] of Object.entries(given) as Array<[keyof WizardAnswers, string | undefined]>) {
    if (value !== undefined && value !== '') answers[key] = value;
  }
  return {
    answers,
    credential,
    // A secret saved on request stays saved; one given now (flag, environment) is not written.
    saveSecret:
      (saved?.clientSecret !== undefined || saved?.clientSecretRef !== undefined) && credential?.kind === 'secret' && credential.secret.source === 'saved configuration',
    token: null,
    completed: [],
    scriptPath: saved?.wizard?.scriptPath ?? null,
  };
}

const STEP_ORDER: readonly StepId[] = WIZARD_STEPS.map((step) => step.id);

/**
 * Offers to continue an unfinished walk where it stopped. Completed steps are kept only as far as
 * what they produced is known (step 2 needs the token's object id from step 1).
 */
export async function offerResume(state: WizardState, saved: SavedConfig | null, deps: { prompter: Prompter }): Promise<void> {
  const done = (saved?.wizard?.completed ?? []).filter((id): id is StepId => (STEP_ORDER as readonly string[]).includes(id));
  if (!saved?.wizard || saved.wizard.finished || done.length === 0) return;
  const firstOpen = STEP_ORDER.findIndex((id) => !done.includes(id));
  if (firstOpen === -1) return;
  let keep = STEP_ORDER.slice(0, firstOpen);
  if (!saved.token) keep = keep.filter((id) => id === 'before-start');
  const next = WIZARD_STEPS.find((step) => !keep.includes(step.id));
  if (!next || keep.length === 0) return;
  const resume = await deps.prompter.confirm({ name: 'resume', message: msg('wizard.ask.resume', { at: next.id }), default: true });
  if (!resume) return;
  state.completed = [...keep];
  state.token = saved.token ?? null;
}
