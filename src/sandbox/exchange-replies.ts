/**
 * Every SMTP reply text the sandbox sends as "Exchange Online", verbatim from the catalog
 * (exchange-online-errors.md section B and the happy-path transcript §0.2). Only the host names,
 * timestamps and session ids are the sandbox's own. Nothing else in the sandbox writes reply text.
 */

/** Front-end host, shaped like `<xxx>PR<nn>CA<nnnn>.<region>…` (catalog §0.1) but clearly not Microsoft. */
export const FRONTEND_HOST = 'SBX1PR01CA0001.sandbox.outlook.test';
/** Mailbox-server host for STOREDRV replies (`…MB<nnnn>…`, catalog §0.1 `[Hostname=…]`). */
export const MAILBOX_HOST = 'SBX1PR01MB0001.sandbox.outlook.test';

/** Exchange's advertised maximum message size (catalog §0.2, E). */
export const MAX_MESSAGE_SIZE = 157286400;

export interface Reply {
  code: number;
  /** Everything after the code and the space, e.g. `5.7.3 Authentication unsuccessful […]`. */
  text: string;
}

/** Per-session values that go into the reply suffixes. */
export interface ReplyContext {
  host: string;
  mailboxHost: string;
  /** 16 upper-case hex digits, the same for the whole session (catalog §0.1). */
  sessionId: string;
  now?: () => Date;
}

