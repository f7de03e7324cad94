import type { Socket } from 'node:net';
import { errors as joseErrors } from 'jose';
import { SMTPServer } from 'smtp-server';
import type {
  SMTPServerAddress,
  SMTPServerAuthentication,
  SMTPServerAuthenticationResponse,
  SMTPServerDataStream,
  SMTPServerSession,
} from 'smtp-server';
import {
  EHLO_KEYWORD_ORDER,
  ExchangeReplies,
  fillReplyTemplate,
  FRONTEND_HOST,
  MAILBOX_HOST,
  MAX_MESSAGE_SIZE,
  replyError,
  type Reply,
  type ReplyContext,
} from './exchange-replies.js';
import { isVisible, smtpAuthKeys } from './directory.js';
import { decodeEncodedWords, headerValue, parseAddressList } from './message-headers.js';
import {
  findMailboxByAnyAddress,
  findMailboxByPrimaryAddress,
  includesId,
  randomHex,
  SMTP_SEND_AS_APP_ROLE,
  type Mailbox,
  type TenantState,
} from './tenant.js';
import { findTenant } from './fleet.js';
import type { TokenIssuer } from './token-issuer.js';
import type { ReceivedMessage, SandboxEvent, SandboxState, SmtpReplyPhase } from './types.js';

/**
 * An Exchange-Online-like SMTP submission server (smtp.office365.com:587 as seen by a client):
 * STARTTLS, AUTH XOAUTH2 with the checks Exchange applies to an app-only token, then MAIL/RCPT/DATA
 * with send-as and concurrency rules. Replies are Exchange's, from exchange-replies.ts.
 */

/** Audiences Exchange accepts in the token (catalog C; trailing slash tolerated, v1 tokens vary). */
const EXCHANGE_AUDIENCES = new Set(['https://outlook.office365.com', 'https://outlook.office.com']);

/** Exchange Online allows 3 simultaneous SMTP submission sessions per mailbox (catalog E). */
export const DEFAULT_MAX_SESSIONS_PER_MAILBOX = 3;

/** Why an AUTH was answered the way it was: Exchange never says (catalog B.1); the sandbox records it. */
export type AuthOutcome =
  | 'ok'
  | 'injected'
  | 'not-secure'
  | 'basic-auth'
  | 'token-invalid'
  | 'token-expired'
  | 'wrong-audience'
  | 'wrong-tenant'
  | 'missing-role'
  | 'no-exchange-service-principal'
  | 'service-principal-object-id-mismatch'
  | 'unknown-mailbox'
  | 'no-full-access'
  | 'smtp-auth-disabled-mailbox'
  | 'smtp-auth-disabled-tenant';

export interface AuthAttempt {
  /** ISO 8601. */
  at: string;
  method: string;
  /** The `user=` value (or LOGIN username). */
  user: string;
  outcome: AuthOutcome;
  /** The reply line sent, e.g. `535 5.7.3 Authentication unsuccessful [...]`. */
  reply: string;
}

/**
 * What happened in each SMTP session, when (ISO 8601, milliseconds): the sandbox's own record, to show
 * what a client did in which order (e.g. EHLO answered before the token endpoint answered, QUIT sent).
 */
export interface ExchangeSmtpOptions {
  host: string;
  port: number;
  key: string;
  cert: string;
  state: SandboxState;
  issuer: TokenIssuer;
  /** Called for each accepted message (after it is recorded by the caller's list). */
  onMessage: (message: ReceivedMessage) => void;
  maxSessionsPerMailbox?: number;
  /** Where the session's events are recorded, shared with the token endpoint (the sandbox's event log). */
  events: SandboxEvent[];
}

