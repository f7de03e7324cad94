import { describe, expect, it } from 'vitest';
import { diagnoseSmtpFailure, diagnoseText, diagnoseTokenFailure, recogniseText } from '../../src/diagnose/index.js';
import { smtpFixtures, smtpWrappers, suffixes, textFixtures, tokenFixtures, tokenWrappers, type Expect } from './fixtures.js';
import type { Diagnosis } from '../../src/diagnose/types.js';

function expectDiagnosis(d: Diagnosis | undefined, e: Expect): void {
  expect(d).toBeDefined();
  expect({ code: d?.code, step: d?.step, transient: d?.transient, propagation: d?.propagation, exitCode: d?.exitCode }).toEqual(e);
}

describe('section A: token endpoint texts, in every wrapping', () => {
  const cases = tokenFixtures.flatMap((f) => tokenWrappers.map((w) => ({ label: `${f.name} / ${w.name}`, text: w.wrap(f), f })));
  it.each(cases)('$label', ({ text, f }) => {
    const r = diagnoseText(text);
    expect(r).not.toBeNull();
    expectDiagnosis(r?.diagnosis, f.expect);
    if (f.aadsts !== undefined) expect(r?.diagnosis.source).toBe(`AADSTS${f.aadsts}`);
  });

  it('recognises the msal-node form when only Error(s) carries the number', () => {
    const r = diagnoseText(
      'ServerError: invalid_client: Error(s): 7000222 - Timestamp: 2024-12-03 13:51:30Z - Description: The provided client secret keys are expired. - Correlation ID: x - Trace ID: y',
    );
    expect(r?.diagnosis.code).toBe('client-secret-expired');
  });

  it('recognises the number from error_codes alone', () => {
    const r = diagnoseText('{"error":"invalid_client","error_description":"(text removed)","error_codes":[7000215]}');
    expect(r?.diagnosis.code).toBe('client-secret-invalid');
  });
});

describe('section A: structured TokenFailure as MSAL reports it', () => {
  it.each(tokenFixtures)('$name', (f) => {
    const d = diagnoseTokenFailure({
      kind: 'server',
      error: f.error,
      ...(f.aadsts !== undefined && { aadsts: f.aadsts }),
      status: f.status,
      description: f.text,
    });
    expectDiagnosis(d, f.expect);
  });

  it('recognises the code from the description when the aadsts field is missing', () => {
    const f = tokenFixtures.find((x) => x.aadsts === 7000229);
    const d = diagnoseTokenFailure({ kind: 'server', error: 'invalid_client', description: f?.text ?? '' });
    expect(d.code).toBe('app-service-principal-missing');
  });
});

describe('section B: SMTP replies, in every wrapping and suffix format', () => {
  const cases = smtpFixtures.flatMap((f) =>
    smtpWrappers.flatMap((w) => suffixes.map((sfx) => ({ label: `${f.name} / ${w.name} / ${sfx.name}`, text: w.wrap(sfx.wrap(f.reply)), f }))),
  );
  it.each(cases)('$label', ({ text, f }) => {
    const r = diagnoseText(text);
    expect(r).not.toBeNull();
    expectDiagnosis(r?.diagnosis, f.expect);
  });
});

describe('section B: structured SmtpFailure as nodemailer reports it', () => {
  it.each(smtpFixtures)('$name', (f) => {
    const code = Number(f.reply.slice(0, 3));
    const d = diagnoseSmtpFailure({
      phase: f.phase,
      code: f.phase === 'auth' ? 'EAUTH' : f.phase === 'data' ? 'EMESSAGE' : 'EENVELOPE',
      responseCode: code,
      response: f.reply,
      message: f.phase === 'auth' ? `Invalid login: ${f.reply}` : `Message failed: ${f.reply}`,
      host: 'smtp.office365.com',
      port: 587,
    });
    expectDiagnosis(d, f.expect);
  });
});

describe('other texts', () => {
  it.each(textFixtures)('$name', (f) => {
    const r = diagnoseText(f.text, f.ctx);
    expectDiagnosis(r?.diagnosis, f.expect);
    for (const part of f.summaryHas ?? []) expect(r?.diagnosis.summary).toContain(part);
  });

  it('returns null for text without anything recognisable', () => {
    expect(diagnoseText('hello world')).toBeNull();
    expect(diagnoseText('')).toBeNull();
    expect(recogniseText('The weather is nice; port 587 is open; version 5.1.1.')).toBeNull();
    // Success replies are not failures.
    expect(diagnoseText('235 2.7.0 Authentication successful\n250 2.0.0 OK <id@host> [Hostname=CH2PR14MB4005.namprd14.prod.outlook.com]')).toBeNull();
  });
});

describe('several codes in one text: the most specific wins', () => {
  it('an AADSTS code beats the generic invalid_client, which is not listed', () => {
    const r = recogniseText(tokenWrappers[1]?.wrap(tokenFixtures[0] as (typeof tokenFixtures)[0]) ?? '');
    expect(r?.best.code).toBe('client-secret-invalid');
    expect(r?.others.map((e) => e.code)).not.toContain('client-authentication-failed');
  });

  it('invalid_client alone is still recognised', () => {
    expect(recogniseText('{"error":"invalid_client","error_description":"Client authentication failed."}')?.best.code).toBe(
      'client-authentication-failed',
    );
  });

  it('535 5.7.139 … Mailbox beats the generic 535 5.7.139, which is not listed', () => {
    const r = recogniseText(
      'Invalid login: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR02CA0123.eurprd02.prod.outlook.com]',
    );
    expect(r?.best.code).toBe('smtp-auth-disabled-mailbox');
    expect(r?.others.map((e) => e.code)).not.toContain('smtp-auth-blocked');
  });

  it('a log with a token error and an SMTP error lists both, the AADSTS first', () => {
    const r = recogniseText(
      [
        '10:00:01 token: AADSTS7000222: The provided client secret keys for app \'x\' are expired.',
        '10:00:02 smtp: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
      ].join('\n'),
    );
    expect(r?.best.code).toBe('client-secret-expired');
    expect(r?.others.map((e) => e.code)).toEqual(['smtp-auth-unsuccessful']);
  });

  it('the tenant and security-defaults wordings in one text are both reported', () => {
    const r = recogniseText(
      "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.\n535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy.",
    );
    expect([r?.best.code, ...(r?.others.map((e) => e.code) ?? [])].sort()).toEqual(['smtp-auth-disabled-tenant', 'smtp-auth-security-defaults']);
  });

  it('451 5.7.3 is not mistaken for 535 5.7.3, nor 5.7.139 for 5.7.13', () => {
    expect(recogniseText('451 5.7.3 STARTTLS is required to send mail')?.best.code).toBe('smtp-starttls-required');
    expect(recogniseText('535 5.7.139 Authentication unsuccessful')?.best.code).toBe('smtp-auth-blocked');
  });

  it('diagnoseText turns the others into diagnoses too', () => {
    const r = diagnoseText(
      'AADSTS7000215: Invalid client secret provided.\n535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
      { mailbox: 'alerts@contoso.com' },
    );
    expect(r?.diagnosis.code).toBe('client-secret-invalid');
    expect(r?.others).toHaveLength(1);
    expect(r?.others[0]?.code).toBe('smtp-auth-unsuccessful');
    expect(r?.others[0]?.fix).toContain('Add-MailboxPermission -Identity alerts@contoso.com');
  });
});
