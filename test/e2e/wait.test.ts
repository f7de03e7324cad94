import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { parseValid } from '../support/json-schema.js';

/**
 * `check --wait`: the built CLI against the sandbox, whose tenant the test fixes while the CLI waits
 * (as an admin's change reaches Exchange Online while the check retries).
 */
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

function checkEnv(): Record<string, string> {
  return sandboxEnv(sandbox, { NO_COLOR: '1' });
}

const smtpArgs = () => [...sandboxSmtpArgs(sandbox), '--timeout', '10'];

interface WaitJson {
  ok: boolean;
  exitCode: number;
  diagnosis: { code: string; transient: boolean; propagation: boolean } | null;
  attempts: Array<{ at: string; exitCode: number; diagnosisCode: string | null }>;
}

const tokenPosts = () => sandbox.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token')).length;

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('check --wait', () => {
  it('retries a propagation failure with a fresh token and passes once the tenant is fixed', async () => {
    sandbox.applyScenario('no-service-principal');
    const env = checkEnv();
    const authBefore = sandbox.authAttempts.length;
    const postsBefore = tokenPosts();
    const running = runCli(['check', '--json', '--wait', '20s', ...smtpArgs()], { env });
    // The first attempt is refused at AUTH (535 5.7.3); then New-ServicePrincipal "propagates".
    await until(() => sandbox.authAttempts.length > authBefore, 15_000);
    expect(sandbox.authAttempts[authBefore]?.outcome).toBe('no-exchange-service-principal');
    sandbox.applyScenario('healthy');
    const run = await running;

    expect(run.status, run.stderr).toBe(0);
    const report = parseValid<WaitJson>('check', run.stdout);
    expect(report.ok).toBe(true);
    expect(report.attempts.length).toBeGreaterThanOrEqual(2);
    expect(report.attempts[0]).toMatchObject({ exitCode: 4, diagnosisCode: 'smtp-auth-service-principal' });
    expect(report.attempts.at(-1)).toMatchObject({ exitCode: 0, diagnosisCode: null });
    // A new token for every attempt, never a cached one.
    expect(tokenPosts() - postsBefore).toBe(report.attempts.length);
    expect(run.stderr).toMatch(/attempt 1 failed: 535 5\.7\.3 \(smtp-auth-service-principal\); next try in 2 sec, (?:1\d|20) sec left/);
    expect(run.stderr).toMatch(/attempt \d passed \(\d attempts over \d+ sec\)/);
  });

  it('retries a token without roles (propagation right after consent) and passes once consent is granted', async () => {
    sandbox.applyScenario('no-admin-consent');
    const postsBefore = tokenPosts();
    const running = runCli(['check', '--json', '--wait', '20s', ...smtpArgs()], { env: checkEnv() });
    await until(() => tokenPosts() > postsBefore, 15_000);
    sandbox.applyScenario('healthy');
    const run = await running;

    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as WaitJson;
    expect(report.attempts.length).toBeGreaterThanOrEqual(2);
    expect(report.attempts[0]).toMatchObject({ exitCode: 3, diagnosisCode: 'token-missing-role' });
    expect(report.attempts.at(-1)).toMatchObject({ exitCode: 0, diagnosisCode: null });
  });

  it('never retries a configuration error: one token request, at once', async () => {
    sandbox.applyScenario('wrong-secret');
    const env = checkEnv();
    const postsBefore = tokenPosts();
    const started = Date.now();
    const run = await runCli(['check', '--json', '--wait', '20s', ...smtpArgs()], { env });
    expect(run.status).toBe(3);
    const report = parseValid<WaitJson>('check', run.stdout);
    expect(report.diagnosis).toMatchObject({ code: 'client-secret-invalid', transient: false, propagation: false });
    expect(report.attempts).toHaveLength(1);
    expect(tokenPosts() - postsBefore).toBe(1);
    expect(run.stderr).not.toContain('next try');
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('retries a temporary failure (451 4.7.0) until it clears by itself', async () => {
    sandbox.applyScenario('exchange-temporary-error');
    const inject = sandbox.faults.inject;
    if (inject) inject.remaining = 1;
    const run = await runCli(['check', '--json', '--wait', '20s', ...smtpArgs()], { env: checkEnv() });
    expect(run.status, run.stderr).toBe(0);
    const report = parseValid<WaitJson>('check', run.stdout);
    expect(report.attempts.map((a) => a.diagnosisCode)).toEqual(['smtp-temporary-server-error', null]);
  });

  it('gives up when the time is over, with the last diagnosis and its exit code', async () => {
    sandbox.applyScenario('smtp-auth-disabled-mailbox');
    const started = Date.now();
    const run = await runCli(['check', '--wait', '3s', ...smtpArgs()], { env: checkEnv() });
    expect(run.status).toBe(4);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.stderr).toMatch(/attempt 1 failed: 535 5\.7\.139 \(smtp-auth-disabled-mailbox\); next try in 2 sec/);
    expect(run.stderr).toMatch(/no time left, giving up after [2-4] attempts/);
    expect(run.stdout).toContain('SMTP AUTH is turned off for mailbox');
  });

  it('refuses a duration it cannot read (exit 2)', async () => {
    const run = await runCli(['check', '--wait', '30', ...smtpArgs()], { env: checkEnv() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--wait: must be a duration such as 90s, 30m or 1h');
  });
});
