import type { CheckReport, TokenCheck } from '../check/run.js';
import { retryable } from '../check/retry-policy.js';
import type { WaitAttempt } from '../check/run.js';
import { type Backoff, backoffDelayMs } from '../check/wait.js';
import type { CheckInputs } from '../inputs/check-inputs.js';

/**
 * `check --targets`: many mailboxes of many tenants in one run. The runner only schedules; the
 * checking itself is the one pipeline (`acquireAndCheckToken`, `runCheck`), injected as `FleetChecks`
 * so that the scheduling rules are tested with fakes:
 *
 * - one token per (authority, scope, tenant, app, credential), acquired once and reused for all its
 *   mailboxes (Entra ID throttles an app that asks for the same token again and again); the first
 *   mailboxes of an app open their SMTP connections while that token is being requested;
 * - at most `concurrency` mailboxes authenticating and sending at once, and at most twice
 *   `concurrency` SMTP connections open in all: the connections of the next mailboxes open (TCP,
 *   greeting, EHLO, STARTTLS, TLS, EHLO: six of the nine round trips of a session) while the current
 *   ones authenticate and send, the way one check opens its connection while the token is requested.
 *   The handshake is the longer part (six round trips against three), so the connections not in a
 *   session are all free to handshake; a session slot is taken only for AUTH and the message.
 *   `connectAhead: false` keeps the connections to `concurrency` (one opens only when a slot is free);
 * - never two SMTP sessions for one mailbox at a time: Exchange Online allows 3 per mailbox and
 *   answers 432 4.3.2 beyond (catalog E), and the application being checked may hold some itself;
 * - a temporary failure (432 4.3.2, 451 4.7.0, a timeout, the token service's 5xx) is retried a few
 *   times after a short pause. A configuration error is never retried, and neither is a propagation
 *   failure (535 5.7.3 right after a change): that takes minutes to an hour, far longer than a
 *   scheduled check should wait (`check --wait` is for that).
 */

export interface FleetTarget {
  /** Unique within the run (the targets file's `name`, else the mailbox). */
  name: string;
  inputs: CheckInputs;
  /** Input warnings (e.g. about the secret's shape), carried into the report. */
  warnings: string[];
  /** Where the credential comes from (`env:CONTOSO_SECRET`, `file:/run/secrets/a`): part of the token's identity. */
  credentialRef: string;
}

export interface FleetResult {
  name: string;
  report: CheckReport;
  /** Every attempt, as `check --wait` reports them; more than one only after a temporary failure. */
  attempts: WaitAttempt[];
  /** From the first attempt's start to the last one's end (waiting for a free slot excluded). */
  durationMs: number;
}

/** The two stages of the pipeline the runner schedules. */
export interface FleetChecks {
  /** Token and claims for a target's tenant, app and credential (`acquireAndCheckToken`). */
  checkToken(target: FleetTarget): Promise<TokenCheck>;
  /**
   * SMTP for one target with that token (`runCheck` with `tokenCheck`). The token may still be on
   * its way: the target's SMTP connection opens meanwhile, and AUTH waits for it. `sessionSlot` is
   * awaited once the connection is ready for AUTH and before AUTH is sent: it resolves when one of
   * the `concurrency` session slots is this target's. A target that never gets that far (its token
   * or its connection failed) need not call it.
   */
  checkTarget(target: FleetTarget, tokenCheck: Promise<TokenCheck>, sessionSlot: () => Promise<void>): Promise<CheckReport>;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  backoff: Backoff;
}

/** Up to two retries, after 1 s and 2 s: enough for a busy mailbox or a brief Microsoft-side hiccup. */
export const FLEET_RETRY: RetryPolicy = { retries: 2, backoff: { initialMs: 1_000, maxMs: 4_000 } };

export interface FleetRunOptions {
  concurrency: number;
  /**
   * Whether the next mailboxes' connections open while the current ones authenticate and send, up
   * to twice `concurrency` connections (default true). False: a connection opens only when a slot is
   * free, so that never more than `concurrency` are open (`--no-connect-ahead`, for a firewall that
   * counts them).
   */
  connectAhead?: boolean;
  retry?: RetryPolicy;
  /** Milliseconds since the epoch. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called as each target finishes (for progress). */
  onResult?: (result: FleetResult) => void;
}

export interface FleetRun {
  /** In the order of the targets. */
  results: FleetResult[];
  /** Token acquisitions made (one per token group, more only after a temporary failure or near expiry). */
  tokenAcquisitions: number;
}

/** A token is renewed when it would expire within this time (MSAL renews 5 minutes early; a session needs less). */
const RENEW_BEFORE_MS = 2 * 60 * 1000;

/** The identity of a token: targets that share it share one token. */
export function tokenGroupKey(target: FleetTarget): string {
  const { inputs } = target;
  return [new URL(inputs.authorityHost).origin, inputs.cloud.scope, inputs.tenantId.toLowerCase(), inputs.clientId.toLowerCase(), target.credentialRef].join('\n');
}

