import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgv } from '../src/cli.js';
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
  } else for (const file of distFiles) copyFileSync(join(root, 'dist', file), join(dir, 'dist', file));
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

  it('answers both without the program: a package holding only bin.cjs and help.txt', () => {
    const bin = packageWith('bare', ['bin.cjs', 'help.txt']);
    expect(run(bin, ['--help'])).toMatchObject({ status: 0, stdout: commanderHelp });
    expect(run(bin, ['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    // Anything else needs the program, which this copy does not have.
    const check = run(bin, ['check', '--help']);
    expect(check.status).not.toBe(0);
    expect(check.stderr).toContain('main.js');
  });

  it('falls back to the program when help.txt is missing (a bare tsc build)', () => {
    const bin = packageWith('no-help', 'all');
    rmSync(join(bin, '..', 'help.txt'));
    expect(run(bin, ['--help'])).toMatchObject({ status: 0, stdout: commanderHelp });
  });

  it('leaves the help of a command and every other argv to the program', async () => {
    const result = await runCli(['check', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe((parseArgv(['check', '--help']) as { text: string }).text);
    expect(result.stdout).toContain('--tenant-id');
  });
});
