import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeErrorReason } from '../fs-errors.js';

/**
 * Files the tool writes for the user (saved answers, the PowerShell script, settings, .env) may hold
 * tenant details or, when asked, the client secret: they are created with mode 0600 from the first
 * byte, and replaced atomically so an interrupted write never leaves half a file behind.
 */
export const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_DIR_MODE = 0o700;

/**
 * Writes `content` to `path` atomically: a temporary file in the same directory (same file system,
 * so the rename is atomic), created with `mode`, flushed to disk, then renamed over the target.
 * Used for every file the tool writes: private ones (0600) and reports without secrets (0644).
 */
export async function writeFileAtomically(path: string, content: string, mode: number): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // O_EXCL: never follow or reuse something already at the temporary name.
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      // The umask may have narrowed the mode at creation; be exact.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A private file (0600) in a private directory (0700, created when missing), written atomically. */
export async function writePrivateFile(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
  await writeFileAtomically(path, content, PRIVATE_FILE_MODE);
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** A one-line reason for a failed write, for the user (never a stack trace). */
export function describeWriteError(path: string, error: unknown): string {
  return `cannot write ${path}: ${writeErrorReason(error)}`;
}
