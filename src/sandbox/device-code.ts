import { randomBytes, randomInt } from 'node:crypto';
import { EntraErrors, deviceCodeMessage, type EntraError } from './entra-errors.js';
import {
  EXCHANGE_RESOURCE,
  EXCHANGE_APP_ID,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  findAdmin,
  findPublicClient,
  roleTemplateIds,
  type AdminUser,
  type PublicClient,
} from './directory.js';
import type { TenantState } from './tenant.js';
import type { IssueDelegatedTokenParams, TokenIssuer } from './token-issuer.js';
import type { AutomationSettings } from './types.js';

/**
 * The device authorization grant (RFC 8628) of the sandbox token endpoint, as the Microsoft identity
 * platform's "OAuth 2.0 device authorization grant" page describes it (automation-notes.md §1):
 * `POST /{tenant}/oauth2/v2.0/devicecode` answers device_code, user_code, verification_uri, expires_in,
 * interval, message; the token endpoint is polled with
 * `grant_type=urn:ietf:params:oauth:grant-type:device_code` and answers authorization_pending,
 * slow_down (polled faster than `interval`), authorization_declined, expired_token, or the token.
 * Approval is not a web page here: the sandbox's `approveDeviceCode`/`declineDeviceCode` (or the
 * auto-approve setting) play the administrator at the verification page.
 */

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** The grant types Entra takes for a device code poll: RFC 8628's URN, and the short form MSAL sends. */
export function isDeviceCodeGrant(grantType: string | null): boolean {
  return grantType === DEVICE_CODE_GRANT || grantType === 'device_code';
}

/** OpenID Connect scopes MSAL adds to every request; they name no resource. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** Resources a delegated admin token can be for: the scope's resource → `aud` and the resource app. */
const DELEGATED_RESOURCES: Record<string, { audience: string; appId: string }> = {
  [GRAPH_RESOURCE]: { audience: GRAPH_RESOURCE, appId: GRAPH_APP_ID },
  [EXCHANGE_RESOURCE]: { audience: EXCHANGE_RESOURCE, appId: EXCHANGE_APP_ID },
  'https://outlook.office.com': { audience: 'https://outlook.office.com', appId: EXCHANGE_APP_ID },
};

export interface PendingDeviceCode {
  deviceCode: string;
  userCode: string;
  clientId: string;
  tenantId: string;
  /** The resource the token will be for, e.g. `https://graph.microsoft.com`. */
  resource: string;
  /** Delegated permissions the token will carry. */
  scopes: string[];
  /** The OIDC scopes asked for, echoed in the answer's `scope`. */
  oidcScopes: string[];
  issuedAt: number;
  expiresAt: number;
  /** Milliseconds; grows by 5 s with each `slow_down` (RFC 8628 §3.5). */
  intervalMs: number;
  lastPollAt: number | null;
  status: 'pending' | 'approved' | 'declined';
  /** The administrator who approved. */
  approvedBy: AdminUser | null;
}

/** 9 characters of upper-case letters and digits, as Entra's user codes look today (e.g. `FRWQDE7YL`). */
function userCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 9; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

type ParsedScope = { resource: string; permissions: string[] | 'default'; oidc: string[] };

/** Splits a scope parameter into one resource and its permissions; bare names are Graph's (Entra's default resource). */
function parseScope(raw: string): ParsedScope | { invalid: string } {
  const oidc: string[] = [];
  const byResource = new Map<string, string[]>();
  for (const scope of raw.split(/\s+/).filter(Boolean)) {
    if (OIDC_SCOPES.has(scope.toLowerCase())) {
      oidc.push(scope.toLowerCase());
      continue;
    }
    const slash = scope.lastIndexOf('/');
    const resource = slash > 0 ? scope.slice(0, slash).toLowerCase() : GRAPH_RESOURCE;
    const permission = slash > 0 ? scope.slice(slash + 1) : scope;
    byResource.set(resource, [...(byResource.get(resource) ?? []), permission]);
  }
  if (byResource.size > 1) return { invalid: raw };
  const [entry] = byResource.entries();
  if (!entry) return { resource: GRAPH_RESOURCE, permissions: ['User.Read'], oidc };
  const [resource, permissions] = entry;
  return { resource, permissions: permissions.includes('.default') ? 'default' : permissions, oidc };
}

