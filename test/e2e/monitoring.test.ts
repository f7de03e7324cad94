import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { runCli } from '../support/cli.js';
import { parsePluginOutput, validPerfdata } from '../support/nagios-output.js';
import { PROMTOOL, PROMTOOL_REQUIRED, promtoolCheck } from '../support/promtool.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { expectMode } from '../support/platform.js';

/**
 * `check --format nagios` and `check --metrics-file`, the built CLI against the sandbox (real MSAL,
 * real nodemailer): a single check and a fleet of two tenants with two mailboxes each.
 */
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ fleet: { tenants: 2, mailboxesPerTenant: 2 } });
  dir = await mkdtemp(join(tmpdir(), 'monitoring-e2e-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => sandboxEnv(sandbox, { NO_COLOR: '1', ...extra });
const smtp = () => [...sandboxSmtpArgs(sandbox), '--timeout', '10'];
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function expectNoSecrets(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(sandbox.client.clientSecret);
    for (const c of sandbox.fleetClients) expect(text).not.toContain(c.clientSecret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  }
}

/** The value of the sample of `name` whose labels contain every `labels` pair (as written in the file). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** The metrics file as the textfile collector reads it: Prometheus's own parser first (where it is installed, see test/support/promtool.ts). */
function expectValidMetrics(text: string): void {
  if (PROMTOOL || PROMTOOL_REQUIRED) expect(promtoolCheck(text)).toEqual({ status: 0, findings: '' });
  expect(text).toMatch(/^# HELP smtp_oauth_/);
}

describe('check --format nagios', () => {
  it('healthy: exit 0, an OK status line, parsable perfdata with all three timings, nothing on stderr', async () => {
    sandbox.applyScenario('healthy');
    const run = await runCli(['check', ...smtp(), '--to', sandbox.client.to, '--format', 'nagios'], { env: env() });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const { status, long } = parsePluginOutput(run.stdout);
    expect(status).toBe(`SMTP-OAUTH OK - ${sandbox.client.mailbox}: token, AUTH XOAUTH2 and the test message accepted by ${sandbox.smtp.host}:${sandbox.smtp.port}`);
    expect(long).toEqual([]);
    const perf = validPerfdata(run.stdout);
    expect(Object.keys(perf)).toEqual(['token_ms', 'smtp_ms', 'total_ms']);
    for (const value of Object.values(perf)) expect(value).toMatch(/^\d+ms;;;0$/);
    // Icinga shows a plugin's stderr inside its output: a plugin run writes nothing there.
    expect(run.stderr).toBe('');
    expectNoSecrets(run.stdout);
  });

  it('a refusal: exit 2 CRITICAL with the diagnosis code and setup step, the fix in the long output', async () => {
    sandbox.applyScenario('smtp-auth-disabled-mailbox');
    const run = await runCli(['check', ...smtp(), '--format', 'nagios'], { env: env() });
    expect(run.status, run.stdout).toBe(2);
    const { status, long } = parsePluginOutput(run.stdout);
    expect(status).toBe(`SMTP-OAUTH CRITICAL - ${sandbox.client.mailbox}: smtp-auth-disabled-mailbox at setup step 3`);
    expect(long.join('\n')).toContain(`Set-CASMailbox -Identity ${sandbox.client.mailbox}`);
    expect(validPerfdata(run.stdout)).toMatchObject({ token_ms: expect.stringMatching(/^\d+ms;;;0$/), smtp_ms: expect.stringMatching(/^\d+ms;;;0$/) });
    expectNoSecrets(run.stdout, run.stderr);
  });

  it('an expiring secret: exit 1 WARNING, the days left as perfdata with --warn-days as the threshold', async () => {
    sandbox.applyScenario('healthy');
    const run = await runCli(['check', ...smtp(), '--format', 'nagios', '--secret-expires', inDays(10), '--warn-days', '20'], { env: env() });
    expect(run.status, run.stdout).toBe(1);
    expect(parsePluginOutput(run.stdout).status).toMatch(/^SMTP-OAUTH WARNING - .*: sending works, but the client secret expires on \d{4}-\d{2}-\d{2} \(in 1\d days\)$/);
    expect(validPerfdata(run.stdout).secret_days_left).toMatch(/^9\.\d\d;20:;0:$/);
  });

  it('a certificate within --warn-days of its expiry: exit 1 WARNING with certificate_days_left; its notAfter in the metrics', async () => {
    sandbox.applyScenario('healthy');
    const cert = createSelfSignedCertificate({ commonName: 'relay.contoso.com', validDays: 10 });
    sandbox.tenant.apps[0]!.certificates.push({ thumbprintSha256: cert.thumbprintSha256, certificatePem: cert.certificatePem });
    const pemPath = join(dir, 'app.pem');
    await writeFile(pemPath, cert.certificatePem + cert.privateKeyPem, { mode: 0o600 });
    const metricsPath = join(dir, 'cert.prom');
    const run = await runCli(['check', ...smtp(), '--format', 'nagios', '--certificate', pemPath, '--metrics-file', metricsPath], {
      env: sandboxEnv(sandbox, { NO_COLOR: '1' }, { secret: false }),
    });
    await rm(pemPath);
    expect(run.status, run.stdout).toBe(1);
    expect(parsePluginOutput(run.stdout).status).toMatch(/: sending works, but the certificate expires on \d{4}-\d{2}-\d{2} \(in 1?\d days\)$/);
    expect(validPerfdata(run.stdout).certificate_days_left).toMatch(/^(9|10)\.\d\d;30:;0:$/);
    const metrics = await readFile(metricsPath, 'utf8');
    expectValidMetrics(metrics);
    expect(sample(metrics, 'smtp_oauth_certificate_expiry_timestamp_seconds', { mailbox: sandbox.client.mailbox })).toBe(Math.floor(cert.notAfter.getTime() / 1000));
    expect(metrics).not.toContain('PRIVATE KEY');
  });

  it('invalid or missing input: exit 3 UNKNOWN, also when parsing fails; the normal exit codes without --format nagios', async () => {
    const missing = await runCli(['check', '--format', 'nagios'], { env: { NO_COLOR: '1' } });
    expect(missing.status).toBe(3);
    expect(missing.stdout).toMatch(/^SMTP-OAUTH UNKNOWN - input-missing: the check could not run: Missing: --tenant-id/);
    expect(missing.stderr).toBe('');
    const invalid = await runCli(['check', ...smtp(), '--format=nagios', '--smtp-port', 'many'], { env: env() });
    expect(invalid.status).toBe(3);
    expect(invalid.stdout).toMatch(/^SMTP-OAUTH UNKNOWN - input-invalid: /);
    const unknownFlag = await runCli(['check', '--format', 'nagios', '--no-such-flag'], { env: env() });
    expect([unknownFlag.status, unknownFlag.stdout]).toEqual([3, expect.stringMatching(/^SMTP-OAUTH UNKNOWN - input-invalid: .*--no-such-flag/)]);
    const both = await runCli(['check', '--json', '--format', 'nagios'], { env: env() });
    expect([both.status, both.stdout]).toEqual([3, 'SMTP-OAUTH UNKNOWN - input-invalid: the check could not run: --json: not with --format nagios (--json is --format json)\n']);
    // The default stays the tool's own exit codes.
    expect((await runCli(['check', '--smtp-port', 'many'], { env: env() })).status).toBe(2);
    sandbox.applyScenario('smtp-auth-disabled-mailbox');
    expect((await runCli(['check', ...smtp()], { env: env() })).status).toBe(4);
  });
});

/** One row per fleet mailbox, secrets by variable name. */
async function writeTargets(name: string): Promise<string> {
  const rows = ['name,tenant,clientId,secretEnv,mailbox,to,secretExpires'];
  sandbox.fleetClients.forEach((c, i) => {
    c.mailboxes.forEach((mailbox, m) => rows.push(`t${i + 1}-${m + 1},${c.tenantId},${c.clientId},FLEET_SECRET_${i + 1},${mailbox},${c.to},${i === 0 && m === 0 ? inDays(5) : ''}`));
  });
  const path = join(dir, name);
  await writeFile(path, rows.join('\n') + '\n');
  return path;
}

const fleetEnv = () => ({
  NODE_EXTRA_CA_CERTS: sandbox.caFile,
  NO_COLOR: '1',
  ...Object.fromEntries(sandbox.fleetClients.map((c, i) => [`FLEET_SECRET_${i + 1}`, c.clientSecret])),
});
const fleetConnection = () => ['--authority-host', sandbox.authorityHost, ...smtp()];

describe('check --targets --format nagios and --metrics-file', () => {
  it('the worst state wins, one long-output line per target not OK; the metrics file has one sample per target', async () => {
    sandbox.applyScenario('healthy');
    const broken = sandbox.fleetTenants[1]!.mailboxes[1]!;
    broken.smtpClientAuthenticationDisabled = true;
    try {
      const targets = await writeTargets('targets.csv');
      const metricsPath = join(dir, 'fleet.prom');
      const run = await runCli(['check', '--targets', targets, '--format', 'nagios', '--metrics-file', metricsPath, ...fleetConnection()], { env: fleetEnv(), timeoutMs: 60_000 });
      expect(run.status, run.stdout).toBe(2);
      const { status, long } = parsePluginOutput(run.stdout);
      expect(status).toBe(`SMTP-OAUTH CRITICAL - 3 of 4 targets passed; 1 critical, 1 warning, 0 unknown; worst: t2-2 (${broken.address}: smtp-auth-disabled-mailbox at setup step 3)`);
      expect(long).toEqual([
        expect.stringMatching(new RegExp(`^\\[CRITICAL\\] t2-2 \\(${broken.address.replace(/\./g, '\\.')}: smtp-auth-disabled-mailbox at setup step 3\\) - `)),
        expect.stringMatching(/^\[WARNING\] t1-1 \(.*: sending works, but the client secret expires on .* \(in 5 days\)\)$/),
      ]);
      expect(validPerfdata(run.stdout)).toMatchObject({ targets: '4;;;0', passed: '3;;;0', critical: '1;;;0', warning: '1;;;0', unknown: '0;;;0', min_secret_days_left: expect.stringMatching(/^4\.\d\d;30:;0:$/) });
      expect(run.stderr).toBe('');

      const metrics = await readFile(metricsPath, 'utf8');
      expectValidMetrics(metrics);
      for (const [name, ok] of [['t1-1', 1], ['t1-2', 1], ['t2-1', 1], ['t2-2', 0]] as const) {
        expect(sample(metrics, 'smtp_oauth_check_success', { target: name }), name).toBe(ok);
      }
      expect(sample(metrics, 'smtp_oauth_check_exit_code', { target: 't2-2', mailbox: broken.address })).toBe(4);
      expect(sample(metrics, 'smtp_oauth_check_diagnosis_info', { target: 't2-2', code: 'smtp-auth-disabled-mailbox', step: '3' })).toBe(1);
      expect(sample(metrics, 'smtp_oauth_secret_expiry_timestamp_seconds', { target: 't1-1' })).toBe(Date.parse(`${inDays(5)}T00:00:00Z`) / 1000);
      expect(sample(metrics, 'smtp_oauth_run_exit_code')).toBe(4);
      expect(sample(metrics, 'smtp_oauth_run_targets')).toBe(4);
      expect(metrics.split('\n').filter((l) => l.startsWith('smtp_oauth_check_success{'))).toHaveLength(4);
      expectNoSecrets(run.stdout, metrics);
    } finally {
      broken.smtpClientAuthenticationDisabled = false;
    }
  });

  it('all passed: exit 0 and an OK line', async () => {
    const run = await runCli(['check', '--targets', await writeTargets('ok.csv'), '--format', 'nagios', '--warn-days', '2', ...fleetConnection()], { env: fleetEnv(), timeoutMs: 60_000 });
    expect(run.status, run.stdout).toBe(0);
    expect(parsePluginOutput(run.stdout).status).toBe('SMTP-OAUTH OK - all 4 targets passed');
  });
});

describe('check --metrics-file', () => {
  it('one check: written atomically with mode 0644 (the collector runs as another user), labelled with tenant, client id and mailbox, durations in seconds', async () => {
    sandbox.applyScenario('healthy');
    const path = join(dir, 'single.prom');
    await writeFile(path, 'stale');
    const before = Date.now() / 1000;
    const run = await runCli(['check', ...smtp(), '--to', sandbox.client.to, '--json', '--metrics-file', path, '--secret-expires', inDays(100)], { env: env() });
    expect(run.status, run.stderr).toBe(0);
    const metrics = await readFile(path, 'utf8');
    expectValidMetrics(metrics);
    const labels = { target: sandbox.client.mailbox, tenant: sandbox.client.tenantId, client_id: sandbox.client.clientId, mailbox: sandbox.client.mailbox };
    expect(sample(metrics, 'smtp_oauth_check_success', labels)).toBe(1);
    expect(sample(metrics, 'smtp_oauth_check_exit_code', labels)).toBe(0);
    expect(sample(metrics, 'smtp_oauth_check_diagnosis_info', { ...labels, code: 'none' })).toBe(1);
    const total = sample(metrics, 'smtp_oauth_check_duration_seconds', labels)!;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(30);
    for (const leg of ['token', 'smtp_connect', 'smtp_auth', 'smtp_send']) expect(sample(metrics, 'smtp_oauth_check_leg_duration_seconds', { ...labels, leg })).toBeLessThanOrEqual(total);
    expect(sample(metrics, 'smtp_oauth_secret_expiry_timestamp_seconds', labels)).toBe(Date.parse(`${inDays(100)}T00:00:00Z`) / 1000);
    const checkedAt = sample(metrics, 'smtp_oauth_check_timestamp_seconds', labels)!;
    expect(checkedAt).toBeGreaterThanOrEqual(before - 1);
    expect(checkedAt).toBeLessThanOrEqual(Date.now() / 1000);
    expectMode(path, 0o644);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expectNoSecrets(metrics);
  });

  it('a failed check writes its failure; a run that could not start writes the run\'s exit code; a bad path is refused before the run', async () => {
    sandbox.applyScenario('no-admin-consent');
    const path = join(dir, 'failed.prom');
    const failed = await runCli(['check', ...smtp(), '--metrics-file', path], { env: env() });
    expect(failed.status).toBe(3);
    let metrics = await readFile(path, 'utf8');
    expectValidMetrics(metrics);
    expect(sample(metrics, 'smtp_oauth_check_success', { mailbox: sandbox.client.mailbox })).toBe(0);
    expect(sample(metrics, 'smtp_oauth_check_diagnosis_info', { code: 'token-missing-role' })).toBe(1);
    // The smtp legs were never reached: no samples, not zeros.
    expect(sample(metrics, 'smtp_oauth_check_leg_duration_seconds', { leg: 'smtp_auth' })).toBeUndefined();

    const invalid = await runCli(['check', ...smtp(), '--smtp-port', 'many', '--metrics-file', path], { env: env() });
    expect(invalid.status).toBe(2);
    metrics = await readFile(path, 'utf8');
    expectValidMetrics(metrics);
    expect([sample(metrics, 'smtp_oauth_run_exit_code'), sample(metrics, 'smtp_oauth_run_targets'), sample(metrics, 'smtp_oauth_check_success')]).toEqual([2, 0, undefined]);

    const posts = sandbox.requestLog.length;
    const badPath = await runCli(['check', ...smtp(), '--metrics-file', join(dir, 'no-such-dir', 'x.prom')], { env: env() });
    expect(badPath.status).toBe(2);
    expect(badPath.stderr).toContain(`--metrics-file: ${join(dir, 'no-such-dir', 'x.prom')}: the directory ${join(dir, 'no-such-dir')} does not exist`);
    expect(sandbox.requestLog.length).toBe(posts);
  });
});
