/**
 * docs/errors.md (English) and docs/errors.de.md (German), rendered from the catalog (the single
 * source of truth) and the messages of each language. `npm run errors-doc` writes them; a test fails
 * when a committed file differs from what this renders. Markdown markup is layout, here; the words
 * are messages (src/messages/<language>/diagnosis-doc.ts and the entries' own).
 */
import { ExitCode } from '../exit-codes.js';
import { de } from '../messages/de/index.js';
import { en } from '../messages/en/index.js';
import { learnUrl, type Message, type MessageId, type MessageParams } from '../messages/index.js';
import type { Language } from '../messages/language.js';
import { vocabularyDe } from '../messages/vocabulary/de.js';
import { vocabularyEn } from '../messages/vocabulary/en.js';
import { catalog, type CatalogEntry, type Domain, type Recognise } from './catalog.js';
import { wordsForFacts } from './words.js';

/** The file each language's reference is written to. */
export const ERRORS_DOC_FILES: Readonly<Record<Language, string>> = { en: 'docs/errors.md', de: 'docs/errors.de.md' };

const TEXTS = { en, de } as const;
const VOCABULARIES = { en: vocabularyEn, de: vocabularyDe } as const;

/** Renders in one language, whatever language is in use (the references are generated, not printed). */
function rendererFor(language: Language) {
  const texts = TEXTS[language] as Record<string, unknown>;
  const render = (m: Message): string => {
    const text = texts[m.id];
    if (typeof text === 'string') return text;
    if (typeof text === 'function') return (text as (p: unknown) => string)(m.params);
    return (text as { text: (p: unknown) => string }).text(m.params);
  };
  const t = <K extends MessageId>(id: K, params?: MessageParams<K>) => render({ id, params: params ?? {} } as Message);
  return { render, t };
}

const SECTIONS: readonly Domain[] = ['token', 'claim', 'smtp', 'network', 'admin', 'run', 'internal'];

const EXIT_NAMES: Record<number, string> = Object.fromEntries(Object.entries(ExitCode).map(([name, code]) => [code, name]));


/** Inline code that survives any content (backticks inside the value). */
function code(value: string): string {
  const fence = value.includes('`') ? '``' : '`';
  return `${fence}${value.includes('`') ? ` ${value} ` : value}${fence}`;
}

/** A table cell: pipes escaped, one line. */
function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

type T = ReturnType<typeof rendererFor>['t'];

function describeRecogniser(r: Omit<Recognise, 'or'>, t: T): string {
  const parts: string[] = [];
  if (r.aadsts) parts.push(t('diagnosis.doc.recognise.any', { codes: r.aadsts.map((n) => code(`AADSTS${n}`)) }));
  if (r.smtpReply && r.enhanced) parts.push(t('diagnosis.doc.recognise.any', { codes: r.smtpReply.flatMap((c) => r.enhanced?.map((e) => code(`${c} ${e}`)) ?? []) }));
  else if (r.enhanced) parts.push(t('diagnosis.doc.recognise.any', { codes: r.enhanced.map((e) => code(e)) }));
  else if (r.smtpReply) parts.push(t('diagnosis.doc.recognise.reply', { codes: r.smtpReply.map((c) => code(String(c))) }));
  if (r.nodeCodes) parts.push(r.nodeCodes.map((c) => code(c)).join(', '));
  if (r.oauthError) parts.push(t('diagnosis.doc.recognise.error', { codes: r.oauthError.map((e) => code(e)) }));
  if (r.httpStatus) parts.push(`HTTP ${r.httpStatus.join(', ')}`);
  if (r.phrases) parts.push(t('diagnosis.doc.recognise.phrases', { phrases: r.phrases.map((p) => code(`/${p.source}/i`)) }));
  if (r.phases) parts.push(t('diagnosis.doc.recognise.phases', { phases: r.phases }));
  if (r.sendAsRole) {
    parts.push(
      t(r.sendAsRole === 'present' ? 'diagnosis.doc.recognise.role-present' : r.sendAsRole === 'absent' ? 'diagnosis.doc.recognise.role-absent' : 'diagnosis.doc.recognise.role-unknown'),
    );
  }
  if (r.claim) parts.push(t('diagnosis.doc.recognise.claim', { check: code(r.claim) }));
  return parts.join(', ');
}