/** Exchange Online counts sessions per mailbox, whatever the front-end host. */
export function mailboxKey(target: FleetTarget): string {
  return target.inputs.mailbox.toLowerCase();
}

/**
 * Whether the fleet retries this failure: a transient one (the retry policy's `fleet` rule), never a
 * configuration error nor a propagation failure.
 */
export function isTemporaryFailure(report: CheckReport): boolean {
  return !report.ok && retryable(report.diagnosis, 'fleet');
}

export async function runFleet(targets: readonly FleetTarget[], checks: FleetChecks, options: FleetRunOptions): Promise<FleetRun> {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) throw new Error(`concurrency must be a positive integer, got ${options.concurrency}`);
  const retry = options.retry ?? FLEET_RETRY;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // A target holds a connection slot from its connection's start to its end (at most twice
  // `concurrency` connections), and a session slot from AUTH to its end (at most `concurrency`).
  // Without connect-ahead the connection slots alone are the limit: `concurrency` of them.
  const connections = createSemaphore(options.connectAhead === false ? options.concurrency : 2 * options.concurrency);
  const sessions = options.connectAhead === false ? null : createSemaphore(options.concurrency);
  const withMailbox = createKeyedLock();
  const tokens = new Map<string, Promise<TokenCheck>>();
  let tokenAcquisitions = 0;

  const acquire = async (target: FleetTarget): Promise<TokenCheck> => {
    for (let attempt = 1; ; attempt++) {
      tokenAcquisitions++;
      const tokenCheck = await checks.checkToken(target);
      if (!retryable(tokenCheck.diagnosis, 'fleet') || attempt > retry.retries) return tokenCheck;
      await sleep(backoffDelayMs(attempt, retry.backoff));
    }
  };
  const expiresSoon = (tokenCheck: TokenCheck): boolean => {
    const expiresOn = tokenCheck.token.expiresOn ? Date.parse(tokenCheck.token.expiresOn) : Number.NaN;
    return tokenCheck.accessToken !== null && Number.isFinite(expiresOn) && expiresOn - now() < RENEW_BEFORE_MS;
  };
  const tokenFor = async (target: FleetTarget): Promise<TokenCheck> => {
    const key = tokenGroupKey(target);
    let pending = tokens.get(key);
    if (!pending) tokens.set(key, (pending = acquire(target)));
    const tokenCheck = await pending;
    if (!expiresSoon(tokenCheck)) return tokenCheck;
    // Renew once; whoever comes first replaces the entry, the others share the new token.
    if (tokens.get(key) === pending) tokens.set(key, acquire(target));
    return (await tokens.get(key)) ?? tokenCheck;
  };

  const checkOne = (target: FleetTarget): Promise<FleetResult> =>
    // The mailbox first, then a slot: a target waiting for its mailbox does not hold a slot.
    withMailbox(mailboxKey(target), async () => {
      const attempts: WaitAttempt[] = [];
      let started: number | null = null;
      for (let attempt = 1; ; attempt++) {
        const releaseConnection = await connections.acquire();
        let releaseSession: (() => void) | null = null;
        const sessionSlot = async (): Promise<void> => {
          if (!sessions || releaseSession) return;
          releaseSession = await sessions.acquire();
        };
        let report: CheckReport;
        let tokenFailed: boolean;
        const at = now();
        started ??= at;
        try {
          // Not awaited first: the first sessions of an app connect while its token is requested.
          const tokenCheck = tokenFor(target);
          report = await checks.checkTarget(target, tokenCheck, sessionSlot);
          tokenFailed = (await tokenCheck).diagnosis !== null;
        } finally {
          releaseConnection();
          (releaseSession as (() => void) | null)?.();
        }
        attempts.push({ at: new Date(at).toISOString(), exitCode: report.exitCode, diagnosisCode: report.diagnosis?.code ?? null });
        // A failed token was already retried for the whole group: retrying its targets changes nothing.
        if (tokenFailed || !isTemporaryFailure(report) || attempt > retry.retries) {
          const result: FleetResult = { name: target.name, report, attempts, durationMs: now() - started };
          options.onResult?.(result);
          return result;
        }
        await sleep(backoffDelayMs(attempt, retry.backoff));
      }
    });

  const results = await Promise.all(targets.map(checkOne));
  return { results, tokenAcquisitions };
}

/** At most `limit` holders at once; waiters are served first come, first served. */
export function createSemaphore(limit: number): { acquire(): Promise<() => void> } {
  let free = limit;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    acquire() {
      if (free > 0) {
        free--;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve) => waiting.push(() => resolve(once(release))));
    },
  };
}

/** Runs `fn` for a key only after every earlier call for the same key has finished. */
export function createKeyedLock(): <T>(key: string, fn: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<void>>();
  return async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}

function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    fn();
  };
}
