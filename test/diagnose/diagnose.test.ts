import { describe, expect, it } from 'vitest';
import { diagnoseCancelled, diagnoseClaimProblems, diagnoseInputProblems, diagnoseSmtpFailure, diagnoseText, diagnoseTokenFailure } from '../../src/diagnose/index.js';
import type { Diagnosis, DiagnosisContext, SmtpFailure } from '../../src/diagnose/types.js';
import { claimFixtures, runFixtures, smtpFailureFixtures, tokenFailureFixtures, type Expect } from './fixtures.js';

function expectDiagnosis(d: Diagnosis, e: Expect): void {
  expect({ code: d.code, step: d.step, transient: d.transient, propagation: d.propagation, exitCode: d.exitCode }).toEqual(e);
}

const CTX: DiagnosisContext = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f',
  mailbox: 'alerts@contoso.com',
  from: 'noreply@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  servicePrincipalObjectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

describe('SMTP failures: network, TLS, unknown replies', () => {
  it.each(smtpFailureFixtures)('$name', (f) => {
    const d = diagnoseSmtpFailure(f.failure, f.ctx);
    expectDiagnosis(d, f.expect);
    for (const part of f.summaryHas ?? []) expect(d.summary).toContain(part);
    for (const part of f.fixHas ?? []) expect(d.fix).toContain(part);
  });
});

describe('token failures: transport, throttling, unknown', () => {
  it.each(tokenFailureFixtures)('$name', (f) => {
    const d = diagnoseTokenFailure(f.failure, f.ctx);
    expectDiagnosis(d, f.expect);
    for (const part of f.summaryHas ?? []) expect(d.summary).toContain(part);
    for (const part of f.fixHas ?? []) expect(d.fix).toContain(part);
    if (f.source !== undefined) expect(d.source).toBe(f.source);
  });
});

describe('claim problems', () => {
  it.each(claimFixtures)('$name', (f) => {
    const d = diagnoseClaimProblems(f.problems, f.ctx);
    expectDiagnosis(d, f.expect);
    for (const part of f.summaryHas ?? []) expect(d.summary).toContain(part);
    for (const part of f.fixHas ?? []) expect(d.fix).toContain(part);
  });

  it('claim diagnoses are local checks: source is null', () => {
    expect(diagnoseClaimProblems([{ kind: 'missing-role', roles: [] }]).source).toBeNull();
  });
});

describe('the run itself: input errors and a cancelled run', () => {
  it.each(runFixtures)('$name', (f) => {
    const d = f.diagnose === 'input' ? diagnoseInputProblems(f.problems ?? [], f.kind ?? 'invalid') : diagnoseCancelled(f.message ?? '', f.exitCode ?? 130);
    expectDiagnosis(d, f.expect);
    expect(d.source).toBeNull();
    for (const part of f.summaryHas ?? []) expect(d.summary).toContain(part);
  });

  it('is never recognised in a pasted text', () => {
    for (const text of ['input-invalid', 'input-missing', 'cancelled', 'Cancelled.', 'Missing: --tenant-id (or AZURE_TENANT_ID).']) {
      const codes = [diagnoseText(text)?.diagnosis, ...(diagnoseText(text)?.others ?? [])].map((d) => d?.code);
      for (const code of ['input-invalid', 'input-missing', 'cancelled']) expect(codes).not.toContain(code);
    }
  });
});

