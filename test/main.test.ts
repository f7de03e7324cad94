import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.js';

function fakeIO(env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (s: string) => ((out.stdout += s), true), isTTY: false },
    stderr: { write: (s: string) => ((out.stderr += s), true), isTTY: false },
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    env,
  };
  return { io, out };
}

describe('main: argv → exit code, one place for errors', () => {
  it('answers --version without loading the parser', async () => {
    const { io, out } = fakeIO();
    expect(await main(['--version'], io)).toBe(0);
    expect(out.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('turns missing input into exit 2 and one readable message on stderr', async () => {
    const { io, out } = fakeIO();
    expect(await main(['check'], io)).toBe(2);
    expect(out.stderr).toMatch(/^smtp-oauth-setup: Missing: --tenant-id/);
    expect(out.stdout).toBe('');
  });

  it('keeps --json to one object on stdout for errors too', async () => {
    const { io, out } = fakeIO();
    expect(await main(['check', '--json', '--client-id', 'x'], io)).toBe(2);
    const body = JSON.parse(out.stdout) as { ok: boolean; exitCode: number; error: { problems: string[] } };
    expect(body.ok).toBe(false);
    expect(body.exitCode).toBe(2);
    expect(body.error.problems.some((p) => p.startsWith('--client-id:'))).toBe(true);
  });

  it('reports an unknown sandbox scenario as bad input', async () => {
    const { io, out } = fakeIO();
    expect(await main(['demo', '--scenario', 'nope'], io)).toBe(2);
    expect(out.stderr).toContain('unknown scenario \'nope\'');
    expect(out.stderr).toContain('healthy');
  });
});