function recognition(entry: CatalogEntry, t: T): string {
  const alternatives = [entry.recognise, ...(entry.recognise.or ?? [])].map((r) => describeRecogniser(r, t)).filter((s) => s !== '');
  if (entry.domain === 'run') return t('diagnosis.doc.recognise.run');
  if (alternatives.length === 0) return t('diagnosis.doc.recognise.fallback');
  const how = t('diagnosis.doc.recognise.alternatives', { alternatives });
  return entry.generic ? t('diagnosis.doc.recognise.generic', { how }) : how;
}

function anchor(entry: CatalogEntry): string {
  return entry.code;
}

function renderEntry(entry: CatalogEntry, language: Language): string[] {
  const { render, t } = rendererFor(language);
  const yesNo = (value: boolean) => t(value ? 'diagnosis.doc.yes' : 'diagnosis.doc.no');
  const step = (n: 1 | 2 | 3 | 4) => t(`diagnosis.doc.step.${n}`);
  // Nothing known: every value a `<placeholder>` of the language.
  const words = wordsForFacts(entry.code, {}, render);
  const lines = [`### ${entry.code}`, '', `**${words.title}**`, ''];
  lines.push(`- ${t('diagnosis.doc.field.source')}: ${entry.source ? code(entry.source) : t('diagnosis.doc.field.no-source')}`);
  if (entry.example) lines.push(`- ${t('diagnosis.doc.field.example')}: ${code(entry.example.trim())}`);
  lines.push(`- ${t('diagnosis.doc.field.recognised-by')}: ${recognition(entry, t)}`);
  lines.push(`- ${t('diagnosis.doc.field.step')}: ${entry.step ? t('diagnosis.doc.field.step-value', { step: entry.step, title: step(entry.step) }) : t('diagnosis.doc.field.no-step')}`);
  lines.push(`- ${t('diagnosis.doc.field.transient')}: ${yesNo(entry.transient)}`);
  lines.push(`- ${t('diagnosis.doc.field.propagation')}: ${yesNo(entry.propagation)}`);
  lines.push(`- ${t('diagnosis.doc.field.exit-code')}: ${entry.exitCode} (${EXIT_NAMES[entry.exitCode] ?? '?'})`);
  if (entry.learnMore) lines.push(`- ${t('diagnosis.doc.field.learn-more')}: <${learnUrl(entry.learnMore, VOCABULARIES[language])}>`);
  lines.push('', `${t('diagnosis.doc.what-happened')}: ${words.summary}`, '', t('diagnosis.doc.fix-heading'), '', '```text', words.fix, '```', '');
  return lines;
}

/** The whole reference in a language (docs/errors.md in English). Deterministic: the same catalog renders the same bytes. */
export function renderErrorsDoc(language: Language = 'en'): string {
  const { t } = rendererFor(language);
  const yesNo = (value: boolean) => t(value ? 'diagnosis.doc.yes' : 'diagnosis.doc.no');
  const columns = (['code', 'source', 'step', 'transient', 'propagation', 'exit'] as const).map((c) => t(`diagnosis.doc.column.${c}`));
  const lines: string[] = [
    `# ${t('diagnosis.doc.heading')}`,
    '',
    `<!-- ${t('diagnosis.doc.generated')} -->`,
    '',
    t('diagnosis.doc.intro'),
    '',
    t('diagnosis.doc.steps'),
    '',
    ...([1, 2, 3, 4] as const).map((n) => `${n}. ${t(`diagnosis.doc.step.${n}`)}`),
    '',
    t('diagnosis.doc.waiting'),
    '',
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
  ];
  for (const domain of SECTIONS) {
    for (const entry of catalog.filter((e) => e.domain === domain)) {
      lines.push(
        `| [${entry.code}](#${anchor(entry)}) | ${entry.source ? cell(code(entry.source)) : '—'} | ${entry.step ?? '—'} | ${yesNo(entry.transient)} | ${yesNo(entry.propagation)} | ${entry.exitCode} |`,
      );
    }
  }
  lines.push('');
  for (const domain of SECTIONS) {
    const entries = catalog.filter((e) => e.domain === domain);
    if (entries.length === 0) continue;
    lines.push(`## ${t(`diagnosis.doc.section.${domain}.title`)}`, '', t(`diagnosis.doc.section.${domain}.intro`), '');
    for (const entry of entries) lines.push(...renderEntry(entry, language));
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
