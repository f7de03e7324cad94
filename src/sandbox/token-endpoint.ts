import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  EntraErrors,
  entraErrorBody,
  type EntraError,
  type EntraTraceIds,
} from './entra-errors.js';
import {
  findApp,
  isGuid,
  isMultiTenantAlias,
  isWellFormedTenantIdentifier,
  newGuid,
  type TenantState,
} from './tenant.js';
import { verifyClientAssertion } from './client-assertion.js';
import { isDeviceCodeGrant, type DeviceCodeFlow } from './device-code.js';
import { isVisible } from './directory.js';
import { slowDownBody } from './entra-errors.js';
import { findTenant } from './fleet.js';
import type { TokenIssuer } from './token-issuer.js';
import type { SandboxEvent, SandboxState, TokenRequestLogEntry } from './types.js';
import { readAll } from '../io.js';

/**
 * An Entra-ID-like OAuth 2.0 endpoint for the client-credentials grant, over HTTPS on loopback.
 *
 * Routes (all under `/{tenant}/`, tenant = GUID or verified domain, case-insensitive):
 *   GET  v2.0/.well-known/openid-configuration   OpenID discovery (what MSAL fetches with knownAuthorities)
 *   GET  discovery/v2.0/keys                     JWKS with the token signing key
 *   POST oauth2/v2.0/token                       client_credentials → app-only access token;
 *                                                device_code → delegated (administrator) token
 *   POST oauth2/v2.0/devicecode                  device authorization request (device-code.ts)
 * and, on the same server, the APIs of `apis` under their path prefixes (Graph, Exchange admin).
 */

/** Another API served by the same HTTPS server under a path prefix (its own request log and errors). */
export interface MountedApi {
  /** e.g. `/graph/v1.0/`. */
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

export interface TokenEndpointOptions {
  host: string;
  port: number;
  key: string;
  cert: string;
  state: SandboxState;
  issuer: TokenIssuer;
  tokenLifetimeSeconds: number;
  /** Where arrivals and answers are recorded, shared with the SMTP server (the sandbox's event log). */
  events: SandboxEvent[];
  deviceCodes: DeviceCodeFlow;
  apis?: readonly MountedApi[];
}

export interface TokenEndpoint {
  /** `https://127.0.0.1:PORT` — the MSAL authority host (the public port's, see `setPublicPort`). */
  readonly origin: string;
  readonly port: number;
  readonly requestLog: TokenRequestLogEntry[];
  /** Number of POSTs to a token path (any tenant, any outcome, faults included). */
  tokenRequests(): number;
  /** Number of POSTs to a devicecode path. */
  deviceCodeRequests(): number;
  /**
   * Clients reach the endpoint on another port (a latency proxy in front of it): its
   * openid-configuration, issuer and the client assertions it accepts then name that port, so
   * that MSAL's second request goes through the proxy too.
   */
  setPublicPort(port: number): void;
  close(): Promise<void>;
}

/** The one scope that yields a token Exchange Online accepts for SMTP (Microsoft OAuth doc, catalog A.9). */
export const EXCHANGE_SCOPE = 'https://outlook.office365.com/.default';

/**
 * Resources a client could plausibly ask a commercial tenant for, and the `aud` of the resulting
 * token. outlook.office.com is the other Exchange Online identifier (accepted by Exchange, catalog C);
 * Graph exists in every tenant, so asking for it yields a token — just one Exchange rejects (catalog B.1
 * cause 2). Any other resource (a typo, another cloud's `outlook.office365.us`) is AADSTS500011.
 */
const KNOWN_RESOURCES: Record<string, { audience: string; exchange: boolean }> = {
  'https://outlook.office365.com': { audience: 'https://outlook.office365.com', exchange: true },
  'https://outlook.office.com': { audience: 'https://outlook.office.com', exchange: true },
  'https://graph.microsoft.com': { audience: 'https://graph.microsoft.com', exchange: false },
};

const MAX_BODY_BYTES = 64 * 1024;

type Route = 'openid-configuration' | 'keys' | 'token' | 'devicecode';

function parseRoute(pathname: string): { tenant: string; route: Route } | null {
  const match = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys|oauth2\/v2\.0\/token|oauth2\/v2\.0\/devicecode)\/?$/.exec(
    pathname,
  );
  if (!match || match[1] === undefined || match[2] === undefined) return null;
  let tenant: string;
  try {
    tenant = decodeURIComponent(match[1]);
  } catch {
    tenant = match[1];
  }
  const route: Route = match[2].startsWith('v2.0')
    ? 'openid-configuration'
    : match[2].startsWith('discovery')
      ? 'keys'
      : match[2].endsWith('devicecode')
        ? 'devicecode'
        : 'token';
  return { tenant, route };
}

