import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_ADDRESSES, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { adminToken, EXCHANGE_ONLINE_APP_ID, exchangeAdminToken, graph, invokeCommand, lookUpSendAsApp } from './admin-helpers.js';
import { mailer, postToken, rejectionOf } from './helpers.js';

// Replication delays, automation-notes.md §4: each new object is invisible to reads and references
// for `replicationDelayMs`. The clock is injected: no test sleeps.

const DELAY = 200;
let sandbox: Sandbox;
let clock = Date.now();
let token: string;

beforeAll(async () => {
  sandbox = await startSandbox({ replicationDelayMs: DELAY, clock: () => clock });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  clock = Date.now();
  sandbox.applyScenario('healthy');
  sandbox.automation.replicationDelayMs = DELAY;
  token = await adminToken(sandbox);
});

async function createApp() {
  const { roleId, exchangeSpId } = await lookUpSendAsApp(sandbox, token);
  const app = await graph(sandbox, token, 'POST', 'applications', {
    displayName: 'Replicating',
    requiredResourceAccess: [{ resourceAppId: EXCHANGE_ONLINE_APP_ID, resourceAccess: [{ id: roleId, type: 'Role' }] }],
    tags: ['smtp-oauth-setup'],
  });
  expect(app.status).toBe(201);
  return { appObjectId: String(app.body.id), clientId: String(app.body.appId), roleId, exchangeSpId };
}

const tokenWith = (clientId: string, secret: string) =>
  postToken(sandbox, sandbox.tenant.id, { client_id: clientId, client_secret: secret, scope: 'https://outlook.office365.com/.default', grant_type: 'client_credentials' });

describe('right after POST /applications', () => {
  it('POST /servicePrincipals answers 404 "Resource … does not exist or one of its queried reference-property objects are not present", then succeeds', async () => {
    const app = await createApp();
    const early = await graph<{ error: { code: string; message: string } }>(sandbox, token, 'POST', 'servicePrincipals', { appId: app.clientId });
    expect(early.status).toBe(404);
    expect(early.body.error).toEqual({
      code: 'Request_ResourceNotFound',
      message: `Resource '${app.clientId}' does not exist or one of its queried reference-property objects are not present.`,
      innerError: expect.any(Object),
    });
    clock += DELAY - 1;
    expect((await graph(sandbox, token, 'POST', 'servicePrincipals', { appId: app.clientId })).status).toBe(404);
    clock += 1;
    expect((await graph(sandbox, token, 'POST', 'servicePrincipals', { appId: app.clientId })).status).toBe(201);
  });

  it('reads do not see the app yet (GET by id 404, filter by tag empty), and the token endpoint does not know it (AADSTS700016)', async () => {
    const app = await createApp();
    expect((await graph(sandbox, token, 'GET', `applications/${app.appObjectId}`)).status).toBe(404);
    const listed = await graph<{ value: unknown[] }>(sandbox, token, 'GET', `applications?$filter=${encodeURIComponent("tags/any(t:t eq 'smtp-oauth-setup')")}`);
    expect(listed.body.value).toEqual([]);
    expect(JSON.parse((await tokenWith(app.clientId, 'x')).body).error_codes).toEqual([700016]);
    clock += DELAY;
    expect((await graph(sandbox, token, 'GET', `applications/${app.appObjectId}`)).status).toBe(200);
  });
});

