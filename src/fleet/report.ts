import { checkReportJson, type CheckReportJson, type DiagnosisJson, type ErrorJson } from '../report/json.js';
import { ExitCode } from '../exit-codes.js';
import { currentLanguage, t } from '../messages/index.js';
import type { Language } from '../messages/language.js';
import type { ChalkInstance } from 'chalk';
import type { Output } from '../output.js';
import { renderDiagnosis } from '../report/human.js';
import type { TargetReportView, TargetResult } from '../report/github.js';
import type { FleetResult, FleetRun } from './run.js';
import type { Shard } from './shard.js';

/**
 * The result of a fleet run: the exit code (the worst class among the targets), totals, one JSON
 * object, a table for a person, and progress on stderr while it runs.
 */

/**
 * Most serious first: the earliest stage that failed. An internal error or invalid input means the
 * check itself could not run; a token failure stops before SMTP, AUTH before the message, and a
 * network or temporary failure says least about the setup (it usually passes on the next run).
 */
export const EXIT_SEVERITY: readonly number[] = [
  ExitCode.internal,
  ExitCode.input,
  ExitCode.token,
  ExitCode.smtpAuth,
  ExitCode.smtpMessage,
  ExitCode.network,
];

/** The run's exit code: the most serious class among the targets' (0 when all passed or there were none). */
export function worstExitCode(codes: Iterable<number>): number {
  let worst: number = ExitCode.ok;
  const rank = (code: number) => (code === ExitCode.ok ? Number.POSITIVE_INFINITY : EXIT_SEVERITY.includes(code) ? EXIT_SEVERITY.indexOf(code) : -1);
  for (const code of codes) if (rank(code) < rank(worst)) worst = code;
  return worst;
}

export interface FleetTotals {
  targets: number;
  passed: number;
  failed: number;
  /** Targets with at least one warning (an expiring secret, a claim to look at). */
  warned: number;
  /** How many targets ended with each exit code, e.g. `{ "0": 498, "4": 2 }`. */
  byExitCode: Record<string, number>;
  /** Token acquisitions: one per tenant, app and credential (more only after a temporary failure). */
  tokens: number;
  /** Attempts beyond the first, after temporary failures. */
  retries: number;
  durationMs: number;
}

/**
 * What totals are counted from: a fleet run, or the results of several read back from their JSON
 * (`report merge`). Token acquisitions are counted by the run that made them.
 */
export interface TotalsSource {
  results: ReadonlyArray<{ report: Pick<TargetReportView, 'ok' | 'exitCode' | 'warnings'>; attempts: readonly unknown[] }>;
  tokenAcquisitions: number;
}

export function fleetTotals(run: TotalsSource, durationMs: number): FleetTotals {
  const byExitCode: Record<string, number> = {};
  for (const { report } of run.results) byExitCode[report.exitCode] = (byExitCode[report.exitCode] ?? 0) + 1;
  const passed = run.results.filter((r) => r.report.ok).length;
  return {
    targets: run.results.length,
    passed,
    failed: run.results.length - passed,
    warned: run.results.filter((r) => r.report.warnings.length > 0).length,
    byExitCode,
    tokens: run.tokenAcquisitions,
    retries: run.results.reduce((n, r) => n + r.attempts.length - 1, 0),
    durationMs: Math.round(durationMs),
  };
}

/** One entry per target: the single check's JSON, with the target's name, duration and every attempt. */
export type FleetTargetJson = { name: string; durationMs: number } & CheckReportJson;

/**
 * `check --targets --json` (schema/fleet.schema.json). `diagnosis` and `error` concern the run as a
 * whole: null when every target was checked (each result has its own diagnosis), set when the run
 * could not start (src/report/json.ts `errorJson`).
 */
export interface FleetJson {
  /** The language of the words meant for a person (summaries, fixes, warnings); codes and keys are English. */
  lang: Language;
  ok: boolean;
  exitCode: number;
  diagnosis: DiagnosisJson | null;
  error: ErrorJson | null;
  /** Which part of the targets file this run checked (`--shard`); null for the whole file or a merged report. */
  shard: Shard | null;
  totals: FleetTotals;
  results: FleetTargetJson[];
}

export function fleetJson(run: FleetRun, totals: FleetTotals, shard: Shard | null = null): FleetJson {
  return fleetJsonOf(
    run.results.map((r) => ({ name: r.name, durationMs: Math.round(r.durationMs), ...checkReportJson({ ...r.report, attempts: r.attempts }) })),
    totals,
    shard,
  );
}

/** The fleet's JSON from results already in their JSON form (a run's, or those `report merge` read). */
export function fleetJsonOf(results: FleetTargetJson[], totals: FleetTotals, shard: Shard | null): FleetJson {
  const exitCode = worstExitCode(results.map((r) => r.exitCode));
  return { lang: currentLanguage(), ok: exitCode === ExitCode.ok, exitCode, diagnosis: null, error: null, shard: shard && { index: shard.index, count: shard.count }, totals, results };
}

/** Which kind of failure an exit code is, for the summary's last line. */
const EXIT_KINDS: Record<number, 'internal' | 'input' | 'token' | 'smtp-auth' | 'smtp-message' | 'network'> = {
  [ExitCode.internal]: 'internal',
  [ExitCode.input]: 'input',
  [ExitCode.token]: 'token',
  [ExitCode.smtpAuth]: 'smtp-auth',
  [ExitCode.smtpMessage]: 'smtp-message',
  [ExitCode.network]: 'network',
};

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** For a person: a table of every target, then each failure's diagnosis, the warnings, and the totals. */
export function renderFleetSummary(run: { results: readonly TargetResult[] }, totals: FleetTotals, output: Output): void {
  output.result(fleetSummaryLines(run, totals, output.color).join('\n'));
}

