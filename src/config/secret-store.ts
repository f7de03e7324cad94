/**
 * The operating system's credential store, where a client secret the user asked to keep goes:
 * Windows Credential Manager, the macOS Keychain, the Secret Service (GNOME Keyring, KWallet) on a
 * Linux desktop. The saved configuration then holds only a reference to the entry. This is the one
 * module that stores or reads such a secret; the native binding (@napi-rs/keyring) is loaded here,
 * on the first store or read, never when the tool starts.
 */

import { t } from '../messages/index.js';

/** The service name every entry of this tool is filed under. */
export const SECRET_SERVICE = 'smtp-oauth-setup';

/** Where a kept secret lives, as the saved configuration records it. */
export interface SecretRef {
  store: 'os';
  service: string;
  account: string;
}

/** A credential store; the real one is the operating system's, tests inject a fake. */
export interface SecretStore {
  /** The secret, or null when the store has no such entry. Throws SecretStoreUnavailableError. */
  get(ref: SecretRef): Promise<string | null>;
  /** Creates or replaces the entry. Throws SecretStoreUnavailableError. */
  set(ref: SecretRef, secret: string): Promise<void>;
  /** Removes the entry; false when there was none. Throws SecretStoreUnavailableError. */
  delete(ref: SecretRef): Promise<boolean>;
}

/** The store cannot be used here (no binary for this system, no D-Bus session, no Secret Service, locked). */
export class SecretStoreUnavailableError extends Error {}

/**
 * The entry's account: the tenant and the client id, lower-cased (both are case-insensitive), so that
 * two apps never share an entry, and the same app typed in another case finds its own. A tenant given
 * as a domain and later as its GUID makes a second entry; the reference in the file names the one used.
 */
export function secretRefFor(tenantId: string, clientId: string): SecretRef {
  return { store: 'os', service: SECRET_SERVICE, account: `${tenantId.trim().toLowerCase()}/${clientId.trim().toLowerCase()}` };
}

/** The store's answer in one line, without a stack: "no D-Bus session", "Secret Service: no result found"… */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0]!.trim() || t('config.store.unknown-error');
}

interface KeyringEntry {
  getPassword(): string | null;
  setPassword(password: string): void;
  deleteCredential(): boolean;
}
export type EntryConstructor = new (service: string, account: string, options?: { linux?: { store?: 'secret-service' | 'keyutils' } }) => KeyringEntry;
/** How the binding is loaded: the package itself, or (in tests) a stand-in that fails as a missing binary does. */
export type BindingLoader = () => Promise<{ Entry?: EntryConstructor; default?: { Entry?: EntryConstructor } }>;

const importBinding: BindingLoader = () => import('@napi-rs/keyring');
const loaded = new WeakMap<BindingLoader, Promise<EntryConstructor>>();

/** The binding, loaded once and only when a secret is stored or read. */
function loadBinding(load: BindingLoader): Promise<EntryConstructor> {
  const known = loaded.get(load);
  if (known) return known;
  const loading = load().then(
    (binding) => {
      const Entry = binding.Entry ?? binding.default?.Entry;
      if (!Entry) throw new SecretStoreUnavailableError(t('config.store.binding-incomplete'));
      return Entry;
    },
    (error: unknown) => {
      // No prebuilt binary for this system (musl, an unusual CPU) or a broken install.
      throw new SecretStoreUnavailableError(t('config.store.binding-failed', { reason: reason(error) }));
    },
  );
  loaded.set(load, loading);
  return loading;
}

/**
 * The operating system's store. On Linux the Secret Service is required: the binding would otherwise
 * fall back to the kernel keyring, which forgets everything at logout or reboot (keyrings(7)), so a
 * secret kept there would vanish and `check` fail later; the 0600 file is the better fallback.
 */
export function osSecretStore(options: { platform?: NodeJS.Platform; load?: BindingLoader } = {}): SecretStore {
  const { platform = process.platform, load = importBinding } = options;
  const entry = async (ref: SecretRef): Promise<KeyringEntry> => {
    const Entry = await loadBinding(load);
    try {
      return new Entry(ref.service, ref.account, platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined);
    } catch (error) {
      throw new SecretStoreUnavailableError(reason(error));
    }
  };
  const attempt = <T>(action: () => T): T => {
    try {
      return action();
    } catch (error) {
      throw new SecretStoreUnavailableError(reason(error));
    }
  };
  return {
    async get(ref) {
      const found = await entry(ref);
      return attempt(() => found.getPassword());
    },
    async set(ref, secret) {
      const found = await entry(ref);
      attempt(() => found.setPassword(secret));
    },
    async delete(ref) {
      const found = await entry(ref);
      return attempt(() => found.deleteCredential());
    },
  };
}
