import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, open, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeErrorReason } from '../fs-errors.js';
import { t } from '../messages/index.js';
import { type CommandRunner, restrictToCurrentUser } from './private-mode.js';

/**
 * The one function through which the tool writes a file for the user: saved answers, the .env, the
 * settings JSON, the PowerShell script, the PEM and .cer, the JUnit report. What is at the path
 * decides how it is written:
 *
 * - nothing, or a regular file: a temporary file beside it, created with the final mode, flushed,
 *   then renamed over it, so an interrupted write never leaves half a file behind;
 * - a symbolic link (a dotfile manager's `config.json`, a report path pointing elsewhere): followed,
 *   and its *target* replaced that way (the temporary file next to the target, on the target's file
 *   system, so the rename stays atomic); the link itself stays a link;
 * - a FIFO, a device (`/dev/null`, `/dev/full`, a terminal) or a descriptor (`/dev/stdout`,
 *   `/dev/fd/N`, `/proc/self/fd/N`): written in place, never renamed over (that would replace the
 *   device or the system's symlink with a regular file) and never chmod-ed (its mode is not ours);
 * - a directory: refused.
 */
export const PRIVATE_FILE_MODE = 0o600;
/** Files meant to be shared (the public certificate, a report without secrets): readable by all, as `touch` makes them. */
export const PUBLIC_FILE_MODE = 0o644;
const PRIVATE_DIR_MODE = 0o700;

export interface WriteFileOptions {
  /** Private files (0600 from the first byte) may hold tenant details or a secret; public ones are 0644. */
  private: boolean;
  /** Create the file's directory (0700) when missing: only for the tool's own config directory, never for a path the user typed. */
  createDirectory?: boolean;
  /** How long an in-place write waits for a reader that stopped reading (a full pipe) before giving up. */
  stallTimeoutMs?: number;
  /** Whose privacy rules apply: on Windows a private file gets an ACL for the current user alone (src/fs/private-mode.ts). */
  platform?: { os: NodeJS.Platform };
  /** Runs icacls and whoami on Windows (tests inject fixed outputs). */
  run?: CommandRunner;
  /** Where the one line goes when the ACL could not be set (the file is written all the same); stderr by default. */
  warn?: (line: string) => void;
}

/** Where and how a write goes, decided from what is at the path now. */
export type WriteTarget =
  | { kind: 'replace'; path: string }
  | { kind: 'in-place'; path: string }
  | { kind: 'directory'; path: string };

// Linux's limit on symbolic links followed in one lookup (MAXSYMLINKS, path_resolution(7)).
const MAX_LINKS = 40;
// A descriptor of this process: writing to its "target" means writing to the open descriptor.
const DESCRIPTOR_LINK = /^\/(?:proc\/(?:self|thread-self|\d+)\/fd|dev\/fd)\/\d+$/;

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Follows symbolic links one at a time (so a dangling link still names the file to create, and a
 * descriptor link such as `/proc/self/fd/1`, whose target is `pipe:[…]` and no path, is recognised).
 */
export async function resolveWriteTarget(path: string): Promise<WriteTarget> {
  const requested = resolve(path);
  let current = requested;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    if (DESCRIPTOR_LINK.test(current)) return { kind: 'in-place', path: current };
    let info;
    try {
      info = await lstat(current);
    } catch (error) {
      // Nothing there yet (or a dangling link's target): the file is created there.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'replace', path: current };
      throw error;
    }
    if (info.isSymbolicLink()) {
      current = resolve(dirname(current), await readlink(current));
      continue;
    }
    if (info.isDirectory()) return { kind: 'directory', path: current };
    if (info.isFile()) return { kind: 'replace', path: current };
    // FIFO, character or block device, socket.
    return { kind: 'in-place', path: current };
  }
  // The user reads writeErrorReason's words for the code; the message is for a stack trace only.
  throw errnoError('ELOOP', `ELOOP: ${path}`);
}

