import { CancelledError, type StopSignal } from './errors.js';
import { msg } from './messages/index.js';
import { detectPlatform, type Platform } from './platform.js';

/**
 * The signals that stop a command, all handled alike: Ctrl-C (SIGINT), `kill` or a service manager
 * (SIGTERM), a closed terminal or SSH session (SIGHUP). Without a listener Node ends the process at
 * once on SIGTERM and SIGHUP, leaving the terminal without echo, answers unsaved and temporary
 * folders behind; with one, the command sees an aborted signal, cleans up and ends with 128 + the
 * signal's number (CancelledError).
 *
 * Windows delivers no SIGTERM (Node's process "Signal events": it "is not supported on Windows, it can
 * be listened on", and `kill` there ends the process at once) but three console events Node turns into
 * signals: Ctrl-C (SIGINT), Ctrl-Break (SIGBREAK) and the console window closed (SIGHUP; Windows ends
 * the process about 10 seconds later, time enough to clean up). Those are the ones listened to there.
 */
const POSIX_STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const WINDOWS_STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGBREAK', 'SIGHUP'];

export function stopSignalsFor(platform: Pick<Platform, 'os'>): readonly StopSignal[] {
  return platform.os === 'win32' ? WINDOWS_STOP_SIGNALS : POSIX_STOP_SIGNALS;
}

/** Where the listeners go: the process, or a fake in tests. */
export interface SignalSource {
  on(name: StopSignal, handler: () => void): unknown;
  off(name: StopSignal, handler: () => void): unknown;
}

export interface StopListener {
  /** Aborted by the first stop signal; its `reason` is the CancelledError naming it. */
  readonly signal: AbortSignal;
  /** Stops listening (the command has ended); the signals' default behaviour returns. */
  dispose(): void;
}

/** The error a command ends with when `signal` stopped it. */
export function stoppedBy(signal: StopSignal): CancelledError {
  if (signal === 'SIGINT') return new CancelledError(msg('cli.cancelled'), signal);
  return new CancelledError(signal === 'SIGBREAK' ? msg('cli.stopped-by-break') : msg('cli.stopped-by', { signal }), signal);
}

/** Listens for the stop signals for as long as a command runs: `using` it is not available on Node 20. */
export function listenForStop(platform: Pick<Platform, 'os'> = detectPlatform(), source: SignalSource = process): StopListener {
  const controller = new AbortController();
  const handlers = stopSignalsFor(platform).map((name) => {
    const handler = () => controller.abort(stoppedBy(name));
    source.on(name, handler);
    return { name, handler };
  });
  // A terminal closed without its SIGHUP reaching this process (a shell that does not pass it on,
  // `sh -c`, tmux kill-session) shows up as EIO on standard input: the same hang-up, handled alike.
  const stdin = process.stdin;
  const onStdinError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EIO') controller.abort(stoppedBy('SIGHUP'));
  };
  if (stdin.isTTY) stdin.on('error', onStdinError);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const { name, handler } of handlers) source.off(name, handler);
      stdin.off('error', onStdinError);
    },
  };
}

/** The CancelledError an aborted signal stands for (Ctrl-C when it was aborted another way). */
export function cancellation(signal: AbortSignal): CancelledError {
  return signal.reason instanceof CancelledError ? signal.reason : new CancelledError();
}

/** `work`, or the signal's CancelledError as soon as it aborts (the work is abandoned, not awaited). */
export function unlessStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(cancellation(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancellation(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Resolves after `ms`, or rejects with the signal's CancelledError as soon as it aborts. */
export function sleepUnlessStopped(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(cancellation(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancellation(signal));
    };
    // One listener per sleep, removed when it ends: a countdown sleeps once a second for an hour.
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves with the CancelledError once the signal aborts: for a command whose normal end is a stop. */
export function untilStopped(signal: AbortSignal): Promise<CancelledError> {
  if (signal.aborted) return Promise.resolve(cancellation(signal));
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(cancellation(signal)), { once: true }));
}
