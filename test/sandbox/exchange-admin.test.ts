import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_ADDRESSES, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { adminToken, exchangeAdminToken, invokeCommand, step1 } from './admin-helpers.js';
import { fetchAccessToken, mailer, rejectionOf } from './helpers.js';

// Exchange Online's admin endpoint, InvokeCommand (automation-notes.md §3): cmdlets of steps 2–3,
// `{ value: [...] }` answers, the error shapes the notes list, and write-through to what the SMTP
// server checks at AUTH (catalog B.1).

interface CmdletErrorBody {
  error: {
    message: string;
    details: { message: string }[];
    innererror: { internalException: { message: string } };
  };
}

let sandbox: Sandbox;
let exo: string;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  sandbox.applyScenario('healthy');
  sandbox.automation.exchangeAdminAnswer = 'normal';
  exo = await exchangeAdminToken(sandbox);
});

/** Steps 1–3 done by the tools: Graph, then the cmdlets; returns the new app's settings. */
async function stepsOneToThree() {
  const made = await step1(sandbox, await adminToken(sandbox));
  const created = await invokeCommand(sandbox, exo, 'New-ServicePrincipal', { AppId: made.clientId, ObjectId: made.servicePrincipalId, DisplayName: 'SMTP sender (automatic)' });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const permission = await invokeCommand(sandbox, exo, 'Add-MailboxPermission', {
    Identity: SANDBOX_ADDRESSES.otherMailbox,
    User: made.servicePrincipalId,
    AccessRights: ['FullAccess'],
    AutoMapping: false,
  });
  expect(permission.status, JSON.stringify(permission.body)).toBe(200);
  const cas = await invokeCommand(sandbox, exo, 'Set-CASMailbox', { Identity: SANDBOX_ADDRESSES.otherMailbox, SmtpClientAuthenticationDisabled: false });
  expect(cas.status).toBe(200);
  return made;
}

describe('steps 2–3 write through: the SMTP server then accepts XOAUTH2', () => {
  it('New-ServicePrincipal, Add-MailboxPermission, Set-CASMailbox: nodemailer AUTH succeeds, and failed before', async () => {
    const made = await step1(sandbox, await adminToken(sandbox));
    const appToken = await fetchAccessToken(sandbox, { clientId: made.clientId, clientSecret: made.secret });
    const before = await rejectionOf(mailer(sandbox, { user: SANDBOX_ADDRESSES.otherMailbox, accessToken: appToken }).verify());
    expect(before.responseCode).toBe(535);

    await invokeCommand(sandbox, exo, 'New-ServicePrincipal', { AppId: made.clientId, ObjectId: made.servicePrincipalId, DisplayName: 'SMTP sender (automatic)' });
    await invokeCommand(sandbox, exo, 'Add-MailboxPermission', { Identity: SANDBOX_ADDRESSES.otherMailbox, User: made.servicePrincipalId, AccessRights: ['FullAccess'], AutoMapping: false });
    // billing@ inherits the org's SMTP AUTH off: 5.7.139 until the mailbox allows it.
    const inherited = await rejectionOf(mailer(sandbox, { user: SANDBOX_ADDRESSES.otherMailbox, accessToken: appToken }).verify());
    expect(inherited.response).toMatch(/^535 5\.7\.139 .*disabled for the Tenant/);
    await invokeCommand(sandbox, exo, 'Set-CASMailbox', { Identity: SANDBOX_ADDRESSES.otherMailbox, SmtpClientAuthenticationDisabled: false });

    await expect(mailer(sandbox, { user: SANDBOX_ADDRESSES.otherMailbox, accessToken: appToken }).verify()).resolves.toBe(true);
  });

  it('Add-RecipientPermission SendAs lets the app send from another mailbox (550 5.7.60 before)', async () => {
    const made = await stepsOneToThree();
    const appToken = await fetchAccessToken(sandbox, { clientId: made.clientId, clientSecret: made.secret });
    const send = () =>
      mailer(sandbox, { user: SANDBOX_ADDRESSES.otherMailbox, accessToken: appToken }).sendMail({
        from: SANDBOX_ADDRESSES.mailbox,
        to: SANDBOX_ADDRESSES.recipient,
        subject: 'SendAs',
        text: 'x',
      });
    expect((await rejectionOf(send())).responseCode).toBe(550);
    const granted = await invokeCommand(sandbox, exo, 'Add-RecipientPermission', { Identity: SANDBOX_ADDRESSES.mailbox, Trustee: made.servicePrincipalId, AccessRights: ['SendAs'], Confirm: false });
    expect(granted.body.value).toEqual([expect.objectContaining({ Trustee: made.servicePrincipalId, AccessRights: ['SendAs'] })]);
    await expect(send()).resolves.toMatchObject({ accepted: [SANDBOX_ADDRESSES.recipient] });
    const read = await invokeCommand(sandbox, exo, 'Get-RecipientPermission', { Identity: SANDBOX_ADDRESSES.mailbox, Trustee: made.servicePrincipalId });
    expect(read.body.value).toHaveLength(1);
    await invokeCommand(sandbox, exo, 'Remove-RecipientPermission', { Identity: SANDBOX_ADDRESSES.mailbox, Trustee: made.servicePrincipalId, AccessRights: ['SendAs'], Confirm: false });
    expect(sandbox.tenant.mailboxes.find((m) => m.address === SANDBOX_ADDRESSES.mailbox)?.sendAs).toEqual([]);
  });

  it('New-ServicePrincipal takes the app registration object id too (as Exchange does): AUTH then fails 535 5.7.3', async () => {
    const made = await step1(sandbox, await adminToken(sandbox));
    await invokeCommand(sandbox, exo, 'New-ServicePrincipal', { AppId: made.clientId, ObjectId: made.appObjectId });
    await invokeCommand(sandbox, exo, 'Add-MailboxPermission', { Identity: SANDBOX_ADDRESSES.mailbox, User: made.appObjectId, AccessRights: 'FullAccess' });
    const appToken = await fetchAccessToken(sandbox, { clientId: made.clientId, clientSecret: made.secret });
    expect((await rejectionOf(mailer(sandbox, { user: SANDBOX_ADDRESSES.mailbox, accessToken: appToken }).verify())).response).toMatch(/^535 5\.7\.3 /);
  });
});

