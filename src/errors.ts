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

/** The user pressed Ctrl-C or closed a prompt: exit 130. */
export class CancelledError extends CliError {
  constructor(message = 'Cancelled.') {
    super(message, ExitCode.cancelled);
  }
}

/** A failure of the pipeline that has been diagnosed (token, SMTP, network). */
export class DiagnosedError extends CliError {
  constructor(readonly diagnosis: Diagnosis) {
    super(diagnosis.summary, diagnosis.exitCode);
  }
}
