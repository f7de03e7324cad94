import { AdminApiError } from '../admin/errors.js';
import type { CmdletOutcome, ExchangeAdminClient } from '../admin/exchange.js';
import type { GraphClient } from '../admin/graph.js';
import type { AdminFailure } from '../diagnose/types.js';
import { msg, type Message } from '../messages/index.js';

/**
 * The read-only checks before any change: Security Defaults, the organisation's and the mailbox's
 * SMTP AUTH setting, and an existing Exchange service principal of the app with the wrong object id.
 * Unreadable is "could not check", never "off".
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

export async function readOnlyChecks(input: ReadChecksInput, deps: ReadChecksDeps): Promise<Finding[]> {
  const findings: Finding[] = [await securityDefaults(deps)];
  const exchange = deps.exchange;
  if (exchange === null) {
    findings.push(
      { check: 'organization-smtp-auth', state: 'unknown', message: msg('automatic-exchange.check.organization.unknown') },
      { check: 'mailbox-smtp-auth', state: 'unknown', message: msg('automatic-exchange.check.mailbox.unknown', { mailbox: input.mailbox }) },
    );
    if (input.appId) findings.push({ check: 'exchange-service-principal', state: 'unknown', message: msg('automatic-exchange.check.sp.unknown') });
    return findings;
  }
  findings.push(
    await read('organization-smtp-auth', () => exchange.getTransportConfig(), msg('automatic-exchange.check.organization.unknown'), (v) =>
      // Off for the organisation is not in the way: "the mailbox setting overrides the organization
      // setting" (Microsoft Learn, "Enable or disable SMTP AUTH in Exchange Online"), and the setup sets
      // the mailbox's own SmtpClientAuthenticationDisabled to $false. So 'ok', said so in its message.
      v.smtpClientAuthenticationDisabled === true
        ? { state: 'ok', message: msg('automatic-exchange.check.organization.off-overridden') }
        : { state: 'ok', message: msg('automatic-exchange.check.organization.on') },
    ),
    await read('mailbox-smtp-auth', () => exchange.getCasMailbox(input.mailbox), msg('automatic-exchange.check.mailbox.unknown', { mailbox: input.mailbox }), (v) =>
      // null follows the organisation: the setup still sets it explicitly, so it changes.
      v.smtpClientAuthenticationDisabled === false
        ? { state: 'ok', message: msg('automatic-exchange.check.mailbox.on', { mailbox: input.mailbox }) }
        : { state: 'will-change', message: msg('automatic-exchange.check.mailbox.will-change', { mailbox: input.mailbox }) },
    ),
  );
  const appId = input.appId;
  if (appId) {
    findings.push(
      await read('exchange-service-principal', () => exchange.getServicePrincipal(appId), msg('automatic-exchange.check.sp.unknown'), (sp) =>
        sp && input.servicePrincipalId && sp.objectId.toLowerCase() !== input.servicePrincipalId.toLowerCase()
          ? { state: 'will-change', message: msg('automatic-exchange.check.sp.wrong', { found: sp.objectId, expected: input.servicePrincipalId }) }
          : { state: 'ok', message: msg('automatic-exchange.check.sp.ok') },
      ),
    );
  }
  return findings;
}

async function securityDefaults(deps: ReadChecksDeps): Promise<Finding> {
  const state = await deps.graph.securityDefaults();
  if (state.state === 'enabled') return { check: 'security-defaults', state: 'blocking', message: msg('automatic-exchange.check.security-defaults.on') };
  if (state.state === 'disabled') return { check: 'security-defaults', state: 'ok', message: msg('automatic-exchange.check.security-defaults.off') };
  // Unreadable is "could not check", never "off".
  return { check: 'security-defaults', state: 'unknown', message: msg('automatic-exchange.check.security-defaults.unknown'), failure: state.failure.failure };
}

/** One Exchange read: `unexpected` is unknown (with its failure); a refusal is unknown too, with the refusal. */
async function read<T>(
  check: ReadCheck,
  attempt: () => Promise<CmdletOutcome<T>>,
  unknown: Message,
  judge: (value: T) => Pick<Finding, 'state' | 'message'>,
): Promise<Finding> {
  try {
    const out = await attempt();
    if (out.kind !== 'ok') return { check, state: 'unknown', message: unknown, failure: out.failure };
    return { check, ...judge(out.value) };
  } catch (error) {
    if (error instanceof AdminApiError) return { check, state: 'unknown', message: unknown, failure: error.failure };
    throw error;
  }
}