describe('reads that confirm each step', () => {
  it('Get-ServicePrincipal, Get-MailboxPermission, Get-CASMailbox, Get-TransportConfig answer { value: [...] }', async () => {
    const made = await stepsOneToThree();
    const sp = await invokeCommand(sandbox, exo, 'Get-ServicePrincipal', { Identity: made.clientId });
    expect(sp.body.value).toEqual([expect.objectContaining({ AppId: made.clientId, ObjectId: made.servicePrincipalId, DisplayName: 'SMTP sender (automatic)' })]);
    const perms = await invokeCommand(sandbox, exo, 'Get-MailboxPermission', { Identity: SANDBOX_ADDRESSES.otherMailbox, User: made.servicePrincipalId });
    expect(perms.body.value).toEqual([expect.objectContaining({ User: made.servicePrincipalId, AccessRights: ['FullAccess'], Deny: false })]);
    const cas = await invokeCommand(sandbox, exo, 'Get-CASMailbox', { Identity: SANDBOX_ADDRESSES.otherMailbox });
    expect(cas.body.value).toEqual([expect.objectContaining({ PrimarySmtpAddress: SANDBOX_ADDRESSES.otherMailbox, SmtpClientAuthenticationDisabled: false })]);
    const transport = await invokeCommand(sandbox, exo, 'Get-TransportConfig');
    expect(transport.body.value).toEqual([expect.objectContaining({ SmtpClientAuthenticationDisabled: true })]);
    expect(transport.body['@odata.context']).toContain('/adminapi/beta/');
  });

  it('Remove-MailboxPermission and Remove-ServicePrincipal undo; removing what is not there is a warning', async () => {
    const made = await stepsOneToThree();
    const removed = await invokeCommand(sandbox, exo, 'Remove-MailboxPermission', { Identity: SANDBOX_ADDRESSES.otherMailbox, User: made.servicePrincipalId, AccessRights: ['FullAccess'], Confirm: false });
    expect(removed.status).toBe(200);
    expect(removed.body['@adminapi.warnings']).toBeUndefined();
    const again = await invokeCommand(sandbox, exo, 'Remove-MailboxPermission', { Identity: SANDBOX_ADDRESSES.otherMailbox, User: made.servicePrincipalId, AccessRights: ['FullAccess'], Confirm: false });
    expect(again.body['@adminapi.warnings']).toEqual([expect.stringContaining("the ACE doesn't exist")]);
    expect((await invokeCommand(sandbox, exo, 'Remove-ServicePrincipal', { Identity: made.servicePrincipalId, Confirm: false })).status).toBe(200);
    expect(sandbox.tenant.exchangeServicePrincipals.some((sp) => sp.appId === made.clientId)).toBe(false);
  });
});

