import { SECRET_MONTHS } from '../automatic/limits.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../defaults.js';
import { readDecimal } from '../inputs/decimal.js';
import { authorityHostSchema, type FlagReader, hostSchema, portSchema, timeoutSecondsSchema, waitDurationSchema } from '../inputs/schemas.js';
import { type Message, msg } from '../messages/index.js';

/** The proof waits this long for propagation by default: the notes' delays for a new app, in seconds. */
export const DEFAULT_PROOF_WAIT_SECONDS = 30 * 60;

/**
 * What `setup --automatic` and `rotate-secret` read alike: where the sign-in and the proof connect
 * (authority host, SMTP host and port), how long a network step and the proof may take, and the new
 * secret's lifetime. Each value is the flag's or the fallback the command chose (the environment, the
 * saved answers); `authorityHostField` names where the authority host came from in a refusal.
 */
export interface ProofFlagValues {
  authorityHost?: string | undefined;
  authorityHostField?: string;
  smtpHost?: string | undefined;
  smtpPort?: string | number | undefined;
  timeout?: string | number | undefined;
  wait?: string | undefined;
  secretMonths?: string | undefined;
}

export interface ProofFlags {
  authorityHost: string | undefined;
  smtpHost: string | undefined;
  smtpPort: number | undefined;
  timeoutSeconds: number;
  waitSeconds: number;
  secretMonths: number | undefined;
}

/** Each given value parsed; a refusal is added to `problems` and its value left undefined (or the default). */
export function readProofFlags(values: ProofFlagValues, read: FlagReader, problems: Message[]): ProofFlags {
  const text = (value: string | number | undefined) => (value === undefined ? undefined : String(value));
  let secretMonths: number | undefined;
  if (values.secretMonths !== undefined) {
    const parsed = readDecimal(values.secretMonths, { min: SECRET_MONTHS.min, max: SECRET_MONTHS.max });
    if ('problem' in parsed) problems.push(msg('automatic.secret-months-invalid', { value: values.secretMonths, min: SECRET_MONTHS.min, max: SECRET_MONTHS.max }));
    else secretMonths = parsed.value;
  }
  return {
    authorityHost: read(authorityHostSchema, values.authorityHost, values.authorityHostField ?? '--authority-host'),
    smtpHost: read(hostSchema, values.smtpHost, '--smtp-host'),
    smtpPort: read(portSchema, text(values.smtpPort), '--smtp-port'),
    timeoutSeconds: read(timeoutSecondsSchema, text(values.timeout), '--timeout') ?? DEFAULT_TIMEOUT_SECONDS,
    waitSeconds: read(waitDurationSchema, values.wait, '--wait') ?? DEFAULT_PROOF_WAIT_SECONDS,
    secretMonths,
  };
}
