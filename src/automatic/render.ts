import { REQUIREMENTS } from '../admin/requirements.js';
import type { Language } from '../messages/language.js';
import type { Renderer } from '../messages/index.js';
import { psArgument } from '../powershell-quote.js';
import { FROM_CREATE_APP, FROM_SERVICE_PRINCIPAL, type ExchangeCmdletStep, type Plan, type PlanStep } from './plan.js';

/** The step kinds of each section of the human plan (layout, not words). */
const SECTIONS = [
  ['automatic.plan.section.read', ['read-security-defaults', 'read-smtp-auth', 'read-exchange-service-principal']],
  ['automatic.plan.section.graph', ['find-exchange-role', 'create-app', 'create-service-principal', 'grant-app-role', 'add-secret', 'add-certificate']],
  ['automatic.plan.section.exchange', ['exchange-cmdlet']],
  ['automatic.plan.section.check', ['check']],
] as const satisfies readonly (readonly [string, readonly PlanStep['kind'][]])[];

/** A cmdlet as it would be typed: language-neutral, values quoted as PowerShell reads them back. */
export function cmdletLine(step: ExchangeCmdletStep, r?: Pick<Renderer, 't'>): string {
  const args = Object.entries(step.parameters).map(([name, value]) =>
    typeof value === 'boolean' ? `-${name}:$${value}` : /^<.*>$/.test(value) ? `-${name} ${placeholder(value, r)}` : `-${name} ${psArgument(value)}`,
  );
  return [step.name, ...args].join(' ');
}

/**
 * A value a step creates, in the reader's words (`<aus create-app: appId>`); the plan's data and its
 * JSON keep the English form FROM_CREATE_APP / FROM_SERVICE_PRINCIPAL.
 */
function placeholder(value: string, r: Pick<Renderer, 't'> | undefined): string {
  if (!r) return value;
  if (value === FROM_CREATE_APP) return r.t('automatic.plan.from-step', { step: 'create-app', field: 'appId' });
  if (value === FROM_SERVICE_PRINCIPAL) return r.t('automatic.plan.from-step', { step: 'create-service-principal', field: 'id' });
  return value;
}

function stepText(step: PlanStep, r: Pick<Renderer, 't'>): string {
  switch (step.kind) {
    case 'read-security-defaults':
      return r.t('automatic.step.read-security-defaults');
    case 'read-smtp-auth':
      return step.scope === 'organization' ? r.t('automatic.step.read-smtp-auth-organization') : r.t('automatic.step.read-smtp-auth-mailbox', { mailbox: step.mailbox });
    case 'read-exchange-service-principal':
      return r.t('automatic.step.read-exchange-service-principal');
    case 'find-exchange-role':
      return r.t('automatic.step.find-exchange-role', { role: step.role });
    case 'create-app':
      return r.t('automatic.step.create-app', { name: step.displayName, tag: step.tags.join(', '), role: step.requiredResourceAccess[0]!.resourceAccess[0]!.role });
    case 'create-service-principal':
      return r.t('automatic.step.create-service-principal');
    case 'grant-app-role':
      return r.t('automatic.step.grant-app-role', { role: step.role });
    case 'add-secret':
      return r.t('automatic.step.add-secret', { until: new Date(step.endDateTime) });
    case 'add-certificate':
      return r.t('automatic.step.add-certificate', { until: new Date(step.notAfter) });
    case 'exchange-cmdlet':
      return r.t('automatic.step.exchange-cmdlet', { command: cmdletLine(step, r) });
    case 'check':
      return r.t('automatic.step.check', { mailbox: step.mailbox });
  }
}

/** What the step needs of the sign-in: the least-privileged scope of each group, and the roles that may do it. */
function needsText(step: PlanStep, r: Pick<Renderer, 't'>): string | null {
  if (!('operation' in step)) return null;
  const requirement = REQUIREMENTS[step.operation];
  return r.t('automatic.step.needs', { scopes: requirement.scopes.map((group) => group[0]!), roles: requirement.roles ?? [] });
}

/** The plan in plain words, numbered in order, each step with what it needs. */
export function renderPlan(plan: Plan, r: Pick<Renderer, 't'>, options: { dryRun: boolean }): string {
  const lines = [r.t('automatic.plan.heading')];
  if (options.dryRun) lines.push(r.t('automatic.plan.dry-run'));
  lines.push(
    '',
    r.t('automatic.plan.mailbox', { mailbox: plan.mailbox, from: plan.from, same: plan.from.toLowerCase() === plan.mailbox.toLowerCase() }),
    r.t('automatic.plan.tenant', plan.tenant === null ? {} : { tenant: plan.tenant }),
    r.t('automatic.plan.endpoints', { cloud: plan.cloud, graphUrl: plan.graphUrl, exchangeUrl: plan.exchangeUrl }),
  );
  let n = 0;
  for (const [title, kinds] of SECTIONS) {
    const steps = plan.steps.filter((s) => (kinds as readonly string[]).includes(s.kind));
    if (steps.length === 0) continue;
    lines.push('', r.t(title));
    for (const step of steps) {
      n += 1;
      lines.push(`  ${n}. ${stepText(step, r)}`);
      const needs = needsText(step, r);
      if (needs) lines.push(`     (${needs})`);
    }
  }
  if (plan.steps.some((s) => s.kind === 'exchange-cmdlet')) lines.push('', r.t('automatic.step.later-value'));
  return lines.join('\n') + '\n';
}

/** `--json`: the plan as data; kinds and keys English in every language (schema/automatic-plan.schema.json). */
export function planJson(plan: Plan, lang: Language): { lang: Language; plan: Plan } {
  return { lang, plan };
}
