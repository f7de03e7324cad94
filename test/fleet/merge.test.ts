import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/run.js';
import { InputError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { type CheckedFleetJson, type FleetReportFile, mergeFleetReports } from '../../src/fleet/merge.js';
import { fleetJson, fleetTotals } from '../../src/fleet/report.js';
import type { FleetResult } from '../../src/fleet/run.js';
import type { Shard } from '../../src/fleet/shard.js';
import { errorJson } from '../../src/report/json.js';

/** `report merge`: fleet JSON of several runs back into one, refusing what would count a target twice or leave one out. */

function result(name: string, exitCode = 0, attempts = 1): FleetResult {
  const report: CheckReport = {
    ok: exitCode === 0,
    exitCode,
    diagnosis:
      exitCode === 0
        ? null
        : { code: `failure-${exitCode}`, step: 3, transient: false, propagation: true, summary: `failed ${exitCode}`, fix: 'fix it', source: null, learnMore: null, problems: null },
    plan: { smtp: { user: `${name}@contoso.com` } } as CheckReport['plan'],
    token: { acquired: true, expiresOn: null, claims: null, servicePrincipalObjectId: null },
    smtp: { host: 'smtp.office365.com', port: 587, reachable: true, tlsVersion: 'TLSv1.3', authMechanisms: ['XOAUTH2'], authenticated: exitCode === 0, response: null, messageId: null },
    attempts: [],
    warnings: name.endsWith('!') ? ['The client secret expires soon'] : [],
    timings: { tokenMs: 40, smtpConnectMs: 60, authMs: 10, sendMs: null, totalMs: 110 },
    expiry: { secret: null, certificate: null },
  };
  return {
    name,
    report,
    attempts: Array.from({ length: attempts }, (_, i) => ({ at: new Date(Date.UTC(2026, 11, 1, 12, 0, i)).toISOString(), exitCode, diagnosisCode: report.diagnosis?.code ?? null })),
    durationMs: 100,
  };
}

/** The JSON a fleet run prints, through the fleet's own code. */
function runJson(results: FleetResult[], tokens: number, durationMs: number, shard: Shard | null): CheckedFleetJson {
  const run = { results, tokenAcquisitions: tokens };
  return fleetJson(run, fleetTotals(run, durationMs), shard) as CheckedFleetJson;
}

const file = (name: string, json: CheckedFleetJson): FleetReportFile => ({ file: name, json });

function refusal(files: FleetReportFile[]): string[] {
  try {
    mergeFleetReports(files);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return [...(error as InputError).problems];
  }
  throw new Error('merged, but should have been refused');
}

describe('report merge', () => {
  const s1 = runJson([result('a'), result('b', 4)], 1, 3000, { index: 1, count: 3 });
  const s2 = runJson([], 0, 5, { index: 2, count: 3 });
  const s3 = runJson([result('c!'), result('d', 6, 3), result('e', 3)], 2, 4000, { index: 3, count: 3 });

  it('puts the shards back in shard order, with the totals and exit code one run of all targets would have', () => {
    const merged = mergeFleetReports([file('s3.json', s3), file('s1.json', s1), file('s2.json', s2)]);
    expect(merged.results.map((r) => r.name)).toEqual(['a', 'b', 'c!', 'd', 'e']);
    const whole = runJson([result('a'), result('b', 4), result('c!'), result('d', 6, 3), result('e', 3)], 3, 4000, null);
    expect(merged).toEqual(whole);
    expect(merged).toMatchObject({ ok: false, exitCode: 3, shard: null, diagnosis: null, error: null });
    expect(merged.totals).toEqual({ targets: 5, passed: 2, failed: 3, warned: 1, byExitCode: { '0': 2, '3': 1, '4': 1, '6': 1 }, tokens: 3, retries: 2, durationMs: 4000 });
  });

  it('merges runs of whole files (no shard) that share no target', () => {
    const merged = mergeFleetReports([file('eu.json', runJson([result('x')], 1, 10, null)), file('us.json', runJson([result('y', 5)], 1, 20, null))]);
    expect(merged.results.map((r) => r.name)).toEqual(['x', 'y']);
    expect(merged).toMatchObject({ exitCode: 5, totals: { targets: 2, tokens: 2, durationMs: 20 } });
  });

  it('refuses overlapping shards, a missing shard, shards of different splits and a target checked twice', () => {
    expect(refusal([file('s1.json', s1), file('copy.json', s1), file('s2.json', s2), file('s3.json', s3)])).toEqual([
      'shard 1 of 3 is in both s1.json and copy.json',
      "target 'a' was checked twice: in s1.json and in copy.json",
      "target 'b' was checked twice: in s1.json and in copy.json",
    ]);
    expect(refusal([file('s1.json', s1), file('s3.json', s3)])).toEqual(['shard 2 of 3 missing: merge the JSON of every shard']);
    expect(refusal([file('s1.json', s1)])).toEqual(['shards 2, 3 of 3 missing: merge the JSON of every shard']);
    const other = runJson([result('z')], 1, 1, { index: 2, count: 2 });
    expect(refusal([file('s1.json', s1), file('other.json', other)])).toEqual([
      'the files are shards of different splits (s1.json: 1/3, other.json: 2/2); merge the shards of one run',
    ]);
    const whole = runJson([result('c!')], 1, 1, null);
    expect(refusal([file('s1.json', s1), file('s2.json', s2), file('s3.json', s3), file('whole.json', whole)])).toEqual([
      "target 'c!' was checked twice: in s3.json and in whole.json",
    ]);
  });

  it('refuses the report of a run that did not check its targets, naming the file and why', () => {
    const failed = errorJson('fleet', new InputError([msg('fleet.variable-not-set', { origin: 'targets.csv row 4', name: 'c', column: 'secretEnv', variable: 'X' })])) as CheckedFleetJson;
    expect(refusal([file('s1.json', s1), file('s2.json', failed), file('s3.json', s3)])).toEqual([
      's2.json: the report of a run that did not check its targets (exit 2: targets.csv row 4 (c): secretEnv: the environment variable X is not set); run that shard again, then merge',
      'shard 2 of 3 missing: merge the JSON of every shard',
    ]);
  });
});
