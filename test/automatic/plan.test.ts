import { describe, expect, it } from 'vitest';
import { EXCHANGE_ONLINE_APP_ID } from '../../src/admin/graph.js';
import { addMonths, buildPlan, FROM_CREATE_APP, FROM_SERVICE_PRINCIPAL, planOperations, type PlanStep, TOOL_APP_TAG } from '../../src/automatic/plan.js';
import { CLOUD_NAMES, CLOUDS } from '../../src/cloud.js';

const now = new Date('2026-12-01T20:00:00.000Z');
const base = { mailbox: 'alerts@contoso.com', cloud: CLOUDS.global, now };

const reads: PlanStep[] = [
  { kind: 'read-security-defaults', operation: 'read-policy' },
  { kind: 'read-smtp-auth', scope: 'organization', cmdlet: 'Get-TransportConfig', operation: 'exchange-admin' },
  { kind: 'read-smtp-auth', scope: 'mailbox', mailbox: 'alerts@contoso.com', cmdlet: 'Get-CASMailbox', operation: 'exchange-admin' },
  { kind: 'read-exchange-service-principal', cmdlet: 'Get-ServicePrincipal', operation: 'exchange-admin' },
];
const graph = (name: string): PlanStep[] => [
  { kind: 'find-exchange-role', resourceAppId: EXCHANGE_ONLINE_APP_ID, role: 'SMTP.SendAsApp', operation: 'read-applications' },
  {
    kind: 'create-app',
    displayName: name,
    tags: ['smtp-oauth-setup'],
    signInAudience: 'AzureADMyOrg',
    requiredResourceAccess: [{ resourceAppId: '00000002-0000-0ff1-ce00-000000000000', resourceAccess: [{ role: 'SMTP.SendAsApp', type: 'Role' }] }],
    operation: 'write-applications',
  },
  { kind: 'create-service-principal', operation: 'write-applications' },
  { kind: 'grant-app-role', role: 'SMTP.SendAsApp', resourceAppId: EXCHANGE_ONLINE_APP_ID, operation: 'grant-permission' },
];
const exchange = (name: string, sendAs?: string): PlanStep[] => [
  {
    kind: 'exchange-cmdlet',
    name: 'New-ServicePrincipal',
    parameters: { AppId: '<from create-app: appId>', ObjectId: '<from create-service-principal: id>', DisplayName: name },
    operation: 'exchange-admin',
  },
  {
    kind: 'exchange-cmdlet',
    name: 'Add-MailboxPermission',
    parameters: { Identity: 'alerts@contoso.com', User: FROM_SERVICE_PRINCIPAL, AccessRights: 'FullAccess', AutoMapping: false },
    operation: 'exchange-admin',
  },
  ...(sendAs
    ? [{ kind: 'exchange-cmdlet', name: 'Add-RecipientPermission', parameters: { Identity: sendAs, Trustee: FROM_SERVICE_PRINCIPAL, AccessRights: 'SendAs' }, operation: 'exchange-admin' } as PlanStep]
    : []),
  { kind: 'exchange-cmdlet', name: 'Set-CASMailbox', parameters: { Identity: 'alerts@contoso.com', SmtpClientAuthenticationDisabled: false }, operation: 'exchange-admin' },
];

