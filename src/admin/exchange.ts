import { randomUUID } from 'node:crypto';
import type { Secret } from '../inputs/secret.js';
import type { AdminFailure } from '../diagnose/types.js';
import { AdminApiError } from './errors.js';
import { adminRequest, retryAfterSeconds, type AdminHttpOptions } from './http.js';

/**
 * Exchange Online's admin endpoint for steps 2–3 (automation-notes.md §3):
 * `POST {exchangeUrl}/adminapi/beta/{tenantId}/InvokeCommand` with `{CmdletInput:{CmdletName,Parameters}}`,
 * what the ExchangeOnlineManagement v3 module itself calls. NOT documented by Microsoft: an answer
 * in the shapes the notes describe is read; an error in one of the three error shapes becomes an
 * AdminApiError (diagnosed like Graph's); ANY other answer is the typed `unexpected` outcome, which
 * the caller turns into "do steps 2–3 with the generated PowerShell", never into success.
 */

export type Cmdlet =
  | 'Get-ServicePrincipal'
  | 'New-ServicePrincipal'
  | 'Remove-ServicePrincipal'
  | 'Get-MailboxPermission'
  | 'Add-MailboxPermission'
  | 'Remove-MailboxPermission'
  | 'Get-RecipientPermission'
  | 'Add-RecipientPermission'
  | 'Remove-RecipientPermission'
  | 'Get-CASMailbox'
  | 'Set-CASMailbox'
  | 'Get-TransportConfig';

export interface ExchangeAdminOptions extends AdminHttpOptions {
  /** The Exchange resource's origin: `https://outlook.office365.com` (the cloud table's, or `--exchange-url`). */
  exchangeUrl: string;
  /** The directory (tenant) id the admin signed in to. */
  tenantId: string;
  /** The administrator's token for the Exchange resource (from the same sign-in, in memory). */
  token: Secret;
  /** The signed-in administrator's UPN: `X-AnchorMailbox: UPN:<upn>` routes a delegated admin's request. */
  adminUpn: string;
}

export type Unexpected = Extract<AdminFailure, { kind: 'unexpected' }>;

/** A cmdlet's outcome: its rows (and Exchange's warnings), or an answer in no known shape. */
export type CmdletOutcome<T> = { kind: 'ok'; value: T; warnings: string[] } | { kind: 'unexpected'; failure: Unexpected };

export interface ExchangeServicePrincipal {
  appId: string;
  /** What Exchange knows as the app's object id: it must be the Enterprise application's. */
  objectId: string;
  displayName: string;
}

export interface MailboxPermission {
  user: string;
  accessRights: string[];
}

export class ExchangeAdminClient {
  constructor(private readonly options: ExchangeAdminOptions) {}

  /** One cmdlet: rows as Exchange answers them (`value`), warnings, or `unexpected`. Errors throw AdminApiError. */
  async invoke(cmdlet: Cmdlet, parameters: Record<string, unknown> = {}): Promise<CmdletOutcome<Record<string, unknown>[]>> {
    const o = this.options;
    const url = `${o.exchangeUrl.replace(/\/+$/, '')}/adminapi/beta/${encodeURIComponent(o.tenantId)}/InvokeCommand`;
    const answer = await adminRequest('POST', url, o.token, o, { CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }, {
      'x-anchormailbox': `UPN:${o.adminUpn}`,
      'x-responseformat': 'json',
      'x-cmdletname': cmdlet,
      'client-request-id': randomUUID(),
    });
    const body = answer.json;
    const unexpected = (): CmdletOutcome<never> => ({ kind: 'unexpected', failure: { kind: 'unexpected', cmdlet, status: answer.status } });
    if (answer.status >= 200 && answer.status < 300) {
      const value = isObject(body) ? body.value : undefined;
      if (!Array.isArray(value) || !value.every(isObject)) return unexpected();
      const warnings = isObject(body) && Array.isArray(body['@adminapi.warnings']) ? body['@adminapi.warnings'].filter((w): w is string => typeof w === 'string') : [];
      return { kind: 'ok', value, warnings };
    }
    const error = cmdletError(body);
    if (answer.status === 429) {
      const wait = retryAfterSeconds(answer.headers) ?? resetSeconds(answer.headers['rate-limit-reset']);
      throw new AdminApiError({ kind: 'answer', service: 'exchange', operation: 'exchange-admin', cmdlet, status: 429, message: error?.message ?? '', ...(wait !== undefined && { retryAfterSeconds: wait }) });
    }
    if (!error) return unexpected();
    throw new AdminApiError({
      kind: 'answer',
      service: 'exchange',
      operation: 'exchange-admin',
      cmdlet,
      status: answer.status,
      ...(error.type && { code: error.type }),
      message: error.message,
    });
  }

