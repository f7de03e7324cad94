import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
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

  const countdown = (secondsLeft: number) => msg('wizard.wait.countdown', { attempt: 1, attempts: 3, secondsLeft });

  it('redraws the countdown in place and clears it before the next text', () => {
    const { out, screen } = terminal();
    screen.status(countdown(2));
    screen.status(countdown(1));
    screen.show({ kind: 'paragraph', text: msg('wizard.test.testing', { to: 'b@contoso.com' }), gap: false });
    const line = (left: string) => `\r\x1b[2K⏳ Attempt 1 of 3 in ${left}  (Ctrl-C stops; your answers are saved)`;
    expect(out.stderr).toBe(`${line('0:02')}${line('0:01')}\r\x1b[2KTesting with a fresh token and a message to b@contoso.com:\n`);
  });

  it('everything shown passes the redactor: a known secret never reaches the terminal', () => {
    const { out, output, screen } = terminal();
    const secret = 'Abc8Q~not.a.real.secret_value-0123456789';
    output.redactor.protect(secret);
    screen.show({ kind: 'warning', text: `oops ${secret}` });
    screen.result({ kind: 'facts', rows: [{ label: 'also', value: secret }] });
    screen.status(msg('wizard.test.testing', { to: secret }));
    expect(out.stderr + out.stdout).not.toContain(secret);
    expect(out.stderr).toContain('! oops [redacted]');
  });

  it('a report goes to stdout in `check`\'s words, between the blocks around it', () => {
    const { out, screen } = terminal();
    screen.show(
      { kind: 'note', text: msg('wizard.test.retry-about') },
      { kind: 'report', report: { ok: true, smtp: { messageId: '<m@x>', response: '250 OK', tlsVersion: null }, token: { claims: null }, warnings: [], diagnosis: null } as never },
      { kind: 'note', text: msg('wizard.test.change') },
    );
    expect(out.stderr).toBe('after fixing what the diagnosis says\nChange a value\n');
    expect(out.stdout).toContain('250 OK');
  });
});
