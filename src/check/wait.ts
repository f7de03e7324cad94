import { type Message, msg, render } from '../messages/index.js';
import { type RetryPurpose, retryable } from './retry-policy.js';
import type { CheckReport, WaitAttempt } from './run.js';


/**
 * `check --wait <duration>`: run the check again, with a fresh token each time, while the failure is
 * one that time can cure — a recent change still propagating through Exchange Online (535 5.7.3 with a
 * good token, 5.7.139 right after enabling SMTP AUTH, 430 4.2.0; catalog F) or a temporary failure
 * (451 4.7.0, 432 4.3.2, Entra `temporarily_unavailable`, 5xx). The diagnosis decides, through the
 * one retry policy (retry-policy.ts): `propagation` or `transient`. Configuration errors (a wrong
 * secret, a wrong tenant) end the loop at once: waiting never fixes them.
 *
 * Clock and sleep are injected so the loop is tested without waiting.
 */


export interface RetryNotice {
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  report: CheckReport;
  /** Milliseconds until the next attempt. */
  delayMs: number;
  /** Milliseconds left until the deadline. */
  remainingMs: number;
}

export interface Backoff {
  /** The first pause; each next one doubles. */
  initialMs: number;
  /** The longest pause. */
  maxMs: number;
}

/**
 * Starts small, so a change made while the first attempt failed is seen within seconds, then backs
 * off: Exchange propagation takes minutes (catalog F), and Entra throttles a client that insists.
 */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 2_000, maxMs: 120_000 };

export interface WaitOptions {
  durationSeconds: number;
  backoff?: Backoff;
  /** Milliseconds since the epoch. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each failed attempt that will be retried (for the progress line). */
  onRetry?: (notice: RetryNotice) => void;
  /** Whose rule of the one retry policy applies; `wait` (`check --wait`) unless told. */
  purpose?: RetryPurpose;
}

export interface WaitResult {
  /** The last attempt's report. */
  report: CheckReport;
  attempts: WaitAttempt[];
  /** True when the last failure was retryable but the time ran out. */
  timedOut: boolean;
}

/** Whether `check --wait` tries again after this report: a transient or a propagation failure. */
export function isRetryable(report: CheckReport, purpose: RetryPurpose = 'wait'): boolean {
  return !report.ok && retryable(report.diagnosis, purpose);
}

/** The pause before attempt `n + 1` after `n` failed attempts (n ≥ 1): initial · 2^(n−1), capped. */
export function backoffDelayMs(failedAttempts: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.min(backoff.initialMs * 2 ** exponent, backoff.maxMs);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it passes, fails for a reason waiting cannot cure, or the duration ends. No
 * attempt starts after the deadline: the last pause is shortened to end at it.
 */
export async function checkUntilSettled(attempt: () => Promise<CheckReport>, options: WaitOptions): Promise<WaitResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const deadline = now() + options.durationSeconds * 1000;
  const attempts: WaitAttempt[] = [];

  for (;;) {
    const at = new Date(now()).toISOString();
    const report = await attempt();
    attempts.push({ at, exitCode: report.exitCode, diagnosisCode: report.diagnosis?.code ?? null });
    if (!isRetryable(report, options.purpose)) return { report, attempts, timedOut: false };
    const remainingMs = deadline - now();
    if (remainingMs <= 0) return { report, attempts, timedOut: true };
    const delayMs = Math.min(backoffDelayMs(attempts.length, backoff), remainingMs);
    options.onRetry?.({ attempt: attempts.length, report, delayMs, remainingMs });
    await sleep(delayMs);
  }
}

/** What failed, shortly: the recognised reply or code, and the diagnosis code (codes are not words: any language). */
function failureOf(report: CheckReport): string {
  const d = report.diagnosis;
  if (!d) return render(msg('check.wait.failure-exit', { exitCode: report.exitCode }));
  return d.source && d.source !== d.code ? `${d.source} (${d.code})` : d.code;
}

/** `attempt 3 failed: 535 5.7.3 (smtp-auth-service-principal); next try in 8 sec, 24 min left` */
export function retryLine(notice: RetryNotice): Message<'check.wait.retry'> {
  return msg('check.wait.retry', { attempt: notice.attempt, failure: failureOf(notice.report), delayMs: notice.delayMs, remainingMs: notice.remainingMs });
}

/** The closing line after more than one attempt (null after a single one: nothing was waited for). */
export function settledLine(result: WaitResult): Message<'check.wait.passed' | 'check.wait.timed-out' | 'check.wait.not-retryable'> | null {
  const n = result.attempts.length;
  if (n < 2 && !result.timedOut) return null;
  const first = Date.parse(result.attempts[0]?.at ?? '');
  const last = Date.parse(result.attempts[n - 1]?.at ?? '');
  const span = Number.isFinite(first) && Number.isFinite(last) ? { spanMs: last - first } : {};
  if (result.report.ok) return msg('check.wait.passed', { attempts: n, ...span });
  const failure = failureOf(result.report);
  if (result.timedOut) return msg('check.wait.timed-out', { attempts: n, failure, ...span });
  return msg('check.wait.not-retryable', { attempts: n, failure, ...span });
}
