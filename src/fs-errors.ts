import { InputTooLargeError } from './io.js';

/**
 * Why a file could not be read or written, in a few words for a one-line message (never a stack
 * trace). One wording for every file the tool touches: secrets, certificates, targets, config, reports.
 */

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export function readErrorReason(error: unknown): string {
  if (error instanceof InputTooLargeError) return `${error.message}, more than any real one`;
  switch (codeOf(error)) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return 'cannot be read';
  }
}

export function writeErrorReason(error: unknown): string {
  switch (codeOf(error)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the directory does not exist';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    // Opened without waiting (O_NONBLOCK): a FIFO with no reader, which would otherwise block forever.
    case 'ENXIO':
      return 'nothing is reading it (start the reader of the named pipe first)';
    case 'EAGAIN':
      return 'its reader stopped reading';
    case 'EPIPE':
      return 'its reader closed it';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
