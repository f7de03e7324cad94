import { createDirectory, createDirectorySeed } from './directory.js';
import {
  generateSecretValue,
  newGuid,
  replaceTenant,
  SMTP_SEND_AS_APP_ROLE,
  tenantMatches,
  type Mailbox,
  type TenantState,
} from './tenant.js';
import type { SandboxState } from './types.js';

/**
 * More tenants for `check --targets`: a service provider's customers, each a healthy tenant with one
 * sending app and a few mailboxes. They live next to the scenario's tenant (which keeps every
 * scenario working unchanged); the token endpoint and the SMTP server find a tenant by its id or
 * domain, and by the token's `tid`. Identifiers and secrets are random per sandbox start.
 */

export interface FleetOptions {
  /** How many tenants (1–1000). */
  tenants: number;
  /** Sending mailboxes per tenant (1–1000). */
  mailboxesPerTenant: number;
}

/** What a targets file row needs for one tenant's app; one row per mailbox. */
export interface FleetClientSettings {
  tenantId: string;
  /** The tenant's verified domain (also accepted in place of the id). */
  domain: string;
  clientId: string;
  clientSecret: string;
  /** The sending mailboxes, each with FullAccess for the app and SMTP AUTH enabled. */
  mailboxes: string[];
  /** A recipient in the same tenant, for test messages. */
  to: string;
}

export interface Fleet {
  /** The tenants, live and mutable like the scenario's tenant (index-aligned with `clients`). */
  tenants: TenantState[];
  clients: FleetClientSettings[];
  /** Puts every fleet tenant back into its healthy state (same ids and secrets). */
  reset(): void;
}

const MAX = 1000;

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX) throw new Error(`fleet.${name} must be an integer from 1 to ${MAX}, got ${value}.`);
}

export function createFleet(options: FleetOptions): Fleet {
  assertCount('tenants', options.tenants);
  assertCount('mailboxesPerTenant', options.mailboxesPerTenant);
  const width = String(Math.max(options.tenants, options.mailboxesPerTenant)).length;
  const pad = (n: number) => String(n).padStart(Math.max(width, 2), '0');
  const builders: Array<() => TenantState> = [];
  const clients: FleetClientSettings[] = [];

  for (let t = 1; t <= options.tenants; t++) {
    const domain = `fleet${pad(t)}-sandbox.onmicrosoft.com`;
    const ids = { tenantId: newGuid(), clientId: newGuid(), appObjectId: newGuid(), servicePrincipalObjectId: newGuid(), secretId: newGuid() };
    const secretValue = generateSecretValue();
    const senders = Array.from({ length: options.mailboxesPerTenant }, (_, m) => `sender${pad(m + 1)}@${domain}`);
    const recipient = `it-team@${domain}`;
    const expiresAt = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString();
    const appName = `SMTP OAuth sender (fleet tenant ${pad(t)})`;
    const directorySeed = createDirectorySeed();
    const sender = (address: string): Mailbox => ({
      address,
      displayName: address.split('@')[0] ?? address,
      aliases: [],
      smtpClientAuthenticationDisabled: false,
      fullAccess: [ids.servicePrincipalObjectId],
      sendAs: [],
    });
    builders.push(() => ({
      id: ids.tenantId,
      displayName: `Fleet customer ${pad(t)}`,
      domains: [domain],
      apps: [
        {
          clientId: ids.clientId,
          appObjectId: ids.appObjectId,
          servicePrincipalObjectId: ids.servicePrincipalObjectId,
          displayName: appName,
          enabled: true,
          publicClient: false,
          secrets: [{ id: ids.secretId, value: secretValue, displayName: 'smtp-oauth-setup fleet', expiresAt }],
          certificates: [],
          consentedRoles: [SMTP_SEND_AS_APP_ROLE],
        },
      ],
      exchangeServicePrincipals: [{ appId: ids.clientId, objectId: ids.servicePrincipalObjectId, displayName: appName }],
      mailboxes: [
        ...senders.map(sender),
        { address: recipient, displayName: 'IT Team', aliases: [], smtpClientAuthenticationDisabled: null, fullAccess: [], sendAs: [] },
      ],
      organization: { smtpClientAuthenticationDisabled: true, sendFromAliasEnabled: true },
      conditionalAccessBlockedApps: [],
      exchangeOnlineEnabled: true,
      directory: createDirectory(directorySeed),
    }));
    clients.push({ tenantId: ids.tenantId, domain, clientId: ids.clientId, clientSecret: secretValue, mailboxes: senders, to: recipient });
  }

  const tenants = builders.map((build) => build());
  return {
    tenants,
    clients,
    reset() {
      builders.forEach((build, i) => replaceTenant(tenants[i] as TenantState, build()));
    },
  };
}

/** The tenant an identifier (GUID or verified domain) names: the scenario's tenant or a fleet tenant. */
export function findTenant(state: SandboxState, identifier: string): TenantState | undefined {
  if (tenantMatches(state.tenant, identifier)) return state.tenant;
  return state.fleetTenants.find((tenant) => tenantMatches(tenant, identifier));
}
