// Shared helpers for the benchmarks: run a command N times, interleaved with its baseline so that
// machine load affects both alike, and report medians and their ratio. Ratios, not absolute times.
// Processes are spawned asynchronously: the sandbox serving them runs in this process's event loop.
import { spawn } from 'node:child_process';

export function timeOnce(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (status !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${status}: ${stderr}`));
      else resolve(ms);
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs each case `runs` times, round-robin, after one warm-up each. Returns medians in ms. */
export async function compare(cases, runs) {
  const samples = cases.map(() => []);
  for (const c of cases) await c.run();
  for (let i = 0; i < runs; i++) for (const [j, c] of cases.entries()) samples[j].push(await c.run());
  return cases.map((c, j) => ({ name: c.name, median: median(samples[j]) }));
}

export function printTable(title, rows, baseline) {
  console.log(`\n${title}`);
  for (const row of rows) {
    const ratio = row.median / baseline.median;
    console.log(`  ${row.name.padEnd(44)} ${row.median.toFixed(1).padStart(8)} ms   ${ratio.toFixed(2)}×`);
  }
}

/** The environment for `check` and the minimal script against a sandbox (base: what else to pass on). */
export function sandboxCheckEnv(sandbox, base = { PATH: process.env.PATH ?? '' }) {
  const { client } = sandbox;
  return {
    ...base,
    NODE_EXTRA_CA_CERTS: sandbox.caFile,
    AZURE_AUTHORITY_HOST: sandbox.authorityHost,
    AZURE_TENANT_ID: client.tenantId,
    AZURE_CLIENT_ID: client.clientId,
    AZURE_CLIENT_SECRET: client.clientSecret,
    SMTP_OAUTH_MAILBOX: client.mailbox,
    SMTP_HOST: sandbox.smtp.host,
    SMTP_PORT: String(sandbox.smtp.port),
    SMTP_TO: client.to,
  };
}
