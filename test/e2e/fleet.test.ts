import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { type CliRun, runCli } from '../support/cli.js';
import { parseValid } from '../support/json-schema.js';

/**
 * `check --targets`: the built CLI against a sandbox with three tenants of three mailboxes each,
 * real MSAL and nodemailer, one target broken on purpose.
 */
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ fleet: { tenants: 3, mailboxesPerTenant: 3 } });
  dir = await mkdtemp(join(tmpdir(), 'fleet-e2e-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface FleetOutput {
  ok: boolean;
  exitCode: number;
  totals: { targets: number; passed: number; failed: number; warned: number; byExitCode: Record<string, number>; tokens: number; retries: number; durationMs: number };
  results: Array<{
    name: string;
    ok: boolean;
    exitCode: number;
    attempts: Array<{ exitCode: number }>;
    diagnosis: { code: string; step: number | null; transient: boolean; propagation: boolean } | null;
    plan: { smtp: { user: string }; token: { credential: string } };
    token: { acquired: boolean; claims: { tid: string } | null };
    smtp: { authenticated: boolean; messageId: string | null };
    warnings: string[];
  }>;
}

const secretVar = (i: number) => `FLEET_SECRET_${i + 1}`;

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_EXTRA_CA_CERTS: sandbox.caFile,
    NO_COLOR: '1',
    ...Object.fromEntries(sandbox.fleetClients.map((c, i) => [secretVar(i), c.clientSecret])),
    ...extra,
  };
}