describe('right after POST /servicePrincipals', () => {
  it('appRoleAssignedTo answers 400 "Not a valid reference update.", then grants', async () => {
    const app = await createApp();
    clock += DELAY;
    const sp = await graph(sandbox, token, 'POST', 'servicePrincipals', { appId: app.clientId });
    const body = { principalId: sp.body.id, resourceId: app.exchangeSpId, appRoleId: app.roleId };
    const early = await graph<{ error: { code: string; message: string } }>(sandbox, token, 'POST', `servicePrincipals/${app.exchangeSpId}/appRoleAssignedTo`, body);
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: 'Request_BadRequest', message: 'Not a valid reference update.' });
    expect(sandbox.tenant.apps.find((a) => a.clientId === app.clientId)?.consentedRoles).toEqual([]);
    clock += DELAY;
    expect((await graph(sandbox, token, 'POST', `servicePrincipals/${app.exchangeSpId}/appRoleAssignedTo`, body)).status).toBe(201);
    // Listing assignments lags behind too.
    const list = () => graph<{ value: { principalId: string }[] }>(sandbox, token, 'GET', `servicePrincipals/${app.exchangeSpId}/appRoleAssignedTo`);
    expect((await list()).body.value.map((a) => a.principalId)).not.toContain(sp.body.id);
    clock += DELAY;
    expect((await list()).body.value.map((a) => a.principalId)).toContain(sp.body.id);
  });

  it('New-ServicePrincipal in Exchange fails while the Entra service principal is not visible, then succeeds', async () => {
    const app = await createApp();
    clock += DELAY;
    const sp = await graph(sandbox, token, 'POST', 'servicePrincipals', { appId: app.clientId });
    const exo = await exchangeAdminToken(sandbox);
    const params = { AppId: app.clientId, ObjectId: String(sp.body.id), DisplayName: 'Replicating' };
    const early = await invokeCommand(sandbox, exo, 'New-ServicePrincipal', params);
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body)).toContain(app.clientId);
    expect(sandbox.tenant.exchangeServicePrincipals.some((x) => x.appId === app.clientId)).toBe(false);
    clock += DELAY;
    expect((await invokeCommand(sandbox, exo, 'New-ServicePrincipal', params)).status).toBe(200);
  });
});

describe('right after addPassword', () => {
  it('the token endpoint refuses the new secret with AADSTS7000215 for the delay, then issues the token', async () => {
    const app = await createApp();
    clock += DELAY;
    await graph(sandbox, token, 'POST', 'servicePrincipals', { appId: app.clientId });
    clock += DELAY;
    const password = await graph(sandbox, token, 'POST', `applications/${app.appObjectId}/addPassword`, { passwordCredential: { displayName: 'x' } });
    const secret = String(password.body.secretText);
    const early = await tokenWith(app.clientId, secret);
    expect(early.status).toBe(401);
    expect(JSON.parse(early.body).error_codes).toEqual([7000215]);
    clock += DELAY;
    expect((await tokenWith(app.clientId, secret)).status).toBe(200);
  });
});

describe('steps 2–3 in Exchange, then SMTP AUTH', () => {
  it('AUTH answers 535 5.7.3 until the new Exchange service principal and FullAccess have replicated, while the admin endpoint reads them at once', async () => {
    const app = await createApp();
    clock += DELAY;
    const sp = await graph(sandbox, token, 'POST', 'servicePrincipals', { appId: app.clientId });
    clock += DELAY;
    await graph(sandbox, token, 'POST', `servicePrincipals/${app.exchangeSpId}/appRoleAssignedTo`, { principalId: sp.body.id, resourceId: app.exchangeSpId, appRoleId: app.roleId });
    const password = await graph(sandbox, token, 'POST', `applications/${app.appObjectId}/addPassword`, { passwordCredential: {} });
    clock += DELAY;
    const exo = await exchangeAdminToken(sandbox);
    await invokeCommand(sandbox, exo, 'New-ServicePrincipal', { AppId: app.clientId, ObjectId: String(sp.body.id) });
    await invokeCommand(sandbox, exo, 'Add-MailboxPermission', { Identity: SANDBOX_ADDRESSES.mailbox, User: String(sp.body.id), AccessRights: ['FullAccess'], AutoMapping: false });
    expect((await invokeCommand(sandbox, exo, 'Get-ServicePrincipal', { Identity: app.clientId })).body.value).toHaveLength(1);
    const tokenRes = await tokenWith(app.clientId, String(password.body.secretText));
    const accessToken = (JSON.parse(tokenRes.body) as { access_token: string }).access_token;
    const early = await rejectionOf(mailer(sandbox, { user: SANDBOX_ADDRESSES.mailbox, accessToken }).verify());
    expect(early.response).toMatch(/^535 5\.7\.3 /);
    expect(sandbox.authAttempts.at(-1)?.outcome).toBe('no-exchange-service-principal');
    clock += DELAY;
    await expect(mailer(sandbox, { user: SANDBOX_ADDRESSES.mailbox, accessToken }).verify()).resolves.toBe(true);
  });
});

it('without a delay (automation.replicationDelayMs = 0) every object is visible at once', async () => {
  sandbox.automation.replicationDelayMs = 0;
  const app = await createApp();
  expect((await graph(sandbox, token, 'POST', 'servicePrincipals', { appId: app.clientId })).status).toBe(201);
});
