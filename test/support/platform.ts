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
