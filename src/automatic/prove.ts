import type { CheckReport, RunCheckOptions } from '../check/run.js';
import { checkUntilSettled, retryLine, settledLine, type WaitResult } from '../check/wait.js';
import type { CheckInputs } from '../inputs/check-inputs.js';
import type { Message } from '../messages/index.js';
import { Redactor } from '../redact.js';
import { sleepUnlessStopped } from '../signals.js';

/**
 * The proof after the changes: the existing check with the new credential, retried by the one retry
 * policy (check/retry-policy.ts, purpose `new-credential`, through `check --wait`'s loop) while the
 * diagnosis says waiting helps (propagation of steps 1–3, transient answers, a new secret refused for
 * seconds), with the waits shown; bounded by `waitSeconds`.
 */
export interface ProveDeps {
  show(message: Message): void;
  /** The longest wait in all, in seconds (`--wait`; a default that covers the notes' delays). */
  waitSeconds: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  /** Extra CA for the token endpoint (the sandbox's), as `check` reads it today. */
  extraCaPem?: string;
  /** The check itself; `runCheck` (loaded only when proving) unless a test injects one. */
  runCheck?: (inputs: CheckInputs, options: RunCheckOptions) => Promise<CheckReport>;
  /** The redactor the caller prints through (the new secret is protected in it by runCheck). */
  redactor?: Redactor;
  now?: () => number;
}

export interface ProveOutcome {
  report: CheckReport;
  wait: WaitResult | null;
}

const QUIET_EVENTS: RunCheckOptions['events'] = { start() {}, succeed() {}, fail() {}, skip() {} };

export async function proveSetup(inputs: CheckInputs, deps: ProveDeps): Promise<ProveOutcome> {
  const run = deps.runCheck ?? (await import('../check/run.js')).runCheck;
  const redactor = deps.redactor ?? new Redactor();
  const attempt = () => run(inputs, { events: QUIET_EVENTS, redactor, ...(deps.extraCaPem && { extraCaPem: deps.extraCaPem }) });
  const signal = deps.signal;
  const sleep = deps.sleep ?? (signal ? (ms: number) => sleepUnlessStopped(ms, signal) : undefined);
  if (deps.waitSeconds <= 0) return { report: await attempt(), wait: null };
  const wait = await checkUntilSettled(attempt, {
    durationSeconds: deps.waitSeconds,
    // A secret added seconds ago is refused for a while (AADSTS7000215; automation-notes §4).
    purpose: 'new-credential',
    onRetry: (notice) => deps.show(retryLine(notice)),
    ...(sleep && { sleep }),
    ...(deps.now && { now: deps.now }),
  });
  const closing = settledLine(wait);
  if (closing) deps.show(closing);
  return { report: { ...wait.report, attempts: wait.attempts }, wait };
}
