/**
 * Just enough RFC 5322 header parsing for the sandbox to check the From: address against the
 * authenticated mailbox (Exchange checks the header as well as the envelope, catalog B.16) and to
 * record the subject. Not a general MIME parser.
 */

/** Unfolded header fields of the header section, names lower-cased, in order. */
export function parseHeaderFields(raw: string): { name: string; value: string }[] {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end === -1 ? raw : raw.slice(0, end);
  const unfolded = head.replace(/\r?\n(?=[ \t])/g, '');
  const fields: { name: string; value: string }[] = [];
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return fields;
}

export function headerValue(raw: string, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return parseHeaderFields(raw).find((f) => f.name === wanted)?.value;
}

/**
 * The addresses of an address-list header: `"Name" <a@b>, c@d` → ['a@b', 'c@d']. Quoted display
 * names (which may contain commas and `@`) and comments are skipped.
 */
export function parseAddressList(value: string): string[] {
  const withoutQuoted = value.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\((?:[^()\\]|\\.)*\)/g, '');
  const addresses: string[] = [];
  for (const part of withoutQuoted.split(',')) {
    const angle = /<([^<>]*)>/.exec(part);
    const candidate = (angle ? (angle[1] ?? '') : part).trim();
    if (candidate.includes('@')) addresses.push(candidate);
  }
  return addresses;
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`), as nodemailer writes non-ASCII subjects. */
export function decodeEncodedWords(value: string): string {
  // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
  const joined = value.replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?[^?]+\?[bBqQ]\?[^?]*\?=)/g, '$1');
  return joined.replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (whole, charset: string, encoding: string, text: string) => {
    let bytes: Buffer;
    if (encoding.toUpperCase() === 'B') {
      bytes = Buffer.from(text, 'base64');
    } else {
      const qp = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
      bytes = Buffer.from(qp, 'latin1');
    }
    try {
      return new TextDecoder(charset.split('*')[0]).decode(bytes);
    } catch {
      return whole;
    }
  });
}
