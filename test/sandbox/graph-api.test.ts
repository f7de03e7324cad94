import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { PUBLIC_CLIENT_IDS, SMTP_SEND_AS_APP_ROLE, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { adminToken, claimsOf, EXCHANGE_ONLINE_APP_ID, exchangeAdminToken, graph, lookUpSendAsApp, step1 } from './admin-helpers.js';
import { fetchAccessToken, postToken } from './helpers.js';

// Microsoft Graph v1.0 for step 1 (automation-notes.md §2), error shape of Microsoft Graph "Error
// responses", refusals of §4 ("never retry a refusal": 403 Authorization_RequestDenied).

interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id': string } };
}

let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  sandbox.applyScenario('healthy');
  token = await adminToken(sandbox);
});

const setRoles = (...roles: Sandbox['tenant']['directory']['admins'][number]['roles']) => {
  sandbox.tenant.directory.admins[0]!.roles = roles;
};

describe('authentication', () => {
  it('answers 401 InvalidAuthenticationToken in Graph error shape without a token', async () => {
    const res = await graph<GraphErrorBody>(sandbox, null, 'GET', 'applications');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidAuthenticationToken');
    expect(res.body.error.message).toBe('Access token is empty.');
    expect(res.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(res.body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['request-id']).toBe(res.body.error.innerError['request-id']);
  });

  it('answers 401 for a token that does not verify, and for a token of another resource (Exchange)', async () => {
    const forged = `${token.slice(0, -10)}AAAAAAAAAA`;
    expect((await graph<GraphErrorBody>(sandbox, forged, 'GET', 'applications')).body.error.message).toBe('Access token validation failure.');
    const exchange = await graph<GraphErrorBody>(sandbox, await exchangeAdminToken(sandbox), 'GET', 'applications');
    expect(exchange.status).toBe(401);
    expect(exchange.body.error.message).toBe('Access token validation failure. Invalid audience.');
  });

  it('answers 401 for an app-only token (no scp): a client secret does not sign an administrator in', async () => {
    const appOnly = await fetchAccessToken(sandbox, { scope: 'https://graph.microsoft.com/.default' });
    expect((await graph(sandbox, appOnly, 'GET', 'applications')).status).toBe(401);
  });
});

describe('finding Exchange Online and SMTP.SendAsApp', () => {
  it('answers the filter and select of step 1 with the Exchange SP and its SMTP.SendAsApp app role (generated id)', async () => {
    const res = await graph<{ '@odata.context': string; value: Record<string, unknown>[] }>(
      sandbox,
      token,
      'GET',
      `servicePrincipals?$filter=${encodeURIComponent(`appId eq '${EXCHANGE_ONLINE_APP_ID}'`)}&$select=id,appRoles`,
    );
    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toBe(`${sandbox.graphUrl}$metadata#servicePrincipals(id,appRoles)`);
    expect(res.body.value).toHaveLength(1);
    const sp = res.body.value[0] as { id: string; appRoles: { id: string; value: string; allowedMemberTypes: string[] }[] };
    expect(Object.keys(sp).sort()).toEqual(['appRoles', 'id']);
    const role = sp.appRoles.find((r) => r.value === SMTP_SEND_AS_APP_ROLE);
    expect(role?.allowedMemberTypes).toEqual(['Application']);
    // The id third-party files report for Microsoft's tenant is not one a client may rely on.
    expect(role?.id).not.toBe('7146a1f0-8703-45b3-9eae-527a64c00995');
    expect(role?.id).toBe(sandbox.tenant.directory.exchangeOnline.appRoles.find((r) => r.value === SMTP_SEND_AS_APP_ROLE)?.id);
  });

  it('needs Application.Read.All or higher: a token with only User.Read is refused with 403', async () => {
    sandbox.tenant.directory.publicClients.push({ appId: '5d2a0bd3-4f5b-4c8e-9a61-0c1f6e3a7b90', displayName: 'Own client', scopes: { 'https://graph.microsoft.com': ['User.Read'] } });
    const weak = await adminToken(sandbox, { clientId: '5d2a0bd3-4f5b-4c8e-9a61-0c1f6e3a7b90' });
    const res = await graph<GraphErrorBody>(sandbox, weak, 'GET', 'servicePrincipals');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
  });

  it('answers 400 Request_UnsupportedQuery for a filter it does not support', async () => {
    const res = await graph<GraphErrorBody>(sandbox, token, 'GET', `applications?$filter=${encodeURIComponent("startswith(displayName,'SMTP')")}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('Request_UnsupportedQuery');
  });
});

describe('step 1 writes through to the tenant model', () => {
  it('app + service principal + consent + secret: the client-credentials endpoint then issues a token with SMTP.SendAsApp', async () => {
    const made = await step1(sandbox, token);
    const app = sandbox.tenant.apps.find((a) => a.clientId === made.clientId);
    expect(app).toMatchObject({ appObjectId: made.appObjectId, servicePrincipalObjectId: made.servicePrincipalId, consentedRoles: [SMTP_SEND_AS_APP_ROLE] });
    expect(made.secret).toMatch(/^.{3}8Q~.{34}$/);
    const appToken = await fetchAccessToken(sandbox, { clientId: made.clientId, clientSecret: made.secret });
    const claims = claimsOf(appToken);
    expect(claims).toMatchObject({ appid: made.clientId, oid: made.servicePrincipalId, roles: [SMTP_SEND_AS_APP_ROLE], aud: 'https://outlook.office365.com' });
  });

  it('finds the app again by its tag and by appId, with tags, notes, requiredResourceAccess; the secret text is shown once', async () => {
    const made = await step1(sandbox, token);
    const byTag = await graph<{ value: Record<string, unknown>[] }>(sandbox, token, 'GET', `applications?$filter=${encodeURIComponent("tags/any(t:t eq 'smtp-oauth-setup')")}`);
    expect(byTag.body.value.map((a) => a.appId)).toEqual([made.clientId]);
    const byAppId = await graph<{ value: Record<string, unknown>[] }>(sandbox, token, 'GET', `applications?$filter=${encodeURIComponent(`appId eq '${made.clientId}'`)}`);
    const app = byAppId.body.value[0] as Record<string, unknown>;
    expect(app).toMatchObject({
      id: made.appObjectId,
      signInAudience: 'AzureADMyOrg',
      tags: ['smtp-oauth-setup'],
      notes: 'Created by smtp-oauth-setup',
      requiredResourceAccess: [{ resourceAppId: EXCHANGE_ONLINE_APP_ID, resourceAccess: [{ id: made.roleId, type: 'Role' }] }],
    });
    expect(app.passwordCredentials).toEqual([expect.objectContaining({ keyId: made.secretKeyId, secretText: null, hint: made.secret.slice(0, 3) })]);
    expect(JSON.stringify(app)).not.toContain(made.secret);
  });

  it('lists the new assignment under the Exchange SP appRoleAssignedTo, and a second grant is refused', async () => {
    const made = await step1(sandbox, token);
    const list = await graph<{ value: Record<string, unknown>[] }>(sandbox, token, 'GET', `servicePrincipals/${made.exchangeSpId}/appRoleAssignedTo`);
    expect(list.body.value).toContainEqual(expect.objectContaining({ principalId: made.servicePrincipalId, appRoleId: made.roleId, resourceId: made.exchangeSpId, principalType: 'ServicePrincipal' }));
    const again = await graph<GraphErrorBody>(sandbox, token, 'POST', `servicePrincipals/${made.exchangeSpId}/appRoleAssignedTo`, {
      principalId: made.servicePrincipalId,
      resourceId: made.exchangeSpId,
      appRoleId: made.roleId,
    });
    expect(again.status).toBe(400);
  });

  it('refuses a second service principal for the same app with 409 Request_MultipleObjectsWithSameKeyValue', async () => {
    const made = await step1(sandbox, token);
    const res = await graph<GraphErrorBody>(sandbox, token, 'POST', 'servicePrincipals', { appId: made.clientId });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('Request_MultipleObjectsWithSameKeyValue');
  });

  it('removePassword takes the secret away: the token endpoint refuses it with AADSTS7000215', async () => {
    const made = await step1(sandbox, token);
    expect((await graph(sandbox, token, 'POST', `applications/${made.appObjectId}/removePassword`, { keyId: made.secretKeyId })).status).toBe(204);
    const res = await postToken(sandbox, sandbox.tenant.id, { client_id: made.clientId, client_secret: made.secret, scope: 'https://outlook.office365.com/.default', grant_type: 'client_credentials' });
    expect(JSON.parse(res.body).error_codes).toEqual([7000215]);
  });

  it('a certificate in keyCredentials becomes a credential of the app (the token endpoint accepts its assertions)', async () => {
    const { roleId } = await lookUpSendAsApp(sandbox, token);
    const cert = createSelfSignedCertificate({ commonName: 'smtp-oauth-setup', validDays: 30 });
    const der = Buffer.from(cert.certificatePem.replace(/-----[^-]+-----|\s/g, ''), 'base64').toString('base64');
    const app = await graph(sandbox, token, 'POST', 'applications', {
      displayName: 'With certificate',
      requiredResourceAccess: [{ resourceAppId: EXCHANGE_ONLINE_APP_ID, resourceAccess: [{ id: roleId, type: 'Role' }] }],
      keyCredentials: [{ type: 'AsymmetricX509Cert', usage: 'Verify', key: der, displayName: 'CN=smtp-oauth-setup' }],
    });
    expect(app.status).toBe(201);
    const model = sandbox.tenant.apps.find((a) => a.clientId === app.body.appId);
    expect(model?.certificates.map((c) => c.thumbprintSha256)).toEqual([cert.thumbprintSha256]);
    expect(app.body.keyCredentials).toEqual([expect.objectContaining({ type: 'AsymmetricX509Cert', usage: 'Verify', key: null, displayName: 'CN=smtp-oauth-setup' })]);
  });

  it('PATCH changes notes and tags; DELETE removes the app (its token requests: AADSTS700016), then 404 Request_ResourceNotFound', async () => {
    const made = await step1(sandbox, token);
    expect((await graph(sandbox, token, 'PATCH', `applications/${made.appObjectId}`, { notes: 'changed', tags: ['smtp-oauth-setup', 'mailbox:x'] })).status).toBe(204);
    expect((await graph(sandbox, token, 'GET', `applications/${made.appObjectId}`)).body).toMatchObject({ notes: 'changed', tags: ['smtp-oauth-setup', 'mailbox:x'] });
    expect((await graph(sandbox, token, 'PATCH', `applications/${made.appObjectId}`, { tags: ['has space'] })).status).toBe(400);
    expect((await graph(sandbox, token, 'DELETE', `applications/${made.appObjectId}`)).status).toBe(204);
    const gone = await graph<GraphErrorBody>(sandbox, token, 'GET', `applications/${made.appObjectId}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({
      code: 'Request_ResourceNotFound',
      message: `Resource '${made.appObjectId}' does not exist or one of its queried reference-property objects are not present.`,
    });
    const res = await postToken(sandbox, sandbox.tenant.id, { client_id: made.clientId, client_secret: made.secret, scope: 'https://outlook.office365.com/.default', grant_type: 'client_credentials' });
    expect(JSON.parse(res.body).error_codes).toEqual([700016]);
    expect(sandbox.tenant.directory.deletedApplications.map((d) => d.clientId)).toEqual([made.clientId]);
  });
});

describe('refusals by role and by permission (least-privileged scopes, automation-notes.md §2)', () => {
  it('an administrator without an application role cannot create apps: 403 Authorization_RequestDenied, nothing created', async () => {
    setRoles('exchangeAdministrator');
    const before = sandbox.tenant.apps.length;
    const res = await graph<GraphErrorBody>(sandbox, token, 'POST', 'applications', { displayName: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    expect(sandbox.tenant.apps).toHaveLength(before);
  });

  it('an Application Administrator grants Exchange app roles, but not Microsoft Graph app roles (Privileged Role Administrator)', async () => {
    setRoles('applicationAdministrator');
    const made = await step1(sandbox, token);
    const graphSp = sandbox.tenant.directory.microsoftGraph;
    const mailSend = graphSp.appRoles.find((r) => r.value === 'Mail.Send')!;
    const body = { principalId: made.servicePrincipalId, resourceId: graphSp.id, appRoleId: mailSend.id };
    expect((await graph(sandbox, token, 'POST', `servicePrincipals/${graphSp.id}/appRoleAssignedTo`, body)).status).toBe(403);
    setRoles('privilegedRoleAdministrator');
    expect((await graph(sandbox, token, 'POST', `servicePrincipals/${graphSp.id}/appRoleAssignedTo`, body)).status).toBe(201);
  });

  it('Azure CLI has Directory.AccessAsUser.All (step 1 works) but no Policy.Read.All: Security Defaults unreadable (403)', async () => {
    const cli = await adminToken(sandbox, { clientId: PUBLIC_CLIENT_IDS.azureCli });
    await step1(sandbox, cli);
    const res = await graph<GraphErrorBody>(sandbox, cli, 'GET', 'policies/identitySecurityDefaultsEnforcementPolicy');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('Authorization_RequestDenied');
  });

  it('reads Security Defaults (isEnabled) with Policy.Read.All, live from the tenant', async () => {
    const off = await graph(sandbox, token, 'GET', 'policies/identitySecurityDefaultsEnforcementPolicy');
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: '00000000-0000-0000-0000-000000000005', displayName: 'Security Defaults', isEnabled: false });
    sandbox.tenant.directory.securityDefaultsEnabled = true;
    expect((await graph(sandbox, token, 'GET', 'policies/identitySecurityDefaultsEnforcementPolicy')).body.isEnabled).toBe(true);
  });

  it('answers 404 Request_ResourceNotFound for an unknown service principal', async () => {
    const id = '0f0f0f0f-1111-4222-8333-444444444444';
    const res = await graph<GraphErrorBody>(sandbox, token, 'GET', `servicePrincipals/${id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('Request_ResourceNotFound');
  });
});

describe('request counter', () => {
  it('counts Graph requests in stats and records each with its operation in the event log', async () => {
    const before = sandbox.stats().graphRequests;
    const from = sandbox.eventLog.length;
    await step1(sandbox, token);
    expect(sandbox.stats().graphRequests - before).toBe(5);
    const operations = sandbox.eventLog.slice(from).flatMap((e) => (e.server === 'graph' ? [e.operation] : []));
    expect(operations).toEqual([
      'GET /servicePrincipals',
      'POST /applications',
      'POST /servicePrincipals',
      'POST /servicePrincipals/{id}/appRoleAssignedTo',
      'POST /applications/{id}/addPassword',
    ]);
  });
});

describe('the tenant as the scenarios leave it', () => {
  it("addresses apps and service principals by alternate key (appId='…')", async () => {
    const made = await step1(sandbox, token);
    expect((await graph(sandbox, token, 'GET', `applications(appId='${made.clientId}')`)).body).toMatchObject({ id: made.appObjectId });
    expect((await graph(sandbox, token, 'GET', `servicePrincipals(appId='${made.clientId}')`)).body).toMatchObject({ id: made.servicePrincipalId });
    expect((await graph(sandbox, token, 'GET', `servicePrincipals(appId='${EXCHANGE_ONLINE_APP_ID}')`)).body).toMatchObject({ displayName: 'Office 365 Exchange Online' });
    expect((await graph(sandbox, token, 'GET', `applications(appId='0f0f0f0f-1111-4222-8333-444444444444')`)).status).toBe(404);
  });

  it('shows the seeded app with its consent as an assignment; no-admin-consent shows none, and granting repairs it', async () => {
    const seeded = sandbox.tenant.apps[0]!;
    const { exchangeSpId, roleId } = await lookUpSendAsApp(sandbox, token);
    const listed = async () =>
      (await graph<{ value: { principalId: string }[] }>(sandbox, token, 'GET', `servicePrincipals/${exchangeSpId}/appRoleAssignedTo`)).body.value.map((a) => a.principalId);
    expect(await listed()).toEqual([seeded.servicePrincipalObjectId]);
    sandbox.applyScenario('no-admin-consent');
    token = await adminToken(sandbox);
    expect(await listed()).toEqual([]);
    const grant = await graph(sandbox, token, 'POST', `servicePrincipals/${exchangeSpId}/appRoleAssignedTo`, {
      principalId: seeded.servicePrincipalObjectId,
      resourceId: exchangeSpId,
      appRoleId: roleId,
    });
    expect(grant.status).toBe(201);
    expect(claimsOf(await fetchAccessToken(sandbox)).roles).toEqual([SMTP_SEND_AS_APP_ROLE]);
  });

  it('no-enterprise-app (registration without service principal, AADSTS7000229): POST /servicePrincipals repairs it', async () => {
    sandbox.applyScenario('no-enterprise-app');
    token = await adminToken(sandbox);
    const app = sandbox.tenant.apps[0]!;
    expect(app.servicePrincipalObjectId).toBeNull();
    const sp = await graph(sandbox, token, 'POST', 'servicePrincipals', { appId: app.clientId });
    expect(sp.status).toBe(201);
    expect(app.servicePrincipalObjectId).toBe(sp.body.id);
  });
});
