import { X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateAdmin, hasRole, hasScopes, type AdminCaller } from './admin-auth.js';
import {
  GRAPH_RESOURCE,
  GRAPH_APP_ID,
  isVisible,
  markCreated,
  type ApplicationProperties,
  type EntraRole,
  type ResourceServicePrincipal,
} from './directory.js';
import { GraphErrors, graphErrorBody, SECURITY_DEFAULTS_POLICY, type GraphError } from './graph-errors.js';
import { generateSecretValue, isGuid, newGuid, type AppRegistration, type TenantState } from './tenant.js';
import type { MountedApi } from './token-endpoint.js';
import type { TokenIssuer } from './token-issuer.js';
import type { SandboxEvent, SandboxState } from './types.js';
import { readAll } from '../io.js';

/**
 * Microsoft Graph v1.0 as far as step 1 of the setup needs it (automation-notes.md §2), under
 * `<origin>/graph/v1.0/`. Every change writes through to the tenant model (apps, their service
 * principals, secrets, certificates, consent as `consentedRoles`), so the token endpoint and the SMTP
 * server see it; replication (§4) hides new objects for `replicationDelayMs`.
 */

export const GRAPH_PATH_PREFIX = '/graph/v1.0/';

// ----- least-privileged delegated permissions per operation, "or higher" (automation-notes.md §2 table) -----

const READ_APPLICATIONS = ['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All', 'Directory.AccessAsUser.All'];
const WRITE_APPLICATIONS = ['Application.ReadWrite.All', 'Directory.AccessAsUser.All'];

/**
 * What each Graph operation needs: permission groups (each met by one of its entries) in the token's
 * `scp`, and one of the directory roles of the signed-in administrator (null: any member may).
 */
export const GRAPH_REQUIREMENTS = {
  readApplications: { scopes: [READ_APPLICATIONS], roles: null },
  writeApplications: {
    scopes: [WRITE_APPLICATIONS],
    roles: ['globalAdministrator', 'applicationAdministrator', 'cloudApplicationAdministrator'] as EntraRole[],
  },
  /** "AppRoleAssignment.ReadWrite.All + Application.Read.All". */
  grantAppRole: {
    scopes: [['AppRoleAssignment.ReadWrite.All', 'Directory.AccessAsUser.All'], READ_APPLICATIONS],
    // Microsoft Learn "Grant tenant-wide admin consent": Application and Cloud Application
    // Administrators may grant app roles of any API except Microsoft Graph's; for Graph's, Privileged
    // Role Administrator (the role the "Grant or revoke API permissions programmatically" page uses).
    roles: ['globalAdministrator', 'privilegedRoleAdministrator', 'applicationAdministrator', 'cloudApplicationAdministrator'] as EntraRole[],
    graphRoles: ['globalAdministrator', 'privilegedRoleAdministrator'] as EntraRole[],
  },
  /** Security Defaults: Policy.Read.All (not in Azure CLI's set, automation-notes.md §1). */
  readPolicy: {
    scopes: [['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Policy.ReadWrite.SecurityDefaults']],
    roles: ['globalAdministrator', 'globalReader', 'securityReader', 'securityAdministrator'] as EntraRole[],
  },
} as const;

type Requirement = { scopes: readonly (readonly string[])[]; roles: readonly EntraRole[] | null };

const MAX_BODY_BYTES = 256 * 1024;

class GraphFailure extends Error {
  constructor(readonly graph: GraphError) {
    super(graph.message);
  }
}

function fail(err: GraphError): never {
  throw new GraphFailure(err);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readAll(req, MAX_BODY_BYTES);
  } catch {
    fail(GraphErrors.badBody());
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  fail(GraphErrors.badBody());
}

// ----- $filter: the forms step 1 uses: `prop eq 'v'` joined by `and`, and `tags/any(t:t eq 'v')` -----

type Clause = { property: string; value: string; any: boolean };