function formatOrigin(host: string, port: number): string {
  return host.includes(':') ? `https://[${host}]:${port}` : `https://${host}:${port}`;
}

/** 200 and a JSON-looking body that never ends, until the client goes away (or close() destroys the socket). */
function sendEndless(res: ServerResponse, answered: (status: number) => void): void {
  answered(200);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.write('{"access_token":"');
  const chunk = Buffer.alloc(64 * 1024, 'A');
  const pump = () => {
    while (!res.destroyed) {
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
  };
  pump();
}

export async function startTokenEndpoint(options: TokenEndpointOptions): Promise<TokenEndpoint> {
  const { state, issuer } = options;
  const requestLog: TokenRequestLogEntry[] = [];
  const sockets = new Set<Socket>();
  let tokenPosts = 0;
  let deviceCodePosts = 0;
  let origin = '';
  const answered = (entry: TokenRequestLogEntry, status: number): void => {
    entry.status = status;
    entry.answeredAt = new Date().toISOString();
    options.events.push({ at: entry.answeredAt, server: 'token', event: 'request-answered', method: entry.method, path: entry.path, status });
  };

  const traceIds = (req: IncomingMessage): EntraTraceIds => {
    // Entra uses the client's `client-request-id` header as the correlation id (MSAL sends one).
    const requested = req.headers['client-request-id'];
    const correlationId = typeof requested === 'string' && isGuid(requested) ? requested : newGuid();
    return { traceId: newGuid(), correlationId };
  };

  const send = (
    res: ServerResponse,
    entry: TokenRequestLogEntry,
    status: number,
    body: string,
    ids: EntraTraceIds | null,
    extraHeaders: Record<string, string> = {},
  ): void => {
    answered(entry, status);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store, no-cache',
      pragma: 'no-cache',
      ...extraHeaders,
    };
    if (ids) {
      headers['x-ms-request-id'] = ids.traceId;
      headers['client-request-id'] = ids.correlationId;
    }
    res.writeHead(status, headers);
    res.end(body);
  };

  const sendError = (res: ServerResponse, entry: TokenRequestLogEntry, err: EntraError, ids: EntraTraceIds): void => {
    send(res, entry, err.status, entraErrorBody(err, ids, new Date()), ids);
  };

  /** Tenant resolution shared by all routes: malformed → 900023, unknown → 90002 (catalog A.6, A.7). */
  const resolveTenant = (raw: string): { tenant: TenantState } | { error: EntraError } => {
    if (!isWellFormedTenantIdentifier(raw)) return { error: EntraErrors.malformedTenant(raw) };
    const tenant = findTenant(state, raw);
    return tenant ? { tenant } : { error: EntraErrors.tenantNotFound(raw) };
  };

  const openIdConfiguration = (tid: string): Record<string, unknown> => {
    // URLs carry the tenant GUID even when the document was requested by domain, as Entra's do.
    // `issuer` must share scheme+host+port with the authority or MSAL refuses the metadata.
    const base = `${origin}/${tid}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${origin}/${tid}/v2.0`,
      request_uri_parameter_supported: false,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'oid', 'tid', 'ver'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'sandbox.invalid',
    };
  };

  const handleToken = async (req: IncomingMessage, res: ServerResponse, entry: TokenRequestLogEntry, rawTenant: string) => {
    tokenPosts++;
    const fault = state.faults.tokenEndpoint;
    if (fault) {
      if (fault.remaining !== undefined) {
        fault.remaining--;
        if (fault.remaining <= 0) state.faults.tokenEndpoint = null;
      }
      if (fault.kind === 'hang') return; // never answer; close() destroys the socket
      if (fault.kind === 'endless') return sendEndless(res, (status) => answered(entry, status));
      if (fault.kind === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return answerToken(req, res, entry, rawTenant);
      }
      const content = typeof fault.body === 'function' ? fault.body() : fault.body;
      const body = typeof content === 'string' ? content : JSON.stringify(content);
      send(res, entry, fault.status, body, null, {
        'content-type': 'application/json; charset=utf-8',
        ...(fault.headers ?? {}),
      });
      return;
    }
    return answerToken(req, res, entry, rawTenant);
  };

  const answerToken = async (req: IncomingMessage, res: ServerResponse, entry: TokenRequestLogEntry, rawTenant: string) => {
    const ids = traceIds(req);
    let body: string;
    try {
      body = await readAll(req, MAX_BODY_BYTES);
    } catch {
      sendError(res, entry, EntraErrors.missingParameter('grant_type'), ids);
      return;
    }
    const form = new URLSearchParams(body);
    const param = (name: string): string | null => {
      const value = form.get(name);
      return value === null || value === '' ? null : value;
    };

    if (isDeviceCodeGrant(param('grant_type'))) return answerDeviceCodePoll(res, entry, rawTenant, form, ids);
    if (param('grant_type') === 'refresh_token') return answerRefreshToken(res, entry, rawTenant, form, ids);

    // Order of checks follows what Entra reports first for client credentials: the tenant, then
    // the client and its credential, then what is asked for (scope), then the grant type.
    if (isMultiTenantAlias(rawTenant)) return sendError(res, entry, EntraErrors.noTenantInformation(), ids);
    const resolved = resolveTenant(rawTenant);
    if ('error' in resolved) return sendError(res, entry, resolved.error, ids);
    const tenant = resolved.tenant;

    const clientId = param('client_id');
    if (clientId === null) return sendError(res, entry, EntraErrors.missingParameter('client_id'), ids);
    const app = findApp(tenant, clientId);
    const now = state.automation.now();
    // A registration still replicating is not found yet (automation-notes.md §4).
    if (!app || !isVisible(tenant.directory, app.clientId, now)) {
      return sendError(res, entry, EntraErrors.applicationNotFound(clientId, rawTenant), ids);
    }
    if (app.servicePrincipalObjectId === null) {
      return sendError(res, entry, EntraErrors.missingServicePrincipal(app.clientId, tenant.id), ids);
    }
    if (!app.enabled) return sendError(res, entry, EntraErrors.applicationDisabled(app.clientId, app.displayName), ids);

    const assertion = param('client_assertion');
    const secret = param('client_secret');
    if (app.publicClient && (assertion !== null || secret !== null)) return sendError(res, entry, EntraErrors.publicClient(), ids);
    if (assertion !== null) {
      // MSAL signs for the token_endpoint of the openid-configuration (tenant GUID); a client that
      // builds the URL itself uses the tenant as it asked. Entra accepts its token endpoint either way.
      const endpoints = [`${origin}/${tenant.id}/oauth2/v2.0/token`, `${origin}/${rawTenant}/oauth2/v2.0/token`];
      const refused = await verifyClientAssertion(assertion, app, endpoints);
      if (refused) return sendError(res, entry, refused, ids);
    } else {
      if (secret === null) return sendError(res, entry, EntraErrors.missingClientCredential(), ids);
      // A new secret is refused until it has replicated: AADSTS7000215 (automation-notes.md §4, microsoft-graph-docs#17966).
      const matching = app.secrets.find((s) => s.value === secret && isVisible(tenant.directory, s.id, now));
      if (!matching) return sendError(res, entry, EntraErrors.invalidClientSecret(app.clientId), ids);
      if (Date.parse(matching.expiresAt) <= Date.now()) {
        return sendError(res, entry, EntraErrors.clientSecretExpired(app.clientId), ids);
      }
    }
    // The credential is good: now the tenant's policies decide whether a token may be issued.
    if (tenant.conditionalAccessBlockedApps.some((id) => id.toLowerCase() === app.clientId.toLowerCase())) {
      return sendError(res, entry, EntraErrors.conditionalAccessBlocked(), ids);
    }

    const scope = param('scope');
    if (scope === null) return sendError(res, entry, EntraErrors.missingParameter('scope'), ids);
    if (/\s/.test(scope.trim())) return sendError(res, entry, EntraErrors.invalidScope(scope), ids);
    if (!scope.endsWith('/.default')) return sendError(res, entry, EntraErrors.scopeNotDefault(scope), ids);
    const resourceId = scope.slice(0, -'/.default'.length);
    const resource = KNOWN_RESOURCES[resourceId.toLowerCase()];
    if (!resource) return sendError(res, entry, EntraErrors.resourceNotFound(resourceId, tenant.displayName), ids);
    if (resource.exchange && !tenant.exchangeOnlineEnabled) return sendError(res, entry, EntraErrors.resourceDisabled(resource.audience), ids);

    const grantType = param('grant_type');
    if (grantType === null) return sendError(res, entry, EntraErrors.missingParameter('grant_type'), ids);
    if (grantType !== 'client_credentials') {
      return sendError(res, entry, EntraErrors.unsupportedGrantType(grantType), ids);
    }

    const claimsFault = state.faults.tokenClaims;
    const token = await issuer.issue({
      tenantId: claimsFault?.tenantId ?? tenant.id,
      clientId: claimsFault?.clientId ?? app.clientId,
      appDisplayName: app.displayName,
      servicePrincipalObjectId: app.servicePrincipalObjectId,
      audience: claimsFault?.audience ?? resource.audience,
      // Consented permissions are Exchange Online application permissions: they appear in Exchange
      // tokens only. A Graph token for this app carries no roles.
      roles: resource.exchange && !claimsFault?.dropRoles ? app.consentedRoles : [],
      lifetimeSeconds: options.tokenLifetimeSeconds,
      ...(claimsFault?.shiftSeconds && { now: new Date(Date.now() + claimsFault.shiftSeconds * 1000) }),
      ...(claimsFault?.extra && { extraClaims: claimsFault.extra }),
    });
    send(
      res,
      entry,
      200,
      JSON.stringify({
        token_type: 'Bearer',
        expires_in: token.expiresIn,
        ext_expires_in: token.expiresIn,
        access_token: token.accessToken,
      }),
      ids,
    );
  };

  /** `/organizations` and `/common` work for a public client's sign-in: the administrator's home tenant answers. */
  const resolveSignInTenant = (raw: string): { tenant: TenantState } | { error: EntraError } =>
    isMultiTenantAlias(raw) && raw.toLowerCase() !== 'consumers' ? { tenant: state.tenant } : resolveTenant(raw);

  const answerDeviceCodePoll = async (
    res: ServerResponse,
    entry: TokenRequestLogEntry,
    rawTenant: string,
    form: URLSearchParams,
    ids: EntraTraceIds,
  ) => {
    const resolved = resolveSignInTenant(rawTenant);
    if ('error' in resolved) return sendError(res, entry, resolved.error, ids);
    const outcome = await options.deviceCodes.poll(resolved.tenant, form, {
      issuer,
      lifetimeSeconds: options.tokenLifetimeSeconds,
      idTokenIssuer: `${origin}/${resolved.tenant.id}/v2.0`,
    });
    if ('error' in outcome) return sendError(res, entry, outcome.error, ids);
    if ('slowDown' in outcome) return send(res, entry, 400, slowDownBody(ids, new Date()), ids);
    send(res, entry, 200, JSON.stringify(outcome.answer), ids);
  };

  /** A refresh token of an administrator's sign-in, redeemed for another resource (MSAL's silent second token). */
  const answerRefreshToken = async (res: ServerResponse, entry: TokenRequestLogEntry, rawTenant: string, form: URLSearchParams, ids: EntraTraceIds) => {
    const resolved = resolveSignInTenant(rawTenant);
    if ('error' in resolved) return sendError(res, entry, resolved.error, ids);
    const outcome = await options.deviceCodes.redeemRefreshToken(resolved.tenant, form, {
      issuer,
      lifetimeSeconds: options.tokenLifetimeSeconds,
      idTokenIssuer: `${origin}/${resolved.tenant.id}/v2.0`,
    });
    if ('error' in outcome) return sendError(res, entry, outcome.error, ids);
    send(res, entry, 200, JSON.stringify(outcome.answer), ids);
  };

  const answerDeviceCodeRequest = async (req: IncomingMessage, res: ServerResponse, entry: TokenRequestLogEntry, rawTenant: string) => {
    deviceCodePosts++;
    const ids = traceIds(req);
    let body: string;
    try {
      body = await readAll(req, MAX_BODY_BYTES);
    } catch {
      return sendError(res, entry, EntraErrors.missingParameter('client_id'), ids);
    }
    const resolved = resolveSignInTenant(rawTenant);
    if ('error' in resolved) return sendError(res, entry, resolved.error, ids);
    const outcome = options.deviceCodes.start(resolved.tenant, new URLSearchParams(body), `${origin}/devicelogin`);
    if ('error' in outcome) return sendError(res, entry, outcome.error, ids);
    send(res, entry, 200, JSON.stringify(outcome.answer), ids);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://sandbox.invalid');
    const api = options.apis?.find((a) => url.pathname.startsWith(a.prefix));
    if (api) return api.handle(req, res, url);
    const entry: TokenRequestLogEntry = {
      method: req.method ?? 'GET',
      path: url.pathname,
      status: null,
      at: new Date().toISOString(),
      answeredAt: null,
    };
    requestLog.push(entry);
    options.events.push({ at: entry.at, server: 'token', event: 'request-received', method: entry.method, path: entry.path });
    const parsed = parseRoute(url.pathname);
    if (!parsed) {
      send(res, entry, 404, JSON.stringify({ error: 'not_found' }), null);
      return;
    }
    const expectedMethod = parsed.route === 'token' || parsed.route === 'devicecode' ? 'POST' : 'GET';
    if (req.method !== expectedMethod) {
      send(res, entry, 405, JSON.stringify({ error: 'invalid_request' }), null, { allow: expectedMethod });
      return;
    }
    if (parsed.route === 'token') {
      await handleToken(req, res, entry, parsed.tenant);
      return;
    }
    if (parsed.route === 'devicecode') {
      await answerDeviceCodeRequest(req, res, entry, parsed.tenant);
      return;
    }
    const ids = traceIds(req);
    if (parsed.route === 'openid-configuration' && isMultiTenantAlias(parsed.tenant)) {
      // Discovery works for /common (with a placeholder issuer); the token request then fails with 50059.
      send(res, entry, 200, JSON.stringify(openIdConfiguration('{tenantid}')), ids);
      return;
    }
    const resolved = resolveTenant(parsed.tenant);
    if ('error' in resolved) {
      sendError(res, entry, resolved.error, ids);
      return;
    }
    const tid = resolved.tenant.id;
    if (parsed.route === 'openid-configuration') {
      send(res, entry, 200, JSON.stringify(openIdConfiguration(tid)), ids);
    } else {
      send(res, entry, 200, JSON.stringify(issuer.jwks(`${origin}/${tid}/v2.0`)), ids);
    }
  };

  const server = createServer({ key: options.key, cert: options.cert, minVersion: 'TLSv1.2' }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: 'server_error' }));
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A client that never finishes the TLS handshake must not take the process down.
  server.on('tlsClientError', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  origin = formatOrigin(options.host, port);

  let closed: Promise<void> | null = null;
  return {
    get origin() {
      return origin;
    },
    port,
    requestLog,
    setPublicPort(publicPort) {
      origin = formatOrigin(options.host, publicPort);
    },
    tokenRequests: () => tokenPosts,
    deviceCodeRequests: () => deviceCodePosts,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
