import type { CheckReport } from '../check/run.js';
import { t } from '../messages/index.js';

/**
 * What the CI outputs and the fleet's summary read of a checked target: a CheckReport has it, and so
 * has a target of a fleet's JSON (which `report merge` reads back).
 */
export type TargetReportView = Pick<CheckReport, 'ok' | 'exitCode' | 'diagnosis' | 'warnings'> & {
  plan: { smtp: { user: string } };
  smtp: Pick<CheckReport['smtp'], 'response' | 'messageId'>;
};

/** One checked target (a single `check` is a fleet of one named after its mailbox). */
export interface TargetResult {
  name: string;
  report: TargetReportView;
}

// Workflow command escaping (GitHub Actions toolkit, core/command.ts): data escapes %, CR, LF;
// property values also escape ':' and ','.
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error` for each failing target and `::warning` for each warning (an expiring secret), for the
 * GitHub Actions runner, which reads them from stderr as well as stdout.
 */
export function githubAnnotations(results: readonly TargetResult[]): string[] {
  const lines: string[] = [];
  for (const { name, report } of results) {
    const d = report.diagnosis;
    if (d) {
      const title = t('report.github.error-title', { name, code: d.code, ...(d.step && { step: d.step }) });
      lines.push(`::error title=${escapeProperty(title)}::${escapeData(`${d.summary}\n${d.fix}`)}`);
    }
    for (const warning of report.warnings) {
      lines.push(`::warning title=${escapeProperty(t('report.github.warning-title', { name }))}::${escapeData(warning)}`);
    }
  }
  return lines;
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown summary for `$GITHUB_STEP_SUMMARY`: one row per target, then the fixes of the failures. */
export function githubStepSummary(results: readonly TargetResult[]): string {
  const failed = results.filter((r) => !r.report.ok);
  const columns = (['target', 'result', 'step', 'exit', 'details'] as const).map((column) => t(`report.github.column.${column}`));
  const lines = [
    `### ${t('report.github.heading', { passed: results.length - failed.length, total: results.length })}`,
    '',
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...results.map(({ name, report }) => {
      const d = report.diagnosis;
      return `| ${cell(name)} | ${report.ok ? `✅ ${t('report.github.ok')}` : `❌ ${d?.code ?? t('report.github.failed')}`} | ${d?.step ?? ''} | ${report.exitCode} | ${cell(d ? d.summary : report.smtp.response ?? '')} |`;
    }),
  ];
  for (const { name, report } of failed) {
    if (!report.diagnosis) continue;
    lines.push('', `#### ${cell(t('report.github.how-to-fix', { name }))}`, '', '```', report.diagnosis.fix, '```');
  }
  const warned = results.filter((r) => r.report.warnings.length > 0);
  if (warned.length > 0) {
    lines.push('', `#### ${t('report.github.warnings')}`, '');
    for (const { name, report } of warned) for (const w of report.warnings) lines.push(`- **${cell(name)}**: ${cell(w)}`);
  }
  return lines.join('\n') + '\n';
}
