import type { ShellKind } from './platform.js';
import { psArgument, psStringLiteral } from './powershell-quote.js';

/**
 * A word for a POSIX shell: bare when it holds only characters no shell treats specially, else in
 * single quotes (a ' inside becomes '\''). dotenv reads the same form back unchanged, so the `.env`
 * the wizard writes uses it too.
 */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The PowerShell that loads a `.env` as written by the wizard (NAME=value lines, a value bare or in
 * the POSIX single quotes of `shellQuote`) into the session's environment; PowerShell has no `set -a`.
 * Each line `NAME=…` is split at its first = (`-split '=', 2`: at most two parts, about_Split), a
 * quoted value is unquoted ('\'' back to ') and set with `Set-Item -Path env:NAME -Value …` (the
 * Environment provider; Set-Item's "change the value of an environment variable" example). Comment
 * lines do not match `^\w+=` and are skipped. Every pattern is a single-quoted literal (nothing expands). The patterns are exported so that a test can apply them
 * to what the wizard writes: .NET and JavaScript read these simple regular expressions alike.
 */
export const DOTENV_LINE_PATTERN = String.raw`^\w+=`;
export const DOTENV_QUOTED_PATTERN = String.raw`^'(.*)'$`;
export const DOTENV_ESCAPED_QUOTE_PATTERN = String.raw`'\\''`;

function powershellDotenvLoader(path: string): string {
  return (
    `Get-Content -LiteralPath ${psStringLiteral(path)} -Encoding UTF8 | Where-Object { $_ -match ${psStringLiteral(DOTENV_LINE_PATTERN)} } | ForEach-Object { ` +
    `$name, $value = $_ -split '=', 2; ` +
    `if ($value -match ${psStringLiteral(DOTENV_QUOTED_PATTERN)}) { $value = $Matches[1] -replace ${psStringLiteral(DOTENV_ESCAPED_QUOTE_PATTERN)}, ${psStringLiteral("'")} }; ` +
    `Set-Item -Path "env:$name" -Value $value }`
  );
}

/**
 * How a command the tool prints for the user to run is written in their shell (src/platform.ts): the
 * quoting of a word, setting an environment variable (from a value or from a file's first line),
 * loading a `.env`, and the mark that continues a command on the next line.
 */
export interface ShellSyntax {
  readonly kind: ShellKind;
  word(value: string): string;
  setEnv(name: string, value: string): string;
  setEnvFromFile(name: string, path: string): string;
  loadDotenv(path: string): string;
  /** Appended to a line whose command goes on: ` \` in a POSIX shell, `` ` `` (backtick) in PowerShell. */
  readonly continuation: string;
  /**
   * How npx is named: `npx.cmd` in PowerShell on Windows. npm installs npx.ps1 beside npx.cmd there and
   * PowerShell picks the .ps1 first, which the default execution policy of Windows clients (Restricted)
   * refuses to run ("npx.ps1 cannot be loaded because running scripts is disabled on this system");
   * the .cmd shim runs under every policy.
   */
  readonly npx: string;
}

const POSIX: ShellSyntax = {
  kind: 'posix',
  word: shellQuote,
  setEnv: (name, value) => `export ${name}=${shellQuote(value)}`,
  setEnvFromFile: (name, path) => `export ${name}="$(cat ${shellQuote(path)})"`,
  loadDotenv: (path) => `set -a; . ${shellQuote(path)}; set +a`,
  continuation: ' \\',
  npx: 'npx',
};

/**
 * PowerShell: an argument quoted by `psArgument`; the value of `$env:NAME = …` is an expression, so it is
 * always a string literal (a bare word there would be run as a command). A file's first line without its
 * line end: `Get-Content -LiteralPath … -TotalCount 1` (LiteralPath: [ ] in a path are no wildcards).
 * `-Encoding UTF8` because the tool writes UTF-8 without a BOM, which Windows PowerShell 5.1 would
 * otherwise read in the system's ANSI code page (about_Character_Encoding); PowerShell 7 accepts it too.
 */
const POWERSHELL: ShellSyntax = {
  kind: 'powershell',
  word: psArgument,
  setEnv: (name, value) => `$env:${name} = ${psStringLiteral(value)}`,
  setEnvFromFile: (name, path) => `$env:${name} = Get-Content -LiteralPath ${psStringLiteral(path)} -Encoding UTF8 -TotalCount 1`,
  loadDotenv: powershellDotenvLoader,
  continuation: ' `',
  npx: 'npx',
};
const WINDOWS_POWERSHELL: ShellSyntax = { ...POWERSHELL, npx: 'npx.cmd' };

/** The syntax for `shell`; `os` says whether PowerShell runs on Windows (npx.cmd) or elsewhere (pwsh: npx). */
export function shellSyntax(shell: ShellKind, os: NodeJS.Platform = 'linux'): ShellSyntax {
  if (shell === 'posix') return POSIX;
  return os === 'win32' ? WINDOWS_POWERSHELL : POWERSHELL;
}