  /** The Exchange service principal of an app, or null when Exchange has none. */
  async getServicePrincipal(appId: string): Promise<CmdletOutcome<ExchangeServicePrincipal | null>> {
    try {
      const out = await this.invoke('Get-ServicePrincipal', { Identity: appId });
      if (out.kind !== 'ok') return out;
      if (out.value.length === 0) return { ...out, value: null };
      const sp = servicePrincipalOf(out.value[0]);
      return sp ? { ...out, value: sp } : unexpectedOf('Get-ServicePrincipal');
    } catch (error) {
      if (isNotFound(error)) return { kind: 'ok', value: null, warnings: [] };
      throw error;
    }
  }

  /** `New-ServicePrincipal -AppId -ObjectId -DisplayName` (`-ServiceId` is deprecated in favour of `-ObjectId`). */
  async newServicePrincipal(appId: string, objectId: string, displayName: string): Promise<CmdletOutcome<ExchangeServicePrincipal>> {
    const out = await this.invoke('New-ServicePrincipal', { AppId: appId, ObjectId: objectId, DisplayName: displayName });
    if (out.kind !== 'ok') return out;
    const sp = servicePrincipalOf(out.value[0]);
    return sp ? { ...out, value: sp } : unexpectedOf('New-ServicePrincipal');
  }

  async removeServicePrincipal(identity: string): Promise<CmdletOutcome<null>> {
    return nothing(await this.invoke('Remove-ServicePrincipal', { Identity: identity, Confirm: false }));
  }

  /** FullAccess entries of one user (the service principal's object id) on a mailbox. */
  async getMailboxPermission(mailbox: string, user: string): Promise<CmdletOutcome<MailboxPermission[]>> {
    const out = await this.invoke('Get-MailboxPermission', { Identity: mailbox, User: user });
    if (out.kind !== 'ok') return out;
    const rows = out.value.map(permissionOf);
    return rows.every((r): r is MailboxPermission => r !== null) ? { ...out, value: rows } : unexpectedOf('Get-MailboxPermission');
  }

  /** `Add-MailboxPermission -AccessRights FullAccess -AutoMapping $false`. */
  async addMailboxPermission(mailbox: string, user: string): Promise<CmdletOutcome<null>> {
    return nothing(await this.invoke('Add-MailboxPermission', { Identity: mailbox, User: user, AccessRights: ['FullAccess'], AutoMapping: false }));
  }

  async removeMailboxPermission(mailbox: string, user: string): Promise<CmdletOutcome<null>> {
    return nothing(await this.invoke('Remove-MailboxPermission', { Identity: mailbox, User: user, AccessRights: ['FullAccess'], Confirm: false }));
  }

  /** SendAs trustees of a mailbox (only needed when the sender differs from the mailbox). */
  async getRecipientPermission(mailbox: string, trustee: string): Promise<CmdletOutcome<string[]>> {
    const out = await this.invoke('Get-RecipientPermission', { Identity: mailbox, Trustee: trustee });
    if (out.kind !== 'ok') return out;
    const trustees = out.value.map((r) => r.Trustee);
    return trustees.every((t): t is string => typeof t === 'string') ? { ...out, value: trustees } : unexpectedOf('Get-RecipientPermission');
  }

  async addRecipientPermission(mailbox: string, trustee: string): Promise<CmdletOutcome<null>> {
    return nothing(await this.invoke('Add-RecipientPermission', { Identity: mailbox, Trustee: trustee, AccessRights: ['SendAs'], Confirm: false }));
  }

  async removeRecipientPermission(mailbox: string, trustee: string): Promise<CmdletOutcome<null>> {
    return nothing(await this.invoke('Remove-RecipientPermission', { Identity: mailbox, Trustee: trustee, AccessRights: ['SendAs'], Confirm: false }));
  }

