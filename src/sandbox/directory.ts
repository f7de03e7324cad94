import { randomUUID as newGuid } from 'node:crypto';

/**
 * The part of the tenant model that only an administrator's tools see (automation-notes.md §1–§4):
 * the administrators and their directory roles, the public clients they can sign in with and the
 * delegated permissions each gets, the resource service principals (Office 365 Exchange Online,
 * Microsoft Graph) with their app roles, the Graph-only properties of app registrations (tags,
 * notes, requiredResourceAccess), Security Defaults, and which objects are still replicating.
 * Plain, mutable data like the rest of TenantState; Graph and the Exchange admin endpoint write
 * through to the tenant (apps, secrets, consent, Exchange service principals, mailboxes), this
 * only holds what the SMTP side never needs.
 */

/**
 * Entra ID built-in roles by template id (the `wids` claim; Microsoft Learn "Microsoft Entra
 * built-in roles"). An administrator's roles are a set of these names.
 */
export const ENTRA_ROLE_TEMPLATE_IDS = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
} as const;

export type EntraRole = keyof typeof ENTRA_ROLE_TEMPLATE_IDS;

export interface AdminUser {
  objectId: string;
  userPrincipalName: string;
  displayName: string;
  /** Directory roles held (active assignments). */
  roles: EntraRole[];
}

/** Resource identifiers as scopes name them, and the apps behind them. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const EXCHANGE_RESOURCE = 'https://outlook.office365.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** "Office 365 Exchange Online" (automation-notes.md §2, first row). */
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

/**
 * A public client an administrator can sign in with, and the delegated permissions it gets per
 * resource (first-party clients: their pre-authorized set; the admin's own: what was consented).
 */
export interface PublicClient {
  appId: string;
  displayName: string;
  /** Resource (`https://graph.microsoft.com`) → delegated permission values. A resource not listed → AADSTS650057. */
  scopes: Record<string, string[]>;
}

/**
 * The first-party public clients of automation-notes.md §1. Their permission sets are as the notes
 * (and the token decoded in Azure/azure-cli#22775) describe them: Azure CLI has Directory.AccessAsUser.All
 * but not Policy.Read.All; Graph Explorer has Directory.ReadWrite.All and Policy.Read.All; the Exchange
 * Online PowerShell module gets Exchange only. The Exchange scope names are [UNVERIFIED]: the notes
 * do not name them; these are what decoded EXO V3 module tokens are reported to carry.
 */
export const PUBLIC_CLIENT_IDS = {
  azureCli: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  graphExplorer: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064',
  exchangeOnlinePowerShell: 'fb78d390-0c51-40cd-8e17-fdbfab77341b',
} as const;

/** The delegated permission the Exchange admin endpoint requires (see PUBLIC_CLIENT_IDS: [UNVERIFIED] name). */
export const EXCHANGE_ADMIN_SCOPE = 'AdminApi.AccessAsUser.All';

function firstPartyPublicClients(): PublicClient[] {
  return [
    {
      appId: PUBLIC_CLIENT_IDS.azureCli,
      displayName: 'Microsoft Azure CLI',
      scopes: {
        [GRAPH_RESOURCE]: [
          'Application.ReadWrite.All',
          'AuditLog.Read.All',
          'Directory.AccessAsUser.All',
          'Group.ReadWrite.All',
          'User.ReadWrite.All',
        ],
      },
    },
    {
      appId: PUBLIC_CLIENT_IDS.graphExplorer,
      displayName: 'Graph Explorer',
      scopes: {
        [GRAPH_RESOURCE]: [
          'Application.ReadWrite.All',
          'AppRoleAssignment.ReadWrite.All',
          'Directory.ReadWrite.All',
          'Policy.Read.All',
          'User.Read',
        ],
      },
    },
    {
      appId: PUBLIC_CLIENT_IDS.exchangeOnlinePowerShell,
      displayName: 'Microsoft Exchange REST API Based Powershell',
      scopes: {
        [EXCHANGE_RESOURCE]: [EXCHANGE_ADMIN_SCOPE, 'FfoPowerShell.RW.All', 'RemotePowerShell.AccessAsUser.All'],
      },
    },
  ];
}

