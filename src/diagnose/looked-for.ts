/**
 * What the recogniser looks for in a text, described from the catalog itself (so the description
 * never lags behind the table). `explain` prints it when nothing in a pasted text was recognised.
 */
import { catalog, type Recognise } from './catalog.js';
import { OAUTH_ERROR_CLASSES } from './text.js';

export interface LookedFor {
  /** What kind of evidence, in a few words. */
  kind: string;
  /** How many distinct values of this kind the catalog knows. */
  known: number;
  /** A few of them, most common first (catalog order). */
  examples: string[];
}

function recognisers(): Omit<Recognise, 'or'>[] {
  return catalog.flatMap((e) => [e.recognise, ...(e.recognise.or ?? [])]);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The kinds of evidence the catalog recognises, with counts and examples. */
export function whatIsLookedFor(): LookedFor[] {
  const all = recognisers();
  const aadsts = unique(all.flatMap((r) => r.aadsts ?? [])).map((n) => `AADSTS${n}`);
  const replies = unique(
    all.flatMap((r) =>
      r.enhanced
        ? r.enhanced.flatMap((e) => (r.smtpReply ? r.smtpReply.map((c) => `${c} ${e}`) : [e]))
        : [],
    ),
  );
  const nodeCodes = unique(all.flatMap((r) => r.nodeCodes ?? []));
  const phrases = all.filter((r) => r.phrases && r.phrases.length > 0).length;
  return [
    {
      kind: 'Entra ID error codes (AADSTS<number>, or "error_codes": [...] in the token endpoint\'s answer)',
      known: aadsts.length,
      examples: aadsts.slice(0, 4),
    },
    {
      kind: 'SMTP replies: a reply code with an enhanced status code (any other 4xx or 5xx reply gets a general diagnosis)',
      known: replies.length,
      examples: replies.filter((r) => r.includes(' ')).slice(0, 4),
    },
    { kind: 'OAuth error classes', known: OAUTH_ERROR_CLASSES.length, examples: ['invalid_client', 'unauthorized_client', 'temporarily_unavailable'] },
    { kind: 'network and TLS error codes', known: nodeCodes.length, examples: ['ECONNREFUSED', 'ETIMEDOUT', 'SELF_SIGNED_CERT_IN_CHAIN'] },
    { kind: 'key phrases of Microsoft\'s and common libraries\' messages', known: phrases, examples: ['disabled for the Tenant', 'basic authentication is disabled', 'connection refused'] },
  ];
}
