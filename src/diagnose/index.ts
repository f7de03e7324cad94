/**
 * The diagnosis engine: every answer Microsoft (or the network) gives becomes a Diagnosis naming the
 * cause, the setup step that fixes it, the exact command or portal action with the user's values
 * filled in, and whether waiting may help.
 *
 * All functions are pure, fast (input is bounded, regular expressions are linear) and never throw:
 * anything unexpected becomes the `internal-error` diagnosis.
 */
import { CLOUD_NAMES } from '../cloud.js';
import { learnUrl, t } from '../messages/index.js';
import { catalog, catalogByCode, type CatalogEntry, type Domain } from './catalog.js';
import {
  fallbackForReply,
  fallbackMatch,
  fallbacksForText,
  featuresOfText,
  recogniseFeatures,
  recogniseTextDetailed,
  type Features,
  type Match,
} from './recognise.js';
import { quote, quoteAround, safeValue } from './text.js';
import type { AdminFacts, AdminFailure, ClaimProblem, Diagnosis, DiagnosisContext, Facts, SmtpFailure, SmtpPhase, TokenFailure } from './types.js';
import { diagnosisView } from './view.js';
import { diagnosisWords, placeholdersIn } from './words.js';

export { catalog } from './catalog.js';
export type { CatalogEntry, Recognise } from './catalog.js';
export type { Facts } from './types.js';
export { recogniseText } from './recognise.js';
export { diagnosisWords, placeholdersIn } from './words.js';

const SMTP_PHASES: readonly SmtpPhase[] = ['connect', 'greeting', 'ehlo', 'starttls', 'auth', 'mail', 'rcpt', 'data'];
const TOKEN_DOMAINS: ReadonlySet<Domain> = new Set<Domain>(['token', 'network']);
const NETWORK_DOMAINS: ReadonlySet<Domain> = new Set<Domain>(['network']);
const SMTP_DOMAINS: ReadonlySet<Domain> = new Set<Domain>(['smtp', 'network']);
const ADMIN_DOMAINS: ReadonlySet<Domain> = new Set<Domain>(['admin']);

// ---------------------------------------------------------------------------------------------
// Building a Diagnosis

function known(code: string): CatalogEntry {
  // Every code used below exists in the catalog (checked by the tests); `internal-error` is the last resort.
  return catalogByCode.get(code) ?? (catalogByCode.get('internal-error') as CatalogEntry);
}

function build(entry: CatalogEntry, facts: Facts, matched: string | null): Diagnosis {
  const words = diagnosisWords(entry.code, diagnosisView(facts, placeholdersIn(t)));
  const diagnosis: Diagnosis = {
    code: entry.code,
    step: entry.step,
    transient: entry.transient,
    propagation: entry.propagation,
    ...(entry.freshCredential && { freshCredential: true }),
    summary: words.summary,
    fix: words.fix,
    exitCode: entry.exitCode,
    source: matched ?? entry.source,
  };
  if (entry.learnMore) diagnosis.learnMore = learnUrl(entry.learnMore);
  return diagnosis;
}

/** The last resort: a diagnosis that cannot fail. */
function internalError(detail?: string): Diagnosis {
  const entry = known('internal-error');
  try {
    return build(entry, detail ? { quoted: quote(detail, 120) } : {}, null);
  } catch {
    return {
      code: 'internal-error',
      step: null,
      transient: false,
      propagation: false,
      summary: t('diagnosis.last-resort.what-happened'),
      fix: t('diagnosis.last-resort.what-to-do'),
      exitCode: entry.exitCode,
      source: null,
    };
  }
}

function guarded<T>(work: () => T, onError: (error: unknown) => T): T {
  try {
    return work();
  } catch (error) {
    return onError(error);
  }
}

