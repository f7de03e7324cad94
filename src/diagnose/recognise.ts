/**
 * Recognition: matching what was found in a failure against the catalog. Pure functions.
 * The matching rules are documented at the top of catalog.ts.
 */
import { catalog, catalogByCode, priorityOf, type CatalogEntry, type Domain, type Recognise } from './catalog.js';
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
  /** Sum of the weights of everything that matched (evidence and context conditions). */
  score: number;
  /**
   * Weight of the strongest single piece of evidence: what the match stands on. A full reply
   * (`451 5.7.3`) outweighs the same enhanced code found bare (`,451,5.7.3` in a logger's format).
   */
  evidence: number;
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
  /** An unrecognised code (a fallback candidate): where the failure happened, not why. */
  fallback: 50,
} as const;

/**
 * Evidence at least this strong (an AADSTS number, a local claim check, a Node code, a full reply:
 * reply code and enhanced code of one reply) is "strong"; a bare enhanced code, a lone reply code, a
 * phrase, a wrapper code, an OAuth class or an HTTP status is "weak". Strong beats weak before the
 * catalog's priority is looked at.
 */
const STRONG_EVIDENCE = 250;
/** Evidence weight of an enhanced code that stands in a reply with its reply code. */
const FULL_REPLY_EVIDENCE = 250;

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
  evidence: number;
  matched: string | null;
  position: number;
}

/**
 * A bare enhanced code that also stands in a full reply with another reply code (`451 5.7.3 … ,451,5.7.3`)
 * is that reply repeated in a logger's format, not a second reply: it is no evidence for a `535 5.7.3`.
 */
function repeatsOtherReply(enhanced: string, replyCodes: readonly number[], f: Features): boolean {
  return f.replies.some((x) => x.code !== undefined && x.enhanced === enhanced && !replyCodes.includes(x.code));
}

function matchAlternative(r: Omit<Recognise, 'or'>, f: Features): AltResult | null {
  let score = 0;
  let evidence = 0;
  let groups = 0;
  let matched: string | null = null;
  let position = Number.MAX_SAFE_INTEGER;

  if (r.claim !== undefined) {
    if (f.claim !== r.claim) return null;
    score += WEIGHT.claim;
    evidence = Math.max(evidence, WEIGHT.claim);
    groups++;
  }
  if (r.aadsts) {
    const i = f.aadsts.findIndex((n) => r.aadsts?.includes(n));
    if (i < 0) return null;
    score += WEIGHT.aadsts;
    evidence = Math.max(evidence, WEIGHT.aadsts);
    groups++;
    matched = `AADSTS${f.aadsts[i]}`;
    position = Math.min(position, i);
  }
  if (r.enhanced || r.smtpReply) {
    let best: { score: number; evidence: number; text: string; index: number } | undefined;
    for (const rep of f.replies) {
      let s: number;
      let e: number;
      let text: string;
      if (r.enhanced) {
        if (rep.enhanced === undefined || !r.enhanced.includes(rep.enhanced)) continue;
        if (rep.code !== undefined && r.smtpReply && !r.smtpReply.includes(rep.code)) continue;
        if (rep.code === undefined && r.smtpReply && repeatsOtherReply(rep.enhanced, r.smtpReply, f)) continue;
        s = WEIGHT.enhanced + (rep.code !== undefined && r.smtpReply ? WEIGHT.reply : 0);
        // Bare (no reply code in front): a quotation or a logger's repetition, not the reply itself.
        e = rep.code !== undefined ? FULL_REPLY_EVIDENCE : WEIGHT.enhanced;
        text = rep.code !== undefined ? `${rep.code} ${rep.enhanced}` : rep.enhanced;
      } else {
        if (rep.code === undefined || !r.smtpReply?.includes(rep.code)) continue;
        s = WEIGHT.reply;
        e = WEIGHT.reply;
        text = rep.enhanced ? `${rep.code} ${rep.enhanced}` : String(rep.code);
      }
      if (!best || e > best.evidence || (e === best.evidence && s > best.score)) best = { score: s, evidence: e, text, index: rep.index };
    }
    if (!best) return null;
    score += best.score;
    evidence = Math.max(evidence, best.evidence);
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
    evidence = Math.max(evidence, s);
    groups++;
    matched ??= code;
  }
  if (r.oauthError) {
    const hit = r.oauthError.find((e) => f.oauthErrors.has(e));
    if (hit === undefined) return null;
    score += WEIGHT.oauth;
    evidence = Math.max(evidence, WEIGHT.oauth);
    groups++;
    matched ??= hit;
  }
  if (r.httpStatus) {
    const hit = r.httpStatus.find((s) => f.httpStatus.has(s));
    if (hit === undefined) return null;
    score += WEIGHT.http;
    evidence = Math.max(evidence, WEIGHT.http);
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
    evidence = Math.max(evidence, WEIGHT.phrase);
    groups++;
  }
  if (groups === 0) return null;
  return { score, evidence, matched, position };
}

