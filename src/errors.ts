import { ExitCode } from './exit-codes.js';
import type { Diagnosis } from './diagnose/types.js';
import { isMessage, type Message, msg, render } from './messages/index.js';

/**
 * What an error says: a message of the catalogs (rendered in the language in use, kept as id and
 * parameters for tests and JSON), or, for a diagnosed failure only, the diagnosis's summary, which
 * the catalog has already worded.
 */
export type ErrorText = Message | string;

function textOf(text: ErrorText): string {
  return isMessage(text) ? render(text) : text;
}

/**
 * Everything below the CLI entry throws one of these; only `bin.cts` turns them into a process exit.
 * The message is what the user reads: one line per problem, never a stack trace.
 */
export class CliError extends Error {
  /** The message as id and parameters, when the error was raised with one. */
  readonly messageId: Message | undefined;
  constructor(
    message: ErrorText,
    readonly exitCode: ExitCode,
  ) {
    super(textOf(message));
    this.name = new.target.name;
    this.messageId = isMessage(message) ? message : undefined;
  }
}

/**
 * Invalid or missing input: exit 2, every problem listed. `missing` when the only problem is that
 * required values were not given at all (the JSON diagnosis is then `input-missing`, else `input-invalid`).
 */
export class InputError extends CliError {
  /** Each problem in words, in the language in use. */
  readonly problems: readonly string[];
  /** Each problem as id and parameters, in the same order. */
  readonly problemMessages: readonly Message[];
  constructor(
    problems: readonly Message[],
    readonly kind: 'invalid' | 'missing' = 'invalid',
  ) {
    const texts = problems.map((p) => render(p));
    super(texts.join('\n'), ExitCode.input);
    this.problems = texts;
    this.problemMessages = problems;
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
    message: Message = msg('cli.cancelled'),
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
  return render(msg('cli.internal-error', { detail: error instanceof Error ? error.message : String(error) }));
}