/** The context with every value made safe to print (one line, bounded); unknown fields dropped. */
function cleanContext(ctx: DiagnosisContext | undefined): Facts {
  if (!ctx || typeof ctx !== 'object') return {};
  const facts: Facts = {};
  const str = (v: unknown) => (typeof v === 'string' ? safeValue(v) : undefined);
  const tenantId = str(ctx.tenantId);
  const clientId = str(ctx.clientId);
  const mailbox = str(ctx.mailbox);
  const from = str(ctx.from);
  const smtpHost = str(ctx.smtpHost);
  const authorityHost = str(ctx.authorityHost);
  const sp = str(ctx.servicePrincipalObjectId);
  if (tenantId) facts.tenantId = tenantId;
  if (clientId) facts.clientId = clientId;
  if (mailbox) facts.mailbox = mailbox;
  if (from) facts.from = from;
  if (smtpHost) facts.smtpHost = smtpHost;
  if (authorityHost) facts.authorityHost = authorityHost;
  if (sp) facts.servicePrincipalObjectId = sp;
  if (isPort(ctx.smtpPort)) facts.smtpPort = ctx.smtpPort;
  if (typeof ctx.tokenHasSendAsRole === 'boolean') facts.tokenHasSendAsRole = ctx.tokenHasSendAsRole;
  // The cloud's scope and hosts fill the fixes (catalog D): only a name of the cloud table is kept.
  if (typeof ctx.cloud === 'string' && (CLOUD_NAMES as readonly string[]).includes(ctx.cloud)) facts.cloud = ctx.cloud;
  const secretExpiresOn = str(ctx.secretExpiresOn);
  if (secretExpiresOn) facts.secretExpiresOn = secretExpiresOn.slice(0, 40);
  return facts;
}

function isPort(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 65536;
}

function hostPort(facts: Facts, host: unknown, port: unknown): void {
  const h = typeof host === 'string' ? safeValue(host)?.slice(0, 255) : undefined;
  if (h) facts.host = h;
  if (isPort(port)) facts.port = port;
}

function addCodes(f: Features, ...codes: unknown[]): void {
  for (const c of codes) {
    if (typeof c === 'string' && /^[A-Za-z0-9_]{2,60}$/.test(c)) f.nodeCodes.add(c.toUpperCase());
  }
}

// ---------------------------------------------------------------------------------------------
// Token endpoint

/** Diagnoses a failure of the token request: Entra ID's answer, or the way to it. */
export function diagnoseTokenFailure(f: TokenFailure, ctx?: DiagnosisContext): Diagnosis {
  return guarded(
    () => {
      const facts: Facts = { ...cleanContext(ctx), target: 'token' };
      if (!f || typeof f !== 'object') return internalError(t('diagnosis.internal.no-token-failure'));

      if (f.kind === 'transport') {
        hostPort(facts, f.host, f.port);
        const message = typeof f.message === 'string' ? f.message : '';
        const features = featuresOfText(`${typeof f.code === 'string' ? f.code : ''} ${message}`, ctx);
        addCodes(features, f.code);
        if (message) facts.quoted = quote(message);
        const r = recogniseFeatures(features, NETWORK_DOMAINS);
        if (r) return build(r.best.entry, facts, r.best.matched);
        return build(known('network-error'), facts, typeof f.code === 'string' ? quote(f.code, 60) : null);
      }

      const description = typeof f.description === 'string' ? f.description : '';
      const error = typeof f.error === 'string' ? f.error : undefined;
      const aadsts = typeof f.aadsts === 'number' && Number.isSafeInteger(f.aadsts) && f.aadsts > 0 ? f.aadsts : undefined;
      const status = typeof f.status === 'number' && Number.isInteger(f.status) ? f.status : undefined;

      const features = featuresOfText(description, ctx);
      if (aadsts !== undefined) features.aadsts = [aadsts, ...features.aadsts.filter((n) => n !== aadsts)];
      if (error) features.oauthErrors.add(error.toLowerCase());
      if (status !== undefined) features.httpStatus.add(status);

      const host = hostOf(facts.authorityHost);
      if (host) facts.host = host;
      if (status !== undefined) facts.status = status;
      if (error) facts.oauthError = quote(error, 60);
      if (typeof f.retryAfterSeconds === 'number' && f.retryAfterSeconds > 0 && f.retryAfterSeconds < 86_400) {
        facts.retryAfterSeconds = Math.round(f.retryAfterSeconds);
      }
      if (description) facts.quoted = quoteAround(description, features);
      else if (error) facts.quoted = quote(error, 60);

      const firstAadsts = aadsts ?? features.aadsts[0];
      const matched = firstAadsts !== undefined ? `AADSTS${firstAadsts}` : error ? quote(error, 60) : null;
      // Entra ID answered with a code: token-request-failed stands in when no entry knows it.
      const fallback = matched !== null ? fallbackMatch('token-request-failed', matched, 0) : null;
      const r = recogniseFeatures(features, TOKEN_DOMAINS, [fallback]);
      if (r) return build(r.best.entry, facts, r.best.matched);
      return build(known('token-request-failed'), facts, matched);
    },
    (e) => internalError(e instanceof Error ? e.message : undefined),
  );
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s:]+)/i.exec(url)?.[1];
}

