/**
 * docs/errors.md, rendered from the catalog (the single source of truth). `npm run errors-doc` writes
 * it; a test fails when the committed file differs from what this renders.
 */
import { ExitCode } from '../exit-codes.js';
import { en } from '../messages/en/index.js';
import type { Message } from '../messages/index.js';
import { catalog, type CatalogEntry, type Domain, type Recognise } from './catalog.js';
import { wordsForFacts } from './words.js';

/** English, whatever language is in use: the reference is generated once, in English. */
function english(m: Message): string {
  const def = (en as Record<string, unknown>)[m.id];
  if (typeof def === 'string') return def;
  return (def as { text: (p: unknown) => string }).text(m.params);
}

/** An entry's words with nothing known: every value a `<placeholder>`. */
const wordsOf = (entry: CatalogEntry) => wordsForFacts(entry.code, {}, english);

const STEPS: Record<1 | 2 | 3 | 4, string> = {
  1: 'Entra ID app: application permission SMTP.SendAsApp, admin consent, client secret',
  2: 'Exchange service principal (New-ServicePrincipal) and mailbox permission (Add-MailboxPermission)',
  3: 'SMTP AUTH on the mailbox (Set-CASMailbox), and tenant policies that block it',
  4: 'the sending application\'s settings (tenant, client id, secret, scope, host, port, STARTTLS, user)',
};

const SECTIONS: { domain: Domain; title: string; intro: string }[] = [
  {
    domain: 'token',
    title: 'A. Entra ID token endpoint',
    intro: 'What the token request can run into (`check` step "Token"). Recognised by the AADSTS number first: Microsoft changes the wording, not the numbers.',
  },
  {
    domain: 'claim',
    title: 'C. Claims of the access token',
    intro: 'Local checks of the token before it is sent to Exchange Online, which would answer each of these with the same opaque `535 5.7.3`.',
  },
  {
    domain: 'smtp',
    title: 'B. SMTP replies of Exchange Online',
    intro: 'Recognised by reply code, enhanced status code and key phrase, whatever the server suffix (`[HOST]`, `[HOST TIMESTAMP ID]`, `[Hostname=HOST]`), case, or the library that wrapped the reply.',
  },
  {
    domain: 'network',
    title: 'Network and TLS',
    intro: 'Failures on the way to Microsoft (Node, OpenSSL and nodemailer codes).',
  },
  {
    domain: 'run',
    title: 'The run itself',
    intro: 'Not the setup: what `--json` reports when a command could not run (the input it was given, a cancelled run). Never recognised in a pasted text.',
  },
  { domain: 'internal', title: 'Internal', intro: 'The last resort.' },
];

const EXIT_NAMES: Record<number, string> = Object.fromEntries(Object.entries(ExitCode).map(([name, code]) => [code, name]));

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** Inline code that survives any content (backticks inside the value). */
function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value.includes('`') ? ` ${value} ` : value}${fence}`;
}

/** A table cell: pipes escaped, one line. */
function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function describeRecogniser(r: Omit<Recognise, 'or'>): string {
  const parts: string[] = [];
  if (r.aadsts) parts.push(r.aadsts.map((n) => code(`AADSTS${n}`)).join(' or '));
  if (r.smtpReply && r.enhanced) parts.push(r.smtpReply.flatMap((c) => r.enhanced?.map((e) => code(`${c} ${e}`)) ?? []).join(' or '));
  else if (r.enhanced) parts.push(r.enhanced.map((e) => code(e)).join(' or '));
  else if (r.smtpReply) parts.push(`reply ${r.smtpReply.map((c) => code(String(c))).join(' or ')}`);
  if (r.nodeCodes) parts.push(r.nodeCodes.map((c) => code(c)).join(', '));
  if (r.oauthError) parts.push(`error ${r.oauthError.map((e) => code(e)).join(' or ')}`);
  if (r.httpStatus) parts.push(`HTTP ${r.httpStatus.join(', ')}`);
  if (r.phrases) parts.push(r.phrases.map((p) => `phrase ${code(`/${p.source}/i`)}`).join(' and '));
  if (r.phases) parts.push(`during ${r.phases.join(' or ')}`);
  if (r.sendAsRole) {
    parts.push(
      r.sendAsRole === 'present'
        ? 'after a token **with** SMTP.SendAsApp'
        : r.sendAsRole === 'absent'
          ? 'after a token **without** SMTP.SendAsApp'
          : 'when the token\'s roles are not known',
    );
  }
  if (r.claim) parts.push(`local claims check: ${code(r.claim)}`);
  return parts.join(', ');
}

function recognition(entry: CatalogEntry): string {
  const alternatives = [entry.recognise, ...(entry.recognise.or ?? [])].map(describeRecogniser).filter((s) => s !== '');
  if (entry.domain === 'run') return 'never in an answer or a text: reported from the command\'s own error (with `--json`)';
  if (alternatives.length === 0) return 'only as a fallback, when nothing more specific matches';
  return alternatives.join('; or ') + (entry.generic ? ' (only when nothing more specific matches)' : '');
}

function anchor(entry: CatalogEntry): string {
  return entry.code;
}

function renderEntry(entry: CatalogEntry): string[] {
  const words = wordsOf(entry);
  const lines = [`### ${entry.code}`, '', `**${words.title}**`, ''];
  lines.push(`- Microsoft says: ${entry.source ? code(entry.source) : '— (local check or fallback)'}`);
  if (entry.example) lines.push(`- Example: ${code(entry.example.trim())}`);
  lines.push(`- Recognised by: ${recognition(entry)}`);
  lines.push(`- Setup step: ${entry.step ? `${entry.step} — ${STEPS[entry.step]}` : 'none of the four'}`);
  lines.push(`- Transient: ${yesNo(entry.transient)}`);
  lines.push(`- Propagation: ${yesNo(entry.propagation)}`);
  lines.push(`- Exit code: ${entry.exitCode} (${EXIT_NAMES[entry.exitCode] ?? '?'})`);
  if (entry.learnMore) lines.push(`- Learn more: <${entry.learnMore}>`);
  lines.push('', `What happened: ${words.summary}`, '', 'Fix (your values are filled in where `<placeholders>` stand):', '', '```text', words.fix, '```', '');
  return lines;
}

