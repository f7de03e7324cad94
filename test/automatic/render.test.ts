import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/automatic/plan.js';
import { cmdletLine, planJson, renderPlan } from '../../src/automatic/render.js';
import { CLOUDS } from '../../src/cloud.js';
import { loadLanguage } from '../../src/messages/index.js';
import { expectValid } from '../support/json-schema.js';

const now = new Date('2026-12-01T20:00:00.000Z');
const secret = buildPlan({ mailbox: 'alerts@contoso.com', cloud: CLOUDS.global, now });
const certificate = buildPlan({ mailbox: 'alerts@contoso.com', from: 'noreply@contoso.com', appName: "O'Brien alerts", credential: 'certificate', cloud: CLOUDS.usgov, tenant: 'contoso.onmicrosoft.us', now });

describe('the plan in words', () => {
  it.each(['en', 'de'] as const)('%s: a secret, the mailbox as sender', async (lang) => {
    expect(renderPlan(secret, await loadLanguage(lang), { dryRun: true })).toMatchSnapshot();
  });

  it.each(['en', 'de'] as const)('%s: a certificate, another sender, a tenant, GCC High', async (lang) => {
    expect(renderPlan(certificate, await loadLanguage(lang), { dryRun: true })).toMatchSnapshot();
  });

  it('cmdlets are language-neutral, their values quoted as PowerShell reads them back', () => {
    const step = certificate.steps.find((s) => s.kind === 'exchange-cmdlet' && s.name === 'New-ServicePrincipal');
    expect(step && step.kind === 'exchange-cmdlet' && cmdletLine(step)).toBe(
      "New-ServicePrincipal -AppId <from create-app: appId> -ObjectId <from create-service-principal: id> -DisplayName 'O''Brien alerts'",
    );
  });

  it('each step that needs a permission says which (scopes and roles of src/admin/requirements.ts)', async () => {
    const text = renderPlan(secret, await loadLanguage('en'), { dryRun: true });
    expect(text).toContain('needs AppRoleAssignment.ReadWrite.All and Application.Read.All, as Privileged Role Administrator');
    expect(text).toContain('needs AdminApi.AccessAsUser.All, as Exchange Administrator or Global Administrator');
  });
});

describe('the plan as JSON', () => {
  it.each([secret, certificate])('follows schema/automatic-plan.schema.json', (plan) => {
    expectValid('automatic-plan', JSON.parse(JSON.stringify(planJson(plan, 'de'))));
  });

  it('the schema refuses a step it does not know, and a tag with a space', () => {
    const bad = JSON.parse(JSON.stringify(planJson(secret, 'en')));
    bad.plan.steps.push({ kind: 'delete-tenant' });
    expect(() => expectValid('automatic-plan', bad)).toThrow();
    const spaced = JSON.parse(JSON.stringify(planJson(secret, 'en')));
    spaced.plan.steps.find((s: { kind: string }) => s.kind === 'create-app').tags = ['two words'];
    expect(() => expectValid('automatic-plan', spaced)).toThrow();
  });
});
