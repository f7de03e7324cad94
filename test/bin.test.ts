import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgv } from '../src/cli.js';
import { useLanguage } from '../src/messages/index.js';
import { LANGUAGES, type Language } from '../src/messages/language.js';
import { runCli } from './support/cli.js';
import { baseEnv } from './support/platform.js';

/**
 * dist/bin.cjs answers `--help` and `--version` from files written at build time, before the program
 * loads (the start-up budget). These tests prove the answers are commander's own, and that they really
 * come without the program.
 */
const root = join(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const commanderHelp = (parseArgv(['--help']) as { text: string }).text;

/** The help commander prints for `argv` in `language` (the language every `t` speaks, set and reset). */
async function helpIn(language: Language, argv: string[]): Promise<string> {
  await useLanguage(language);
  try {
    return (parseArgv(argv) as { text: string }).text;
  } finally {
    await useLanguage('en');
  }
}
const work = mkdtempSync(join(tmpdir(), 'smtp-oauth-setup-bin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the package with only the given files of dist/. */
function packageWith(name: string, distFiles: 'all' | string[]): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  if (distFiles === 'all') {
    cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  } else {
    for (const file of distFiles) {
      mkdirSync(dirname(join(dir, 'dist', file)), { recursive: true });
      copyFileSync(join(root, 'dist', file), join(dir, 'dist', file));
    }
  }
  return join(dir, 'dist', 'bin.cjs');
}

const run = (bin: string, args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: baseEnv() });

describe('bin: --help and --version', () => {
  it.each([['--help'], ['-h']])('%s prints exactly the help commander prints', async (flag) => {
    const result = await runCli([flag]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(commanderHelp);
    expect(result.stderr).toBe('');
  });

  it.each([['--version'], ['-V']])('%s prints the package version, as commander does', async (flag) => {
    const result = await runCli([flag]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
    expect((parseArgv([flag]) as { text: string }).text).toBe(result.stdout);
  });

  it('answers the help of the program and of each command, in each language, without the program: a package holding only bin.cjs, the language rule and the help files', async () => {
    const pages: Array<[string, string[]]> = [
      ['index', []], ['check', ['check']], ['explain', ['explain']], ['report', ['report']], ['report-merge', ['report', 'merge']],
      ['setup', ['setup']], ['demo', ['demo']], ['sandbox', ['sandbox']],
    ];
    const files = ['bin.cjs', 'messages/language.cjs', ...LANGUAGES.flatMap((l) => pages.map(([page]) => `help/${l}/${page}.txt`))];
    const bin = packageWith('bare', files);
    for (const language of LANGUAGES) {
      for (const [page, words] of pages) {
        const expected = await helpIn(language, [...words, '--help']);
        expect(run(bin, ['--lang', language, ...words, '--help']), `${language} ${page}`).toMatchObject({ status: 0, stdout: expected });
      }
    }
    expect(run(bin, ['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    // Anything else needs the program, which this copy does not have.
    const check = run(bin, ['check', '--json', '--help']);
    expect(check.status).not.toBe(0);
    expect(check.stderr).toContain('program/main.js');
    // So does a language the tool does not know: the program refuses it in one line.
    expect(run(bin, ['--lang', 'xx', '--help']).stderr).toContain('program/main.js');
  });

  it('chooses the language of the prebuilt help by the same rule as the program (flag, SMTP_OAUTH_LANG, LC_ALL, LC_MESSAGES, LANG)', async () => {
    const german = await helpIn('de', ['--help']);
    expect(german).not.toBe(commanderHelp);
    const bin = join(root, 'dist', 'bin.cjs');
    const withEnv = (env: Record<string, string>, args = ['--help']) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...baseEnv(), ...env } }).stdout;
    expect(withEnv({ SMTP_OAUTH_LANG: 'de' })).toBe(german);
    expect(withEnv({ LANG: 'de_AT.UTF-8' })).toBe(german);
    expect(withEnv({ LC_ALL: 'de_CH', LANG: 'en_US.UTF-8' })).toBe(german);
    expect(withEnv({ LC_ALL: 'C', LANG: 'de_DE.UTF-8' })).toBe(commanderHelp);
    expect(withEnv({ LANG: 'de_DE.UTF-8' }, ['--lang=en', '--help'])).toBe(commanderHelp);
    expect(withEnv({ SMTP_OAUTH_LANG: 'en', LANG: 'de_DE' })).toBe(commanderHelp);
  });

  it('falls back to the program when the help files are missing (a bare tsc build)', () => {
    const bin = packageWith('no-help', 'all');
    rmSync(join(bin, '..', 'help'), { recursive: true });
    expect(run(bin, ['--help'])).toMatchObject({ status: 0, stdout: commanderHelp });
  });

  it('--lang de --help prints the German help commander prints', async () => {
    const result = await runCli(['--lang', 'de', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(await helpIn('de', ['--help']));
    expect(result.stdout).toMatch(/^Aufruf: smtp-oauth-setup \[Optionen\] \[Befehl\]/);
  });

  it('answers the help of a command as the program does', async () => {
    const result = await runCli(['check', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe((parseArgv(['check', '--help']) as { text: string }).text);
    expect(result.stdout).toContain('--tenant-id');
  });
});
