/**
 * The defaults of `check` (and the wizard and fleet, which run the same pipeline), in one place: the
 * code that applies them and the help texts that name them ("(default: …)") read the same constants,
 * so the two never disagree.
 */

/** `--timeout <seconds>`: the limit for each network step (token request, SMTP connect, each SMTP command). */
export const DEFAULT_TIMEOUT_SECONDS = 20;

/** `--warn-days <days>`: how many days before the secret's or certificate's expiry the check warns. */
export const DEFAULT_WARN_DAYS = 30;

/** `--concurrency <n>` with `--targets`: targets checked at a time. */
export const DEFAULT_CONCURRENCY = 4;

/** The most targets `--concurrency` allows at a time (the SMTP servers of one tenant throttle beyond it). */
export const MAX_CONCURRENCY = 64;
