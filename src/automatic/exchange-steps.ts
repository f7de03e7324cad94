import type { ExchangeAdminClient, ExchangeServicePrincipal, Unexpected } from '../admin/exchange.js';
import type { ReplicationRetryOptions } from '../admin/replication.js';
import type { Message } from '../messages/index.js';
import type { ExchangeScriptValues } from '../wizard/powershell.js';
import type { Block } from '../wizard/show.js';

/**
 * Steps 2–3 through Exchange Online's admin endpoint (STUB: the contract; its body is being built).
 * Each cmdlet is followed by a read that confirms it; what is already right is left alone; an
 * Exchange service principal with the wrong object id is removed and made again after confirmation;
 * any answer the notes do not describe hands over to the generated PowerShell.
 */

/** What is done in Exchange, as recorded in the automatic run's saved state (each set once confirmed). */
export interface ExchangeDone {
  servicePrincipal?: boolean;
  mailboxPermission?: boolean;
  sendAs?: boolean;
  smtpAuth?: boolean;
}

export interface ExchangeStepsInput {
  tenantId: string;
  /** The application (client) id. */
  appId: string;
  /** The Enterprise application's object id (Graph's servicePrincipal id): never the app registration's. */
  servicePrincipalId: string;
  appName: string;
  mailbox: string;
  from: string;
  /** `-ExchangeEnvironmentName` for the hand-over script in a sovereign cloud. */
  exchangeEnvironmentName?: string;
}

export interface ExchangeStepsDeps {
  exchange: ExchangeAdminClient;
  /** What an earlier (killed) run already confirmed: skipped, but read again where cheap. */
  done: ExchangeDone;
  /** Called the moment a step is confirmed, before the next one starts. */
  record(done: ExchangeDone): Promise<void>;
  /** A yes/no question (the repair); `--yes` answers yes, `--no-input` without `--yes` answers no. */
  confirm(question: Message): Promise<boolean>;
  /** Progress lines (what runs now, the replication waits). */
  show(message: Message): void;
  replication?: ReplicationRetryOptions;
}

export type ExchangeStepsOutcome =
  | { kind: 'done' }
  /** The endpoint answered in a shape the notes do not describe: steps 2–3 by PowerShell, with these values. */
  | { kind: 'handover'; failure: Unexpected; values: ExchangeScriptValues }
  /** The wrong Exchange service principal was found and the admin declined to replace it: nothing changed. */
  | { kind: 'repair-declined'; found: ExchangeServicePrincipal };

export async function runExchangeSteps(_input: ExchangeStepsInput, _deps: ExchangeStepsDeps): Promise<ExchangeStepsOutcome> {
  throw new Error('runExchangeSteps: not built yet');
}

/** The hand-over screen: today's step 2–3 screen of the wizard, with the real values (and the .ps1 path when written). */
export function handoverBlocks(_values: ExchangeScriptValues, _scriptPath: string | null): Block[] {
  throw new Error('handoverBlocks: not built yet');
}
