import { diagnoseClaimProblems, diagnoseSecretPastExpiry, diagnoseSmtpFailure, diagnoseTokenFailure } from '../diagnose/index.js';
import type { Diagnosis, DiagnosisContext } from '../diagnose/types.js';
import { diagnosisJson, type DiagnosisJson } from '../diagnose/json.js';
import { ExitCode } from '../exit-codes.js';
import type { CheckInputs } from '../inputs/check-inputs.js';
import { credentialSecrets } from '../inputs/credential.js';
import type { Redactor } from '../redact.js';
import { type OpenSmtpSession, openSmtpSession, SmtpSessionError, type SmtpOpenRequest, type SmtpSessionResult } from '../smtp/session.js';
import { composeTestMessage } from '../smtp/test-message.js';
import type { TokenClaims } from '../token/claims.js';
import { toolVersion } from '../version.js';
import { buildCheckPlan, buildTokenPlan, type CheckPlan } from './plan.js';
import { DEFAULT_WARN_DAYS } from '../defaults.js';
import { render, t } from '../messages/index.js';
import { certificateExpiryMessage, expiryInstant, type SecretExpiryState, secretExpiryMessage, secretExpiryStatus } from './secret-expiry.js';

/** The pipeline's stages, in order; a front-end shows each as it starts and ends. */
export type StageName = 'token' | 'claims' | 'smtp-auth' | 'smtp-send';

export interface StageEvents {
  start(stage: StageName, label: string): void;
  succeed(stage: StageName, label: string): void;
  fail(stage: StageName, label: string): void;
  skip(stage: StageName, label: string): void;
}

/** One attempt of a check that was retried (`--wait`, a fleet's retries): when, and how it ended. */
export interface WaitAttempt {
  /** ISO 8601 start of the attempt. */
  at: string;
  exitCode: number;
  /** The diagnosis code, null when the attempt passed. */
  diagnosisCode: string | null;
}

/** The report of one check: stable field names, never a secret or the token. Its JSON is `checkJson` (src/report/json.ts). */
export interface CheckReport {
  ok: boolean;
  exitCode: number;
  diagnosis: DiagnosisJson | null;
  plan: CheckPlan;
  token: {
    acquired: boolean;
    expiresOn: string | null;
    claims: (Pick<TokenClaims, 'aud' | 'roles' | 'tid' | 'appid' | 'oid' | 'exp'> & { appDisplayName: string | null }) | null;
    /** The service principal object id for `New-ServicePrincipal -ObjectId` (the token's `oid`). */
    servicePrincipalObjectId: string | null;
  };
  smtp: {
    host: string;
    port: number;
    /** Whether an SMTP server answered (its greeting came); null when the SMTP leg did not get far enough to tell. */
    reachable: boolean | null;
    tlsVersion: string | null;
    /** The AUTH mechanisms offered inside TLS (EHLO after STARTTLS); null when the leg did not get there. */
    authMechanisms: string[] | null;
    authenticated: boolean;
    response: string | null;
    messageId: string | null;
  };
  /** One entry per run of the pipeline: this one alone, or every attempt of `check --wait` or of a fleet's retries. */
  attempts: WaitAttempt[];
  warnings: string[];
  /** How long each leg of this run took (the last attempt's with `--wait`). */
  timings: CheckTimings;
  /** When the credential stops working, where the check knows it: for monitoring (Nagios perfdata, Prometheus metrics). */
  expiry: CredentialExpiries;
}

/**
 * The client secret's expiry (from `--secret-expires`, null when not given) and the certificate's
 * (its notAfter, null for a secret), each as judged at the start of the check with `--warn-days`.
 */
export interface CredentialExpiries {
  secret: CredentialExpiry | null;
  certificate: CredentialExpiry | null;
}

export interface CredentialExpiry {
  /** The instant it stops working (ISO 8601); a date alone counts from the start of that day, UTC. */
  expiresAt: string;
  state: SecretExpiryState;
  warnDays: number;
}

