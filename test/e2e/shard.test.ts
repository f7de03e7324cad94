import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { type CliRun, runCli } from '../support/cli.js';
import { parseValid } from '../support/json-schema.js';

/**
 * `check --targets --shard i/n` and `report merge`: the built CLI against a multi-tenant sandbox
 * (real MSAL and nodemailer), the way a CI matrix runs it: n jobs, each checking its shard and
 * keeping its JSON and JUnit, then one job merging them.
 */
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ fleet: { tenants: 6, mailboxesPerTenant: 2 } });
  dir = await mkdtemp(join(tmpdir(), 'shard-e2e-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface FleetOutput {
  ok: boolean;
  exitCode: number;
  shard: { index: number; count: number } | null;
  totals: { targets: number; passed: number; failed: number; warned: number; byExitCode: Record<string, number>; tokens: number; retries: number; durationMs: number };
  results: Array<{ name: string; ok: boolean; exitCode: number; diagnosis: { code: string } | null; plan: { smtp: { user: string } }; token: { claims: { tid: string } | null } }>;
}

const secretVar = (i: number) => `SHARD_SECRET_${i + 1}`;
const env = (extra: Record<string, string> = {}) => ({
  NODE_EXTRA_CA_CERTS: sandbox.caFile,
  NO_COLOR: '1',
  ...Object.fromEntries(sandbox.fleetClients.map((c, i) => [secretVar(i), c.clientSecret])),
  ...extra,
});
const connection = () => ['--authority-host', sandbox.authorityHost, '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port), '--timeout', '10'];
const tokenPosts = () => sandbox.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')).length;

/** One row per mailbox of every tenant: `customerN-senderMM`. */
async function writeTargets(name: string): Promise<{ path: string; names: string[]; tenantOf: Map<string, string> }> {
  const rows = ['name,tenant,clientId,secretEnv,mailbox,to'];
  const names: string[] = [];
  const tenantOf = new Map<string, string>();
  sandbox.fleetClients.forEach((c, i) => {
    for (const mailbox of c.mailboxes) {
      const target = `customer${i + 1}-${mailbox.split('@')[0]}`;
      names.push(target);
      tenantOf.set(target, c.tenantId);
      rows.push(`${target},${c.tenantId},${c.clientId},${secretVar(i)},${mailbox},${c.to}`);
    }
  });
  const path = join(dir, name);
  await writeFile(path, rows.join('\n') + '\n');
  return { path, names, tenantOf };
}

/** The totals that must not depend on how the run was split (the duration does). */
const countsOf = ({ durationMs: _durationMs, ...counts }: FleetOutput['totals']) => counts;

describe('check --targets --shard, then report merge', () => {
  it('n shards check every target exactly once, each app in one shard, and merge into the totals and exit code of one run', async () => {
    sandbox.applyScenario('healthy');
    // Two failures of different classes: SMTP AUTH off (exit 4) and an app without consent (exit 3, two targets).
    sandbox.fleetTenants[1]!.mailboxes[1]!.smtpClientAuthenticationDisabled = true;
    sandbox.fleetTenants[4]!.apps[0]!.consentedRoles = [];
    try {
      const { path, names, tenantOf } = await writeTargets('targets.csv');

      const postsWhole = tokenPosts();
      const whole = await runCli(['check', '--targets', path, '--json', ...connection()], { env: env(), timeoutMs: 60_000 });
      expect(whole.status, whole.stderr).toBe(3);
      const wholeOut = parseValid<FleetOutput>('fleet', whole.stdout);
      expect(wholeOut.shard).toBeNull();
      expect(wholeOut.totals).toMatchObject({ targets: 12, passed: 9, failed: 3, byExitCode: { '0': 9, '3': 2, '4': 1 }, tokens: 6 });
      const wholePosts = tokenPosts() - postsWhole;

      // The matrix: three jobs, each its JSON and JUnit.
      const postsSharded = tokenPosts();
      const shardFiles: string[] = [];
      const shards: FleetOutput[] = [];
      for (const index of [1, 2, 3]) {
        const junit = join(dir, `junit-${index}.xml`);
        const run = await runCli(['check', '--targets', path, '--shard', `${index}/3`, '--json', '--junit', junit, ...connection()], { env: env(), timeoutMs: 60_000 });
        const out = parseValid<FleetOutput>('fleet', run.stdout);
        expect(run.status, run.stderr).toBe(out.exitCode);
        expect(out.shard).toEqual({ index, count: 3 });
        expect(out.totals.targets).toBe(out.results.length);
        expect(run.stderr).toContain(`Shard ${index} of 3: checking ${out.results.length} of 12 targets`);
        const xml = await readFile(junit, 'utf8');
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(xml).toContain(`tests="${out.results.length}"`);
        const file = join(dir, `fleet-${index}.json`);
        await writeFile(file, run.stdout);
        shardFiles.push(file);
        shards.push(out);
      }
      // Every target in exactly one shard, every tenant's targets in one shard, one token per app in all.
      const checked = shards.flatMap((s) => s.results.map((r) => r.name));
      expect(checked.slice().sort()).toEqual(names.slice().sort());
      const shardOfTenant = new Map<string, number>();
      shards.forEach((s, i) => {
        for (const r of s.results) {
          const tenant = tenantOf.get(r.name)!;
          expect(shardOfTenant.get(tenant) ?? i, r.name).toBe(i);
          shardOfTenant.set(tenant, i);
        }
      });
      expect(shards.reduce((n, s) => n + s.totals.tokens, 0)).toBe(wholeOut.totals.tokens);
      expect(tokenPosts() - postsSharded).toBe(wholePosts);
      // The same shard again: the same targets (the partition is a function of the file, not of the run).
      const again = await runCli(['check', '--targets', path, '--shard', '2/3', '--json', ...connection()], { env: env(), timeoutMs: 60_000 });
      expect(parseValid<FleetOutput>('fleet', again.stdout).results.map((r) => r.name)).toEqual(shards[1]!.results.map((r) => r.name));

      // The merge job, files in any order: the totals and exit code of the unsharded run.
      const junit = join(dir, 'merged.xml');
      const merged = await runCli(['report', 'merge', shardFiles[2]!, shardFiles[0]!, shardFiles[1]!, '--json', '--junit', junit], { env: { NO_COLOR: '1' } });
      expect(merged.status, merged.stderr).toBe(wholeOut.exitCode);
      const mergedOut = parseValid<FleetOutput>('fleet', merged.stdout);
      expect(mergedOut).toMatchObject({ ok: false, exitCode: 3, shard: null, diagnosis: null, error: null });
      expect(countsOf(mergedOut.totals)).toEqual(countsOf(wholeOut.totals));
      expect(mergedOut.results.map((r) => r.name)).toEqual(shards.flatMap((s) => s.results.map((r) => r.name)));
      const byName = (out: FleetOutput) => Object.fromEntries(out.results.map((r) => [r.name, [r.exitCode, r.diagnosis?.code ?? null, r.plan.smtp.user]]));
      expect(byName(mergedOut)).toEqual(byName(wholeOut));
      expect(mergedOut.totals.durationMs).toBe(Math.max(...shards.map((s) => s.totals.durationMs)));

      const xml = await readFile(junit, 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' || n === 'testsuite' }).parse(xml);
      expect(doc.testsuites.testsuite[0]).toMatchObject({ tests: '12', failures: '3' });
      expect(doc.testsuites.testsuite[0].testcase.map((tc: { name: string }) => tc.name)).toEqual(mergedOut.results.map((r) => r.name));

      // For a person: the same summary as the unsharded run prints.
      const wholeHuman = await runCli(['check', '--targets', path, ...connection()], { env: env(), timeoutMs: 60_000 });
      const mergedHuman = await runCli(['report', 'merge', ...shardFiles], { env: { NO_COLOR: '1' } });
      expect(mergedHuman.status).toBe(wholeHuman.status);
      const summaryLine = (run: CliRun) => run.stdout.split('\n').find((l) => / of \d+ passed/.test(l))!.replace(/ · \d+ (?:sec|min|hr)\b.*$/, '');
      expect(summaryLine(mergedHuman)).toBe('9 of 12 passed · 3 failed (2 × exit 3, 1 × exit 4) · 6 tokens');
      expect(summaryLine(mergedHuman)).toBe(summaryLine(wholeHuman));
      expect(mergedHuman.stdout).toContain('Exit 3: the most serious failure (Entra ID token).');
      expect(mergedHuman.stdout).toMatch(/^customer2-sender02\s+\S+\s+✖ smtp-auth-disabled-mailbox\s+4\s+3$/m);
      expect(mergedHuman.stderr).toContain('Merged 3 reports: 12 targets');
      for (const text of [merged.stdout, mergedHuman.stdout, xml]) for (const c of sandbox.fleetClients) expect(text).not.toContain(c.clientSecret);
    } finally {
      // Back to healthy, the fleet's tenants included.
      sandbox.applyScenario('healthy');
    }
  }, 180_000);

  it('1/1 is the whole file', async () => {
    sandbox.applyScenario('healthy');
    const { path, names } = await writeTargets('one.csv');
    const run = await runCli(['check', '--targets', path, '--shard', '1/1', '--json', ...connection()], { env: env(), timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const out = parseValid<FleetOutput>('fleet', run.stdout);
    expect(out.shard).toEqual({ index: 1, count: 1 });
    expect(out.results.map((r) => r.name)).toEqual(names);
  }, 60_000);
});

describe('shards without any app', () => {
  it('check nothing, exit 0 and still write the JSON the merge needs', async () => {
    sandbox.applyScenario('healthy');
    // One app, three shards: one shard checks both of its mailboxes, the other two nothing.
    const c = sandbox.fleetClients[0]!;
    const path = join(dir, 'one-app.csv');
    await writeFile(path, ['tenant,clientId,secretEnv,mailbox', ...c.mailboxes.map((m) => `${c.tenantId},${c.clientId},${secretVar(0)},${m}`)].join('\n'));
    const files: string[] = [];
    const sizes: number[] = [];
    for (const index of [1, 2, 3]) {
      const run = await runCli(['check', '--targets', path, '--shard', `${index}/3`, '--json', ...connection()], { env: env(), timeoutMs: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      const out = parseValid<FleetOutput>('fleet', run.stdout);
      sizes.push(out.results.length);
      if (out.results.length === 0) expect(out).toMatchObject({ ok: true, exitCode: 0, totals: { targets: 0, tokens: 0 } });
      files.push(join(dir, `one-app-${index}.json`));
      await writeFile(files.at(-1)!, run.stdout);
    }
    expect(sizes.slice().sort()).toEqual([0, 0, 2]);
    const merged = await runCli(['report', 'merge', ...files], { env: { NO_COLOR: '1' } });
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toMatch(/2 of 2 passed · 1 token · \d+ sec$/m);
  }, 90_000);
});

describe('--shard and report merge: invalid input (exit 2, one line, nothing checked)', () => {
  async function refused(args: string[]): Promise<CliRun> {
    const posts = tokenPosts();
    const run = await runCli(args, { env: env() });
    expect(run.status, run.stderr).toBe(2);
    expect(tokenPosts()).toBe(posts);
    return run;
  }

  it('refuses a shard that is not <index>/<count> with 1 ≤ index ≤ count, and --shard without --targets', async () => {
    const { path } = await writeTargets('bad-shard.csv');
    const cases: Array<[string, string]> = [
      ['0/3', "--shard: the index in '0/3' must be a whole number from 1 to 3 (shards are counted from 1)"],
      ['4/3', "--shard: the index in '4/3' must be a whole number from 1 to 3 (shards are counted from 1)"],
      ['a/b', "--shard: 'a/b' must be <index>/<count>, such as 2/5 (the 2nd of 5 shards, counted from 1)"],
      ['1/0', "--shard: the count in '1/0' must be a whole number from 1 to 256"],
    ];
    for (const [value, line] of cases) {
      const run = await refused(['check', '--targets', path, '--shard', value, ...connection()]);
      expect(run.stderr).toBe(`smtp-oauth-setup: ${line}\n`);
    }
    const json = await refused(['check', '--targets', path, '--shard', '1/0', '--json', ...connection()]);
    expect(parseValid('fleet', json.stdout)).toMatchObject({ exitCode: 2, shard: null, diagnosis: { code: 'input-invalid', problems: [cases[3]![1]] } });
    const single = await refused(['check', '--shard', '1/2', '--tenant-id', 'contoso.onmicrosoft.com', '--client-id', sandbox.fleetClients[0]!.clientId, '--mailbox', 'a@contoso.com', ...connection()]);
    expect(single.stderr).toBe('smtp-oauth-setup: --shard: only with --targets (it splits a targets file between CI jobs)\n');
  });

  it('refuses to merge a file that is not a fleet report, naming it; and one that is missing', async () => {
    const checkJson = join(dir, 'single-check.json');
    const single = await runCli(['check', '--tenant-id', 'contoso.onmicrosoft.com', '--json'], { env: { NO_COLOR: '1' } });
    await writeFile(checkJson, single.stdout);
    const notJson = join(dir, 'notes.txt');
    await writeFile(notJson, 'shard 1 passed\n');
    const one = await refused(['report', 'merge', checkJson]);
    expect(one.stderr).toMatch(new RegExp(`^smtp-oauth-setup: ${checkJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not the JSON of check --targets --json \\(.+\\)\\n$`));
    const two = await refused(['report', 'merge', notJson, join(dir, 'nope.json'), '--json']);
    const out = parseValid<{ diagnosis: { problems: string[] } }>('fleet', two.stdout);
    expect(out.diagnosis.problems).toEqual([expect.stringMatching(new RegExp(`^${notJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(`)), `${join(dir, 'nope.json')}: no such file`]);
  });

  it('refuses overlapping shards', async () => {
    sandbox.applyScenario('healthy');
    const { path } = await writeTargets('overlap.csv');
    const run = await runCli(['check', '--targets', path, '--shard', '1/2', '--json', ...connection()], { env: env(), timeoutMs: 60_000 });
    const file = join(dir, 'overlap-1.json');
    await writeFile(file, run.stdout);
    const merged = await refused(['report', 'merge', file, file]);
    expect(merged.stderr.split('\n')).toContain(`smtp-oauth-setup: shard 1 of 2 is in both ${file} and ${file}`);
    expect(merged.stderr).toContain('shard 2 of 2 missing');
  }, 60_000);
});
