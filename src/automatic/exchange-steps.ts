import type { CmdletOutcome, ExchangeAdminClient, ExchangeServicePrincipal, Unexpected } from '../admin/exchange.js';
import { retryWhileReplicating } from '../admin/replication.js';
import { msg } from '../messages/index.js';
import type { ReplicationRetryOptions } from '../admin/replication.js';
import type { Message } from '../messages/index.js';
import { runScriptBlocks, sendsAsAnotherAddress, servicePrincipalLines, smtpAuthLines, type ExchangeScriptValues } from '../wizard/powershell.js';
import type { Block } from '../wizard/show.js';

/**
 * Steps 2–3 through Exchange Online's admin endpoint.
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
  /**
   * The mailbox's SMTP AUTH as this run's read-only checks read it (`on`: SmtpClientAuthenticationDisabled
   * $false). Absent when they could not read it: then step 3 reads it itself before it changes anything.
   */
  mailboxSmtpAuth?: 'on' | 'off';
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

/** An `unexpected` outcome (or a read that does not show the change) ends the run: hand over. */
class Handover extends Error {
  constructor(readonly failure: Unexpected) {
    super('handover');
  }
}

function ok<T>(out: CmdletOutcome<T>): T {
  if (out.kind !== 'ok') throw new Handover(out.failure);
  return out.value;
}

