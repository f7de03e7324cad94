import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { parseValid } from '../support/json-schema.js';
import { overlapEvidence, startLatencySandbox } from '../support/latency-sandbox.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';

/**
 * The real `check` (spawned, real MSAL and nodemailer) against the sandbox behind latency proxies.
 * Not a timing test: the only times asserted are lower bounds that the protocol itself sets.
 */
/**
 * Long enough that the SMTP leg's first EHLO (TCP, greeting, EHLO: about 2.5 round trips plus the
 * sandbox's 100 ms greeting hold) comes a clear margin before the token's answer (TCP, TLS, the
 * discovery GET, the POST: 3.5 round trips) however the machine is loaded.
 */
const ROUND_TRIP_MS = 300;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startLatencySandbox(ROUND_TRIP_MS);
});
afterAll(async () => {
  await sandbox?.close();
});

describe('check through the latency proxy', () => {
  it('passes, every connection went through the proxies, and both servers logged what they saw', async () => {
    const from = sandbox.eventLog.length;
    const before = sandbox.stats();
    const start = performance.now();
    const run = await runCli(['check', '--json', ...sandboxSmtpArgs(sandbox), '--to', sandbox.client.to], { env: sandboxEnv(sandbox) });
    const elapsed = performance.now() - start;
    expect(run.status, run.stderr).toBe(0);
    expect(parseValid('check', run.stdout)).toMatchObject({ ok: true, exitCode: 0 });

    const after = sandbox.stats();
    // The servers saw exactly the connections that came through the proxies: nothing went around them.
    expect(after.smtpConnections - before.smtpConnections).toBe(1);
    expect(after.proxied!.smtp - before.proxied!.smtp).toBe(1);
    // MSAL's openid-configuration GET and the token POST share one keep-alive connection.
    expect(after.proxied!.token - before.proxied!.token).toBe(1);
    expect(after.tokenRequests - before.tokenRequests).toBe(1);

    // The least any client pays, with every overlap and PIPELINING: 9 round trips (bench/latency.mjs).
    expect(elapsed).toBeGreaterThanOrEqual(9 * ROUND_TRIP_MS);

    // Both servers' events, in one order: the token POST received and answered, both EHLOs, AUTH.
    const evidence = overlapEvidence(sandbox, from);
    expect(evidence.tokenReceived).toBeGreaterThanOrEqual(from);
    expect(evidence.tokenAnswered).toBeGreaterThan(evidence.tokenReceived);
    expect(evidence.firstEhlo).toBeGreaterThanOrEqual(from);
    expect(evidence.secureEhlo).toBeGreaterThan(evidence.firstEhlo);
    // The overlap: the SMTP server had answered EHLO while the token request was still open (a
    // sequential check connects to SMTP only after the token's answer).
    expect(evidence.ehloBeforeTokenAnswered, JSON.stringify(evidence)).toBe(true);
    const smtpEvents = sandbox.eventLog.slice(from).filter((e) => e.server === 'smtp').map((e) => e.event);
    expect(smtpEvents.slice(0, 6)).toEqual(['connection', 'greeting', 'ehlo', 'starttls', 'ehlo', 'auth']);
  });
});
