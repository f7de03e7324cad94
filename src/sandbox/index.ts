import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { isIPv4 } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxCertificates } from './ca.js';
import { createDeviceCodeFlow, type PendingDeviceCode } from './device-code.js';
import { createExchangeAdminApi } from './exchange-admin.js';
import { createFleet, findTenant, type FleetClientSettings, type FleetOptions } from './fleet.js';
import { createGraphApi, GRAPH_PATH_PREFIX } from './graph-api.js';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy.js';
import { DEFAULT_SCENARIO, getScenario, type Scenario } from './scenarios.js';
import { startExchangeSmtp, type AuthAttempt, type ExchangeSmtpServer } from './smtp-server.js';
import { createHealthyTenant, createSeed, replaceTenant, SANDBOX_ADDRESSES, SANDBOX_IDS, type TenantState } from './tenant.js';
import { startTokenEndpoint, type TokenEndpoint } from './token-endpoint.js';
import { createTokenIssuer } from './token-issuer.js';
import type {
  AutomationSettings,
  ReceivedMessage,
  ReplyInjection,
  SandboxClientSettings,
  SandboxEvent,
  SandboxFaults,
  SandboxState,
  TokenEndpointFault,
  TokenRequestLogEntry,
} from './types.js';

/**
 * The offline sandbox: a throw-away CA, an Entra-ID-like token endpoint and an Exchange-Online-like
 * SMTP server on loopback, modelling one Microsoft 365 tenant, so the real CLI (real MSAL, real
 * nodemailer) can run the whole flow — and every common failure — without Microsoft.
 */

export { listScenarios, type Scenario, type ScenarioExpectation } from './scenarios.js';
export type { AuthAttempt, AuthOutcome } from './smtp-server.js';
export type {
  AppRegistration,
  ClientSecret,
  ExchangeServicePrincipal,
  Mailbox,
  OrganizationConfig,
  TenantState,
} from './tenant.js';
export { SANDBOX_ADDRESSES, SANDBOX_IDS, SMTP_SEND_AS_APP_ROLE } from './tenant.js';
export { EXCHANGE_SCOPE } from './token-endpoint.js';
export {
  ENTRA_ROLE_TEMPLATE_IDS,
  EXCHANGE_ADMIN_SCOPE,
  EXCHANGE_APP_ID,
  GRAPH_APP_ID,
  PUBLIC_CLIENT_IDS,
  SANDBOX_ADMIN,
  type AdminUser,
  type EntraRole,
  type PublicClient,
  type TenantDirectory,
} from './directory.js';
export { DEVICE_CODE_GRANT, type PendingDeviceCode } from './device-code.js';
export { GRAPH_REQUIREMENTS } from './graph-api.js';
export type { FleetClientSettings, FleetOptions } from './fleet.js';
export { startLatencyProxy, type LatencyProxy, type LatencyProxyOptions } from './latency-proxy.js';
export type {
  AutomationSettings,
  ReceivedMessage,
  ReplyInjection,
  SandboxClientSettings,
  SandboxEvent,
  SandboxFaults,
  SmtpReplyPhase,
  TokenClaimsFault,
  TokenEndpointFault,
  TokenRequestLogEntry,
} from './types.js';

