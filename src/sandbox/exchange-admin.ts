import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateAdmin, hasRole, hasScopes } from './admin-auth.js';
import { EXCHANGE_ADMIN_SCOPE, EXCHANGE_RESOURCE, isVisible, markCreated, smtpAuthKeys } from './directory.js';
import {
  aceDoesNotExistWarning,
  aceExistsWarning,
  cmdletErrorBody,
  ExchangeAdminErrors,
  notFoundBody,
  unauthorizedBody,
  unexpectedAnswerBody,
  type CmdletError,
} from './exchange-admin-errors.js';
import {
  findMailboxByAnyAddress,
  isGuid,
  newGuid,
  tenantMatches,
  type ExchangeServicePrincipal,
  type Mailbox,
  type TenantState,
} from './tenant.js';
import type { MountedApi } from './token-endpoint.js';
import type { TokenIssuer } from './token-issuer.js';
import type { SandboxEvent, SandboxState } from './types.js';
import { readAll } from '../io.js';

/**
 * Exchange Online's admin endpoint for the cmdlets of steps 2–3 (automation-notes.md §3):
 * `POST <exchangeUrl>/adminapi/beta/{tenantId}/InvokeCommand` with
 * `{"CmdletInput":{"CmdletName":…,"Parameters":{…}}}`, answering `{ value: [...] }` (and
 * `@adminapi.warnings`), errors as exchange-admin-errors.ts builds them. It needs a delegated token
 * for the Exchange resource from an administrator with the Exchange Administrator (or Global
 * Administrator) role, and writes through to the tenant model the SMTP server reads: Exchange
 * service principals, FullAccess, SendAs, the mailboxes' SMTP AUTH setting.
 */

export const EXCHANGE_ADMIN_PATH_PREFIX = '/exchange/adminapi/';

class CmdletFailure extends Error {
  constructor(readonly cmdlet: CmdletError) {
    super(cmdlet.message);
  }
}

function fail(err: CmdletError): never {
  throw new CmdletFailure(err);
}

type Params = Map<string, unknown>;
type CmdletResult = { value: Record<string, unknown>[]; warnings?: string[] };

interface CmdletSpec {
  required: string[];
  optional: string[];
  run(tenant: TenantState, p: Params): CmdletResult;
}

const MAX_BODY_BYTES = 64 * 1024;

function text(p: Params, name: string): string {
  const value = p.get(name.toLowerCase());
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** PowerShell binds `$false`, `false`, `"False"` alike to a bool; `$null` stays null. */
function boolOrNull(p: Params, name: string): boolean | null {
  const value = p.get(name.toLowerCase());
  if (value === null) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false|\$true|\$false)$/i.test(value)) return /true/i.test(value);
  fail(ExchangeAdminErrors.invalidParameter(name, String(value)));
}

function rights(p: Params): string[] {
  const value = p.get('accessrights');
  const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
  return list.map((r) => r.trim()).filter(Boolean);
}

function findServicePrincipal(tenant: TenantState, identity: string): ExchangeServicePrincipal | undefined {
  const wanted = identity.toLowerCase();
  return tenant.exchangeServicePrincipals.find(
    (sp) => sp.appId.toLowerCase() === wanted || sp.objectId.toLowerCase() === wanted || sp.displayName.toLowerCase() === wanted,
  );
}

function findMailbox(tenant: TenantState, identity: string): Mailbox {
  const wanted = identity.toLowerCase();
  const mailbox =
    findMailboxByAnyAddress(tenant, identity) ??
    tenant.mailboxes.find((m) => m.displayName.toLowerCase() === wanted || m.address.split('@')[0]?.toLowerCase() === wanted);
  return mailbox ?? fail(ExchangeAdminErrors.objectNotFound(identity));
}

function servicePrincipalView(tenant: TenantState, sp: ExchangeServicePrincipal): Record<string, unknown> {
  return {
    Identity: sp.objectId,
    Name: sp.objectId,
    DisplayName: sp.displayName,
    AppId: sp.appId,
    ObjectId: sp.objectId,
    // `-ServiceId` is the deprecated name of ObjectId (automation-notes.md §3).
    ServiceId: sp.objectId,
    Organization: tenant.domains[0] ?? tenant.id,
  };
}

function mailboxPermissionView(mailbox: Mailbox, user: string, accessRights: string[]): Record<string, unknown> {
  // `User` of a service principal is its object id here [UNVERIFIED: how Exchange names it].
  return { Identity: mailbox.displayName, User: user, AccessRights: accessRights, IsInherited: false, Deny: false, InheritanceType: 'All' };
}