const connection = () => ['--authority-host', sandbox.authorityHost, '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port), '--timeout', '10'];

/**
 * One row per mailbox: `customerN-senderMM`, secrets by variable name only. `sharedFirst` adds two
 * more rows right after the first, for the same mailbox (several applications sending through one).
 */
async function writeTargets(name: string, options: { expiring?: { row: number; date: string }; sharedFirst?: boolean } = {}): Promise<string> {
  const rows = ['name,tenant,clientId,secretEnv,mailbox,to,secretExpires'];
  let row = 0;
  sandbox.fleetClients.forEach((c, i) => {
    for (const mailbox of c.mailboxes) {
      const date = options.expiring?.row === row++ ? options.expiring.date : '';
      rows.push(`customer${i + 1}-${mailbox.split('@')[0]},${c.tenantId},${c.clientId},${secretVar(i)},${mailbox},${c.to},${date}`);
      if (options.sharedFirst && row === 1) for (const n of [2, 3]) rows.push(`customer1-app${n},${c.tenantId},${c.clientId},${secretVar(i)},${mailbox},${c.to},`);
    }
  });
  const path = join(dir, name);
  await writeFile(path, rows.join('\n') + '\n');
  return path;
}

const tokenPosts = () => sandbox.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')).length;

function expectNoSecrets(...texts: string[]): void {
  for (const text of texts) {
    for (const c of sandbox.fleetClients) expect(text).not.toContain(c.clientSecret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(text).not.toContain('dXNlcj1');
  }
}

describe('check --targets against three tenants', () => {
  it('checks every mailbox with one token per tenant, one session per mailbox at a time, and reports the worst failure', async () => {
    sandbox.applyScenario('healthy');
    // customer2's second mailbox has SMTP AUTH turned off (exit 4, setup step 3).
    const broken = sandbox.fleetTenants[1]!.mailboxes[1]!;
    broken.smtpClientAuthenticationDisabled = true;
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const targets = await writeTargets('targets.csv', { expiring: { row: 0, date: inTenDays }, sharedFirst: true });
    const summaryPath = join(dir, 'summary.md');
    await writeFile(summaryPath, '## Earlier step\n');
    const junitPath = join(dir, 'results.xml');
    const postsBefore = tokenPosts();
    const receivedBefore = sandbox.received.length;

    const run = await runCli(['check', '--targets', targets, '--json', '--concurrency', '4', '--junit', junitPath, ...connection()], {
      env: env({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryPath }),
      timeoutMs: 60_000,
    });
    expect(run.status, run.stderr).toBe(4);

    // One JSON object: a result per target, each shaped like a single check, and totals.
    const out = parseValid<FleetOutput>('fleet', run.stdout);
    expect(out).toMatchObject({ ok: false, exitCode: 4 });
    expect(out.totals).toMatchObject({ targets: 11, passed: 10, failed: 1, warned: 1, byExitCode: { '0': 10, '4': 1 }, tokens: 3, retries: 0 });
    const names = sandbox.fleetClients.flatMap((c, i) => c.mailboxes.map((m) => `customer${i + 1}-${m.split('@')[0]}`));
    expect(out.results.map((r) => r.name)).toEqual([names[0], 'customer1-app2', 'customer1-app3', ...names.slice(1)]);
    const failed = out.results.filter((r) => !r.ok);
    // SMTP AUTH off is a propagation answer, not a transient one: a fleet tries it once (attempts below).
    expect(failed.map((r) => [r.name, r.exitCode, r.diagnosis?.code, r.diagnosis?.step, r.diagnosis?.transient, r.diagnosis?.propagation, r.plan.smtp.user])).toEqual([
      ['customer2-sender02', 4, 'smtp-auth-disabled-mailbox', 3, false, true, broken.address],
    ]);
    for (const r of out.results) {
      expect(r.token.acquired).toBe(true);
      expect(r.attempts).toHaveLength(1);
      expect(r.plan.token.credential).toMatch(/^client secret from FLEET_SECRET_[123] \(40 characters, not shown\)$/);
      if (r.ok) expect(r.smtp.messageId).toMatch(/^<.+>$/);
    }
    expect(out.results[0]!.warnings.join('\n')).toContain(`expires on ${inTenDays}`);

    // The sandbox saw exactly one token request per tenant and never two sessions for one mailbox,
    // not even for the three targets of customer1's first mailbox, queued next to each other.
    expect(tokenPosts() - postsBefore).toBe(3);
    expect(sandbox.stats().maxConcurrentSessionsPerMailbox).toBe(1);
    expect(sandbox.stats().mailboxSessions[sandbox.fleetClients[0]!.mailboxes[0]!.toLowerCase()]).toEqual({ current: 0, max: 1 });
    expect(sandbox.received.length - receivedBefore).toBe(10);

    // GitHub Actions: annotations on stderr, a summary appended to the job summary.
    const annotations = run.stderr.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toEqual([
      expect.stringMatching(/^::warning title=customer1-sender01%3A warning::The client secret expires on \d{4}-\d{2}-\d{2} \(in 10 days\)/),
      expect.stringMatching(/^::error title=customer2-sender02%3A smtp-auth-disabled-mailbox \(setup step 3\)::SMTP AUTH is turned off for mailbox .*%0A.*Set-CASMailbox/),
    ]);
    const summary = await readFile(summaryPath, 'utf8');
    expect(summary.startsWith('## Earlier step\n### smtp-oauth-setup: 10 of 11 passed')).toBe(true);
    expect(summary).toContain('| customer2-sender02 | ❌ smtp-auth-disabled-mailbox | 3 | 4 |');
    expect(summary).toContain('| customer3-sender03 | ✅ ok |');

    // JUnit: one test case per target, the failure typed by its diagnosis code.
    const xml = await readFile(junitPath, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' || n === 'testsuite' }).parse(xml);
    const suite = doc.testsuites.testsuite[0];
    expect(suite).toMatchObject({ tests: '11', failures: '1', errors: '0' });
    expect(suite.testcase.map((tc: { name: string }) => tc.name)).toEqual(out.results.map((r) => r.name));
    const failure = suite.testcase.find((tc: { failure?: unknown }) => tc.failure).failure;
    expect(failure.type).toBe('smtp-auth-disabled-mailbox');
    for (const tc of suite.testcase) expect(Number(tc.time)).toBeGreaterThan(0);

    expectNoSecrets(run.stdout, run.stderr, summary, xml);
    broken.smtpClientAuthenticationDisabled = false;
  }, 90_000);

  it('shows a table, the diagnosis of each failure and the totals to a person; progress on stderr', async () => {
    sandbox.applyScenario('healthy');
    // customer3's app lost its admin consent: its three mailboxes fail at the token (exit 3), the worst.
    sandbox.fleetTenants[2]!.apps[0]!.consentedRoles = [];
    sandbox.fleetTenants[0]!.mailboxes[2]!.smtpClientAuthenticationDisabled = true;
    const targets = await writeTargets('human.csv');
    const run = await runCli(['check', '--targets', targets, '--concurrency', '2', ...connection()], { env: env(), timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(3);
    expect(run.stdout).toMatch(/^target\s+mailbox\s+result\s+exit\s+step$/m);
    expect(run.stdout).toMatch(/^customer1-sender01\s+sender01@fleet01-sandbox\.onmicrosoft\.com\s+✔ ok, message queued\s+0$/m);
    expect(run.stdout).toMatch(/^customer1-sender03\s+\S+\s+✖ smtp-auth-disabled-mailbox\s+4\s+3$/m);
    expect(run.stdout).toMatch(/^customer3-sender02\s+\S+\s+✖ token-missing-role\s+3\s+1$/m);
    expect(run.stdout).toContain('Set-CASMailbox -Identity sender03@fleet01-sandbox.onmicrosoft.com');
    expect(run.stdout).toMatch(/5 of 9 passed · 4 failed \(3 × exit 3, 1 × exit 4\) · 3 tokens/);
    expect(run.stdout).toContain('Exit 3: the most serious failure (Entra ID token).');
    expect(run.stderr).toContain('Checking 9 targets with 3 tokens, 2 at a time');
    expect(run.stderr).toContain('✖ customer3-sender01: token-missing-role (exit 3)');
    expect(run.stderr).not.toContain('::');
    expectNoSecrets(run.stdout, run.stderr);
    sandbox.applyScenario('healthy');
  }, 90_000);
});

describe('check --targets with a certificate credential', () => {
  it('signs in with the certificate a row names, as a token group of its own, and never prints the key', async () => {
    sandbox.applyScenario('healthy');
    const cert = createSelfSignedCertificate({ commonName: 'fleet.contoso.com', validDays: 30 });
    const pemPath = join(dir, 'customer3.pem');
    await writeFile(pemPath, cert.certificatePem + cert.privateKeyPem, { mode: 0o600 });
    const c = sandbox.fleetClients[2]!;
    sandbox.fleetTenants[2]!.apps[0]!.certificates.push({ thumbprintSha256: cert.thumbprintSha256, certificatePem: cert.certificatePem });
    const rows = [
      'name,tenant,clientId,secretEnv,certificateFile,mailbox',
      ...c.mailboxes.map((m, i) => `cert-${i + 1},${c.tenantId},${c.clientId},,${pemPath},${m}`),
      `secret-1,${c.tenantId},${c.clientId},${secretVar(2)},,${c.mailboxes[0]}`,
    ];
    const path = join(dir, 'certificate.csv');
    await writeFile(path, rows.join('\n'));
    const posts = tokenPosts();
    const run = await runCli(['check', '--targets', path, '--json', ...connection()], { env: env(), timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const out = parseValid<FleetOutput>('fleet', run.stdout);
    expect(out.totals).toMatchObject({ targets: 4, passed: 4, tokens: 2 });
    expect(out.results[0]!.plan.token.credential).toContain(`certificate ${cert.thumbprintSha256}`);
    expect(out.results[3]!.plan.token.credential).toMatch(/^client secret from FLEET_SECRET_3/);
    expect(tokenPosts() - posts).toBe(2);
    expect(run.stdout + run.stderr).not.toContain('PRIVATE KEY');
    expect(run.stdout + run.stderr).not.toContain(cert.privateKeyPem.split('\n')[1]!);
    sandbox.applyScenario('healthy');
  }, 60_000);
});

describe('check --targets: invalid input (exit 2, nothing checked)', () => {
  async function refused(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
    const posts = tokenPosts();
    const run = await runCli(['check', ...args, ...connection()], { env: env(extraEnv) });
    expect(run.status, run.stderr).toBe(2);
    expect(tokenPosts()).toBe(posts);
    return run;
  }

  it('refuses per-target flags with --targets, and lists every unusable row', async () => {
    const targets = await writeTargets('input.csv');
    const flags = await refused(['--targets', targets, '--tenant-id', 'contoso.onmicrosoft.com', '--concurrency', '0']);
    expect(flags.stderr).toContain('--tenant-id: not with --targets; each target takes it from the tenant column');
    expect(flags.stderr).toContain('--concurrency: must be a whole number from 1 to 64');

    const unset = await runCli(['check', '--targets', targets, '--json', ...connection()], { env: { NODE_EXTRA_CA_CERTS: sandbox.caFile, [secretVar(0)]: sandbox.fleetClients[0]!.clientSecret } });
    expect(unset.status).toBe(2);
    const error = parseValid<{ error: { problems: string[] } }>('fleet', unset.stdout);
    expect(error.error.problems).toEqual([
      'input.csv row 5 (customer2-sender01): secretEnv: the environment variable FLEET_SECRET_2 is not set',
      'input.csv row 6 (customer2-sender02): secretEnv: the environment variable FLEET_SECRET_2 is not set',
      'input.csv row 7 (customer2-sender03): secretEnv: the environment variable FLEET_SECRET_2 is not set',
      'input.csv row 8 (customer3-sender01): secretEnv: the environment variable FLEET_SECRET_3 is not set',
      'input.csv row 9 (customer3-sender02): secretEnv: the environment variable FLEET_SECRET_3 is not set',
      'input.csv row 10 (customer3-sender03): secretEnv: the environment variable FLEET_SECRET_3 is not set',
    ]);
  });

  it('a targets file with one bad row: with --json the whole fleet object, diagnosis input-invalid naming the row, no results', async () => {
    const good = await writeTargets('one-bad-row.csv');
    const lines = (await readFile(good, 'utf8')).trimEnd().split('\n');
    lines[2] = lines[2]!.replace(/,[^,@]+@[^,]+,/, ',not-an-address,');
    await writeFile(good, lines.join('\n') + '\n');
    const run = await refused(['--targets', good, '--json']);
    const out = parseValid('fleet', run.stdout);
    expect(out).toMatchObject({ ok: false, exitCode: 2, diagnosis: { code: 'input-invalid', step: 4 }, results: [], totals: { targets: 0 } });
    expect(out.diagnosis.problems).toEqual(['one-bad-row.csv row 3: mailbox: must be an email address such as alerts@contoso.com']);
    expect(out.error.problems).toEqual(out.diagnosis.problems);
  });

  it('refuses a JUnit path it could not write, before checking anything', async () => {
    const targets = await writeTargets('junit.csv');
    const run = await refused(['--targets', targets, '--junit', join(dir, 'no-such-dir', 'x.xml')]);
    expect(run.stderr).toContain('the directory');
    expect(run.stderr).toContain('does not exist');
  });
});

describe('check --targets: a larger fleet', () => {
  it('prints the whole JSON object through a pipe (300 targets: far more than a pipe holds at once)', async () => {
    const big = await startSandbox({ fleet: { tenants: 20, mailboxesPerTenant: 15 } });
    try {
      const rows = ['tenant,clientId,secretEnv,mailbox'];
      const bigEnv: Record<string, string> = { NODE_EXTRA_CA_CERTS: big.caFile };
      big.fleetClients.forEach((c, i) => {
        bigEnv[`BIG_SECRET_${i}`] = c.clientSecret;
        for (const mailbox of c.mailboxes) rows.push(`${c.domain},${c.clientId},BIG_SECRET_${i},${mailbox}`);
      });
      const path = join(dir, 'big.csv');
      await writeFile(path, rows.join('\n'));
      const run = await runCli(
        ['check', '--targets', path, '--json', '--concurrency', '16', '--authority-host', big.authorityHost, '--smtp-host', big.smtp.host, '--smtp-port', String(big.smtp.port)],
        { env: bigEnv, timeoutMs: 80_000 },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(256 * 1024);
      const out = parseValid<FleetOutput>('fleet', run.stdout);
      expect(out.totals).toMatchObject({ targets: 300, passed: 300, tokens: 20 });
      expect(big.stats()).toMatchObject({ tokenRequests: 20, smtpConnections: 300, maxConcurrentSessionsPerMailbox: 1 });
      // Progress in a log: a line at every tenth of the way.
      expect(run.stderr.split('\n').filter((line) => /^checked \d+ of 300$/.test(line))).toHaveLength(10);
    } finally {
      await big.close();
    }
  }, 90_000);
});
