import type { Cloud } from '../cloud.js';
import type { AdminOperation } from '../diagnose/types.js';
import { EXCHANGE_ONLINE_APP_ID, SEND_AS_APP_ROLE } from '../exchange-online.js';
import { SECRET_MONTHS } from './limits.js';

/**
 * The automatic setup's plan: what it will read and change, in order, as data only. The dry run
 * prints it; the execution (later) walks it. Pure: no network, no clock of its own, no secret (none
 * exists at plan time). Every step names the operation of src/admin/requirements.ts whose scopes and
 * roles it needs, so the sign-in's token can be checked against the plan before anything changes.
 */

/**
 * The tag on every app the tool creates, so `remove` can find and safely delete only its own apps.
 * Graph's `tags`: "custom strings … to categorize and identify the application", 1–256 characters,
 * no spaces (automation-notes.md §2).
 */
export const TOOL_APP_TAG = 'smtp-oauth-setup';

export { SECRET_MONTHS };

/** A value the execution learns from an earlier step; named in the plan, filled in when it runs. */
export const FROM_CREATE_APP = '<from create-app: appId>';
export const FROM_SERVICE_PRINCIPAL = '<from create-service-principal: id>';

export type Operation = Exclude<AdminOperation, 'sign-in'>;

export type ExchangeCmdletStep = {
  kind: 'exchange-cmdlet';
  name: 'New-ServicePrincipal' | 'Add-MailboxPermission' | 'Add-RecipientPermission' | 'Set-CASMailbox';
  parameters: Record<string, string | boolean>;
  operation: 'exchange-admin';
};

export type PlanStep =
  | { kind: 'read-security-defaults'; operation: 'read-policy' }
  | { kind: 'read-smtp-auth'; scope: 'organization'; cmdlet: 'Get-TransportConfig'; operation: 'exchange-admin' }
  | { kind: 'read-smtp-auth'; scope: 'mailbox'; mailbox: string; cmdlet: 'Get-CASMailbox'; operation: 'exchange-admin' }
  | { kind: 'read-exchange-service-principal'; cmdlet: 'Get-ServicePrincipal'; operation: 'exchange-admin' }
  | { kind: 'find-exchange-role'; resourceAppId: string; role: typeof SEND_AS_APP_ROLE; operation: 'read-applications' }
  | {
      kind: 'create-app';
      displayName: string;
      tags: string[];
      signInAudience: 'AzureADMyOrg';
      requiredResourceAccess: { resourceAppId: string; resourceAccess: { role: typeof SEND_AS_APP_ROLE; type: 'Role' }[] }[];
      operation: 'write-applications';
    }
  | { kind: 'create-service-principal'; operation: 'write-applications' }
  | { kind: 'grant-app-role'; role: typeof SEND_AS_APP_ROLE; resourceAppId: string; operation: 'grant-permission' }
  | { kind: 'add-secret'; displayName: string; endDateTime: string; operation: 'write-applications' }
  | { kind: 'add-certificate'; notAfter: string; operation: 'write-applications' }
  | ExchangeCmdletStep
  | { kind: 'check'; mailbox: string; from: string };

export interface Plan {
  mailbox: string;
  from: string;
  appName: string;
  credential: 'secret' | 'certificate';
  cloud: Cloud['name'];
  graphUrl: string;
  exchangeUrl: string;
  tenant: string | null;
  steps: PlanStep[];
}

export interface PlanInputs {
  mailbox: string;
  from?: string;
  appName?: string;
  credential?: 'secret' | 'certificate';
  /** How long the client secret, or the certificate, is valid. */
  secretMonths?: number;
  cloud: Cloud;
  graphUrl?: string;
  exchangeUrl?: string;
  tenant?: string;
  /** The moment the plan is made: the credential's expiry counts from it. */
  now: Date;
}

export const defaultAppName = (mailbox: string): string => `smtp-oauth-setup ${mailbox}`;

/** `now` plus whole calendar months, in UTC; a day the month lacks becomes its last (Jan 31 + 1 → Feb 28/29). */
export function addMonths(now: Date, months: number): Date {
  const target = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return target;
}