/** Every catalog entry of the given domains whose recogniser matches, in catalog order. */
export function matchAll(f: Features, domains: ReadonlySet<Domain>): Match[] {
  const matches: Match[] = [];
  for (const entry of catalog) {
    if (!domains.has(entry.domain)) continue;
    let best: AltResult | null = null;
    for (const alt of alternatives(entry.recognise)) {
      const m = matchAlternative(alt, f);
      if (m && (!best || m.evidence > best.evidence || (m.evidence === best.evidence && m.score > best.score))) best = m;
    }
    if (best) matches.push({ entry, score: best.score, evidence: best.evidence, matched: best.matched, position: best.position });
  }
  return matches;
}

/**
 * A fallback entry offered for an unrecognised code (`AADSTS9999999`, `550 5.1.10`): its evidence
 * says where the failure happened, not why, so any other match of its domain beats it (priority).
 */
export function fallbackMatch(code: string, matched: string | null, position = Number.MAX_SAFE_INTEGER): Match | null {
  const entry = catalogByCode.get(code);
  return entry ? { entry, score: WEIGHT.fallback, evidence: WEIGHT.fallback, matched, position } : null;
}

const isStrong = (m: Match) => m.evidence >= STRONG_EVIDENCE;
const catalogOrder = new Map(catalog.map((e, i) => [e, i]));
const orderOf = (m: Match) => catalogOrder.get(m.entry) ?? catalog.length;

/**
 * Inside one domain: strong evidence first; then the catalog's priority (specific, generic,
 * fallback); then the strongest evidence, the total score, the earlier code, the catalog order.
 */
function compareInDomain(a: Match, b: Match): number {
  return (
    Number(isStrong(b)) - Number(isStrong(a)) ||
    priorityOf(a.entry) - priorityOf(b.entry) ||
    b.evidence - a.evidence ||
    b.score - a.score ||
    a.position - b.position ||
    orderOf(a) - orderOf(b)
  );
}

/** How strongly a domain's matches point at it: the strongest of them, by evidence then score. */
function strengthOf(matches: Match[]): { evidence: number; score: number; position: number } {
  let evidence = 0;
  let score = 0;
  let position = Number.MAX_SAFE_INTEGER;
  for (const m of matches) {
    if (m.evidence > evidence || (m.evidence === evidence && m.score > score)) {
      evidence = m.evidence;
      score = m.score;
    }
    position = Math.min(position, m.position);
  }
  return { evidence, score, position };
}

/**
 * THE resolver: which of the matches (recognised entries plus the caller's fallback candidates) is
 * the diagnosis, and which others are worth listing. The same rule for token, SMTP and free text:
 * 1. The domain (token endpoint, SMTP server, network) whose strongest evidence is strongest is the
 *    one the failure concerns: an AADSTS number outweighs "fetch failed", a server's reply outweighs
 *    nodemailer's ECONNECTION, ECONNREFUSED outweighs a reply code alone. Ties: the earlier code.
 * 2. Inside it, compareInDomain: a bare enhanced code never beats a full reply, and a generic or
 *    fallback entry never beats a specific one with evidence as strong.
 * Others: every other match, except generic and fallback entries next to a specific diagnosis, and
 * entries that lost to a higher-priority match of their own domain (they only stood in for it).
 */