export interface SandboxOptions {
  /** Scenario to start in (default `healthy`). */
  scenario?: string;
  /** Listen address; loopback only (127.0.0.0/8 or ::1). Default 127.0.0.1. */
  host?: string;
  /** Token endpoint port (with `latencyMs`: its proxy's); 0 (default) picks a free one. */
  tokenPort?: number;
  /** SMTP port (with `latencyMs`: its proxy's); 0 (default) picks a free one. */
  smtpPort?: number;
  /**
   * Put a latency proxy (latency-proxy.ts) with this round trip, in milliseconds, in front of the
   * token endpoint and the SMTP server: `authorityHost` and `smtp.port` then name the proxies' ports,
   * the servers listen on free ports behind them. 0 puts the proxies in the path without delay.
   */
  latencyMs?: number;
  /** Directory to write the CA certificate into (kept on close). Default: a fresh temp dir, removed on close. */
  caDir?: string;
  /** Access token lifetime (`expires_in`, `exp - iat`). Default 3599. */
  tokenLifetimeSeconds?: number;
  /** Called for each message accepted by the SMTP server. */
  onMessage?: (message: ReceivedMessage) => void;
  /** Fault for token POSTs, on top of the scenario (not re-applied by applyScenario). */
  tokenFault?: TokenEndpointFault;
  /** SMTP without STARTTLS, on top of the scenario (not re-applied by applyScenario). */
  noStartTls?: boolean;
  /** Reply injection, on top of the scenario (not re-applied by applyScenario). */
  inject?: ReplyInjection;
  /** Simultaneous authenticated sessions per mailbox before 432 4.3.2 (default 3, as Exchange Online). */
  maxSessionsPerMailbox?: number;
  /**
   * Also model this many more healthy tenants, each with one app and this many sending mailboxes
   * (for `check --targets`). Their settings are in `fleetClients`; `applyScenario` leaves them healthy.
   */
  fleet?: FleetOptions;
  /**
   * Replication delay in milliseconds (automation-notes.md §4; later `--replication-delay`): each
   * object Graph or the Exchange admin endpoint creates is invisible to reads, references and the
   * token endpoint for this long. Default 0. Live in `automation.replicationDelayMs`.
   */
  replicationDelayMs?: number;
  /** The device code flow's `interval` (default 5 s), `expires_in` (default 900 s), and auto-approval (ms, default none). */
  deviceCode?: { intervalSeconds?: number; lifetimeSeconds?: number; autoApproveMs?: number | null };
  /** `unexpected`: the Exchange admin endpoint answers in a shape the notes do not describe (fallback tests). */
  exchangeAdminAnswer?: 'normal' | 'unexpected';
  /** Clock of device codes and replication, epoch ms (default Date.now); tests inject one to jump ahead. */
  clock?: () => number;
}

export interface SandboxStats {
  /** POSTs to the token endpoint (any outcome; device code polls included). */
  tokenRequests: number;
  /** POSTs to the devicecode endpoint. */
  deviceCodeRequests: number;
  /** Requests to Microsoft Graph (`graphUrl`), any outcome. */
  graphRequests: number;
  /** Requests to the Exchange admin endpoint (`exchangeUrl`), any outcome. */
  exchangeAdminRequests: number;
  /** SMTP connections accepted. */
  smtpConnections: number;
  /** SMTP connections open now (a client that closed politely leaves none). */
  smtpOpenConnections: number;
  /** Highest number of simultaneously authenticated SMTP sessions seen for one mailbox. */
  maxConcurrentSessionsPerMailbox: number;
  /** The most SMTP sessions open at once, authenticated or not: from the greeting to QUIT or a close. */
  maxOpenSessions: number;
  /** The most authenticated SMTP sessions open at once, all mailboxes together. */
  maxAuthenticatedSessions: number;
  /** Connections through the latency proxies (`latencyMs`), or null without them. */
  proxied: { token: number; smtp: number } | null;
  /** Per mailbox (lower-cased address): authenticated sessions open now, and the most seen at once. */
  mailboxSessions: Record<string, { current: number; max: number }>;
}

