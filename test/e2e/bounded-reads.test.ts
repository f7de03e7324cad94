import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { BIN, runCli } from '../support/cli.js';
import { assertFreshBuild } from '../support/fresh-build.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { baseEnv, POSIX_SPECIAL_FILES } from '../support/platform.js';

/**
 * Every read is bounded: an endless HTTP answer, an endless file (/dev/zero), a huge standard input
 * each end the CLI at once with one line (or a diagnosis), never by filling memory.
 */
let sandbox: Sandbox;
const dir = mkdtempSync(join(tmpdir(), 'bounded-reads-'));

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
  sandbox.faults.tokenEndpoint = null;
});

/** The highest resident memory of a process seen while it runs (Linux /proc), in MB. */
function watchMemory(pid: number): { stop(): number } {
  let maxKb = 0;
  const status = `/proc/${pid}/status`;
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(status, 'utf8'))?.[1] ?? 0);
      maxKb = Math.max(maxKb, kb);
    } catch {
      // Gone already.
    }
  }, 25);
  return {
    stop: () => {
      clearInterval(timer);
      return maxKb / 1024;
    },
  };
}

describe('an endless HTTP body', () => {
  it('check against a token endpoint that streams an endless body: exit 6 quickly, response-too-large, bounded memory', async () => {
    assertFreshBuild();
    sandbox.faults.tokenEndpoint = { kind: 'endless' };
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'check', '--json', '--timeout', '20', ...sandboxSmtpArgs(sandbox)], {
      env: { ...baseEnv(), ...sandboxEnv(sandbox) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const memory = existsSync('/proc/self/status') ? watchMemory(child.pid!) : null;
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const elapsed = Date.now() - started;
    const maxMb = memory?.stop() ?? 0;

    expect(status).toBe(6);
    const report = JSON.parse(stdout) as { ok: boolean; diagnosis: { code: string; transient: boolean; step: number | null; summary: string } };
    expect(report.ok).toBe(false);
    expect(report.diagnosis).toMatchObject({ code: 'response-too-large', transient: false, step: null });
    expect(report.diagnosis.summary).toContain(new URL(sandbox.authorityHost).host);
    // Cut off at the limit, not read until the 20 s timeout.
    expect(elapsed).toBeLessThan(10_000);
    // Node itself, MSAL and nodemailer take well under 150 MB; the old client grew by hundreds of MB a second.
    if (memory) expect(maxMb).toBeLessThan(250);
  });
});

describe('files and standard input', () => {
  const env = () => sandboxEnv(sandbox, {}, { secret: false });

  // /dev/zero is a POSIX device (POSIX_SPECIAL_FILES); the limits themselves are tested on every system in test/io.test.ts.
  it.runIf(POSIX_SPECIAL_FILES)('--client-secret-file /dev/zero: exit 2, one line', async () => {
    const run = await runCli(['check', ...sandboxSmtpArgs(sandbox), '--client-secret-file', '/dev/zero'], { env: env() });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('smtp-oauth-setup: --client-secret-file: /dev/zero: larger than 64 KiB, more than any real one');
  });

  it('--client-secret-stdin with a megabyte on standard input: exit 2, one line', async () => {
    const run = await runCli(['check', ...sandboxSmtpArgs(sandbox), '--client-secret-stdin'], { env: env(), input: 'x'.repeat(1024 * 1024) });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('smtp-oauth-setup: --client-secret-stdin: standard input: larger than 64 KiB, more than any real one');
  });

  it('explain - with 2 MB on standard input: exit 2, one line', async () => {
    const run = await runCli(['explain', '-'], { input: '535 5.7.3 Authentication unsuccessful\n'.repeat(60_000) });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('smtp-oauth-setup: explain -: standard input: larger than 1 MiB, more than any real one');
  });

  // /dev/zero again (POSIX_SPECIAL_FILES).
  it.runIf(POSIX_SPECIAL_FILES)('--targets /dev/zero and --certificate /dev/zero: exit 2, one line each', async () => {
    const targets = await runCli(['check', '--targets', '/dev/zero'], { env: {} });
    expect(targets.status).toBe(2);
    expect(targets.stderr.trim()).toBe('smtp-oauth-setup: --targets: /dev/zero: larger than 16 MiB, more than any real one');
    const certificate = await runCli(['check', ...sandboxSmtpArgs(sandbox), '--certificate', '/dev/zero'], { env: env() });
    expect(certificate.status).toBe(2);
    expect(certificate.stderr.trim()).toBe('smtp-oauth-setup: --certificate: /dev/zero: larger than 1 MiB, more than any real one');
    const upload = await runCli(['sandbox', '--certificate', '/dev/zero']);
    expect(upload.status).toBe(2);
    expect(upload.stderr.trim()).toBe('smtp-oauth-setup: --certificate: /dev/zero: larger than 1 MiB, more than any real one');
  });

  // A link to /dev/zero (POSIX_SPECIAL_FILES).
  it.runIf(POSIX_SPECIAL_FILES)('a saved configuration that is endless is set aside with a warning, and check goes on', async () => {
    const configDir = join(dir, 'config');
    mkdirSync(configDir, { recursive: true });
    symlinkSync('/dev/zero', join(configDir, 'config.json'));
    const run = await runCli(['check', ...sandboxSmtpArgs(sandbox)], { env: { ...sandboxEnv(sandbox), SMTP_OAUTH_SETUP_CONFIG_DIR: configDir } });
    expect(run.stderr).toContain(`${join(configDir, 'config.json')}: larger than 1 MiB, more than any real one`);
    expect(run.status).toBe(0);
  });
});
