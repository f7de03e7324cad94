import type { CheckReport, CheckTimings, CredentialExpiry } from '../check/run.js';
import { ExitCode } from '../exit-codes.js';
import { t } from '../messages/index.js';
import type { DiagnosisJson, ErrorJson } from './json.js';

/**
 * `check --format nagios`: the plugin convention of Nagios, Icinga, Naemon, Checkmk (MRPE), Zabbix's
 * Nagios checks and PRTG's script sensors (Monitoring Plugins Development Guidelines; Nagios Core
 * "Plugin API"): the first line is the status, `SMTP-OAUTH <STATE> - <what>`, then `|` and the
 * performance data; the lines after it are the long output. The exit code is the plugin's, 0 OK,
 * 1 WARNING, 2 CRITICAL, 3 UNKNOWN: on purpose not the tool's own (README, docs/monitoring.md).
 * Pure: report(s) in, text and exit code out.
 *
 * The states:
 * - OK: the check passed (a warning that needs no action by a date, such as a token audience
 *   Exchange accepts, stays OK and is listed in the long output: a WARNING that never goes away
 *   teaches people to ignore it);
 * - WARNING: it passed, but the secret or certificate expires within --warn-days;
 * - CRITICAL: any diagnosis of the setup or the service, transient ones included: the plugin cannot
 *   tell a blip from an outage, and mail is not going out now; the monitoring system's soft states
 *   (max_check_attempts, retry_interval) are the place to ride out a blip, not a milder state;
 * - UNKNOWN: the check could not run: invalid input, an internal error, a stopped run.
 *
 * Performance data: `label=value[UOM];warn;crit;min;max` with labels of `[a-z_]` only (never
 * quoted), `U` for a value the check did not reach (guidelines: "undetermined"), and the
 * thresholds of the days left as Nagios ranges (`30:` alerts below 30, `0:` below 0).
 *
 * The words after `SMTP-OAUTH <STATE> - ` and the long output are in the language in use; the
 * prefix, the states, the diagnosis codes and the perfdata labels are the contract and stay English.
 */

export type NagiosState = 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN';

export const NAGIOS_EXIT_CODES: Record<NagiosState, number> = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 };

/** Which state wins in a fleet: CRITICAL > WARNING > UNKNOWN > OK (as the Monitoring Plugins' max_state_alt). */
const STATE_RANK: Record<NagiosState, number> = { OK: 0, UNKNOWN: 1, WARNING: 2, CRITICAL: 3 };

