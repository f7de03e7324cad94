import { runCheck, type CheckReport, type StageEvents } from '../check/run.js';
import { checkUntilSettled, retryLine, settledLine, type WaitResult } from '../check/wait.js';
import type { CheckInputs } from '../inputs/check-inputs.js';
import type { Message } from '../messages/index.js';
import { Redactor } from '../redact.js';

const SILENT: StageEvents = { start() {}, succeed() {}, fail() {}, skip() {} };

/**
 * The proof after the changes: the existing check with the new credential, retried by the one retry
 * policy for the purpose `fresh-setup` (propagation, and a fresh credential refused for some
 * seconds: catalog data), with each wait shown; bounded by `waitSeconds`.
 */
export interface ProveDeps {
  show(message: Message): void;
  /** The longest wait in all, in seconds (`--wait`; a default that covers the notes' delays). */
  waitSeconds: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  /** Extra CA for the token endpoint (the sandbox's in `demo`). */
  extraCaPem?: string;
  /** The stage events of one attempt (the progress lines); default none shown. */
  events?: () => StageEvents;
  /** The output's redactor (the new secret is protected in it); default a fresh one. */
  redactor?: Redactor;
  /** The check itself (tests inject a fake); default runCheck. */
  runCheck?: (inputs: CheckInputs, options: Parameters<typeof runCheck>[1]) => Promise<CheckReport>;
  /** Milliseconds since the epoch (tests move it); default Date.now. */
  now?: () => number;
}

export interface ProveOutcome {
  report: CheckReport;
  wait: WaitResult | null;
}

export async function proveSetup(inputs: CheckInputs, deps: ProveDeps): Promise<ProveOutcome> {
  const check = deps.runCheck ?? runCheck;
  const redactor = deps.redactor ?? new Redactor();
  const attempt = () =>
    check(inputs, {
      events: deps.events?.() ?? SILENT,
      redactor,
      ...(deps.signal && { signal: deps.signal }),
      ...(deps.extraCaPem && { extraCaPem: deps.extraCaPem }),
    });
  // No time to wait: one attempt, as a plain check.
  if (deps.waitSeconds <= 0) return { report: await attempt(), wait: null };
  const wait = await checkUntilSettled(attempt, {
    durationSeconds: deps.waitSeconds,
    purpose: 'fresh-setup',
    ...(deps.now && { now: deps.now }),
    onRetry: (notice) => deps.show(retryLine(notice)),
    ...(deps.sleep && { sleep: deps.sleep }),
  });
  const closing = settledLine(wait);
  if (closing && wait.attempts.length > 1) deps.show(closing);
  return { report: { ...wait.report, ...(wait.attempts.length > 1 && { attempts: wait.attempts }) }, wait };
}