export interface ExchangeSmtpServer {
  readonly host: string;
  readonly port: number;
  readonly authAttempts: AuthAttempt[];
  /** TCP connections accepted so far. */
  connections(): number;
  /** TCP connections open now. */
  openConnections(): number;
  /** Highest number of simultaneously authenticated sessions seen for any one mailbox. */
  maxConcurrentSessionsPerMailbox(): number;
  /** The most sessions open at once: greeted, and not yet ended by QUIT or a close. */
  maxOpenSessions(): number;
  /** The most authenticated sessions at once (not yet ended), all mailboxes together. */
  maxAuthenticatedSessions(): number;
  /** Per mailbox (lower-cased address): authenticated sessions open now, and the most seen at once. */
  mailboxSessions(): Record<string, { current: number; max: number }>;
  close(): Promise<void>;
}

type SmtpConnection = SMTPServer['connections'] extends Set<infer C> ? C : never;

interface Authenticated {
  /** The tenant of the token (the scenario's tenant or a fleet tenant). */
  tenant: TenantState;
  mailbox: string;
  appId: string;
  servicePrincipalObjectId: string;
}

interface SessionInfo {
  ctx: ReplyContext;
  auth: Authenticated | null;
}

type CheckResult = { ok: true; auth: Authenticated } | { ok: false; outcome: AuthOutcome; reply: Reply };

function normalizeAudience(aud: unknown): string[] {
  const list = Array.isArray(aud) ? aud : [aud];
  return list.filter((a): a is string => typeof a === 'string').map((a) => a.replace(/\/+$/, '').toLowerCase());
}

/**
 * The XOAUTH2 checks, in the order a token is naturally examined: is it ours and current, is it for
 * Exchange in this tenant, does it carry SMTP.SendAsApp, is the app known to Exchange under the right
 * object id, may it open the mailbox; then whether SMTP AUTH is enabled for that mailbox. Every
 * failure before the last step is the same opaque 535 5.7.3 (catalog B.1).
 */
async function checkXoauth2(
  state: SandboxState,
  issuer: TokenIssuer,
  ctx: ReplyContext,
  user: string,
  token: string,
): Promise<CheckResult> {
  const now = () => state.automation.now();
  const fail = (outcome: AuthOutcome, reply: Reply = ExchangeReplies.authUnsuccessful(ctx)): CheckResult => ({
    ok: false,
    outcome,
    reply,
  });
  let claims: Record<string, unknown>;
  try {
    claims = await issuer.verify(token);
  } catch (err) {
    return fail(err instanceof joseErrors.JWTExpired ? 'token-expired' : 'token-invalid');
  }
  const audiences = normalizeAudience(claims.aud);
  if (!audiences.some((a) => EXCHANGE_AUDIENCES.has(a))) return fail('wrong-audience');
  // The token names its tenant; a token of no known tenant is judged against the scenario's (wrong-tenant).
  const tenant = (typeof claims.tid === 'string' && findTenant(state, claims.tid)) || state.tenant;
  if (typeof claims.tid !== 'string' || claims.tid.toLowerCase() !== tenant.id.toLowerCase()) return fail('wrong-tenant');
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  if (!roles.includes(SMTP_SEND_AS_APP_ROLE)) return fail('missing-role');
  const appId = typeof claims.appid === 'string' ? claims.appid : '';
  const oid = typeof claims.oid === 'string' ? claims.oid : '';
  // What the admin endpoint created counts once replicated (automation-notes.md §4, last row).
  const replicated = (key: string) => isVisible(tenant.directory, key, now());
  const byAppId = tenant.exchangeServicePrincipals.filter(
    (sp) => sp.appId.toLowerCase() === appId.toLowerCase() && replicated(smtpAuthKeys.servicePrincipal(sp.appId, sp.objectId)),
  );
  if (byAppId.length === 0) return fail('no-exchange-service-principal');
  if (!byAppId.some((sp) => sp.objectId.toLowerCase() === oid.toLowerCase())) {
    return fail('service-principal-object-id-mismatch');
  }
  // `user=` must be the mailbox's primary SMTP address (catalog B.1 cause 5: alias/UPN mismatch).
  const mailbox = findMailboxByPrimaryAddress(tenant, user);
  if (!mailbox) return fail('unknown-mailbox');
  if (!includesId(mailbox.fullAccess, oid) || !replicated(smtpAuthKeys.fullAccess(mailbox.address, oid))) return fail('no-full-access');
  // The mailbox setting wins when set; null inherits the organization's (catalog B.2, B.3).
  if (mailbox.smtpClientAuthenticationDisabled === true) {
    return fail('smtp-auth-disabled-mailbox', ExchangeReplies.smtpAuthDisabledForMailbox(ctx));
  }
  if (mailbox.smtpClientAuthenticationDisabled === null && tenant.organization.smtpClientAuthenticationDisabled) {
    return fail('smtp-auth-disabled-tenant', ExchangeReplies.smtpAuthDisabledForTenant(ctx));
  }
  return { ok: true, auth: { tenant, mailbox: mailbox.address, appId, servicePrincipalObjectId: oid } };
}

