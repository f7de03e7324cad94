import { catalogByCode } from '../diagnose/catalog.js';
import type { Diagnosis } from '../diagnose/types.js';

/**
 * The one rule for "try this again?", decided from the diagnosis's two fields alone:
 *
 * - `transient`: the same request, unchanged, with nobody doing anything, may succeed later
 *   (451 4.7.0, 432 4.3.2, `temporarily_unavailable`, 5xx, timeouts). Every front-end retries these.
 * - `propagation`: Exchange Online or Entra ID also answers this while a change of steps 1–3 made in
 *   the last minutes to hours is not in effect yet (535 5.7.3 with a good token, 535 5.7.139,
 *   430 4.2.0, a token without `roles` right after consent; catalog F). Waiting helps only if
 *   someone just made such a change, so only the front-ends where the user said so retry them.
 *
 * A front-end never looks at codes, steps or exit codes to decide this: the catalog does, per entry.
 */
export type RetryPurpose =
  /** `check --wait`: the user said they just changed something and will wait for it. */
  | 'wait'
  /** The setup wizard: the user made steps 1–3 minutes ago, in this very walk. */
  | 'wizard'
  /** `check --targets`: a scheduled check retries a few times within seconds, then reports. */
  | 'fleet'
  /** A single `check` (and a monitoring job reading its JSON): retry later only what heals by itself. */
  | 'check'
  /**
   * The proof right after this tool added a client secret (setup --automatic, rotate-secret): as
   * `wait`, and also the answers the catalog marks `newCredential` (a new secret refused for seconds).
   */
  | 'new-credential';

/** The fields the decision is made from (a Diagnosis, or a CheckReport's copy of one). */
export type RetryFacts = Pick<Diagnosis, 'transient' | 'propagation'> & { code?: string };

const RETRIES_PROPAGATION: Readonly<Record<RetryPurpose, boolean>> = {
  wait: true,
  wizard: true,
  fleet: false,
  check: false,
  'new-credential': true,
};

/** Whether the front-end `purpose` tries again after this diagnosis (false for none: nothing failed). */
export function retryable(diagnosis: RetryFacts | null | undefined, purpose: RetryPurpose): boolean {
  if (!diagnosis) return false;
  if (diagnosis.transient === true || (diagnosis.propagation === true && RETRIES_PROPAGATION[purpose])) return true;
  // Only where this tool itself just added the credential: otherwise the same answer means a wrong secret.
  return purpose === 'new-credential' && diagnosis.code !== undefined && catalogByCode.get(diagnosis.code)?.newCredential === true;
}
