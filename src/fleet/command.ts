import type { CheckOptions } from '../cli.js';
import { InputError } from '../errors.js';
import type { CliIO } from '../io.js';
import { type Message, msg } from '../messages/index.js';
import type { Output } from '../output.js';
import { junitPathProblem, writeCiOutputs } from '../report/ci.js';
import { metricsPathProblem, writeMetricsFile } from '../report/metrics-file.js';
import type { Reporter } from '../report/reporter.js';
import { unlessStopped } from '../signals.js';
import { pipelineChecks } from './checks.js';
import { fleetFlagProblems, loadFleetShard, parseConcurrency } from './inputs.js';
import { createFleetProgress, fleetTotals, worstExitCode } from './report.js';
import { runFleet, tokenGroupKey } from './run.js';
import { parseShard, type Shard } from './shard.js';

/** `check --targets <file>`: every target through the one pipeline; a table (or one JSON object) and the worst exit code. */
export async function fleetCheckCommand(options: CheckOptions, io: CliIO, output: Output, reporter: Reporter, signal: AbortSignal): Promise<number> {
  const problems: Message[] = fleetFlagProblems(options);
  let concurrency = 0;
  let shard: Shard | null = null;
  const collect = (parse: () => void) => {
    try {
      parse();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problemMessages.filter((m) => m !== undefined));
    }
  };
  collect(() => (concurrency = parseConcurrency(options.concurrency)));
  collect(() => {
    if (options.shard !== undefined) shard = parseShard(options.shard);
  });
  const junitProblem = options.junit ? await junitPathProblem(options.junit) : null;
  if (junitProblem) problems.push(junitProblem);
  const metricsProblem = options.metricsFile ? await metricsPathProblem(options.metricsFile) : null;
  if (metricsProblem) problems.push(metricsProblem);
  if (problems.length > 0) throw new InputError(problems);

  const { targets, inFile } = await unlessStopped(loadFleetShard(options, io.env, shard), signal);
  const tokens = new Set(targets.map(tokenGroupKey)).size;
  const part = shard as Shard | null;
  reporter.notice(
    part
      ? msg('fleet.start-shard', { index: part.index, count: part.count, targets: targets.length, inFile, tokens, concurrency })
      : msg('fleet.start', { targets: targets.length, tokens, concurrency }),
    'dim',
  );
  const startedAt = new Date();
  const started = performance.now();
  const progress = createFleetProgress(output, targets.length);
  // A stop signal ends the run at once (CancelledError) and closes the connections of the targets in flight.
  const run = await unlessStopped(runFleet(targets, pipelineChecks({ redactor: output.redactor, signal }), { concurrency, connectAhead: options.connectAhead !== false, onResult: progress.onResult }), signal);
  progress.done();

  const totals = fleetTotals(run, performance.now() - started);
  const exitCode = await reporter.fleet({ run, totals, shard: part });
  await writeCiOutputs(
    run.results.map(({ name, report }) => ({ name, report })),
    { env: io.env, output, startedAt, durationsMs: run.results.map((r) => r.durationMs), ...(options.junit && { junitPath: options.junit }) },
  );
  if (options.metricsFile) {
    // Each target's report with every attempt, as its JSON shows it.
    const checked = run.results.map(({ name, report, attempts }) => ({ name, report: { ...report, attempts } }));
    await writeMetricsFile(options.metricsFile, checked, { exitCode: worstExitCode(run.results.map((r) => r.report.exitCode)), startedAt }, output);
  }
  return exitCode;
}
