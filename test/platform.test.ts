import { describe, expect, it } from 'vitest';
import { detectPlatform, platformFor, shellOf, windowsBuildOf } from '../src/platform.js';

describe('the platform: system and shell, injectable', () => {
  it('PowerShell on Windows, a POSIX shell elsewhere', () => {
    expect(shellOf('win32', {})).toBe('powershell');
    expect(shellOf('linux', {})).toBe('posix');
    expect(shellOf('darwin', {})).toBe('posix');
  });

  it('a POSIX shell on Windows when one says so (Git Bash, MSYS2 and Cygwin set SHELL)', () => {
    expect(shellOf('win32', { SHELL: '/usr/bin/bash' })).toBe('posix');
  });

  it('SMTP_OAUTH_SHELL overrides the guess everywhere; other values are ignored', () => {
    expect(shellOf('linux', { SMTP_OAUTH_SHELL: 'powershell' })).toBe('powershell');
    expect(shellOf('win32', { SMTP_OAUTH_SHELL: 'posix' })).toBe('posix');
    expect(shellOf('win32', { SMTP_OAUTH_SHELL: 'cmd' })).toBe('powershell');
  });

  it('the Windows build from os.release() ("10.0.<build>"), only on Windows', () => {
    expect(windowsBuildOf('10.0.20348')).toBe(20348);
    expect(windowsBuildOf('6.3.9600')).toBe(9600);
    expect(windowsBuildOf('6.1')).toBeNull();
    expect(detectPlatform({}, 'win32', '10.0.17763')).toEqual({ os: 'win32', shell: 'powershell', windowsBuild: 17763 });
    expect(detectPlatform({}, 'linux', '6.8.0-45-generic')).toEqual({ os: 'linux', shell: 'posix', windowsBuild: null });
    expect(platformFor('win32', { shell: 'posix' })).toMatchObject({ os: 'win32', shell: 'posix' });
  });
});