export interface AppRole {
  id: string;
  value: string;
  displayName: string;
  description: string;
  allowedMemberTypes: string[];
  isEnabled: boolean;
}

export interface PermissionScope {
  id: string;
  value: string;
  type: 'User' | 'Admin';
  adminConsentDisplayName: string;
  adminConsentDescription: string;
  isEnabled: boolean;
}

/** A Microsoft resource's service principal in the tenant (Enterprise applications, Microsoft apps). */
export interface ResourceServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appRoles: AppRole[];
  oauth2PermissionScopes: PermissionScope[];
}

/** Graph properties of an app registration the tenant model's AppRegistration does not carry. */
export interface ApplicationProperties {
  signInAudience: string;
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  tags: string[];
  notes: string | null;
  createdDateTime: string;
  /** Graph's keyCredentials metadata by the certificate's SHA-256 thumbprint (the model keeps the PEM). */
  keyCredentials: Record<string, { keyId: string; displayName: string | null; startDateTime: string; endDateTime: string }>;
  /** Secret metadata by Secret ID (keyId). */
  passwordStartDateTimes: Record<string, string>;
}

/** Ids generated once per sandbox start: Microsoft's role ids are looked up by clients, never assumed. */
export interface DirectorySeed {
  exchangeServicePrincipalId: string;
  graphServicePrincipalId: string;
  exchangeRoleIds: Record<string, string>;
  exchangeScopeIds: Record<string, string>;
  graphRoleIds: Record<string, string>;
}

const EXCHANGE_APP_ROLES = ['SMTP.SendAsApp', 'full_access_as_app', 'Exchange.ManageAsApp', 'IMAP.AccessAsApp', 'POP.AccessAsApp'];
/** Delegated permissions of Exchange Online with names close to the app role: a client must pick the app role. */
const EXCHANGE_DELEGATED_SCOPES = ['SMTP.Send', 'EWS.AccessAsUser.All'];
const GRAPH_APP_ROLES = ['Mail.Send', 'Application.ReadWrite.All'];

export function createDirectorySeed(): DirectorySeed {
  const ids = (names: string[]) => Object.fromEntries(names.map((n) => [n, newGuid()]));
  return {
    exchangeServicePrincipalId: newGuid(),
    graphServicePrincipalId: newGuid(),
    exchangeRoleIds: ids(EXCHANGE_APP_ROLES),
    exchangeScopeIds: ids(EXCHANGE_DELEGATED_SCOPES),
    graphRoleIds: ids(GRAPH_APP_ROLES),
  };
}

export interface TenantDirectory {
  admins: AdminUser[];
  publicClients: PublicClient[];
  /** "Office 365 Exchange Online": its app roles are what `consentedRoles` of an app names by value. */
  exchangeOnline: ResourceServicePrincipal;
  microsoftGraph: ResourceServicePrincipal;
  /** Entra ID → Overview → Properties → Security defaults. */
  securityDefaultsEnabled: boolean;
  /** By app registration object id; absent for apps made outside Graph (scenario apps): defaults apply. */
  applications: Record<string, ApplicationProperties>;
  /** Stable app role assignment ids, by `${principalId}|${appRoleId}` (lower-case), with their creation time. */
  assignments: Record<string, { id: string; createdDateTime: string }>;
  /**
   * Replication (automation-notes.md §4): object id (app object id, client id, service principal id,
   * Secret ID, assignment key) → epoch milliseconds from which reads and references see it.
   */
  visibleFrom: Record<string, number>;
  /** App role assignments on resources other than Exchange Online (Exchange's are the apps' `consentedRoles`). */
  otherAssignments: { id: string; principalId: string; resourceId: string; appRoleId: string; createdDateTime: string }[];
  /** Deleted app registrations (restorable for 30 days in Entra; kept here for inspection). */
  deletedApplications: { appObjectId: string; clientId: string; displayName: string; deletedDateTime: string }[];
}

