import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExchangeAdminClient } from '../../src/admin/exchange.js';
import { GraphClient } from '../../src/admin/graph.js';
import { missingPermissions } from '../../src/admin/requirements.js';
import { EXCHANGE_RESOURCE } from '../../src/admin/sign-in.js';
import { acquireToken } from '../../src/token/acquire.js';
import { decodeClaims } from '../../src/token/claims.js';
import { SANDBOX_ADDRESSES, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { addOwnPublicClient, httpOptions, sandboxSignIn } from './support.js';

// The whole of steps 1–3 through the library (real HTTPS with the sandbox's CA, real MSAL, real
// nodemailer), ending with a client-credentials token that carries SMTP.SendAsApp and an AUTH XOAUTH2
// that Exchange (the sandbox) accepts.

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ deviceCode: { intervalSeconds: 0, autoApproveMs: 30 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
  sandbox.automation.deviceCodeAutoApproveMs = 30;
});

describe('one sign-in, steps 1–3, then a working sender', () => {
  it('signs in once (Graph by device code, Exchange silently), checks the permissions, makes the app, consents, adds a secret, runs steps 2–3, and SMTP AUTH succeeds', async () => {
    const clientId = addOwnPublicClient(sandbox);
    const { session, prompts } = await sandboxSignIn(sandbox, { clientId });
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatchObject({ kind: 'device-code', url: `${sandbox.authorityHost}/devicelogin` });
    expect(prompts[0]?.message.id).toBe('admin.sign-in.device-code');

    const graphToken = session.first;
    const deviceCodesBefore = sandbox.stats().deviceCodeRequests;
    const exchangeToken = await session.tokenFor(EXCHANGE_RESOURCE);
    // The second token came from the same sign-in: no second device code.
    expect(sandbox.stats().deviceCodeRequests).toBe(deviceCodesBefore);
    expect(exchangeToken.scopes).toEqual(['AdminApi.AccessAsUser.All']);
    expect(graphToken.scopes).toContain('AppRoleAssignment.ReadWrite.All');
    expect(session.username).toBe('admin@contoso-sandbox.onmicrosoft.com');

    // Before anything is changed: everything planned is within the sign-in.
    expect(missingPermissions(graphToken, ['read-applications', 'write-applications', 'grant-permission', 'read-policy'])).toEqual([]);
    expect(missingPermissions(exchangeToken, ['exchange-admin'])).toEqual([]);

    const graph = new GraphClient({ graphUrl: sandbox.graphUrl, token: graphToken.accessToken, ...httpOptions(sandbox) });
    expect(await graph.securityDefaults()).toEqual({ state: 'disabled' });
    const role = await graph.findSendAsAppRole();
    // Looked up, never hard-coded: the sandbox makes a new role id per start.
    const expectedRole = sandbox.tenant.directory.exchangeOnline.appRoles.find((r) => r.value === 'SMTP.SendAsApp');
    expect(role).toEqual({ exchangeServicePrincipalId: sandbox.tenant.directory.exchangeOnline.id, roleId: expectedRole?.id });
    if (!role) throw new Error('no role');

    const app = await graph.createApplication({ displayName: 'SMTP sender (automatic)', tags: ['smtp-oauth-setup'], notes: 'made by a test', sendAsApp: role });
    expect(app.requiredResourceAccess).toEqual([{ resourceAppId: '00000002-0000-0ff1-ce00-000000000000', resourceAccess: [{ id: role.roleId, type: 'Role' }] }]);
    expect((await graph.findApplicationsByTag('smtp-oauth-setup')).map((a) => a.appId)).toContain(app.appId);
    expect((await graph.findApplicationByAppId(app.appId))?.id).toBe(app.id);
    const sp = await graph.createServicePrincipal(app.appId);
    expect((await graph.findServicePrincipalByAppId(app.appId))?.id).toBe(sp.id);
    const assignment = await graph.grantSendAsApp(sp.id, role);
    expect(assignment).toMatchObject({ principalId: sp.id, resourceId: role.exchangeServicePrincipalId, appRoleId: role.roleId });
    expect((await graph.listAssignments(role)).map((a) => a.principalId)).toContain(sp.id);
    const password = await graph.addPassword(app.id, 'smtp-oauth-setup', new Date(Date.now() + 180 * 86_400_000));
    expect(String(password.secretText)).toBe('[secret]');

    const exo = new ExchangeAdminClient({
      exchangeUrl: sandbox.exchangeUrl,
      tenantId: session.tenantId,
      token: exchangeToken.accessToken,
      adminUpn: session.username,
      ...httpOptions(sandbox),
    });
    expect(await exo.getServicePrincipal(app.appId)).toEqual({ kind: 'ok', value: null, warnings: [] });
    expect(await exo.newServicePrincipal(app.appId, sp.id, 'SMTP sender (automatic)')).toMatchObject({ kind: 'ok', value: { appId: app.appId, objectId: sp.id } });
    // Each change followed by a read that confirms it.
    expect(await exo.getServicePrincipal(app.appId)).toMatchObject({ kind: 'ok', value: { objectId: sp.id } });
    expect((await exo.addMailboxPermission(SANDBOX_ADDRESSES.mailbox, sp.id)).kind).toBe('ok');
    expect(await exo.getMailboxPermission(SANDBOX_ADDRESSES.mailbox, sp.id)).toMatchObject({ kind: 'ok', value: [{ user: sp.id, accessRights: ['FullAccess'] }] });
    expect((await exo.addRecipientPermission(SANDBOX_ADDRESSES.mailbox, sp.id)).kind).toBe('ok');
    expect(await exo.getRecipientPermission(SANDBOX_ADDRESSES.mailbox, sp.id)).toMatchObject({ kind: 'ok', value: [sp.id] });
    expect((await exo.setCasMailbox(SANDBOX_ADDRESSES.mailbox, false)).kind).toBe('ok');
    expect(await exo.getCasMailbox(SANDBOX_ADDRESSES.mailbox)).toMatchObject({ kind: 'ok', value: { smtpClientAuthenticationDisabled: false } });
    expect((await exo.getTransportConfig()).kind).toBe('ok');
    // The headers the notes list reached the endpoint.
    const cmdletStatuses = sandbox.eventLog.flatMap((e) => (e.server === 'exchange-admin' && 'status' in e ? [e.status] : []));
    expect(cmdletStatuses.length).toBeGreaterThanOrEqual(10);
    // Only the first read (no Exchange service principal yet: ManagementObjectNotFoundException) is not a 200.
    expect(cmdletStatuses.filter((s) => s !== 200)).toEqual([400]);

    // The proof: a client-credentials token with SMTP.SendAsApp, and AUTH XOAUTH2 accepted.
    const token = await acquireToken({
      authorityHost: sandbox.authorityHost,
      tenantId: sandbox.tenant.id,
      clientId: app.appId,
      credential: { kind: 'secret', secret: password.secretText },
      scope: 'https://outlook.office365.com/.default',
      timeoutMs: 5000,
      extraCaPem: sandbox.caPem,
    });
    const claims = decodeClaims(token.accessToken);
    expect(claims.roles).toContain('SMTP.SendAsApp');
    expect(claims.oid).toBe(sp.id);
    const transport = nodemailer.createTransport({
      host: sandbox.smtp.host,
      port: sandbox.smtp.port,
      secure: false,
      requireTLS: true,
      tls: { ca: sandbox.caPem, minVersion: 'TLSv1.2' },
      auth: { type: 'OAuth2', user: SANDBOX_ADDRESSES.mailbox, accessToken: token.accessToken },
    });
    await expect(transport.verify()).resolves.toBe(true);
    expect(sandbox.authAttempts.at(-1)?.outcome).toBe('ok');

    // Secrets come and go: removePassword, and the app deleted at the end.
    await graph.removePassword(app.id, password.keyId);
    await graph.deleteApplication(app.id);
    expect(await graph.findApplicationByAppId(app.appId)).toBeNull();
  });
});