export function parseFilter(filter: string): Clause[] | null {
  const clauses: Clause[] = [];
  for (const part of filter.trim().split(/\s+and\s+/i)) {
    const eq = /^(\w+)\s+eq\s+'((?:[^']|'')*)'$/i.exec(part.trim());
    if (eq?.[1] && eq[2] !== undefined) {
      clauses.push({ property: eq[1], value: eq[2].replaceAll("''", "'"), any: false });
      continue;
    }
    const any = /^(\w+)\/any\(\s*(\w+)\s*:\s*\2\s+eq\s+'((?:[^']|'')*)'\s*\)$/i.exec(part.trim());
    if (any?.[1] && any[3] !== undefined) {
      clauses.push({ property: any[1], value: any[3].replaceAll("''", "'"), any: true });
      continue;
    }
    return null;
  }
  return clauses;
}

function matches(object: Record<string, unknown>, clauses: Clause[]): boolean {
  return clauses.every((c) => {
    const value = object[c.property];
    if (c.any) return Array.isArray(value) && value.some((v) => typeof v === 'string' && v.toLowerCase() === c.value.toLowerCase());
    return typeof value === 'string' && value.toLowerCase() === c.value.toLowerCase();
  });
}

function select(object: Record<string, unknown>, fields: string[] | null): Record<string, unknown> {
  if (!fields) return object;
  return Object.fromEntries(fields.filter((f) => f in object).map((f) => [f, object[f]]));
}

// ----- views of the tenant model in Graph's shapes -----

function defaultProperties(app: AppRegistration, tenant: TenantState): ApplicationProperties {
  const exchange = tenant.directory.exchangeOnline;
  const roles = app.consentedRoles.flatMap((value) => exchange.appRoles.filter((r) => r.value === value));
  return {
    signInAudience: 'AzureADMyOrg',
    requiredResourceAccess: roles.length ? [{ resourceAppId: exchange.appId, resourceAccess: roles.map((r) => ({ id: r.id, type: 'Role' })) }] : [],
    tags: [],
    notes: null,
    createdDateTime: '2026-01-01T00:00:00Z',
    keyCredentials: {},
    passwordStartDateTimes: {},
  };
}

function propertiesOf(app: AppRegistration, tenant: TenantState): ApplicationProperties {
  return (tenant.directory.applications[app.appObjectId] ??= defaultProperties(app, tenant));
}

function applicationView(app: AppRegistration, tenant: TenantState): Record<string, unknown> {
  const props = propertiesOf(app, tenant);
  return {
    id: app.appObjectId,
    deletedDateTime: null,
    appId: app.clientId,
    createdDateTime: props.createdDateTime,
    displayName: app.displayName,
    isFallbackPublicClient: app.publicClient,
    notes: props.notes,
    publisherDomain: tenant.domains[0] ?? null,
    signInAudience: props.signInAudience,
    tags: [...props.tags],
    requiredResourceAccess: structuredClone(props.requiredResourceAccess),
    keyCredentials: app.certificates.map((c) => {
      const cert = new X509Certificate(c.certificatePem);
      const meta = props.keyCredentials[c.thumbprintSha256];
      return {
        customKeyIdentifier: Buffer.from(cert.fingerprint.replace(/:/g, ''), 'hex').toString('base64'),
        displayName: meta?.displayName ?? cert.subject.replace(/^CN=/, ''),
        endDateTime: new Date(cert.validTo).toISOString(),
        key: null,
        keyId: meta?.keyId ?? c.thumbprintSha256.slice(0, 8),
        startDateTime: new Date(cert.validFrom).toISOString(),
        type: 'AsymmetricX509Cert',
        usage: 'Verify',
      };
    }),
    passwordCredentials: app.secrets.map((s) => ({
      customKeyIdentifier: null,
      displayName: s.displayName,
      endDateTime: s.expiresAt,
      hint: s.value.slice(0, 3),
      keyId: s.id,
      secretText: null,
      startDateTime: props.passwordStartDateTimes[s.id] ?? props.createdDateTime,
    })),
  };
}

