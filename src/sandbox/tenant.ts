import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { createDirectory, createDirectorySeed, type DirectorySeed, type TenantDirectory } from './directory.js';

/**
 * The tenant model: plain, mutable data describing one Microsoft 365 tenant as far as OAuth SMTP
 * sending cares (Entra ID app + service principal, Exchange service principal, mailboxes, org
 * settings). The token endpoint and the SMTP server read it on every request, so changing it while
 * the sandbox runs (a test, `applyScenario`, a future admin endpoint) takes effect immediately —
 * unlike real Microsoft 365, there is no propagation delay (catalog F).
 */

/** A client secret of an app registration (Certificates & secrets → Client secrets). */
export interface ClientSecret {
  /** "Secret ID" column in the portal: a GUID. Pasting it instead of the value → AADSTS7000215 (catalog A.1). */
  id: string;
  /** "Value" column: shown once at creation, ~40 characters like `Abc8Q~…`, never GUID-shaped. */
  value: string;
  /** Description given when the secret was added. */
  displayName: string;
  /** ISO 8601. A secret past this instant answers AADSTS7000222 (catalog A.2). */
  expiresAt: string;
}

/** An app registration together with its service principal (enterprise application) in this tenant. */
/** A certificate uploaded to the app registration; its private key stays with the client. */
export interface UploadedCertificate {
  /** SHA-256 thumbprint, hex: what the client assertion's `x5t#S256` header names. */
  thumbprintSha256: string;
  certificatePem: string;
}

export interface AppRegistration {
  /** Application (client) ID. The token's `appid`; `New-ServicePrincipal -AppId`. */
  clientId: string;
  /** Object ID on the *App registrations* overview page. NOT what Exchange needs (catalog C, `oid`). */
  appObjectId: string;
  /**
   * Object ID on the *Enterprise applications* overview page: the service principal. The token's
   * `oid`/`sub`, and the value for `New-ServicePrincipal -ObjectId`. Null when the app has no service
   * principal in the tenant (created through an API without one) → AADSTS7000229 (catalog A.5).
   */
  servicePrincipalObjectId: string | null;
  displayName: string;
  /** Service principal `accountEnabled`. False → AADSTS7000112 (catalog A.13). */
  enabled: boolean;
  /** Authentication → "Allow public client flows" = Yes: a secret is then refused with AADSTS700025 (catalog A.16). */
  publicClient: boolean;
  secrets: ClientSecret[];
  /** Certificates & secrets → Certificates: uploaded public certificates (certificate credentials). */
  certificates: UploadedCertificate[];
  /**
   * Application permissions on "Office 365 Exchange Online" that an admin has consented to. They
   * become the token's `roles` claim; empty → the claim is absent (catalog A.0, C).
   */
  consentedRoles: string[];
}

/** A service principal registered in Exchange Online with `New-ServicePrincipal` (catalog S2). */
export interface ExchangeServicePrincipal {
  appId: string;
  /** Must equal the Entra service principal's object id (token `oid`) for AUTH to succeed (catalog B.1 cause 3). */
  objectId: string;
  displayName: string;
}

export interface Mailbox {
  /** Primary SMTP address; what `user=` in the XOAUTH2 blob must name. */
  address: string;
  displayName: string;
  /** Other proxy addresses of the mailbox. Sending from them needs `sendFromAliasEnabled` (catalog B.16). */
  aliases: string[];
  /**
   * `Get-CASMailbox … SmtpClientAuthenticationDisabled`: true → 535 5.7.139 … Mailbox (catalog B.3);
   * false overrides the organization setting; null inherits it (catalog B.2).
   */
  smtpClientAuthenticationDisabled: boolean | null;
  /** `Add-MailboxPermission -User <SP object id> -AccessRights FullAccess`: Exchange service principal object ids. */
  fullAccess: string[];
  /** `Add-RecipientPermission -Identity <this mailbox> -Trustee <SP object id> -AccessRights SendAs`. */
  sendAs: string[];
}

export interface OrganizationConfig {
  /**
   * `Get-TransportConfig … SmtpClientAuthenticationDisabled`. True by default for organizations created
   * after January 2020 (Set-TransportConfig doc, catalog B.2), so a mailbox must opt in.
   */
  smtpClientAuthenticationDisabled: boolean;
  /** `Set-OrganizationConfig -SendFromAliasEnabled`: whether a mailbox may send from its own aliases (catalog B.16). */
  sendFromAliasEnabled: boolean;
}

