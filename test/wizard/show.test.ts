import { Chalk } from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { strong } from '../../src/messages/emphasis.js';
import { loadLanguage, msg, type Renderer, useLanguage } from '../../src/messages/index.js';
import { LANGUAGES } from '../../src/messages/language.js';
import { renderDiagnosis } from '../../src/report/human.js';
import { type Block, claimsBlock, renderBlocks, WIDTH, wrap } from '../../src/wizard/show.js';
import { beforeStart } from '../../src/wizard/steps/before-start.js';
import { smtpAuthStep } from '../../src/wizard/steps/smtp-auth.js';
import { recordingScreen, scriptedPrompter, ENTER } from '../support/wizard.js';
import { IDS } from './fixtures.js';

/**
 * The screen decides layout and colour: what the steps show is data, so one step's blocks render in
 * every language with the same layout. The snapshots keep the words of two steps honest in English
 * and German (rendered without colour, as a log or a screen reader gets them).
 */
const plain = new Chalk({ level: 0 });
const renderers = Object.fromEntries(await Promise.all(LANGUAGES.map(async (l) => [l, await loadLanguage(l)] as const))) as Record<
  (typeof LANGUAGES)[number],
  Renderer
>;
const words = (blocks: readonly Block[], language: (typeof LANGUAGES)[number]) =>
  renderBlocks(blocks, { color: plain, render: renderers[language].render, diagnosis: renderDiagnosis }).join('\n');

async function shownBy(step: (screen: ReturnType<typeof recordingScreen>) => Promise<unknown>): Promise<Block[]> {
  const screen = recordingScreen();
  await step(screen);
  return screen.shown.map(({ block }) => block);
}

describe('the screen lays out blocks', () => {
  it('a step heading in the language, underlined to its length, the shared step names', () => {
    expect(words([{ kind: 'heading', step: 3 }], 'en')).toBe('\nStep 3 of 4 · SMTP AUTH on the mailbox\n──────────────────────────────────────');
    expect(words([{ kind: 'heading', step: 4 }], 'de')).toBe('\nSchritt 4 von 4 · Test-E-Mail\n─────────────────────────────');
  });

  it('emphasis is bold where there is colour and nothing where there is none', () => {
    const block: Block = { kind: 'paragraph', text: msg('wizard.smtp-auth.why', { mailbox: 'a@contoso.com' }), gap: false };
    const bold = renderBlocks([block], { color: new Chalk({ level: 1 }), render: renderers.en.render }).join('\n');
    expect(bold).toContain('\x1b[1ma@contoso.com\x1b[22m');
    expect(words([block], 'en')).toContain('SMTP AUTH must be on for a@contoso.com. Newer');
    expect(words([block], 'en')).not.toMatch(/[\u0002\u0003\u000e\u000f]/);
    expect(strong('x')).not.toBe('x');
  });

  it('wraps prose to the width at spaces, continuation lines under their own text', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    for (const line of wrap(long, WIDTH)) expect(line.length).toBeLessThanOrEqual(WIDTH);
    const numbered = words([{ kind: 'numbered', items: [msg('wizard.intro.what')], gap: false }], 'en').split('\n');
    expect(numbered[0]).toMatch(/^ {2}1\. This walk/);
    expect(numbered[1]).toMatch(/^ {5}\S/);
  });

  it('facts line up in a column whatever the labels\' length in the language', () => {
    const claims = claimsBlock({ roles: [], aud: 'https://outlook.office365.com', tid: IDS.tenantId, appid: IDS.clientId, oid: IDS.servicePrincipalObjectId, exp: 1_900_000_000, appDisplayName: null }, 'SMTP.SendAsApp');
    const en = words([claims], 'en').split('\n');
    expect(en).toContain('  roles    (none: no application permission has admin consent)  ✖ no SMTP.SendAsApp');
    expect(en).toContain('  expires  2030-03-17T17:46:40Z');
    // The one label in words is longer in German ("gültig bis"): the column follows it.
    const de = words([claims], 'de').split('\n');
    expect(de.find((line) => line.startsWith('  roles'))).toMatch(/^ {2}roles {7}\(keine: .*\) {2}✖ kein SMTP\.SendAsApp$/);
    expect(de).toContain('  gültig bis  17.03.2030, 17:46:40 UTC');
  });

  it('commands are the same in every language; only their comments are translated', () => {
    const commands: Block = { kind: 'commands', lines: ['# comment', 'Set-CASMailbox -Identity a@contoso.com'], gap: false };
    expect(words([commands], 'en')).toBe(words([commands], 'de'));
  });
});

describe('two steps in words (snapshots per language)', () => {
  // The step runs in the language as a run would: commands' comments are written when the step shows them.
  afterEach(() => useLanguage('en'));

  it.each(LANGUAGES)('step 3 in %s', async (language) => {
    await useLanguage(language);
    const blocks = await shownBy((screen) => smtpAuthStep({ mailbox: 'alerts@contoso.com', scriptPath: '/srv/smtp-oauth-setup-exchange.ps1' }, { prompter: scriptedPrompter({ smtpAuthDone: ENTER }), screen }));
    expect(words(blocks, language)).toMatchSnapshot();
  });

  it.each(LANGUAGES)('the introduction in %s', async (language) => {
    await useLanguage(language);
    const blocks = await shownBy((screen) => beforeStart({ progressFile: '/home/a/.config/smtp-oauth-setup/config.json', sandbox: false }, { prompter: scriptedPrompter({ start: ENTER }), screen }));
    expect(words(blocks, language)).toMatchSnapshot();
  });
});
