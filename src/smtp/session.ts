import { rootCertificates, type TLSSocket } from 'node:tls';
import { format } from 'node:util';
import type { SmtpFailure, SmtpPhase } from '../diagnose/types.js';

export interface SmtpSessionRequest {
  host: string;
  port: number;
  /** The mailbox: XOAUTH2 `user=`. */
  mailbox: string;
  accessToken: string;
  timeoutMs: number;
  /** With a message, it is sent after AUTH; without, the session ends after AUTH (nothing sent). */
  message?: { from: string; to: string; raw: Buffer; messageId: string };
  extraCaPem?: string;
  /** Called once AUTH has succeeded, before the message is sent (for live progress). */
  onAuthenticated?: () => void;
  /**
   * `--verbose`: receives each command (`C: …`) and reply (`S: …`), never the message body.
   * nodemailer already masks the XOAUTH2 blob; the caller's redactor guards the rest.
   */
  transcript?: (line: string) => void;
  /** A stop signal (Ctrl-C, SIGTERM, SIGHUP): its abort closes the connection at once. */
  signal?: AbortSignal;
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
  tlsVersion: string | null;
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
 * One SMTP session with nodemailer's SMTPConnection, step by step so that each failure knows its
 * phase: connect → EHLO → STARTTLS (required: a bearer token never crosses cleartext) → EHLO →
 * AUTH XOAUTH2 → optionally MAIL FROM / RCPT TO / DATA, where Exchange Online reports send-as and
 * mailbox-logon failures (catalog B.15–B.18) that an AUTH-only check cannot see.
 */
export async function runSmtpSession(request: SmtpSessionRequest): Promise<SmtpSessionResult> {
  const [{ default: SMTPConnection }, { default: XOAuth2 }] = await Promise.all([
    import('nodemailer/lib/smtp-connection'),
    import('nodemailer/lib/xoauth2'),
  ]);
  const result: SmtpSessionResult = {
    tlsVersion: null,
    authenticated: false,
    response: null,
    messageId: null,
    timings: { connectMs: null, authMs: null, sendMs: null },
  };
  const since = (start: number) => Math.round(performance.now() - start);
  const connection = new SMTPConnection({
    host: request.host,
    port: request.port,
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
    // Only the dialogue, and only when asked for: transactionLog leaves the message data out.
    logger: request.transcript ? transcriptLogger(request.transcript) : false,
    transactionLog: request.transcript !== undefined,
  });

  let phase: SmtpPhase = 'connect';
  const fail = (error: NodemailerError): SmtpSessionError => {
    if (typeof error.response === 'string') result.response = error.response;
    else if (connection.lastServerResponse) result.response = connection.lastServerResponse;
    return new SmtpSessionError(toSmtpFailure(error, phase, request), result);
  };

  // Every step below waits on this too: an 'error' event (socket reset, timeout) rejects the step in flight.
  let rejectCurrent: ((error: NodemailerError) => void) | null = null;
  connection.on('error', (error: NodemailerError) => rejectCurrent?.(error));
  const stopped = () => Object.assign(new Error('stopped'), { code: 'ABORT_ERR' }) as NodemailerError;
  const onAbort = () => {
    rejectCurrent?.(stopped());
    connection.close();
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const step = <T>(run: (done: (error: NodemailerError | null, value?: T) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (request.signal?.aborted) return reject(stopped());
      rejectCurrent = reject;
      run((error, value) => (error ? reject(error) : resolve(value as T)));
    });

  try {
    let started = performance.now();
    await step<void>((done) => connection.connect(() => done(null)));
    result.timings.connectMs = since(started);
    // requireTLS makes nodemailer fail rather than continue in cleartext; this is the belt to those braces.
    if (!connection.secure) {
      throw Object.assign(new Error('The server did not upgrade the connection to TLS'), { code: 'ETLS', command: 'STARTTLS' });
    }
    result.tlsVersion = tlsVersionOf(connection._socket);

    phase = 'auth';
    const oauth2 = new XOAuth2({ user: request.mailbox, accessToken: request.accessToken }, false);
    started = performance.now();
    await step<boolean>((done) => connection.login({ user: request.mailbox, oauth2 }, (error, ok) => done(error ?? null, ok)));
    result.authenticated = true;
    result.timings.authMs = since(started);
    result.response = connection.lastServerResponse || null;
    request.onAuthenticated?.();

    if (request.message) {
      phase = 'mail';
      const { from, to, raw, messageId } = request.message;
      started = performance.now();
      const info = await step<{ response: string }>((done) =>
        connection.send({ from, to: [to] }, raw, (error, sent) => done(error ?? null, sent as { response: string })),
      );
      result.response = info.response;
      result.messageId = messageId;
      result.timings.sendMs = since(started);
    }
    connection.quit();
    return result;
  } catch (error) {
    connection.close();
    throw fail(error as NodemailerError);
  } finally {
    rejectCurrent = null;
    request.signal?.removeEventListener('abort', onAbort);
  }
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
