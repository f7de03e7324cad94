import type { CheckReport } from '../check/run.js';
import type { Diagnosis } from '../diagnose/types.js';
import { CliError, internalErrorMessage } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { CheckedFleetJson } from '../fleet/merge.js';
import type { FleetTotals } from '../fleet/report.js';
import type { FleetRun } from '../fleet/run.js';
import type { Shard } from '../fleet/shard.js';
import { type Message, render } from '../messages/index.js';
import type { Output } from '../output.js';
import type { JsonShape } from './json.js';

/**
 * The one place that turns a command's result into output: chosen once in `main` from `--json` /
 * `--format`, handed to every command. Commands report WHAT came out (a check's report, a fleet's
 * run, an explained text, an error, a notice on the way); the reporter decides how it looks (human
 * text, one JSON object, the Nagios plugin's lines) and which exit code the format gives it.
 * Modules of a format load only when it prints (the JSON module brings the diagnosis catalog).
 */

export type ReportFormat = 'human' | 'json' | 'nagios';

/** How a notice on stderr is styled for a person (colour is layout, not words). */
export type NoticeTone = 'info' | 'dim' | 'warning' | 'success';

/** A fleet run as it ended: its results, totals and the shard it checked. */
export interface FleetOutcome {
  run: FleetRun;
  totals: FleetTotals;
  shard: Shard | null;
}

/** What `explain` found in a text: the most specific diagnosis and the others, or nothing. */
export type ExplainOutcome = { diagnosis: Diagnosis; others: Diagnosis[] } | null;

export interface Reporter {
  readonly format: ReportFormat;
  /** A line on stderr while the command runs (the `--wait` notices, a fleet's start, merge's count). */
  notice(message: Message, tone?: NoticeTone): void;
  /** One check's result; returns the exit code (the check's, or the plugin's with nagios). */
  check(report: CheckReport): Promise<number>;
  /** A fleet run's result; returns the exit code. */
  fleet(outcome: FleetOutcome): Promise<number>;
  /** `report merge`: the merged fleet report; returns its exit code. */
  merged(merged: CheckedFleetJson): Promise<number>;
  /** `explain`: a text's diagnosis, or what is looked for; returns the exit code. */
  explain(outcome: ExplainOutcome): Promise<number>;
  /** A command that ended with an error instead of a result; `shape` is the JSON its command prints. */
  error(error: unknown, shape: JsonShape): Promise<number>;
}

/** The reporter of a format, writing through `output`. */
export function createReporter(format: ReportFormat, output: Output): Reporter {
  const c = output.color;
  const json = (value: unknown) => output.result(JSON.stringify(value, null, 2));
  const notice = (message: Message, tone: NoticeTone = 'info') => {
    const text = render(message);
    const styled = { info: text, dim: c.dim(text), warning: c.yellow(text), success: c.green(text) }[tone];
    output.info(styled);
  };
  return {
    format,
    notice,
    async check(report) {
      if (format === 'nagios') {
        const nagios = (await import('./nagios.js')).nagiosCheck(report);
        output.result(nagios.text);
        return nagios.exitCode;
      }
      if (format === 'json') json((await import('./json.js')).checkJson(report));
      else (await import('./human.js')).renderCheckReport(report, output);
      return report.exitCode;
    },
    async fleet({ run, totals, shard }) {
      const { fleetJson, renderFleetSummary } = await import('../fleet/report.js');
      const body = fleetJson(run, totals, shard);
      if (format === 'nagios') {
        // Each target's report with every attempt, as its JSON shows it.
        const checked = run.results.map(({ name, report, attempts }) => ({ name, report: { ...report, attempts } }));
        const nagios = (await import('./nagios.js')).nagiosFleet(checked, totals);
        output.result(nagios.text);
        return nagios.exitCode;
      }
      if (format === 'json') json(body);
      else renderFleetSummary(run, totals, output);
      return body.exitCode;
    },
    async merged(merged) {
      if (format === 'json') json(merged);
      else (await import('../fleet/report.js')).renderFleetSummary({ results: merged.results.map((r) => ({ name: r.name, report: r })) }, merged.totals, output);
      return merged.exitCode;
    },
    async explain(outcome) {
      const exitCode = outcome ? ExitCode.ok : ExitCode.input;
      if (format === 'json') {
        const { diagnosisJson, explainJsonOf } = await import('./json.js');
        json(
          explainJsonOf(
            outcome
              ? { recognized: true, exitCode, diagnosis: diagnosisJson(outcome.diagnosis), others: outcome.others.map(diagnosisJson) }
              : { recognized: false, exitCode, diagnosis: null, others: [] },
          ),
        );
        return exitCode;
      }
      const { explainLines, notRecognisedLines } = await import('./human.js');
      if (outcome) output.result(explainLines(outcome, c).join('\n'));
      else output.info(notRecognisedLines().join('\n'));
      return exitCode;
    },
    async error(error, shape) {
      const exitCode = error instanceof CliError ? error.exitCode : ExitCode.internal;
      if (format === 'nagios') {
        const [{ errorOutcome }, { nagiosError }] = await Promise.all([import('./json.js'), import('./nagios.js')]);
        const nagios = nagiosError(errorOutcome(error));
        output.result(nagios.text);
        return nagios.exitCode;
      }
      if (format === 'json') {
        json((await import('./json.js')).errorJson(shape, error));
        return exitCode;
      }
      const message = error instanceof CliError ? error.message : internalErrorMessage(error);
      output.info(message.replace(/^/gm, (_m, offset: number) => (offset === 0 ? 'smtp-oauth-setup: ' : '  ')));
      return exitCode;
    },
  };
}

/** One thing a reporter was given, as tests read it: the structured result, never its rendering. */
export type ReportedEntry =
  | { kind: 'notice'; message: Message; tone: NoticeTone }
  | { kind: 'check'; report: CheckReport }
  | { kind: 'fleet'; outcome: FleetOutcome }
  | { kind: 'merged'; merged: CheckedFleetJson }
  | { kind: 'explain'; outcome: ExplainOutcome }
  | { kind: 'error'; error: unknown; shape: JsonShape };

/**
 * A reporter that records what it is given (and, when given one, passes it on to another), so a test
 * asserts the structured results and message ids of a command instead of its words.
 */
export function recordingReporter(inner?: Reporter): Reporter & { readonly entries: ReportedEntry[] } {
  const entries: ReportedEntry[] = [];
  return {
    entries,
    format: inner?.format ?? 'human',
    notice(message, tone = 'info') {
      entries.push({ kind: 'notice', message, tone });
      inner?.notice(message, tone);
    },
    async check(report) {
      entries.push({ kind: 'check', report });
      return inner ? inner.check(report) : report.exitCode;
    },
    async fleet(outcome) {
      entries.push({ kind: 'fleet', outcome });
      if (inner) return inner.fleet(outcome);
      const { worstExitCode } = await import('../fleet/report.js');
      return worstExitCode(outcome.run.results.map((r) => r.report.exitCode));
    },
    async merged(merged) {
      entries.push({ kind: 'merged', merged });
      return inner ? inner.merged(merged) : merged.exitCode;
    },
    async explain(outcome) {
      entries.push({ kind: 'explain', outcome });
      return inner ? inner.explain(outcome) : outcome ? ExitCode.ok : ExitCode.input;
    },
    async error(error, shape) {
      entries.push({ kind: 'error', error, shape });
      return inner ? inner.error(error, shape) : error instanceof CliError ? error.exitCode : ExitCode.internal;
    },
  };
}
