import type { GraphApplication } from '../admin/graph.js';
import { type Message, msg } from '../messages/index.js';
import type { SecretDestination } from './secret-delivery.js';

/** A client secret the app has now, as the plan names it (never a value: Graph returns only the hint). */
export interface OldSecret {
  keyId: string;
  hint: string | null;
  endDateTime: string | null;
  displayName: string | null;
}

/** What `rotate-secret` will do, in order; shown and confirmed before any of it. */
export interface RotatePlan {
  app: { objectId: string; appId: string; displayName: string };
  newSecret: { displayName: string; endDateTime: string };
  deliverTo: SecretDestination[];
  /** The secrets removed after the new one is proven (`--remove-old`); empty without it. */
  remove: OldSecret[];
  /** Every secret the app had before: kept unless in `remove`. */
  existing: OldSecret[];
}

export interface RotatePlanInput {
  app: Pick<GraphApplication, 'id' | 'appId' | 'displayName' | 'passwordCredentials'>;
  months: number;
  now: Date;
  deliverTo: SecretDestination[];
  removeOld: boolean;
  /** The new secret's display name in the portal's "Certificates & secrets". */
  displayName: string;
}

/** The end date `months` months after `now` (the portal's choices are months too). */
export function secretEndDate(now: Date, months: number): Date {
  const end = new Date(now.getTime());
  end.setUTCMonth(end.getUTCMonth() + months);
  return end;
}

/**
 * The rotation's plan, pure: a new secret, delivered where the old one was kept, proven, and only
 * then (with `--remove-old`) the old ones removed: every passwordCredential the app had before, since
 * the new one's keyId is not known until addPassword answers (it is left out when removing).
 */
export function buildRotatePlan(input: RotatePlanInput): RotatePlan {
  const existing = input.app.passwordCredentials.map((p) => ({ keyId: p.keyId, hint: p.hint, endDateTime: p.endDateTime, displayName: p.displayName }));
  return {
    app: { objectId: input.app.id, appId: input.app.appId, displayName: input.app.displayName },
    newSecret: { displayName: input.displayName, endDateTime: secretEndDate(input.now, input.months).toISOString() },
    deliverTo: input.deliverTo,
    remove: input.removeOld ? existing : [],
    existing,
  };
}

/** The old secrets to remove once the new one (keyId `newKeyId`) works: never the new one. */
export function secretsToRemove(plan: RotatePlan, newKeyId: string): OldSecret[] {
  return plan.remove.filter((s) => s.keyId !== newKeyId);
}

/** The plan as lines (ids and parameters; the command renders them). */
export function rotatePlanLines(plan: RotatePlan): Message[] {
  return [
    msg('credentials.rotate.plan.app', { displayName: plan.app.displayName, appId: plan.app.appId }),
    msg('credentials.rotate.plan.add', { displayName: plan.newSecret.displayName, endDate: plan.newSecret.endDateTime.slice(0, 10) }),
    ...plan.deliverTo.map((d) => msg('credentials.rotate.plan.deliver', { kind: d.kind, path: 'path' in d ? d.path : undefined })),
    msg('credentials.rotate.plan.prove'),
    ...plan.remove.map((s) => msg('credentials.rotate.plan.remove', { keyId: s.keyId, hint: s.hint ?? undefined, endDate: s.endDateTime?.slice(0, 10) })),
    ...(plan.remove.length === 0 && plan.existing.length > 0 ? [msg('credentials.rotate.plan.keep', { count: plan.existing.length })] : []),
  ];
}
