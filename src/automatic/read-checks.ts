import type { ExchangeAdminClient } from '../admin/exchange.js';
import type { GraphClient } from '../admin/graph.js';
import type { AdminFailure } from '../diagnose/types.js';
import type { Message } from '../messages/index.js';

/**
 * The read-only checks before any change (STUB: the contract; its body is being built): Security
 * Defaults, the organisation's and the mailbox's SMTP AUTH setting, and an existing Exchange service
 * principal of the app with the wrong object id. Unreadable is "could not check", never "off".
 */

export type ReadCheck = 'security-defaults' | 'organization-smtp-auth' | 'mailbox-smtp-auth' | 'exchange-service-principal';

export interface Finding {
  check: ReadCheck;
  /**
   * ok: nothing in the way. will-change: the plan changes it (the mailbox's SMTP AUTH off, a wrong
   * Exchange service principal to repair). blocking: the result cannot work while it stays (Security
   * Defaults on): the run stops before any change. unknown: could not be read with this sign-in.
   */
  state: 'ok' | 'will-change' | 'blocking' | 'unknown';
  message: Message;
  /** Why it could not be read (unknown), for the diagnosis. */
  failure?: AdminFailure;
}

export interface ReadChecksInput {
  mailbox: string;
  /** The app's client id when one exists already (resume, rerun): its Exchange service principal is read. */
  appId: string | null;
  /** Its Enterprise application's object id, when known, to compare with Exchange's. */
  servicePrincipalId: string | null;
}

export interface ReadChecksDeps {
  graph: GraphClient;
  /** Null when the Exchange token could not be had: its checks are then `unknown`. */
  exchange: ExchangeAdminClient | null;
}

export async function readOnlyChecks(_input: ReadChecksInput, _deps: ReadChecksDeps): Promise<Finding[]> {
  throw new Error('readOnlyChecks: not built yet');
}
