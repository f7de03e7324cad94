import { describe, expect, it } from 'vitest';
import { Output } from '../../src/output.js';
import { createProgress } from '../../src/report/progress.js';

function terminal() {
  const out = { stderr: '' };
  const output = new Output({
    stdout: { write: () => true, isTTY: true },
    stderr: { write: (s: string) => ((out.stderr += s), true), isTTY: true },
    env: { NO_COLOR: '1' },
  });
  return { out, output };
}

describe('progress and a stop signal', () => {
  it('clears the line in progress when the signal aborts, and shows nothing of the abandoned run after it', () => {
    const { out, output } = terminal();
    const controller = new AbortController();
    const progress = createProgress(output, controller.signal);
    progress.start('token', 'Token from https://login.microsoftonline.com/contoso');
    controller.abort();
    progress.fail('token', 'Token from https://login.microsoftonline.com/contoso');
    progress.skip('claims', 'Token claims');
    progress.start('smtp-auth', 'SMTP');
    expect(out.stderr).toBe('… Token from https://login.microsoftonline.com/contoso\r\x1b[2K');
  });

  it('without a stop, every stage ends on its own line', () => {
    const { out, output } = terminal();
    const progress = createProgress(output, new AbortController().signal);
    progress.start('token', 'Token');
    progress.succeed('token', 'Token');
    expect(out.stderr).toBe('… Token\r\x1b[2K✔ Token\n');
  });
});
