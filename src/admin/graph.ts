import { Secret } from '../inputs/secret.js';
import type { AdminOperation } from '../diagnose/types.js';
import { AdminApiError } from './errors.js';
import { adminRequest, retryAfterSeconds, type AdminAnswer, type AdminHttpOptions } from './http.js';

/**
 * Microsoft Graph v1.0 for step 1 of the setup: exactly the calls of automation-notes.md §2, nothing
 * else. Every answer that is not a success becomes an AdminApiError whose failure names the operation
 * (for the role a refusal needs) and carries Graph's `error.code` and `error.message`.
 */

import { EXCHANGE_ONLINE_APP_ID, SEND_AS_APP_ROLE } from '../exchange-online.js';
export { EXCHANGE_ONLINE_APP_ID, SEND_AS_APP_ROLE };

export interface GraphClientOptions extends AdminHttpOptions {
  /** Graph's v1.0 root, e.g. `https://graph.microsoft.com/v1.0/` (the cloud table's, or `--graph-url`). */
  graphUrl: string;
  /** The administrator's Graph token (from the sign-in, in memory). */
  token: Secret;
}

export interface SendAsAppRole {
  /** Exchange Online's service principal in this tenant (the resource of the app role assignment). */
  exchangeServicePrincipalId: string;
  /** The SMTP.SendAsApp app role's id, as this tenant's Exchange service principal lists it. */
  roleId: string;
}

export interface GraphApplication {
  /** The app registration's object id (`applications/{id}`). */
  id: string;
  /** The application (client) id. */
  appId: string;
  displayName: string;
  tags: string[];
  notes: string | null;
  requiredResourceAccess: RequiredResourceAccess[];
  passwordCredentials: { keyId: string; displayName: string | null; endDateTime: string | null; hint: string | null }[];
  keyCredentials: { keyId: string; displayName: string | null; endDateTime: string | null; customKeyIdentifier: string | null }[];
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: { id: string; type: 'Role' | 'Scope' }[];
}

export interface NewApplication {
  displayName: string;
  /** Our marker: "custom strings … to categorize and identify the application" (1–256 characters, no spaces). */
  tags: string[];
  notes?: string;
  /** SMTP.SendAsApp, so the permission shows on the portal's API permissions page. */
  sendAsApp: SendAsAppRole;
  /** A certificate's DER, uploaded in the create call (`addKey` cannot add the first one). */
  certificateDer?: Buffer;
  certificateDisplayName?: string;
}

export interface GraphServicePrincipal {
  /** The Enterprise application's object id: what `New-ServicePrincipal -ObjectId` needs. */
  id: string;
  appId: string;
  displayName: string;
}

export interface AppRoleAssignment {
  id: string;
  principalId: string;
  resourceId: string;
  appRoleId: string;
}

export interface NewPassword {
  keyId: string;
  /** Shown once by Graph: kept as a Secret, never printed by accident. */
  secretText: Secret;
  endDateTime: string;
}

/** Security Defaults: on, off, or not readable with this sign-in (never read as "off"). */
export type SecurityDefaultsState =
  | { state: 'enabled' }
  | { state: 'disabled' }
  | { state: 'unknown'; failure: AdminApiError };

