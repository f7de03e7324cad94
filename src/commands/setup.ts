import type { SetupOptions } from '../cli.js';
import {
  type ConfigStore,
  configDirectory,
  fileConfigStore,
  memoryConfigStore,
  type SavedConfig,
  savedCheckInputs,
  savedSecretReader,
  UnreadableConfigError,
} from '../config/store.js';
import { osSecretStore } from '../config/secret-store.js';
import { InputError } from '../errors.js';
import { givenCheckInputs, givenCredential } from '../inputs/check-inputs.js';
import { type Credential, credentialSecrets } from '../inputs/credential.js';
import { type CliIO, canPrompt } from '../io.js';
import { msg, render } from '../messages/index.js';
import type { Output } from '../output.js';
import { validateSecretValue } from '../wizard/ask.js';
import type { DemoHooks, WaitPlan, WizardAnswers, WizardState } from '../wizard/context.js';
import { initialState, offerResume, runWizard } from '../wizard/index.js';
import { listenForStop } from '../signals.js';
import { detectPlatform, type Platform } from '../platform.js';
import { type PromptStreams, promptText } from '../inputs/prompter.js';
import { terminalServices } from '../wizard/terminal.js';

export const NOT_A_TERMINAL = msg('wizard.setup.not-a-terminal');

/** The answers a flag or environment variable can prefill (the names `check` uses). */
const PREFILLED = ['cloud', 'tenantId', 'clientId', 'mailbox', 'from', 'to', 'authorityHost', 'smtpHost', 'smtpPort', 'timeout', 'proxy', 'secretExpires'] as const;

/**
 * `setup` (and no command at all): the interactive walk from an empty tenant to a working sender.
 * Flags and environment prefill answers; saved answers from an unfinished walk are offered back.
 */
export async function setupCommand(options: SetupOptions, io: CliIO, output: Output): Promise<number> {
  if (!canPrompt(io, options.input)) throw new InputError([NOT_A_TERMINAL]);
  if (options.clientSecretStdin || options.clientSecretFile === '-') throw new InputError([msg('wizard.setup.secret-from-stdin')]);
  const c = output.color;
  const warn = (text: string) => output.info(c.yellow(`! ${text}`));
  const platform = detectPlatform(io.env);
  const directory = configDirectory(io.env, platform.os);
  const secrets = osSecretStore();
  const store: ConfigStore = directory
    ? fileConfigStore(directory, { secrets, platform: platform.os, notice: warn })
    : memoryConfigStore();
  if (!directory) warn(render(noConfigDirectory(platform.os)));
  const saved = await loadSaved(store, output);

  const answers: WizardAnswers = {};
  const given = givenCheckInputs({ flags: options, env: io.env });
  for (const key of PREFILLED) {
    const found = given[key];
    if (!found) continue;
    if (found.problem) warn(render(msg('wizard.setup.given-refused', { origin: found.origin, problem: found.problem })));
    else answers[key] = found.value;
  }
  const givenCred = await givenCredential({
    flags: options,
    env: io.env,
    saved: savedCheckInputs(saved),
    savedSecret: savedSecretReader(saved, secrets),
    protect: (value) => output.redactor.protect(value),
  });
  for (const problem of givenCred.problems) warn(render(msg('wizard.setup.credential-refused', { problem })));
  // A certificate that needs its password (or was refused) is offered again in step 1 by its path.
  if (givenCred.certificatePath) answers.certificatePath = givenCred.certificatePath;
  let credential: Credential | null = givenCred.credential;
  if (credential) {
    for (const value of credentialSecrets(credential)) output.redactor.protect(value);
    const verdict = credential.kind === 'secret' ? validateSecretValue(credential.secret.reveal()) : true;
    if (verdict !== true && credential.kind === 'secret') {
      warn(render(msg('wizard.setup.secret-refused', { source: credential.secret.source, problem: promptText(verdict) })));
      credential = null;
    }
  }

  const state = initialState(saved, answers, credential);
  return walkWizard(state, saved, {
    output,
    terminal: io,
    store,
    yes: options.yes,
    presets: options.saveSecret ? { keepSecret: true } : {},
    workDir: process.cwd(),
    platform,
    automatic: async (way) => {
      const { automaticCommand } = await import('./automatic.js');
      const reporter = (await import('../report/reporter.js')).createReporter('human', output);
      return automaticCommand({ ...options, automatic: true, mailbox: way.mailbox, from: way.from }, io, output, reporter);
    },
  });
}

/** Why progress is not saved: the variable the config directory comes from is missing. */
export function noConfigDirectory(os: NodeJS.Platform) {
  return msg('wizard.setup.no-config-directory', { variable: os === 'win32' ? 'APPDATA' : 'HOME' });
}

async function loadSaved(store: ConfigStore, output: Output): Promise<SavedConfig | null> {
  try {
    return await store.load();
  } catch (error) {
    // A broken file must not block the walk that will replace it; an insecure one is refused (exit 2).
    if (!(error instanceof UnreadableConfigError)) throw error;
    output.info(output.color.yellow(`! ${render(msg('wizard.setup.unreadable-config', { problem: error.message }))}`));
    return null;
  }
}

/** The walk on a terminal, for `setup` and for `demo` (against the sandbox), until it ends or is stopped. */
export async function walkWizard(
  state: WizardState,
  saved: SavedConfig | null,
  options: {
    output: Output;
    terminal: PromptStreams;
    store: ConfigStore;
    yes: boolean;
    presets?: Readonly<Record<string, boolean>>;
    workDir: string;
    extraCaPem?: string;
    demo?: DemoHooks;
    wait?: WaitPlan;
    platform: Platform;
    /** The automatic setup, offered by the first question (absent: the guided walk only). */
    automatic?: (way: { mailbox: string; from: string }) => Promise<number>;
  },
): Promise<number> {
  const stop = listenForStop(options.platform);
  try {
    const services = await terminalServices({ ...options, signal: stop.signal });
    // The first question, unless a walk is under way (its resume question comes instead).
    const underWay = saved?.wizard !== undefined && !saved.wizard.finished && saved.wizard.completed.length > 0;
    if (options.automatic && !underWay) {
      const { chooseWay } = await import('../wizard/steps/choose-way.js');
      const way = await chooseWay(services, { ...(state.answers.mailbox && { mailbox: state.answers.mailbox }), ...(state.answers.from && { from: state.answers.from }) });
      if (way.kind === 'automatic') {
        stop.dispose();
        return await options.automatic(way);
      }
    }
    await offerResume(state, saved, services);
    return await runWizard(state, services);
  } finally {
    stop.dispose();
  }
}
