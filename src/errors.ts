import { ExitCode } from './exit-codes.js';
import type { Diagnosis } from './diagnose/types.js';

/**
 * Everything below the CLI entry throws one of these; only `bin.cts` turns them into a process exit.
 * The message is what the user reads: one line per problem, never a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Invalid or missing input: exit 2, every problem listed. */
export class InputError extends CliError {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'), ExitCode.input);
  }
}

/** The signals that stop a command; each ends it with 128 + the signal's number. */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

const STOP_EXIT_CODES: Record<StopSignal, ExitCode> = {
  SIGINT: ExitCode.cancelled,
  SIGTERM: ExitCode.terminated,
  SIGHUP: ExitCode.hangup,
};

/**
 * The user pressed Ctrl-C or closed a prompt (exit 130), or the process got SIGTERM (143) or SIGHUP
 * (129): the command stopped before its end. `signal` is the one that stopped it.
 */
export class CancelledError extends CliError {
  constructor(
    message = 'Cancelled.',
    readonly signal: StopSignal = 'SIGINT',
  ) {
    super(message, STOP_EXIT_CODES[signal]);
  }
}

/** A failure of the pipeline that has been diagnosed (token, SMTP, network). */
export class DiagnosedError extends CliError {
  constructor(readonly diagnosis: Diagnosis) {
    super(diagnosis.summary, diagnosis.exitCode);
  }
}
