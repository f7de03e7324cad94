// Fleet: `check --targets` with 500 mailboxes across 50 tenants against the in-process sandbox, at
// concurrency 1, 2, 4, 8 and 16. Prints, per run: wall time, token requests (budget: exactly 50, one
// per tenant), the most SMTP sessions seen at once for one mailbox (budget: 1), the CLI's peak
// memory (budget: under 200 MB), and errors (budget: 0, the sandbox's included). Loopback only; the
// CLI is spawned asynchronously because the sandbox serving it runs in this process's event loop.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const maxRss = fileURLToPath(new URL('./max-rss.mjs', import.meta.url));
const TENANTS = Number(process.env.BENCH_FLEET_TENANTS ?? 50);
const MAILBOXES = Number(process.env.BENCH_FLEET_MAILBOXES ?? 10);
const LEVELS = (process.env.BENCH_FLEET_CONCURRENCY ?? '1,2,4,8,16').split(',').map(Number);
const MEMORY_BUDGET_MB = 200;

function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', maxRss, bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    // A fleet run that hangs must not hang the benchmark: every network step has a timeout, this is the last resort.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10 * 60 * 1000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: Number(process.hrtime.bigint() - start) / 1e6 });
    });
  });
}

/** A targets file (CSV) of the fleet's first `tenants` tenants, every mailbox of each; their secrets go to `env`. */
async function writeTargets(sandbox, file, env, tenants = sandbox.fleetClients.length) {
  const rows = ['name,tenant,clientId,secretEnv,mailbox,to'];
  sandbox.fleetClients.slice(0, tenants).forEach((client, i) => {
    env[`FLEET_SECRET_${i + 1}`] = client.clientSecret;
    for (const mailbox of client.mailboxes) rows.push(`t${i + 1}-${mailbox.split('@')[0]},${client.tenantId},${client.clientId},FLEET_SECRET_${i + 1},${mailbox},${client.to}`);
  });
  await writeFile(file, rows.join('\n') + '\n');
  return rows.length - 1;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function connectionFlags(sandbox) {
  return ['--authority-host', sandbox.authorityHost, '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port)];
}

export async function benchFleet() {
  const { startSandbox } = await import('../dist/sandbox/index.js');
  const sandbox = await startSandbox({ fleet: { tenants: TENANTS, mailboxesPerTenant: MAILBOXES } });
  const dir = await mkdtemp(join(tmpdir(), 'smtp-oauth-bench-fleet-'));
  try {
    const env = { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: sandbox.caFile, NO_COLOR: '1' };
    const targets = join(dir, 'targets.csv');
    await writeTargets(sandbox, targets, env);
    const total = TENANTS * MAILBOXES;
    const connection = connectionFlags(sandbox);

    console.log(`\nFleet: ${total} mailboxes across ${TENANTS} tenants against the sandbox (budgets: ${TENANTS} token requests, 1 session per mailbox, < ${MEMORY_BUDGET_MB} MB, 0 errors)`);
    console.log(`  ${'concurrency'.padEnd(12)}${'wall'.padStart(10)}${'speed-up'.padStart(10)}${'token POSTs'.padStart(13)}${'other requests'.padStart(16)}${'max sessions/mailbox'.padStart(22)}${'peak memory'.padStart(13)}${'errors'.padStart(8)}`);
    const figures = [];
    for (const concurrency of LEVELS) {
      const logBefore = sandbox.requestLog.length;
      const authBefore = sandbox.authAttempts.length;
      const receivedBefore = sandbox.received.length;
      const rssFile = join(dir, `rss-${concurrency}.txt`);
      const run = await runCli(['check', '--targets', targets, '--json', '--concurrency', String(concurrency), ...connection], { ...env, BENCH_MAXRSS_FILE: rssFile });
      const requests = sandbox.requestLog.slice(logBefore);
      const tokenPosts = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')).length;
      let results = [];
      try {
        results = JSON.parse(run.stdout).results;
      } catch {
        // counted as errors below
      }
      // Errors: a target that did not pass, an AUTH the sandbox refused, a request it did not answer 200, a missing message.
      const errors =
        (run.status === 0 ? 0 : 1) +
        (total - results.filter((r) => r.ok).length) +
        sandbox.authAttempts.slice(authBefore).filter((a) => a.outcome !== 'ok').length +
        requests.filter((r) => r.status !== 200).length +
        Math.abs(total - (sandbox.received.length - receivedBefore));
      const peakMb = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN')) / 1024;
      const figure = { concurrency, ms: run.ms, tokenPosts, otherRequests: requests.length - tokenPosts, maxSessions: sandbox.stats().maxConcurrentSessionsPerMailbox, peakMb, errors };
      figures.push(figure);
      const speedUp = figures[0].ms / figure.ms;
      console.log(
        `  ${String(concurrency).padEnd(12)}${`${(figure.ms / 1000).toFixed(1)} s`.padStart(10)}${`${speedUp.toFixed(2)}×`.padStart(10)}${String(tokenPosts).padStart(13)}${String(figure.otherRequests).padStart(16)}${String(figure.maxSessions).padStart(22)}${`${peakMb.toFixed(0)} MB`.padStart(13)}${String(errors).padStart(8)}`,
      );
      if (errors > 0) console.log(`    exit ${run.status}; stderr: ${run.stderr.split('\n').slice(-5).join(' | ')}`);
    }
    const ok = (condition) => (condition ? '✔' : '✖');
    const falling = figures.slice(1).map((f, i) => f.ms < figures[i].ms);
    console.log(`  ${ok(figures.every((f) => f.tokenPosts === TENANTS))} token requests: ${[...new Set(figures.map((f) => f.tokenPosts))].join(', ')} per run (one per tenant; the other requests are MSAL's openid-configuration GETs, which Microsoft's own hosts do not need)`);
    console.log(`  ${ok(figures.every((f) => f.maxSessions === 1))} at most ${Math.max(...figures.map((f) => f.maxSessions))} SMTP session per mailbox at any moment`);
    console.log(`  ${ok(falling.every(Boolean))} wall time falls with each step of concurrency (${figures.map((f) => `${f.concurrency}: ${(f.ms / 1000).toFixed(1)} s`).join(', ')}; ${process.env.BENCH_CPUS ?? (await import('node:os')).availableParallelism()} CPUs)`);
    console.log(`  ${ok(figures.every((f) => f.peakMb < MEMORY_BUDGET_MB))} peak memory of the CLI: up to ${Math.max(...figures.map((f) => f.peakMb)).toFixed(0)} MB`);
    console.log(`  ${ok(figures.every((f) => f.errors === 0))} errors: ${figures.reduce((n, f) => n + f.errors, 0)}`);
    return figures;
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// The fleet with a network's round trip (LATENCY_MS, through the latency proxy) at concurrency 16,
// against "today's sequential-per-mailbox time": the same build with --no-connect-ahead, which is the
// code as it was before connections opened ahead (each mailbox's connection
// opens only when a slot is free, then TCP, greeting, EHLO, STARTTLS, TLS, EHLO, AUTH, the message).
// Both are measured side by side in one run, alternating, the median of LATENCY_RUNS each.
const LATENCY_MS = Number(process.env.BENCH_FLEET_LATENCY_MS ?? 50);
const LATENCY_CONCURRENCY = Number(process.env.BENCH_FLEET_LATENCY_CONCURRENCY ?? 16);
const LATENCY_RUNS = Number(process.env.BENCH_FLEET_LATENCY_RUNS ?? 3);
const LATENCY_GOAL = 0.75;

export async function benchFleetLatency() {
  const { startSandbox } = await import('../dist/sandbox/index.js');
  const sandbox = await startSandbox({ fleet: { tenants: TENANTS, mailboxesPerTenant: MAILBOXES }, latencyMs: LATENCY_MS });
  const dir = await mkdtemp(join(tmpdir(), 'smtp-oauth-bench-fleet-latency-'));
  try {
    const env = { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: sandbox.caFile, NO_COLOR: '1' };
    const connection = connectionFlags(sandbox);
    const file = join(dir, 'targets.csv');
    const count = await writeTargets(sandbox, file, env);
    const run = async (extra) => {
      const receivedBefore = sandbox.received.length;
      const smtpBefore = sandbox.stats().proxied.smtp;
      const result = await runCli(['check', '--targets', file, '--json', '--concurrency', String(LATENCY_CONCURRENCY), ...extra, ...connection], env);
      const sent = sandbox.received.length - receivedBefore;
      if (result.status !== 0 || sent !== count) throw new Error(`fleet of ${count} at ${LATENCY_MS} ms: exit ${result.status}, ${sent} messages; ${result.stderr.split('\n').slice(-5).join(' | ')}`);
      const { results } = JSON.parse(result.stdout);
      const connectMs = median(results.map((r) => r.timings.smtpConnectMs));
      return { ms: result.ms, connectMs, sessions: sandbox.stats().proxied.smtp - smtpBefore };
    };
    const before = [];
    const ahead = [];
    for (let i = 0; i < LATENCY_RUNS; i++) {
      before.push(await run(['--no-connect-ahead']));
      ahead.push(await run([]));
    }
    const beforeMs = median(before.map((r) => r.ms));
    const aheadMs = median(ahead.map((r) => r.ms));
    const ratio = aheadMs / beforeMs;
    const slotCycles = Math.ceil(count / LATENCY_CONCURRENCY);
    const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`\nFleet with ${LATENCY_MS} ms round trip (latency proxy): ${count} mailboxes across ${TENANTS} tenants, concurrency ${LATENCY_CONCURRENCY}, median of ${LATENCY_RUNS} runs each, alternating`);
    console.log(`  a connection only when a slot is free (--no-connect-ahead, as before): ${seconds(beforeMs)} (${before.map((r) => seconds(r.ms)).join(', ')}), ${(beforeMs / slotCycles).toFixed(0)} ms per mailbox and slot`);
    console.log(`  connect-ahead (up to 2× the concurrency connections, the concurrency in a session): ${seconds(aheadMs)} (${ahead.map((r) => seconds(r.ms)).join(', ')}), ${(aheadMs / slotCycles).toFixed(0)} ms per mailbox and slot`);
    console.log(`  one connection up to AUTH (TCP, greeting with the sandbox's 100 ms hold, EHLO, STARTTLS, TLS, EHLO): median ${median(ahead.map((r) => r.connectMs)).toFixed(0)} ms; ${ahead[0].sessions} SMTP sessions per run through the proxy`);
    console.log(`  ${ratio <= LATENCY_GOAL ? 'PASS' : 'FAIL'}  connect-ahead ≤ ${LATENCY_GOAL}× the time before it: ${ratio.toFixed(2)}×`);
    return { beforeMs, aheadMs, ratio };
  } finally {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// A token from Microsoft's cloud costs one HTTP request: static authority and discovery metadata. The
// sandbox, given as an authority with that same static metadata, proves the count in its request log.
export async function benchOneRequest() {
  const { startSandbox } = await import('../dist/sandbox/index.js');
  const { acquireToken } = await import('../dist/token/acquire.js');
  const { Secret } = await import('../dist/inputs/secret.js');
  const sandbox = await startSandbox();
  try {
    const { client } = sandbox;
    const request = (staticMetadata) =>
      acquireToken({
        authorityHost: sandbox.authorityHost,
        tenantId: client.tenantId,
        clientId: client.clientId,
        credential: { kind: 'secret', secret: new Secret(client.clientSecret, 'bench') },
        scope: 'https://outlook.office365.com/.default',
        timeoutMs: 10_000,
        extraCaPem: sandbox.caPem,
        staticMetadata,
      });
    const count = async (staticMetadata) => {
      const before = sandbox.requestLog.length;
      await request(staticMetadata);
      return sandbox.requestLog.slice(before).map((r) => `${r.method} ${r.path.replace(client.tenantId, '{tenant}')}`);
    };
    const withStatic = await count(true);
    const withDiscovery = await count(false);
    console.log('\nRequests per token (sandbox request log)');
    console.log(`  ${withStatic.length === 1 ? '✔' : '✖'} static metadata (Microsoft's hosts): ${withStatic.length}: ${withStatic.join(', ')}`);
    console.log(`    discovery (any other host):         ${withDiscovery.length}: ${withDiscovery.join(', ')}`);
    return { withStatic: withStatic.length, withDiscovery: withDiscovery.length };
  } finally {
    await sandbox.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await benchOneRequest();
  await benchFleet();
  await benchFleetLatency();
}