// ---------------------------------------------------------------------------------------------
// SMTP

const BEFORE_AUTH: ReadonlySet<SmtpPhase> = new Set(['connect', 'greeting', 'ehlo', 'starttls']);
const AFTER_AUTH: ReadonlySet<SmtpPhase> = new Set(['mail', 'rcpt', 'data']);

/** Diagnoses a failure of the SMTP conversation: a server reply, or a network/TLS failure. */
export function diagnoseSmtpFailure(f: SmtpFailure, ctx?: DiagnosisContext): Diagnosis {
  return guarded(
    () => {
      const facts: Facts = { ...cleanContext(ctx), target: 'smtp' };
      if (!f || typeof f !== 'object') return internalError(t('diagnosis.internal.no-smtp-failure'));
      hostPort(facts, f.host, f.port);
      const phase = SMTP_PHASES.includes(f.phase) ? f.phase : undefined;
      if (phase) facts.phase = phase;

      const response = typeof f.response === 'string' ? f.response : '';
      const message = typeof f.message === 'string' ? f.message : '';
      const responseCode =
        typeof f.responseCode === 'number' && Number.isInteger(f.responseCode) && f.responseCode >= 200 && f.responseCode < 600
          ? f.responseCode
          : undefined;
      // The reply with its code in front, as the server sent it (some libraries strip the code).
      const reply =
        responseCode !== undefined && !new RegExp(`^\\s*${responseCode}`).test(response)
          ? `${responseCode} ${response}`
          : response;

      const features = featuresOfText(`${reply}\n${message}`, ctx);
      if (phase) features.phase = phase;
      addCodes(features, f.code, f.causeCode);
      if (reply.trim()) facts.quoted = quote(reply);
      else if (message) facts.quoted = quote(message);

      const code = replyCodeOf(responseCode, features);
      const r = recogniseFeatures(features, SMTP_DOMAINS, code !== undefined && code >= 400 ? replyFallbacks(code, phase, features) : []);
      if (r) {
        // An enhanced code recognised on its own (`535 5.7.8 5.7.3 …`) gets the reply code in front.
        if (responseCode !== undefined && r.best.matched && /^\d\.\d{1,3}\.\d{1,3}$/.test(r.best.matched)) {
          r.best.matched = `${responseCode} ${r.best.matched}`;
        }
        return build(r.best.entry, facts, r.best.matched);
      }
      const wrapper = typeof f.code === 'string' ? f.code.toUpperCase() : '';
      if (phase === 'auth' && wrapper === 'EAUTH') return build(known('smtp-auth-refused'), facts, null);
      if (phase && AFTER_AUTH.has(phase) && (wrapper === 'EENVELOPE' || wrapper === 'EMESSAGE')) {
        return build(known('smtp-message-refused'), facts, null);
      }
      const nodeCode = [f.causeCode, f.code].find((c): c is string => typeof c === 'string' && c !== '');
      return build(known('network-error'), facts, nodeCode ? quote(nodeCode, 60) : null);
    },
    (e) => internalError(e instanceof Error ? e.message : undefined),
  );
}

/**
 * The fallback for a 4xx/5xx reply no entry recognises: by the SMTP phase when it is known (a 550 at
 * AUTH is a refused login), else by the reply code as in free text.
 */
function replyFallbacks(code: number, phase: SmtpPhase | undefined, features: Features): (Match | null)[] {
  const enhanced = features.replies.find((x) => x.code === code && x.enhanced)?.enhanced;
  const matched = enhanced ? `${code} ${enhanced}` : String(code);
  const position = features.replies.find((x) => x.code === code)?.index;
  if (code < 500) return [fallbackMatch('smtp-temporary-failure', matched, position)];
  if (phase === 'auth') return [fallbackMatch('smtp-auth-refused', matched, position)];
  if (phase && AFTER_AUTH.has(phase)) return [fallbackMatch('smtp-message-refused', matched, position)];
  if (phase && BEFORE_AUTH.has(phase)) return [fallbackMatch('smtp-session-refused', matched, position)];
  return features.replies.some((x) => x.code === code) ? [fallbackForReply(code, matched, position)] : fallbacksForText(features);
}

