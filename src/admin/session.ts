import type { Cloud } from '../cloud.js';
import type { AdminFailure } from '../diagnose/types.js';
import { msg, type Message } from '../messages/index.js';
import { AdminApiError } from './errors.js';
import { ExchangeAdminClient } from './exchange.js';
import { GraphClient } from './graph.js';
import type { AdminHttpOptions } from './http.js';
import { DEFAULT_ADMIN_CLIENT, EXCHANGE_POWERSHELL_CLIENT, signInAdmin, type AdminSignInOptions, type AdminToken } from './sign-in.js';

/**
 * The administrator's session for the automatic setup, rotate-secret and remove: one sign-in's
 * Graph client, and the Exchange admin endpoint's client on first use.
 *
 * Which client gives the Exchange token. With the admin's own public client (`--admin-client-id`,
 * pre-authorized for both resources) one sign-in gives both tokens. With the borrowed default (Azure
 * CLI), Entra ID is expected to refuse the Exchange token silently (AADSTS650057, the resource is not
 * in its pre-authorized set: automation-notes.md §1); the session then asks the admin for a second
 * device code (or browser) sign-in through the Exchange Online PowerShell module's client, whose
 * Exchange token the admin endpoint accepts (notes §1, §3), and says so first. The browser session of
 * the first sign-in usually makes the second one a click. Neither token is ever written anywhere.
 */

export interface AdminSessionOptions extends AdminHttpOptions {
  cloud: Pick<Cloud, 'graphUrl' | 'exchangeAdminUrl'>;
  authorityHost: string;
  tenant?: string;
  /** The admin's own public client (`--admin-client-id`); default DEFAULT_ADMIN_CLIENT. */
  adminClientId?: string;
  flow?: 'device-code' | 'browser';
  /** Graph's v1.0 root; default the cloud's (`--graph-url`, the sandbox's). */
  graphUrl?: string;
  /** Exchange's admin endpoint origin; default the cloud's (`--exchange-url`, the sandbox's). */
  exchangeUrl?: string;
  /** The sign-in prompts (device code, browser URL) and the client announcements, as messages. */
  show: (message: Message) => void;
  openBrowser?: AdminSignInOptions['openBrowser'];
  maxWaitMs?: number;
  signal?: AbortSignal;
  sleep?: AdminSignInOptions['sleep'];
}

export interface AdminClients {
  /** The signed-in administrator's UPN. */
  username: string;
  /** The directory (tenant) id signed in to. */
  tenantId: string;
  graph: GraphClient;
  graphToken: AdminToken;
  /** Exchange's admin endpoint: a silent token from the sign-in, or a second sign-in (see above). */
  exchange(): Promise<{ client: ExchangeAdminClient; token: AdminToken }>;
}

/** The resource a token is for: the cloud's Graph origin and Exchange origin (not the sandbox's address). */
export function resourcesOf(cloud: Pick<Cloud, 'graphUrl' | 'exchangeAdminUrl'>): { graph: string; exchange: string } {
  return { graph: new URL(cloud.graphUrl).origin, exchange: new URL(cloud.exchangeAdminUrl).origin };
}

/** Entra ID's answer when a client is not pre-authorized for a resource or scope (AADSTS650057, 65001). */
export function isNotPreAuthorized(failure: AdminFailure): boolean {
  if (failure.kind !== 'sign-in') return false;
  return failure.aadsts === 650057 || failure.aadsts === 65001 || /AADSTS(?:650057|65001)\b/.test(failure.description);
}

export async function openAdminSession(options: AdminSessionOptions): Promise<AdminClients> {
  const resources = resourcesOf(options.cloud);
  const http: AdminHttpOptions = {
    timeoutMs: options.timeoutMs,
    ...(options.extraCaPem !== undefined && { extraCaPem: options.extraCaPem }),
    ...(options.proxy !== undefined && { proxy: options.proxy }),
    ...(options.signal !== undefined && { signal: options.signal }),
  };
  const signIn = (clientId: string, resource: string, tenant: string | undefined) =>
    signInAdmin({
      authorityHost: options.authorityHost,
      clientId,
      resource,
      prompt: (p) => options.show(p.message),
      ...(tenant !== undefined && { tenant }),
      ...(options.flow !== undefined && { flow: options.flow }),
      ...(options.openBrowser && { openBrowser: options.openBrowser }),
      ...(options.maxWaitMs !== undefined && { maxWaitMs: options.maxWaitMs }),
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      ...(options.extraCaPem !== undefined && { extraCaPem: options.extraCaPem }),
      ...(options.proxy && { proxy: options.proxy }),
      ...(options.signal && { signal: options.signal }),
      ...(options.sleep && { sleep: options.sleep }),
    });

  const ownClient = options.adminClientId !== undefined && options.adminClientId.toLowerCase() !== DEFAULT_ADMIN_CLIENT.id;
  const session = await signIn(options.adminClientId ?? DEFAULT_ADMIN_CLIENT.id, resources.graph, options.tenant);
  const graph = new GraphClient({ graphUrl: options.graphUrl ?? options.cloud.graphUrl, token: session.first.accessToken, ...http });
  let exchange: Promise<{ client: ExchangeAdminClient; token: AdminToken }> | undefined;

  const exchangeToken = async (): Promise<{ token: AdminToken; username: string }> => {
    try {
      return { token: await session.tokenFor(resources.exchange), username: session.username };
    } catch (error) {
      if (ownClient || !(error instanceof AdminApiError) || !isNotPreAuthorized(error.failure)) throw error;
      options.show(msg('admin.sign-in.exchange-client', { clientName: EXCHANGE_POWERSHELL_CLIENT.name, clientId: EXCHANGE_POWERSHELL_CLIENT.id }));
      // The same tenant as the first sign-in: the admin cannot end up changing two tenants.
      const second = await signIn(EXCHANGE_POWERSHELL_CLIENT.id, resources.exchange, session.tenantId);
      return { token: second.first, username: second.username };
    }
  };

  return {
    username: session.username,
    tenantId: session.tenantId,
    graph,
    graphToken: session.first,
    exchange() {
      exchange ??= exchangeToken().then(({ token, username }) => ({
        token,
        client: new ExchangeAdminClient({
          exchangeUrl: options.exchangeUrl ?? options.cloud.exchangeAdminUrl,
          tenantId: session.tenantId,
          token: token.accessToken,
          adminUpn: username,
          ...http,
        }),
      }));
      return exchange;
    },
  };
}
