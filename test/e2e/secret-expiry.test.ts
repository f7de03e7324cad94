import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { parseValid } from '../support/json-schema.js';

/** `check --secret-expires` against the sandbox: a warning before the date, a diagnosis from it on. */
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

function checkEnv(extra: Record<string, string> = {}): Record<string, string> {
  return sandboxEnv(sandbox, { NO_COLOR: '1', ...extra });
}

const smtpArgs = () => sandboxSmtpArgs(sandbox);

/** A date `days` from today (UTC), as the portal's Expires column shows it. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

interface Report {
  ok: boolean;
  exitCode: number;
  diagnosis: { code: string; step: number | null; transient: boolean; summary: string; fix: string; source: string | null } | null;
  warnings: string[];
}

describe('check --secret-expires', () => {
  it('warns within --warn-days of the date, naming it and the portal path to the next secret', async () => {
    sandbox.applyScenario('healthy');
    const date = inDays(10);
    const run = await runCli(['check', '--json', '--secret-expires', date, ...smtpArgs()], { env: checkEnv() });
    expect(run.status, run.stderr).toBe(0);
    const report = parseValid<Report>('check', run.stdout);
    const warning = report.warnings.find((w) => w.includes('client secret expires'));
    expect(warning).toContain(`expires on ${date} (in 1`);
    expect(warning).toContain(`Application (client) ID ${sandbox.client.clientId} → Certificates & secrets → Client secrets → New client secret`);
  });

  it('does not warn before --warn-days (also from the environment)', async () => {
    sandbox.applyScenario('healthy');
    const run = await runCli(['check', '--json', '--warn-days', '5', ...smtpArgs()], { env: checkEnv({ SMTP_OAUTH_SECRET_EXPIRES: inDays(10) }) });
    expect(run.status, run.stderr).toBe(0);
    expect((parseValid<Report>('check', run.stdout)).warnings.join('\n')).not.toContain('client secret expires');
  });

  it('past the date: client-secret-expired even though Entra ID still issued a token', async () => {
    sandbox.applyScenario('healthy');
    const date = inDays(-3);
    const run = await runCli(['check', '--json', '--secret-expires', date, ...smtpArgs()], { env: checkEnv() });
    expect(run.status).toBe(3);
    const report = parseValid<Report>('check', run.stdout);
    expect(report.diagnosis).toMatchObject({ code: 'client-secret-expired', step: 1, transient: false, source: null });
    expect(report.diagnosis?.summary).toContain(`expired on ${date}`);
    expect(report.diagnosis?.summary).toContain('still issued a token');
    expect(report.diagnosis?.fix).toContain('New client secret');
  });

  it('past the date and refused with AADSTS7000222: the diagnosis names the date', async () => {
    sandbox.applyScenario('expired-secret');
    const date = inDays(-30);
    const run = await runCli(['check', '--json', '--secret-expires', date, ...smtpArgs()], { env: checkEnv() });
    expect(run.status).toBe(3);
    const report = parseValid<Report>('check', run.stdout);
    expect(report.diagnosis).toMatchObject({ code: 'client-secret-expired', source: 'AADSTS7000222' });
    expect(report.diagnosis?.summary).toContain(date);
  });

  it('past the date but another failure first: that diagnosis, and the expiry as a warning', async () => {
    sandbox.applyScenario('smtp-auth-disabled-mailbox');
    const run = await runCli(['check', '--json', '--secret-expires', inDays(-1), ...smtpArgs()], { env: checkEnv() });
    expect(run.status).toBe(4);
    const report = parseValid<Report>('check', run.stdout);
    expect(report.diagnosis?.code).toBe('smtp-auth-disabled-mailbox');
    expect(report.warnings.join('\n')).toContain('also past the expiry date given');
  });

  it('a date it cannot read is an input error naming the expected form (exit 2)', async () => {
    const run = await runCli(['check', '--secret-expires', '31/12/2026', '--warn-days', 'soon', ...smtpArgs()], { env: checkEnv() });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--secret-expires: must be a date such as 2026-03-31');
    expect(run.stderr).toContain('--warn-days: must be a number of days');
  });
});
