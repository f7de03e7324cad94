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

/**
 * Invalid or missing input: exit 2, every problem listed. `missing` when the only problem is that
 * required values were not given at all (the JSON diagnosis is then `input-missing`, else `input-invalid`).
 */
export class InputError extends CliError {
  constructor(
    readonly problems: readonly string[],
    readonly kind: 'invalid' | 'missing' = 'invalid',
  ) {
    super(problems.join('\n'), ExitCode.input);
  }
}

/** The signals that stop a command; each ends it with 128 + the signal's number. */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGBREAK';

const STOP_EXIT_CODES: Record<StopSignal, ExitCode> = {
  SIGINT: ExitCode.cancelled,
  SIGTERM: ExitCode.terminated,
  SIGHUP: ExitCode.hangup,
  SIGBREAK: ExitCode.ctrlBreak,
};

/**
 * The user pressed Ctrl-C or closed a prompt (exit 130), or the process got SIGTERM (143) or SIGHUP
 * (129), or Ctrl-Break on Windows (SIGBREAK, 149): the command stopped before its end. `signal` is the one that stopped it.
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

/** What a person reads for an error that is not one of the typed errors above: a bug of the tool. */
export function internalErrorMessage(error: unknown): string {
  return `Internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in smtp-oauth-setup; please report it with the command you ran (without secrets).`;
}
