/**
 * Text handling for the diagnosis engine: bounding, normalising, feature extraction, and safe quoting.
 *
 * Every regular expression here is linear: no nested quantifiers, no unbounded alternation inside a
 * repetition, bounded repeats where a match may run long. Input is capped before any of them runs.
 */
import { catalog } from './catalog.js';

/** Longest input examined. Longer text keeps its beginning and its end (where a log's last error is). */
export const MAX_INPUT_CHARS = 64_000;
const HEAD_CHARS = 40_000;
const TAIL_CHARS = 24_000;

/** Longest quotation of a server's or library's words inside a diagnosis. */
export const MAX_QUOTE_CHARS = 300;

/** One SMTP reply recognised in text: a reply code, an enhanced status code, or both. */
export interface ReplyHit {
  code?: number;
  /** Enhanced status code, e.g. `5.7.139`. */
  enhanced?: string;
  /** Position in the normalised text. */
  index: number;
}

/** What was found in a text, before matching it against the catalog. */
export interface TextFeatures {
  /** Normalised: JSON escapes undone, lower case, whitespace collapsed to single spaces. */
  flat: string;
  /** The same text with its original case (for quoting); `flat` is its lower-cased form. */
  cased: string;
  /** AADSTS numbers, in order of appearance, without duplicates. */
  aadsts: number[];
  oauthErrors: Set<string>;
  httpStatus: Set<number>;
  replies: ReplyHit[];
  /** Node, OpenSSL and nodemailer error codes, upper case. */
  nodeCodes: Set<string>;
  /** Host and port named next to a Node network error code (`connect ECONNREFUSED 1.2.3.4:587`). */
  host?: string;
  port?: number;
  /** Position of the first recognised code in `flat`, for quoting; -1 when none. */
  anchor: number;
}

/** Bounds the input: beginning and end of very long text, never more than MAX_INPUT_CHARS. */
export function bound(text: string): string {
  if (text.length <= MAX_INPUT_CHARS) return text;
  return `${text.slice(0, HEAD_CHARS)}\n…\n${text.slice(text.length - TAIL_CHARS)}`;
}

/**
 * Undoes what logging and JSON do to a reply: escaped CR/LF/TAB/quotes, `\u0027`-style escapes of
 * quotes. Keeps real line breaks (reply codes are recognised at line starts).
 */