/**
 * Milliseconds per leg of a check, for monitoring: a leg that was not reached (or did not end) is null.
 * `tokenMs` is the token request and its claims check (null when a fleet reused its app's token);
 * `smtpConnectMs` is everything before AUTH (TCP, greeting, EHLO, STARTTLS, TLS, EHLO), which runs
 * beside the token request, so the two overlap; `authMs` is
 * AUTH XOAUTH2; `sendMs` is MAIL, RCPT, DATA and the message; `totalMs` the whole run.
 */
export interface CheckTimings {
  tokenMs: number | null;
  smtpConnectMs: number | null;
  authMs: number | null;
  sendMs: number | null;
  totalMs: number | null;
}

export interface RunCheckOptions {
  events: StageEvents;
  redactor: Redactor;
  /** Warnings collected before the run (input warnings). */
  warnings?: string[];
  /** Extra trusted CA (PEM) for the in-process sandbox (`demo`); `check` relies on NODE_EXTRA_CA_CERTS. */
  extraCaPem?: string;
  now?: () => Date;
  /** `--verbose`: the SMTP dialogue, line by line (the caller prints it through its redactor). */
  transcript?: (line: string) => void;
  /**
   * A token already acquired and checked with the same tenant, app, credential and authority
   * (`check --targets`: one token per app, reused for each of its mailboxes). The token and claims
   * stages are then not run again (and report no events); the report has the same shape. A promise
   * (the app's token still on its way) lets this mailbox's SMTP connection start meanwhile.
   */
  tokenCheck?: TokenCheck | Promise<TokenCheck>;
  /** A stop signal (src/signals.ts): its abort closes the connection in flight (token request, SMTP session). */
  signal?: AbortSignal;
  /**
   * `check --targets`: awaited once the session is ready for AUTH, before AUTH is sent; resolves
   * when the fleet lets this mailbox authenticate (src/fleet/run.ts: its session slots).
   */
  sessionSlot?: () => Promise<void>;
}

/**
 * inputs → token → claims → SMTP → diagnosis, with the SMTP connection up to AUTH opened beside the
 * token request (AUTH waits for the token and its claims). Every front-end (check, demo, the wizard)
 * runs this one function; none of them talks to MSAL or nodemailer itself. Failures are returned as a
 * report with a diagnosis, never thrown: only bugs throw.
 */