function notConfirmed(cmdlet: Unexpected['cmdlet']): never {
  // The cmdlet answered, but the read after it does not show the change: never guess success.
  throw new Handover({ kind: 'unexpected', cmdlet, status: 200 });
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export async function runExchangeSteps(input: ExchangeStepsInput, deps: ExchangeStepsDeps): Promise<ExchangeStepsOutcome> {
  const values = scriptValues(input);
  try {
    const repaired = await servicePrincipal(input, deps);
    if (repaired) return repaired;
    await mailboxPermission(input, deps);
    if (sendsAsAnotherAddress(values)) await sendAs(input, deps);
    await smtpAuth(input, deps);
    return { kind: 'done' };
  } catch (error) {
    if (error instanceof Handover) return { kind: 'handover', failure: error.failure, values };
    throw error;
  }
}

function scriptValues(input: ExchangeStepsInput): ExchangeScriptValues {
  return {
    tenant: input.tenantId,
    clientId: input.appId,
    servicePrincipalObjectId: input.servicePrincipalId,
    displayName: input.appName,
    mailbox: input.mailbox,
    from: input.from,
    ...(input.exchangeEnvironmentName && { exchangeEnvironmentName: input.exchangeEnvironmentName }),
  };
}

async function servicePrincipal(input: ExchangeStepsInput, deps: ExchangeStepsDeps): Promise<ExchangeStepsOutcome | null> {
  const { exchange } = deps;
  // Read even when an earlier run confirmed it: a cheap read, and a wrong one must not stay.
  deps.show(msg('automatic-exchange.sp.reading', { appId: input.appId }));
  const found = ok(await exchange.getServicePrincipal(input.appId));
  if (found && same(found.objectId, input.servicePrincipalId)) {
    if (!deps.done.servicePrincipal) await record(deps, { servicePrincipal: true });
    return null;
  }
  if (found) {
    const yes = await deps.confirm(msg('automatic-exchange.sp.repair-question', { found: found.objectId, expected: input.servicePrincipalId }));
    if (!yes) return { kind: 'repair-declined', found };
    deps.show(msg('automatic-exchange.sp.removing', { objectId: found.objectId }));
    ok(await exchange.removeServicePrincipal(found.objectId));
  }
  deps.show(msg('automatic-exchange.sp.creating', { objectId: input.servicePrincipalId }));
  // Exchange sees a new Entra service principal only after replication (automation-notes.md §4 row 5).
  ok(
    await retryWhileReplicating(() => exchange.newServicePrincipal(input.appId, input.servicePrincipalId, input.appName), {
      ...deps.replication,
      onWait: (wait) => {
        deps.show(msg('automatic-exchange.sp.waiting', { seconds: Math.ceil(wait.waitMs / 1000) }));
        deps.replication?.onWait?.(wait);
      },
    }),
  );
  const confirmed = ok(await exchange.getServicePrincipal(input.appId));
  if (!confirmed || !same(confirmed.objectId, input.servicePrincipalId)) notConfirmed('Get-ServicePrincipal');
  await record(deps, { servicePrincipal: true });
  deps.show(msg('automatic-exchange.sp.confirmed'));
  return null;
}

async function hasFullAccess(input: ExchangeStepsInput, deps: ExchangeStepsDeps): Promise<boolean> {
  const rows = ok(await deps.exchange.getMailboxPermission(input.mailbox, input.servicePrincipalId));
  return rows.some((r) => r.accessRights.some((right) => same(right, 'FullAccess')));
}

async function mailboxPermission(input: ExchangeStepsInput, deps: ExchangeStepsDeps): Promise<void> {
  if (deps.done.mailboxPermission) return;
  if (!(await hasFullAccess(input, deps))) {
    deps.show(msg('automatic-exchange.mailbox.granting', { mailbox: input.mailbox }));
    ok(await deps.exchange.addMailboxPermission(input.mailbox, input.servicePrincipalId));
    if (!(await hasFullAccess(input, deps))) notConfirmed('Get-MailboxPermission');
  }
  await record(deps, { mailboxPermission: true });
  deps.show(msg('automatic-exchange.mailbox.confirmed'));
}

async function hasSendAs(input: ExchangeStepsInput, deps: ExchangeStepsDeps): Promise<boolean> {
  const trustees = ok(await deps.exchange.getRecipientPermission(input.from, input.servicePrincipalId));
  return trustees.length > 0;
}

async function sendAs(input: ExchangeStepsInput, deps: ExchangeStepsDeps): Promise<void> {
  if (deps.done.sendAs) return;
  if (!(await hasSendAs(input, deps))) {
    deps.show(msg('automatic-exchange.send-as.granting', { mailbox: input.mailbox, from: input.from }));
    ok(await deps.exchange.addRecipientPermission(input.from, input.servicePrincipalId));
    if (!(await hasSendAs(input, deps))) notConfirmed('Get-RecipientPermission');
  }
  await record(deps, { sendAs: true });
  deps.show(msg('automatic-exchange.send-as.confirmed'));
}

async function smtpAuth(input: ExchangeStepsInput, deps: ExchangeStepsDeps): Promise<void> {
  const read = async () => ok(await deps.exchange.getCasMailbox(input.mailbox)).smtpClientAuthenticationDisabled;
  // Read once per run: the read-only checks did at its start, unless they could not. A change in
  // between would not go unseen: the proof's test mail is refused while SMTP AUTH is off.
  const disabled = input.mailboxSmtpAuth === undefined ? await read() : input.mailboxSmtpAuth === 'off';
  if (disabled === false && deps.done.smtpAuth) return;
  if (disabled !== false) {
    deps.show(msg('automatic-exchange.smtp-auth.enabling', { mailbox: input.mailbox }));
    ok(await deps.exchange.setCasMailbox(input.mailbox, false));
    if ((await read()) !== false) notConfirmed('Get-CASMailbox');
  }
  await record(deps, { smtpAuth: true });
  deps.show(msg('automatic-exchange.smtp-auth.confirmed'));
}

async function record(deps: ExchangeStepsDeps, step: ExchangeDone): Promise<void> {
  Object.assign(deps.done, step);
  await deps.record({ ...deps.done });
}

/** The hand-over screen: today's step 2–3 screen of the wizard, with the real values (and the .ps1 path when written). */
export function handoverBlocks(values: ExchangeScriptValues, scriptPath: string | null): Block[] {
  return [
    { kind: 'warning', text: msg('automatic-exchange.handover.warning') },
    { kind: 'heading', step: 2 },
    { kind: 'paragraph', text: msg('wizard.sp.why') },
    { kind: 'paragraph', text: msg('wizard.sp.object-id', { objectId: values.servicePrincipalObjectId }), gap: false },
    { kind: 'paragraph', text: msg('wizard.sp.run', { sendAs: sendsAsAnotherAddress(values) }) },
    { kind: 'commands', lines: servicePrincipalLines(values) },
    ...(scriptPath !== null ? runScriptBlocks(scriptPath) : []),
    { kind: 'heading', step: 3 },
    { kind: 'paragraph', text: msg('wizard.smtp-auth.why', { mailbox: values.mailbox }) },
    { kind: 'paragraph', text: msg('wizard.smtp-auth.run', { scriptPath: scriptPath ?? undefined }) },
    { kind: 'commands', lines: smtpAuthLines(values.mailbox) },
    { kind: 'paragraph', text: msg('wizard.smtp-auth.security-defaults') },
    { kind: 'note', text: msg('wizard.smtp-auth.propagation') },
  ];
}