/** Writes `content` to `path` as described above; returns how (a FIFO or device keeps its own mode: not "readable by you only"). */
export async function writeUserFile(path: string, content: string, options: WriteFileOptions): Promise<'replaced' | 'in-place'> {
  const mode = options.private ? PRIVATE_FILE_MODE : PUBLIC_FILE_MODE;
  if (options.createDirectory) await mkdir(dirname(resolve(path)), { recursive: true, mode: PRIVATE_DIR_MODE });
  const target = await resolveWriteTarget(path);
  if (target.kind === 'directory') throw errnoError('EISDIR', `EISDIR: ${path}`);
  if (target.kind === 'in-place') {
    await writeInPlace(target.path, Buffer.from(content, 'utf8'), options.stallTimeoutMs ?? 10_000);
    return 'in-place';
  }
  const protect = options.private ? privacyStep(options, target.path) : null;
  await replaceAtomically(target.path, content, mode, protect);
  return 'replaced';
}

/**
 * A temporary file in the target's directory (same file system, so the rename is atomic), created
 * with `mode`, flushed to disk, then renamed over the target.
 */
async function replaceAtomically(path: string, content: string, mode: number, protect: ((file: string) => Promise<void>) | null): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // O_EXCL: never follow or reuse something already at the temporary name.
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    try {
      // The ACL is set while the file is still empty, so the secret is never readable by others;
      // a rename within the folder keeps it.
      if (protect) await protect(temp);
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

/** On Windows: the ACL step for a private file, warning (never failing) when it cannot be set. */
function privacyStep(options: WriteFileOptions, shownPath: string): ((file: string) => Promise<void>) | null {
  const os = options.platform?.os ?? process.platform;
  if (os !== 'win32') return null;
  const warn = options.warn ?? ((line: string) => void process.stderr.write(`! ${line}\n`));
  return async (file) => {
    const problem = await restrictToCurrentUser(file, { platform: os, shownPath, ...(options.run && { run: options.run }) });
    if (problem) warn(problem);
  };
}

/**
 * Writes into a FIFO, device or descriptor as it is: no O_CREAT or O_TRUNC (there is nothing to
 * create, and truncating a descriptor's file would erase what was already written to it), O_APPEND
 * for a descriptor that is a regular file (`> out.txt`), no chmod. O_NONBLOCK so that opening a
 * FIFO nobody reads fails at once with ENXIO instead of waiting forever for a reader; a reader that
 * stops reading (a full pipe, EAGAIN) is waited for `stallTimeoutMs`, then given up on.
 */
async function writeInPlace(path: string, bytes: Buffer, stallTimeoutMs: number): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK | constants.O_NOCTTY);
  try {
    let offset = 0;
    let lastProgress = Date.now();
    while (offset < bytes.length) {
      try {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
        lastProgress = Date.now();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        if (Date.now() - lastProgress > stallTimeoutMs) throw errnoError('EAGAIN', `EAGAIN: ${path}`);
        await sleep(10);
      }
    }
  } finally {
    await handle.close();
  }
}

/**
 * Why `path` could not be written, checked before anything is done in vain (`--junit`, the wizard's
 * file-name answers); null when a write may go ahead. Decided as `writeUserFile` decides: for a file
 * that is replaced, its (resolved) directory must exist and be writable; a FIFO or device must be
 * writable itself; a directory is refused. One wording for every caller, which adds the flag or question.
 */
export async function writePathProblem(path: string): Promise<string | null> {
  let target: WriteTarget;
  try {
    target = await resolveWriteTarget(path);
  } catch (error) {
    return writeErrorReason(error);
  }
  if (target.kind === 'directory') return t('file.write-reason', { reason: 'directory' });
  if (target.kind === 'in-place') {
    try {
      await access(target.path, constants.W_OK);
      return null;
    } catch (error) {
      return writeErrorReason(error);
    }
  }
  const dir = dirname(target.path);
  // Name the directory as the user wrote it, unless a symbolic link led elsewhere.
  const shown = target.path === resolve(path) ? dirname(path) : dir;
  const parent = await stat(dir).catch(() => null);
  if (!parent?.isDirectory()) return t('file.write-path.directory-missing', { directory: shown });
  try {
    await access(dir, constants.W_OK);
  } catch {
    return t('file.write-path.directory-not-writable', { directory: shown });
  }
  return null;
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
  return t('file.cannot-write', { path, reason: writeErrorReason(error) });
}
