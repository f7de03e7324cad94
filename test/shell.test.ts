import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DOTENV_ESCAPED_QUOTE_PATTERN, DOTENV_LINE_PATTERN, DOTENV_QUOTED_PATTERN, shellQuote, shellSyntax } from '../src/shell.js';
import { envValue } from '../src/wizard/steps/finish.js';

describe('shellQuote', () => {
  it.each([['plain-value_1.2@x:y/z,%+='], ["it's"], ['two words'], ['$HOME `id` "q" \\ ~ *'], ['']])('%j reads back unchanged through sh', (value) => {
    const quoted = shellQuote(value);
    expect(execFileSync('sh', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8', env: {} })).toBe(value);
  });

  it('leaves a plain word bare', () => {
    expect(shellQuote('/home/a/.config/smtp-oauth-setup/config.json')).toBe('/home/a/.config/smtp-oauth-setup/config.json');
  });
});

describe('commands printed for the user\'s shell', () => {
  const posix = shellSyntax('posix');
  const powershell = shellSyntax('powershell');

  it('sets a variable with export in a POSIX shell and with $env: (always a string literal) in PowerShell', () => {
    expect(posix.setEnv('AZURE_TENANT_ID', 'abc')).toBe('export AZURE_TENANT_ID=abc');
    // A bare word on the right of = would be run as a command by PowerShell: quoted even when plain.
    expect(powershell.setEnv('AZURE_TENANT_ID', 'abc')).toBe("$env:AZURE_TENANT_ID = 'abc'");
    expect(powershell.setEnv('NODE_EXTRA_CA_CERTS', "C:\\Users\\o'brien\\ca.pem")).toBe("$env:NODE_EXTRA_CA_CERTS = 'C:\\Users\\o''brien\\ca.pem'");
  });

  it('reads a secret from a file with cat or Get-Content -TotalCount 1', () => {
    expect(posix.setEnvFromFile('AZURE_CLIENT_SECRET', '/tmp/x y/secret')).toBe(`export AZURE_CLIENT_SECRET="$(cat '/tmp/x y/secret')"`);
    expect(powershell.setEnvFromFile('AZURE_CLIENT_SECRET', 'C:\\Temp\\x y\\secret')).toBe("$env:AZURE_CLIENT_SECRET = Get-Content -LiteralPath 'C:\\Temp\\x y\\secret' -Encoding UTF8 -TotalCount 1");
  });

  it('loads a .env with set -a, or with a Get-Content loop (PowerShell has no set -a)', () => {
    expect(posix.loadDotenv('.env')).toBe('set -a; . .env; set +a');
    const loader = powershell.loadDotenv('C:\\app\\.env');
    expect(loader.startsWith("Get-Content -LiteralPath 'C:\\app\\.env' -Encoding UTF8 | ")).toBe(true);
    expect(loader).toContain("$name, $value = $_ -split '=', 2;");
    expect(loader).not.toMatch(/set -a|export /);
  });

  it('names npx.cmd in PowerShell on Windows (npx.ps1 is refused under the default execution policy), npx elsewhere', () => {
    expect(shellSyntax('powershell', 'win32').npx).toBe('npx.cmd');
    expect(shellSyntax('powershell', 'linux').npx).toBe('npx');
    expect(shellSyntax('posix', 'win32').npx).toBe('npx');
    expect(shellSyntax('posix').npx).toBe('npx');
  });

  it('continues a command with \\ in a POSIX shell and a backtick in PowerShell', () => {
    expect(posix.continuation).toBe(' \\');
    expect(powershell.continuation).toBe(' `');
  });

  // The loader's steps in JavaScript (its patterns are the same simple regular expressions in .NET):
  // what the wizard writes into a .env comes back as the values it was given.
  it.each([["s3cr~et.value_with-dashes"], ["it's a 'quoted' secret"], ['$HOME `id` "q" \\ ~ *'], ['=starts with equals=']])('the PowerShell .env loader reads %j back as written', (value) => {
    const line = `AZURE_CLIENT_SECRET=${envValue(value)}`;
    const text = ['# a comment line the loader skips', line, 'SMTP_OAUTH_MAILBOX=alerts@contoso.com'].join('\n');
    const loaded: Record<string, string> = {};
    for (const raw of text.split('\n')) {
      if (!new RegExp(DOTENV_LINE_PATTERN).test(raw)) continue;
      const at = raw.indexOf('=');
      let [name, v] = [raw.slice(0, at), raw.slice(at + 1)];
      const quoted = new RegExp(DOTENV_QUOTED_PATTERN).exec(v);
      if (quoted) v = quoted[1]!.replace(new RegExp(DOTENV_ESCAPED_QUOTE_PATTERN, 'g'), "'");
      loaded[name] = v;
    }
    expect(loaded).toEqual({ AZURE_CLIENT_SECRET: value, SMTP_OAUTH_MAILBOX: 'alerts@contoso.com' });
  });
});