function replyCodeOf(responseCode: number | undefined, f: Features): number | undefined {
  if (responseCode !== undefined) return responseCode;
  return f.replies.find((r) => r.code !== undefined && r.code >= 400)?.code;
}

// ---------------------------------------------------------------------------------------------
// Claims

/** Most serious first: a problem earlier in this list makes the later ones moot. */
const CLAIM_SERIOUSNESS: readonly ClaimProblem['kind'][] = [
  'undecodable',
  'delegated',
  'tenant-mismatch',
  'app-mismatch',
  'audience',
  'missing-role',
  'expired',
];

const CLAIM_ENTRY = new Map<ClaimProblem['kind'], CatalogEntry>(
  catalog.flatMap((e) => (e.recognise.claim ? [[e.recognise.claim, e] as const] : [])),
);

/** A claim problem with every field of the right type, bounded, safe to print. */
function cleanClaim(p: ClaimProblem): ClaimProblem {
  const str = (v: unknown, max = 200) => (typeof v === 'string' ? (safeValue(v) ?? '').slice(0, max) : '');
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const strings = (v: unknown) => (Array.isArray(v) ? v.slice(0, 50).map((x) => str(x, 100)).filter((x) => x !== '') : []);
  switch (p.kind) {
    case 'missing-role':
      return { kind: p.kind, roles: strings(p.roles) };
    case 'audience':
      return { kind: p.kind, aud: str(p.aud), expected: strings(p.expected) };
    case 'tenant-mismatch':
      return { kind: p.kind, tid: str(p.tid), expected: str(p.expected) };
    case 'app-mismatch':
      return { kind: p.kind, appid: str(p.appid), expected: str(p.expected) };
    case 'expired':
      return { kind: p.kind, exp: num(p.exp), now: num(p.now) };
    case 'delegated': {
      const scp = str(p.scp);
      const upn = str(p.upn);
      return { kind: p.kind, ...(scp && { scp }), ...(upn && { upn }) };
    }
    case 'undecodable':
      return { kind: p.kind, reason: quote(str(p.reason, 1000), 120) };
  }
}

/**
 * Diagnoses the problems found in the access token's claims: the most serious one is the diagnosis,
 * the others are listed after its fix.
 */
export function diagnoseClaimProblems(problems: ClaimProblem[], ctx?: DiagnosisContext): Diagnosis {
  return guarded(
    () => {
      const list = (Array.isArray(problems) ? problems : []).filter(
        (p): p is ClaimProblem => !!p && typeof p === 'object' && CLAIM_ENTRY.has(p.kind),
      );
      if (list.length === 0) return internalError(t('diagnosis.internal.no-claim-problem'));
      const sorted = [...list].sort((a, b) => CLAIM_SERIOUSNESS.indexOf(a.kind) - CLAIM_SERIOUSNESS.indexOf(b.kind));
      const base = cleanContext(ctx);
      const [first, ...rest] = sorted.map((p) => build(CLAIM_ENTRY.get(p.kind) as CatalogEntry, { ...base, claim: cleanClaim(p) }, null));
      if (!first) return internalError();
      const more = rest.filter((d, i, all) => all.findIndex((x) => x.code === d.code) === i && d.code !== first.code);
      if (more.length > 0) {
        first.fix += `\n\n${t('diagnosis.claims.also-wrong', { summaries: more.map((d) => d.summary) })}`;
      }
      return first;
    },
    (e) => internalError(e instanceof Error ? e.message : undefined),
  );
}

// ---------------------------------------------------------------------------------------------
// Client secret past its expiry date (a local check: the date the user gave)

/**
 * The client secret is past the expiry date the user gave (`--secret-expires`) although Entra ID
 * still issued a token with it: `client-secret-expired`, with the date, as a local finding (no source).
 */
export function diagnoseSecretPastExpiry(ctx: DiagnosisContext & { secretExpiresOn: string }): Diagnosis {
  return guarded(
    () => {
      const facts: Facts = { ...cleanContext(ctx), target: 'token', secretStillAccepted: true };
      // Nothing was recognised in an answer of Microsoft's: the finding is the date alone.
      return { ...build(known('client-secret-expired'), facts, null), source: null };
    },
    (e) => internalError(e instanceof Error ? e.message : undefined),
  );
}