/** Whether the authenticated app may send with `address` as sender (catalog B.16). */
function maySendAs(tenant: TenantState, auth: Authenticated, address: string, now: number): boolean {
  const owner: Mailbox | undefined = findMailboxByAnyAddress(tenant, address);
  if (!owner) return false;
  const isPrimary = owner.address.toLowerCase() === address.toLowerCase();
  if (!isPrimary && !tenant.organization.sendFromAliasEnabled) return false;
  if (owner.address.toLowerCase() === auth.mailbox.toLowerCase()) return true;
  return (
    includesId(owner.sendAs, auth.servicePrincipalObjectId) &&
    isVisible(tenant.directory, smtpAuthKeys.sendAs(owner.address, auth.servicePrincipalObjectId), now)
  );
}

/**
 * smtp-server writes some replies itself (banner, EHLO, STARTTLS, success lines). This maps them to
 * Exchange's wording so the wire matches the catalog; anything not listed passes unchanged.
 */
function translateReply(
  code: number,
  data: string | string[] | null | undefined,
  context: string | false | undefined,
  session: SMTPServerSession,
  ctx: ReplyContext,
): { code: number; data: string | string[] | null | undefined } {
  const asReply = (r: Reply) => ({ code: r.code, data: r.text });
  if (Array.isArray(data) && code === 250) {
    // EHLO: Exchange's order, ENHANCEDSTATUSCODES advertised (all our replies carry enhanced codes),
    // and no AUTH before STARTTLS (Exchange offers AUTH only inside TLS, catalog §0.2).
    const keywords = data
      .slice(1)
      .filter((line) => session.secure || !line.toUpperCase().startsWith('AUTH'))
      .filter((line) => !line.toUpperCase().startsWith('REQUIRETLS'));
    keywords.push('ENHANCEDSTATUSCODES');
    const rank = (line: string) => {
      const i = (EHLO_KEYWORD_ORDER as readonly string[]).indexOf(line.split(' ')[0]?.toUpperCase() ?? '');
      return i === -1 ? EHLO_KEYWORD_ORDER.length : i;
    };
    keywords.sort((a, b) => rank(a) - rank(b));
    return { code, data: [ExchangeReplies.ehloGreeting(ctx, session.remoteAddress), ...keywords] };
  }
  const text = typeof data === 'string' ? data : '';
  switch (code) {
    case 220:
      return asReply(text === 'Ready to start TLS' ? ExchangeReplies.startTlsReady() : ExchangeReplies.greeting(ctx, new Date()));
    case 221:
      return asReply(ExchangeReplies.closing());
    case 235:
      return asReply(ExchangeReplies.authSuccessful());
    case 250:
      if (context === 'MAIL_FROM_OK') return asReply(ExchangeReplies.senderOk());
      if (context === 'RCPT_TO_OK') return asReply(ExchangeReplies.recipientOk());
      return { code, data };
    case 354:
      return asReply(ExchangeReplies.startMailInput());
    case 538: // smtp-server: "Must issue a STARTTLS command first"
      return asReply(ExchangeReplies.unrecognizedAuthType(ctx));
    case 504:
      return text.startsWith('Error: Unrecognized authentication type') ? asReply(ExchangeReplies.unrecognizedAuthType(ctx)) : { code, data };
    case 503:
      return /^Error: send (HELO\/EHLO|LHLO) first/.test(text) ? asReply(ExchangeReplies.sendHelloFirst(ctx)) : { code, data };
    default:
      return { code, data };
  }
}