export async function runCheck(inputs: CheckInputs, options: RunCheckOptions): Promise<CheckReport> {
  const { events, redactor } = options;
  const timeoutMs = inputs.timeoutSeconds * 1000;
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const started = performance.now();
  // Before any other work: the SMTP connection up to AUTH needs no token, so it runs beside the
  // token request (and MSAL's loading), and every millisecond of local work before it is a
  // millisecond on the critical path. AUTH waits for the token and its claims check; the token never
  // goes out before TLS. Its dialogue (--verbose) is held back until the token stages are shown.
  const transcript = options.transcript && heldTranscript(options.transcript);
  const smtpLeg = openSmtpLeg({
    host: inputs.smtpHost,
    port: inputs.smtpPort,
    timeoutMs,
    ...(options.extraCaPem && { extraCaPem: options.extraCaPem }),
    ...(transcript && { transcript: transcript.write }),
    ...(options.signal && { signal: options.signal }),
  });

  const plan = buildCheckPlan(inputs);
  const since = (start: number) => Math.round(performance.now() - start);
  protectCredentials(inputs, redactor);

  const report: CheckReport = {
    ok: false,
    exitCode: ExitCode.internal,
    diagnosis: null,
    plan,
    token: { acquired: false, expiresOn: null, claims: null, servicePrincipalObjectId: null },
    smtp: { host: inputs.smtpHost, port: inputs.smtpPort, reachable: null, tlsVersion: null, authMechanisms: null, authenticated: false, response: null, messageId: null },
    attempts: [],
    warnings: [...(options.warnings ?? [])],
    timings: { tokenMs: null, smtpConnectMs: null, authMs: null, sendMs: null, totalMs: null },
    expiry: { secret: null, certificate: null },
  };
  const context: DiagnosisContext = {
    tenantId: inputs.tenantId,
    clientId: inputs.clientId,
    mailbox: inputs.mailbox,
    from: inputs.from,
    smtpHost: inputs.smtpHost,
    smtpPort: inputs.smtpPort,
    authorityHost: inputs.authorityHost,
    cloud: inputs.cloud.name,
  };
  // The secret's expiry date, when known: a warning before it, a diagnosis from it on (catalog A.2).
  const warnDays = inputs.warnDays ?? DEFAULT_WARN_DAYS;
  const expiry = inputs.secretExpires ? secretExpiryStatus(inputs.secretExpires, now(), warnDays) : null;
  if (expiry) {
    context.secretExpiresOn = expiry.expiresOn;
    report.expiry.secret = { expiresAt: new Date(expiryInstant(expiry.expiresOn)).toISOString(), state: expiry.state, warnDays };
  }
  const expiryWarning = expiry && secretExpiryMessage(expiry, inputs.clientId);
  if (expiryWarning) report.warnings.push(render(expiryWarning));
  if (inputs.credential.kind === 'certificate') {
    const { notAfter } = inputs.credential.certificate;
    const { state } = secretExpiryStatus(notAfter.toISOString(), now(), warnDays);
    report.expiry.certificate = { expiresAt: notAfter.toISOString(), state, warnDays };
    const warning = certificateExpiryMessage(inputs.credential.certificate, now(), warnDays, inputs.clientId);
    if (warning) report.warnings.push(render(warning));
  }
  const finish = (diagnosis: Diagnosis | null): CheckReport => {
    if (expiry?.state === 'expired' && diagnosis?.code !== 'client-secret-expired') {
      // Another failure came first; the expired secret is the next one to fix.
      if (diagnosis) report.warnings.push(t('check.secret-also-expired', { expiresOn: new Date(expiryInstant(expiry.expiresOn)) }));
      else diagnosis = diagnoseSecretPastExpiry({ ...context, secretExpiresOn: expiry.expiresOn });
    }
    report.ok = diagnosis === null;
    report.exitCode = diagnosis ? diagnosis.exitCode : ExitCode.ok;
    report.timings.totalMs = since(started);
    report.diagnosis = diagnosis && diagnosisJson(diagnosis);
    report.attempts = [{ at: startedAt, exitCode: report.exitCode, diagnosisCode: report.diagnosis?.code ?? null }];
    return report;
  };


  // 1–2. Token and claims: a token that cannot work is never sent to Exchange.
  const tokenStarted = performance.now();
  let tokenCheck: TokenCheck;
  try {
    tokenCheck = options.tokenCheck
      ? await options.tokenCheck
      : await acquireAndCheckToken(inputs, {
          events,
          redactor,
          now,
          context,
          ...(options.extraCaPem && { extraCaPem: options.extraCaPem }),
          ...(options.signal && { signal: options.signal }),
        });
  } catch (error) {
    smtpLeg.abandon();
    throw error;
  }
  if (!options.tokenCheck) report.timings.tokenMs = since(tokenStarted);
  // A reused token travels to this mailbox's server too: its XOAUTH2 form for this user is new.
  if (options.tokenCheck && tokenCheck.accessToken) {
    redactor.protect(tokenCheck.accessToken);
    redactor.protectXoauth2(inputs.mailbox, tokenCheck.accessToken);
  }
  report.token = { ...tokenCheck.token };
  report.warnings.push(...tokenCheck.warnings);
  // What the token showed (its oid, the role) is added; this target's own values (mailbox, hosts) stay.
  Object.assign(context, { ...tokenCheck.context, ...context });
  if (tokenCheck.diagnosis) {
    // The token's problem is the earlier setup step: it is the diagnosis, whatever SMTP did. What
    // the SMTP leg proved meanwhile (server reachable, TLS, AUTH XOAUTH2 offered) is reported beside it.
    const facts = await smtpLeg.settleAndClose(SMTP_FACTS_GRACE_MS);
    if (facts) smtpFacts(report, facts);
    skipRest(events, ['smtp-auth', ...(inputs.to ? (['smtp-send'] as const) : [])]);
    transcript?.release();
    return finish(tokenCheck.diagnosis);
  }
  const accessToken = tokenCheck.accessToken;
  if (accessToken === null) {
    smtpLeg.abandon();
    throw new Error('acquireAndCheckToken returned neither a token nor a diagnosis');
  }

  // 3. SMTP: AUTH, then the test message when a recipient was given.
  const authLabel = t('check.stage.smtp-auth', { host: inputs.smtpHost, port: inputs.smtpPort, mailbox: inputs.mailbox });
  const sendLabel = t('check.stage.smtp-send', { from: inputs.from, to: inputs.to ?? '' });
  events.start('smtp-auth', authLabel);
  transcript?.release();
  let session: OpenSmtpSession | null = null;
  // Composed while the connection finishes opening and waits for its slot, not after.
  const composing = inputs.to
    ? composeTestMessage({
        from: inputs.from,
        to: inputs.to,
        mailbox: inputs.mailbox,
        tenantId: inputs.tenantId,
        clientId: inputs.clientId,
        smtpHost: inputs.smtpHost,
        smtpPort: inputs.smtpPort,
        now: now(),
        toolVersion: toolVersion(),
      })
    : null;
  // Read in the try below; a session failing first must not leave it an unhandled rejection.
  composing?.catch(() => undefined);
  try {
    session = await smtpLeg.opened();
    if (options.sessionSlot) {
      await options.sessionSlot();
      // The server may have ended the session while it waited for its slot: then one fresh try.
      session = await smtpLeg.opened();
    }
    const message = await composing;
    await session.authenticate(inputs.mailbox, accessToken);
    events.succeed('smtp-auth', authLabel);
    if (message && inputs.to) {
      events.start('smtp-send', sendLabel);
      await session.send({ from: inputs.from, to: inputs.to, raw: message.raw, messageId: message.messageId });
    }
  } catch (error) {
    session?.close();
    if (!(error instanceof SmtpSessionError)) throw error;
    smtpFacts(report, error.partial);
    if (error.partial.authenticated) {
      if (inputs.to) events.fail('smtp-send', sendLabel);
    } else {
      events.fail('smtp-auth', authLabel);
      if (inputs.to) events.skip('smtp-send', sendLabel);
    }
    return finish(diagnoseSmtpFailure(error.failure, context));
  }
  // The result does not wait for the reply to QUIT (the socket closes on it, or after a short grace).
  session.quit();
  smtpFacts(report, session.result);
  if (inputs.to) events.succeed('smtp-send', sendLabel);
  return finish(null);
}

