import { statSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * What the system running the suite can do, for the few tests that need a POSIX facility. Each skip
 * that uses these says why next to it; the Windows code paths themselves are tested on every system
 * with the platform injected (src/platform.ts).
 */

/**
 * Whether another process's signal reaches a child as a signal. On Windows `child.kill('SIGTERM')`,
 * `'SIGINT'` or `'SIGHUP'` end the child at once (TerminateProcess, Node's child_process docs): it
 * never sees the signal, so nothing it does on a signal can be observed there. The Windows stops
 * (Ctrl-C, Ctrl-Break, the console closed) are tested in test/signals.test.ts with the platform injected.
 */
export const SIGNALS_REACH_CHILDREN = process.platform !== 'win32';

/** Whether files have POSIX mode bits (0600 …). Windows has ACLs instead (test/fs/private-mode.test.ts). */
export const POSIX_MODES = process.platform !== 'win32';

/**
 * Asserts a file's POSIX mode (0600 private, 0644 public, 0700 the config folder). On Windows there
 * are no mode bits (stat reports 0666 or 0444 whatever the ACL), so nothing is asserted there: the
 * ACL a private file gets is tested with the platform injected in test/fs/private-mode.test.ts.
 */
export function expectMode(path: string, expected: number): void {
  if (!POSIX_MODES) return;
  expect(statSync(path).mode & 0o777).toBe(expected);
}

/**
 * The environment a spawned CLI starts from: PATH, and what the system needs to run Node at all.
 * Windows needs SystemRoot (Winsock and the crypto provider load from it: without it sockets fail),
 * windir, ComSpec and PATHEXT, and TEMP/TMP (without them os.tmpdir() is C:\Windows\Temp, which a
 * user may not write). Elsewhere the run's TMPDIR is passed on (test/support/temp-leftovers.ts).
 */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  const keep = process.platform === 'win32' ? ['SystemRoot', 'windir', 'ComSpec', 'PATHEXT', 'TEMP', 'TMP'] : ['TMPDIR'];
  for (const name of keep) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}

/**
 * Whether the POSIX special files exist: /dev/zero, /dev/null, FIFOs made with mkfifo. Windows has
 * none of them in its file system (its NUL device and named pipes are not files in a folder), so the
 * tests that read an endless /dev/zero or write into a FIFO run on Linux and macOS only.
 */
export const POSIX_SPECIAL_FILES = process.platform !== 'win32';
