import { readFile } from 'node:fs/promises';
import type { ConfigStore, SavedAnswers } from '../config/store.js';
import { writeUserFile } from '../fs/write-file.js';
import { Secret } from '../inputs/secret.js';
import { msg, type Message } from '../messages/index.js';
import { envFile } from '../wizard/steps/finish.js';
import { answerPath } from '../wizard/files.js';

/**
 * Where a new client secret goes, used by the automatic setup and by rotate-secret. Never into
 * `--json` output, never into a log:
 *  - saved-config: the saved configuration, the secret in the OS credential store (or 0600 where none is);
 *  - env-file: a `.env` for the sending application (0600), as the wizard writes it;
 *  - secret-file: the bare value in a file (0600);
 *  - show: once on the terminal, only when it is one and the admin asked (`--show-secret`).
 */
export type SecretDestination =
  | { kind: 'saved-config' }
  | { kind: 'env-file'; path: string }
  | { kind: 'secret-file'; path: string }
  | { kind: 'show' };

export interface SecretOwner {
  cloud: string;
  tenantId: string;
  clientId: string;
  mailbox: string;
  from: string;
  /** The new secret's end date (ISO), saved beside it for `check`'s expiry warning. */
  expires: string;
  authorityHost?: string;
}

export interface Delivered {
  destination: SecretDestination;
  /** The file written, or null (credential store, terminal). */
  path: string | null;
}

export interface SecretDeliveryDeps {
  /** The working directory relative paths are resolved against. */
  workDir: string;
  /** Lines about where it went (never the value itself, except `show`). */
  show(message: Message): void;
  /** Writes the value itself on the terminal (only for `show`): a different stream from logs. */
  reveal(value: Secret): void;
  /** The saved configuration (its secret goes to the OS credential store when there is one). */
  store?: ConfigStore | null;
}

/** The answers a later `check` without flags reads (the saved configuration's lowest-priority source). */
export function ownerAnswers(owner: SecretOwner): SavedAnswers {
  return {
    cloud: owner.cloud,
    tenantId: owner.tenantId,
    clientId: owner.clientId,
    mailbox: owner.mailbox,
    from: owner.from,
    secretExpires: owner.expires,
    ...(owner.authorityHost !== undefined && { authorityHost: owner.authorityHost }),
  };
}

export async function deliverSecret(secret: Secret, to: SecretDestination[], owner: SecretOwner, deps: SecretDeliveryDeps): Promise<Delivered[]> {
  const delivered: Delivered[] = [];
  for (const destination of to) {
    switch (destination.kind) {
      case 'saved-config': {
        if (!deps.store) {
          deps.show(msg('automatic.secret.no-config-dir'));
          break;
        }
        const saved = await deps.store.load();
        await deps.store.save({ ...(saved ?? {}), answers: { ...(saved?.answers ?? {}), ...ownerAnswers(owner) } }, { secret });
        deps.show(msg('automatic.secret.saved-config', { path: deps.store.path ?? undefined }));
        delivered.push({ destination, path: deps.store.path });
        break;
      }
      case 'env-file': {
        const path = answerPath(destination.path, deps.workDir);
        await writeUserFile(path, envFile(ownerAnswers(owner), { kind: 'secret', secret }), { private: true });
        deps.show(msg('automatic.secret.written', { path, kind: 'env-file' }));
        delivered.push({ destination, path });
        break;
      }
      case 'secret-file': {
        const path = answerPath(destination.path, deps.workDir);
        await writeUserFile(path, `${secret.reveal()}\n`, { private: true });
        deps.show(msg('automatic.secret.written', { path, kind: 'secret-file' }));
        delivered.push({ destination, path });
        break;
      }
      case 'show':
        deps.show(msg('automatic.secret.shown-once'));
        deps.reveal(secret);
        delivered.push({ destination, path: null });
        break;
    }
  }
  return delivered;
}

/**
 * The secret read back from where it was delivered, for a resumed run's proof: the saved
 * configuration (through its store), a secret file, or the .env. Null when it cannot be read (then
 * the resumed run replaces it: an unreadable secret is as good as lost).
 */
export async function readDelivered(
  where: { delivered: 'saved-config' | 'env-file' | 'secret-file' | null; path?: string },
  readSaved: () => Promise<Secret | null>,
): Promise<Secret | null> {
  try {
    if (where.delivered === 'saved-config') return await readSaved();
    if (!where.path) return null;
    const text = await readFile(where.path, 'utf8');
    if (where.delivered === 'secret-file') {
      const value = text.trim();
      return value ? new Secret(value, `file ${where.path}`) : null;
    }
    if (where.delivered === 'env-file') {
      const line = text.split(/\r?\n/).find((l) => l.startsWith('AZURE_CLIENT_SECRET='));
      const raw = line?.slice('AZURE_CLIENT_SECRET='.length).trim() ?? '';
      // shellQuote's form: bare, or in POSIX single quotes with ' written as '\''.
      const value = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1).replaceAll("'\\''", "'") : raw;
      return value ? new Secret(value, `file ${where.path}`) : null;
    }
  } catch {
    return null;
  }
  return null;
}
