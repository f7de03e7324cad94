import type { ExchangeAdminClient, CmdletOutcome } from '../admin/exchange.js';
import type { GraphApplication, GraphClient } from '../admin/graph.js';
import { TOOL_APP_TAG } from '../automatic/plan.js';
import { FROM_FIND_SERVICE_PRINCIPAL, type RemovalCmdletStep, type RemovalPlan } from './plan.js';
import { removalCmdletLine } from './render.js';

/**
 * `remove`'s execution: walks the plan with the administrator's clients. Every removal first reads
 * whether its object still exists, so a rerun after a crash carries on and nothing is removed twice
 * (a missing one is "already gone"). Each outcome is reported as it happens.
 */

export type RemovalEvent =
  | { kind: 'app-not-found'; clientId: string }
  | { kind: 'removed' | 'already-gone'; step: string }
  | { kind: 'stopped'; step: string; remaining: string[] };

export type RemovalResult = { kind: 'done'; appDeleted: boolean } | { kind: 'stopped'; step: string; remaining: string[] };

export interface RemovalClients {
  graph: Pick<GraphClient, 'findApplicationByAppId' | 'findServicePrincipalByAppId' | 'deleteApplication'>;
  exchange: () => Promise<Pick<ExchangeAdminClient, 'getServicePrincipal' | 'getRecipientPermission' | 'removeRecipientPermission' | 'getMailboxPermission' | 'removeMailboxPermission' | 'removeServicePrincipal'>>;
}

/** Looks up the app; refuses (before anything changes) one the tool did not create, unless forced. */
export async function findAppToRemove(plan: RemovalPlan, graph: RemovalClients['graph'], force: boolean): Promise<{ app: GraphApplication | null } | { refused: string }> {
  const app = await graph.findApplicationByAppId(plan.clientId);
  if (app && !app.tags.includes(TOOL_APP_TAG) && !force) return { refused: app.displayName };
  return { app };
}

export async function runRemoval(plan: RemovalPlan, app: GraphApplication | null, clients: RemovalClients, report: (event: RemovalEvent) => void): Promise<RemovalResult> {
  if (!app) report({ kind: 'app-not-found', clientId: plan.clientId });
  const exchange = await clients.exchange();
  // The object id Exchange's entries name: the Enterprise application's (what the setup gave
  // New-ServicePrincipal -ObjectId); without the app in Entra, what Exchange itself holds for it.
  let principal: string | null = app ? ((await clients.graph.findServicePrincipalByAppId(plan.clientId))?.id ?? null) : null;
  const exchangeSp = await exchange.getServicePrincipal(plan.clientId);
  const cmdlets = plan.steps.filter((s): s is RemovalCmdletStep => s.kind === 'exchange-cmdlet');
  const stop = (index: number): RemovalResult => {
    const remaining = cmdlets.slice(index).map((s) => removalCmdletLine(fill(s, principal ?? FROM_FIND_SERVICE_PRINCIPAL)));
    report({ kind: 'stopped', step: cmdlets[index]!.name, remaining });
    return { kind: 'stopped', step: cmdlets[index]!.name, remaining };
  };
  if (exchangeSp.kind !== 'ok') return stop(0);
  principal ??= exchangeSp.value?.objectId ?? null;

  for (const [index, step] of cmdlets.entries()) {
    // Without Exchange's service principal Exchange holds nothing for the app (the permissions are
    // removed before it, and a cmdlet naming a missing one answers "not found"): all already gone.
    if (principal === null || exchangeSp.value === null) {
      report({ kind: 'already-gone', step: step.name });
      continue;
    }
    const outcome = await removeOne(step, principal, exchangeSp.value !== null, exchange);
    if (outcome === 'unexpected') return stop(index);
    report({ kind: outcome, step: step.name });
  }
  // The app is deleted only after Exchange let go of it: deleting it first would leave Exchange's
  // service principal and permissions pointing to an app that no longer exists, found by no one.
  if (app) {
    await clients.graph.deleteApplication(app.id);
    report({ kind: 'removed', step: 'delete-app' });
  }
  return { kind: 'done', appDeleted: app !== null };
}

type Exchange = Awaited<ReturnType<RemovalClients['exchange']>>;

async function removeOne(step: RemovalCmdletStep, principal: string, spExists: boolean, exchange: Exchange): Promise<'removed' | 'already-gone' | 'unexpected'> {
  const identity = String(step.parameters.Identity);
  const act = async (read: CmdletOutcome<unknown[]>, remove: () => Promise<CmdletOutcome<null>>) => {
    if (read.kind !== 'ok') return 'unexpected' as const;
    if (read.value.length === 0) return 'already-gone' as const;
    return (await remove()).kind === 'ok' ? ('removed' as const) : ('unexpected' as const);
  };
  switch (step.name) {
    case 'Remove-RecipientPermission':
      return act(await exchange.getRecipientPermission(identity, principal), () => exchange.removeRecipientPermission(identity, principal));
    case 'Remove-MailboxPermission':
      return act(await exchange.getMailboxPermission(identity, principal), () => exchange.removeMailboxPermission(identity, principal));
    case 'Remove-ServicePrincipal':
      if (!spExists) return 'already-gone';
      return (await exchange.removeServicePrincipal(principal)).kind === 'ok' ? 'removed' : 'unexpected';
  }
}

/** The step with the real service principal id in place of the placeholder (for the PowerShell lines shown on a stop). */
function fill(step: RemovalCmdletStep, principal: string): RemovalCmdletStep {
  const parameters = Object.fromEntries(Object.entries(step.parameters).map(([k, v]) => [k, v === FROM_FIND_SERVICE_PRINCIPAL ? principal : v]));
  return { ...step, parameters };
}