export interface TenantState {
  /** Directory (tenant) ID. */
  id: string;
  displayName: string;
  /** Verified domains; the token endpoint accepts any of them (case-insensitive) in place of the id. */
  domains: string[];
  apps: AppRegistration[];
  exchangeServicePrincipals: ExchangeServicePrincipal[];
  mailboxes: Mailbox[];
  organization: OrganizationConfig;
  /**
   * Client ids a Conditional Access policy for workload identities blocks: their token requests get
   * AADSTS53003 once the credential is verified (catalog A.12).
   */
  conditionalAccessBlockedApps: string[];
  /**
   * The tenant's "Office 365 Exchange Online" enterprise application is enabled. False → tokens for
   * Exchange Online are refused with AADSTS500014 (catalog A.14).
   */
  exchangeOnlineEnabled: boolean;
  /** Administrators, public clients, resource service principals, Graph-only properties, replication (directory.ts). */
  directory: TenantDirectory;
}

/** The only permission Exchange Online requires in the token for SMTP client submission (catalog C, `roles`). */
export const SMTP_SEND_AS_APP_ROLE = 'SMTP.SendAsApp';

/**
 * Fixed identifiers of the default tenant, so instructions printed by the sandbox (tenant id, client id,
 * `New-ServicePrincipal -ObjectId …`) are the same on every run. They are ordinary random-looking
 * version-4 GUIDs whose last group ends in `5a4db0c5e0NN` ("sandbox") so they are recognisable in
 * output, and every one is different, so mixing up app-registration and service-principal object ids
 * (the classic mistake) is visible. The secret VALUE is deliberately not fixed (see createSeed).
 */
export const SANDBOX_IDS = {
  tenantId: '4f6d2c1e-8a3b-4d59-9e27-5a4db0c5e001',
  clientId: '9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002',
  appObjectId: '2c8a4d93-71e5-4b06-a3f9-5a4db0c5e003',
  servicePrincipalObjectId: 'e71f0b36-9d24-4c8a-8b51-5a4db0c5e004',
  secretId: '6a0c3e58-b2d7-4f91-8c46-5a4db0c5e005',
  /** A tenant id that does not exist in the sandbox (unknown-tenant scenario). */
  unknownTenantId: 'd3b9a6f2-0c4e-4a87-9f15-5a4db0c5e0f0',
  /** An application id that is registered nowhere in the sandbox (unknown-app scenario). */
  unknownClientId: '1e5c8b07-6f3a-4d2b-a9e4-5a4db0c5e0f1',
} as const;

export const SANDBOX_DOMAIN = 'contoso-sandbox.onmicrosoft.com';
export const SANDBOX_CUSTOM_DOMAIN = 'contoso-sandbox.test';
export const SANDBOX_APP_NAME = 'SMTP OAuth sender (sandbox)';

export const SANDBOX_ADDRESSES = {
  /** The sending mailbox the app is set up for. */
  mailbox: `notifications@${SANDBOX_DOMAIN}`,
  /** An alias (proxy address) of the sending mailbox. */
  mailboxAlias: `noreply@${SANDBOX_DOMAIN}`,
  /** A recipient mailbox. */
  recipient: `it-team@${SANDBOX_DOMAIN}`,
  /** Another mailbox in the tenant the app has no SendAs right on (send-as-denied scenario). */
  otherMailbox: `billing@${SANDBOX_DOMAIN}`,
  /** An address that is not a mailbox of the tenant (unknown-mailbox scenario). */
  unknownMailbox: `alerts@${SANDBOX_DOMAIN}`,
} as const;

/** Values generated once per sandbox start and kept across `applyScenario` resets. */
export interface TenantSeed {
  secretValue: string;
  /** The resource service principals' ids and app role ids (generated, never Microsoft's). */
  directory: DirectorySeed;
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/**
 * A client secret value shaped like the ones Entra ID generates today: three characters, the `8Q~`
 * marker, then 34 characters from the form-unsafe-ish set [A-Za-z0-9_.~-] (40 in total). The `~`
 * matters: it must survive form encoding (catalog A.1, freescout#5550).
 */
export function generateSecretValue(): string {
  return randomFrom(ALNUM, 3) + '8Q~' + randomFrom(SECRET_ALPHABET, 34);
}

export function createSeed(): TenantSeed {
  return { secretValue: generateSecretValue(), directory: createDirectorySeed() };
}

/** A random, version-4 GUID (used for trace ids, unknown identifiers, new objects). */
export function newGuid(): string {
  return randomUUID();
}

/** 16 upper-case hex digits (Exchange session ids, catalog §0.1). */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex').toUpperCase();
}

/**
 * The healthy tenant: every setup step done. App with a valid secret and admin-consented
 * SMTP.SendAsApp; Exchange service principal registered with the ENTERPRISE application's object id;
 * FullAccess on the mailbox; SMTP AUTH disabled org-wide (the post-2020 default) but enabled on the
 * sending mailbox (`Set-CASMailbox -SmtpClientAuthenticationDisabled $false`).
 */
