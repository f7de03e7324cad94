import type { AdminFailure, AdminOperation, AdminRole } from '../diagnose/types.js';

/**
 * What each administrator operation of the automatic setup needs, checked against the sign-in's token
 * BEFORE anything is changed (automation-notes.md §1: "a missing scope or role is a diagnosis before
 * any change is made"). Scopes: the least-privileged delegated permission of Microsoft's permission
 * tables (automation-notes.md §2), "or higher"; every group must be met by one of its entries.
 * Roles: one of them (Microsoft Entra built-in roles).
 */
export interface Requirement {
  resource: 'graph' | 'exchange';
  scopes: readonly (readonly string[])[];
  roles: readonly AdminRole[] | null;
}

const READ_APPLICATIONS = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
/** Azure CLI's tokens carry Directory.AccessAsUser.All, which covers creating apps and the consent (notes §1). */
const WRITE_APPLICATIONS = ['Application.ReadWrite.All', 'Directory.AccessAsUser.All'];

/**
 * The Exchange admin endpoint's delegated permission. [UNVERIFIED] name: the notes do not name it;
 * it is what decoded tokens of the Exchange Online PowerShell module are reported to carry.
 */
export const EXCHANGE_ADMIN_SCOPE = 'AdminApi.AccessAsUser.All';

export const REQUIREMENTS: Record<Exclude<AdminOperation, 'sign-in'>, Requirement> = {
  'read-applications': { resource: 'graph', scopes: [READ_APPLICATIONS], roles: null },
  // Learn "Create an application" / "delegate by task": Application Administrator or Cloud Application
  // Administrator (Global Administrator can do everything).
  'write-applications': {
    resource: 'graph',
    scopes: [WRITE_APPLICATIONS],
    roles: ['applicationAdministrator', 'cloudApplicationAdministrator', 'globalAdministrator'],
  },
  // Learn "Grant tenant-wide admin consent": Privileged Role Administrator (or Global Administrator)
  // for any API; Cloud Application Administrator or Application Administrator for app roles of any
  // API except Microsoft Graph's. SMTP.SendAsApp is Exchange Online's app role, so all four do.
  'grant-permission': {
    resource: 'graph',
    scopes: [['AppRoleAssignment.ReadWrite.All', 'Directory.AccessAsUser.All'], READ_APPLICATIONS],
    roles: ['privilegedRoleAdministrator', 'globalAdministrator', 'cloudApplicationAdministrator', 'applicationAdministrator'],
  },
  // identitySecurityDefaultsEnforcementPolicy: Policy.Read.All (not in Azure CLI's set, notes §1).
  'read-policy': {
    resource: 'graph',
    scopes: [['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Policy.ReadWrite.SecurityDefaults']],
    roles: ['securityReader', 'globalReader', 'securityAdministrator', 'globalAdministrator'],
  },
  'exchange-admin': { resource: 'exchange', scopes: [[EXCHANGE_ADMIN_SCOPE]], roles: ['exchangeAdministrator', 'globalAdministrator'] },
};

/** Entra ID built-in roles by template id, as the `wids` claim lists them (Learn "Microsoft Entra built-in roles"). */
export const ROLE_TEMPLATE_IDS: Record<AdminRole, string> = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  securityReader: '5d6b6bb7-de71-4623-b4af-96380a352509',
  securityAdministrator: '194ae4cb-b126-40b2-bd5b-6091b380977d',
};

/** What one administrator token carries that the checks read: `scp` split, and `wids` when present. */
export interface GrantedPermissions {
  scopes: readonly string[];
  /** Role template ids; null when the token has no `wids` claim (roles are then unknown, not absent). */
  roleTemplateIds: readonly string[] | null;
}

/**
 * The operations the token cannot do, each as a `permissions` failure: the scope groups it does not
 * meet (one entry per group: its least-privileged permission) and, when `wids` shows none of the roles,
 * the roles that would do. Empty when everything planned is within the sign-in. Roles absent from
 * `wids` (the claim is optional, and eligible roles not activated are not in it) are only reported
 * when the claim is present.
 */
export function missingPermissions(
  granted: GrantedPermissions,
  operations: readonly Exclude<AdminOperation, 'sign-in'>[],
): Extract<AdminFailure, { kind: 'permissions' }>[] {
  const has = new Set(granted.scopes.map((s) => s.toLowerCase()));
  const wids = granted.roleTemplateIds?.map((w) => w.toLowerCase()) ?? null;
  const out: Extract<AdminFailure, { kind: 'permissions' }>[] = [];
  for (const operation of new Set(operations)) {
    const requirement = REQUIREMENTS[operation];
    const missingScopes = requirement.scopes.filter((group) => !group.some((s) => has.has(s.toLowerCase()))).map((group) => group[0] as string);
    const roleMissing =
      requirement.roles !== null && wids !== null && !requirement.roles.some((r) => wids.includes(ROLE_TEMPLATE_IDS[r].toLowerCase()));
    if (missingScopes.length > 0 || roleMissing) {
      out.push({ kind: 'permissions', operation, missingScopes, neededRoles: roleMissing ? [...(requirement.roles ?? [])] : [] });
    }
  }
  return out;
}
