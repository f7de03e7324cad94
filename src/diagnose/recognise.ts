/**
 * Recognition: matching what was found in a failure against the catalog. Pure functions.
 * The matching rules are documented at the top of catalog.ts.
 */
import { catalog, catalogByCode, type CatalogEntry, type Domain, type Recognise } from './catalog.js';
import { extractFeatures, type TextFeatures } from './text.js';
import type { ClaimProblem, DiagnosisContext, SmtpPhase } from './types.js';

/** Text features plus what only a structured failure or the context can tell. */
export interface Features extends TextFeatures {
  phase?: SmtpPhase;
  sendAsRole: 'present' | 'absent' | 'unknown';
  claim?: ClaimProblem['kind'];
}

export interface Match {
  entry: CatalogEntry;
  score: number;
  /** What was recognised, for the diagnosis' `source` (`AADSTS7000215`, `535 5.7.3`, `ECONNREFUSED`). */
  matched: string | null;
  /** Order of appearance of the recognised code, to break ties. */
  position: number;
}

export interface Recognition {
  best: Match;
  others: Match[];
}

/** Weights of the groups: the most specific evidence wins. */
const WEIGHT = {
  aadsts: 1000,
  claim: 1000,
  node: 300,
  /** nodemailer's wrapper codes say little about the cause. */
  wrapperNode: 30,
  enhanced: 200,
  reply: 50,
  phrase: 40,
  oauth: 20,
  http: 10,
  phase: 5,
  sendAsRole: 100,
} as const;

const WRAPPER_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETLS', 'EDNS', 'EPROTOCOL', 'EPROXY', 'EAUTH', 'EENVELOPE', 'EMESSAGE']);

/** Every alternative of an entry: its main recogniser and its `or` list. */
function alternatives(r: Recognise): Omit<Recognise, 'or'>[] {
  return [r, ...(r.or ?? [])];
}

/** The role context as the recogniser sees it. */
export function sendAsRoleOf(ctx: DiagnosisContext | undefined): Features['sendAsRole'] {
  if (ctx?.tokenHasSendAsRole === true) return 'present';
  if (ctx?.tokenHasSendAsRole === false) return 'absent';
  return 'unknown';
}

/** Features of a free text, with the context's role condition. */
export function featuresOfText(text: string, ctx?: DiagnosisContext): Features {
  return { ...extractFeatures(text), sendAsRole: sendAsRoleOf(ctx) };
}

interface AltResult {
  score: number;
  matched: string | null;
  position: number;
}

function matchAlternative(r: Omit<Recognise, 'or'>, f: Features): AltResult | null {
  let score = 0;
  let groups = 0;
  let matched: string | null = null;
  let position = Number.MAX_SAFE_INTEGER;

  if (r.claim !== undefined) {
    if (f.claim !== r.claim) return null;
    score += WEIGHT.claim;
    groups++;
  }
  if (r.aadsts) {
    const i = f.aadsts.findIndex((n) => r.aadsts?.includes(n));
    if (i < 0) return null;
    score += WEIGHT.aadsts;
    groups++;
    matched = `AADSTS${f.aadsts[i]}`;
    position = Math.min(position, i);
  }
  if (r.enhanced || r.smtpReply) {
    let best: { score: number; text: string; index: number } | undefined;
    for (const rep of f.replies) {
      let s: number;
      let text: string;
      if (r.enhanced) {
        if (rep.enhanced === undefined || !r.enhanced.includes(rep.enhanced)) continue;
        if (rep.code !== undefined && r.smtpReply && !r.smtpReply.includes(rep.code)) continue;
        s = WEIGHT.enhanced + (rep.code !== undefined && r.smtpReply ? WEIGHT.reply : 0);
        text = rep.code !== undefined ? `${rep.code} ${rep.enhanced}` : rep.enhanced;
      } else {
        if (rep.code === undefined || !r.smtpReply?.includes(rep.code)) continue;
        s = WEIGHT.reply;
        text = rep.enhanced ? `${rep.code} ${rep.enhanced}` : String(rep.code);
      }
      if (!best || s > best.score) best = { score: s, text, index: rep.index };
    }
    if (!best) return null;
    score += best.score;
    groups++;
    matched ??= best.text;
    position = Math.min(position, best.index);
  }
  if (r.nodeCodes) {
    let s = 0;
    let code: string | undefined;
    for (const c of r.nodeCodes) {
      if (!f.nodeCodes.has(c)) continue;
      const w = WRAPPER_CODES.has(c) ? WEIGHT.wrapperNode : WEIGHT.node;
      if (w > s) {
        s = w;
        code = c;
      }
    }
    if (!code) return null;
    score += s;
    groups++;
    matched ??= code;
  }
  if (r.oauthError) {
    const hit = r.oauthError.find((e) => f.oauthErrors.has(e));
    if (hit === undefined) return null;
    score += WEIGHT.oauth;
    groups++;
    matched ??= hit;
  }
  if (r.httpStatus) {
    const hit = r.httpStatus.find((s) => f.httpStatus.has(s));
    if (hit === undefined) return null;
    score += WEIGHT.http;
    groups++;
    matched ??= `HTTP ${hit}`;
  }
  if (r.phases && f.phase !== undefined) {
    if (!r.phases.includes(f.phase)) return null;
    score += WEIGHT.phase;
  }
  if (r.sendAsRole !== undefined) {
    if (r.sendAsRole !== f.sendAsRole) return null;
    score += WEIGHT.sendAsRole;
  }
  // Phrases last: the only group that costs a scan of the text.
  if (r.phrases && r.phrases.length > 0) {
    for (const re of r.phrases) {
      re.lastIndex = 0;
      if (!re.test(f.flat)) return null;
      score += WEIGHT.phrase;
    }
    groups++;
  }
  if (groups === 0) return null;
  return { score, matched, position };
}