type Asked = { client: PublicClient; resource: { audience: string; appId: string }; granted: string[]; parsed: ParsedScope };

/** The public client and what a scope parameter asks of it: refused as Entra does (700016, 650057). */
function resolveAsked(tenant: TenantState, clientId: string, scopeParam: string): { error: EntraError } | Asked {
  const client = findPublicClient(tenant.directory, clientId);
  if (!client) return { error: EntraErrors.applicationNotFound(clientId, tenant.id) };
  if (!scopeParam) return { error: EntraErrors.missingParameter('scope') };
  const parsed = parseScope(scopeParam);
  if ('invalid' in parsed) return { error: EntraErrors.invalidScope(parsed.invalid) };
  const resource = DELEGATED_RESOURCES[parsed.resource];
  if (!resource) return { error: EntraErrors.resourceNotFound(parsed.resource, tenant.displayName) };
  const granted = client.scopes[parsed.resource === 'https://outlook.office.com' ? EXCHANGE_RESOURCE : parsed.resource];
  const valid = Object.keys(client.scopes).join(', ');
  if (!granted) return { error: EntraErrors.resourceNotPreAuthorized(client.appId, client.displayName, parsed.resource, resource.appId, valid) };
  // `.default` gives every permission the client has for the resource; named ones must be among them.
  if (parsed.permissions !== 'default' && !parsed.permissions.every((p) => granted.some((g) => g.toLowerCase() === p.toLowerCase()))) {
    return { error: EntraErrors.resourceNotPreAuthorized(client.appId, client.displayName, parsed.resource, resource.appId, valid) };
  }
  return { client, resource, granted, parsed };
}

/** The delegated permissions a sign-in gets: all the client's for `.default`, else the named ones. */
function scopesOf(asked: Asked): string[] {
  const { parsed, granted } = asked;
  return parsed.permissions === 'default' ? [...granted] : granted.filter((g) => (parsed.permissions as string[]).some((p) => p.toLowerCase() === g.toLowerCase()));
}

export interface DeviceCodeStart {
  device_code: string;
  user_code: string;
  verification_uri: string;
  expires_in: number;
  interval: number;
  message: string;
}

export interface DeviceCodeFlow {
  /** `POST …/devicecode`. */
  start(tenant: TenantState, form: URLSearchParams, verificationUri: string): { error: EntraError } | { answer: DeviceCodeStart };
  /** A device code poll at the token endpoint. */
  poll(
    tenant: TenantState,
    form: URLSearchParams,
    issue: { issuer: TokenIssuer; lifetimeSeconds: number; idTokenIssuer: string },
  ): Promise<{ error: EntraError } | { slowDown: true } | { answer: Record<string, unknown> }>;
  /**
   * `grant_type=refresh_token`: a refresh token of a device code sign-in (issued when `offline_access`
   * was asked for) redeemed for another resource the same public client is pre-authorized for, as
   * MSAL's acquireTokenSilent does for a second resource. The same refusals as a sign-in (700016,
   * 650057); a token the endpoint never issued, or one for another client, is invalid_grant.
   */
  redeemRefreshToken(
    tenant: TenantState,
    form: URLSearchParams,
    issue: { issuer: TokenIssuer; lifetimeSeconds: number; idTokenIssuer: string },
  ): Promise<{ error: EntraError } | { answer: Record<string, unknown> }>;
  /** Codes not yet redeemed, oldest first. */
  pending(): readonly PendingDeviceCode[];
  /** The administrator approves the code (default: the newest pending) as `admin` (default: the tenant's first). */
  approve(userCode?: string, admin?: string): PendingDeviceCode;
  /** The administrator declines the code (default: the newest pending). */
  decline(userCode?: string): PendingDeviceCode;
  /** Forgets every code and cancels auto-approvals (close, applyScenario). */
  clear(): void;
}

