import type { CheckReport } from '../check/run.js';
import type { Diagnosis } from '../diagnose/types.js';
import { CliError, internalErrorMessage } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { CheckedFleetJson } from '../fleet/merge.js';
import type { FleetTotals } from '../fleet/report.js';
import type { FleetRun } from '../fleet/run.js';
import type { Shard } from '../fleet/shard.js';
import { type Message, msg, render } from '../messages/index.js';
import type { Output } from '../output.js';
import type { ReceivedMessage } from '../sandbox/index.js';
import type { DemoIntro, DemoOutcome } from './demo.js';
import type { JsonShape } from './json.js';
import type { SandboxReady, ScenarioListing } from './sandbox.js';

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
  /** `demo`, before its check runs: what it runs against (for a person; nothing in JSON). */
  demoStarted(intro: DemoIntro): Promise<void>;
  /** `demo`: its check, with what the sandbox received; returns the check's exit code. */
  demo(outcome: DemoOutcome): Promise<number>;
  /** `sandbox --list-scenarios`. */
  scenarios(list: readonly ScenarioListing[]): Promise<void>;
  /** `sandbox`: its settings once it listens. */
  sandboxReady(ready: SandboxReady): Promise<void>;
  /** `sandbox`: a message it received (one JSON line each with --json). */
  sandboxReceived(message: ReceivedMessage): Promise<void>;
  /** `sandbox`: stopped (a person reads it; JSON lines end without a line of their own). */
  sandboxStopped(): void;
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
    async demoStarted(intro) {
      if (format === 'human') (await import('./demo.js')).renderDemoIntro(intro, output);
    },
    async demo({ report, scenario, received }) {
      if (format === 'json') {
        json((await import('./json.js')).demoJson(report, { scenario: scenario.name, received: received.map(({ raw: _raw, ...message }) => message) }));
        return report.exitCode;
      }
      (await import('./human.js')).renderCheckReport(report, output);
      (await import('./demo.js')).renderDemoEnd({ ok: report.ok, scenario, received }, output);
      return report.exitCode;
    },
    async scenarios(list) {
      if (format === 'json') json(list);
      else for (const line of (await import('./sandbox.js')).scenarioListLines(list)) output.result(line);
    },
    async sandboxReady(ready) {
      const { describeSandbox, sandboxReadyJson } = await import('./sandbox.js');
      // One JSON line, then one per message: a stream a script reads line by line.
      if (format === 'json') output.result(JSON.stringify(sandboxReadyJson(ready)));
      else output.result(describeSandbox(ready, output));
    },
    async sandboxReceived(message) {
      const { receivedJson, showReceived } = await import('./sandbox.js');
      if (format === 'json') output.result(JSON.stringify(receivedJson(message)));
      else showReceived(message, output);
    },
    sandboxStopped() {
      if (format !== 'json') output.info(render(msg('sandbox.stopped')));
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
  | { kind: 'demo-started'; intro: DemoIntro }
  | { kind: 'demo'; outcome: DemoOutcome }
  | { kind: 'scenarios'; list: readonly ScenarioListing[] }
  | { kind: 'sandbox-ready'; ready: SandboxReady }
  | { kind: 'sandbox-received'; message: ReceivedMessage }
  | { kind: 'sandbox-stopped' }
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
    async demoStarted(intro) {
      entries.push({ kind: 'demo-started', intro });
      await inner?.demoStarted(intro);
    },
    async demo(outcome) {
      entries.push({ kind: 'demo', outcome });
      return inner ? inner.demo(outcome) : outcome.report.exitCode;
    },
    async scenarios(list) {
      entries.push({ kind: 'scenarios', list });
      await inner?.scenarios(list);
    },
    async sandboxReady(ready) {
      entries.push({ kind: 'sandbox-ready', ready });
      await inner?.sandboxReady(ready);
    },
    async sandboxReceived(message) {
      entries.push({ kind: 'sandbox-received', message });
      await inner?.sandboxReceived(message);
    },
    sandboxStopped() {
      entries.push({ kind: 'sandbox-stopped' });
      inner?.sandboxStopped();
    },
    async error(error, shape) {
      entries.push({ kind: 'error', error, shape });
      return inner ? inner.error(error, shape) : error instanceof CliError ? error.exitCode : ExitCode.internal;
    },
  };
}
