import { retryable } from '../check/retry-policy.js';
import type { CheckReport } from '../check/run.js';
import { msg } from '../messages/index.js';
import type { Clock, Screen, WaitPlan } from './context.js';

/**
 * Waiting for Exchange: changes of steps 2 and 3 apply after 15–30 minutes, a new mailbox can take up
 * to a day (catalog F). The wizard retries every few minutes up to a limit, with a visible countdown.
 */

/** The plan in words: how often and how long, through the language's duration formatter. */
export function describeWait(plan: WaitPlan) {
  return msg('wizard.wait.plan', { intervalMs: plan.intervalMs, totalMs: plan.intervalMs * plan.attempts });
}

/**
 * Whether time can fix this failure: a temporary one, or one Exchange or Entra ID also gives while a
 * change of steps 1–3 made in this walk has not propagated yet (e.g. 535 5.7.139 for a few minutes
 * after Set-CASMailbox). The catalog marks those (`propagation`); the retry policy's `wizard` rule
 * decides. A wrong secret never heals by waiting; retrying after fixing it is immediate.
 */
export function waitingMayHelp(diagnosis: CheckReport['diagnosis']): boolean {
  return retryable(diagnosis, 'wizard');
}

/**
 * Counts down, runs the check, and repeats while the failure is one that waiting may fix; returns
 * the last report (a success, a failure waiting cannot fix, or the last one at the limit).
 */
export async function waitAndRetry(
  run: () => Promise<CheckReport>,
  deps: { clock: Clock; screen: Screen; beforeAttempt?: () => void },
  plan: WaitPlan,
): Promise<CheckReport> {
  const { clock, screen } = deps;
  let last: CheckReport | null = null;
  for (let attempt = 1; attempt <= plan.attempts; attempt++) {
    const due = clock.now().getTime() + plan.intervalMs;
    for (let left = plan.intervalMs; left > 0; left = due - clock.now().getTime()) {
      screen.status(msg('wizard.wait.countdown', { attempt, attempts: plan.attempts, secondsLeft: Math.ceil(left / 1000) }));
      await clock.sleep(Math.min(1000, left));
    }
    screen.clearStatus();
    deps.beforeAttempt?.();
    last = await run();
    if (last.ok || !waitingMayHelp(last.diagnosis)) return last;
    screen.show({ kind: 'note', text: msg('wizard.wait.still-failing', { attempt, attempts: plan.attempts, ...(last.diagnosis?.code && { code: last.diagnosis.code }) }), indent: 2 });
  }
  if (!last) throw new Error('waitAndRetry needs at least one attempt');
  return last;
}
