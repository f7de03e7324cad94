import type { CheckPlan } from '../check/plan.js';
import { InputError } from '../errors.js';
import { type Message, msg, t } from '../messages/index.js';
import { type FleetJson, fleetJsonOf, type FleetTargetJson, fleetTotals } from './report.js';

/**
 * `report merge`: the fleet JSON of several runs (the shards of one targets file, each run by its own
 * CI job) back into one fleet report, as if one run had checked them all. The totals and the exit code
 * are computed again by the fleet's own code (src/fleet/report.ts) from the merged results; only the
 * token acquisitions are summed, as each run counted its own (an app is never split between shards,
 * so the sum is what one unsharded run asks for).
 */

/** A target of a fleet run's JSON: checked, so its plan is there (schema/fleet.schema.json). */
export type CheckedTargetJson = FleetTargetJson & { plan: CheckPlan };

/** A fleet's JSON whose targets were all checked (every file that follows the schema). */
export type CheckedFleetJson = Omit<FleetJson, 'results'> & { results: CheckedTargetJson[] };

/** A fleet JSON file that follows the schema, with the name it was given by. */
export interface FleetReportFile {
  file: string;
  json: CheckedFleetJson;
}

/**
 * Refuses what would count a target twice or leave a shard out: overlapping shards, a target in two
 * files, shards of different counts, a missing shard, a run that could not start. Every problem is listed.
 */
export function mergeFleetReports(files: readonly FleetReportFile[]): CheckedFleetJson {
  const problems: Message[] = [];
  for (const { file, json } of files) {
    if (json.error !== null || json.diagnosis !== null) problems.push(msg('fleet.merge.not-finished', { file, exitCode: json.exitCode, reason: json.error?.problems[0] ?? json.diagnosis?.code ?? t('fleet.result.failed') }));
  }

  const sharded = files.filter((f) => f.json.shard !== null);
  const counts = [...new Set(sharded.map((f) => f.json.shard!.count))];
  if (counts.length > 1) {
    problems.push(msg('fleet.merge.mixed-counts', { shards: sharded.map((f) => `${f.file}: ${f.json.shard!.index}/${f.json.shard!.count}`) }));
  } else if (counts.length === 1) {
    const count = counts[0]!;
    const byIndex = new Map<number, string>();
    for (const { file, json } of sharded) {
      const earlier = byIndex.get(json.shard!.index);
      if (earlier !== undefined) problems.push(msg('fleet.merge.overlap', { index: json.shard!.index, count, first: earlier, second: file }));
      else byIndex.set(json.shard!.index, file);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
    if (missing.length > 0) problems.push(msg('fleet.merge.missing', { missing, count }));
  }

  // Shard by shard, then the unsharded runs in the order given; within a file, the file's own order.
  const ordered = [...files].sort((a, b) => (a.json.shard?.index ?? Number.POSITIVE_INFINITY) - (b.json.shard?.index ?? Number.POSITIVE_INFINITY));
  const seen = new Map<string, string>();
  for (const { file, json } of ordered) {
    for (const { name } of json.results) {
      const earlier = seen.get(name);
      if (earlier !== undefined) problems.push(earlier === file ? msg('fleet.merge.twice-in-file', { name, file }) : msg('fleet.merge.twice', { name, first: earlier, second: file }));
      else seen.set(name, file);
    }
  }
  if (problems.length > 0) throw new InputError(problems);

  const results = ordered.flatMap((f) => f.json.results);
  const totals = fleetTotals(
    {
      results: results.map((r) => ({ report: r, attempts: r.attempts })),
      tokenAcquisitions: files.reduce((n, f) => n + f.json.totals.tokens, 0),
    },
    // CI jobs run side by side: the merged run took as long as its longest part.
    Math.max(0, ...files.map((f) => f.json.totals.durationMs)),
  );
  return { ...fleetJsonOf(results, totals, null), results };
}
