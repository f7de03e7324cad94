import type { CheckReport } from '../check/run.js';
import type { WaitResult } from '../check/wait.js';
import type { CheckInputs } from '../inputs/check-inputs.js';
import type { Message } from '../messages/index.js';

/**
 * The proof after the changes (STUB: the contract; its body is being built): the existing check with
 * the new credential, retried by the one retry policy while the diagnosis says waiting helps
 * (propagation, a new secret refused for some seconds), with the waits shown; bounded.
 */
export interface ProveDeps {
  show(message: Message): void;
  /** The longest wait in all, in seconds (`--wait`; a default that covers the notes' delays). */
  waitSeconds: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  /** Extra CA for the token endpoint (the sandbox's), as `check` reads it today. */
  extraCaPem?: string;
}

export interface ProveOutcome {
  report: CheckReport;
  wait: WaitResult | null;
}

export async function proveSetup(_inputs: CheckInputs, _deps: ProveDeps): Promise<ProveOutcome> {
  throw new Error('proveSetup: not built yet');
}