/** The whole of docs/errors.md. Deterministic: the same catalog renders the same bytes. */
export function renderErrorsDoc(): string {
  const lines: string[] = [
    '# Error reference',
    '',
    '<!-- Generated from src/diagnose/catalog.ts by `npm run errors-doc`. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    'Every answer Entra ID and Exchange Online give in the OAuth2 client-credentials (XOAUTH2) flow, and the',
    'network failures on the way, becomes one of the diagnoses below: the cause, the setup step that fixes',
    'it, the exact command or portal action, and whether waiting may help. `smtp-oauth-setup check` reports',
    'them from what Microsoft answers; `smtp-oauth-setup explain "<error text>"` recognises them in pasted',
    'text (any library\'s wording, a log line, a token-endpoint JSON body); `smtp-oauth-setup demo --scenario',
    '<name>` stages most of them against the built-in sandbox (`sandbox --list-scenarios`).',
    '',
    'The setup steps:',
    '',
    ...([1, 2, 3, 4] as const).map((n) => `${n}. ${STEPS[n]}`),
    '',
    'Two fields say whether waiting may help (both are in the JSON of `check` and `explain`):',
    '',
    '- **Transient**: the same request, unchanged, with nobody doing anything, may succeed later (throttling,',
    '  Microsoft-side temporary failures, timeouts). `check --wait`, fleet retries (`--targets`) and the wizard',
    '  retry these; a monitoring job may simply try again later.',
    '- **Propagation**: Exchange Online or Entra ID also gives this answer while a change of steps 1–3 made in',
    '  the last minutes to hours is not in effect yet, so waiting helps *only if* someone just made one.',
    '  `check --wait 30m` and the wizard retry these with a fresh token; fleet retries and a plain `check` do',
    '  not: a monitoring job should report them to a person.',
    '',
    'Neither is ever retried for a configuration error such as a wrong secret or an unknown tenant.',
    '',
    '| Code | Microsoft says | Step | Transient | Propagation | Exit |',
    '|---|---|---|---|---|---|',
  ];
  for (const section of SECTIONS) {
    for (const entry of catalog.filter((e) => e.domain === section.domain)) {
      lines.push(
        `| [${entry.code}](#${anchor(entry)}) | ${entry.source ? cell(code(entry.source)) : '—'} | ${entry.step ?? '—'} | ${yesNo(entry.transient)} | ${yesNo(entry.propagation)} | ${entry.exitCode} |`,
      );
    }
  }
  lines.push('');
  for (const section of SECTIONS) {
    const entries = catalog.filter((e) => e.domain === section.domain);
    if (entries.length === 0) continue;
    lines.push(`## ${section.title}`, '', section.intro, '');
    for (const entry of entries) lines.push(...renderEntry(entry));
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