export function createDeviceCodeFlow(settings: AutomationSettings, tenantOf: (tenantId: string) => TenantState | undefined): DeviceCodeFlow {
  const codes: PendingDeviceCode[] = [];
  const timers = new Set<NodeJS.Timeout>();
  /** Refresh token → the sign-in it continues (kept in memory, forgotten by clear()). */
  const refreshTokens = new Map<string, { clientId: string; tenantId: string; admin: AdminUser }>();

  /** The token answer of a sign-in: access token, id token when `openid` was asked, refresh token with `offline_access`. */
  const tokenAnswer = async (
    tenant: TenantState,
    grant: { clientId: string; admin: AdminUser; resource: string; scopes: string[]; oidcScopes: string[] },
    issue: { issuer: TokenIssuer; lifetimeSeconds: number; idTokenIssuer: string },
  ): Promise<Record<string, unknown>> => {
    const client = findPublicClient(tenant.directory, grant.clientId);
    const params: IssueDelegatedTokenParams = {
      tenantId: tenant.id,
      clientId: grant.clientId,
      appDisplayName: client?.displayName ?? grant.clientId,
      user: grant.admin,
      audience: grant.resource,
      scopes: grant.scopes,
      roleTemplateIds: roleTemplateIds(grant.admin),
      // Token times follow the real clock, as every token the endpoint issues (the injected clock
      // moves device codes and replication only; a token from its future would not verify yet).
      lifetimeSeconds: issue.lifetimeSeconds,
    };
    const token = await issue.issuer.issueDelegated(params);
    // Graph is Entra's default resource: its scopes come back bare; others with the resource prefix.
    const scopeNames = grant.resource === GRAPH_RESOURCE ? grant.scopes : grant.scopes.map((s) => `${grant.resource}/${s}`);
    const answer: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: [...scopeNames, ...grant.oidcScopes.filter((s) => s !== 'offline_access')].join(' '),
      expires_in: token.expiresIn,
      ext_expires_in: token.expiresIn,
      access_token: token.accessToken,
      // client_info (uid.utid) is what MSAL builds the account's home id from.
      client_info: Buffer.from(JSON.stringify({ uid: grant.admin.objectId, utid: tenant.id })).toString('base64url'),
    };
    if (grant.oidcScopes.includes('openid')) answer.id_token = await issue.issuer.issueIdToken(params, issue.idTokenIssuer);
    if (grant.oidcScopes.includes('offline_access')) {
      const refreshToken = randomBytes(96).toString('base64url');
      refreshTokens.set(refreshToken, { clientId: grant.clientId, tenantId: tenant.id, admin: grant.admin });
      answer.refresh_token = refreshToken;
    }
    return answer;
  };

  const find = (code?: string): PendingDeviceCode => {
    const candidates = codes.filter((c) => c.status === 'pending');
    const found = code === undefined ? candidates.at(-1) : candidates.find((c) => c.userCode === code.toUpperCase());
    if (!found) throw new Error(code === undefined ? 'no device code is waiting for approval' : `no device code ${code} is waiting for approval`);
    return found;
  };

  const approve = (code?: string, adminId?: string): PendingDeviceCode => {
    const pending = find(code);
    const tenant = tenantOf(pending.tenantId);
    const admin = tenant && (adminId === undefined ? tenant.directory.admins[0] : findAdmin(tenant.directory, adminId));
    if (!admin) throw new Error(`the sandbox tenant has no administrator ${adminId ?? ''}`.trim());
    pending.status = 'approved';
    pending.approvedBy = admin;
    return pending;
  };

  return {
    start(tenant, form, verificationUri) {
      const clientId = form.get('client_id');
      if (!clientId) return { error: EntraErrors.missingParameter('client_id') };
      const scopeParam = form.get('scope');
      if (!scopeParam && findPublicClient(tenant.directory, clientId)) return { error: EntraErrors.missingParameter('scope') };
      const asked = resolveAsked(tenant, clientId, scopeParam ?? '');
      if ('error' in asked) return asked;
      const { client, resource, parsed } = asked;
      const now = settings.now();
      const code: PendingDeviceCode = {
        deviceCode: randomBytes(96).toString('base64url'),
        userCode: userCode(),
        clientId: client.appId,
        tenantId: tenant.id,
        resource: resource.audience,
        scopes: scopesOf(asked),
        oidcScopes: parsed.oidc,
        issuedAt: now,
        expiresAt: now + settings.deviceCodeLifetimeSeconds * 1000,
        intervalMs: settings.deviceCodeIntervalSeconds * 1000,
        lastPollAt: null,
        status: 'pending',
        approvedBy: null,
      };
      codes.push(code);
      if (settings.deviceCodeAutoApproveMs !== null) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (code.status === 'pending') approve(code.userCode);
        }, settings.deviceCodeAutoApproveMs);
        timer.unref();
        timers.add(timer);
      }
      return {
        answer: {
          device_code: code.deviceCode,
          user_code: code.userCode,
          verification_uri: verificationUri,
          expires_in: settings.deviceCodeLifetimeSeconds,
          interval: settings.deviceCodeIntervalSeconds,
          message: deviceCodeMessage(verificationUri, code.userCode),
        },
      };
    },

    async poll(tenant, form, issue) {
      const deviceCode = form.get('device_code');
      if (!deviceCode) return { error: EntraErrors.missingParameter('device_code') };
      const code = codes.find((c) => c.deviceCode === deviceCode && c.tenantId === tenant.id);
      if (!code || code.clientId.toLowerCase() !== (form.get('client_id') ?? '').toLowerCase()) {
        return { error: EntraErrors.badVerificationCode() };
      }
      const now = settings.now();
      if (now >= code.expiresAt) return { error: EntraErrors.deviceCodeExpired() };
      const previous = code.lastPollAt;
      code.lastPollAt = now;
      if (previous !== null && now - previous < code.intervalMs) {
        code.intervalMs += 5000;
        return { slowDown: true };
      }
      if (code.status === 'declined') return { error: EntraErrors.authorizationDeclined() };
      if (code.status === 'pending' || !code.approvedBy) return { error: EntraErrors.authorizationPending() };

      // Redeemed once: the code is gone (a second poll is a code the endpoint does not know).
      codes.splice(codes.indexOf(code), 1);
      const answer = await tokenAnswer(
        tenant,
        { clientId: code.clientId, admin: code.approvedBy, resource: code.resource, scopes: code.scopes, oidcScopes: code.oidcScopes },
        issue,
      );
      return { answer };
    },

    async redeemRefreshToken(tenant, form, issue) {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return { error: EntraErrors.missingParameter('refresh_token') };
      const clientId = form.get('client_id') ?? '';
      const grant = refreshTokens.get(refreshToken);
      if (!grant || grant.tenantId !== tenant.id || grant.clientId.toLowerCase() !== clientId.toLowerCase()) {
        return { error: EntraErrors.invalidRefreshToken() };
      }
      const asked = resolveAsked(tenant, clientId, form.get('scope') ?? '');
      if ('error' in asked) return asked;
      const answer = await tokenAnswer(
        tenant,
        { clientId: asked.client.appId, admin: grant.admin, resource: asked.resource.audience, scopes: scopesOf(asked), oidcScopes: asked.parsed.oidc },
        issue,
      );
      return { answer };
    },

    pending: () => codes.filter((c) => c.status === 'pending'),
    approve,
    decline(code) {
      const pending = find(code);
      pending.status = 'declined';
      return pending;
    },
    clear() {
      codes.length = 0;
      refreshTokens.clear();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
