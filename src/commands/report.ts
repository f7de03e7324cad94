import type { ReportMergeOptions } from '../cli.js';
import { InputError } from '../errors.js';
import { type FleetReportFile, mergeFleetReports } from '../fleet/merge.js';
import { readErrorReason } from '../fs-errors.js';
import { type CliIO, READ_LIMITS, readTextFile } from '../io.js';
import { type Message, msg } from '../messages/index.js';
import type { Output } from '../output.js';
import { junitPathProblem, writeCiOutputs } from '../report/ci.js';
import type { Reporter } from '../report/reporter.js';
import { schemaViolations } from '../report/schema-check.js';

/**
 * `report merge <files…>`: the fleet JSON of every shard (`check --targets --shard i/n --json`) as one
 * fleet report: the same summary a person reads after an unsharded run (or, with --json, the same
 * JSON object), the same JUnit and GitHub Actions outputs, and the worst exit code among all targets.
 * Offline: it reads files only.
 */
export async function reportMergeCommand(options: ReportMergeOptions, io: CliIO, output: Output, reporter: Reporter): Promise<number> {
  const problems: Message[] = [];
  if (options.files.length === 0) problems.push(msg('fleet.merge.no-files'));
  const junitProblem = options.junit ? await junitPathProblem(options.junit) : null;
  if (junitProblem) problems.push(junitProblem);
  if (problems.length > 0) throw new InputError(problems);

  const files: FleetReportFile[] = [];
  for (const file of options.files) {
    const read = await readFleetReport(file);
    if ('problem' in read) problems.push(read.problem);
    else files.push(read);
  }
  if (problems.length > 0) throw new InputError(problems);

  const merged = mergeFleetReports(files);
  reporter.notice(msg('fleet.merge.merged', { files: files.length, targets: merged.totals.targets }), 'dim');
  const exitCode = await reporter.merged(merged);

  // The JUnit timestamp: when the earliest merged check started.
  const starts = merged.results.map((r) => Date.parse(r.attempts[0]?.at ?? '')).filter(Number.isFinite);
  await writeCiOutputs(
    merged.results.map((r) => ({ name: r.name, report: r })),
    {
      env: io.env,
      output,
      startedAt: new Date(starts.length > 0 ? Math.min(...starts) : Date.now()),
      durationsMs: merged.results.map((r) => r.durationMs),
      ...(options.junit && { junitPath: options.junit }),
    },
  );
  return exitCode;
}

/** One file: read within its limit, parsed, and held to schema/fleet.schema.json. */
async function readFleetReport(file: string): Promise<FleetReportFile | { problem: Message }> {
  let text: string;
  try {
    text = await readTextFile(file, READ_LIMITS.fleetReport);
  } catch (error) {
    return { problem: msg('fleet.merge.unreadable', { file, reason: readErrorReason(error) }) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: msg('fleet.merge.not-json', { file, reason: (error as Error).message }) };
  }
  const violations = schemaViolations('fleet', json);
  if (violations.length > 0) return { problem: msg('fleet.merge.not-fleet', { file, violation: violations[0]! }) };
  return { file, json: json as FleetReportFile['json'] };
}
