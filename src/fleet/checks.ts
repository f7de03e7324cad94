import { acquireAndCheckToken, runCheck, type StageEvents } from '../check/run.js';
import type { Redactor } from '../redact.js';
import type { FleetChecks } from './run.js';

// A fleet shows one line per target, not the stages of each: the stage events go nowhere.
const QUIET: StageEvents = { start() {}, succeed() {}, fail() {}, skip() {} };

/** The fleet's checks are the one pipeline: the token stages once per group, then `runCheck` per mailbox. */
export function pipelineChecks(options: { redactor: Redactor; extraCaPem?: string; signal?: AbortSignal }): FleetChecks {
  const { redactor } = options;
  const shared = { ...(options.extraCaPem && { extraCaPem: options.extraCaPem }), ...(options.signal && { signal: options.signal }) };
  return {
    // No mailbox: the token serves several; runCheck registers its XOAUTH2 form for each one.
    checkToken: (target) => {
      const { mailbox: _mailbox, ...tokenInputs } = target.inputs;
      return acquireAndCheckToken(tokenInputs, { events: QUIET, redactor, ...shared });
    },
    checkTarget: (target, tokenCheck, sessionSlot) =>
      runCheck(target.inputs, { events: QUIET, redactor, warnings: target.warnings, tokenCheck, sessionSlot, ...shared }),
  };
}
