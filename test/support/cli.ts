import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { assertFreshBuild } from './fresh-build.js';
import { baseEnv } from './platform.js';

export const BIN = join(import.meta.dirname, '..', '..', 'dist', 'bin.cjs');

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns the built CLI with this test run's Node (so the Node 22/24 CI legs test on 22/24), stdin a
 * pipe (never a terminal), and only the environment given plus PATH (and the run's TMPDIR).
 */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string; timeoutMs?: number; cwd?: string } = {}): Promise<CliRun> {
  assertFreshBuild();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      // TMPDIR: the run's own temporary folder (test/support/temp-leftovers.ts), checked for leftovers;
      // on Windows what Node needs there (baseEnv).
      env: { ...baseEnv(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd && { cwd: options.cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI did not finish within ${options.timeoutMs ?? 25_000} ms: ${args.join(' ')}\n${stderr}`));
    }, options.timeoutMs ?? 25_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    // A CLI that stops reading a too-large input and exits closes the pipe before all of it is written.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
