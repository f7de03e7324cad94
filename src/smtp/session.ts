import { connect as connectTcp, type Socket } from 'node:net';
import { rootCertificates, type TLSSocket } from 'node:tls';
import { format } from 'node:util';
import type { SmtpFailure, SmtpPhase } from '../diagnose/types.js';
import { t } from '../messages/index.js';

/** What opening a session needs: everything but the token, which may still be on its way. */
export interface SmtpOpenRequest {
  host: string;
  port: number;
  timeoutMs: number;
  extraCaPem?: string;
  /**
   * `--verbose`: receives each command (`C: …`) and reply (`S: …`), never the message body.
   * nodemailer already masks the XOAUTH2 blob; the caller's redactor guards the rest.
   */
  transcript?: (line: string) => void;
  /** A stop signal (Ctrl-C, SIGTERM, SIGHUP): its abort closes the connection at once. */
  signal?: AbortSignal;
}

export interface SmtpTestMessage {
  from: string;
  to: string;
  raw: Buffer;
  messageId: string;
}

/** Milliseconds each leg of the session took; null for a leg that was not reached or did not end. */
export interface SmtpSessionTimings {
  /** TCP connect, greeting, EHLO, STARTTLS, TLS handshake and the second EHLO: everything before AUTH. */
  connectMs: number | null;
  /** AUTH XOAUTH2 and its reply. */
  authMs: number | null;
  /** MAIL FROM, RCPT TO, DATA and the message, up to the server's queue reply. */
  sendMs: number | null;
}

export interface SmtpSessionResult {
  /**
   * Whether an SMTP server answered (its greeting came); null when the session was not tried or
   * was abandoned before it could tell.
   */
  reachable: boolean | null;
  tlsVersion: string | null;
  /** The AUTH mechanisms the server offered inside TLS (EHLO after STARTTLS); null when not reached. */
  authMechanisms: string[] | null;
  authenticated: boolean;
  /** The last reply the server gave (its queue reply when a message was sent). */
  response: string | null;
  messageId: string | null;
  timings: SmtpSessionTimings;
}

export class SmtpSessionError extends Error {
  constructor(
    readonly failure: SmtpFailure,
    readonly partial: SmtpSessionResult,
  ) {
    super(failure.message);
    this.name = 'SmtpSessionError';
  }
}

type NodemailerError = Error & {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  timeoutType?: string;
};

/**
 * A session opened up to the point of AUTH (TLS up, EHLO answered), waiting for its token. It is
 * then used (`authenticate`, `send`, `quit`) or, when the token cannot be used, `close`d politely.
 * Each method throws `SmtpSessionError` with the facts so far (`result`).
 */
export interface OpenSmtpSession {
  /** What the session has shown so far; updated as it goes. */
  readonly result: SmtpSessionResult;
  /** False once the server or the network ended the session while it waited for its token. */
  readonly usable: boolean;
  authenticate(mailbox: string, accessToken: string): Promise<void>;
  send(message: SmtpTestMessage): Promise<void>;
  /** QUIT without waiting for the reply: the socket closes on the reply or after a short grace. */
  quit(): void;
  /** The polite way out of a session that will not be used: QUIT, then close; at once when the session is already gone. */
  close(): void;
}

/** How long a QUIT may wait for its reply before the socket is closed anyway: the result never waits for it. */
export const QUIT_GRACE_MS = 200;

/**
 * Connect → greeting → EHLO → STARTTLS → TLS → EHLO: everything that needs no token. Resolves once
 * the session is ready for AUTH; rejects with `SmtpSessionError` (the socket closed) otherwise.
 * nodemailer's `smtp-connection` is loaded here, in parallel with the token library.
 */
