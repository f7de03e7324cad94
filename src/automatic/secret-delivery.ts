import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ConfigStore, SavedAnswers } from '../config/store.js';
import { InputError } from '../errors.js';
import { writeUserFile } from '../fs/write-file.js';
import { Secret } from '../inputs/secret.js';
import { type Message, msg } from '../messages/index.js';
import { envFile } from '../wizard/steps/finish.js';

/**
 * Where a new client secret goes, used by the automatic setup and by rotate-secret. Never into
 * `--json` output, never into a log.
 *  - saved-config: the saved configuration, the secret in the OS credential store (or 0600 where none is);
 *  - env-file: a `.env` for the sending application (0600);
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
  /**
   * The saved configuration (for `saved-config`), built by the command with the OS credential store
   * (fileConfigStore's `secrets`), as the wizard's `--save-secret` does: the store first, else 0600 in the file.
   */
  config?: ConfigStore;
}

/** The owner's answers as the saved configuration and the wizard's .env name them. */
export function ownerAnswers(owner: SecretOwner): SavedAnswers {
  return { cloud: owner.cloud, tenantId: owner.tenantId, clientId: owner.clientId, mailbox: owner.mailbox, from: owner.from, secretExpires: owner.expires };
}

/** Each destination in turn; a line for each says where the secret went, never the value (except `show`). */
export async function deliverSecret(secret: Secret, to: SecretDestination[], owner: SecretOwner, deps: SecretDeliveryDeps): Promise<Delivered[]> {
  const delivered: Delivered[] = [];
  for (const destination of to) {
    delivered.push({ destination, path: await deliverOne(secret, destination, owner, deps) });
  }
  return delivered;
}

async function deliverOne(secret: Secret, destination: SecretDestination, owner: SecretOwner, deps: SecretDeliveryDeps): Promise<string | null> {
  switch (destination.kind) {
    case 'saved-config': {
      const config = deps.config;
      if (!config?.path) throw new InputError([msg('credentials.delivered.no-config')]);
      const before = await config.load();
      await config.save(
        { answers: { ...before?.answers, ...ownerAnswers(owner) }, ...(before?.token && { token: before.token }), ...(before?.wizard && { wizard: before.wizard }) },
        { secret },
      );
      // The store decides (credential store, else the file): read back which one it used.
      const after = await config.load();
      const inStore = after?.clientSecretRef !== undefined;
      deps.show(inStore ? msg('credentials.delivered.credential-store', { path: config.path }) : msg('credentials.delivered.config-file', { path: config.path }));
      return inStore ? null : config.path;
    }
    case 'env-file': {
      const path = resolve(deps.workDir, destination.path);
      // The wizard's .env, the same content: the sending application and `check` read AZURE_* names.
      await writeUserFile(path, envFile(ownerAnswers(owner), { kind: 'secret', secret }), { private: true });
      deps.show(msg('credentials.delivered.env-file', { path }));
      return path;
    }
    case 'secret-file': {
      const path = resolve(deps.workDir, destination.path);
      await writeUserFile(path, secret.reveal() + '\n', { private: true });
      deps.show(msg('credentials.delivered.secret-file', { path }));
      return path;
    }
    case 'show':
      deps.show(msg('credentials.delivered.shown'));
      deps.reveal(secret);
      return null;
  }
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
