import type { Cloud } from '../cloud.js';

/**
 * `remove`'s plan: what it will take away, in order, as data only. Pure: no network, no clock.
 * The order is the reverse of the setup's: Exchange's permissions first, then Exchange's service
 * principal, the app registration last, so that nothing in Exchange is left pointing to an app that
 * is gone (an orphaned service principal is found by no one afterwards).
 */

/** A value the execution learns once it has found the app's Enterprise application. */
export const FROM_FIND_SERVICE_PRINCIPAL = '<from find-service-principal: id>';

export type RemovalCmdletStep = {
  kind: 'exchange-cmdlet';
  name: 'Remove-RecipientPermission' | 'Remove-MailboxPermission' | 'Remove-ServicePrincipal';
  parameters: Record<string, string | boolean>;
  operation: 'exchange-admin';
};

export type RemovalStep =
  | RemovalCmdletStep
  // Entra ID keeps a deleted app in "Deleted applications" for 30 days, restorable; deleting the app
  // also deletes its service principal (Enterprise application). Source: Microsoft Learn, "Restore or
  // remove a recently deleted application" and Graph "Delete application".
  | { kind: 'delete-app'; clientId: string; restorableDays: 30; operation: 'write-applications' }
  | { kind: 'forget-saved'; clientId: string };

export interface RemovalPlan {
  clientId: string;
  mailbox: string;
  from: string;
  cloud: Cloud['name'];
  graphUrl: string;
  exchangeUrl: string;
  tenant: string | null;
  steps: RemovalStep[];
}

export interface RemovalInputs {
  clientId: string;
  mailbox: string;
  from?: string;
  cloud: Cloud;
  graphUrl?: string;
  exchangeUrl?: string;
  tenant?: string;
}

export function buildRemovalPlan(inputs: RemovalInputs): RemovalPlan {
  const { clientId, mailbox } = inputs;
  const from = inputs.from ?? mailbox;
  const sameSender = from.toLowerCase() === mailbox.toLowerCase();
  const steps: RemovalStep[] = [
    ...(sameSender
      ? []
      : [
          {
            kind: 'exchange-cmdlet',
            name: 'Remove-RecipientPermission',
            parameters: { Identity: from, Trustee: FROM_FIND_SERVICE_PRINCIPAL, AccessRights: 'SendAs', Confirm: false },
            operation: 'exchange-admin',
          } satisfies RemovalCmdletStep,
        ]),
    {
      kind: 'exchange-cmdlet',
      name: 'Remove-MailboxPermission',
      parameters: { Identity: mailbox, User: FROM_FIND_SERVICE_PRINCIPAL, AccessRights: 'FullAccess', Confirm: false },
      operation: 'exchange-admin',
    },
    {
      kind: 'exchange-cmdlet',
      name: 'Remove-ServicePrincipal',
      parameters: { Identity: FROM_FIND_SERVICE_PRINCIPAL, Confirm: false },
      operation: 'exchange-admin',
    },
    { kind: 'delete-app', clientId, restorableDays: 30, operation: 'write-applications' },
    { kind: 'forget-saved', clientId },
  ];
  return {
    clientId,
    mailbox,
    from,
    cloud: inputs.cloud.name,
    graphUrl: inputs.graphUrl ?? inputs.cloud.graphUrl,
    exchangeUrl: inputs.exchangeUrl ?? inputs.cloud.exchangeAdminUrl,
    tenant: inputs.tenant ?? null,
    steps,
  };
}
