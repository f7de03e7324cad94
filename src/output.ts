import { Chalk, type ChalkInstance } from 'chalk';
import { Redactor } from './redact.js';

export interface OutputStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
}

export interface OutputOptions {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
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
    this.color = new Chalk({ level: colorLevel(options.env, this.stderrIsTTY) });
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

/** NO_COLOR (no-color.org) wins, then FORCE_COLOR, then whether stderr is a terminal. */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === 'false' || force === '0') return 0;
    if (force === '' || force === 'true') return 1;
    const level = Number.parseInt(force, 10);
    return Number.isFinite(level) ? (Math.min(Math.max(level, 0), 3) as 0 | 1 | 2 | 3) : 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return 1;
}