/**
 * How long a failed token waits for the SMTP leg still under way, so that the report can say what
 * it proved: a few round trips even from far away; a server that never answers is not waited for.
 */
export const SMTP_FACTS_GRACE_MS = 3_000;

interface SmtpLeg {
  /** The session, ready for AUTH; a session lost while it waited (for the token, for a slot) is opened again, once. */
  opened(): Promise<OpenSmtpSession>;
  /**
   * The token failed: wait up to `graceMs` for the leg to finish opening, close it politely (QUIT),
   * and return what it proved; a leg still connecting after the grace is stopped and proved nothing.
   */
  settleAndClose(graceMs: number): Promise<SmtpSessionResult | null>;
  /** A bug elsewhere: close whatever the leg has opened, without waiting. */
  abandon(): void;
}

/** The SMTP connection up to AUTH, started at once; its outcome is read only once the token is known. */
function openSmtpLeg(request: SmtpOpenRequest): SmtpLeg {
  const stop = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal;
  const open = () => openSmtpSession({ ...request, signal });
  const first = open();
  // Read below whatever the token does: never an unhandled rejection.
  const settled = first.then(
    (session) => ({ session, error: null }),
    (error: unknown) => ({ session: null, error }),
  );
  let current = first;
  let reopened = false;
  return {
    async opened() {
      const session = await current;
      if (session.usable || reopened) return session;
      // The server (or the network) ended the session while it waited for the token: one fresh try.
      reopened = true;
      current = open();
      return current;
    },
    async settleAndClose(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        settled,
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), graceMs))),
      ]).finally(() => clearTimeout(timer));
      if (outcome === null) {
        stop.abort();
        await settled;
        return null;
      }
      if (outcome.session) {
        outcome.session.close();
        return outcome.session.result;
      }
      if (outcome.error instanceof SmtpSessionError) return outcome.error.partial;
      throw outcome.error;
    },
    abandon() {
      stop.abort();
      void settled.then(({ session }) => session?.close());
    },
  };
}

