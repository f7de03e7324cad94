import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTerminalPrompter } from '../../src/inputs/prompter.js';
import { msg, useLanguage } from '../../src/messages/index.js';

/**
 * The terminal prompter draws on the stream it is given (the command's io), never on the process's
 * own stderr, and shows questions, choices and validation answers in the language in use.
 */
function terminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  let drawn = '';
  const stderr = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        drawn += String(chunk);
        done();
      },
    }),
    { isTTY: true, columns: 120, rows: 40 },
  );
  return { stdin, stderr, drawn: () => drawn.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '') };
}

afterEach(async () => {
  vi.restoreAllMocks();
  await useLanguage('en');
});

describe('the terminal prompter', () => {
  it('asks on the injected stream, not on process.stderr, and renders the question in the language in use', async () => {
    await useLanguage('de');
    const processStderr = vi.spyOn(process.stderr, 'write');
    const io = terminal();
    const prompter = await createTerminalPrompter(io);
    const answer = prompter.input({ name: 'to', message: msg('wizard.ask.to'), validate: (v) => (v.includes('@') ? true : msg('wizard.sender-name.one-line')) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    io.stdin.write('nobody\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    io.stdin.write('\x15a@contoso.com\n');
    expect(await answer).toBe('a@contoso.com');
    expect(io.drawn()).toContain('Test-E-Mail senden an');
    // The validation's answer, a message too, in German.
    expect(io.drawn()).toContain('muss eine einzige Zeile ohne die Zeichen " < > sein');
    expect(processStderr).not.toHaveBeenCalled();
  });

  it('a confirmation answers in the language\'s words', async () => {
    await useLanguage('de');
    const io = terminal();
    const prompter = await createTerminalPrompter(io);
    const answer = prompter.confirm({ name: 'start', message: msg('wizard.intro.start'), default: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    io.stdin.write('\n');
    expect(await answer).toBe(true);
    expect(io.drawn()).toContain('Mit Schritt 1 beginnen?');
    expect(io.drawn()).toContain('Ja');
  });
});