function formatReply(reply: Reply): string {
  return `${reply.code} ${reply.text}`;
}

export async function startExchangeSmtp(options: ExchangeSmtpOptions): Promise<ExchangeSmtpServer> {
  const { state, issuer } = options;
  const maxSessions = options.maxSessionsPerMailbox ?? DEFAULT_MAX_SESSIONS_PER_MAILBOX;
  const sessions = new Map<string, SessionInfo>();
  // Authenticated sessions per mailbox, in order of authentication: the first `maxSessions` may
  // submit, later ones get 432 4.3.2 until an earlier one leaves.
  const active = new Map<string, SessionInfo[]>();
  const maxByMailbox = new Map<string, number>();
  const authAttempts: AuthAttempt[] = [];
  const rawSockets = new Set<Socket>();
  let connectionCount = 0;
  let maxConcurrent = 0;
  // Sessions from the greeting to QUIT or close, and those of them authenticated: what a client has
  // open at once (a session that sent QUIT is over for it, though its socket may still be closing).
  const live = new Set<string>();
  const liveAuthenticated = new Set<string>();
  let maxOpen = 0;
  let maxAuthenticated = 0;
  const ended = (id: string) => {
    live.delete(id);
    liveAuthenticated.delete(id);
  };

  const sessionInfo = (session: SMTPServerSession): SessionInfo => {
    let info = sessions.get(session.id);
    if (!info) {
      info = { ctx: { host: FRONTEND_HOST, mailboxHost: MAILBOX_HOST, sessionId: randomHex(8) }, auth: null };
      sessions.set(session.id, info);
    }
    return info;
  };

  const takeInjection = (phase: SmtpReplyPhase, ctx: ReplyContext): Reply | null => {
    const injection = state.faults.inject;
    if (!injection || injection.phase !== phase) return null;
    if (injection.remaining !== undefined) {
      injection.remaining--;
      if (injection.remaining <= 0) state.faults.inject = null;
    }
    return { code: injection.code, text: fillReplyTemplate(injection.text, ctx) };
  };

  const record = (event: Extract<SandboxEvent, { server: 'smtp' }>['event'], session: SMTPServerSession, info: SessionInfo): void => {
    options.events.push({ at: new Date().toISOString(), server: 'smtp', event, session: info.ctx.sessionId, secure: session.secure });
  };

  const onConnect = (session: SMTPServerSession, callback: (err?: Error | null) => void): void => {
    connectionCount++;
    live.add(session.id);
    maxOpen = Math.max(maxOpen, live.size);
    const info = sessionInfo(session);
    record('connection', session, info);
    // Per-session switch, so applyScenario can turn STARTTLS off/on while the server runs. The
    // command is then really unavailable: not advertised, and refused if sent anyway.
    if (state.faults.noStartTls) session.disabledCommands = ['STARTTLS'];
    // smtp-server has no hook for reply texts; wrapping this connection's send() (a public method)
    // is the narrowest way to make the wire match Exchange. The wire-format tests fail if a future
    // smtp-server stops exposing the connection here.
    const connection = [...server.connections].find((c) => c.session === session);
    if (connection) {
      const send = connection.send.bind(connection);
      connection.send = (code, data, context) => {
        // The replies smtp-server writes itself tell which command (or greeting) was answered.
        if (code === 220) record(data === 'Ready to start TLS' ? 'starttls' : 'greeting', session, info);
        else if (code === 250 && Array.isArray(data)) record('ehlo', session, info);
        else if (code === 221) {
          record('quit', session, info);
          ended(session.id);
        }
        const translated = translateReply(code, data, context, session, info.ctx);
        send(translated.code, translated.data, context);
      };
    }
    callback();
  };

  const onAuth = (
    auth: SMTPServerAuthentication,
    session: SMTPServerSession,
    callback: (err: Error | null | undefined, response?: SMTPServerAuthenticationResponse) => void,
  ): void => {
    const info = sessionInfo(session);
    const user = auth.username ?? '';
    const finish = (outcome: AuthOutcome, reply: Reply, authenticated?: Authenticated) => {
      authAttempts.push({ at: new Date().toISOString(), method: auth.method, user, outcome, reply: formatReply(reply) });
      record('auth', session, info);
      if (!authenticated) {
        callback(replyError(reply));
        return;
      }
      info.auth = authenticated;
      const key = authenticated.mailbox.toLowerCase();
      const list = active.get(key) ?? [];
      list.push(info);
      active.set(key, list);
      maxConcurrent = Math.max(maxConcurrent, list.length);
      maxByMailbox.set(key, Math.max(maxByMailbox.get(key) ?? 0, list.length));
      liveAuthenticated.add(session.id);
      maxAuthenticated = Math.max(maxAuthenticated, liveAuthenticated.size);
      callback(null, { user: authenticated });
    };
    // Reachable only when STARTTLS is disabled: Exchange offers no AUTH outside TLS (catalog B.10).
    if (!session.secure) return finish('not-secure', ExchangeReplies.unrecognizedAuthType(info.ctx));
    const injected = takeInjection('auth', info.ctx);
    if (injected) return finish('injected', injected);
    if (auth.method !== 'XOAUTH2') return finish('basic-auth', ExchangeReplies.basicAuthDisabled(info.ctx));
    checkXoauth2(state, issuer, info.ctx, user, auth.accessToken ?? '').then(
      (result) =>
        result.ok
          ? finish('ok', ExchangeReplies.authSuccessful(), result.auth)
          : finish(result.outcome, result.reply),
      () => finish('token-invalid', ExchangeReplies.authUnsuccessful(info.ctx)),
    );
  };

  const onMailFrom = (_address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void): void => {
    const info = sessionInfo(session);
    const injected = takeInjection('mail', info.ctx);
    if (injected) return callback(replyError(injected));
    if (!session.secure) return callback(replyError(ExchangeReplies.startTlsRequired(info.ctx)));
    if (!info.auth) return callback(replyError(ExchangeReplies.clientNotAuthenticated(info.ctx)));
    callback();
  };

  const onRcptTo = (_address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void): void => {
    const info = sessionInfo(session);
    const injected = takeInjection('rcpt', info.ctx);
    if (injected) return callback(replyError(injected));
    callback();
  };

  const onData = (
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (err?: Error | null, message?: string) => void,
  ): void => {
    const info = sessionInfo(session);
    const chunks: Buffer[] = [];
    if (state.faults.dropDuringData) {
      // A connection lost mid-message: no reply at all, the client must time out or see the reset.
      stream.once('data', () => {
        const connection = ([...server.connections] as SmtpConnection[]).find((c) => c.session === session);
        connection?._socket.destroy();
      });
    }
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', () => undefined);
    stream.on('end', () => {
      // Oversized messages are refused by smtp-server itself (rejectOversized).
      if (stream.sizeExceeded) return callback();
      const injected = takeInjection('data', info.ctx);
      if (injected) return callback(replyError(injected));
      const auth = info.auth;
      if (!auth) return callback(replyError(ExchangeReplies.clientNotAuthenticated(info.ctx)));

      const list = active.get(auth.mailbox.toLowerCase()) ?? [];
      if (list.indexOf(info) >= maxSessions) {
        return callback(replyError(ExchangeReplies.senderThreadLimitExceeded(info.ctx)));
      }

      const raw = Buffer.concat(chunks).toString('utf8');
      const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
      const fromHeader = headerValue(raw, 'from');
      const headerFrom = fromHeader ? parseAddressList(fromHeader) : [];
      // Exchange checks both the envelope sender and the From: header (catalog B.16).
      const senders = [mailFrom, ...headerFrom];
      if (!senders.every((address) => maySendAs(auth.tenant, auth, address, state.automation.now()))) {
        return callback(replyError(ExchangeReplies.sendAsDenied(info.ctx)));
      }

      const shortHost = info.ctx.mailboxHost.split('.')[0] ?? 'SBX';
      const queueId = `<${shortHost}${randomHex(13).slice(0, 25)}@${info.ctx.mailboxHost}>`;
      const message: ReceivedMessage = {
        mailFrom,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
        headerFrom,
        authenticatedAs: auth.mailbox,
        servicePrincipal: auth.appId,
        servicePrincipalObjectId: auth.servicePrincipalObjectId,
        subject: decodeEncodedWords(headerValue(raw, 'subject') ?? ''),
        raw,
        receivedAt: new Date().toISOString(),
        queueId,
      };
      try {
        options.onMessage(message);
      } catch {
        // A failing observer must not turn an accepted message into a server error.
      }
      callback(null, ExchangeReplies.queued(info.ctx, queueId).text);
    });
  };

  const onClose = (session: SMTPServerSession): void => {
    ended(session.id);
    const info = sessions.get(session.id);
    sessions.delete(session.id);
    if (info) record('close', session, info);
    if (!info?.auth) return;
    const key = info.auth.mailbox.toLowerCase();
    const list = (active.get(key) ?? []).filter((i) => i !== info);
    if (list.length) active.set(key, list);
    else active.delete(key);
  };

  const server = new SMTPServer({
    secure: false,
    key: options.key,
    cert: options.cert,
    minVersion: 'TLSv1.2',
    name: FRONTEND_HOST,
    // The real banner carries the connection time and session id, so the greeting is rewritten
    // per session in translateReply; this static value only documents the shape.
    banner: 'Microsoft ESMTP MAIL Service ready',
    heloResponse: '%s Hello %s',
    // LOGIN is advertised as Exchange does ("AUTH LOGIN XOAUTH2") and answered with 5.7.139.
    authMethods: ['LOGIN', 'XOAUTH2'],
    // MAIL FROM without AUTH must reach onMailFrom to get Exchange's 530 5.7.57.
    authOptional: true,
    // Replies carry Exchange's own enhanced codes in their text.
    hideENHANCEDSTATUSCODES: true,
    hideDSN: false,
    size: MAX_MESSAGE_SIZE,
    rejectOversized: true,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1000,
    onConnect,
    onAuth,
    onMailFrom,
    onRcptTo,
    onData,
    onClose,
  });
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    rawSockets.add(socket);
    socket.once('close', () => rawSockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  let closed: Promise<void> | null = null;
  return {
    host: options.host,
    port,
    authAttempts,
    connections: () => connectionCount,
    // smtp-server's own set: an upgraded connection's raw socket loses its listeners (STARTTLS), the set does not.
    openConnections: () => server.connections.size,
    maxConcurrentSessionsPerMailbox: () => maxConcurrent,
    maxOpenSessions: () => maxOpen,
    maxAuthenticatedSessions: () => maxAuthenticated,
    mailboxSessions: () =>
      Object.fromEntries([...maxByMailbox].map(([k, max]) => [k, { current: active.get(k)?.length ?? 0, max }])),
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Do not wait for clients to QUIT: drop every session now, the topmost socket first
        // (the TLS socket after STARTTLS), then whatever raw socket is left.
        for (const connection of [...server.connections] as SmtpConnection[]) {
          connection._socket.destroy();
        }
        for (const socket of rawSockets) socket.destroy();
      });
      return closed;
    },
  };
}