export interface Sandbox {
  /** `https://127.0.0.1:PORT`: MSAL authority = `${authorityHost}/${tenantId}`, knownAuthorities `['127.0.0.1:PORT']`. */
  readonly authorityHost: string;
  /** Microsoft Graph v1.0's base, ending in `/`: `https://127.0.0.1:PORT/graph/v1.0/` (later `--graph-url`). */
  readonly graphUrl: string;
  /**
   * In place of `https://outlook.office365.com` for the admin endpoint (later `--exchange-url`):
   * `${exchangeUrl}/adminapi/beta/{tenantId}/InvokeCommand`.
   */
  readonly exchangeUrl: string;
  /** Replication, device code timing, the admin endpoint's answer mode: live and mutable, kept by applyScenario. */
  readonly automation: AutomationSettings;
  /** Device codes waiting for the administrator, oldest first. */
  pendingDeviceCodes(): readonly PendingDeviceCode[];
  /**
   * The administrator approves a device code at the verification page: the newest pending one, or
   * `userCode`; as `admin` (object id or UPN; default the tenant's first administrator). Throws when
   * none is pending.
   */
  approveDeviceCode(userCode?: string, admin?: string): PendingDeviceCode;
  /** The administrator declines a device code (default: the newest pending). */
  declineDeviceCode(userCode?: string): PendingDeviceCode;
  readonly smtp: { host: string; port: number };
  /** The CA certificate clients must trust (PEM). */
  readonly caPem: string;
  /** The file the CA certificate was written to (for NODE_EXTRA_CA_CERTS). */
  readonly caFile: string;
  /** The scenario currently applied. */
  readonly scenario: Scenario;
  /** The tenant, live and mutable: changes apply to the next request. */
  readonly tenant: TenantState;
  /** The fleet's tenants (`options.fleet`), live and mutable like `tenant`; empty without a fleet. */
  readonly fleetTenants: readonly TenantState[];
  /** What a targets file needs for each fleet tenant (index-aligned with `fleetTenants`). */
  readonly fleetClients: readonly FleetClientSettings[];
  /** Fault switches, live and mutable. */
  readonly faults: SandboxFaults;
  /** What to enter into the CLI for the current scenario (updated in place by applyScenario). */
  readonly client: SandboxClientSettings;
  /** Messages accepted by the SMTP server, oldest first. */
  readonly received: ReceivedMessage[];
  /** Requests to the token endpoint, oldest first. */
  readonly requestLog: TokenRequestLogEntry[];
  /** AUTH attempts with the reason behind each answer (Exchange never tells; the sandbox does). */
  readonly authAttempts: AuthAttempt[];
  /** What both servers saw (token requests received and answered, SMTP commands), in order. */
  readonly eventLog: SandboxEvent[];
  /** The round trip the latency proxies add (`latencyMs`), or null without them. */
  readonly latencyMs: number | null;
  stats(): SandboxStats;
  /** Resets tenant, faults and client settings to healthy, then applies the named scenario. */
  applyScenario(name: string): void;
  /**
   * Certificates & secrets → Certificates → Upload certificate, on the app of `clientId` (default: the
   * client's): client assertions signed with its key are accepted from the next request on.
   * `applyScenario` starts from a fresh tenant, without it. Returns the SHA-256 thumbprint.
   */
  uploadCertificate(certificatePem: string, clientId?: string): string;
  /** Closes both servers and every open socket; removes the temp CA dir it created. Idempotent. */
  close(): Promise<void>;
}

const DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;

/** Loopback only: the sandbox accepts any client secret shape and must never be reachable from outside. */
function assertLoopback(host: string): void {
  const loopbackV4 = isIPv4(host) && host.startsWith('127.');
  if (!loopbackV4 && host !== '::1') {
    throw new Error(`The sandbox listens on loopback only (127.0.0.0/8 or ::1); refusing host '${host}'.`);
  }
}

