import { REQUIREMENTS } from '../admin/requirements.js';
import type { Language } from '../messages/language.js';
import type { Renderer } from '../messages/index.js';
import { psArgument } from '../powershell-quote.js';
import type { RemovalCmdletStep, RemovalPlan, RemovalStep } from './plan.js';

/** A removal cmdlet as it would be typed; a value in <…> is a placeholder the execution fills in. */
export function removalCmdletLine(step: RemovalCmdletStep): string {
  const args = Object.entries(step.parameters).map(([name, value]) =>
    typeof value === 'boolean' ? `-${name}:$${value}` : /^<.*>$/.test(value) ? `-${name} ${value}` : `-${name} ${psArgument(value)}`,
  );
  return [step.name, ...args].join(' ');
}

function stepText(step: RemovalStep, r: Pick<Renderer, 't'>): string {
  switch (step.kind) {
    case 'exchange-cmdlet':
      return r.t('remove.step.exchange-cmdlet', { command: removalCmdletLine(step) });
    case 'delete-app':
      return r.t('remove.step.delete-app', { clientId: step.clientId, days: step.restorableDays });
    case 'forget-saved':
      return r.t('remove.step.forget-saved');
  }
}

/** The removal plan in plain words, numbered in order, each step with what it needs of the sign-in. */
export function renderRemovalPlan(plan: RemovalPlan, r: Pick<Renderer, 't'>, options: { dryRun: boolean }): string {
  const lines = [r.t('remove.plan.heading')];
  if (options.dryRun) lines.push(r.t('remove.plan.dry-run'));
  lines.push(
    '',
    r.t('remove.plan.app', { clientId: plan.clientId }),
    r.t('remove.plan.mailbox', { mailbox: plan.mailbox, from: plan.from, same: plan.from.toLowerCase() === plan.mailbox.toLowerCase() }),
    r.t('remove.plan.tenant', plan.tenant === null ? {} : { tenant: plan.tenant }),
    r.t('remove.plan.endpoints', { cloud: plan.cloud, graphUrl: plan.graphUrl, exchangeUrl: plan.exchangeUrl }),
    '',
  );
  plan.steps.forEach((step, i) => {
    lines.push(`  ${i + 1}. ${stepText(step, r)}`);
    if ('operation' in step) {
      const requirement = REQUIREMENTS[step.operation];
      lines.push(`     (${r.t('automatic.step.needs', { scopes: requirement.scopes.map((group) => group[0]!), roles: requirement.roles ?? [] })})`);
    }
  });
  lines.push('', r.t('remove.plan.later-value'), r.t('remove.plan.tag-rule'));
  return lines.join('\n') + '\n';
}

/** `--json`: the plan as data; kinds and keys English in every language. */
export function removalPlanJson(plan: RemovalPlan, lang: Language): { lang: Language; plan: RemovalPlan } {
  return { lang, plan };
}