export const SANDBOX_ADMIN = {
  objectId: '8d3c5f27-4b1e-4a96-b0d8-5a4db0c5e006',
  userPrincipalName: 'admin@contoso-sandbox.onmicrosoft.com',
  displayName: 'Sandbox Administrator',
} as const;

function appRole(id: string, value: string, description: string): AppRole {
  return { id, value, displayName: description, description, allowedMemberTypes: ['Application'], isEnabled: true };
}

export function createDirectory(seed: DirectorySeed): TenantDirectory {
  const role = (ids: Record<string, string>, value: string) => ids[value] ?? newGuid();
  return {
    admins: [{ ...SANDBOX_ADMIN, roles: ['globalAdministrator'] }],
    publicClients: firstPartyPublicClients(),
    exchangeOnline: {
      id: seed.exchangeServicePrincipalId,
      appId: EXCHANGE_APP_ID,
      displayName: 'Office 365 Exchange Online',
      // Display names and descriptions are left as the values: Microsoft's wording is not in the
      // references, and no client may depend on it (the value and allowedMemberTypes identify a role).
      appRoles: EXCHANGE_APP_ROLES.map((value) => appRole(role(seed.exchangeRoleIds, value), value, value)),
      oauth2PermissionScopes: EXCHANGE_DELEGATED_SCOPES.map((value) => ({
        id: role(seed.exchangeScopeIds, value),
        value,
        type: 'User' as const,
        adminConsentDisplayName: value,
        adminConsentDescription: value,
        isEnabled: true,
      })),
    },
    microsoftGraph: {
      id: seed.graphServicePrincipalId,
      appId: GRAPH_APP_ID,
      displayName: 'Microsoft Graph',
      appRoles: GRAPH_APP_ROLES.map((value) => appRole(role(seed.graphRoleIds, value), value, value)),
      oauth2PermissionScopes: [],
    },
    securityDefaultsEnabled: false,
    applications: {},
    assignments: {},
    otherAssignments: [],
    visibleFrom: {},
    deletedApplications: [],
  };
}

/** Whether replication has brought `id` to the replica a request reaches (automation-notes.md §4). */
export function isVisible(directory: TenantDirectory, id: string | null | undefined, now: number): boolean {
  if (!id) return false;
  const from = directory.visibleFrom[id.toLowerCase()];
  return from === undefined || from <= now;
}

/** Records a new object: with a delay, it stays invisible to reads and references until `now + delayMs`. */
export function markCreated(directory: TenantDirectory, ids: readonly string[], now: number, delayMs: number): void {
  if (delayMs <= 0) return;
  for (const id of ids) directory.visibleFrom[id.toLowerCase()] = now + delayMs;
}

/** Replication keys of what the Exchange admin endpoint creates, as SMTP AUTH looks them up. */
export const smtpAuthKeys = {
  servicePrincipal: (appId: string, objectId: string) => `exchange-sp:${appId}|${objectId}`,
  fullAccess: (mailbox: string, objectId: string) => `full-access:${mailbox}|${objectId}`,
  sendAs: (mailbox: string, objectId: string) => `send-as:${mailbox}|${objectId}`,
};

export function roleTemplateIds(admin: AdminUser): string[] {
  return admin.roles.map((r) => ENTRA_ROLE_TEMPLATE_IDS[r]);
}

export function findAdmin(directory: TenantDirectory, objectIdOrUpn: string): AdminUser | undefined {
  const wanted = objectIdOrUpn.toLowerCase();
  return directory.admins.find((a) => a.objectId.toLowerCase() === wanted || a.userPrincipalName.toLowerCase() === wanted);
}

export function findPublicClient(directory: TenantDirectory, appId: string): PublicClient | undefined {
  const wanted = appId.toLowerCase();
  return directory.publicClients.find((c) => c.appId.toLowerCase() === wanted);
}