/** ` [HOST YYYY-MM-DDTHH:MM:SS.mmmZ SESSIONID]` — the modern suffix (≥ Feb 2023, catalog §0.1). */
export function modernSuffix(ctx: ReplyContext): string {
  const at = (ctx.now ?? (() => new Date()))();
  return `[${ctx.host} ${at.toISOString()} ${ctx.sessionId}]`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 2822 date in UTC as in the banner: `Wed, 9 Nov 2022 10:09:41 +0000` (day not zero-padded). */
export function rfc2822Date(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[at.getUTCDay()]}, ${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ` +
    `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} +0000`
  );
}

/**
 * Fills the placeholders of an injected reply text: `{host}`, `{mailboxHost}`, `{suffix}`.
 */
export function fillReplyTemplate(text: string, ctx: ReplyContext): string {
  return text
    .replaceAll('{suffix}', modernSuffix(ctx))
    .replaceAll('{mailboxHost}', ctx.mailboxHost)
    .replaceAll('{host}', ctx.host);
}

export const ExchangeReplies = {
  // ----- connection, EHLO, STARTTLS (catalog §0.2) -----

  /** 220 banner with the per-session id in brackets (2024+ form). */
  greeting: (ctx: ReplyContext, at: Date): Reply => ({
    code: 220,
    text: `${ctx.host} Microsoft ESMTP MAIL Service ready at ${rfc2822Date(at)} [${ctx.sessionId}]`,
  }),
  /** First line of the EHLO reply; the client is shown as an address literal. */
  ehloGreeting: (ctx: ReplyContext, clientAddress: string): string => `${ctx.host} Hello [${clientAddress}]`,
  startTlsReady: (): Reply => ({ code: 220, text: '2.0.0 SMTP server ready' }),
  closing: (): Reply => ({ code: 221, text: '2.0.0 Service closing transmission channel' }),

  // ----- AUTH (catalog B) -----

  authSuccessful: (): Reply => ({ code: 235, text: '2.7.0 Authentication successful' }),
  /** B.1 — the one reply for every token/permission problem; Exchange never says which. */
  authUnsuccessful: (ctx: ReplyContext): Reply => ({
    code: 535,
    text: `5.7.3 Authentication unsuccessful ${modernSuffix(ctx)}`,
  }),
  /** B.2 — org-wide SMTP AUTH off and the mailbox inherits it. */
  smtpAuthDisabledForTenant: (ctx: ReplyContext): Reply => ({
    code: 535,
    text: `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${modernSuffix(ctx)}`,
  }),
  /** B.3 — SMTP AUTH off on the mailbox (suffix by analogy with B.2). */
  smtpAuthDisabledForMailbox: (ctx: ReplyContext): Reply => ({
    code: 535,
    text: `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. ${modernSuffix(ctx)}`,
  }),
  /** B.4 — AUTH LOGIN/PLAIN: Basic authentication is off. */
  basicAuthDisabled: (ctx: ReplyContext): Reply => ({
    code: 535,
    text: `5.7.139 Authentication unsuccessful, basic authentication is disabled. ${modernSuffix(ctx)}`,
  }),
  /** B.10 — AUTH before STARTTLS (nothing is advertised then) or an unsupported mechanism. */
  unrecognizedAuthType: (ctx: ReplyContext): Reply => ({
    code: 504,
    text: `5.7.4 Unrecognized authentication type ${modernSuffix(ctx)}`,
  }),
  /** B.11 — a command that needs EHLO first. */
  sendHelloFirst: (ctx: ReplyContext): Reply => ({ code: 503, text: `5.5.2 Send hello first ${modernSuffix(ctx)}` }),

  // ----- MAIL FROM / RCPT TO (catalog §0.2, B.8, B.9) -----

  senderOk: (): Reply => ({ code: 250, text: '2.1.0 Sender OK' }),
  recipientOk: (): Reply => ({ code: 250, text: '2.1.5 Recipient OK' }),
  /** B.8 — MAIL FROM without a successful AUTH. */
  clientNotAuthenticated: (ctx: ReplyContext): Reply => ({
    code: 530,
    text: `5.7.57 Client not authenticated to send mail. ${modernSuffix(ctx)}`,
  }),
  /** B.9 — mail transaction on a session without TLS. */
  startTlsRequired: (ctx: ReplyContext): Reply => ({
    code: 451,
    text: `5.7.3 STARTTLS is required to send mail ${modernSuffix(ctx)}`,
  }),

  // ----- DATA (catalog §0.2, B.16, B.18) -----

  startMailInput: (): Reply => ({ code: 354, text: 'Start mail input; end with <CRLF>.<CRLF>' }),
  /** Final reply for an accepted message: queue id and mailbox server. */
  queued: (ctx: ReplyContext, queueId: string): Reply => ({
    code: 250,
    text: `2.0.0 OK ${queueId} [Hostname=${ctx.mailboxHost}]`,
  }),
  /** B.16 — MAIL FROM / From: is not the mailbox and the app has no SendAs on it. */
  sendAsDenied: (ctx: ReplyContext): Reply => ({
    code: 550,
    text: `5.7.60 SMTP; Client does not have permissions to send as this sender [${ctx.mailboxHost}]`,
  }),
  /** B.18 — more than 3 concurrent sessions for one mailbox (the observed STOREDRV form). */
  senderThreadLimitExceeded: (ctx: ReplyContext): Reply => ({
    code: 432,
    text: `4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=${ctx.mailboxHost}]`,
  }),

  // ----- transient (catalog B.13) -----

  /** B.13 — front-end proxy failure. Note the two spaces before `[` (verbatim). */
  temporaryServerError: (ctx: ReplyContext): Reply => ({
    code: 451,
    text: `4.7.0 Temporary server error. Please try again later. PRX4  [${ctx.host}]`,
  }),
} as const;

/** The template form of B.13 for a `ReplyInjection` (placeholders filled per session). */
export const TEMPORARY_SERVER_ERROR_TEMPLATE: { code: number; text: string } = {
  code: 451,
  text: '4.7.0 Temporary server error. Please try again later. PRX4  [{host}]',
};

/**
 * EHLO keywords in the order Exchange Online lists them (catalog §0.2). BINARYMIME and CHUNKING are
 * listed by Exchange but left out: smtp-server has no BDAT, and advertising it would break clients
 * that use it.
 */
export const EHLO_KEYWORD_ORDER = [
  'SIZE',
  'PIPELINING',
  'DSN',
  'ENHANCEDSTATUSCODES',
  'STARTTLS',
  'AUTH',
  '8BITMIME',
  'BINARYMIME',
  'CHUNKING',
  'SMTPUTF8',
] as const;

/** Creates the Error smtp-server turns into the reply line `<code> <text>`. */
export function replyError(reply: Reply): Error & { responseCode: number } {
  return Object.assign(new Error(reply.text), { responseCode: reply.code });
}