  /** The mailbox's SmtpClientAuthenticationDisabled: true, false, or null (follows the organisation). */
  async getCasMailbox(mailbox: string): Promise<CmdletOutcome<{ smtpClientAuthenticationDisabled: boolean | null }>> {
    return setting(await this.invoke('Get-CASMailbox', { Identity: mailbox }), 'Get-CASMailbox');
  }

  /** `Set-CASMailbox -SmtpClientAuthenticationDisabled $false` (or `$null`: follow the organisation). */
  async setCasMailbox(mailbox: string, disabled: boolean | null): Promise<CmdletOutcome<null>> {
    return nothing(await this.invoke('Set-CASMailbox', { Identity: mailbox, SmtpClientAuthenticationDisabled: disabled }));
  }

  /** The organisation's SmtpClientAuthenticationDisabled. */
  async getTransportConfig(): Promise<CmdletOutcome<{ smtpClientAuthenticationDisabled: boolean | null }>> {
    return setting(await this.invoke('Get-TransportConfig'), 'Get-TransportConfig');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function unexpectedOf(cmdlet: Cmdlet): CmdletOutcome<never> {
  // A 200 whose rows lack what the cmdlet returns is no less unexpected than a body without `value`.
  return { kind: 'unexpected', failure: { kind: 'unexpected', cmdlet, status: 200 } };
}

function nothing(out: CmdletOutcome<Record<string, unknown>[]>): CmdletOutcome<null> {
  return out.kind === 'ok' ? { ...out, value: null } : out;
}

function setting(out: CmdletOutcome<Record<string, unknown>[]>, cmdlet: Cmdlet): CmdletOutcome<{ smtpClientAuthenticationDisabled: boolean | null }> {
  if (out.kind !== 'ok') return out;
  const row = out.value[0];
  const value = row?.SmtpClientAuthenticationDisabled;
  if (out.value.length !== 1 || !(value === null || typeof value === 'boolean')) return unexpectedOf(cmdlet);
  return { ...out, value: { smtpClientAuthenticationDisabled: value } };
}

function servicePrincipalOf(row: Record<string, unknown> | undefined): ExchangeServicePrincipal | null {
  if (!row || typeof row.AppId !== 'string' || typeof row.ObjectId !== 'string') return null;
  return { appId: row.AppId, objectId: row.ObjectId, displayName: typeof row.DisplayName === 'string' ? row.DisplayName : '' };
}

function permissionOf(row: Record<string, unknown>): MailboxPermission | null {
  const rights = row.AccessRights;
  if (typeof row.User !== 'string' || !Array.isArray(rights) || !rights.every((r) => typeof r === 'string')) return null;
  return { user: row.User, accessRights: rights as string[] };
}

/**
 * The error shapes of automation-notes.md §3: `error.details[].message` as `Code|Type|Message`,
 * `error.innererror.internalException.message`, or `error.message`. Null when none is there.
 */
function cmdletError(body: unknown): { type?: string; message: string } | null {
  const error = isObject(body) && isObject(body.error) ? body.error : null;
  if (!error) return null;
  const details = Array.isArray(error.details) ? error.details : [];
  for (const d of details) {
    const text = isObject(d) && typeof d.message === 'string' ? d.message : '';
    const parts = text.split('|');
    if (parts.length >= 3) return { ...(parts[1] && { type: parts[1] }), message: parts.slice(2).join('|') };
  }
  const inner = isObject(error.innererror) && isObject(error.innererror.internalException) ? error.innererror.internalException : null;
  if (inner && typeof inner.message === 'string') return { ...(typeof inner.type === 'string' && { type: inner.type }), message: inner.message };
  if (typeof error.message === 'string') return { ...(typeof error.code === 'string' && { type: error.code }), message: error.message };
  return null;
}

/** `Rate-Limit-Reset`: a time (or seconds) when the budget refills. */
function resetSeconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds > 0 && seconds < 86_400 ? Math.ceil(seconds) : undefined;
}

function isNotFound(error: unknown): boolean {
  return error instanceof AdminApiError && error.failure.kind === 'answer' && /ManagementObjectNotFoundException/i.test(error.failure.code ?? '');
}
