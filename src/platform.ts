import { release } from 'node:os';

/**
 * The system the tool runs on and the shell its user types into, decided once and handed to every
 * place whose behaviour differs: the commands it prints for the user to run (POSIX `export` and
 * `set -a` or PowerShell `$env:NAME = …` and `Get-Content`), private files (mode 0600 or an ACL),
 * the stop signals, colours. Tests pass `{ os: 'win32', … }` so that the Windows paths run on Linux too.
 */
export type ShellKind = 'posix' | 'powershell';

export interface Platform {
  readonly os: NodeJS.Platform;
  readonly shell: ShellKind;
  /** The Windows build number (10586 is Windows 10 1511), null elsewhere or when unknown. */
  readonly windowsBuild: number | null;
}

/**
 * The shell the user types into: PowerShell on Windows, unless the environment says a POSIX shell
 * runs there (Git Bash, MSYS2 and Cygwin set SHELL; PowerShell and cmd.exe do not). SMTP_OAUTH_SHELL
 * (`posix` or `powershell`) overrides the guess on every system.
 */
export function shellOf(os: NodeJS.Platform, env: NodeJS.ProcessEnv): ShellKind {
  const chosen = env.SMTP_OAUTH_SHELL;
  if (chosen === 'posix' || chosen === 'powershell') return chosen;
  return os === 'win32' && !env.SHELL ? 'powershell' : 'posix';
}

/** `os.release()` on Windows is "10.0.<build>"; the build is what tells which console features exist. */
export function windowsBuildOf(releaseText: string): number | null {
  const build = /^\d+\.\d+\.(\d+)/.exec(releaseText)?.[1];
  return build === undefined ? null : Number(build);
}

export function detectPlatform(env: NodeJS.ProcessEnv = process.env, os: NodeJS.Platform = process.platform, osRelease: string = release()): Platform {
  return { os, shell: shellOf(os, env), windowsBuild: os === 'win32' ? windowsBuildOf(osRelease) : null };
}

/** A platform for tests and for callers that know only the system. */
export function platformFor(os: NodeJS.Platform, overrides: Partial<Omit<Platform, 'os'>> = {}): Platform {
  return { os, shell: os === 'win32' ? 'powershell' : 'posix', windowsBuild: os === 'win32' ? 19045 : null, ...overrides };
}