export function createHealthyTenant(seed: TenantSeed, now: Date = new Date()): TenantState {
  const inOneYear = new Date(now.getTime() + 365 * 24 * 60 * 60 * 1000).toISOString();
  const spObjectId = SANDBOX_IDS.servicePrincipalObjectId;
  return {
    id: SANDBOX_IDS.tenantId,
    displayName: 'Contoso Sandbox',
    domains: [SANDBOX_DOMAIN, SANDBOX_CUSTOM_DOMAIN],
    apps: [
      {
        clientId: SANDBOX_IDS.clientId,
        appObjectId: SANDBOX_IDS.appObjectId,
        servicePrincipalObjectId: spObjectId,
        displayName: SANDBOX_APP_NAME,
        enabled: true,
        publicClient: false,
        secrets: [
          {
            id: SANDBOX_IDS.secretId,
            value: seed.secretValue,
            displayName: 'smtp-oauth-setup sandbox',
            expiresAt: inOneYear,
          },
        ],
        certificates: [],
        consentedRoles: [SMTP_SEND_AS_APP_ROLE],
      },
    ],
    exchangeServicePrincipals: [{ appId: SANDBOX_IDS.clientId, objectId: spObjectId, displayName: SANDBOX_APP_NAME }],
    mailboxes: [
      {
        address: SANDBOX_ADDRESSES.mailbox,
        displayName: 'Notifications',
        aliases: [SANDBOX_ADDRESSES.mailboxAlias],
        smtpClientAuthenticationDisabled: false,
        fullAccess: [spObjectId],
        sendAs: [],
      },
      {
        address: SANDBOX_ADDRESSES.recipient,
        displayName: 'IT Team',
        aliases: [],
        smtpClientAuthenticationDisabled: null,
        fullAccess: [],
        sendAs: [],
      },
      {
        address: SANDBOX_ADDRESSES.otherMailbox,
        displayName: 'Billing',
        aliases: [],
        smtpClientAuthenticationDisabled: null,
        fullAccess: [],
        sendAs: [],
      },
    ],
    organization: { smtpClientAuthenticationDisabled: true, sendFromAliasEnabled: true },
    conditionalAccessBlockedApps: [],
    exchangeOnlineEnabled: true,
    directory: createDirectory(seed.directory),
  };
}

/** Replaces the content of `target` with `source`, keeping `target`'s identity (live references stay valid). */
export function replaceTenant(target: TenantState, source: TenantState): void {
  // Every TenantState property is required, so assigning all of source's replaces all of target's.
  Object.assign(target, source);
}

// ----- lookups (all address/domain comparisons are case-insensitive, as in Entra and Exchange) -----

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A DNS name: labels of letters, digits and hyphens, at least one dot.
const DNS_NAME_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export function isGuid(value: string): boolean {
  return GUID_RE.test(value);
}

/**
 * Whether Entra would even try to resolve this tenant identifier: a GUID or a DNS name. Anything
 * else (spaces, quotes, a URL, a bare word) is AADSTS900023 (catalog A.7).
 */
export function isWellFormedTenantIdentifier(value: string): boolean {
  return isGuid(value) || DNS_NAME_RE.test(value);
}

/** `common` / `organizations` / `consumers`: multi-tenant aliases, meaningless for client credentials (catalog A.8). */
export function isMultiTenantAlias(value: string): boolean {
  return ['common', 'organizations', 'consumers'].includes(value.toLowerCase());
}

export function tenantMatches(tenant: TenantState, identifier: string): boolean {
  const wanted = identifier.toLowerCase();
  return tenant.id.toLowerCase() === wanted || tenant.domains.some((d) => d.toLowerCase() === wanted);
}

export function findApp(tenant: TenantState, clientId: string): AppRegistration | undefined {
  const wanted = clientId.toLowerCase();
  return tenant.apps.find((a) => a.clientId.toLowerCase() === wanted);
}

/** Finds a mailbox by its primary SMTP address only. */
export function findMailboxByPrimaryAddress(tenant: TenantState, address: string): Mailbox | undefined {
  const wanted = address.toLowerCase();
  return tenant.mailboxes.find((m) => m.address.toLowerCase() === wanted);
}

/** Finds the mailbox owning an address (primary or alias). */
export function findMailboxByAnyAddress(tenant: TenantState, address: string): Mailbox | undefined {
  const wanted = address.toLowerCase();
  return tenant.mailboxes.find(
    (m) => m.address.toLowerCase() === wanted || m.aliases.some((a) => a.toLowerCase() === wanted),
  );
}

export function includesId(list: readonly string[], id: string): boolean {
  const wanted = id.toLowerCase();
  return list.some((x) => x.toLowerCase() === wanted);
}