describe('context sharpens 535 5.7.3', () => {
  const failure: SmtpFailure = {
    phase: 'auth',
    code: 'EAUTH',
    responseCode: 535,
    response: '535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]',
    message: 'Invalid login: 535 5.7.3 Authentication unsuccessful',
    host: 'smtp.office365.com',
    port: 587,
  };

  it('token WITH SMTP.SendAsApp → step 2: service principal, FullAccess, propagation', () => {
    const d = diagnoseSmtpFailure(failure, { ...CTX, tokenHasSendAsRole: true });
    expectDiagnosis(d, { code: 'smtp-auth-service-principal', step: 2, transient: false, propagation: true, exitCode: 4 });
    expect(d.fix).toContain(
      'New-ServicePrincipal -AppId 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f -ObjectId 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    );
    expect(d.fix).toContain('Get-ServicePrincipal -Identity 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f | Format-List AppId,ObjectId');
    expect(d.fix).toContain(
      'Add-MailboxPermission -Identity alerts@contoso.com -User 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d -AccessRights FullAccess',
    );
    expect(d.fix).toContain('Enterprise application');
    expect(d.fix).toContain('user=');
    expect(d.fix).toContain('15–30 minutes');
    expect(d.summary).toContain('object id');
    expect(d.source).toBe('535 5.7.3');
  });

  it('token WITHOUT the role → step 1: permission and admin consent, fresh token', () => {
    const d = diagnoseSmtpFailure(failure, { ...CTX, tokenHasSendAsRole: false });
    expectDiagnosis(d, { code: 'smtp-auth-missing-role', step: 1, transient: false, propagation: true, exitCode: 4 });
    expect(d.fix).toContain(
      'API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp',
    );
    expect(d.fix).toContain('Grant admin consent');
    expect(d.fix).toContain('fresh token');
  });

  it('role unknown → both steps listed', () => {
    const d = diagnoseSmtpFailure(failure, { clientId: CTX.clientId, mailbox: CTX.mailbox });
    expectDiagnosis(d, { code: 'smtp-auth-unsuccessful', step: 2, transient: false, propagation: true, exitCode: 4 });
    expect(d.fix).toContain('If not (step 1)');
    expect(d.fix).toContain('If it does (step 2)');
    expect(d.fix).toContain('SMTP.SendAsApp → Add permissions');
    expect(d.fix).toContain('New-ServicePrincipal -AppId 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f -ObjectId <object id of the Enterprise application>');
  });

  it('the same sharpening applies to pasted text', () => {
    const text = 'smtplib.SMTPAuthenticationError: (535, b\'5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]\')';
    expect(diagnoseText(text, { tokenHasSendAsRole: true })?.diagnosis.code).toBe('smtp-auth-service-principal');
    expect(diagnoseText(text, { tokenHasSendAsRole: false })?.diagnosis.code).toBe('smtp-auth-missing-role');
    expect(diagnoseText(text)?.diagnosis.code).toBe('smtp-auth-unsuccessful');
  });

  it('the role context does not change other replies', () => {
    const d = diagnoseSmtpFailure(
      {
        ...failure,
        responseCode: 550,
        response: '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
        message: 'Message failed: 550 5.7.60 SMTP; Client does not have permissions to send as this sender',
        phase: 'data',
      },
      { ...CTX, tokenHasSendAsRole: true },
    );
    expect(d.code).toBe('smtp-send-as-denied');
  });
});

describe('sources', () => {
  it('an enhanced code recognised on its own gets the reply code in front', () => {
    const d = diagnoseSmtpFailure({
      phase: 'auth',
      code: 'EAUTH',
      responseCode: 535,
      response: '535 5.7.8 5.7.3 Authentication unsuccessful [LOCALHOST]',
      message: 'Invalid login',
      host: '127.0.0.1',
      port: 2587,
    });
    expect(d.source).toBe('535 5.7.3');
  });

  it('another server is named as such in generic summaries', () => {
    const d = diagnoseSmtpFailure({ phase: 'rcpt', responseCode: 550, response: '550 5.1.1 User unknown', message: '', host: 'mail.example.net', port: 587 });
    expect(d.summary).toMatch(/^The server mail\.example\.net refused the message at RCPT TO/);
  });
});

describe('fixes carry the user\'s values', () => {
  const reply = (response: string, phase: SmtpFailure['phase'] = 'auth'): SmtpFailure => ({
    phase,
    responseCode: Number(response.slice(0, 3)),
    response,
    message: response,
    host: 'smtp.office365.com',
    port: 587,
  });

  it('SMTP AUTH disabled for the mailbox: Set-CASMailbox with the mailbox', () => {
    const d = diagnoseSmtpFailure(reply('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.'), CTX);
    expect(d.fix).toContain('Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false');
    expect(d.summary).toContain('alerts@contoso.com');
  });

  it('SMTP AUTH disabled for the tenant: mailbox override, org switch and security defaults', () => {
    const d = diagnoseSmtpFailure(reply('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.'), CTX);
    expect(d.fix).toContain('Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false');
    expect(d.fix).toContain('Set-TransportConfig -SmtpClientAuthenticationDisabled $false');
    expect(d.fix).toContain('security defaults');
  });

  it('send-as denied: Add-RecipientPermission for the sender with the service principal', () => {
    const d = diagnoseSmtpFailure(reply('550 5.7.60 SMTP; Client does not have permissions to send as this sender', 'data'), CTX);
    expect(d.fix).toContain('Add-RecipientPermission -Identity noreply@contoso.com -Trustee 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d -AccessRights SendAs');
    expect(d.summary).toContain('noreply@contoso.com');
    expect(d.summary).toContain('alerts@contoso.com');
  });

  it('mailbox logon failure: FullAccess for the service principal', () => {
    const d = diagnoseSmtpFailure(reply('430 4.2.0 STOREDRV; mailbox logon failure; Cannot open mailbox.', 'data'), CTX);
    expect(d.fix).toContain('Add-MailboxPermission -Identity alerts@contoso.com -User 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d -AccessRights FullAccess');
  });

  it('placeholders when values are unknown', () => {
    const d = diagnoseSmtpFailure(reply('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.'));
    expect(d.fix).toContain('Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false');
    expect(d.summary).not.toContain('<mailbox>');
  });

  it('token errors name the client id and tenant', () => {
    const d = diagnoseTokenFailure(
      { kind: 'server', error: 'invalid_client', aadsts: 7000215, status: 401, description: 'AADSTS7000215: Invalid client secret provided.' },
      CTX,
    );
    expect(d.summary).toContain('5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f');
    expect(d.fix).toContain('Application (client) ID 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f → Certificates & secrets');
    expect(d.fix).toContain('Value');
    expect(d.learnMore).toBe('https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes');

    const missing = diagnoseTokenFailure({ kind: 'server', aadsts: 7000229, description: 'AADSTS7000229: …' }, CTX);
    expect(missing.fix).toContain('az ad sp create --id 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f');
  });

  it('authority of another cloud changes the scope named in the fix', () => {
    const d = diagnoseTokenFailure(
      { kind: 'server', error: 'invalid_scope', aadsts: 1002012, description: 'AADSTS1002012: The provided value for scope x is not valid.' },
      { authorityHost: 'https://login.microsoftonline.us' },
    );
    expect(d.fix).toContain('https://outlook.office365.us/.default');
    const g = diagnoseTokenFailure({ kind: 'server', error: 'invalid_scope', aadsts: 1002012, description: 'AADSTS1002012: …' });
    expect(g.fix).toContain('https://outlook.office365.com/.default');
  });

  describe('fixes read the cloud table, never guess from the host', () => {
    const scopeRefused = { kind: 'server', error: 'invalid_scope', aadsts: 1002012, description: 'AADSTS1002012: The provided value for scope x is not valid.' } as const;

    it('--cloud usgovdod names the scope check requests there (outlook-dod), although its authority is usgov\'s', () => {
      const d = diagnoseTokenFailure(scopeRefused, { cloud: 'usgovdod', authorityHost: 'https://login.microsoftonline.us' });
      expect(d.fix).toContain('Set the scope to exactly https://outlook-dod.office365.us/.default');
      expect(d.fix).not.toContain('https://outlook.office365.us/.default');
    });

    it('--cloud usgov with the same authority names GCC High\'s scope', () => {
      const d = diagnoseTokenFailure(scopeRefused, { cloud: 'usgov', authorityHost: 'https://login.microsoftonline.us' });
      expect(d.fix).toContain('Set the scope to exactly https://outlook.office365.us/.default');
    });

    it('the cloud decides even when the authority host is not Microsoft\'s (a proxy, an emulator)', () => {
      const d = diagnoseTokenFailure(scopeRefused, { cloud: 'china', authorityHost: 'https://127.0.0.1:8443' });
      expect(d.fix).toContain('Set the scope to exactly https://partner.outlook.cn/.default');
    });

    it('names the cloud\'s SMTP host, and the --cloud in use after an unknown tenant', () => {
      const dns = diagnoseSmtpFailure({ phase: 'connect', code: 'EDNS', causeCode: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND smtp.office365.us', host: 'smtp.office365.us', port: 587 }, { cloud: 'usgovdod' });
      expect(dns.code).toBe('host-not-found');
      expect(dns.fix).toContain('Exchange Online uses outlook-dod.office365.us');
      const tenant = diagnoseTokenFailure(
        { kind: 'server', error: 'invalid_tenant', aadsts: 90002, description: "AADSTS90002: Tenant 'x' not found." },
        { cloud: 'usgovdod', authorityHost: 'https://login.microsoftonline.us' },
      );
      expect(tenant.fix).toContain('This request went to login.microsoftonline.us (--cloud usgovdod).');
      expect(tenant.fix).toContain('Microsoft 365 DoD: --cloud usgovdod (login.microsoftonline.us)');
    });

    it('a national-cloud tenant gets GCC High\'s and DoD\'s own settings', () => {
      const d = diagnoseTokenFailure({ kind: 'server', error: 'invalid_request', aadsts: 90038, description: "AADSTS90038: Tenant 'x' request is being redirected to the National Cloud 'microsoftonline.us'." });
      expect(d.code).toBe('tenant-in-national-cloud');
      expect(d.fix).toContain('--cloud usgov: the authority login.microsoftonline.us, the scope https://outlook.office365.us/.default and the SMTP host smtp.office365.us');
      expect(d.fix).toContain('--cloud usgovdod: the authority login.microsoftonline.us, the scope https://outlook-dod.office365.us/.default and the SMTP host outlook-dod.office365.us');
    });

    it('an unknown cloud name is ignored: the authority host\'s cloud, else worldwide', () => {
      const d = diagnoseTokenFailure(scopeRefused, { cloud: 'mars', authorityHost: 'https://login.partner.microsoftonline.cn' });
      expect(d.fix).toContain('https://partner.outlook.cn/.default');
      expect(diagnoseTokenFailure(scopeRefused, { cloud: 'mars' }).fix).toContain('https://outlook.office365.com/.default');
    });
  });

  it('Retry-After is passed on', () => {
    const d = diagnoseTokenFailure({ kind: 'server', error: 'temporarily_unavailable', status: 503, description: 'busy', retryAfterSeconds: 30 });
    expect(d.fix).toContain('30 seconds');
  });

  it('unknown replies are quoted in the summary, at most about 300 characters', () => {
    const long = `550 5.9.99 ${'Message rejected by a transport rule. '.repeat(60)}`;
    const d = diagnoseSmtpFailure(reply(long, 'rcpt'));
    expect(d.code).toBe('smtp-message-refused');
    expect(d.summary).toContain('550 5.9.99 Message rejected by a transport rule.');
    expect(d.summary.length).toBeLessThan(420);
  });
});
