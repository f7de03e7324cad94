import type { Platform } from '../platform.js';
import { acquireAndCheckToken, runCheck } from '../check/run.js';
import type { ConfigStore } from '../config/store.js';
import { createTerminalPrompter, type PromptStreams } from '../inputs/prompter.js';
import { styled } from '../messages/emphasis.js';
import { render } from '../messages/index.js';
import type { Output } from '../output.js';
import { renderCheckReport, renderDiagnosis } from '../report/human.js';
import { sleepUnlessStopped, unlessStopped } from '../signals.js';
import { createProgress } from '../report/progress.js';
import { acceptingDefaults } from './accept-defaults.js';
import type { Clock, DemoHooks, Screen, WaitPlan, WizardServices } from './context.js';
import { withPresetAnswers } from './preset-answers.js';
import { type Block, type Look, renderBlocks } from './show.js';

/**
 * The wizard's services on a real terminal: prompts from @inquirer/prompts on stderr, text through
 * the output's redactor, the real pipeline, the real clock. Ctrl-C outside a prompt (while a test or
 * a countdown runs) arrives as SIGINT and ends the walk the same way as Ctrl-C at a prompt; so do
 * SIGTERM and SIGHUP (the signal of src/signals.ts).
 */

export function terminalScreen(output: Output, signal?: AbortSignal): Screen {
  const c = output.color;
  const look: Look = { color: c, diagnosis: renderDiagnosis };
  let statusShown = false;
  const clearStatus = () => {
    if (!statusShown) return;
    output.infoRaw('\r\x1b[2K');
    statusShown = false;
  };
  /** Prints blocks in order; a report goes where `check` puts it (stdout), in `check`'s words. */
  const print = (blocks: readonly Block[], write: (text: string) => void) => {
    clearStatus();
    let pending: Block[] = [];
    const flush = () => {
      if (pending.length > 0) write(renderBlocks(pending, look).join('\n'));
      pending = [];
    };
    for (const block of blocks) {
      if (block.kind !== 'report') pending.push(block);
      else {
        flush();
        renderCheckReport(block.report, output);
      }
    }
    flush();
  };
  return {
    show: (...blocks) => print(blocks, (text) => output.info(text)),
    result: (...blocks) => print(blocks, (text) => output.result(text)),
    status(text) {
      // Redrawn in place on a terminal; the wizard only runs on one.
      const line = styled(render(text), { strong: (t) => c.bold(t), link: (t) => c.underline(t) });
      output.infoRaw(`\r\x1b[2K${c.cyan('⏳')} ${line}`);
      statusShown = true;
    },
    clearStatus,
    progress: () => createProgress(output, signal),
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
  /** The terminal the prompts read from and draw on (the command's io, never the process's own). */
  terminal: PromptStreams;
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
  const prompts = await createTerminalPrompter({ signal, ...options.terminal });
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
