import type { TenantState } from './tenant.js';

/** The SMTP phases at which Exchange Online answers, and at which a reply can be injected. */
export type SmtpReplyPhase = 'auth' | 'mail' | 'rcpt' | 'data';

/**
 * Makes the SMTP server answer an arbitrary reply at one phase, as Exchange would (used to reproduce
 * catalog replies the tenant model does not produce by itself, e.g. 451 4.7.0 … PRX4).
 *
 * `text` is everything after the numeric code, e.g. `4.7.0 Temporary server error. Please try again
 * later. PRX4  [{host}]`. Placeholders, filled per reply: `{host}` the front-end host, `{mailboxHost}`
 * the mailbox-server host (STOREDRV replies), `{suffix}` the modern `[HOST TIMESTAMP SESSIONID]`
 * bracket (catalog §0.1).
 */
export interface ReplyInjection {
  phase: SmtpReplyPhase;
  code: number;
  text: string;
  /** Answer this many times, then behave normally (for retry tests). Unlimited when absent. */
  remaining?: number;
}

/** What the token endpoint does instead of processing a token POST. */
export type TokenEndpointFault =
  | {
      kind: 'respond';
      status: number;
      /** Sent as is (string) or JSON-encoded (object); a function is called per response (fresh trace ids). */
      body: string | Record<string, unknown> | (() => string | Record<string, unknown>);
      headers?: Record<string, string>;
      /** Apply to this many POSTs, then behave normally. Unlimited when absent. */
      remaining?: number;
    }
  | {
      /** Accept the request and never answer (to test client timeouts). */
      kind: 'hang';
      remaining?: number;
    }
  | {
      /**
       * Answer as usual, but only after `ms` milliseconds: a slow token endpoint (to show that the
       * SMTP connection does not wait for the token).
       */
      kind: 'delay';
      ms: number;
      remaining?: number;
    }
  | {
      /**
       * Answer 200 with a body that never ends, as fast as the client reads it: what a misbehaving
       * proxy or another server in Entra ID's place can send (to test the client's size limit).
       */
      kind: 'endless';
      remaining?: number;
    };

/**
 * Changes to the claims of the tokens the endpoint issues, to reproduce tokens Exchange Online cannot
 * accept (catalog C) — as a misconfigured client or a skewed clock would get them. The tokens stay
 * properly signed.
 */
export interface TokenClaimsFault {
  /** `aud`, e.g. `https://graph.microsoft.com` (a Graph token). */
  audience?: string;
  /** `tid`. */
  tenantId?: string;
  /** `appid`. */
  clientId?: string;
  /** Moves `iat`, `nbf` and `exp` by this many seconds (negative: issued in the past, as a fast clock sees it). */
  shiftSeconds?: number;
  /** Leaves the `roles` claim out (a delegated token carries `scp` instead). */
  dropRoles?: boolean;
  /** Extra claims, e.g. `scp` and `upn` of a delegated (user) token. */
  extra?: Record<string, string>;
}

/** Fault switches, live and mutable like the tenant. */
export interface SandboxFaults {
  /** Applies to `POST …/oauth2/v2.0/token` only; discovery and JWKS keep working. */
  tokenEndpoint: TokenEndpointFault | null;
  /** Applies to the tokens the endpoint issues (successful token POSTs). */
  tokenClaims: TokenClaimsFault | null;
  /** STARTTLS is really unavailable (not advertised, command refused) for new SMTP sessions. */
  noStartTls: boolean;
  /** Drop the TCP connection as soon as message data arrives (a network fault in the middle of DATA). */
  dropDuringData?: boolean;
  inject: ReplyInjection | null;
}

/**
 * Settings of the administrator's side of the sandbox (device code sign-in, Graph, the Exchange admin
 * endpoint), live and mutable; `applyScenario` leaves them as they are.
 */
