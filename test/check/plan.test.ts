import { describe, expect, it } from 'vitest';
import { buildCheckPlan } from '../../src/check/plan.js';
import { CLOUDS } from '../../src/cloud.js';
import type { CheckInputs } from '../../src/inputs/check-inputs.js';
import { Secret } from '../../src/inputs/secret.js';

const SECRET = 'Abc8Q~plan.test.secret.value';
const inputs: CheckInputs = {
  cloud: CLOUDS.global,
  tenantId: 'contoso.onmicrosoft.com',
  clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  credential: { kind: 'secret', secret: new Secret(SECRET, 'AZURE_CLIENT_SECRET') },
  mailbox: 'relay@contoso.com',
  from: 'relay@contoso.com',
  to: null,
  authorityHost: 'https://login.microsoftonline.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  timeoutSeconds: 20,
  proxy: null,
};

describe('buildCheckPlan', () => {
  it('plans an AUTH-only check against Microsoft with static metadata', () => {
    expect(buildCheckPlan(inputs)).toEqual({
      cloud: 'global',
      token: {
        authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
        metadata: 'static',
        scope: 'https://outlook.office365.com/.default',
        clientId: inputs.clientId,
        credential: `client secret from AZURE_CLIENT_SECRET (${SECRET.length} characters, not shown)`,
        proxy: null,
      },
      claims: { requiredRole: 'SMTP.SendAsApp', audiences: ['https://outlook.office365.com', 'https://outlook.office.com'], tenantId: inputs.tenantId, clientId: inputs.clientId },
      smtp: { host: 'smtp.office365.com', port: 587, security: 'STARTTLS required, TLS 1.2 or later', mechanism: 'XOAUTH2', user: 'relay@contoso.com', from: 'relay@contoso.com', to: null, sendsMessage: false },
      timeoutSeconds: 20,
    });
  });
  it('takes the scope and audiences from the cloud', () => {
    const plan = buildCheckPlan({ ...inputs, cloud: CLOUDS.usgov, authorityHost: 'https://login.microsoftonline.us', smtpHost: 'smtp.office365.us' });
    expect(plan.token).toMatchObject({ authority: 'https://login.microsoftonline.us/contoso.onmicrosoft.com', metadata: 'static', scope: 'https://outlook.office365.us/.default' });
    expect(plan.claims.audiences).toEqual(['https://outlook.office365.us']);
  });
  it('shows an explicit proxy with its password masked', () => {
    const plan = buildCheckPlan({ ...inputs, proxy: 'http://ops:hunter2secret@proxy.contoso.com:8080' });
    expect(plan.token.proxy).toBe('http://ops:****@proxy.contoso.com:8080');
    expect(JSON.stringify(plan)).not.toContain('hunter2secret');
  });
  it('plans a send with discovery for another authority host', () => {
    const plan = buildCheckPlan({ ...inputs, to: 'it@contoso.com', authorityHost: 'https://127.0.0.1:9443' });
    expect(plan.token.metadata).toBe('discovery');
    expect(plan.smtp.sendsMessage).toBe(true);
    expect(JSON.stringify(plan)).not.toContain(SECRET);
  });
});
