import { describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/inputs/prompter.js';
import { withPresetAnswers } from '../../src/wizard/preset-answers.js';
import { msg, render } from '../../src/messages/index.js';
import { recordingScreen } from '../support/wizard.js';

describe('withPresetAnswers', () => {
  const screen = recordingScreen();
  const asked: string[] = [];
  const inner: Prompter = {
    input: async () => 'typed',
    password: async () => 'secret',
    confirm: async (q) => (asked.push(q.name), false),
    select: async () => { throw new Error('no select'); },
  };

  it('answers a preset confirm without asking and shows the answer', async () => {
    const prompter = withPresetAnswers(inner, screen, { keepSecret: true });
    expect(await prompter.confirm({ name: 'keepSecret', message: msg('wizard.ask.save-settings') })).toBe(true);
    expect(asked).toEqual([]);
    expect(screen.shown.at(-1)?.block).toEqual({ kind: 'answered', question: msg('wizard.ask.save-settings'), answer: msg('prompt.yes'), from: 'command-line' });
    expect(screen.text.trimEnd().split('\n').at(-1)).toBe(`✔ ${render(msg('wizard.ask.save-settings'))} Yes (from the command line)`);
  });

  it('asks every other question as usual', async () => {
    const prompter = withPresetAnswers(inner, screen, { keepSecret: true });
    expect(await prompter.confirm({ name: 'writeEnv', message: msg('wizard.ask.file-name') })).toBe(false);
    expect(asked).toEqual(['writeEnv']);
    expect(await prompter.input({ name: 'to', message: msg('wizard.ask.to') })).toBe('typed');
  });
});