/** What the token and claims stages need: no mailbox or SMTP settings (the wizard's step 1 has none yet). */
export type TokenCheckInputs = Pick<CheckInputs, 'cloud' | 'tenantId' | 'clientId' | 'credential' | 'authorityHost' | 'timeoutSeconds' | 'proxy'> & {
  /** The XOAUTH2 user when known, so that the redactor also knows the token's XOAUTH2 form. */
  mailbox?: string;
};

export interface TokenCheckOptions {
  events: StageEvents;
  redactor: Redactor;
  extraCaPem?: string;
  now?: () => Date;
  /** What a diagnosis may name in its fix (mailbox, hosts, …); tenant, app, authority and cloud are added. */
  context?: DiagnosisContext;
  /** A stop signal: its abort closes the token request in flight. */
  signal?: AbortSignal;
}

export interface TokenCheck {
  /** The report's token section. */
  token: CheckReport['token'];
  /** Warnings about the claims (not problems). */
  warnings: string[];
  /** Null when the token can work for SMTP. */
  diagnosis: Diagnosis | null;
  /** The token itself, only when it can work (already registered with the redactor). */
  accessToken: string | null;
  /** The diagnosis context with what the token showed (its oid, whether it has SMTP.SendAsApp). */
  context: DiagnosisContext;
}

/**
 * Stages 1 and 2 of the pipeline: a fresh token (a new MSAL client each call, never a cached token)
 * and the claims that decide whether SMTP can work. `runCheck` runs it first; the wizard's step 1
 * runs it alone. Failures are returned with a diagnosis, never thrown.
 */
