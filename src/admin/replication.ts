import type { AdminFailure } from '../diagnose/types.js';
import { AdminApiError } from './errors.js';

/**
 * Waiting out Entra ID's replication (automation-notes.md §4: "There are no documented replication
 * SLAs"): exactly the answers the notes list are retried, with growing pauses and a bounded total;
 * everything else, above all a refusal (403 Authorization_RequestDenied), is thrown at once.
 */

/** Which of the notes' answers a failure is, or null when it is none of them. */
export type ReplicationLag = 'object-not-visible' | 'reference-not-valid' | 'exchange-not-seeing-service-principal';

export function replicationLagOf(failure: AdminFailure): ReplicationLag | null {
  if (failure.kind !== 'answer') return null;
  const text = failure.message;
  if (failure.service === 'graph') {
    // §4 row 1: POST /servicePrincipals right after POST /applications, 400/404 (Microsoft's words).
    if ((failure.status === 404 || failure.status === 400) && /does not exist or one of its queried reference-property objects are not present/i.test(text)) {
      return 'object-not-visible';
    }
    // §4 row 2: appRoleAssignedTo right after POST /servicePrincipals.
    if (failure.status === 400 && /not a valid reference update/i.test(text)) return 'reference-not-valid';
    return null;
  }
  // §4 row 5: New-ServicePrincipal before Exchange sees the Entra service principal ("not confirmed").
  if (failure.cmdlet === 'New-ServicePrincipal' && failure.status !== 403 && /service principal\b.*\b(?:couldn't|could not|can't|cannot) be found/i.test(text)) {
    return 'exchange-not-seeing-service-principal';
  }
  return null;
}

export interface ReplicationWait {
  lag: ReplicationLag;
  /** 1 for the first retry. */
  attempt: number;
  /** The pause about to start. */
  waitMs: number;
  /** Waited so far, before this pause. */
  waitedMs: number;
}

export interface ReplicationRetryOptions {
  /** Each pause, before it starts (the caller shows that it is waiting). */
  onWait?: (wait: ReplicationWait) => void;
  /** First pause; default 2 s. */
  firstPauseMs?: number;
  /** Growth of each pause; default 2. */
  factor?: number;
  /** Longest single pause; default 30 s. */
  maxPauseMs?: number;
  /** The most waited in all; default 5 minutes (a grant was seen failing for "sometimes over 5 minutes"). */
  maxTotalMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  signal?: AbortSignal;
}

/** The retry gave up: the last answer, and how long it waited. */
export class ReplicationTimeout extends AdminApiError {
  constructor(
    failure: AdminFailure,
    readonly lag: ReplicationLag,
    readonly waitedMs: number,
  ) {
    super(failure);
    this.name = 'ReplicationTimeout';
  }
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Runs `attempt`, retrying it while it fails with one of the notes' replication answers. */
export async function retryWhileReplicating<T>(attempt: () => Promise<T>, options: ReplicationRetryOptions = {}): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const first = options.firstPauseMs ?? 2000;
  const factor = options.factor ?? 2;
  const maxPause = options.maxPauseMs ?? 30_000;
  const maxTotal = options.maxTotalMs ?? 300_000;
  const started = now();
  let pause = first;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const lag = error instanceof AdminApiError ? replicationLagOf(error.failure) : null;
      if (!lag || !(error instanceof AdminApiError)) throw error;
      const waited = now() - started;
      const wait = Math.min(pause, maxPause, maxTotal - waited);
      if (wait <= 0) throw new ReplicationTimeout(error.failure, lag, waited);
      options.onWait?.({ lag, attempt: n, waitMs: wait, waitedMs: waited });
      await sleep(wait, options.signal);
      pause = Math.min(pause * factor, maxPause);
    }
  }
}
