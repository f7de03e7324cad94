import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { BIN, runCli } from '../support/cli.js';
import { assertFreshBuild } from '../support/fresh-build.js';
import { leftIn } from '../support/temp-leftovers.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { SIGNALS_REACH_CHILDREN, baseEnv } from '../support/platform.js';

/**
 * `check` stopped by a signal in the middle of a run (the sandbox's token endpoint holds the request):
 * it ends at once with 128 + the signal's number, and with --json stdout is still exactly one JSON object.
 */
let sandbox: Sandbox;
const dir = mkdtempSync(join(tmpdir(), 'signals-e2e-'));

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
  // Every token POST is held: the run is mid-way until the signal comes.
  sandbox.faults.tokenEndpoint = { kind: 'hang' };
});

const heldPosts = () => sandbox.requestLog.filter((r) => r.method === 'POST' && r.status === null).length;

/** Spawns the CLI, waits until it is held at the token endpoint, sends `signal`; resolves with what it printed. */
async function stopMidRun(args: string[], env: Record<string, string>, signal: NodeJS.Signals) {
  assertFreshBuild();
  const held = heldPosts();
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
  const deadline = Date.now() + 15_000;
  while (heldPosts() === held) {
    if (Date.now() > deadline) throw new Error(`the CLI never reached the token endpoint:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const sentAt = Date.now();
  child.kill(signal);
  const ended = await exit;
  return { ...ended, stdout, stderr, ms: Date.now() - sentAt };
}

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

// Signals sent from another process: on Windows they end the child at once (see SIGNALS_REACH_CHILDREN).
describe.runIf(SIGNALS_REACH_CHILDREN)('check stopped by a signal mid-run', () => {
  it.each(SIGNALS)('check --json, %s: exit %i at once, stdout exactly one JSON object with ok false and that exit code', async (signal, exitCode) => {
    const run = await stopMidRun(['check', '--json', '--timeout', '20', ...sandboxSmtpArgs(sandbox)], sandboxEnv(sandbox), signal);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(exitCode);
    // Not the 20 s timeout: the signal ended the run.
    expect(run.ms).toBeLessThan(5_000);
    const json = JSON.parse(run.stdout) as { ok: boolean; exitCode: number };
    expect(json).toMatchObject({ ok: false, exitCode });
  });

  it('check without --json, SIGTERM: one line on stderr, exit 143', async () => {
    const run = await stopMidRun(['check', '--timeout', '20', ...sandboxSmtpArgs(sandbox)], { ...sandboxEnv(sandbox), NO_COLOR: '1' }, 'SIGTERM');
    expect(run.code).toBe(143);
    expect(run.stdout).toBe('');
    // Only the stop's line: the abandoned run's stages (its token request failing as it closes) are not shown.
    expect(run.stderr.trim()).toBe('smtp-oauth-setup: Stopped by SIGTERM.');
  });

  it('check --wait, SIGTERM during the pause between attempts: exit 143 at once, one JSON object', async () => {
    assertFreshBuild();
    sandbox.applyScenario('token-endpoint-unavailable');
    const child = spawn(process.execPath, [BIN, 'check', '--json', '--wait', '10m', ...sandboxSmtpArgs(sandbox)], {
      env: { ...baseEnv(), ...sandboxEnv(sandbox) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) => {
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        if (stderr.includes('attempt 1 failed')) resolve();
      });
    });
    const sentAt = Date.now();
    child.kill('SIGTERM');
    expect(await exit).toBe(143);
    expect(Date.now() - sentAt).toBeLessThan(1_500);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, exitCode: 143 });
  });

  it.each(SIGNALS)('check --targets --json, %s: exit %i, one JSON object', async (signal, exitCode) => {
    const { client } = sandbox;
    const targets = join(dir, `targets-${signal}.csv`);
    writeFileSync(targets, `name,tenant,clientId,secretEnv,mailbox\nfirst,${client.tenantId},${client.clientId},SANDBOX_SECRET,${client.mailbox}\n`);
    const run = await stopMidRun(
      ['check', '--json', '--targets', targets, '--authority-host', sandbox.authorityHost, '--timeout', '20', ...sandboxSmtpArgs(sandbox)],
      { NODE_EXTRA_CA_CERTS: sandbox.caFile, SANDBOX_SECRET: client.clientSecret },
      signal,
    );
    expect(run.code).toBe(exitCode);
    expect(run.ms).toBeLessThan(5_000);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, exitCode });
  });
});

// TMPDIR names the temporary folder on POSIX systems only (Windows reads TEMP), and the signals come
// from another process, which Windows does not deliver (see SIGNALS_REACH_CHILDREN).
describe.runIf(SIGNALS_REACH_CHILDREN)('demo off a terminal: its sandbox\'s temporary folder is removed however it ends', () => {
  const sandboxFolders = (tmp: string) => readdirSync(tmp).filter((name) => name.startsWith('smtp-oauth-sandbox-'));

  it.each([
    ['healthy', 0],
    ['no-admin-consent', 3],
  ] as const)('scenario %s: exit %i, nothing left in TMPDIR', async (scenario, exitCode) => {
    const tmp = mkdtempSync(join(dir, 'tmp-'));
    const run = await runCli(['demo', '--scenario', scenario], { env: { TMPDIR: tmp, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(exitCode);
    expect(leftIn(tmp)).toEqual([]);
  });

  it.each(SIGNALS)('%s while it runs: exit %i, nothing left in TMPDIR', async (signal, exitCode) => {
    assertFreshBuild();
    const tmp = mkdtempSync(join(dir, 'tmp-'));
    const child = spawn(process.execPath, [BIN, 'demo'], { env: { PATH: process.env.PATH ?? '', TMPDIR: tmp, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdout.resume();
    await new Promise<void>((resolve) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        // The banner is printed once the sandbox runs, just before the check starts (which takes far longer than the signal).
        if (stderr.includes('Token endpoint')) resolve();
      });
    });
    expect(sandboxFolders(tmp)).toHaveLength(1);
    child.kill(signal);
    expect(await exit).toBe(exitCode);
    expect(leftIn(tmp)).toEqual([]);
  });
});