export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  private url(path: string): string {
    return new URL(path, this.options.graphUrl.endsWith('/') ? this.options.graphUrl : `${this.options.graphUrl}/`).toString();
  }

  private async call(operation: AdminOperation, method: string, path: string, body?: unknown): Promise<AdminAnswer> {
    const answer = await adminRequest(method, this.url(path), this.options.token, this.options, body);
    if (answer.status >= 200 && answer.status < 300) return answer;
    const error = (answer.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const retryAfter = retryAfterSeconds(answer.headers);
    throw new AdminApiError({
      kind: 'answer',
      service: 'graph',
      operation,
      status: answer.status,
      ...(typeof error?.code === 'string' && { code: error.code }),
      message: typeof error?.message === 'string' ? error.message : '',
      ...(retryAfter !== undefined && { retryAfterSeconds: retryAfter }),
    });
  }

  private async list<T>(operation: AdminOperation, path: string): Promise<T[]> {
    const answer = await this.call(operation, 'GET', path);
    const value = (answer.json as { value?: unknown } | undefined)?.value;
    return Array.isArray(value) ? (value as T[]) : [];
  }

  /** Exchange Online's service principal and its SMTP.SendAsApp app role (an Application role), looked up. */
  async findSendAsAppRole(): Promise<SendAsAppRole | null> {
    const filter = encodeURIComponent(`appId eq '${EXCHANGE_ONLINE_APP_ID}'`);
    const found = await this.list<{ id?: string; appRoles?: { id?: string; value?: string; allowedMemberTypes?: string[] }[] }>(
      'read-applications',
      `servicePrincipals?$filter=${filter}&$select=id,appRoles`,
    );
    const sp = found[0];
    const role = sp?.appRoles?.find((r) => r.value === SEND_AS_APP_ROLE && (r.allowedMemberTypes ?? []).includes('Application'));
    if (!sp?.id || !role?.id) return null;
    return { exchangeServicePrincipalId: sp.id, roleId: role.id };
  }

  /** Our apps: those carrying the tag. */
  findApplicationsByTag(tag: string): Promise<GraphApplication[]> {
    return this.list<GraphApplication>('read-applications', `applications?$filter=${encodeURIComponent(`tags/any(t:t eq '${odata(tag)}')`)}`);
  }

  async findApplicationByAppId(appId: string): Promise<GraphApplication | null> {
    const found = await this.list<GraphApplication>('read-applications', `applications?$filter=${encodeURIComponent(`appId eq '${odata(appId)}'`)}`);
    return found[0] ?? null;
  }

  async findServicePrincipalByAppId(appId: string): Promise<GraphServicePrincipal | null> {
    const found = await this.list<GraphServicePrincipal>(
      'read-applications',
      `servicePrincipals?$filter=${encodeURIComponent(`appId eq '${odata(appId)}'`)}&$select=id,appId,displayName`,
    );
    return found[0] ?? null;
  }

  /** `POST /applications`: single tenant, SMTP.SendAsApp required, tagged, with the certificate if one is given. */
  async createApplication(app: NewApplication): Promise<GraphApplication> {
    const answer = await this.call('write-applications', 'POST', 'applications', {
      displayName: app.displayName,
      signInAudience: 'AzureADMyOrg',
      requiredResourceAccess: [sendAsAppAccess(app.sendAsApp)],
      tags: app.tags,
      ...(app.notes !== undefined && { notes: app.notes }),
      ...(app.certificateDer && { keyCredentials: [keyCredential(app.certificateDer, app.certificateDisplayName)] }),
    });
    return answer.json as GraphApplication;
  }

  /** `PATCH /applications/{id}` (e.g. the first certificate, or requiredResourceAccess repaired). */
  async updateApplication(
    objectId: string,
    patch: { displayName?: string; tags?: string[]; notes?: string; sendAsApp?: SendAsAppRole; certificateDer?: Buffer; certificateDisplayName?: string },
  ): Promise<void> {
    await this.call('write-applications', 'PATCH', `applications/${encodeURIComponent(objectId)}`, {
      ...(patch.displayName !== undefined && { displayName: patch.displayName }),
      ...(patch.tags !== undefined && { tags: patch.tags }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      ...(patch.sendAsApp && { requiredResourceAccess: [sendAsAppAccess(patch.sendAsApp)] }),
      ...(patch.certificateDer && { keyCredentials: [keyCredential(patch.certificateDer, patch.certificateDisplayName)] }),
    });
  }

  /** `POST /servicePrincipals {appId}`: the Enterprise application. */
  async createServicePrincipal(appId: string): Promise<GraphServicePrincipal> {
    const answer = await this.call('write-applications', 'POST', 'servicePrincipals', { appId });
    return answer.json as GraphServicePrincipal;
  }

  /** Admin consent for SMTP.SendAsApp: `POST /servicePrincipals/{exchange sp}/appRoleAssignedTo`. */
  async grantSendAsApp(principalId: string, role: SendAsAppRole): Promise<AppRoleAssignment> {
    const answer = await this.call('grant-permission', 'POST', `servicePrincipals/${encodeURIComponent(role.exchangeServicePrincipalId)}/appRoleAssignedTo`, {
      principalId,
      resourceId: role.exchangeServicePrincipalId,
      appRoleId: role.roleId,
    });
    return answer.json as AppRoleAssignment;
  }

  /** The app role assignments on Exchange Online's service principal (a new one shows after 30–60 s). */
  listAssignments(role: SendAsAppRole): Promise<AppRoleAssignment[]> {
    return this.list<AppRoleAssignment>('read-applications', `servicePrincipals/${encodeURIComponent(role.exchangeServicePrincipalId)}/appRoleAssignedTo`);
  }

  /** `addPassword`: a new client secret, its text shown once. */
  async addPassword(objectId: string, displayName: string, endDateTime: Date): Promise<NewPassword> {
    const answer = await this.call('write-applications', 'POST', `applications/${encodeURIComponent(objectId)}/addPassword`, {
      passwordCredential: { displayName, endDateTime: endDateTime.toISOString() },
    });
    const body = answer.json as { keyId?: string; secretText?: string; endDateTime?: string };
    return { keyId: String(body.keyId ?? ''), secretText: new Secret(String(body.secretText ?? ''), 'graph addPassword'), endDateTime: String(body.endDateTime ?? '') };
  }

  async removePassword(objectId: string, keyId: string): Promise<void> {
    await this.call('write-applications', 'POST', `applications/${encodeURIComponent(objectId)}/removePassword`, { keyId });
  }

  /** `DELETE /applications/{id}`: Entra keeps it restorable for 30 days. */
  async deleteApplication(objectId: string): Promise<void> {
    await this.call('write-applications', 'DELETE', `applications/${encodeURIComponent(objectId)}`);
  }

  /**
   * Security Defaults (they block SMTP AUTH). A refusal (403: Policy.Read.All is not in every
   * sign-in's set) or any other failure is "could not check", never "off".
   */
  async securityDefaults(): Promise<SecurityDefaultsState> {
    try {
      const answer = await this.call('read-policy', 'GET', 'policies/identitySecurityDefaultsEnforcementPolicy');
      const enabled = (answer.json as { isEnabled?: unknown } | undefined)?.isEnabled;
      if (enabled === true) return { state: 'enabled' };
      if (enabled === false) return { state: 'disabled' };
      return { state: 'unknown', failure: new AdminApiError({ kind: 'answer', service: 'graph', operation: 'read-policy', status: answer.status, message: '' }) };
    } catch (error) {
      if (error instanceof AdminApiError) return { state: 'unknown', failure: error };
      throw error;
    }
  }
}

/** A string inside an OData literal: a quote is doubled. */
function odata(value: string): string {
  return value.replaceAll("'", "''");
}

function sendAsAppAccess(role: SendAsAppRole): RequiredResourceAccess {
  return { resourceAppId: EXCHANGE_ONLINE_APP_ID, resourceAccess: [{ id: role.roleId, type: 'Role' }] };
}

function keyCredential(der: Buffer, displayName?: string) {
  return { type: 'AsymmetricX509Cert', usage: 'Verify', key: der.toString('base64'), ...(displayName && { displayName }) };
}