/** The lines of `renderFleetSummary` (also what the snapshot tests read). */
export function fleetSummaryLines(run: { results: readonly TargetResult[] }, totals: FleetTotals, c: ChalkInstance): string[] {
  const rows = run.results.map(({ name, report }) => ({
    name: fit(name, 40),
    mailbox: fit(report.plan.smtp.user, 44),
    result: report.ok ? t(report.smtp.messageId ? 'fleet.result.sent' : 'fleet.result.authenticated') : (report.diagnosis?.code ?? t('fleet.result.failed')),
    ok: report.ok,
    exit: String(report.exitCode),
    step: report.diagnosis?.step ? String(report.diagnosis.step) : '',
    warned: report.warnings.length > 0,
  }));
  const title = { name: t('fleet.column.target'), mailbox: t('fleet.column.mailbox'), result: t('fleet.column.result'), exit: t('fleet.column.exit'), step: t('fleet.column.step') };
  const width = (pick: (r: (typeof rows)[number]) => string, heading: string) => Math.max(heading.length, ...rows.map((r) => pick(r).length));
  const w = {
    name: width((r) => r.name, title.name),
    mailbox: width((r) => r.mailbox, title.mailbox),
    result: width((r) => r.result, title.result) + 2,
    exit: Math.max(4, title.exit.length),
    step: Math.max(4, title.step.length),
  };
  const lines = ['', c.bold(`${title.name.padEnd(w.name)}  ${title.mailbox.padEnd(w.mailbox)}  ${title.result.padEnd(w.result)}  ${title.exit.padStart(w.exit)}  ${title.step.padStart(w.step)}`)];
  for (const r of rows) {
    const mark = r.ok ? c.green('✔') : c.red('✖');
    const result = `${mark} ${r.result}`.padEnd(w.result + (mark.length - 1));
    const line = `${r.name.padEnd(w.name)}  ${r.mailbox.padEnd(w.mailbox)}  ${result}  ${r.exit.padStart(w.exit)}  ${r.step.padStart(w.step)}`.trimEnd();
    lines.push(r.warned ? `${line}  ${c.yellow(`! ${t('fleet.result.warning')}`)}` : line);
  }

  for (const { name, report } of run.results) {
    if (!report.diagnosis) continue;
    lines.push('', c.bold(`${name} (${report.plan.smtp.user})`), ...renderDiagnosis(report.diagnosis, c).map((l) => `  ${l}`));
    if (report.smtp.response && !report.diagnosis.summary.includes(report.smtp.response)) {
      lines.push(`    ${c.dim(t('check.report.server-said', { response: report.smtp.response }))}`);
    }
  }
  const warned = run.results.filter((r) => r.report.warnings.length > 0);
  if (warned.length > 0) {
    lines.push('', c.yellow.bold(t('check.report.warnings')));
    for (const { name, report } of warned) for (const warning of report.warnings) lines.push(`  ! ${name}: ${warning}`);
  }

  const exitCode = worstExitCode(run.results.map((r) => r.report.exitCode));
  const byExitCode = Object.entries(totals.byExitCode)
    .filter(([code]) => code !== '0')
    .map(([code, count]) => ({ exitCode: Number(code), count }));
  const parts = [
    (totals.failed === 0 ? c.green.bold : c.red.bold)(t('fleet.summary.passed', { passed: totals.passed, targets: totals.targets })),
    ...(totals.failed ? [t('fleet.summary.failed', { failed: totals.failed, byExitCode })] : []),
    t('fleet.summary.tokens', { tokens: totals.tokens }),
    ...(totals.retries ? [t('fleet.summary.retries', { retries: totals.retries })] : []),
    t('common.duration', { ms: totals.durationMs }),
  ];
  lines.push('', parts.join(' · '));
  if (exitCode !== ExitCode.ok) lines.push(c.dim(t('fleet.summary.exit', { exitCode, kind: EXIT_KINDS[exitCode] ?? 'failed' })));
  return lines;
}

/**
 * Progress on stderr: on a terminal one line redrawn in place; in a log (CI) each failure as it
 * happens and, for longer runs, a line at every tenth of the way.
 */
export function createFleetProgress(output: Output, total: number): { onResult(result: FleetResult): void; done(): void } {
  const c = output.color;
  let checked = 0;
  let failed = 0;
  let lastDecile = 0;
  const status = () => t('fleet.progress.status', { checked, total, failed });
  const failure = (name: string, report: FleetResult['report']) =>
    `${c.red('✖')} ${t('fleet.progress.failure', { name, code: report.diagnosis?.code ?? t('fleet.result.failed'), exitCode: report.exitCode })}`;
  return {
    onResult({ name, report }) {
      checked++;
      if (!report.ok) failed++;
      if (output.stderrIsTTY) {
        if (!report.ok) output.infoRaw(`\r\x1b[2K${failure(name, report)}\n`);
        output.infoRaw(`\r\x1b[2K${c.cyan('…')} ${status()}`);
        return;
      }
      if (!report.ok) output.info(failure(name, report));
      const decile = Math.floor((checked * 10) / total);
      if (total >= 20 && decile > lastDecile) {
        lastDecile = decile;
        output.info(c.dim(status()));
      }
    },
    done() {
      if (output.stderrIsTTY) output.infoRaw('\r\x1b[2K');
    },
  };
}
