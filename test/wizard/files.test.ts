import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { msg, render } from '../../src/messages/index.js';
import { junitPathProblem } from '../../src/report/ci.js';
import { answerPath, writeFileAsked } from '../../src/wizard/files.js';
import { recordingScreen, removeScratchDirs, scratchDir, scriptedPrompter } from '../support/wizard.js';
import { expectMode } from '../support/platform.js';

afterAll(removeScratchDirs);
afterEach(() => vi.unstubAllEnvs());

function ask(answers: string[], workDir: string, extra: { public?: boolean } = {}, overwrite = false) {
  const prompter = scriptedPrompter({ settingsPath: answers, settingsPathOverwrite: overwrite });
  const screen = recordingScreen();
  const written = writeFileAsked(
    { prompter, screen },
    { name: 'settingsPath', message: msg('wizard.ask.file-name'), defaultPath: 'settings.json', workDir, content: '{}\n', ...extra },
  );
  return { prompter, screen, written };
}

describe('the wizard\'s file-name answers: ~ as a shell expands it', () => {
  it('writes ~/settings.json into the home directory, not into a folder named ~', async () => {
    const home = scratchDir('files-home');
    const workDir = scratchDir('files-work');
    // os.homedir() reads HOME on POSIX systems and USERPROFILE on Windows.
    vi.stubEnv('HOME', home);
    vi.stubEnv('USERPROFILE', home);
    const { written } = ask(['~/settings.json'], workDir);
    expect(await written).toBe(join(home, 'settings.json'));
    expect(readFileSync(join(home, 'settings.json'), 'utf8')).toBe('{}\n');
    expectMode(join(home, 'settings.json'), 0o600);
    expect(readdirSync(workDir)).toEqual([]);
  });

  // resolve(): the same answers on Windows, where /home/ada is C:\home\ada.
  it.each([
    ['~', '/home/ada'],
    ['~/a/b.pem', '/home/ada/a/b.pem'],
    ['./~/x', '/srv/mailer/~/x'],
    ['x~', '/srv/mailer/x~'],
    ['/abs/~/x', '/abs/~/x'],
  ])('%s → %s', (answer, expected) => {
    vi.stubEnv('HOME', '/home/ada');
    vi.stubEnv('USERPROFILE', '/home/ada');
    expect(answerPath(answer, '/srv/mailer')).toBe(resolve(expected));
  });

  it('refuses ~name (another user\'s home is not looked up) on entry, and asks again', async () => {
    const workDir = scratchDir('files-tilde-user');
    const { prompter, written } = ask(['~bob/settings.json', 'settings.json'], workDir);
    expect(await written).toBe(join(workDir, 'settings.json'));
    expect(prompter.rejected.map((r) => ({ ...r, reason: render(r.reason) }))).toEqual([
      { name: 'settingsPath', value: '~bob/settings.json', reason: 'only ~ and ~/… are expanded (not ~name, another user\'s home): give the full path' },
    ]);
    expect(existsSync(join(workDir, '~bob'))).toBe(false);
  });
});

describe('the wizard\'s file-name answers: a missing folder is refused, not created', () => {
  it('says so in --junit\'s words and asks again; nothing is created', async () => {
    const workDir = scratchDir('files-missing');
    const missing = join(workDir, 'nonexistent', 'dir', 'x.ps1');
    const { screen, written } = ask([missing, 'x.ps1'], workDir);
    expect(await written).toBe(join(workDir, 'x.ps1'));
    const problem = `the directory ${join(workDir, 'nonexistent', 'dir')} does not exist`;
    expect(screen.text).toContain(`✖ ${missing}: ${problem}`);
    // One wording for both.
    const junitProblem = await junitPathProblem(missing);
    expect(junitProblem && render(junitProblem)).toBe(`--junit: ${missing}: ${problem}`);
    expect(readdirSync(workDir)).toEqual(['x.ps1']);
  });

  it('writes into /dev/null in place (after the replace question), without calling it "readable by you only"', async () => {
    const { screen, written } = ask(['/dev/null'], scratchDir('files-devnull'), {}, true);
    expect(await written).toBe('/dev/null');
    expect(screen.text).toBe('✔ Wrote /dev/null\n');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a directory given as the file', async () => {
    const workDir = scratchDir('files-isdir');
    const { screen, written } = ask([workDir, 'ok.json'], workDir);
    expect(await written).toBe(join(workDir, 'ok.json'));
    expect(screen.text).toContain(`✖ ${workDir}: it is a directory`);
  });
});