describe('buildPlan', () => {
  it('a client secret, the sender the mailbox itself: every default, no Send As step', () => {
    expect(buildPlan(base)).toEqual({
      mailbox: 'alerts@contoso.com',
      from: 'alerts@contoso.com',
      appName: 'smtp-oauth-setup alerts@contoso.com',
      credential: 'secret',
      cloud: 'global',
      graphUrl: 'https://graph.microsoft.com/v1.0/',
      exchangeUrl: 'https://outlook.office365.com',
      tenant: null,
      steps: [
        ...reads,
        ...graph('smtp-oauth-setup alerts@contoso.com'),
        { kind: 'add-secret', displayName: 'smtp-oauth-setup', endDateTime: '2027-12-01T20:00:00.000Z', operation: 'write-applications' },
        ...exchange('smtp-oauth-setup alerts@contoso.com'),
        { kind: 'check', mailbox: 'alerts@contoso.com', from: 'alerts@contoso.com' },
      ],
    });
  });

  it('a certificate, another sender, a name, a tenant: Add-RecipientPermission for the sender, the certificate until then', () => {
    const plan = buildPlan({ ...base, from: 'noreply@contoso.com', appName: 'Alerts', credential: 'certificate', secretMonths: 6, tenant: 'contoso.onmicrosoft.com' });
    expect(plan.steps).toEqual([
      ...reads,
      ...graph('Alerts'),
      { kind: 'add-certificate', notAfter: '2027-06-01T20:00:00.000Z', operation: 'write-applications' },
      ...exchange('Alerts', 'noreply@contoso.com'),
      { kind: 'check', mailbox: 'alerts@contoso.com', from: 'noreply@contoso.com' },
    ]);
    expect(plan).toMatchObject({ from: 'noreply@contoso.com', appName: 'Alerts', credential: 'certificate', tenant: 'contoso.onmicrosoft.com' });
  });

  it('the sender spelled in other case is the mailbox: no Send As step', () => {
    const kinds = buildPlan({ ...base, from: 'Alerts@Contoso.com' }).steps.flatMap((s) => (s.kind === 'exchange-cmdlet' ? [s.name] : []));
    expect(kinds).toEqual(['New-ServicePrincipal', 'Add-MailboxPermission', 'Set-CASMailbox']);
  });

  it("New-ServicePrincipal takes the Enterprise application's object id (the service principal's), never the app's", () => {
    const step = buildPlan(base).steps.find((s) => s.kind === 'exchange-cmdlet' && s.name === 'New-ServicePrincipal');
    expect(step).toMatchObject({ parameters: { AppId: FROM_CREATE_APP, ObjectId: FROM_SERVICE_PRINCIPAL } });
  });

  it.each(CLOUD_NAMES)("%s: Graph's and Exchange's URLs from the cloud table, unless given", (name) => {
    const cloud = CLOUDS[name];
    expect(buildPlan({ ...base, cloud })).toMatchObject({ cloud: name, graphUrl: cloud.graphUrl, exchangeUrl: cloud.exchangeAdminUrl });
    expect(buildPlan({ ...base, cloud, graphUrl: 'https://127.0.0.1:4443/v1.0/', exchangeUrl: 'https://127.0.0.1:4444' })).toMatchObject({
      graphUrl: 'https://127.0.0.1:4443/v1.0/',
      exchangeUrl: 'https://127.0.0.1:4444',
    });
  });

  it("the cloud table's hosts per cloud (automation-notes §3; Graph's national clouds)", () => {
    expect(Object.fromEntries(CLOUD_NAMES.map((n) => [n, [CLOUDS[n].graphUrl, CLOUDS[n].exchangeAdminUrl]]))).toEqual({
      global: ['https://graph.microsoft.com/v1.0/', 'https://outlook.office365.com'],
      usgov: ['https://graph.microsoft.us/v1.0/', 'https://outlook.office365.us'],
      usgovdod: ['https://dod-graph.microsoft.us/v1.0/', 'https://outlook-dod.office365.us'],
      china: ['https://microsoftgraph.chinacloudapi.cn/v1.0/', 'https://partner.outlook.cn'],
    });
  });

  it('the tag is a valid Graph tag: 1–256 characters, no spaces', () => {
    expect(TOOL_APP_TAG).toMatch(/^\S{1,256}$/);
  });

  it('the operations the sign-in must allow, in first-use order', () => {
    expect(planOperations(buildPlan(base))).toEqual(['read-policy', 'exchange-admin', 'read-applications', 'write-applications', 'grant-permission']);
  });
});

describe('addMonths (the credential expiry from now)', () => {
  it.each([
    ['2026-12-01T20:00:00.000Z', 12, '2027-12-01T20:00:00.000Z'],
    ['2026-01-31T08:30:00.000Z', 1, '2026-02-28T08:30:00.000Z'],
    ['2027-08-31T00:00:00.000Z', 6, '2028-02-29T00:00:00.000Z'],
    ['2026-03-15T12:00:00.000Z', 24, '2028-03-15T12:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(new Date(from), months).toISOString()).toBe(expected);
  });
});