export function resolve(matches: readonly Match[]): Recognition | null {
  const byDomain = new Map<Domain, Match[]>();
  for (const m of matches) {
    const list = byDomain.get(m.entry.domain) ?? [];
    list.push(m);
    byDomain.set(m.entry.domain, list);
  }
  const domains = [...byDomain.entries()].map(([domain, list]) => ({
    domain,
    list: [...list].sort(compareInDomain),
    strength: strengthOf(list),
  }));
  domains.sort(
    (a, b) =>
      b.strength.evidence - a.strength.evidence ||
      b.strength.score - a.strength.score ||
      a.strength.position - b.strength.position ||
      a.domain.localeCompare(b.domain),
  );
  const ranked = domains.flatMap((d) => {
    const top = d.list[0];
    // A lower-priority entry of the winner's domain only stood in for it: not listed.
    return d.list.filter((m) => !top || priorityOf(m.entry) <= priorityOf(top.entry));
  });
  const best = ranked[0];
  if (!best) return null;
  const others = ranked
    .slice(1)
    .filter((m) => !(priorityOf(m.entry) > 0 && priorityOf(best.entry) === 0))
    .filter((m, i, list) => m.entry !== best.entry && list.findIndex((x) => x.entry.code === m.entry.code) === i);
  return { best, others };
}

/** The best match and the others worth listing, among the domains' entries and the fallback candidates. */
export function recogniseFeatures(
  f: Features,
  domains: ReadonlySet<Domain>,
  fallbacks: readonly (Match | null)[] = [],
): Recognition | null {
  return resolve([...matchAll(f, domains), ...fallbacks.filter((m): m is Match => m !== null && domains.has(m.entry.domain))]);
}

/** SMTP reply codes that belong to authentication. */
const AUTH_REPLY_CODES = new Set([530, 534, 535, 538]);

/** The fallback entry for an unrecognised SMTP reply code seen in text (no phase known). */
export function fallbackForReply(code: number, matched: string, position?: number): Match | null {
  if (code < 500) return fallbackMatch('smtp-temporary-failure', matched, position);
  return fallbackMatch(AUTH_REPLY_CODES.has(code) ? 'smtp-auth-refused' : 'smtp-message-refused', matched, position);
}

/**
 * The fallback candidates of a free text: an AADSTS code or an OAuth error class → token-request-failed;
 * the first 4xx/5xx reply → smtp-temporary-failure, smtp-auth-refused or smtp-message-refused.
 * The resolver uses them only when nothing of their domain is recognised.
 */
export function fallbacksForText(f: Features): Match[] {
  const out: (Match | null)[] = [];
  const firstAadsts = f.aadsts[0];
  const oauth = [...f.oauthErrors][0];
  if (firstAadsts !== undefined) {
    const at = f.flat.indexOf('aadsts');
    out.push(fallbackMatch('token-request-failed', `AADSTS${firstAadsts}`, at >= 0 ? at : 0));
  } else if (oauth !== undefined) {
    out.push(fallbackMatch('token-request-failed', oauth, f.flat.indexOf(oauth)));
  }
  const reply = f.replies.find((r) => r.code !== undefined && r.code >= 400);
  if (reply?.code !== undefined) {
    out.push(fallbackForReply(reply.code, reply.enhanced ? `${reply.code} ${reply.enhanced}` : String(reply.code), reply.index));
  }
  return out.filter((m): m is Match => m !== null);
}

const TEXT_DOMAINS: ReadonlySet<Domain> = new Set<Domain>(['token', 'smtp', 'network']);

/**
 * Recognises a pasted error text (any client library's wording, a log line, a JSON body).
 * The resolver picks the diagnosis; other matching entries are listed. Fallback entries stand in when
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
  return recogniseFeatures(f, TEXT_DOMAINS, fallbacksForText(f));
}
