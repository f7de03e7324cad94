import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.js';
import { parseValid } from './support/json-schema.js';

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
    const body = parseValid<{ ok: boolean; exitCode: number; error: { problems: string[] } }>('check', out.stdout);
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

describe('main: with --json, every error is the whole object of its command (schema/)', () => {
  it('check with nothing given: exit 2, the check shape, diagnosis input-missing with the problems', async () => {
    const { io, out } = fakeIO();
    expect(await main(['check', '--json'], io)).toBe(2);
    const body = parseValid('check', out.stdout);
    expect(body).toMatchObject({ ok: false, exitCode: 2, plan: null, diagnosis: { code: 'input-missing', step: 4 } });
    expect(body.diagnosis.problems[0]).toMatch(/^Missing: --tenant-id/);
    expect(body.error.problems).toEqual(body.diagnosis.problems);
    expect(body.attempts).toEqual([{ at: expect.any(String), exitCode: 2, diagnosisCode: 'input-missing' }]);
  });

  it('check with an invalid value: input-invalid', async () => {
    const { io, out } = fakeIO();
    expect(await main(['check', '--json', '--client-id', 'x'], io)).toBe(2);
    expect(parseValid('check', out.stdout).diagnosis).toMatchObject({ code: 'input-invalid', step: 4, learnMore: null });
  });

  it('a flag the parser does not know: the shape of the command named (check, explain)', async () => {
    const check = fakeIO();
    expect(await main(['check', '--json', '--no-such-flag'], check.io)).toBe(2);
    expect(parseValid('check', check.out.stdout).diagnosis.code).toBe('input-invalid');
    const explain = fakeIO();
    expect(await main(['explain', '--json', '--no-such-flag', 'text'], explain.io)).toBe(2);
    expect(parseValid('explain', explain.out.stdout)).toMatchObject({ recognized: false, exitCode: 2, diagnosis: { code: 'input-invalid' } });
  });

  it('explain with nothing to explain: recognized false, plus the diagnosis and the error', async () => {
    const { io, out } = fakeIO();
    expect(await main(['explain', '--json', ' '], io)).toBe(2);
    const body = parseValid('explain', out.stdout);
    expect(body).toMatchObject({ recognized: false, exitCode: 2, diagnosis: { code: 'input-invalid' }, others: [], error: { problems: [expect.stringContaining('nothing to explain')] } });
    expect(body.lookedFor.length).toBeGreaterThan(0);
  });

  it('a targets file that cannot be read: the fleet shape, no results', async () => {
    const { io, out } = fakeIO();
    expect(await main(['check', '--json', '--targets', '/nonexistent/targets.json'], io)).toBe(2);
    expect(parseValid('fleet', out.stdout)).toMatchObject({ ok: false, exitCode: 2, diagnosis: { code: 'input-invalid' }, results: [], totals: { targets: 0 } });
  });
});

describe('main: a command that throws, with --json', () => {
  afterEach(() => {
    vi.doUnmock('../src/commands/check.js');
    vi.resetModules();
  });

  /** main() with a `check` that throws what `makeError` makes (with the error classes main itself loads). */
  async function mainWithCheckThrowing(makeError: (errors: typeof import('../src/errors.js')) => unknown) {
    vi.resetModules();
    const errors = await import('../src/errors.js');
    vi.doMock('../src/commands/check.js', () => ({
      checkCommand: () => Promise.reject(makeError(errors)),
    }));
    return (await import('../src/main.js')).main;
  }

  it('cancelled (SIGINT): still exactly one check-shaped object, exit 130, diagnosis cancelled', async () => {
    const run = await mainWithCheckThrowing((e) => new e.CancelledError());
    const { io, out } = fakeIO();
    expect(await run(['check', '--json', '--tenant-id', 'contoso.com'], io)).toBe(130);
    // parseValid parses the whole of stdout: exactly one object, nothing before or after it.
    const body = parseValid('check', out.stdout);
    expect(body).toMatchObject({ ok: false, exitCode: 130, diagnosis: { code: 'cancelled', step: null, transient: false }, error: { message: 'Cancelled.' } });
    expect(out.stderr).toBe('');
  });

  it('cancelled during a fleet run: the fleet shape', async () => {
    const run = await mainWithCheckThrowing((e) => new e.CancelledError());
    const { io, out } = fakeIO();
    expect(await run(['check', '--json', '--targets', 'targets.csv'], io)).toBe(130);
    expect(parseValid('fleet', out.stdout)).toMatchObject({ exitCode: 130, diagnosis: { code: 'cancelled' }, results: [] });
  });

  it('a bug: exit 1, diagnosis internal-error, the message that asks for a report', async () => {
    const run = await mainWithCheckThrowing(() => new TypeError('cannot read properties of undefined'));
    const { io, out } = fakeIO();
    expect(await run(['check', '--json'], io)).toBe(1);
    const body = parseValid('check', out.stdout);
    expect(body).toMatchObject({ exitCode: 1, diagnosis: { code: 'internal-error' } });
    expect(body.diagnosis.summary).toContain('cannot read properties of undefined');
    expect(body.error.message).toContain('This is a bug in smtp-oauth-setup');
  });

  it('a bug without --json: the same message on stderr, nothing on stdout', async () => {
    const run = await mainWithCheckThrowing(() => new TypeError('boom'));
    const { io, out } = fakeIO();
    expect(await run(['check'], io)).toBe(1);
    expect(out.stderr).toMatch(/^smtp-oauth-setup: Internal error: boom\n  This is a bug/);
    expect(out.stdout).toBe('');
  });
});