export interface NagiosOutput {
  text: string;
  exitCode: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The plugin state of one check. */
export function nagiosState(report: Pick<CheckReport, 'ok' | 'exitCode' | 'expiry'>): NagiosState {
  if (report.ok) return expiring(report.expiry) ? 'WARNING' : 'OK';
  return couldNotRun(report.exitCode) ? 'UNKNOWN' : 'CRITICAL';
}

/** Invalid input, an internal error or a stopped run (128 + a signal): the check said nothing about the setup. */
function couldNotRun(exitCode: number): boolean {
  return exitCode === ExitCode.input || exitCode === ExitCode.internal || exitCode > 128;
}

function expiring(expiry: CheckReport['expiry']): CredentialExpiry | null {
  if (expiry.secret?.state === 'expiring') return expiry.secret;
  if (expiry.certificate?.state === 'expiring') return expiry.certificate;
  return null;
}

/** `check --format nagios` for one check. */
export function nagiosCheck(report: CheckReport): NagiosOutput {
  const state = nagiosState(report);
  const perfdata = [...timingPerfdata(report.timings), ...expiryPerfdata(report)];
  const long = [...diagnosisLines(report), ...warningLines(report)];
  return {
    text: [`SMTP-OAUTH ${state} - ${plain(statusText(report, state))} | ${perfdata.join(' ')}`, ...long.map(plain)].join('\n'),
    exitCode: NAGIOS_EXIT_CODES[state],
  };
}

/** What the status line says after the state. */
function statusText(report: CheckReport, state: NagiosState): string {
  const mailbox = report.plan.smtp.user;
  const server = `${report.smtp.host}:${report.smtp.port}`;
  const d = report.diagnosis;
  if (d) return d.step ? t('report.nagios.failed-at-step', { mailbox, code: d.code, step: d.step }) : t('report.nagios.failed', { mailbox, code: d.code });
  const soon = state === 'WARNING' ? expiring(report.expiry) : null;
  if (soon) {
    const params = { mailbox, expiresOn: new Date(soon.expiresAt), daysLeft: Math.max(0, Math.ceil(daysLeft(soon, checkedAt(report)))) };
    return t(soon === report.expiry.secret ? 'report.nagios.secret-expiring' : 'report.nagios.certificate-expiring', params);
  }
  return t(report.smtp.messageId ? 'report.nagios.passed-sent' : 'report.nagios.passed-auth', { mailbox, server });
}

/** The long output of a failure: what happened, whether waiting helps, the fix, what the server said. */
function diagnosisLines(report: CheckReport): string[] {
  const d = report.diagnosis;
  if (!d) return [];
  return [
    d.summary,
    ...(d.transient ? [t('report.nagios.transient')] : d.propagation ? [t('report.nagios.propagation')] : []),
    t('report.nagios.fix'),
    ...d.fix.split('\n').map((line) => `  ${line}`),
    ...(report.smtp.response && !d.summary.includes(report.smtp.response) ? [t('report.nagios.server-said', { response: report.smtp.response })] : []),
  ];
}

function warningLines(report: CheckReport): string[] {
  return report.warnings.map((text) => t('report.nagios.warning', { text }));
}

/** `token_ms`, `smtp_ms` and `total_ms`; `smtp_ms` is the whole SMTP leg: connect, STARTTLS, AUTH and the message when sent. */
function timingPerfdata(t: CheckTimings): string[] {
  const smtpMs = t.smtpConnectMs === null ? null : t.smtpConnectMs + (t.authMs ?? 0) + (t.sendMs ?? 0);
  return [msDatum('token_ms', t.tokenMs), msDatum('smtp_ms', smtpMs), msDatum('total_ms', t.totalMs)];
}

function msDatum(label: string, ms: number | null): string {
  return ms === null ? `${label}=U` : `${label}=${Math.round(ms)}ms;;;0`;
}

/** Days left (two decimals, negative once past) with WARNING below --warn-days and CRITICAL below 0. */
function expiryPerfdata(report: CheckReport): string[] {
  const at = checkedAt(report);
  const data: string[] = [];
  if (report.expiry.secret) data.push(daysDatum('secret_days_left', report.expiry.secret, at));
  if (report.expiry.certificate) data.push(daysDatum('certificate_days_left', report.expiry.certificate, at));
  return data;
}

function daysDatum(label: string, expiry: CredentialExpiry, at: number): string {
  return `${label}=${twoDecimalsDown(daysLeft(expiry, at))};${expiry.warnDays}:;0:`;
}

/**
 * Rounded down, so that the value is below the WARNING threshold exactly when the check warned
 * (it warns from `warnDays` days before the instant on) and below 0 once it is past.
 */
function twoDecimalsDown(value: number): string {
  return (Math.floor(value * 100) / 100).toFixed(2);
}

function daysLeft(expiry: CredentialExpiry, at: number): number {
  return (Date.parse(expiry.expiresAt) - at) / DAY_MS;
}

/** When the (last) attempt started: the days left are counted from there, as the check judged them. */
function checkedAt(report: Pick<CheckReport, 'attempts'>): number {
  const at = report.attempts.at(-1)?.at;
  return at ? Date.parse(at) : Date.now();
}

/**
 * A `|` starts performance data on any line of the output, so none may appear in the text (a fix
 * with a PowerShell pipeline, a server reply): it is shown as `¦`.
 */
function plain(line: string): string {
  return line.replace(/\|/g, '¦');
}

/** One target of a fleet: its name and report. */
export interface NagiosTarget {
  name: string;
  report: CheckReport;
}

/**
 * `check --targets --format nagios`: the worst state wins; the status line counts; the perfdata are
 * the fleet's totals (per-target figures would need labels made from target names, which may hold
 * any character: they are in the metrics file and the JSON); the long output has one line per
 * target that is not OK, worst first.
 */
export function nagiosFleet(targets: readonly NagiosTarget[], totals: { durationMs: number }): NagiosOutput {
  const states = targets.map((t) => ({ ...t, state: nagiosState(t.report) }));
  const count = (s: NagiosState) => states.filter((t) => t.state === s).length;
  const state = states.reduce<NagiosState>((worst, t) => (STATE_RANK[t.state] > STATE_RANK[worst] ? t.state : worst), 'OK');
  const passed = targets.filter((t) => t.report.ok).length;
  const notOk = states.filter((t) => t.state !== 'OK').sort((a, b) => STATE_RANK[b.state] - STATE_RANK[a.state]);
  const worst = notOk[0];
  const status =
    targets.length === 0
      ? t('report.nagios.fleet-empty')
      : !worst
        ? t('report.nagios.fleet-passed', { targets: targets.length })
        : t('report.nagios.fleet-counts', {
            passed,
            targets: targets.length,
            critical: count('CRITICAL'),
            warning: count('WARNING'),
            unknown: count('UNKNOWN'),
            worst: `${worst.name} (${statusText(worst.report, worst.state)})`,
          });
  const perfdata = [
    `targets=${targets.length};;;0`,
    `passed=${passed};;;0`,
    `critical=${count('CRITICAL')};;;0`,
    `warning=${count('WARNING')};;;0`,
    `unknown=${count('UNKNOWN')};;;0`,
    `total_ms=${Math.round(totals.durationMs)}ms;;;0`,
    ...soonestPerfdata('min_secret_days_left', targets, (r) => r.expiry.secret),
    ...soonestPerfdata('min_certificate_days_left', targets, (r) => r.expiry.certificate),
  ];
  const long = notOk.map((target) => `[${target.state}] ${target.name} ${fleetTargetText(target.report, target.state)}`);
  return {
    text: [`SMTP-OAUTH ${state} - ${plain(status)} | ${perfdata.join(' ')}`, ...long.map(plain)].join('\n'),
    exitCode: NAGIOS_EXIT_CODES[state],
  };
}

/** A fleet target's line: the mailbox, then the diagnosis code and step with its summary, or the expiry. */
function fleetTargetText(report: CheckReport, state: NagiosState): string {
  const text = statusText(report, state);
  return report.diagnosis ? `(${text}) - ${firstLine(report.diagnosis.summary)}` : `(${text})`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function soonestPerfdata(label: string, targets: readonly NagiosTarget[], pick: (r: CheckReport) => CredentialExpiry | null): string[] {
  let soonest: { expiry: CredentialExpiry; days: number } | null = null;
  for (const { report } of targets) {
    const expiry = pick(report);
    if (!expiry) continue;
    const days = daysLeft(expiry, checkedAt(report));
    if (!soonest || days < soonest.days) soonest = { expiry, days };
  }
  return soonest ? [`${label}=${twoDecimalsDown(soonest.days)};${soonest.expiry.warnDays}:;0:`] : [];
}

/**
 * A command that ended with an error instead of a result (invalid input, a stopped run, a bug):
 * UNKNOWN, the diagnosis code on the status line, the problems as the long output.
 */
export function nagiosError(outcome: { diagnosis: DiagnosisJson; error: ErrorJson }): NagiosOutput {
  const { diagnosis, error } = outcome;
  const lines = error.problems.flatMap((p) => p.split('\n'));
  return {
    text: [`SMTP-OAUTH UNKNOWN - ${plain(t('report.nagios.could-not-run', { code: diagnosis.code, problem: lines[0] ?? error.message }))}`, ...lines.slice(1).map(plain)].join('\n'),
    exitCode: NAGIOS_EXIT_CODES.UNKNOWN,
  };
}
