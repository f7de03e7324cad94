import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { Output } from '../../src/output.js';
import { realClock, terminalScreen } from '../../src/wizard/terminal.js';

describe('Ctrl-C outside a prompt', () => {
  it('a countdown sleep ends at once with CancelledError, and sleeps leave no listeners behind', async () => {
    const controller = new AbortController();
    const clock = realClock(controller.signal);
    for (let i = 0; i < 20; i++) await clock.sleep(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    const started = Date.now();
    const sleeping = clock.sleep(60_000);
    controller.abort();
    await expect(sleeping).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(clock.sleep(1)).rejects.toBeInstanceOf(CancelledError);
  });

});

describe('terminalScreen', () => {
  function terminal() {
    const out = { stdout: '', stderr: '' };
    const output = new Output({
      stdout: { write: (s: string) => ((out.stdout += s), true), isTTY: true },
      stderr: { write: (s: string) => ((out.stderr += s), true), isTTY: true },
      env: { NO_COLOR: '1' },
    });
    return { out, output, screen: terminalScreen(output) };
  }

  it('redraws the countdown in place and clears it before the next text', () => {
    const { out, screen } = terminal();
    screen.status('Attempt 1 in 0:02');
    screen.status('Attempt 1 in 0:01');
    screen.say('Testing…');
    expect(out.stderr).toBe('\r\x1b[2KAttempt 1 in 0:02\r\x1b[2KAttempt 1 in 0:01\r\x1b[2KTesting…\n');
  });

  it('everything shown passes the redactor: a known secret never reaches the terminal', () => {
    const { out, output, screen } = terminal();
    const secret = 'Abc8Q~not.a.real.secret_value-0123456789';
    output.redactor.protect(secret);
    screen.say(`oops ${secret}`);
    screen.result(`also ${secret}`);
    screen.status(`and ${secret}`);
    expect(out.stderr + out.stdout).not.toContain(secret);
    expect(out.stderr).toContain('oops [redacted]');
  });
});