export function buildPlan(inputs: PlanInputs): Plan {
  const mailbox = inputs.mailbox;
  const from = inputs.from ?? mailbox;
  const appName = inputs.appName ?? defaultAppName(mailbox);
  const credential = inputs.credential ?? 'secret';
  const until = addMonths(inputs.now, inputs.secretMonths ?? SECRET_MONTHS.default).toISOString();
  const sameSender = from.toLowerCase() === mailbox.toLowerCase();
  const steps: PlanStep[] = [
    // Read-only first: what would make the result fail though every change succeeds.
    { kind: 'read-security-defaults', operation: 'read-policy' },
    { kind: 'read-smtp-auth', scope: 'organization', cmdlet: 'Get-TransportConfig', operation: 'exchange-admin' },
    { kind: 'read-smtp-auth', scope: 'mailbox', mailbox, cmdlet: 'Get-CASMailbox', operation: 'exchange-admin' },
    { kind: 'read-exchange-service-principal', cmdlet: 'Get-ServicePrincipal', operation: 'exchange-admin' },
    // Step 1 through Graph.
    { kind: 'find-exchange-role', resourceAppId: EXCHANGE_ONLINE_APP_ID, role: SEND_AS_APP_ROLE, operation: 'read-applications' },
    {
      kind: 'create-app',
      displayName: appName,
      tags: [TOOL_APP_TAG],
      signInAudience: 'AzureADMyOrg',
      requiredResourceAccess: [{ resourceAppId: EXCHANGE_ONLINE_APP_ID, resourceAccess: [{ role: SEND_AS_APP_ROLE, type: 'Role' }] }],
      operation: 'write-applications',
    },
    { kind: 'create-service-principal', operation: 'write-applications' },
    { kind: 'grant-app-role', role: SEND_AS_APP_ROLE, resourceAppId: EXCHANGE_ONLINE_APP_ID, operation: 'grant-permission' },
    credential === 'secret'
      ? { kind: 'add-secret', displayName: TOOL_APP_TAG, endDateTime: until, operation: 'write-applications' }
      : { kind: 'add-certificate', notAfter: until, operation: 'write-applications' },
    // Steps 2–3 through Exchange's admin endpoint: the Enterprise application's object id, never the app's.
    {
      kind: 'exchange-cmdlet',
      name: 'New-ServicePrincipal',
      parameters: { AppId: FROM_CREATE_APP, ObjectId: FROM_SERVICE_PRINCIPAL, DisplayName: appName },
      operation: 'exchange-admin',
    },
    {
      kind: 'exchange-cmdlet',
      name: 'Add-MailboxPermission',
      parameters: { Identity: mailbox, User: FROM_SERVICE_PRINCIPAL, AccessRights: 'FullAccess', AutoMapping: false },
      operation: 'exchange-admin',
    },
    ...(sameSender
      ? []
      : [
          {
            kind: 'exchange-cmdlet',
            name: 'Add-RecipientPermission',
            parameters: { Identity: from, Trustee: FROM_SERVICE_PRINCIPAL, AccessRights: 'SendAs' },
            operation: 'exchange-admin',
          } satisfies ExchangeCmdletStep,
        ]),
    {
      kind: 'exchange-cmdlet',
      name: 'Set-CASMailbox',
      parameters: { Identity: mailbox, SmtpClientAuthenticationDisabled: false },
      operation: 'exchange-admin',
    },
    { kind: 'check', mailbox, from },
  ];
  return {
    mailbox,
    from,
    appName,
    credential,
    cloud: inputs.cloud.name,
    graphUrl: inputs.graphUrl ?? inputs.cloud.graphUrl,
    exchangeUrl: inputs.exchangeUrl ?? inputs.cloud.exchangeAdminUrl,
    tenant: inputs.tenant ?? null,
    steps,
  };
}

/** The operations the plan needs, in first-use order: what the sign-in's token is checked against. */
export function planOperations(plan: Plan): Operation[] {
  return [...new Set(plan.steps.flatMap((s) => ('operation' in s ? [s.operation] : [])))];
}
