import type { ExchangeAdminClient } from '../admin/exchange.js';
import { AdminApiError } from '../admin/errors.js';
import type { GraphClient } from '../admin/graph.js';
import type { AdminFailure } from '../diagnose/types.js';
import { msg, type Message } from '../messages/index.js';

/**
 * The read-only checks before any change: Security Defaults, the organisation's and the mailbox's
 * SMTP AUTH setting, and an existing Exchange service principal of the app with the wrong object id.
 * What cannot be read is "could not check", never "off" or "fine".
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

const unknown = (check: ReadCheck, failure?: AdminFailure): Finding => ({
  check,
  state: 'unknown',
  message: msg('automatic.check.unknown', { check }),
  ...(failure && { failure }),
});

/** A refusal or transport failure of a read is reported, not thrown: reading is optional, changing is not. */
async function reading(check: ReadCheck, read: () => Promise<Finding>): Promise<Finding> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AdminApiError) return unknown(check, error.failure);
    throw error;
  }
}

export async function readOnlyChecks(input: ReadChecksInput, deps: ReadChecksDeps): Promise<Finding[]> {
  const findings: Finding[] = [];
  const defaults = await deps.graph.securityDefaults();
  findings.push(
    defaults.state === 'enabled'
      ? { check: 'security-defaults', state: 'blocking', message: msg('automatic.check.security-defaults-on') }
      : defaults.state === 'disabled'
        ? { check: 'security-defaults', state: 'ok', message: msg('automatic.check.security-defaults-off') }
        : unknown('security-defaults', defaults.failure.failure),
  );
  const exo = deps.exchange;
  if (!exo) {
    findings.push(unknown('organization-smtp-auth'), unknown('mailbox-smtp-auth'));
    if (input.appId) findings.push(unknown('exchange-service-principal'));
    return findings;
  }
  findings.push(
    await reading('organization-smtp-auth', async () => {
      const org = await exo.getTransportConfig();
      if (org.kind !== 'ok') return unknown('organization-smtp-auth', org.failure);
      // Off for the organisation is no obstacle: the mailbox's own setting overrides it (Learn, "Enable
      // or disable SMTP AUTH in Exchange Online"), and the plan sets the mailbox's.
      return { check: 'organization-smtp-auth', state: 'ok', message: msg('automatic.check.organization-smtp-auth', { disabled: org.value.smtpClientAuthenticationDisabled === true }) };
    }),
    await reading('mailbox-smtp-auth', async () => {
      const box = await exo.getCasMailbox(input.mailbox);
      if (box.kind !== 'ok') return unknown('mailbox-smtp-auth', box.failure);
      const open = box.value.smtpClientAuthenticationDisabled === false;
      return { check: 'mailbox-smtp-auth', state: open ? 'ok' : 'will-change', message: msg('automatic.check.mailbox-smtp-auth', { mailbox: input.mailbox, open }) };
    }),
  );
  if (input.appId) {
    const appId = input.appId;
    findings.push(
      await reading('exchange-service-principal', async () => {
        const sp = await exo.getServicePrincipal(appId);
        if (sp.kind !== 'ok') return unknown('exchange-service-principal', sp.failure);
        if (!sp.value) return { check: 'exchange-service-principal', state: 'will-change', message: msg('automatic.check.exchange-sp-missing') };
        const right = input.servicePrincipalId !== null && sp.value.objectId.toLowerCase() === input.servicePrincipalId.toLowerCase();
        return right
          ? { check: 'exchange-service-principal', state: 'ok', message: msg('automatic.check.exchange-sp-right') }
          : { check: 'exchange-service-principal', state: 'will-change', message: msg('automatic.check.exchange-sp-wrong', { found: sp.value.objectId }) };
      }),
    );
  }
  return findings;
}