export async function acquireAndCheckToken(inputs: TokenCheckInputs, options: TokenCheckOptions): Promise<TokenCheck> {
  const { events, redactor } = options;
  // Loaded here, not with this module: some 30 ms (MSAL's network client, jose) that `check` would
  // otherwise spend before its SMTP connection goes out, instead of while it is on its way.
  const [{ acquireToken, TokenRequestError }, { checkClaims, decodeClaims, SEND_AS_APP_ROLE, UndecodableTokenError }] = await Promise.all([
    import('../token/acquire.js'),
    import('../token/claims.js'),
  ]);
  const now = options.now ?? (() => new Date());
  const plan = buildTokenPlan(inputs);
  protectCredentials(inputs, redactor);
  const context: DiagnosisContext = {
    ...options.context,
    tenantId: inputs.tenantId,
    clientId: inputs.clientId,
    authorityHost: inputs.authorityHost,
    cloud: inputs.cloud.name,
  };
  const result: TokenCheck = {
    token: { acquired: false, expiresOn: null, claims: null, servicePrincipalObjectId: null },
    warnings: [],
    diagnosis: null,
    accessToken: null,
    context,
  };

  // 1. Token
  const tokenLabel = t('check.stage.token', { authority: plan.authority });
  events.start('token', tokenLabel);
  let accessToken: string;
  try {
    const token = await acquireToken({
      authorityHost: inputs.authorityHost,
      tenantId: inputs.tenantId,
      clientId: inputs.clientId,
      credential: inputs.credential,
      scope: plan.scope,
      timeoutMs: inputs.timeoutSeconds * 1000,
      ...(options.extraCaPem && { extraCaPem: options.extraCaPem }),
      ...(options.signal && { signal: options.signal }),
      proxy: inputs.proxy,
    });
    accessToken = token.accessToken;
    redactor.protect(accessToken);
    if (inputs.mailbox) redactor.protectXoauth2(inputs.mailbox, accessToken);
    result.token.acquired = true;
    result.token.expiresOn = token.expiresOn?.toISOString() ?? null;
  } catch (error) {
    if (!(error instanceof TokenRequestError)) throw error;
    events.fail('token', tokenLabel);
    skipRest(events, ['claims']);
    result.diagnosis = diagnoseTokenFailure(error.failure, context);
    return result;
  }
  events.succeed('token', tokenLabel);

  // 2. Claims: a token that cannot work is never sent to Exchange (it would earn an opaque 535 5.7.3).
  const claimsLabel = t('check.stage.claims', { role: SEND_AS_APP_ROLE });
  events.start('claims', claimsLabel);
  let claims: TokenClaims;
  try {
    claims = decodeClaims(accessToken);
  } catch (error) {
    if (!(error instanceof UndecodableTokenError)) throw error;
    events.fail('claims', claimsLabel);
    result.diagnosis = diagnoseClaimProblems([{ kind: 'undecodable', reason: error.message }], context);
    return result;
  }
  result.token.claims = {
    aud: claims.aud,
    roles: claims.roles,
    tid: claims.tid,
    appid: claims.appid,
    oid: claims.oid,
    exp: claims.exp,
    appDisplayName: claims.appDisplayName ?? null,
  };
  result.token.servicePrincipalObjectId = claims.oid;
  if (claims.oid) context.servicePrincipalObjectId = claims.oid;
  context.tokenHasSendAsRole = claims.roles.includes(SEND_AS_APP_ROLE);
  const { problems, warnings } = checkClaims(claims, {
    tenantId: inputs.tenantId,
    clientId: inputs.clientId,
    audiences: inputs.cloud.audiences,
    nowSeconds: Math.floor(now().getTime() / 1000),
  });
  result.warnings.push(...warnings);
  if (problems.length > 0) {
    events.fail('claims', claimsLabel);
    result.diagnosis = diagnoseClaimProblems(problems, context);
    return result;
  }
  events.succeed('claims', claimsLabel);
  result.accessToken = accessToken;
  return result;
}

/** The credential (secret or private key) and a proxy password are known to the redactor before any request is made. */
function protectCredentials(inputs: Pick<CheckInputs, 'credential' | 'proxy'>, redactor: Redactor): void {
  for (const value of credentialSecrets(inputs.credential)) redactor.protect(value);
  if (inputs.proxy) {
    const proxyPassword = decodeURIComponent(new URL(inputs.proxy).password);
    if (proxyPassword) redactor.protect(proxyPassword);
  }
}

/** A transcript whose lines wait until `release()`, then pass straight through. */
function heldTranscript(write: (line: string) => void): { write: (line: string) => void; release: () => void } {
  let held: string[] | null = [];
  return {
    write: (line) => (held ? held.push(line) : write(line)),
    release: () => {
      const lines = held ?? [];
      held = null;
      for (const line of lines) write(line);
    },
  };
}

/** What the SMTP leg showed, into the report: its facts and the timings of the legs that ended. */
function smtpFacts(report: CheckReport, result: SmtpSessionResult): void {
  const { timings, ...facts } = result;
  Object.assign(report.smtp, facts);
  report.timings.smtpConnectMs = timings.connectMs;
  report.timings.authMs = timings.authMs;
  report.timings.sendMs = timings.sendMs;
}

function skipRest(events: StageEvents, stages: readonly StageName[]): void {
  for (const stage of stages) events.skip(stage, '');
}