function appServicePrincipalView(app: AppRegistration, tenant: TenantState): Record<string, unknown> {
  return {
    id: app.servicePrincipalObjectId,
    deletedDateTime: null,
    accountEnabled: app.enabled,
    appDisplayName: app.displayName,
    appId: app.clientId,
    appOwnerOrganizationId: tenant.id,
    displayName: app.displayName,
    servicePrincipalType: 'Application',
    tags: [],
    appRoles: [],
    oauth2PermissionScopes: [],
  };
}

function resourceServicePrincipalView(sp: ResourceServicePrincipal): Record<string, unknown> {
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: true,
    appDisplayName: sp.displayName,
    appId: sp.appId,
    // Microsoft's own tenant owns first-party apps.
    appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
    displayName: sp.displayName,
    servicePrincipalType: 'Application',
    tags: [],
    appRoles: structuredClone(sp.appRoles),
    oauth2PermissionScopes: structuredClone(sp.oauth2PermissionScopes),
  };
}

export interface GraphApiOptions {
  state: SandboxState;
  issuer: TokenIssuer;
  events: SandboxEvent[];
  origin: () => string;
  tenantOf: (tenantId: string) => TenantState | undefined;
}

export interface GraphApi extends MountedApi {
  /** Requests answered (any outcome). */
  requests(): number;
}

