import { retryable } from '../check/retry-policy.js';
import type { CheckReport } from '../check/run.js';
import type { Clock, Screen } from './context.js';

/**
 * Waiting for Exchange: changes of steps 2 and 3 apply after 15–30 minutes, a new mailbox can take up
 * to a day (catalog F). The wizard retries every few minutes up to a limit, with a visible countdown.
 */
export interface WaitPlan {
  intervalMs: number;
  attempts: number;
}

export const DEFAULT_WAIT: WaitPlan = { intervalMs: 5 * 60_000, attempts: 12 };

function duration(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms < 60_000) return plural(Math.round(ms / 1000), 'second');
  if (ms < 3_600_000 || ms % 3_600_000 !== 0) return plural(Math.round(ms / 60_000), 'minute');
  return plural(ms / 3_600_000, 'hour');
}

export function describeWait(plan: WaitPlan): string {
  return `every ${duration(plan.intervalMs)} for up to ${duration(plan.intervalMs * plan.attempts)}`;
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

function clockText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Counts down, runs the check, and repeats while the failure is one that waiting may fix; returns
 * the last report (a success, a failure waiting cannot fix, or the last one at the limit).
 */
export async function waitAndRetry(
  run: () => Promise<CheckReport>,
  deps: { clock: Clock; screen: Screen; beforeAttempt?: () => void },
  plan: WaitPlan = DEFAULT_WAIT,
): Promise<CheckReport> {
  const { clock, screen } = deps;
  const c = screen.color;
  let last: CheckReport | null = null;
  for (let attempt = 1; attempt <= plan.attempts; attempt++) {
    const due = clock.now().getTime() + plan.intervalMs;
    for (let left = plan.intervalMs; left > 0; left = due - clock.now().getTime()) {
      screen.status(`${c.cyan('⏳')} Attempt ${attempt} of ${plan.attempts} in ${clockText(left)}  ${c.dim('(Ctrl-C stops; your answers are saved)')}`);
      await clock.sleep(Math.min(1000, left));
    }
    screen.clearStatus();
    deps.beforeAttempt?.();
    last = await run();
    if (last.ok || !waitingMayHelp(last.diagnosis)) return last;
    screen.say(c.dim(`  Attempt ${attempt} of ${plan.attempts}: still ${last.diagnosis?.code ?? 'failing'}.`));
  }
  if (!last) throw new Error('waitAndRetry needs at least one attempt');
  return last;
}