// ---------------------------------------------------------------------------------------------
// The run itself (`--json` carries a diagnosis in every outcome, src/report/json.ts)

/**
 * The input a command was given is not valid (`input-invalid`) or lacks required values
 * (`input-missing`): step 4, the sending application's settings. The problems themselves are listed
 * beside the diagnosis; the summary names the first.
 */
export function diagnoseInputProblems(problems: readonly string[], kind: 'invalid' | 'missing'): Diagnosis {
  return guarded(
    () => {
      const list = (Array.isArray(problems) ? problems : []).filter((p): p is string => typeof p === 'string' && p.trim() !== '');
      const facts: Facts = { problemCount: list.length };
      if (list[0] !== undefined) facts.quoted = quote(list[0], 200);
      return build(known(kind === 'missing' ? 'input-missing' : 'input-invalid'), facts, null);
    },
    (e) => internalError(e instanceof Error ? e.message : undefined),
  );
}

/** The run was cancelled (Ctrl-C, a signal, a prompt closed): `cancelled`, with the exit code of how it ended (130 for SIGINT). */
export function diagnoseCancelled(message: string, exitCode: number): Diagnosis {
  return guarded(
    () => {
      const reason = typeof message === 'string' ? message.trim().replace(/\.$/, '') : '';
      const diagnosis = build(known('cancelled'), reason && reason.toLowerCase() !== 'cancelled' ? { quoted: quote(reason, 120) } : {}, null);
      return Number.isInteger(exitCode) && exitCode > 0 && exitCode < 256 ? { ...diagnosis, exitCode: exitCode as Diagnosis['exitCode'] } : diagnosis;
    },
    (e) => internalError(e instanceof Error ? e.message : undefined),
  );
}

/** A failure that is a bug of the tool (anything thrown that is not one of its typed errors): `internal-error`. */
/**
 * Diagnoses a failure on the administrator's side of the automatic setup (src/admin/): the sign-in,
 * the check of the token's permissions, an answer of Microsoft Graph or of Exchange's admin endpoint.
 * `admin` carries what the words name (the operation, the roles that would allow it, the client).
 * Recognised by the AADSTS number or OAuth class of a sign-in, Graph's `error.code`, the HTTP status
 * and key phrases of Microsoft's text; transport failures by the network entries.
 */
