import { describe, expect, it } from 'vitest';
import { CLOUDS } from '../../src/cloud.js';
import { loadLanguage } from '../../src/messages/index.js';
import { buildRemovalPlan, FROM_FIND_SERVICE_PRINCIPAL } from '../../src/remove/plan.js';
import { removalCmdletLine, removalPlanJson, renderRemovalPlan } from '../../src/remove/render.js';

const clientId = '11111111-2222-3333-4444-555555555555';
const same = buildRemovalPlan({ clientId, mailbox: 'alerts@contoso.com', cloud: CLOUDS.global });
const other = buildRemovalPlan({ clientId, mailbox: 'alerts@contoso.com', from: "o'brien@contoso.com", cloud: CLOUDS.usgov, tenant: 'contoso.onmicrosoft.us' });
const names = (plan: typeof same) => plan.steps.map((s) => (s.kind === 'exchange-cmdlet' ? s.name : s.kind));

describe('the removal plan', () => {
  it('the mailbox as sender: no Send As to remove; Exchange first, the app last, then the saved answers', () => {
    expect(names(same)).toEqual(['Remove-MailboxPermission', 'Remove-ServicePrincipal', 'delete-app', 'forget-saved']);
  });

  it('another sender: Send As first, then FullAccess, the Exchange service principal, the app', () => {
    expect(names(other)).toEqual(['Remove-RecipientPermission', 'Remove-MailboxPermission', 'Remove-ServicePrincipal', 'delete-app', 'forget-saved']);
    expect(other.steps[0]).toEqual({
      kind: 'exchange-cmdlet',
      name: 'Remove-RecipientPermission',
      parameters: { Identity: "o'brien@contoso.com", Trustee: FROM_FIND_SERVICE_PRINCIPAL, AccessRights: 'SendAs', Confirm: false },
      operation: 'exchange-admin',
    });
  });

  it('a sender differing only in case counts as the mailbox', () => {
    expect(names(buildRemovalPlan({ clientId, mailbox: 'alerts@contoso.com', from: 'Alerts@Contoso.com', cloud: CLOUDS.global }))).not.toContain('Remove-RecipientPermission');
  });

  it('the app deletion says it stays restorable for 30 days', () => {
    expect(same.steps.find((s) => s.kind === 'delete-app')).toEqual({ kind: 'delete-app', clientId, restorableDays: 30, operation: 'write-applications' });
  });

  it("endpoints: the cloud's unless given", () => {
    expect([other.cloud, other.graphUrl, other.exchangeUrl, other.tenant]).toEqual(['usgov', CLOUDS.usgov.graphUrl, CLOUDS.usgov.exchangeAdminUrl, 'contoso.onmicrosoft.us']);
    const sandbox = buildRemovalPlan({ clientId, mailbox: 'a@contoso.com', cloud: CLOUDS.global, graphUrl: 'https://127.0.0.1:1/v1.0/', exchangeUrl: 'https://127.0.0.1:2/' });
    expect([sandbox.graphUrl, sandbox.exchangeUrl, sandbox.tenant]).toEqual(['https://127.0.0.1:1/v1.0/', 'https://127.0.0.1:2/', null]);
  });

  it('cmdlet lines quote values as PowerShell reads them, placeholders bare', () => {
    expect(removalCmdletLine(other.steps[0] as Extract<(typeof other.steps)[number], { kind: 'exchange-cmdlet' }>)).toBe(
      `Remove-RecipientPermission -Identity 'o''brien@contoso.com' -Trustee ${FROM_FIND_SERVICE_PRINCIPAL} -AccessRights SendAs -Confirm:$false`,
    );
  });

  it('JSON: the plan as data with the language', () => {
    expect(removalPlanJson(same, 'de')).toEqual({ lang: 'de', plan: same });
  });
});

describe('the removal plan in words', () => {
  it.each(['en', 'de'] as const)('%s: another sender, a tenant', async (lang) => {
    expect(renderRemovalPlan(other, await loadLanguage(lang), { dryRun: true })).toMatchSnapshot();
  });

  it('without --dry-run: no dry-run line', async () => {
    const text = renderRemovalPlan(same, await loadLanguage('en'), { dryRun: false });
    expect(text).not.toContain('Dry run');
    expect(text).toContain('30 days');
  });
});
