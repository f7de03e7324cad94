import type { Secret } from '../inputs/secret.js';
import type { Message } from '../messages/index.js';

/**
 * Where a new client secret goes (STUB: the contract; its body is being built), used by the automatic
 * setup and by rotate-secret. Never into `--json` output, never into a log.
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
  /** The OS credential store and the saved configuration come from the command's services. */
  [service: string]: unknown;
}

export async function deliverSecret(_secret: Secret, _to: SecretDestination[], _owner: SecretOwner, _deps: SecretDeliveryDeps): Promise<Delivered[]> {
  throw new Error('deliverSecret: not built yet');
}