function unescape(text: string): string {
  return text
    .replace(/\\r\\n|\\n|\\r|\\t/g, '\n')
    .replace(/\\u0027/gi, "'")
    .replace(/\\u0022|\\"/gi, '"')
    .replace(/\\u003c/gi, '<')
    .replace(/\\u003e/gi, '>');
}

const AADSTS_RE = /aadsts ?(\d{2,9})/g;
const ERROR_CODES_RE = /"?error_codes"? ?: ?\[([\d, ]{1,120})\]/g;
const MSAL_NODE_CODES_RE = /error\(s\): ?([\d, ]{1,120}) -/g;
const ERROR_URI_RE = /error\?code=(\d{2,9})/g;

/** OAuth 2.0 error classes Entra ID (and MSAL) use; matched as whole words. */
export const OAUTH_ERROR_CLASSES = [
  'invalid_request',
  'invalid_grant',
  'unauthorized_client',
  'invalid_client',
  'unsupported_grant_type',
  'invalid_resource',
  'invalid_scope',
  'invalid_tenant',
  'interaction_required',
  'temporarily_unavailable',
  'consent_required',
  'endpoints_resolution_error',
  'openid_config_error',
] as const;
const OAUTH_RE = new RegExp(`(?<![a-z_])(${OAUTH_ERROR_CLASSES.join('|')})(?![a-z_])`, 'g');

const HTTP_STATUS_RE = /(?<![a-z])(?:http(?:\/[\d.]{1,3})?|status(?: ?code)?)"? ?[:= ] ?"?([1-5]\d\d)(?!\d)/g;

/** `535 5.7.3`, `535-5.7.3`, `535: 5.7.3` (MailKit), `(535, b'5.7.3` (Python smtplib). */
const PAIR_RE = /(?<![\w.])([2-5][0-5]\d)(?:[ :-]{1,3}|, ?b?['"])([245]\.\d{1,3}\.\d{1,3})(?![\w]|\.\d)/g;
/** An enhanced status code on its own (`5.7.3 Authentication unsuccessful`, or after another one). */
const ENHANCED_RE = /(?<![\w.])([245]\.\d{1,3}\.\d{1,3})(?![\w]|\.\d)/g;
/** A reply code without an enhanced code, only where a reply starts: line start, after `(` or `:`. */
const LONE_CODE_RE = /(?:^|[(:])[ \t]{0,3}([2-5][0-5]\d)(?:[ -](?=[a-z])|, ?b?['"])/gim;

/** Node network codes followed by the address they concern. */
const ADDRESS_RE =
  /(?<![a-z_])(?:econnrefused|etimedout|enotfound|eai_again|econnreset|ehostunreach|enetunreach) ([a-z0-9][a-z0-9.-]{0,253}|\[[0-9a-f:.]{2,45}\])(?::(\d{1,5}))?/;

/** Every Node/OpenSSL/nodemailer code the catalog knows, as one alternation (longest first). */
const nodeCodeRe: RegExp = (() => {
  const codes = catalog.flatMap((e) => [e.recognise, ...(e.recognise.or ?? [])]).flatMap((r) => r.nodeCodes ?? []);
  const list = [...new Set(codes.map((c) => c.toLowerCase().replace(/[^a-z0-9_]/g, '')))]
    .filter((c) => c !== '')
    .sort((a, b) => b.length - a.length);
  return list.length ? new RegExp(`(?<![a-z0-9_])(${list.join('|')})(?![a-z0-9_])`, 'g') : /$^/g;
})();

function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
    if (out.length >= 200) break;
  }
  return out;
}

/** Extracts every recognisable feature of a free text (log line, exception, JSON body, transcript). */
export function extractFeatures(text: string): TextFeatures {
  const lines = unescape(bound(String(text)));
  const cased = lines.replace(/\s+/g, ' ');
  const flat = cased.toLowerCase();
  let anchor = -1;
  const note = (index: number) => {
    if (anchor === -1 || index < anchor) anchor = index;
  };

  const aadsts: number[] = [];
  const addAadsts = (n: number) => {
    if (Number.isSafeInteger(n) && n > 0 && !aadsts.includes(n)) aadsts.push(n);
  };
  for (const m of allMatches(AADSTS_RE, flat)) {
    addAadsts(Number(m[1]));
    note(m.index);
  }
  for (const re of [ERROR_CODES_RE, MSAL_NODE_CODES_RE]) {
    for (const m of allMatches(re, flat)) {
      for (const part of (m[1] ?? '').split(/[, ]+/)) if (part) addAadsts(Number(part));
      note(m.index);
    }
  }
  for (const m of allMatches(ERROR_URI_RE, flat)) addAadsts(Number(m[1]));

  const oauthErrors = new Set<string>();
  for (const m of allMatches(OAUTH_RE, flat)) {
    if (m[1]) oauthErrors.add(m[1]);
    note(m.index);
  }

  const httpStatus = new Set<number>();
  for (const m of allMatches(HTTP_STATUS_RE, flat)) httpStatus.add(Number(m[1]));

  const replies: ReplyHit[] = [];
  const covered = new Set<number>();
  for (const m of allMatches(PAIR_RE, flat)) {
    const code = Number(m[1]);
    const enhanced = m[2] ?? '';
    replies.push({ code, enhanced, index: m.index });
    covered.add(m.index + m[0].length - enhanced.length);
    note(m.index);
  }
  for (const m of allMatches(ENHANCED_RE, flat)) {
    if (covered.has(m.index)) continue;
    replies.push({ enhanced: m[1] ?? '', index: m.index });
    note(m.index);
  }
  const pairedCodes = new Set(replies.map((r) => r.code));
  for (const m of allMatches(LONE_CODE_RE, lines)) {
    const code = Number(m[1]);
    if (pairedCodes.has(code)) continue;
    pairedCodes.add(code);
    // Index in `lines` differs from `flat`; find the same code in flat for quoting.
    const at = flat.indexOf(String(code));
    replies.push({ code, index: at });
    if (at >= 0) note(at);
  }
  replies.sort((a, b) => a.index - b.index);

  const nodeCodes = new Set<string>();
  for (const m of allMatches(nodeCodeRe, flat)) {
    if (m[1]) nodeCodes.add(m[1].toUpperCase());
    note(m.index);
  }

  const features: TextFeatures = { flat, cased, aadsts, oauthErrors, httpStatus, replies, nodeCodes, anchor };
  const address = ADDRESS_RE.exec(flat);
  if (address?.[1]) {
    features.host = address[1];
    if (address[2]) features.port = Number(address[2]);
  }
  return features;
}

/**
 * Removes anything that could be a credential from text that will be shown: JWTs, bearer tokens,
 * XOAUTH2/base64 blobs, `client_secret=…`-style fields, Entra client secret values (`…8Q~…`).
 */
export function redact(text: string): string {
  return text
    .replace(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.?[A-Za-z0-9_-]*/g, '[redacted token]')
    .replace(/\b(bearer) [A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]')
    .replace(
      /\b(client_secret|client_assertion|access_token|refresh_token|id_token|password|passwd|secret)(["']? ?[=:] ?["']?)[^\s"'&,;]{1,4096}/gi,
      '$1$2[redacted]',
    )
    .replace(/[A-Za-z0-9_.-]{3,5}Q~[A-Za-z0-9_.~-]{20,}/g, '[redacted secret]')
    .replace(/[A-Za-z0-9+/]{60,}={0,2}/g, '[redacted]');
}

/** Makes one line of at most `max` characters, with control characters removed and credentials redacted. */
export function quote(text: string, max = MAX_QUOTE_CHARS): string {
  const clean = redact(unescape(wholeWords(String(text), max * 8)))
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t';

/**
 * The first `size` characters, cut at a word boundary: a credential cut in half would escape
 * redaction, and words are where credentials end.
 */
function wholeWords(text: string, size: number): string {
  if (text.length <= size) return text;
  let end = size;
  while (end > 0 && !isSpace(text[end])) end--;
  return text.slice(0, end);
}

/** Quotes the part of a text around its first recognised code (what the user needs to see). */
export function quoteAround(text: string, features: TextFeatures | undefined, max = MAX_QUOTE_CHARS): string {
  // `flat` is `cased` lower-cased; the positions agree unless lower-casing changed the length.
  if (!features || features.anchor <= 0 || features.flat.length !== features.cased.length) return quote(text, max);
  const cased = features.cased;
  const anchor = Math.min(features.anchor, cased.length);
  // Start at a word boundary shortly before the code, never inside a word (it could be a credential).
  let start = Math.max(0, anchor - 40);
  while (start < anchor && !isSpace(cased[start - 1])) start++;
  return quote((start > 0 ? '… ' : '') + wholeWords(cased.slice(start), max * 8), max);
}

/** A value from the context, safe to put into a command: one line, no control characters, bounded. */
export function safeValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = String(value).replace(/[\u0000-\u001f\u007f]+/g, '').trim().slice(0, 200);
  return v === '' ? undefined : v;
}