function recipientPermissionView(mailbox: Mailbox, trustee: string): Record<string, unknown> {
  return { Identity: mailbox.displayName, Trustee: trustee, AccessControlType: 'Allow', AccessRights: ['SendAs'], IsInherited: false, InheritanceType: 'None' };
}

function casMailboxView(mailbox: Mailbox): Record<string, unknown> {
  return {
    Identity: mailbox.displayName,
    Name: mailbox.displayName,
    PrimarySmtpAddress: mailbox.address,
    SmtpClientAuthenticationDisabled: mailbox.smtpClientAuthenticationDisabled,
  };
}

export interface ExchangeAdminOptions {
  state: SandboxState;
  issuer: TokenIssuer;
  events: SandboxEvent[];
  origin: () => string;
  tenantOf: (tenantId: string) => TenantState | undefined;
}

export interface ExchangeAdminApi extends MountedApi {
  requests(): number;
}

export function createExchangeAdminApi(options: ExchangeAdminOptions): ExchangeAdminApi {
  const { state } = options;
  let count = 0;

  // What steps 2–3 change reaches SMTP AUTH only after the replication delay (automation-notes.md §4,
  // last row: 535 5.7.3 for a while); the admin endpoint's own reads see it at once.
  const created = (tenant: TenantState, key: string) => markCreated(tenant.directory, [key], state.automation.now(), state.automation.replicationDelayMs);

  const servicePrincipalByUser = (tenant: TenantState, user: string) =>
    findServicePrincipal(tenant, user) ?? fail(ExchangeAdminErrors.userNotFound(user));

  const cmdlets: Record<string, CmdletSpec> = {
    'get-serviceprincipal': {
      required: [],
      optional: ['Identity', 'Organization'],
      run(tenant, p) {
        const identity = text(p, 'Identity');
        if (!identity) return { value: tenant.exchangeServicePrincipals.map((sp) => servicePrincipalView(tenant, sp)) };
        const sp = findServicePrincipal(tenant, identity) ?? fail(ExchangeAdminErrors.objectNotFound(identity));
        return { value: [servicePrincipalView(tenant, sp)] };
      },
    },
    'new-serviceprincipal': {
      required: ['AppId', 'ObjectId'],
      optional: ['DisplayName', 'Organization'],
      run(tenant, p) {
        const appId = text(p, 'AppId');
        const objectId = text(p, 'ObjectId');
        if (!isGuid(appId)) fail(ExchangeAdminErrors.invalidParameter('AppId', appId));
        if (!isGuid(objectId)) fail(ExchangeAdminErrors.invalidParameter('ObjectId', objectId));
        // Exchange reads the app from Entra ID: one that has no (visible) service principal yet is
        // refused (automation-notes.md §4, last-but-two row). The ObjectId is NOT checked against it:
        // the app registration's object id is accepted, and AUTH then fails (catalog B.1 cause 3).
        const app = tenant.apps.find(
          (a) => a.clientId.toLowerCase() === appId.toLowerCase() && isVisible(tenant.directory, a.servicePrincipalObjectId, state.automation.now()),
        );
        if (!app) fail(ExchangeAdminErrors.entraServicePrincipalNotFound(appId));
        if (tenant.exchangeServicePrincipals.some((sp) => sp.appId.toLowerCase() === appId.toLowerCase())) fail(ExchangeAdminErrors.servicePrincipalExists(appId));
        const sp: ExchangeServicePrincipal = { appId: app.clientId, objectId, displayName: text(p, 'DisplayName') || app.displayName };
        tenant.exchangeServicePrincipals.push(sp);
        created(tenant, smtpAuthKeys.servicePrincipal(sp.appId, sp.objectId));
        return { value: [servicePrincipalView(tenant, sp)] };
      },
    },
    'remove-serviceprincipal': {
      required: ['Identity'],
      optional: ['Confirm', 'Organization'],
      run(tenant, p) {
        const identity = text(p, 'Identity');
        const sp = findServicePrincipal(tenant, identity) ?? fail(ExchangeAdminErrors.objectNotFound(identity));
        tenant.exchangeServicePrincipals.splice(tenant.exchangeServicePrincipals.indexOf(sp), 1);
        return { value: [] };
      },
    },
    'get-mailboxpermission': {
      required: ['Identity'],
      optional: ['User'],
      run(tenant, p) {
        const mailbox = findMailbox(tenant, text(p, 'Identity'));
        const entries = [
          mailboxPermissionView(mailbox, 'NT AUTHORITY\\SELF', ['FullAccess', 'ReadPermission']),
          ...mailbox.fullAccess.map((oid) => mailboxPermissionView(mailbox, oid, ['FullAccess'])),
        ];
        const user = text(p, 'User');
        if (!user) return { value: entries };
        const sp = servicePrincipalByUser(tenant, user);
        return { value: entries.filter((e) => typeof e.User === 'string' && e.User.toLowerCase() === sp.objectId.toLowerCase()) };
      },
    },
    'add-mailboxpermission': {
      required: ['Identity', 'User', 'AccessRights'],
      optional: ['AutoMapping', 'InheritanceType', 'Confirm'],
      run(tenant, p) {
        const mailbox = findMailbox(tenant, text(p, 'Identity'));
        const sp = servicePrincipalByUser(tenant, text(p, 'User'));
        const granted = rights(p);
        if (!granted.some((r) => r.toLowerCase() === 'fullaccess')) fail(ExchangeAdminErrors.invalidParameter('AccessRights', granted.join(',')));
        if (mailbox.fullAccess.some((oid) => oid.toLowerCase() === sp.objectId.toLowerCase())) {
          return { value: [mailboxPermissionView(mailbox, sp.objectId, ['FullAccess'])], warnings: [aceExistsWarning()] };
        }
        mailbox.fullAccess.push(sp.objectId);
        created(tenant, smtpAuthKeys.fullAccess(mailbox.address, sp.objectId));
        return { value: [mailboxPermissionView(mailbox, sp.objectId, ['FullAccess'])] };
      },
    },
    'remove-mailboxpermission': {
      required: ['Identity', 'User', 'AccessRights'],
      optional: ['InheritanceType', 'Confirm', 'BypassMasterAccountSid'],
      run(tenant, p) {
        const mailbox = findMailbox(tenant, text(p, 'Identity'));
        const sp = servicePrincipalByUser(tenant, text(p, 'User'));
        const before = mailbox.fullAccess.length;
        mailbox.fullAccess = mailbox.fullAccess.filter((oid) => oid.toLowerCase() !== sp.objectId.toLowerCase());
        return { value: [], ...(before === mailbox.fullAccess.length && { warnings: [aceDoesNotExistWarning(mailbox.displayName)] }) };
      },
    },
    'get-recipientpermission': {
      required: ['Identity'],
      optional: ['Trustee', 'AccessRights'],
      run(tenant, p) {
        const mailbox = findMailbox(tenant, text(p, 'Identity'));
        const trustee = text(p, 'Trustee');
        const sp = trustee ? servicePrincipalByUser(tenant, trustee) : null;
        return {
          value: mailbox.sendAs
            .filter((oid) => !sp || oid.toLowerCase() === sp.objectId.toLowerCase())
            .map((oid) => recipientPermissionView(mailbox, oid)),
        };
      },
    },
    'add-recipientpermission': {
      required: ['Identity', 'Trustee', 'AccessRights'],
      optional: ['Confirm'],
      run(tenant, p) {
        const mailbox = findMailbox(tenant, text(p, 'Identity'));
        const sp = servicePrincipalByUser(tenant, text(p, 'Trustee'));
        if (!rights(p).some((r) => r.toLowerCase() === 'sendas')) fail(ExchangeAdminErrors.invalidParameter('AccessRights', rights(p).join(',')));
        if (!mailbox.sendAs.some((oid) => oid.toLowerCase() === sp.objectId.toLowerCase())) {
          mailbox.sendAs.push(sp.objectId);
          created(tenant, smtpAuthKeys.sendAs(mailbox.address, sp.objectId));
        }
        return { value: [recipientPermissionView(mailbox, sp.objectId)] };
      },
    },
    'remove-recipientpermission': {
      required: ['Identity', 'Trustee', 'AccessRights'],
      optional: ['Confirm'],
      run(tenant, p) {
        const mailbox = findMailbox(tenant, text(p, 'Identity'));
        const sp = servicePrincipalByUser(tenant, text(p, 'Trustee'));
        const before = mailbox.sendAs.length;
        mailbox.sendAs = mailbox.sendAs.filter((oid) => oid.toLowerCase() !== sp.objectId.toLowerCase());
        return { value: [], ...(before === mailbox.sendAs.length && { warnings: [aceDoesNotExistWarning(mailbox.displayName)] }) };
      },
    },
    'get-casmailbox': {
      required: [],
      optional: ['Identity'],
      run(tenant, p) {
        const identity = text(p, 'Identity');
        return { value: identity ? [casMailboxView(findMailbox(tenant, identity))] : tenant.mailboxes.map(casMailboxView) };
      },
    },
    'set-casmailbox': {
      required: ['Identity', 'SmtpClientAuthenticationDisabled'],
      optional: ['Confirm'],
      run(tenant, p) {
        const mailbox = findMailbox(tenant, text(p, 'Identity'));
        // `$null` lets the mailbox follow the organization again (catalog B.2).
        mailbox.smtpClientAuthenticationDisabled = boolOrNull(p, 'SmtpClientAuthenticationDisabled');
        return { value: [] };
      },
    },
    'get-transportconfig': {
      required: [],
      optional: [],
      run(tenant) {
        return { value: [{ Identity: 'Transport Settings', Name: 'Transport Settings', SmtpClientAuthenticationDisabled: tenant.organization.smtpClientAuthenticationDisabled }] };
      },
    },
  };

  const run = (tenant: TenantState, input: unknown): { cmdlet: string; result: CmdletResult } => {
    const cmdletInput = (input as { CmdletInput?: { CmdletName?: unknown; Parameters?: unknown } } | null)?.CmdletInput;
    const name = typeof cmdletInput?.CmdletName === 'string' ? cmdletInput.CmdletName : '';
    const spec = cmdlets[name.toLowerCase()] ?? fail(ExchangeAdminErrors.unknownCmdlet(name));
    const params: Params = new Map();
    const given = cmdletInput?.Parameters;
    if (given !== undefined && given !== null && (typeof given !== 'object' || Array.isArray(given))) fail(ExchangeAdminErrors.invalidParameter('Parameters', String(given)));
    const allowed = new Set([...spec.required, ...spec.optional].map((n) => n.toLowerCase()));
    for (const [key, value] of Object.entries((given ?? {}) as Record<string, unknown>)) {
      // PowerShell parameter names are case-insensitive.
      if (!allowed.has(key.toLowerCase())) fail(ExchangeAdminErrors.unknownParameter(key));
      params.set(key.toLowerCase(), value);
    }
    const missing = spec.required.filter((r) => {
      const v = params.get(r.toLowerCase());
      return v === undefined || v === '';
    });
    if (missing.length > 0) fail(ExchangeAdminErrors.missingParameter(missing.join(', '), name));
    return { cmdlet: name, result: spec.run(tenant, params) };
  };

  return {
    prefix: EXCHANGE_ADMIN_PATH_PREFIX,
    requests: () => count,
    async handle(req: IncomingMessage, res: ServerResponse, url: URL) {
      count++;
      const requestId = newGuid();
      const method = req.method ?? 'GET';
      let status = 200;
      let body: Record<string, unknown> = {};
      let operation = '';
      const match = /^\/exchange\/adminapi\/beta\/([^/]+)\/InvokeCommand\/?$/i.exec(url.pathname);
      const tenantInPath = match?.[1] ? decodeURIComponent(match[1]) : null;
      try {
        if (!tenantInPath || method !== 'POST') {
          status = 404;
          body = notFoundBody(url.pathname);
        } else {
          const auth = await authenticateAdmin(req, options.issuer, [EXCHANGE_RESOURCE, 'https://outlook.office.com'], options.tenantOf);
          if ('refused' in auth || !tenantMatches(auth.tenant, tenantInPath)) {
            status = 401;
            body = unauthorizedBody();
          } else if (!hasScopes(auth.caller, [[EXCHANGE_ADMIN_SCOPE]]) || !hasRole(auth.caller, ['globalAdministrator', 'exchangeAdministrator'])) {
            fail(ExchangeAdminErrors.notAnAdministrator(auth.caller.admin.userPrincipalName));
          } else {
            let input: unknown = null;
            try {
              input = JSON.parse(await readAll(req, MAX_BODY_BYTES));
            } catch {
              fail(ExchangeAdminErrors.unknownCmdlet(''));
            }
            const cmdletName = (input as { CmdletInput?: { CmdletName?: unknown } } | null)?.CmdletInput?.CmdletName;
            operation = typeof cmdletName === 'string' ? cmdletName : '';
            if (state.automation.exchangeAdminAnswer === 'unexpected') {
              // A 200 in a shape automation-notes.md §3 does not describe: no `value` (the fallback test).
              body = unexpectedAnswerBody(operation);
            } else {
              const { result } = run(auth.tenant, input);
              body = {
                '@odata.context': `${options.origin()}/exchange/adminapi/beta/${tenantInPath}/$metadata#Collection(Exchange.GenericHashTable)`,
                ...(result.warnings && { '@adminapi.warnings': result.warnings }),
                value: result.value,
              };
            }
          }
        }
      } catch (error) {
        if (!(error instanceof CmdletFailure)) throw error;
        status = error.cmdlet.status;
        body = cmdletErrorBody(error.cmdlet, operation, requestId);
      }
      options.events.push({ at: new Date().toISOString(), server: 'exchange-admin', event: 'request-answered', method, path: url.pathname, status, operation });
      if (state.automation.swallowAnswer?.({ service: 'exchange', operation })) return;
      res.writeHead(status, {
        'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
        'request-id': requestId,
        ...(status === 401 && { 'www-authenticate': 'Bearer' }),
      });
      res.end(JSON.stringify(body));
    },
  };
}