/** Every catalog entry of the given domains that matches, best first. */
export function matchAll(f: Features, domains: ReadonlySet<Domain>): Match[] {
  const matches: (Match & { order: number })[] = [];
  catalog.forEach((entry, order) => {
    if (!domains.has(entry.domain)) return;
    let best: AltResult | null = null;
    for (const alt of alternatives(entry.recognise)) {
      const m = matchAlternative(alt, f);
      if (m && (!best || m.score > best.score)) best = m;
    }
    if (best) matches.push({ entry, score: best.score, matched: best.matched, position: best.position, order });
  });
  matches.sort(
    (a, b) =>
      Number(a.entry.generic === true) - Number(b.entry.generic === true) ||
      b.score - a.score ||
      a.position - b.position ||
      a.order - b.order,
  );
  return matches.map(({ entry, score, matched, position }) => ({ entry, score, matched, position }));
}

/** The best match and the others worth listing (generic entries are dropped next to a specific one). */
export function recogniseFeatures(f: Features, domains: ReadonlySet<Domain>): Recognition | null {
  const all = matchAll(f, domains);
  const best = all[0];
  if (!best) return null;
  const others = all
    .slice(1)
    .filter((m) => !(m.entry.generic && !best.entry.generic))
    .filter((m, i, list) => list.findIndex((x) => x.entry.code === m.entry.code) === i);
  return { best, others };
}

/** SMTP reply codes that belong to authentication. */
const AUTH_REPLY_CODES = new Set([530, 534, 535, 538]);

/**
 * The generic entry for text nothing specific matched: an unknown AADSTS code → token-request-failed,
 * an unknown 4xx reply → smtp-temporary-failure, 5xx → smtp-auth-refused or smtp-message-refused,
 * an OAuth error class → token-request-failed. Null when the text holds no recognisable code.
 */
export function fallbackForText(f: Features): Match | null {
  const make = (code: string, matched: string | null): Match | null => {
    const entry = catalogByCode.get(code);
    return entry ? { entry, score: 0, matched, position: 0 } : null;
  };
  const firstAadsts = f.aadsts[0];
  const reply = f.replies.find((r) => r.code !== undefined && r.code >= 400);
  if (firstAadsts !== undefined && (!reply || f.flat.indexOf('aadsts') <= reply.index)) {
    return make('token-request-failed', `AADSTS${firstAadsts}`);
  }
  if (reply?.code !== undefined) {
    const matched = reply.enhanced ? `${reply.code} ${reply.enhanced}` : String(reply.code);
    if (reply.code < 500) return make('smtp-temporary-failure', matched);
    return make(AUTH_REPLY_CODES.has(reply.code) ? 'smtp-auth-refused' : 'smtp-message-refused', matched);
  }
  const oauth = [...f.oauthErrors][0];
  if (oauth !== undefined) return make('token-request-failed', oauth);
  return null;
}

const TEXT_DOMAINS: ReadonlySet<Domain> = new Set<Domain>(['token', 'smtp', 'network']);

/**
 * Recognises a pasted error text (any client library's wording, a log line, a JSON body).
 * The most specific entry wins; other matching entries are listed. Generic entries stand in when
 * the text holds a code nothing specific matches. Null when nothing at all is recognisable.
 */
export function recogniseText(
  text: string,
  ctx?: DiagnosisContext,
): { best: CatalogEntry; others: CatalogEntry[] } | null {
  const r = recogniseTextDetailed(typeof text === 'string' ? featuresOfText(text, ctx) : null);
  return r ? { best: r.best.entry, others: r.others.map((m) => m.entry) } : null;
}

/** recogniseText with the match details (used by diagnoseText). */
export function recogniseTextDetailed(f: Features | null): Recognition | null {
  if (!f) return null;
  const r = recogniseFeatures(f, TEXT_DOMAINS);
  if (r && !r.best.entry.generic) return r;
  const fallback = fallbackForText(f);
  if (r && fallback && r.best.entry.domain === 'network') {
    // A generic network match ("fetch failed") next to a reply or AADSTS code: the code says more.
    return { best: fallback, others: [r.best, ...r.others] };
  }
  if (r) return r;
  return fallback ? { best: fallback, others: [] } : null;
}
