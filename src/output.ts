import { Chalk, type ChalkInstance } from 'chalk';
import { detectPlatform, type Platform } from './platform.js';
import { Redactor } from './redact.js';

export interface OutputStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
}

export interface OutputOptions {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  /** The system whose console decides the colour level; the running one by default. */
  platform?: Pick<Platform, 'os' | 'windowsBuild'>;
}

/**
 * Every byte the tool prints goes through here, and through the redactor on its way.
 * stdout carries results (one JSON object with --json); stderr carries progress and logs.
 */
export class Output {
  readonly redactor = new Redactor();
  readonly color: ChalkInstance;
  readonly stderrIsTTY: boolean;

  constructor(private readonly options: OutputOptions) {
    this.stderrIsTTY = options.stderr.isTTY === true;
    this.color = new Chalk({ level: colorLevel(options.env, this.stderrIsTTY, options.platform ?? detectPlatform(options.env)) });
  }

  /** A result line on stdout. */
  result(text: string): void {
    this.options.stdout.write(this.redactor.redact(text) + '\n');
  }

  /** A progress or log line on stderr. */
  info(text: string): void {
    this.options.stderr.write(this.redactor.redact(text) + '\n');
  }

  /** Raw stderr write (for redrawing a progress line on a terminal). */
  infoRaw(text: string): void {
    this.options.stderr.write(this.redactor.redact(text));
  }
}

// Windows 10 1511 (build 10586) is the first console with VT sequences (256 colours); build 14931 the
// first with 24-bit colour (Microsoft's "Console Virtual Terminal Sequences" and the Windows Command
// Line blog; the same thresholds supports-color uses).
const WINDOWS_VT_BUILD = 10586;
const WINDOWS_TRUECOLOR_BUILD = 14931;

/**
 * NO_COLOR (no-color.org) wins, then FORCE_COLOR, then whether stderr is a terminal.
 *
 * On Windows TERM is usually unset and says nothing: a console is a terminal with colour. Windows
 * Terminal (it sets WT_SESSION) and the console of Windows 10 build 14931 on have 24-bit colour, build
 * 10586 on 256 colours; the old console (conhost before Windows 10 1511, Windows Server 2012 R2 and
 * older) knows no escape sequences at all, and there Node's own console layer (libuv) turns the 16
 * basic colours and bold into console attributes and drops what it does not know (dim): level 1, the
 * only one the tool's styles need.
 */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean, platform: Pick<Platform, 'os' | 'windowsBuild'> = { os: 'linux', windowsBuild: null }): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === 'false' || force === '0') return 0;
    if (force === '' || force === 'true') return 1;
    const level = Number.parseInt(force, 10);
    return Number.isFinite(level) ? (Math.min(Math.max(level, 0), 3) as 0 | 1 | 2 | 3) : 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (platform.os === 'win32') {
    const build = platform.windowsBuild ?? 0;
    if (env.WT_SESSION || build >= WINDOWS_TRUECOLOR_BUILD) return 3;
    return build >= WINDOWS_VT_BUILD ? 2 : 1;
  }
  return 1;
}
