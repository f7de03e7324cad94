import type { CheckOptions } from '../cli.js';
import { InputError } from '../errors.js';
import type { CliIO } from '../io.js';
import type { Output } from '../output.js';
import { junitPathProblem, writeCiOutputs } from '../report/ci.js';
import { metricsPathProblem, writeMetricsFile } from '../report/metrics-file.js';
import { nagiosFleet } from '../report/nagios.js';
import { unlessStopped } from '../signals.js';
import { pipelineChecks } from './checks.js';
import { fleetFlagProblems, loadFleetShard, parseConcurrency } from './inputs.js';
import { createFleetProgress, fleetJson, fleetTotals, renderFleetSummary } from './report.js';
import { runFleet, tokenGroupKey } from './run.js';
import { parseShard, type Shard } from './shard.js';

/** `check --targets <file>`: every target through the one pipeline; a table (or one JSON object) and the worst exit code. */
export async function fleetCheckCommand(options: CheckOptions, io: CliIO, output: Output, signal: AbortSignal): Promise<number> {
  const problems = fleetFlagProblems(options);
  let concurrency = 0;
  let shard: Shard | null = null;
  try {
    concurrency = parseConcurrency(options.concurrency);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  try {
    if (options.shard !== undefined) shard = parseShard(options.shard);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  const junitProblem = options.junit ? await junitPathProblem(options.junit) : null;
  if (junitProblem) problems.push(junitProblem);
  const metricsProblem = options.metricsFile ? await metricsPathProblem(options.metricsFile) : null;
  if (metricsProblem) problems.push(metricsProblem);
  if (problems.length > 0) throw new InputError(problems);

  const { targets, inFile } = await unlessStopped(loadFleetShard(options, io.env, shard), signal);
  const groups = new Set(targets.map(tokenGroupKey)).size;
  output.info(
    output.color.dim(
      shard
        ? `Shard ${shard.index} of ${shard.count}: checking ${targets.length} of ${inFile} target${inFile === 1 ? '' : 's'} with ${groups} token${groups === 1 ? '' : 's'}, ${concurrency} at a time`
        : `Checking ${targets.length} target${targets.length === 1 ? '' : 's'} with ${groups} token${groups === 1 ? '' : 's'}, ${concurrency} at a time`,
    ),
  );
  const startedAt = new Date();
  const started = performance.now();
  const progress = createFleetProgress(output, targets.length);
  // A stop signal ends the run at once (CancelledError) and closes the connections of the targets in flight.
  const run = await unlessStopped(runFleet(targets, pipelineChecks({ redactor: output.redactor, signal }), { concurrency, onResult: progress.onResult }), signal);
  progress.done();

  const totals = fleetTotals(run, performance.now() - started);
  const json = fleetJson(run, totals, shard);
  // Each target's report with every attempt, as its JSON shows it.
  const checked = run.results.map(({ name, report, attempts }) => ({ name, report: { ...report, attempts } }));
  const nagios = options.format === 'nagios' ? nagiosFleet(checked, totals) : null;
  if (nagios) output.result(nagios.text);
  else if (options.json) output.result(JSON.stringify(json, null, 2));
  else renderFleetSummary(run, totals, output);
  await writeCiOutputs(
    run.results.map(({ name, report }) => ({ name, report })),
    { env: io.env, output, startedAt, durationsMs: run.results.map((r) => r.durationMs), ...(options.junit && { junitPath: options.junit }) },
  );
  if (options.metricsFile) await writeMetricsFile(options.metricsFile, checked, { exitCode: json.exitCode, startedAt }, output);
  return nagios ? nagios.exitCode : json.exitCode;
}