export function createGraphApi(options: GraphApiOptions): GraphApi {
  const { state } = options;
  let count = 0;
  const now = () => state.automation.now();
  const created = (tenant: TenantState, ...ids: string[]) => markCreated(tenant.directory, ids, now(), state.automation.replicationDelayMs);
  const graphUrl = () => `${options.origin()}${GRAPH_PATH_PREFIX}`;

  const demand = (caller: AdminCaller, requirement: Requirement) => {
    if (!hasScopes(caller, requirement.scopes)) fail(GraphErrors.insufficientPrivileges());
    if (requirement.roles && !hasRole(caller, requirement.roles)) fail(GraphErrors.insufficientPrivileges());
  };

  const visibleApps = (tenant: TenantState) => tenant.apps.filter((a) => isVisible(tenant.directory, a.appObjectId, now()));
  const appByObjectId = (tenant: TenantState, id: string) => {
    const app = visibleApps(tenant).find((a) => a.appObjectId.toLowerCase() === id.toLowerCase());
    return app ?? fail(GraphErrors.resourceNotFound(id));
  };

  type AnySp = { kind: 'resource'; sp: ResourceServicePrincipal } | { kind: 'app'; app: AppRegistration };
  const servicePrincipals = (tenant: TenantState): AnySp[] => [
    { kind: 'resource', sp: tenant.directory.exchangeOnline },
    { kind: 'resource', sp: tenant.directory.microsoftGraph },
    ...tenant.apps
      .filter((a) => a.servicePrincipalObjectId !== null && isVisible(tenant.directory, a.servicePrincipalObjectId, now()))
      .map((app) => ({ kind: 'app' as const, app })),
  ];
  const spId = (sp: AnySp) => (sp.kind === 'resource' ? sp.sp.id : (sp.app.servicePrincipalObjectId as string));
  const spView = (sp: AnySp, tenant: TenantState) => (sp.kind === 'resource' ? resourceServicePrincipalView(sp.sp) : appServicePrincipalView(sp.app, tenant));
  const spById = (tenant: TenantState, id: string) =>
    servicePrincipals(tenant).find((sp) => spId(sp).toLowerCase() === id.toLowerCase()) ?? fail(GraphErrors.resourceNotFound(id));

  const list = (url: URL, entitySet: string, objects: Record<string, unknown>[]) => {
    const filter = url.searchParams.get('$filter');
    const clauses = filter === null ? [] : parseFilter(filter);
    if (!clauses) fail(GraphErrors.unsupportedQuery());
    const fields = url.searchParams.get('$select')?.split(',').map((f) => f.trim()).filter(Boolean) ?? null;
    return {
      '@odata.context': `${graphUrl()}$metadata#${entitySet}${fields ? `(${fields.join(',')})` : ''}`,
      value: objects.filter((o) => matches(o, clauses)).map((o) => select(o, fields)),
    };
  };

  /** The assignments on one resource service principal, as Graph lists them (`appRoleAssignedTo`). */
  const assignmentsOn = (tenant: TenantState, resource: ResourceServicePrincipal) => {
    const dir = tenant.directory;
    const out: Record<string, unknown>[] = [];
    const view = (id: string, createdDateTime: string, principal: AppRegistration, appRoleId: string) => ({
      id,
      deletedDateTime: null,
      appRoleId,
      createdDateTime,
      principalDisplayName: principal.displayName,
      principalId: principal.servicePrincipalObjectId,
      principalType: 'ServicePrincipal',
      resourceDisplayName: resource.displayName,
      resourceId: resource.id,
    });
    if (resource === dir.exchangeOnline) {
      // Exchange Online's assignments are the apps' consentedRoles (the tenant model's consent).
      for (const app of tenant.apps) {
        if (!app.servicePrincipalObjectId) continue;
        for (const value of app.consentedRoles) {
          const role = resource.appRoles.find((r) => r.value === value);
          if (!role) continue;
          const key = `${app.servicePrincipalObjectId}|${role.id}`.toLowerCase();
          const entry = (dir.assignments[key] ??= { id: newGuid(), createdDateTime: '2026-01-01T00:00:00Z' });
          // Listing lags behind the grant (automation-notes.md §4, "listing assignments").
          if (isVisible(dir, key, now())) out.push(view(entry.id, entry.createdDateTime, app, role.id));
        }
      }
    } else {
      for (const a of dir.otherAssignments.filter((x) => x.resourceId === resource.id)) {
        const principal = tenant.apps.find((p) => p.servicePrincipalObjectId === a.principalId);
        if (principal && isVisible(dir, a.id, now())) out.push(view(a.id, a.createdDateTime, principal, a.appRoleId));
      }
    }
    return out;
  };

  const grantAppRole = (tenant: TenantState, caller: AdminCaller, resourceSp: AnySp, body: Record<string, unknown>) => {
    if (resourceSp.kind !== 'resource') fail(GraphErrors.appRoleNotFound(resourceSp.app.clientId));
    const resource = resourceSp.sp;
    const requirement = GRAPH_REQUIREMENTS.grantAppRole;
    demand(caller, { scopes: requirement.scopes, roles: resource.appId === GRAPH_APP_ID ? requirement.graphRoles : requirement.roles });
    const principalId = typeof body.principalId === 'string' ? body.principalId : '';
    const appRoleId = typeof body.appRoleId === 'string' ? body.appRoleId : '';
    if (typeof body.resourceId === 'string' && body.resourceId.toLowerCase() !== resource.id.toLowerCase()) fail(GraphErrors.notAValidReferenceUpdate());
    // A principal still replicating is "Not a valid reference update" (automation-notes.md §4).
    const principal = tenant.apps.find(
      (a) => a.servicePrincipalObjectId?.toLowerCase() === principalId.toLowerCase() && isVisible(tenant.directory, a.servicePrincipalObjectId, now()),
    );
    if (!principal || !principal.servicePrincipalObjectId) fail(GraphErrors.notAValidReferenceUpdate());
    const role = resource.appRoles.find((r) => r.id.toLowerCase() === appRoleId.toLowerCase() && r.allowedMemberTypes.includes('Application'));
    if (!role) fail(GraphErrors.appRoleNotFound(resource.appId));
    const createdDateTime = new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const dir = tenant.directory;
    let id: string;
    if (resource === dir.exchangeOnline) {
      if (principal.consentedRoles.includes(role.value)) fail(GraphErrors.assignmentExists());
      // Write-through: the consent the token endpoint turns into the `roles` claim.
      principal.consentedRoles.push(role.value);
      const key = `${principal.servicePrincipalObjectId}|${role.id}`.toLowerCase();
      id = newGuid();
      dir.assignments[key] = { id, createdDateTime };
      created(tenant, key);
    } else {
      if (dir.otherAssignments.some((a) => a.principalId === principal.servicePrincipalObjectId && a.appRoleId === role.id)) fail(GraphErrors.assignmentExists());
      id = newGuid();
      dir.otherAssignments.push({ id, principalId: principal.servicePrincipalObjectId, resourceId: resource.id, appRoleId: role.id, createdDateTime });
      created(tenant, id);
    }
    return {
      id,
      deletedDateTime: null,
      appRoleId: role.id,
      createdDateTime,
      principalDisplayName: principal.displayName,
      principalId: principal.servicePrincipalObjectId,
      principalType: 'ServicePrincipal',
      resourceDisplayName: resource.displayName,
      resourceId: resource.id,
    };
  };

  const revokeAppRole = (tenant: TenantState, resourceSp: AnySp, assignmentId: string) => {
    const dir = tenant.directory;
    if (resourceSp.kind === 'resource' && resourceSp.sp === dir.exchangeOnline) {
      for (const [key, entry] of Object.entries(dir.assignments)) {
        if (entry.id.toLowerCase() !== assignmentId.toLowerCase()) continue;
        const [principalId, roleId] = key.split('|');
        const app = tenant.apps.find((a) => a.servicePrincipalObjectId?.toLowerCase() === principalId);
        const role = dir.exchangeOnline.appRoles.find((r) => r.id.toLowerCase() === roleId);
        if (app && role) app.consentedRoles = app.consentedRoles.filter((v) => v !== role.value);
        delete dir.assignments[key];
        return;
      }
    } else {
      const index = dir.otherAssignments.findIndex((a) => a.id.toLowerCase() === assignmentId.toLowerCase());
      if (index >= 0) return void dir.otherAssignments.splice(index, 1);
    }
    fail(GraphErrors.resourceNotFound(assignmentId));
  };

  /** `keyCredentials` of a create or PATCH: public certificates (base64 DER) → the app's uploaded certificates. */
  const certificatesFrom = (value: unknown, props: ApplicationProperties) => {
    if (!Array.isArray(value)) fail(GraphErrors.invalidProperty('keyCredentials', 'Application'));
    return value.map((entry: unknown) => {
      const k = (entry ?? {}) as Record<string, unknown>;
      if (k.type !== 'AsymmetricX509Cert' || k.usage !== 'Verify' || typeof k.key !== 'string') fail(GraphErrors.invalidProperty('keyCredentials', 'Application'));
      let cert: X509Certificate;
      try {
        cert = new X509Certificate(Buffer.from(k.key, 'base64'));
      } catch {
        fail(GraphErrors.invalidProperty('keyCredentials', 'Application'));
      }
      const thumbprintSha256 = cert.fingerprint256.replace(/:/g, '');
      props.keyCredentials[thumbprintSha256] = {
        keyId: typeof k.keyId === 'string' ? k.keyId : newGuid(),
        displayName: typeof k.displayName === 'string' ? k.displayName : null,
        startDateTime: new Date(cert.validFrom).toISOString(),
        endDateTime: new Date(cert.validTo).toISOString(),
      };
      return { thumbprintSha256, certificatePem: cert.toString() };
    });
  };

  const tagsFrom = (value: unknown): string[] => {
    // tags: "custom strings … 1–256 characters, no spaces" (automation-notes.md §2, "find our own apps again").
    if (!Array.isArray(value) || !value.every((t) => typeof t === 'string' && t.length >= 1 && t.length <= 256 && !/\s/.test(t))) {
      fail(GraphErrors.invalidProperty('tags', 'Application'));
    }
    return [...(value as string[])];
  };

  const applyApplicationProperties = (app: AppRegistration, props: ApplicationProperties, body: Record<string, unknown>) => {
    if ('displayName' in body) {
      if (typeof body.displayName !== 'string' || body.displayName.trim() === '') fail(GraphErrors.invalidProperty('displayName', 'Application'));
      app.displayName = body.displayName;
    }
    if ('signInAudience' in body) {
      if (!['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount'].includes(String(body.signInAudience))) {
        fail(GraphErrors.invalidProperty('signInAudience', 'Application'));
      }
      props.signInAudience = String(body.signInAudience);
    }
    if ('tags' in body) props.tags = tagsFrom(body.tags);
    if ('notes' in body) props.notes = body.notes === null ? null : String(body.notes);
    if ('requiredResourceAccess' in body) {
      if (!Array.isArray(body.requiredResourceAccess)) fail(GraphErrors.invalidProperty('requiredResourceAccess', 'Application'));
      props.requiredResourceAccess = structuredClone(body.requiredResourceAccess) as ApplicationProperties['requiredResourceAccess'];
    }
    if ('keyCredentials' in body) app.certificates = certificatesFrom(body.keyCredentials, props);
  };

  type Answer = { status: number; body?: unknown };

  const route = async (req: IncomingMessage, url: URL, tenant: TenantState, caller: AdminCaller): Promise<Answer> => {
    const method = req.method ?? 'GET';
    const segments = url.pathname.slice(GRAPH_PATH_PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
    // Alternate key: `applications(appId='…')`, `servicePrincipals(appId='…')` address one object by its client id.
    const alternate = /^(applications|servicePrincipals)\(appId='([^']*)'\)$/.exec(segments[0] ?? '');
    if (alternate?.[1] && alternate[2] !== undefined) {
      const app = tenant.apps.find((a) => a.clientId.toLowerCase() === alternate[2]?.toLowerCase() && isVisible(tenant.directory, a.appObjectId, now()));
      const resource = [tenant.directory.exchangeOnline, tenant.directory.microsoftGraph].find((r) => r.appId === alternate[2]?.toLowerCase());
      const objectId = alternate[1] === 'applications' ? app?.appObjectId : (resource?.id ?? app?.servicePrincipalObjectId);
      segments.splice(0, 1, alternate[1], objectId ?? alternate[2]);
    }
    const [collection, id, action, subId] = segments;
    const R = GRAPH_REQUIREMENTS;

    if (collection === 'policies' && id === 'identitySecurityDefaultsEnforcementPolicy' && segments.length === 2) {
      if (method !== 'GET') fail(GraphErrors.methodNotAllowed());
      demand(caller, R.readPolicy);
      return {
        status: 200,
        body: {
          '@odata.context': `${graphUrl()}$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity`,
          ...SECURITY_DEFAULTS_POLICY,
          isEnabled: tenant.directory.securityDefaultsEnabled,
        },
      };
    }

    if (collection === 'applications') {
      if (id === undefined) {
        if (method === 'GET') {
          demand(caller, R.readApplications);
          return { status: 200, body: list(url, 'applications', visibleApps(tenant).map((a) => applicationView(a, tenant))) };
        }
        if (method !== 'POST') fail(GraphErrors.methodNotAllowed());
        demand(caller, R.writeApplications);
        const body = await readJson(req);
        if (typeof body.displayName !== 'string' || body.displayName.trim() === '') fail(GraphErrors.missingProperty('displayName'));
        const at = new Date(now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
        const app: AppRegistration = {
          clientId: newGuid(),
          appObjectId: newGuid(),
          // Graph creates the registration only; its service principal is a call of its own.
          servicePrincipalObjectId: null,
          displayName: body.displayName,
          enabled: true,
          publicClient: false,
          secrets: [],
          certificates: [],
          consentedRoles: [],
        };
        const props: ApplicationProperties = {
          signInAudience: 'AzureADMyOrg',
          requiredResourceAccess: [],
          tags: [],
          notes: null,
          createdDateTime: at,
          keyCredentials: {},
          passwordStartDateTimes: {},
        };
        applyApplicationProperties(app, props, body);
        tenant.apps.push(app);
        tenant.directory.applications[app.appObjectId] = props;
        created(tenant, app.appObjectId, app.clientId);
        return { status: 201, body: { '@odata.context': `${graphUrl()}$metadata#applications/$entity`, ...applicationView(app, tenant) } };
      }
      const app = appByObjectId(tenant, id);
      if (action === undefined) {
        if (method === 'GET') {
          demand(caller, R.readApplications);
          return { status: 200, body: { '@odata.context': `${graphUrl()}$metadata#applications/$entity`, ...applicationView(app, tenant) } };
        }
        demand(caller, R.writeApplications);
        if (method === 'PATCH') {
          applyApplicationProperties(app, propertiesOf(app, tenant), await readJson(req));
          return { status: 204 };
        }
        if (method === 'DELETE') {
          // The service principal goes with the registration; Entra keeps it restorable for 30 days.
          tenant.apps.splice(tenant.apps.indexOf(app), 1);
          tenant.directory.deletedApplications.push({
            appObjectId: app.appObjectId,
            clientId: app.clientId,
            displayName: app.displayName,
            deletedDateTime: new Date(now()).toISOString(),
          });
          return { status: 204 };
        }
        fail(GraphErrors.methodNotAllowed());
      }
      if (method !== 'POST' || segments.length !== 3) fail(GraphErrors.methodNotAllowed());
      demand(caller, R.writeApplications);
      const body = await readJson(req);
      if (action === 'addPassword') {
        const credential = (body.passwordCredential ?? {}) as Record<string, unknown>;
        const start = new Date(now());
        // Without endDateTime Graph makes the secret valid for two years (passwordCredential resource).
        const end = typeof credential.endDateTime === 'string' ? new Date(credential.endDateTime) : new Date(start.getTime() + 2 * 365 * 86_400_000);
        if (Number.isNaN(end.getTime())) fail(GraphErrors.invalidProperty('endDateTime', 'PasswordCredential'));
        const secret = {
          id: newGuid(),
          value: generateSecretValue(),
          displayName: typeof credential.displayName === 'string' ? credential.displayName : '',
          expiresAt: end.toISOString(),
        };
        app.secrets.push(secret);
        propertiesOf(app, tenant).passwordStartDateTimes[secret.id] = start.toISOString();
        created(tenant, secret.id);
        return {
          status: 200,
          body: {
            '@odata.context': `${graphUrl()}$metadata#microsoft.graph.passwordCredential`,
            customKeyIdentifier: null,
            displayName: secret.displayName,
            endDateTime: secret.expiresAt,
            hint: secret.value.slice(0, 3),
            keyId: secret.id,
            // Shown once: later reads of the application give `secretText: null`.
            secretText: secret.value,
            startDateTime: start.toISOString(),
          },
        };
      }
      if (action === 'removePassword') {
        const keyId = typeof body.keyId === 'string' ? body.keyId : '';
        const index = app.secrets.findIndex((s) => s.id.toLowerCase() === keyId.toLowerCase());
        if (index < 0) fail(GraphErrors.noSuchPassword(keyId));
        app.secrets.splice(index, 1);
        return { status: 204 };
      }
      fail(GraphErrors.noResource(action));
    }

    if (collection === 'servicePrincipals') {
      if (id === undefined) {
        if (method === 'GET') {
          demand(caller, R.readApplications);
          return { status: 200, body: list(url, 'servicePrincipals', servicePrincipals(tenant).map((sp) => spView(sp, tenant))) };
        }
        if (method !== 'POST') fail(GraphErrors.methodNotAllowed());
        demand(caller, R.writeApplications);
        const body = await readJson(req);
        const appId = typeof body.appId === 'string' ? body.appId : '';
        // An app still replicating "does not exist" (automation-notes.md §4, first row).
        const app = tenant.apps.find((a) => a.clientId.toLowerCase() === appId.toLowerCase() && isVisible(tenant.directory, a.clientId, now()));
        if (!app) fail(GraphErrors.resourceNotFound(appId));
        if (app.servicePrincipalObjectId !== null) fail(GraphErrors.servicePrincipalExists(app.clientId));
        app.servicePrincipalObjectId = newGuid();
        created(tenant, app.servicePrincipalObjectId);
        return { status: 201, body: { '@odata.context': `${graphUrl()}$metadata#servicePrincipals/$entity`, ...appServicePrincipalView(app, tenant) } };
      }
      const sp = spById(tenant, id);
      if (action === undefined) {
        if (method === 'GET') {
          demand(caller, R.readApplications);
          return { status: 200, body: { '@odata.context': `${graphUrl()}$metadata#servicePrincipals/$entity`, ...spView(sp, tenant) } };
        }
        if (method === 'DELETE' && sp.kind === 'app') {
          demand(caller, R.writeApplications);
          sp.app.servicePrincipalObjectId = null;
          sp.app.consentedRoles = [];
          return { status: 204 };
        }
        fail(GraphErrors.methodNotAllowed());
      }
      if (action === 'appRoleAssignedTo') {
        if (subId === undefined && method === 'GET') {
          demand(caller, R.readApplications);
          const value = sp.kind === 'resource' ? assignmentsOn(tenant, sp.sp) : [];
          return { status: 200, body: { '@odata.context': `${graphUrl()}$metadata#servicePrincipals('${spId(sp)}')/appRoleAssignedTo`, value } };
        }
        if (subId === undefined && method === 'POST') {
          const body = await readJson(req);
          return { status: 201, body: { '@odata.context': `${graphUrl()}$metadata#servicePrincipals('${spId(sp)}')/appRoleAssignedTo/$entity`, ...grantAppRole(tenant, caller, sp, body) } };
        }
        if (subId !== undefined && method === 'DELETE') {
          demand(caller, GRAPH_REQUIREMENTS.grantAppRole);
          revokeAppRole(tenant, sp, subId);
          return { status: 204 };
        }
        fail(GraphErrors.methodNotAllowed());
      }
      fail(GraphErrors.noResource(action));
    }
    fail(GraphErrors.noResource(collection ?? ''));
  };

  /** `GET /servicePrincipals/{id}` → `GET /servicePrincipals/{id}` with ids as `{id}`: the bench's operation names. */
  const operationOf = (method: string, pathname: string) =>
    `${method} /${pathname
      .slice(GRAPH_PATH_PREFIX.length)
      .split('/')
      .filter(Boolean)
      .map((s) => (isGuid(s) ? '{id}' : s))
      .join('/')}`;

  return {
    prefix: GRAPH_PATH_PREFIX,
    requests: () => count,
    async handle(req: IncomingMessage, res: ServerResponse, url: URL) {
      count++;
      const method = req.method ?? 'GET';
      const requestId = newGuid();
      const asked = req.headers['client-request-id'];
      const clientRequestId = typeof asked === 'string' && isGuid(asked) ? asked : requestId;
      let status: number;
      let text: string | undefined;
      try {
        const auth = await authenticateAdmin(req, options.issuer, [GRAPH_RESOURCE, GRAPH_APP_ID], options.tenantOf);
        if ('refused' in auth) {
          fail(
            auth.refused === 'missing'
              ? GraphErrors.tokenMissing()
              : auth.refused === 'expired'
                ? GraphErrors.tokenExpired()
                : auth.refused === 'audience'
                  ? GraphErrors.tokenWrongAudience()
                  : GraphErrors.tokenInvalid(),
          );
        }
        const answer = await route(req, url, auth.tenant, auth.caller);
        status = answer.status;
        text = answer.body === undefined ? undefined : JSON.stringify(answer.body);
      } catch (error) {
        if (!(error instanceof GraphFailure)) throw error;
        status = error.graph.status;
        text = graphErrorBody(error.graph, requestId, clientRequestId, new Date());
      }
      options.events.push({
        at: new Date().toISOString(),
        server: 'graph',
        event: 'request-answered',
        method,
        path: url.pathname,
        status,
        operation: operationOf(method, url.pathname),
      });
      if (state.automation.swallowAnswer?.({ service: 'graph', operation: `${method} ${url.pathname.slice(GRAPH_PATH_PREFIX.length).replace(/^\/+/, '')}` })) return;
      res.writeHead(status, {
        ...(text !== undefined && { 'content-type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8' }),
        'request-id': requestId,
        'client-request-id': clientRequestId,
        ...(status === 401 && { 'www-authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"' }),
      });
      res.end(text);
    },
  };
}
