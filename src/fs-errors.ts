import { InputTooLargeError } from './io.js';
import { t } from './messages/index.js';

/**
 * Why a file could not be read or written, in a few words for a one-line message (never a stack
 * trace). One wording for every file the tool touches: secrets, certificates, targets, config, reports.
 * The reasons are messages of the catalogs (`file.read-reason`, `file.write-reason`), chosen here by
 * the file system's error code and rendered in the language in use.
 */

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export type ReadFailure = 'no-such-file' | 'permission-denied' | 'directory' | 'unreadable' | 'too-large';

/** Why a read failed, by the error's code. */
export function readFailureOf(error: unknown): ReadFailure {
  if (error instanceof InputTooLargeError) return 'too-large';
  switch (codeOf(error)) {
    case 'ENOENT':
      return 'no-such-file';
    case 'EACCES':
    case 'EPERM':
      return 'permission-denied';
    case 'EISDIR':
      return 'directory';
    default:
      return 'unreadable';
  }
}

export function readErrorReason(error: unknown): string {
  return t('file.read-reason', { reason: readFailureOf(error), ...(error instanceof InputTooLargeError && { limitBytes: error.limitBytes }) });
}

const WRITE_FAILURES = {
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  ENOENT: 'no-directory',
  EISDIR: 'directory',
  ENOSPC: 'no-space',
  EROFS: 'read-only',
  // Opened without waiting (O_NONBLOCK): a FIFO with no reader, which would otherwise block forever.
  ENXIO: 'no-reader',
  EAGAIN: 'reader-stalled',
  EPIPE: 'reader-closed',
  ELOOP: 'link-loop',
} as const;

export type WriteFailure = (typeof WRITE_FAILURES)[keyof typeof WRITE_FAILURES] | 'other';

/** Why a write failed, by the error's code. */
export function writeFailureOf(error: unknown): WriteFailure {
  const code = codeOf(error);
  return code !== undefined && code in WRITE_FAILURES ? WRITE_FAILURES[code as keyof typeof WRITE_FAILURES] : 'other';
}

export function writeErrorReason(error: unknown): string {
  const reason = writeFailureOf(error);
  // An error without a code of its own keeps its words (the system's, or a library's).
  return t('file.write-reason', { reason, ...(reason === 'other' && { detail: error instanceof Error ? error.message : String(error) }) });
}
