import type { AccountInfo, AuthenticationResult, INetworkModule, NetworkRequestOptions, NetworkResponse, PublicClientApplication } from '@azure/msal-node';
import { decodeJwt } from 'jose/jwt/decode';
import type { AdminFailure } from '../diagnose/types.js';
import { Secret } from '../inputs/secret.js';
import { msg, t, type Message } from '../messages/index.js';
import { authorityConfig } from '../token/authority.js';
import { msal } from '../token/msal.js';
import { TokenNetworkClient, type NetworkClientOptions } from '../token/network-client.js';
import { AdminApiError } from './errors.js';

/**
 * The administrator's sign-in for the automatic setup: a public client (delegated), device code by
 * default (works over SSH and on a server), or the browser with a loopback redirect. One sign-in
 * gives tokens for two resources: Graph interactively, Exchange's admin endpoint silently from the
 * same MSAL account and its in-memory cache (no cache plugin: nothing is written to disk).
 */

/**
 * Which public client signs in by default: Microsoft Azure CLI's. The tool has no app in the admin's
 * tenant yet (creating one is step 1), so, like the CLI for Microsoft 365's `m365 setup`, it borrows a
 * first-party public client, says so (`signInClientMessage`), and takes the admin's own client id
 * instead when given (automation-notes.md §1). Azure CLI's client: its pre-authorized Graph set runs
 * `az ad app create`, `az ad sp create` and the admin consent, and its tokens carry
 * Directory.AccessAsUser.All; it is made for both flows used here (`az login --use-device-code`, and
 * `az login` with a loopback redirect). Not within it: Policy.Read.All (Security Defaults then read as
 * "could not check"), and, not confirmed, Exchange's admin endpoint (AADSTS650057: a diagnosis; the
 * Exchange Online PowerShell module's client below, or the admin's own, then signs in for it).
 * A Microsoft engineer wrote that its id "should only be used by Azure CLI itself" and that borrowing
 * it can raise security alerts: hence the plain message and the admin's own client id.
 */