function assertPort(name: string, port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be an integer between 0 and 65535, got ${port}.`);
  }
}

function noFaults(): SandboxFaults {
  return { tokenEndpoint: null, tokenClaims: null, noStartTls: false, inject: null };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  assertLoopback(host);
  const tokenPort = options.tokenPort ?? 0;
  const smtpPort = options.smtpPort ?? 0;
  assertPort('tokenPort', tokenPort);
  assertPort('smtpPort', smtpPort);
  const latencyMs = options.latencyMs ?? null;
  if (latencyMs !== null && (!Number.isFinite(latencyMs) || latencyMs < 0)) {
    throw new Error(`latencyMs must be a number of milliseconds ≥ 0, got ${latencyMs}.`);
  }
  const lifetime = options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  if (!Number.isInteger(lifetime) || lifetime < 1) {
    throw new Error(`tokenLifetimeSeconds must be a positive integer, got ${lifetime}.`);
  }
  // Validate the scenario name before anything is started.
  let scenario = getScenario(options.scenario ?? DEFAULT_SCENARIO);
  const fleet = options.fleet ? createFleet(options.fleet) : null;

  const certs = createSandboxCertificates(host);
  const issuer = await createTokenIssuer();

  const createdTempDir = options.caDir === undefined;
  const caDir = options.caDir ?? (await mkdtemp(join(tmpdir(), 'smtp-oauth-sandbox-')));
  if (!createdTempDir) await mkdir(caDir, { recursive: true });
  const caFile = join(caDir, 'sandbox-ca.pem');
  await writeFile(caFile, certs.caPem, { mode: 0o644 });

  const seed = createSeed();
  const defaultClient = (): SandboxClientSettings => ({
    tenantId: SANDBOX_IDS.tenantId,
    clientId: SANDBOX_IDS.clientId,
    clientSecret: seed.secretValue,
    mailbox: SANDBOX_ADDRESSES.mailbox,
    from: SANDBOX_ADDRESSES.mailbox,
    to: SANDBOX_ADDRESSES.recipient,
  });
  const replicationDelayMs = options.replicationDelayMs ?? 0;
  if (!Number.isFinite(replicationDelayMs) || replicationDelayMs < 0) {
    throw new Error(`replicationDelayMs must be a number of milliseconds ≥ 0, got ${replicationDelayMs}.`);
  }
  const { intervalSeconds = 5, lifetimeSeconds = 900, autoApproveMs = null } = options.deviceCode ?? {};
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 0) throw new Error(`deviceCode.intervalSeconds must be an integer ≥ 0, got ${intervalSeconds}.`);
  if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 1) throw new Error(`deviceCode.lifetimeSeconds must be a positive integer, got ${lifetimeSeconds}.`);
  if (autoApproveMs !== null && (!Number.isFinite(autoApproveMs) || autoApproveMs < 0)) {
    throw new Error(`deviceCode.autoApproveMs must be a number of milliseconds ≥ 0, got ${autoApproveMs}.`);
  }
  const automation: AutomationSettings = {
    replicationDelayMs,
    deviceCodeIntervalSeconds: intervalSeconds,
    deviceCodeLifetimeSeconds: lifetimeSeconds,
    deviceCodeAutoApproveMs: autoApproveMs,
    exchangeAdminAnswer: options.exchangeAdminAnswer ?? 'normal',
    now: options.clock ?? Date.now,
  };
  const state: SandboxState = { tenant: createHealthyTenant(seed), automation, fleetTenants: fleet?.tenants ?? [], faults: noFaults() };
  const tenantOf = (id: string) => findTenant(state, id);
  const deviceCodes = createDeviceCodeFlow(automation, tenantOf);
  const client = defaultClient();

  const applyScenario = (name: string): void => {
    const next = getScenario(name);
    // Identity of tenant, faults and client is kept: callers may hold references to them.
    replaceTenant(state.tenant, createHealthyTenant(seed));
    deviceCodes.clear();
    fleet?.reset();
    Object.assign(state.faults, noFaults());
    const defaults = defaultClient();
    next.apply(state);
    Object.assign(client, defaults, next.client?.({ tenant: state.tenant, defaults }) ?? {});
    scenario = next;
  };
  applyScenario(scenario.name);
  if (options.tokenFault) state.faults.tokenEndpoint = options.tokenFault;
  if (options.noStartTls) state.faults.noStartTls = true;
  if (options.inject) state.faults.inject = options.inject;

  const received: ReceivedMessage[] = [];
  const eventLog: SandboxEvent[] = [];
  // Graph and the Exchange admin endpoint share the token endpoint's HTTPS server (and CA), under path prefixes.
  let publicOrigin = () => '';
  const graph = createGraphApi({ state, issuer, events: eventLog, origin: () => publicOrigin(), tenantOf });
  const exchangeAdmin = createExchangeAdminApi({ state, issuer, events: eventLog, origin: () => publicOrigin(), tenantOf });
  let tokenEndpoint: TokenEndpoint | null = null;
  let smtp: ExchangeSmtpServer | null = null;
  let proxies: { token: LatencyProxy; smtp: LatencyProxy } | null = null;
  const cleanup = async () => {
    deviceCodes.clear();
    await Promise.all([proxies?.token.close(), proxies?.smtp.close(), tokenEndpoint?.close(), smtp?.close()]);
    if (createdTempDir) await rm(caDir, { recursive: true, force: true });
  };
  try {
    [tokenEndpoint, smtp] = await Promise.all([
      startTokenEndpoint({
        host,
        // Behind a proxy, the given port is the proxy's.
        port: latencyMs === null ? tokenPort : 0,
        key: certs.keyPem,
        cert: certs.certPem,
        state,
        issuer,
        tokenLifetimeSeconds: lifetime,
        events: eventLog,
        deviceCodes,
        apis: [graph, exchangeAdmin],
      }),
      startExchangeSmtp({
        host,
        port: latencyMs === null ? smtpPort : 0,
        key: certs.keyPem,
        cert: certs.certPem,
        state,
        issuer,
        maxSessionsPerMailbox: options.maxSessionsPerMailbox,
        events: eventLog,
        onMessage: (message) => {
          received.push(message);
          options.onMessage?.(message);
        },
      }),
    ]);
    if (latencyMs !== null) {
      const [tokenProxy, smtpProxy] = await Promise.all([
        startLatencyProxy({ roundTripMs: latencyMs, host, port: tokenPort, target: { host, port: tokenEndpoint.port } }),
        startLatencyProxy({ roundTripMs: latencyMs, host, port: smtpPort, target: { host, port: smtp.port } }),
      ]);
      proxies = { token: tokenProxy, smtp: smtpProxy };
      tokenEndpoint.setPublicPort(tokenProxy.port);
    }
  } catch (err) {
    await cleanup();
    throw err;
  }
  const token = tokenEndpoint;
  const mail = smtp;
  publicOrigin = () => token.origin;
  const proxied = proxies;

  let closing: Promise<void> | null = null;
  return {
    authorityHost: token.origin,
    graphUrl: `${token.origin}${GRAPH_PATH_PREFIX}`,
    exchangeUrl: `${token.origin}/exchange`,
    automation,
    pendingDeviceCodes: () => deviceCodes.pending(),
    approveDeviceCode: (userCode, admin) => deviceCodes.approve(userCode, admin),
    declineDeviceCode: (userCode) => deviceCodes.decline(userCode),
    smtp: { host, port: proxied?.smtp.port ?? mail.port },
    caPem: certs.caPem,
    caFile,
    get scenario() {
      return scenario;
    },
    tenant: state.tenant,
    fleetTenants: state.fleetTenants,
    fleetClients: fleet?.clients ?? [],
    faults: state.faults,
    client,
    received,
    requestLog: token.requestLog,
    authAttempts: mail.authAttempts,
    eventLog,
    latencyMs,
    stats: () => ({
      tokenRequests: token.tokenRequests(),
      deviceCodeRequests: token.deviceCodeRequests(),
      graphRequests: graph.requests(),
      exchangeAdminRequests: exchangeAdmin.requests(),
      smtpConnections: mail.connections(),
      smtpOpenConnections: mail.openConnections(),
      maxConcurrentSessionsPerMailbox: mail.maxConcurrentSessionsPerMailbox(),
      maxOpenSessions: mail.maxOpenSessions(),
      maxAuthenticatedSessions: mail.maxAuthenticatedSessions(),
      mailboxSessions: mail.mailboxSessions(),
      proxied: proxied && { token: proxied.token.connections(), smtp: proxied.smtp.connections() },
    }),
    applyScenario,
    uploadCertificate(certificatePem, clientId = client.clientId) {
      const app = state.tenant.apps.find((a) => a.clientId === clientId);
      if (!app) throw new Error(`the sandbox tenant has no app ${clientId}`);
      const thumbprintSha256 = new X509Certificate(certificatePem).fingerprint256.replace(/:/g, '');
      app.certificates.push({ thumbprintSha256, certificatePem });
      return thumbprintSha256;
    },
    close() {
      closing ??= cleanup();
      return closing;
    },
  };
}
