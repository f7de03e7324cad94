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
 * Exchange Online replies the tenant model does not produce by itself (basic authentication, client
 * faults, policies, limits, Microsoft-side blocks), as templates for a `ReplyInjection` at the phase
 * where Exchange gives them. Text verbatim from catalog section B; `{suffix}` / `{host}` /
 * `{mailboxHost}` stand where the observed reply had its server suffix. Where the source cut the text
 * off, it ends there too.
 */
export const REPLY_TEMPLATES = {
  /** B.4 — after AUTH LOGIN/PLAIN when Basic authentication is blocked. */
  basicAuthDisabled: { code: 535, text: '5.7.139 Authentication unsuccessful, basic authentication is disabled. {suffix}' },
  /** B.5 — AUTH LOGIN with a wrong password. */
  basicAuthCredentialsIncorrect: { code: 535, text: '5.7.139 Authentication unsuccessful, the user credentials were incorrect. [{host}]' },
  /** B.6 — a tenant policy (Conditional Access, authentication policy) blocked the login. */
  criteriaNotMet: {
    code: 535,
    text: '5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. {suffix}',
  },
  /** B.7 — security defaults are on (suffix not observed: none). */
  securityDefaults: {
    code: 535,
    text: "5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.",
  },
  /** B.7 — other wording seen in code fixtures [UNVERIFIED]. */
  accountLocked: { code: 535, text: '5.7.139 Authentication unsuccessful, account locked.' },
  /** B.24 — Basic authentication retired for client submission (suffix not observed: none). */
  basicAuthNotSupported: { code: 550, text: '5.7.30 Basic authentication is not supported for Client Submission.' },
  /** B.8 — MAIL FROM without a successful AUTH. */
  clientNotAuthenticated: { code: 530, text: '5.7.57 Client not authenticated to send mail. {suffix}' },
  /** B.9 — a mail transaction on a session without TLS. */
  startTlsRequired: { code: 451, text: '5.7.3 STARTTLS is required to send mail {suffix}' },
  /** B.10 — AUTH before STARTTLS, or a mechanism Exchange does not offer. */
  unrecognizedAuthType: { code: 504, text: '5.7.4 Unrecognized authentication type {suffix}' },
  /** B.11 — a command before EHLO (e.g. no EHLO again after STARTTLS). */
  sendHelloFirst: { code: 503, text: '5.5.2 Send hello first [{host}]' },
  /** B.14 — `user=` in the XOAUTH2 blob is empty or not an address (the source cuts the line off here). */
  xoauth2UserInvalid: {
    code: 501,
    text: '5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid. Please ensure the auth d',
  },
  /** B.12 — TLS 1.0/1.1 negotiated; Exchange closes the connection. */
  tlsVersionTooOld: {
    code: 421,
    text: '4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. [{host}]',
  },
  /** B.13 — front-end proxy failure (two spaces before the bracket, verbatim). */
  temporaryServerError: TEMPORARY_SERVER_ERROR_TEMPLATE,
  /** B.15 — the mailbox cannot be opened at submission (the source cuts the line off after `Server = `; the sandbox names its mailbox host there). */
  mailboxLogonFailure: {
    code: 430,
    text: '4.2.0 STOREDRV; mailbox logon failure; STOREDRV.Submission.Exception:ConnectionFailedTransientException.MapiExceptionLogonFailed; Failed to process message due to a transient exception with message [BeginDiagnosticData]Cannot open mailbox. Server = {mailboxHost}',
  },
  /** B.17 — SendAs denied at submission (the source cuts the line off after `Cannot submit message.`). */
  sendAsDeniedSubmission: {
    code: 554,
    text: '5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.',
  },
  /** B.19 — the 10,000 recipients per day limit (documented string; suffix [UNVERIFIED]: none). */
  submissionQuotaExceeded: { code: 554, text: '5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException' },
  /** B.20 — the sender's mailbox is over its quota. */
  senderMailboxFull: {
    code: 554,
    text: '5.2.2 mailbox full; STOREDRV.Submission.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded',
  },
  /** B.21 — Microsoft refuses traffic from the tenant's IP pool. */
  ipBlocked: {
    code: 550,
    text: '5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [{mailboxHost}]',
  },
  /** B.22 — sender blocked for spam (the source cuts the line off). */
  senderBanned: { code: 550, text: '5.7.501 Service unavailable. Spam abuse detected from IP range.' },
  /** B.23 — tenant external recipient rate limit: the NDR description; the SMTP reply line is [UNVERIFIED]. */
  tenantRecipientLimit: {
    code: 550,
    text: "5.7.233 Your message can't be sent because your tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)",
  },
} as const satisfies Record<string, { code: number; text: string }>;

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
