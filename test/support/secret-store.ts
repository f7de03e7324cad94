import { type SecretRef, type SecretStore, SecretStoreUnavailableError } from '../../src/config/secret-store.js';

export interface FakeSecretStore extends SecretStore {
  /** Entries by `service account`. */
  entries: Map<string, string>;
  /** Every call, in order: `set service account`, … */
  calls: string[];
}

const key = (ref: SecretRef) => `${ref.service} ${ref.account}`;

/** An in-memory credential store; `unavailable` makes every call fail as a headless machine's would. */
export function fakeSecretStore(options: { unavailable?: string } = {}): FakeSecretStore {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  const call = (verb: string, ref: SecretRef) => {
    calls.push(`${verb} ${key(ref)}`);
    if (options.unavailable) throw new SecretStoreUnavailableError(options.unavailable);
  };
  return {
    entries,
    calls,
    async get(ref) {
      call('get', ref);
      return entries.get(key(ref)) ?? null;
    },
    async set(ref, secret) {
      call('set', ref);
      entries.set(key(ref), secret);
    },
    async delete(ref) {
      call('delete', ref);
      return entries.delete(key(ref));
    },
  };
}
