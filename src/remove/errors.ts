import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { msg } from '../messages/index.js';

/**
 * The removal stopped at an Exchange answer of no known shape (the remaining PowerShell lines were
 * shown). Exit 6, a service failure: nothing the user typed was wrong, and a rerun may get a normal
 * answer; it carries on where this one stopped (each removal reads first).
 */
export class RemovalStoppedError extends CliError {
  constructor(readonly step: string) {
    super(msg('remove.stopped-exit', { step }), ExitCode.network);
  }
}