export function diagnoseAdminFailure(f: AdminFailure, ctx?: DiagnosisContext, admin?: AdminFacts): Diagnosis {
  return guarded(
    () => {
      const facts: Facts = { ...cleanContext(ctx), ...(admin && { admin: cleanAdminFacts(admin) }) };
      if (!f || typeof f !== 'object') return internalError();
      switch (f.kind) {
        case 'permissions': {
          const missing = f.missingScopes.length > 0;
          facts.admin = {
            ...facts.admin,
            operation: f.operation,
            ...(missing && { missingScopes: safeList(f.missingScopes) }),
            ...(f.neededRoles.length > 0 && { neededRoles: [...f.neededRoles] }),
          };
          return build(known(missing ? 'admin-scope-missing' : 'admin-role-missing'), facts, null);
        }
        case 'unexpected':
          facts.admin = { ...facts.admin, ...(safeValue(f.cmdlet) !== undefined && { cmdlet: safeValue(f.cmdlet) as string }) };
          if (Number.isInteger(f.status)) facts.status = f.status;
          return build(known('admin-endpoint-unexpected'), facts, null);
        case 'transport': {
          hostPort(facts, f.host, f.port);
          const features = featuresOfText(`${f.code} ${f.message}`, ctx);
          addCodes(features, f.code);
          if (f.message) facts.quoted = quote(f.message);
          const r = recogniseFeatures(features, NETWORK_DOMAINS);
          if (r) return build(r.best.entry, facts, r.best.matched);
          return build(known('network-error'), facts, quote(f.code, 60));
        }
        case 'sign-in': {
          const features = featuresOfText(typeof f.description === 'string' ? f.description : '', ctx);
          if (typeof f.aadsts === 'number' && f.aadsts > 0) features.aadsts = [f.aadsts, ...features.aadsts.filter((n) => n !== f.aadsts)];
          if (typeof f.error === 'string' && f.error) features.oauthErrors.add(f.error.toLowerCase());
          if (f.description) facts.quoted = quoteAround(f.description, features);
          facts.admin = { operation: 'sign-in', ...facts.admin };
          const matched = features.aadsts[0] !== undefined ? `AADSTS${features.aadsts[0]}` : f.error ? quote(f.error, 60) : null;
          const r = recogniseFeatures(features, ADMIN_DOMAINS, [fallbackMatch('admin-request-failed', matched, 0)]);
          if (r) return build(r.best.entry, facts, r.best.matched);
          return build(known('admin-request-failed'), facts, matched);
        }
        case 'answer': {
          const message = typeof f.message === 'string' ? f.message : '';
          const features = featuresOfText(message, ctx);
          // Graph's `error.code` (Authorization_RequestDenied, Request_ResourceNotFound) plays the OAuth class's part.
          if (typeof f.code === 'string' && f.code) features.oauthErrors.add(f.code.toLowerCase());
          if (Number.isInteger(f.status)) {
            features.httpStatus.add(f.status);
            facts.status = f.status;
          }
          if (typeof f.retryAfterSeconds === 'number' && f.retryAfterSeconds > 0 && f.retryAfterSeconds < 86_400) {
            facts.retryAfterSeconds = Math.round(f.retryAfterSeconds);
          }
          if (message) facts.quoted = quoteAround(message, features);
          facts.admin = { ...facts.admin, operation: f.operation, ...(safeValue(f.cmdlet) !== undefined && { cmdlet: safeValue(f.cmdlet) as string }) };
          const matched = f.code ? quote(f.code, 80) : Number.isInteger(f.status) ? String(f.status) : null;
          const r = recogniseFeatures(features, ADMIN_DOMAINS, [fallbackMatch('admin-request-failed', matched, 0)]);
          if (r) return build(r.best.entry, facts, r.best.matched ?? matched);
          return build(known('admin-request-failed'), facts, matched);
        }
      }
      return internalError();
    },
    (e) => internalError(e instanceof Error ? e.message : undefined),
  );
}

function safeList(values: readonly string[]): string[] {
  return values.map((v) => safeValue(v)).filter((v): v is string => v !== undefined).slice(0, 20);
}

function cleanAdminFacts(a: AdminFacts): AdminFacts {
  return {
    ...(a.operation && { operation: a.operation }),
    ...(safeValue(a.cmdlet) !== undefined && { cmdlet: safeValue(a.cmdlet) as string }),
    ...(a.missingScopes && { missingScopes: safeList(a.missingScopes) }),
    ...(a.neededRoles && { neededRoles: [...a.neededRoles] }),
    ...(safeValue(a.signInClient) !== undefined && { signInClient: safeValue(a.signInClient) as string }),
    ...(typeof a.waitedSeconds === 'number' && a.waitedSeconds >= 0 && { waitedSeconds: Math.round(a.waitedSeconds) }),
  };
}

export function diagnoseInternalError(message?: string): Diagnosis {
  return internalError(message);
}

// ---------------------------------------------------------------------------------------------
// Free text (`explain`)

/**
 * Diagnoses a pasted error text: any client library's wording, a log line, a token endpoint's JSON
 * body. Null when the text holds nothing recognisable.
 */
export function diagnoseText(text: string, ctx?: DiagnosisContext): { diagnosis: Diagnosis; others: Diagnosis[] } | null {
  return guarded(
    () => {
      if (typeof text !== 'string' || text.trim() === '') return null;
      const features = featuresOfText(text, ctx);
      const r = recogniseTextDetailed(features);
      if (!r) return null;
      const facts: Facts = { ...cleanContext(ctx) };
      if (features.host) hostPort(facts, features.host, features.port);
      facts.quoted = quoteAround(text, features);
      const one = (m: Match) => {
        const target = m.entry.domain === 'token' ? 'token' : m.entry.domain === 'smtp' ? 'smtp' : undefined;
        return build(m.entry, target ? { ...facts, target } : facts, m.matched);
      };
      return { diagnosis: one(r.best), others: r.others.map(one) };
    },
    (e) => ({ diagnosis: internalError(e instanceof Error ? e.message : undefined), others: [] }),
  );
}