export async function openSmtpSession(request: SmtpOpenRequest): Promise<OpenSmtpSession> {
  const stopped = () => Object.assign(new Error('stopped'), { code: 'ABORT_ERR' }) as NodemailerError;
  const result: SmtpSessionResult = {
    reachable: null,
    tlsVersion: null,
    authMechanisms: null,
    authenticated: false,
    response: null,
    messageId: null,
    timings: { connectMs: null, authMs: null, sendMs: null },
  };
  const target = { host: request.host, port: request.port };
  if (request.signal?.aborted) throw new SmtpSessionError(toSmtpFailure(stopped(), 'connect', target), result);
  const connectStarted = performance.now();
  const early = earlyConnection(request);
  const [{ default: SMTPConnection }, { default: XOAuth2 }] = await Promise.all([
    import('nodemailer/lib/smtp-connection'),
    import('nodemailer/lib/xoauth2'),
  ]);
  const since = (start: number) => Math.round(performance.now() - start);
  const socket0 = early.handOver();
  const connection = new SMTPConnection({
    host: request.host,
    port: request.port,
    // The TCP connection opened before nodemailer loaded, when it is still sound (else nodemailer connects).
    ...(socket0 && { connection: socket0 }),
    // 465 is implicit TLS; everything else (587 for Exchange Online) must upgrade with STARTTLS.
    secure: request.port === 465,
    requireTLS: true,
    tls: {
      minVersion: 'TLSv1.2',
      ...(request.extraCaPem && { ca: [...rootCertificates, request.extraCaPem] }),
    },
    connectionTimeout: request.timeoutMs,
    greetingTimeout: request.timeoutMs,
    socketTimeout: request.timeoutMs,
    // After QUIT (or on a close) our side ends; the server gets this long to close its own.
    socketCloseTimeout: QUIT_GRACE_MS,
    // Only the dialogue, and only when asked for: transactionLog leaves the message data out.
    logger: request.transcript ? transcriptLogger(request.transcript) : false,
    transactionLog: request.transcript !== undefined,
  });

  let phase: SmtpPhase = 'connect';
  let ended = false;
  const fail = (error: NodemailerError): SmtpSessionError => {
    if (typeof error.response === 'string') result.response = error.response;
    else if (connection.lastServerResponse) result.response = connection.lastServerResponse;
    const failure = toSmtpFailure(error, phase, target);
    // The greeting came when the failure is past it (EHLO, STARTTLS, TLS, …); a stop says nothing.
    if (result.reachable === null && error.code !== 'ABORT_ERR') result.reachable = failure.phase !== 'connect' && failure.phase !== 'greeting';
    return new SmtpSessionError(failure, result);
  };

  // Every step below waits on this too: an 'error' event (socket reset, timeout) rejects the step in flight.
  let rejectCurrent: ((error: NodemailerError) => void) | null = null;
  connection.on('error', (error: NodemailerError) => rejectCurrent?.(error));
  connection.on('end', () => {
    ended = true;
    rejectCurrent?.(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }) as NodemailerError);
  });
  const onAbort = () => {
    rejectCurrent?.(stopped());
    finish();
    connection.close();
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const finish = () => {
    rejectCurrent = null;
    request.signal?.removeEventListener('abort', onAbort);
  };
  const step = <T>(run: (done: (error: NodemailerError | null, value?: T) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (request.signal?.aborted) return reject(stopped());
      if (ended) return reject(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }) as NodemailerError);
      rejectCurrent = reject;
      run((error, value) => (error ? reject(error) : resolve(value as T)));
    }).finally(() => {
      rejectCurrent = null;
    });
  const attempt = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      finish();
      connection.close();
      throw fail(error as NodemailerError);
    }
  };
  const socket = () => connection._socket || null;

  await attempt(async () => {
    const started = socket0 ? connectStarted : performance.now();
    await step<void>((done) => connection.connect(() => done(null)));
    result.timings.connectMs = since(started);
    result.reachable = true;
    // requireTLS makes nodemailer fail rather than continue in cleartext; this is the belt to those braces.
    if (!connection.secure) {
      throw Object.assign(new Error(t('smtp.no-tls-upgrade')), { code: 'ETLS', command: 'STARTTLS' });
    }
    result.tlsVersion = tlsVersionOf(connection._socket);
    result.authMechanisms = authMechanismsOf(connection);
    // Waiting for the token is not the server being slow: no socket timeout until AUTH is sent.
    socket()?.setTimeout?.(0);
  });

  let quitting = false;
  const quit = () => {
    if (quitting) return;
    quitting = true;
    finish();
    if (ended) return;
    // nodemailer closes on the 221; the timer bounds the wait for a server that never answers.
    const grace = setTimeout(() => connection.close(), QUIT_GRACE_MS);
    grace.unref();
    connection.once('end', () => clearTimeout(grace));
    connection.quit();
  };

  return {
    result,
    get usable() {
      return !ended && !quitting;
    },
    authenticate: (mailbox, accessToken) =>
      attempt(async () => {
        phase = 'auth';
        socket()?.setTimeout?.(request.timeoutMs);
        const oauth2 = new XOAuth2({ user: mailbox, accessToken }, false);
        const started = performance.now();
        await step<boolean>((done) => connection.login({ user: mailbox, oauth2 }, (error, ok) => done(error ?? null, ok)));
        result.authenticated = true;
        result.timings.authMs = since(started);
        result.response = connection.lastServerResponse || null;
      }),
    send: ({ from, to, raw, messageId }) =>
      attempt(async () => {
        phase = 'mail';
        const started = performance.now();
        // With the server's PIPELINING (Exchange Online offers it), nodemailer sends MAIL FROM, RCPT TO
        // and DATA in one write and reads the three replies after: one round trip instead of three.
        const info = await step<{ response: string }>((done) =>
          connection.send({ from, to: [to] }, raw, (error, sent) => done(error ?? null, sent as { response: string })),
        );
        result.response = info.response;
        result.messageId = messageId;
        result.timings.sendMs = since(started);
      }),
    quit,
    close: () => {
      if (ended) return finish();
      quit();
    },
  };
}

