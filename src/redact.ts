/**
 * One redaction layer for every way out (terminal, JSON, files, library error messages). It knows the
 * secrets of this run and the forms they travel in: raw, URL/form-encoded (the token request body),
 * JSON-escaped, base64 at any alignment (the XOAUTH2 blob is base64 of `user=…\x01auth=Bearer <token>\x01\x01`),
 * and it replaces anything shaped like a JWT even when it was never registered.
 */
const JWT_SHAPE = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const REPLACEMENT = '[redacted]';
// Shorter fragments would match too much ordinary text; no real secret or token is this short.
const MIN_NEEDLE = 6;

export class Redactor {
  #needles = new Set<string>();
  // Longest first, so a form containing another is replaced whole; rebuilt after new secrets only
  // (a fleet run registers thousands of forms: one token per app, its XOAUTH2 form per mailbox).
  #sorted: string[] | null = [];

  /** Registers a secret value (client secret, access token) and its encoded forms. */
  protect(value: string): void {
    if (value.length < MIN_NEEDLE) return;
    const forms = new Set<string>([
      value,
      encodeURIComponent(value),
      new URLSearchParams({ v: value }).toString().slice(2),
      JSON.stringify(value).slice(1, -1),
      ...base64Fragments(value),
    ]);
    for (const form of forms) if (form.length >= MIN_NEEDLE) this.#needles.add(form);
    this.#sorted = null;
  }

  /** Registers the XOAUTH2 blob for this user and token, as sent on the wire. */
  protectXoauth2(user: string, accessToken: string): void {
    this.protect(Buffer.from(`user=${user}\x01auth=Bearer ${accessToken}\x01\x01`).toString('base64'));
  }

  redact(text: string): string {
    let out = text;
    this.#sorted ??= [...this.#needles].sort((a, b) => b.length - a.length);
    for (const needle of this.#sorted) if (out.includes(needle)) out = out.split(needle).join(REPLACEMENT);
    return out.replace(JWT_SHAPE, REPLACEMENT);
  }
}

/**
 * The base64 text of a value depends on its byte offset within the encoded whole. For each of the
 * three alignments, the characters that depend only on the value itself are a fragment that appears
 * in any base64 encoding containing it.
 */
export function base64Fragments(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const fragments: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64');
    // Skip characters that mix in the padding bytes before, and the last group (mixed with what follows).
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor((padded.length * 8) / 6);
    const fragment = encoded.slice(start, end);
    if (fragment.length >= MIN_NEEDLE) fragments.push(fragment);
  }
  return fragments;
}
