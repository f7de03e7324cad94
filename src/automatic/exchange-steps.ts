import type { CmdletOutcome, ExchangeAdminClient, ExchangeServicePrincipal, Unexpected } from '../admin/exchange.js';
import { retryWhileReplicating, type ReplicationRetryOptions } from '../admin/replication.js';
import { msg, type Message } from '../messages/index.js';
import { runScriptBlocks, sendsAsAnotherAddress, servicePrincipalLines, smtpAuthLines, type ExchangeScriptValues } from '../wizard/powershell.js';
import type { Block } from '../wizard/show.js';

/**
 * Steps 2–3 through Exchange Online's admin endpoint .
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

/** Thrown inside the walk when an answer is in no known shape: caught once, turned into the hand-over. */
class Handover extends Error {
  constructor(readonly failure: Unexpected) {
    super(failure.cmdlet);
  }
}

function ok<T>(outcome: CmdletOutcome<T>): T {
  if (outcome.kind === 'unexpected') throw new Handover(outcome.failure);
  return outcome.value;
}

/** A confirming read that does not show the change just made is as unknown as an unexpected answer. */
function notConfirmed(cmdlet: Unexpected['cmdlet']): Handover {
  return new Handover({ kind: 'unexpected', cmdlet, status: 200 });
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export async function runExchangeSteps(input: ExchangeStepsInput, deps: ExchangeStepsDeps): Promise<ExchangeStepsOutcome> {
  const exo = deps.exchange;
  const done: ExchangeDone = { ...deps.done };
  const record = async (patch: ExchangeDone) => {
    Object.assign(done, patch);
    await deps.record({ ...done });
  };
  try {
    // Step 2: the service principal, always read again: an admin may have changed it in between.
    const found = ok(await exo.getServicePrincipal(input.appId));
    if (found && !sameId(found.objectId, input.servicePrincipalId)) {
      // The classic mistake (the app registration's object id, or an old app's): Exchange would
      // authorise a principal no token ever names. Removing it is a change: asked first.
      const yes = await deps.confirm(msg('automatic.exchange.repair-question', { found: found.objectId, expected: input.servicePrincipalId }));
      if (!yes) return { kind: 'repair-declined', found };
      deps.show(msg('automatic.exchange.running', { cmdlet: 'Remove-ServicePrincipal' }));
      ok(await exo.removeServicePrincipal(input.appId));
    }
    if (!found || !sameId(found.objectId, input.servicePrincipalId)) {
      deps.show(msg('automatic.exchange.running', { cmdlet: 'New-ServicePrincipal' }));
      // Exchange may not see a new Entra service principal for a while (notes §4, row 5): waited out.
      ok(await retryWhileReplicating(() => exo.newServicePrincipal(input.appId, input.servicePrincipalId, input.appName), deps.replication));
      const check = ok(await exo.getServicePrincipal(input.appId));
      if (!check || !sameId(check.objectId, input.servicePrincipalId)) throw notConfirmed('Get-ServicePrincipal');
    }
    await record({ servicePrincipal: true });

    const hasFullAccess = async () =>
      ok(await exo.getMailboxPermission(input.mailbox, input.servicePrincipalId)).some((p) => p.accessRights.some((r) => r.toLowerCase() === 'fullaccess'));
    if (!(await hasFullAccess())) {
      deps.show(msg('automatic.exchange.running', { cmdlet: 'Add-MailboxPermission' }));
      ok(await exo.addMailboxPermission(input.mailbox, input.servicePrincipalId));
      if (!(await hasFullAccess())) throw notConfirmed('Get-MailboxPermission');
    }
    await record({ mailboxPermission: true });

    if (sendsAsAnotherAddress(input)) {
      const hasSendAs = async () => ok(await exo.getRecipientPermission(input.from, input.servicePrincipalId)).some((t) => t.length > 0);
      if (!(await hasSendAs())) {
        deps.show(msg('automatic.exchange.running', { cmdlet: 'Add-RecipientPermission' }));
        ok(await exo.addRecipientPermission(input.from, input.servicePrincipalId));
        if (!(await hasSendAs())) throw notConfirmed('Get-RecipientPermission');
      }
      await record({ sendAs: true });
    }

    // Step 3: the mailbox's own setting overrides the organisation's (Learn, "Enable or disable SMTP
    // AUTH in Exchange Online"), so only this mailbox is opened.
    const smtpOpen = async () => ok(await exo.getCasMailbox(input.mailbox)).smtpClientAuthenticationDisabled === false;
    if (!(await smtpOpen())) {
      deps.show(msg('automatic.exchange.running', { cmdlet: 'Set-CASMailbox' }));
      ok(await exo.setCasMailbox(input.mailbox, false));
      if (!(await smtpOpen())) throw notConfirmed('Get-CASMailbox');
    }
    await record({ smtpAuth: true });
    return { kind: 'done' };
  } catch (error) {
    if (error instanceof Handover) return { kind: 'handover', failure: error.failure, values: scriptValues(input) };
    throw error;
  }
}

export function scriptValues(input: ExchangeStepsInput): ExchangeScriptValues {
  return {
    tenant: input.tenantId,
    clientId: input.appId,
    servicePrincipalObjectId: input.servicePrincipalId,
    displayName: input.appName,
    mailbox: input.mailbox,
    from: input.from,
    ...(input.exchangeEnvironmentName !== undefined && { exchangeEnvironmentName: input.exchangeEnvironmentName }),
  };
}

/** The hand-over screen: today's step 2–3 screen of the wizard, with the real values (and the .ps1 path when written). */
export function handoverBlocks(values: ExchangeScriptValues, scriptPath: string | null, failure?: Unexpected): Block[] {
  return [
    { kind: 'warning', text: msg('automatic.exchange.handover', { cmdlet: failure?.cmdlet ?? '' }) },
    { kind: 'heading', step: 2 },
    { kind: 'paragraph', text: msg('wizard.sp.run', { sendAs: sendsAsAnotherAddress(values) }) },
    { kind: 'commands', lines: servicePrincipalLines(values) },
    { kind: 'heading', step: 3 },
    { kind: 'paragraph', text: msg('wizard.smtp-auth.why', { mailbox: values.mailbox }) },
    { kind: 'commands', lines: smtpAuthLines(values.mailbox) },
    ...(scriptPath !== null ? runScriptBlocks(scriptPath) : []),
    { kind: 'note', text: msg('wizard.smtp-auth.propagation') },
  ];
}