/**
 * The TCP connection to a STARTTLS port, opened at once: its handshake and the server's greeting then
 * run while nodemailer loads (and while the token leg loads MSAL, which blocks the event loop), not
 * after. Its data waits in the socket until nodemailer reads it. `handOver` gives the socket to
 * nodemailer while it is still connecting or connected; one that failed or closed meanwhile is
 * dropped, and nodemailer connects by itself so that the failure is diagnosed as always. Implicit TLS
 * (465) is left to nodemailer.
 */
function earlyConnection(request: SmtpOpenRequest): { handOver(): Socket | null } {
  if (request.port === 465 || request.signal?.aborted) return { handOver: () => null };
  let failed = false;
  let socket: Socket | null = null;
  try {
    socket = connectTcp({ host: request.host, port: request.port });
  } catch {
    return { handOver: () => null };
  }
  const onError = () => (failed = true);
  socket.on('error', onError);
  const onAbort = () => socket?.destroy();
  request.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    handOver() {
      request.signal?.removeEventListener('abort', onAbort);
      if (!socket) return null;
      if (failed || socket.destroyed || request.signal?.aborted) {
        socket.destroy();
        return null;
      }
      // nodemailer puts its own error handler on; until then this one kept an early error from throwing.
      socket.off('error', onError);
      return socket;
    },
  };
}

/** A bunyan-style logger that keeps nodemailer's dialogue lines (`tnx` client/server) and drops the rest. */
function transcriptLogger(write: (line: string) => void) {
  const line = (entry: unknown, ...args: unknown[]) => {
    const tnx = (entry as { tnx?: string } | undefined)?.tnx;
    if (tnx !== 'client' && tnx !== 'server') return;
    // The blob is base64 of user, bearer token and separators: shown as what it is, never as it is.
    const text = format(...args).replace(/^(AUTH XOAUTH2)\s+\S+$/i, '$1 [redacted: user= and bearer token]');
    write(`${tnx === 'client' ? 'C:' : 'S:'} ${text}`);
  };
  const ignore = () => {};
  return { debug: line, trace: ignore, info: ignore, warn: ignore, error: ignore, fatal: ignore };
}

/** The mechanisms of the last EHLO's AUTH lines (nodemailer keeps them; after STARTTLS, those offered inside TLS). */
function authMechanismsOf(connection: unknown): string[] {
  const { _ehloLines: lines, _supportedAuth: known } = connection as { _ehloLines?: unknown; _supportedAuth?: unknown };
  if (!Array.isArray(lines)) return Array.isArray(known) ? known.filter((m): m is string => typeof m === 'string') : [];
  const mechanisms = new Set<string>();
  for (const line of lines) {
    const match = typeof line === 'string' ? /^AUTH[ =](.*)$/i.exec(line.trim()) : null;
    for (const mechanism of match?.[1]?.split(/[ =]+/) ?? []) if (mechanism) mechanisms.add(mechanism.toUpperCase());
  }
  return [...mechanisms];
}

function tlsVersionOf(socket: unknown): string | null {
  const tls = socket as Partial<TLSSocket> | null | false;
  return tls && typeof tls.getProtocol === 'function' ? tls.getProtocol() : null;
}

/**
 * nodemailer names the command in flight (`CONN`, `EHLO`, `STARTTLS`, `AUTH XOAUTH2`, `MAIL FROM`,
 * `RCPT TO`, `DATA`); the phase the diagnosis needs follows from it and from the timeout type.
 */
export function toSmtpFailure(error: NodemailerError, phaseInFlight: SmtpPhase, target: { host: string; port: number }): SmtpFailure {
  const command = (error.command ?? '').toUpperCase();
  let phase: SmtpPhase = phaseInFlight;
  if (command.startsWith('AUTH')) phase = 'auth';
  else if (command === 'STARTTLS') phase = 'starttls';
  else if (command === 'EHLO' || command === 'HELO') phase = 'ehlo';
  else if (command.startsWith('MAIL')) phase = 'mail';
  else if (command.startsWith('RCPT')) phase = 'rcpt';
  else if (command === 'DATA' || command.startsWith('BDAT')) phase = 'data';
  else if (command === 'CONN') {
    if (error.timeoutType === 'GREETING_TIMEOUT') phase = 'greeting';
    else if (error.timeoutType === 'UPGRADE_TIMEOUT' || error.code === 'ETLS') phase = 'starttls';
    else if (phaseInFlight === 'connect') phase = 'connect';
  }
  // A certificate problem surfaces as a socket error during the upgrade.
  const causeCode = error.originalCode ?? (error.cause as { code?: string } | undefined)?.code;
  if (phase === 'connect' && causeCode && /CERT|SELF_SIGNED|TLS|SSL/.test(causeCode)) phase = 'starttls';
  const message = error.message.replace(/^(Invalid login|Mail command failed|Data command failed|Can't send mail - all recipients were rejected): /, '');
  return {
    phase,
    ...(error.code && { code: error.code }),
    ...(causeCode && { causeCode }),
    ...(typeof error.responseCode === 'number' && { responseCode: error.responseCode }),
    ...(typeof error.response === 'string' && { response: error.response }),
    message,
    host: target.host,
    port: target.port,
  };
}
