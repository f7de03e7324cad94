import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { parseValid } from '../support/json-schema.js';
import { startLatencySandbox } from '../support/latency-sandbox.js';

/**
 * `check --targets` opens the next mailboxes' connections while the current ones authenticate and send
 * (issue 14, src/fleet/run.ts). The real CLI against the sandbox behind latency proxies; proved by
 * what the SMTP server saw, not by timing: how many sessions were open at once, and how many of them
 * authenticated. A session counts from its greeting to its QUIT (or close).
 */

/**
 * A session after AUTH lasts three round trips (AUTH, MAIL/RCPT/DATA, the message) before its QUIT;
 * the next connection is greeted 1.5 round trips plus the sandbox's 100 ms greeting hold after it
 * starts. 200 ms leaves the greeting 200 ms inside the session before it, however loaded the machine.
 */
const ROUND_TRIP_MS = 200;
const CONCURRENCY = 2;

let sandbox: Sandbox;
let dir: string;
let targets: string;
let env: Record<string, string>;

beforeEach(async () => {
  // A fresh sandbox per case: its peaks count from its start.
  sandbox = await startLatencySandbox(ROUND_TRIP_MS, { fleet: { tenants: 3, mailboxesPerTenant: 2 } });
  dir = await mkdtemp(join(tmpdir(), 'fleet-ahead-e2e-'));
  const rows = ['name,tenant,clientId,secretEnv,mailbox,to'];
  env = { NODE_EXTRA_CA_CERTS: sandbox.caFile, NO_COLOR: '1' };
  sandbox.fleetClients.forEach((c, i) => {
    env[`AHEAD_SECRET_${i}`] = c.clientSecret;
    for (const mailbox of c.mailboxes) rows.push(`t${i}-${mailbox.split('@')[0]},${c.tenantId},${c.clientId},AHEAD_SECRET_${i},${mailbox},${c.to}`);
  });
  targets = join(dir, 'targets.csv');
  await writeFile(targets, rows.join('\n') + '\n');
});
afterEach(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function fleet(...extra: string[]) {
  const connection = ['--authority-host', sandbox.authorityHost, '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port)];
  const run = await runCli(['check', '--targets', targets, '--json', '--concurrency', String(CONCURRENCY), ...extra, ...connection], { env, timeoutMs: 90_000 });
  expect(run.status, run.stderr).toBe(0);
  const out = parseValid<{ totals: { passed: number; tokens: number } }>('fleet', run.stdout);
  expect(out.totals).toMatchObject({ passed: 6, tokens: 3 });
  expect(sandbox.received).toHaveLength(6);
  return sandbox.stats();
}

describe('check --targets: the next connection opens while a slot\'s mailbox authenticates and sends', () => {
  it('by default: twice the concurrency open, never more authenticated than the concurrency', async () => {
    const stats = await fleet();
    expect(stats.maxAuthenticatedSessions).toBe(CONCURRENCY);
    // The first 2×N connections all open at the start: every connection not in a session handshakes.
    expect(stats.maxOpenSessions).toBe(2 * CONCURRENCY);
    expect(stats.maxConcurrentSessionsPerMailbox).toBe(1);
    expect(stats.smtpConnections).toBe(6);
  });

  it('--no-connect-ahead: never more sessions open than the concurrency', async () => {
    const stats = await fleet('--no-connect-ahead');
    expect(stats.maxOpenSessions).toBe(CONCURRENCY);
    expect(stats.maxAuthenticatedSessions).toBe(CONCURRENCY);
    expect(stats.smtpConnections).toBe(6);
  });
});
