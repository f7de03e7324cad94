import { stat } from 'node:fs/promises';
import { shellQuote } from '../shell.js';

/**
 * A file holding a secret (the saved client secret, a certificate's private key) that other users
 * can read is refused, as ssh refuses such a key: using it would hide the exposure. Windows has no
 * POSIX mode bits (its ACLs on a user's folders are per user already), so it is not judged there.
 * Returns the one line to show, with the chmod that fixes it, or null when the file is private.
 */
export async function readableByOthersProblem(path: string, holds: string, platform: NodeJS.Platform = process.platform): Promise<string | null> {
  if (platform === 'win32') return null;
  const { mode } = await stat(path);
  if ((mode & 0o077) === 0) return null;
  return `${path} holds ${holds} and other users can read it (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); refusing to use it. Fix: chmod 600 ${shellQuote(path)}`;
}
