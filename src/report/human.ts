import type { ChalkInstance } from 'chalk';
import type { CheckReport } from '../check/run.js';
import { whatIsLookedFor } from '../diagnose/looked-for.js';
import type { Diagnosis } from '../diagnose/types.js';
import { isMessage, learnUrl, type Message, render, t } from '../messages/index.js';
import { SEND_AS_APP_ROLE } from '../exchange-online.js';
import { claimLabel, claimRows, type ClaimsView } from './claims.js';

const words = (text: Message | string) => (isMessage(text) ? render(text) : text);
import type { Output } from '../output.js';

/** The result of a check for a person: what worked, the claims that matter, and the diagnosis. */
export function renderCheckReport(report: CheckReport, output: Output): void {
  output.result(checkReportLines(report, output.color).join('\n'));
}

/** The lines of `renderCheckReport` (also what the snapshot tests read). */
export function checkReportLines(report: CheckReport, c: ChalkInstance): string[] {
  const lines: string[] = [''];
  const claims = report.token.claims;

  if (report.ok) {
    if (report.smtp.messageId) {
      lines.push(c.green.bold(`✔ ${t('check.report.message-accepted')}`));
      lines.push(`  ${t('check.report.reply', { response: report.smtp.response ?? '' })}`);
    } else {
      lines.push(c.green.bold(`✔ ${t('check.report.token-accepted', { mailbox: report.plan.smtp.user })}`));
      lines.push(`  ${t('check.report.nothing-sent')}`);
    }
    if (report.smtp.tlsVersion) lines.push(`  ${t('check.report.tls', { version: report.smtp.tlsVersion })}`);
  }

  if (claims) lines.push('', c.bold(t('check.claims.heading')), ...claimLines(claims, c).map((l) => `  ${l}`));

  // What the SMTP connection (opened beside the token request) proved before the check stopped: facts
  // beside a diagnosis that came earlier (the token) or at AUTH. After the claims: step order.
  if (!report.ok && !report.smtp.authenticated && report.smtp.reachable === true) lines.push('', ...renderSmtpFacts(report.smtp, c));

  const d = report.diagnosis;
  if (d) {
    lines.push('', ...renderDiagnosis(d, c));
    if (report.smtp.response && !d.summary.includes(report.smtp.response)) lines.push(`  ${c.dim(t('check.report.server-said', { response: report.smtp.response }))}`);
  }

  if (report.warnings.length > 0) {
    lines.push('', c.yellow.bold(t('check.report.warnings')));
    for (const warning of report.warnings) lines.push(`  ! ${warning}`);
  }
  return lines;
}

/** The claims laid out: labels in one column, then the note (a problem in yellow, a good sign in green, a remark dimmed). */
export function claimLines(claims: ClaimsView, c: ChalkInstance): string[] {
  const rows = claimRows(claims, SEND_AS_APP_ROLE);
  const labels = rows.map((row) => words(claimLabel(row)));
  const width = Math.max(...labels.map((label) => label.length));
  return rows.map((row, i) => {
    const tone = row.tone === 'good' ? c.green : row.tone === 'bad' ? c.yellow : c.dim;
    const note = row.note === undefined ? '' : `  ${tone(words(row.note))}`;
    return `${labels[i]!.padEnd(width)} ${words(row.value)}${note}`;
  });
}

/** What the SMTP server showed without a token: reachable, its TLS, the AUTH mechanisms it offers inside TLS. */
function renderSmtpFacts(smtp: CheckReport['smtp'], c: ChalkInstance): string[] {
  const rows: [string, string][] = [
    [t('check.smtp-facts.reachable'), t('check.smtp-facts.reachable-yes')],
    ['TLS', smtp.tlsVersion ?? c.yellow(t('check.smtp-facts.tls-not-started'))],
  ];
  if (smtp.authMechanisms) {
    const offered = smtp.authMechanisms.length ? smtp.authMechanisms.join(', ') : t('check.smtp-facts.no-mechanisms');
    rows.push(['AUTH', `${offered}${smtp.authMechanisms.includes('XOAUTH2') ? '' : `  ${c.yellow(`← ${t('check.smtp-facts.no-xoauth2')}`)}`}`]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return [c.bold(t('check.smtp-facts.heading', { host: smtp.host, port: smtp.port })), ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)];
}

/** The fields of a diagnosis a person reads (a CheckReport's diagnosis, or one from `explain`). */
export type DiagnosisView = Pick<Diagnosis, 'summary' | 'step' | 'transient' | 'propagation' | 'fix' | 'source'> & { learnMore?: string | null };

/**
 * One diagnosis for a person: what happened, the setup step, whether waiting may help, the fix, and
 * what was recognised. Shared by `check` (and the front-ends over it) and `explain`.
 */
export function renderDiagnosis(d: DiagnosisView, c: ChalkInstance): string[] {
  const lines = [c.red.bold(`✖ ${d.summary}`)];
  const step = d.step
    ? t('check.diagnosis.step', { step: String(d.step) as '1' | '2' | '3' | '4', name: t(`step.${d.step}.title`) })
    : t('check.diagnosis.no-step');
  lines.push(`  ${c.bold(t('check.diagnosis.step-label'))}: ${step}`);
  // Transient first: it heals by itself, whatever anyone changed or not.
  if (d.transient) lines.push(`  ${c.yellow(t('check.diagnosis.transient-label'))}: ${t('check.diagnosis.transient')}`);
  else if (d.propagation) lines.push(`  ${c.yellow(t('check.diagnosis.propagation-label'))}: ${t('check.diagnosis.propagation')}`);
  lines.push(`  ${c.bold(t('check.diagnosis.fix-label'))}:`);
  for (const fixLine of d.fix.split('\n')) lines.push(`    ${fixLine}`);
  if (d.source) lines.push(`  ${c.dim(t('check.diagnosis.recognised', { source: d.source }))}`);
  if (d.learnMore) lines.push(`  ${c.dim(t('check.diagnosis.more', { url: learnUrl(d.learnMore) }))}`);
  return lines;
}

/** `explain` for a person: the most specific diagnosis, then the others found in the same text. */
export function explainLines(result: { diagnosis: DiagnosisView; others: readonly (Pick<Diagnosis, 'code' | 'source' | 'summary'>)[] }, c: ChalkInstance): string[] {
  const lines = ['', ...renderDiagnosis(result.diagnosis, c)];
  if (result.others.length > 0) {
    lines.push('', c.bold(t('explain.also-found')));
    for (const other of result.others) lines.push(`  - ${other.code}${other.source ? ` (${other.source})` : ''}: ${other.summary}`);
  }
  return lines;
}

/** `explain` when nothing was recognised: what it looks for, and what to try instead. */
export function notRecognisedLines(): string[] {
  return [
    t('explain.not-recognised'),
    ...whatIsLookedFor().map((l) => `  - ${t('explain.looked-for', { kind: l.kind, examples: l.examples, known: l.known })}`),
    t('explain.suggestion'),
  ];
}