export const DEFAULT_ADMIN_CLIENT = { id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI' } as const;

/** The Exchange Online PowerShell module's public client: its Exchange token is what the admin endpoint accepts (notes §1, §3). */
export const EXCHANGE_POWERSHELL_CLIENT = { id: 'fb78d390-0c51-40cd-8e17-fdbfab77341b', name: 'Microsoft Exchange REST API Based Powershell' } as const;

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const EXCHANGE_RESOURCE = 'https://outlook.office365.com';

/** What the caller shows so the admin can sign in. */
export type SignInPrompt =
  | { kind: 'device-code'; url: string; code: string; expiresAt: Date; message: Message }
  | { kind: 'browser'; url: string; message: Message };

export interface AdminSignInOptions {
  /** The authority host (`https://login.microsoftonline.com`, the cloud's, or the sandbox's). */
  authorityHost: string;
  /** The tenant id or domain; default `organizations` (the admin's home tenant answers). */
  tenant?: string;
  /** The admin's own public client id; default DEFAULT_ADMIN_CLIENT. */
  clientId?: string;
  /** The resource signed in for first (interactively); default Graph. */
  resource?: string;
  flow?: 'device-code' | 'browser';
  /** Shows the URL and code (device code) or the URL being opened (browser); the words are messages. */
  prompt: (prompt: SignInPrompt) => void;
  /** The browser flow's opener: MSAL gives it the authorize URL of its loopback redirect. */
  openBrowser?: (url: string) => Promise<void>;
  /** The longest wait for the admin, in milliseconds; default: the device code's own lifetime. */
  maxWaitMs?: number;
  /** Each HTTP request's limit; default 30 s. */
  timeoutMs?: number;
  extraCaPem?: string;
  proxy?: string | null;
  /** Ctrl-C and friends: stops polling and the request in flight. */
  signal?: AbortSignal;
  /** The pause before a poll after `slow_down` (tests inject it); default a timer. */
  sleep?: (ms: number) => Promise<void>;
}

/** An administrator token and what its claims say, read before anything is changed. */
export interface AdminToken {
  accessToken: Secret;
  resource: string;
  /** `scp`, split. */
  scopes: string[];
  /** `wids` (role template ids), or null when the token has none. */
  roleTemplateIds: string[] | null;
  expiresOn: Date | null;
}

export interface AdminSession {
  /** The public client signed in with. */
  clientId: string;
  /** The signed-in administrator's UPN (the admin endpoint's X-AnchorMailbox). */
  username: string;
  /** The directory (tenant) id signed in to. */
  tenantId: string;
  /** The token of the interactive sign-in (Graph by default). */
  first: AdminToken;
  /** A token for another resource from the same sign-in, silently (MSAL account and in-memory cache). */
  tokenFor(resource: string): Promise<AdminToken>;
}

/** Which client signs in, as a message the caller prints before the sign-in. */
export function signInClientMessage(clientId: string | undefined): Message {
  return !clientId || clientId.toLowerCase() === DEFAULT_ADMIN_CLIENT.id
    ? msg('admin.sign-in.default-client', { clientName: DEFAULT_ADMIN_CLIENT.name, clientId: DEFAULT_ADMIN_CLIENT.id })
    : msg('admin.sign-in.own-client', { clientId });
}

/** Signs the administrator in. Failures are AdminApiError (diagnosed by diagnoseAdmin); an abort rethrows the signal's reason. */
export async function signInAdmin(options: AdminSignInOptions): Promise<AdminSession> {
  const clientId = options.clientId ?? DEFAULT_ADMIN_CLIENT.id;
  const tenant = options.tenant ?? 'organizations';
  const resource = options.resource ?? GRAPH_RESOURCE;
  const network = new DeviceCodePolling(
    new TokenNetworkClient({
      timeoutMs: options.timeoutMs ?? 30_000,
      ...(options.extraCaPem && { extraCaPem: options.extraCaPem }),
      ...(options.proxy && { proxy: options.proxy }),
      ...(options.signal && { signal: options.signal }),
    } satisfies NetworkClientOptions),
    options.sleep,
    options.signal,
  );
  // No cache plugin: MSAL keeps the account, refresh and access tokens in this object's memory only.
  const app = new (msal().PublicClientApplication)({
    auth: { clientId, ...authorityConfig(options.authorityHost, tenant) },
    system: { networkClient: network },
  });
  const scopes = [`${resource}/.default`];
  let result: AuthenticationResult | null;
  try {
    result = options.flow === 'browser' ? await browserSignIn(app, scopes, options) : await deviceCodeSignIn(app, scopes, options);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (error instanceof AdminApiError) throw error;
    throw new AdminApiError(signInFailure(error, network.inner, resource));
  }
  if (!result?.accessToken || !result.account) throw new AdminApiError({ kind: 'sign-in', error: 'no_token', description: '', resource });
  const account: AccountInfo = result.account;
  return {
    clientId,
    username: account.username,
    tenantId: account.tenantId,
    first: adminToken(result, resource),
    async tokenFor(other: string) {
      if (other === resource) return adminToken(result, resource);
      // What the sign-in's polls left behind (authorization_pending) must not be read as this call's answer.
      network.inner.lastErrorResponse = null;
      network.inner.lastTransportFailure = null;
      try {
        const silent = await app.acquireTokenSilent({ account, scopes: [`${other}/.default`] });
        if (!silent?.accessToken) throw new AdminApiError({ kind: 'sign-in', error: 'no_token', description: '', resource: other });
        return adminToken(silent, other);
      } catch (error) {
        if (error instanceof AdminApiError) throw error;
        if (options.signal?.aborted) throw options.signal.reason ?? error;
        throw new AdminApiError(signInFailure(error, network.inner, other));
      }
    },
  };
}

async function deviceCodeSignIn(app: PublicClientApplication, scopes: string[], options: AdminSignInOptions): Promise<AuthenticationResult | null> {
  // MSAL reads `cancel` before each poll: the stop signal ends the polling (the request in flight is aborted by the network client).
  const request: Parameters<PublicClientApplication['acquireTokenByDeviceCode']>[0] = {
    scopes,
    deviceCodeCallback: (response) => {
      const expiresAt = new Date(Date.now() + response.expiresIn * 1000);
      options.prompt({
        kind: 'device-code',
        url: response.verificationUri,
        code: response.userCode,
        expiresAt,
        message: msg('admin.sign-in.device-code', { url: response.verificationUri, code: response.userCode, expiresAt }),
      });
    },
    ...(options.maxWaitMs !== undefined && { timeout: Math.max(1, Math.ceil(options.maxWaitMs / 1000)) }),
  };
  const onAbort = () => {
    request.cancel = true;
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await app.acquireTokenByDeviceCode(request);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function browserSignIn(app: PublicClientApplication, scopes: string[], options: AdminSignInOptions): Promise<AuthenticationResult | null> {
  const open = options.openBrowser;
  if (!open) throw new AdminApiError({ kind: 'sign-in', error: 'no_browser', description: '' });
  // MSAL's loopback waits for the browser without a limit: the wait given and the stop signal end it.
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    const maxWait = options.maxWaitMs ?? 15 * 60_000;
    timer = setTimeout(() => reject(new AdminApiError({ kind: 'sign-in', error: 'expired_token', description: '' })), maxWait);
    timer.unref();
    onAbort = () => reject(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  const interactive = app.acquireTokenInteractive({
    scopes,
    openBrowser: async (url) => {
      options.prompt({ kind: 'browser', url, message: msg('admin.sign-in.browser', { url }) });
      await open(url);
    },
    successTemplate: t('admin.browser.success'),
    errorTemplate: t('admin.browser.error'),
  });
  try {
    return await Promise.race([interactive, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    // A loopback left waiting after the limit: its rejection is not this caller's any more.
    interactive.catch(() => undefined);
  }
}

function adminToken(result: AuthenticationResult, resource: string): AdminToken {
  let claims: Record<string, unknown> = {};
  try {
    claims = decodeJwt(result.accessToken);
  } catch {
    // An opaque token: its permissions are unknown, the checks then report every scope missing.
  }
  const scp = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  const wids = Array.isArray(claims.wids) ? claims.wids.filter((w): w is string => typeof w === 'string') : null;
  return { accessToken: new Secret(result.accessToken, 'administrator sign-in'), resource, scopes: scp, roleTemplateIds: wids, expiresOn: result.expiresOn ?? null };
}

/** MSAL's error and the last answer our network client kept, as the diagnosis engine's input. Never the token. */
export function signInFailure(error: unknown, seen: Pick<TokenNetworkClient, 'lastTransportFailure' | 'lastErrorResponse'>, resource: string): AdminFailure {
  const e = (error ?? {}) as { errorCode?: string; errorMessage?: string; message?: string };
  if (e.errorCode === 'network_error' && seen.lastTransportFailure) return { kind: 'transport', ...seen.lastTransportFailure };
  let body: { error?: string; error_description?: string; error_codes?: number[] } = {};
  try {
    body = seen.lastErrorResponse ? (JSON.parse(seen.lastErrorResponse.body) as typeof body) : {};
  } catch {
    body = {};
  }
  // MSAL's own stops: its timeout (the wait given) reads as an expired sign-in; the loopback's `error=` as declined.
  const own: Record<string, string> = {
    user_timeout_reached: 'expired_token',
    device_code_expired: 'expired_token',
    device_code_polling_cancelled: 'authorization_declined',
  };
  // MSAL's own stop wins over the last answer it saw (an authorization_pending before its timeout).
  const errorClass = (e.errorCode && own[e.errorCode]) ?? body.error ?? e.errorCode;
  const aadsts = body.error_codes?.[0] ?? Number(/AADSTS(\d+)/.exec(e.errorMessage ?? e.message ?? '')?.[1]);
  return {
    kind: 'sign-in',
    ...(errorClass && { error: errorClass }),
    ...(Number.isFinite(aadsts) && aadsts > 0 && { aadsts }),
    description: body.error_description ?? e.errorMessage ?? e.message ?? '',
    resource,
  };
}

/**
 * RFC 8628 §3.5: after `slow_down` the client polls with the interval increased by 5 seconds, "for
 * this and all subsequent requests". MSAL (7.x) polls at the first `interval` and stops at any answer
 * but `authorization_pending`, so this network module, between MSAL and the token endpoint, holds a
 * poll answered `slow_down`, waits the longer interval, asks again, and adds the 5 s to later polls.
 */
class DeviceCodePolling implements INetworkModule {
  private intervalMs = 5000;
  private slowDowns = 0;
  /** The device code's end (`expires_in`): slow_down is not waited out past it (MSAL then reports the answer). */
  private expiresAt = Number.POSITIVE_INFINITY;

  constructor(
    readonly inner: TokenNetworkClient,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly signal?: AbortSignal,
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.inner.sendGetRequestAsync<T>(url, options);
  }

  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const poll = /(?:^|&)grant_type=(?:device_code|urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code)(?:&|$)/.test(options?.body ?? '');
    if (!poll) {
      const answer = await this.inner.sendPostRequestAsync<T>(url, options);
      const started = (answer.body ?? {}) as { interval?: unknown; expires_in?: unknown };
      if (/\/devicecode(?:\?|$)/.test(url)) {
        const interval = Number(started.interval);
        const expiresIn = Number(started.expires_in);
        if (Number.isFinite(interval) && interval >= 0) this.intervalMs = interval * 1000;
        if (Number.isFinite(expiresIn) && expiresIn > 0) this.expiresAt = Date.now() + expiresIn * 1000;
      }
      return answer;
    }
    // MSAL waited the first interval; the 5 s of each slow_down so far come on top.
    if (this.slowDowns > 0) await this.pause(this.slowDowns * 5000);
    for (;;) {
      const answer = await this.inner.sendPostRequestAsync<T>(url, options);
      if ((answer.body as { error?: unknown } | undefined)?.error !== 'slow_down' || Date.now() >= this.expiresAt) return answer;
      this.slowDowns++;
      await this.pause(this.intervalMs + this.slowDowns * 5000);
    }
  }

  private async pause(ms: number): Promise<void> {
    if (this.signal?.aborted) throw this.signal.reason;
    await this.sleep(ms);
  }
}