export interface AutomationSettings {
  /**
   * Replication delay (automation-notes.md §4): each object Graph or the admin endpoint creates stays
   * invisible to reads, references and the token endpoint for this many milliseconds. 0: none.
   */
  replicationDelayMs: number;
  /** `interval` of a device code answer, seconds (Entra: 5). Polling faster is answered `slow_down`. */
  deviceCodeIntervalSeconds: number;
  /** `expires_in` of a device code answer, seconds (Entra: 900). */
  deviceCodeLifetimeSeconds: number;
  /** Approve each new device code as the tenant's first administrator after this many ms; null: wait. */
  deviceCodeAutoApproveMs: number | null;
  /**
   * `unexpected`: the Exchange admin endpoint answers 200 with a body the notes do not describe
   * (automation-notes.md §3: "treat every unexpected answer as fall back"), for the fallback test.
   */
  exchangeAdminAnswer: 'normal' | 'unexpected';
  /**
   * For the crash tests: a request this matches is carried out (the object exists in the tenant) but
   * never answered, the moment a client could be killed between Microsoft's answer and its own record.
   * `operation` is Graph's method and path (`POST applications`) or the cmdlet name. Null: none.
   */
  swallowAnswer?: ((request: { service: 'graph' | 'exchange'; operation: string }) => boolean) | null;
  /** The clock of device codes and replication (epoch ms); injectable for tests. */
  now: () => number;
}

/** Everything the servers consult on each request. */
export interface SandboxState {
  tenant: TenantState;
  automation: AutomationSettings;
  /** More tenants for fleet checks (`startSandbox({ fleet })`); empty otherwise. Scenarios never touch them. */
  fleetTenants: TenantState[];
  faults: SandboxFaults;
}

/** The values a user would enter into the CLI's `check` for this sandbox and scenario. */
export interface SandboxClientSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The mailbox to authenticate as (`user=` of XOAUTH2). */
  mailbox: string;
  /** The sender address (MAIL FROM and From:). */
  from: string;
  /** A recipient in the tenant, for sending a test message. */
  to: string;
}

export interface ReceivedMessage {
  /** Envelope sender (MAIL FROM). */
  mailFrom: string;
  /** Envelope recipients (RCPT TO). */
  rcptTo: string[];
  /** Address(es) of the From: header, lower-cased as written. */
  headerFrom: string[];
  /** The mailbox the session authenticated as. */
  authenticatedAs: string;
  /** Application (client) id of the app that authenticated (token `appid`). */
  servicePrincipal: string;
  /** Service principal object id (token `oid`). */
  servicePrincipalObjectId: string;
  /** Decoded Subject: header, or '' when absent. */
  subject: string;
  /** The whole message as received (headers and body, CRLF line ends). */
  raw: string;
  /** ISO 8601. */
  receivedAt: string;
  /** The id Exchange-style `250 2.0.0 OK <id>` reply named. */
  queueId: string;
}

export interface TokenRequestLogEntry {
  method: string;
  /** Request path without the query string. */
  path: string;
  /** HTTP status answered; null while unanswered (a hanging fault never answers). */
  status: number | null;
  /** ISO 8601 arrival time. */
  at: string;
  /** ISO 8601 time the answer's headers were sent; null while unanswered. */
  answeredAt: string | null;
}

/**
 * What the two servers saw, in the order they saw it (one list for both, so that the order between a
 * token answer and an SMTP command is exact, not only as fine as the timestamps).
 */
export type SandboxEvent =
  | { at: string; server: 'token'; event: 'request-received'; method: string; path: string }
  | { at: string; server: 'token'; event: 'request-answered'; method: string; path: string; status: number }
  | {
      at: string;
      /** Microsoft Graph (`graphUrl`) or the Exchange admin endpoint (`exchangeUrl`), one event per answered request. */
      server: 'graph' | 'exchange-admin';
      event: 'request-answered';
      method: string;
      path: string;
      status: number;
      /** Graph: `METHOD /resource/…` with ids replaced by `{id}`; Exchange: the cmdlet name. */
      operation: string;
    }
  | {
      at: string;
      server: 'smtp';
      /**
       * `connection`: accepted (onConnect, just before the greeting); `ehlo`, `starttls`, `quit`: the
       * command, recorded as it is answered (at once on receipt); `auth`: the AUTH answer; `close`.
       */
      event: 'connection' | 'greeting' | 'ehlo' | 'starttls' | 'auth' | 'quit' | 'close';
      /** The session id of the Exchange-style replies, the same for every event of one connection. */
      session: string;
      /** The session is inside TLS (an EHLO after STARTTLS). */
      secure: boolean;
    };
