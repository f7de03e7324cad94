/**
 * What the recogniser looks for in a text, described from the catalog itself (so the description
 * never lags behind the table). `explain` prints it when nothing in a pasted text was recognised.
 */
import { t } from '../messages/index.js';
import { catalog, type Recognise } from './catalog.js';
import { OAUTH_ERROR_CLASSES } from './text.js';

export interface LookedFor {
  /** What kind of evidence, in a few words (in the language in use). */
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
      kind: t('diagnosis.looked-for.aadsts'),
      known: aadsts.length,
      examples: aadsts.slice(0, 4),
    },
    {
      kind: t('diagnosis.looked-for.smtp-replies'),
      known: replies.length,
      examples: replies.filter((r) => r.includes(' ')).slice(0, 4),
    },
    { kind: t('diagnosis.looked-for.oauth-errors'), known: OAUTH_ERROR_CLASSES.length, examples: ['invalid_client', 'unauthorized_client', 'temporarily_unavailable'] },
    { kind: t('diagnosis.looked-for.network-codes'), known: nodeCodes.length, examples: ['ECONNREFUSED', 'ETIMEDOUT', 'SELF_SIGNED_CERT_IN_CHAIN'] },
    { kind: t('diagnosis.looked-for.phrases'), known: phrases, examples: ['disabled for the Tenant', 'basic authentication is disabled', 'connection refused'] },
  ];
}