describe('errors in the shapes the notes list', () => {
  it('a cmdlet error carries Code|Type|Message in details, the internal exception and error.message', async () => {
    const res = await invokeCommand(sandbox, exo, 'Get-ServicePrincipal', { Identity: '0f0f0f0f-1111-4222-8333-444444444444' });
    expect(res.status).toBe(400);
    const body = res.body as unknown as CmdletErrorBody;
    const text = "The operation couldn't be performed because object '0f0f0f0f-1111-4222-8333-444444444444' couldn't be found on";
    expect(body.error.details[0]?.message).toMatch(new RegExp(`^Ex[0-9A-F]{6}\\|Microsoft\\.Exchange\\.Configuration\\.Tasks\\.ManagementObjectNotFoundException\\|${text.replace(/[.()']/g, '\\$&')}`));
    expect(body.error.innererror.internalException.message).toContain(text);
    expect(body.error.message).toContain(text);
  });

  it('an unknown cmdlet, an unknown parameter, a missing mandatory parameter, an unknown mailbox user', async () => {
    expect(((await invokeCommand(sandbox, exo, 'Get-Nothing')).body as unknown as CmdletErrorBody).error.message).toMatch(/^The term 'Get-Nothing' is not recognized/);
    expect(((await invokeCommand(sandbox, exo, 'Get-TransportConfig', { Bogus: 1 })).body as unknown as CmdletErrorBody).error.message).toBe(
      "A parameter cannot be found that matches parameter name 'Bogus'.",
    );
    expect(((await invokeCommand(sandbox, exo, 'New-ServicePrincipal', { AppId: '0f0f0f0f-1111-4222-8333-444444444444' })).body as unknown as CmdletErrorBody).error.message).toMatch(/missing mandatory parameters: ObjectId/);
    const user = await invokeCommand(sandbox, exo, 'Add-MailboxPermission', { Identity: SANDBOX_ADDRESSES.mailbox, User: 'nobody', AccessRights: ['FullAccess'] });
    expect((user.body as unknown as CmdletErrorBody).error.message).toBe('User or group "nobody" wasn\'t found. Please make sure you\'ve typed it correctly.');
  });

  it('needs a delegated Exchange token: 401 without one, with a Graph token, or for another tenant in the path', async () => {
    expect((await invokeCommand(sandbox, null, 'Get-TransportConfig')).status).toBe(401);
    expect((await invokeCommand(sandbox, await adminToken(sandbox), 'Get-TransportConfig')).status).toBe(401);
    expect((await invokeCommand(sandbox, exo, 'Get-TransportConfig', {}, '0f0f0f0f-1111-4222-8333-444444444444')).status).toBe(401);
  });

  it('refuses an administrator without the Exchange Administrator role (403), and changes nothing', async () => {
    sandbox.tenant.directory.admins[0]!.roles = ['applicationAdministrator', 'privilegedRoleAdministrator'];
    const res = await invokeCommand(sandbox, exo, 'Set-CASMailbox', { Identity: SANDBOX_ADDRESSES.otherMailbox, SmtpClientAuthenticationDisabled: false });
    expect(res.status).toBe(403);
    expect((res.body as unknown as CmdletErrorBody).error.message).toContain("isn't assigned to any management roles");
    expect(sandbox.tenant.mailboxes.find((m) => m.address === SANDBOX_ADDRESSES.otherMailbox)?.smtpClientAuthenticationDisabled).toBeNull();
    sandbox.tenant.directory.admins[0]!.roles = ['exchangeAdministrator'];
    expect((await invokeCommand(sandbox, exo, 'Get-TransportConfig')).status).toBe(200);
  });

  it('in the "unexpected" mode answers 200 with a body that has no value (and changes nothing)', async () => {
    sandbox.automation.exchangeAdminAnswer = 'unexpected';
    const res = await invokeCommand(sandbox, exo, 'Set-CASMailbox', { Identity: SANDBOX_ADDRESSES.otherMailbox, SmtpClientAuthenticationDisabled: false });
    expect(res.status).toBe(200);
    expect(res.body.value).toBeUndefined();
    expect(sandbox.tenant.mailboxes.find((m) => m.address === SANDBOX_ADDRESSES.otherMailbox)?.smtpClientAuthenticationDisabled).toBeNull();
  });
});

describe('request counter', () => {
  it('counts admin endpoint requests and records each with its cmdlet name', async () => {
    const before = sandbox.stats().exchangeAdminRequests;
    const from = sandbox.eventLog.length;
    await invokeCommand(sandbox, exo, 'Get-TransportConfig');
    await invokeCommand(sandbox, exo, 'Get-CASMailbox', { Identity: SANDBOX_ADDRESSES.mailbox });
    expect(sandbox.stats().exchangeAdminRequests - before).toBe(2);
    expect(sandbox.eventLog.slice(from).flatMap((e) => (e.server === 'exchange-admin' ? [`${e.operation} ${e.status}`] : []))).toEqual([
      'Get-TransportConfig 200',
      'Get-CASMailbox 200',
    ]);
  });
});

describe('the tenant as the scenarios leave it', () => {
  it('wrong-object-id: Get-ServicePrincipal shows the app registration object id where the Enterprise application id belongs', async () => {
    sandbox.applyScenario('wrong-object-id');
    exo = await exchangeAdminToken(sandbox);
    const app = sandbox.tenant.apps[0]!;
    const res = await invokeCommand(sandbox, exo, 'Get-ServicePrincipal', { Identity: app.clientId });
    expect(res.body.value?.[0]).toMatchObject({ AppId: app.clientId, ObjectId: app.appObjectId });
    expect(app.servicePrincipalObjectId).not.toBe(app.appObjectId);
  });
});
