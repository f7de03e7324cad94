import type { Platform } from '../platform.js';
import { acquireAndCheckToken, runCheck } from '../check/run.js';
import type { ConfigStore } from '../config/store.js';
import { createTerminalPrompter } from '../inputs/prompter.js';
import type { Output } from '../output.js';
import { renderCheckReport } from '../report/human.js';
import { sleepUnlessStopped, unlessStopped } from '../signals.js';
import { createProgress } from '../report/progress.js';
import { acceptingDefaults } from './accept-defaults.js';
import type { Clock, DemoHooks, Screen, WizardServices } from './context.js';
import type { WaitPlan } from './wait-retry.js';
import { withPresetAnswers } from './preset-answers.js';

/**
 * The wizard's services on a real terminal: prompts from @inquirer/prompts on stderr, text through
 * the output's redactor, the real pipeline, the real clock. Ctrl-C outside a prompt (while a test or
 * a countdown runs) arrives as SIGINT and ends the walk the same way as Ctrl-C at a prompt; so do
 * SIGTERM and SIGHUP (the signal of src/signals.ts).
 */

export function terminalScreen(output: Output, signal?: AbortSignal): Screen {
  let statusShown = false;
  const clearStatus = () => {
    if (!statusShown) return;
    output.infoRaw('\r\x1b[2K');
    statusShown = false;
  };
  return {
    say(text) {
      clearStatus();
      output.info(text);
    },
    result(text) {
      clearStatus();
      output.result(text);
    },
    status(text) {
      // Redrawn in place on a terminal; the wizard only runs on one.
      output.infoRaw(`\r\x1b[2K${text}`);
      statusShown = true;
    },
    clearStatus,
    progress: () => createProgress(output, signal),
    report(report) {
      clearStatus();
      renderCheckReport(report, output);
    },
    color: output.color,
  };
}

/** The countdown's clock: sleeps end at once when a stop signal arrives (src/signals.ts). */
export function realClock(signal: AbortSignal): Clock {
  return {
    now: () => new Date(),
    sleep: (ms) => sleepUnlessStopped(ms, signal),
  };
}

export async function terminalServices(options: {
  output: Output;
  store: ConfigStore;
  workDir: string;
  signal: AbortSignal;
  yes: boolean;
  /** Answers given as flags, by question name (`--save-secret` → keepSecret). */
  presets?: Readonly<Record<string, boolean>>;
  extraCaPem?: string;
  demo?: DemoHooks;
  wait?: WaitPlan;
  platform?: Platform;
}): Promise<WizardServices> {
  const { output, signal } = options;
  const screen = terminalScreen(output, signal);
  const prompts = await createTerminalPrompter({ signal });
  const caPem = options.extraCaPem ? { extraCaPem: options.extraCaPem } : {};
  return {
    prompter: withPresetAnswers(options.yes ? acceptingDefaults(prompts, screen) : prompts, screen, options.presets ?? {}),
    screen,
    pipeline: {
      checkToken: (inputs, events) => unlessStopped(acquireAndCheckToken(inputs, { events, redactor: output.redactor, signal, ...caPem }), signal),
      runCheck: (inputs, events) => unlessStopped(runCheck(inputs, { events, redactor: output.redactor, signal, ...caPem }), signal),
    },
    clock: realClock(signal),
    store: options.store,
    workDir: options.workDir,
    ...(options.demo && { demo: options.demo }),
    ...(options.wait && { wait: options.wait }),
    ...(options.platform && { platform: options.platform }),
  };
}
