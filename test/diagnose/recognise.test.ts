import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../src/messages/index.js';
import { catalog, diagnoseSmtpFailure, diagnoseText, diagnoseTokenFailure, recogniseText } from '../../src/diagnose/index.js';
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

describe('evidence strength: a full reply beats a bare enhanced code elsewhere in the text', () => {
  const PHP = '2026-12-01 09:14:11 SMTP ERROR: MAIL FROM command failed: 451 5.7.3 STARTTLS is required to send mail [AM0PR01CA0001.eurprd01.prod.exchangelabs.com] ,451,5.7.3';

  it('a PHP mailer repeating the reply as ",451,5.7.3" is the STARTTLS entry, not 535 5.7.3', () => {
    const r = diagnoseText(PHP);
    expect(r?.diagnosis.code).toBe('smtp-starttls-required');
    expect(r?.diagnosis.source).toBe('451 5.7.3');
    // The repeated 5.7.3 belongs to the 451 reply: it is no second finding.
    expect(r?.others.map((d) => d.code)).not.toContain('smtp-auth-unsuccessful');
  });

  it('the same, whatever the role context (the 535 5.7.3 entries are conditions on it)', () => {
    for (const tokenHasSendAsRole of [true, false]) {
      expect(diagnoseText(PHP, { tokenHasSendAsRole })?.diagnosis.code).toBe('smtp-starttls-required');
    }
  });

  it('a structured log repeating the enhanced code in a field of its own', () => {
    const text = '[ERR] Send failed {"StatusCode":"5.7.3","Message":"451 5.7.3 STARTTLS is required to send mail"}';
    expect(recogniseText(text)?.best.code).toBe('smtp-starttls-required');
  });

  it('a stray bare 5.7.3 next to another full reply does not beat it (and is still listed)', () => {
    const r = recogniseText(
      '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. [SA9P221CA0019.NAMP221.PROD.OUTLOOK.COM] (previous attempt: 5.7.3)',
    );
    expect(r?.best.code).toBe('smtp-tls-version-too-old');
    expect(r?.others.map((e) => e.code)).toEqual(['smtp-auth-unsuccessful']);
  });

  it('the structured SMTP failure of the PHP case: the reply wins over the repeated code in the message', () => {
    const d = diagnoseSmtpFailure({
      phase: 'mail',
      code: 'EENVELOPE',
      responseCode: 451,
      response: '451 5.7.3 STARTTLS is required to send mail',
      message: 'Mail command failed: 451 5.7.3 STARTTLS is required to send mail (status 5.7.3)',
      host: 'smtp.office365.com',
      port: 587,
    });
    expect(d.code).toBe('smtp-starttls-required');
  });

  // Every Exchange reply of the catalog, with every enhanced code of the catalog repeated bare after
  // it (as a logger or a retry message would): the reply's own entry stays the diagnosis.
  const fullReplies = catalog.filter((e) => e.domain === 'smtp' && /^\d{3}[ -]\d\.\d{1,3}\.\d{1,3} /.test(e.example ?? ''));
  const bareCodes = [...new Set(catalog.flatMap((e) => [e.recognise, ...(e.recognise.or ?? [])]).flatMap((r) => r.enhanced ?? []))];
  it.each(fullReplies.map((e) => ({ code: e.code, e })))('$code: a bare code of another entry after its reply does not win', ({ e }) => {
    const ctx = e.recognise.sendAsRole === 'present' ? { tokenHasSendAsRole: true } : e.recognise.sendAsRole === 'absent' ? { tokenHasSendAsRole: false } : {};
    const wrong = bareCodes.filter((bare) => diagnoseText(`${e.example ?? ''} (status ${bare})`, ctx)?.diagnosis.code !== e.code);
    expect(wrong).toEqual([]);
  });

  it('a bare enhanced code alone (no full reply anywhere) is still recognised', () => {
    expect(recogniseText('status=5.7.3 Authentication unsuccessful')?.best.code).toBe('smtp-auth-unsuccessful');
  });
});

describe('one resolver for token, SMTP and text: the domain with the strongest evidence', () => {
  it('an unknown AADSTS code outranks a generic "fetch failed", in text and as a token failure', () => {
    const text = 'fetch failed (retrying); AADSTS9999999: Something nobody has seen yet.';
    const r = diagnoseText(text);
    expect(r?.diagnosis.code).toBe('token-request-failed');
    expect(r?.others.map((d) => d.code)).toEqual(['network-error']);
    const d = diagnoseTokenFailure({ kind: 'server', error: 'invalid_request', aadsts: 9999999, status: 400, description: text });
    expect(d.code).toBe('token-request-failed');
    expect(d.source).toBe('AADSTS9999999');
  });

  it('an unknown reply outranks "connection timed out" in text as it does in an SMTP failure', () => {
    const reply = '421 4.4.2 Connection dropped: the connection timed out';
    expect(diagnoseText(reply)?.diagnosis.code).toBe('smtp-temporary-failure');
    const d = diagnoseSmtpFailure({ phase: 'data', code: 'EMESSAGE', responseCode: 421, response: reply, message: reply, host: 'smtp.office365.com', port: 587 });
    expect(d.code).toBe('smtp-temporary-failure');
  });

  it('a Node code outranks a reply code alone', () => {
    const d = diagnoseSmtpFailure({ phase: 'connect', code: 'ESOCKET', causeCode: 'ECONNREFUSED', responseCode: 554, response: '554', message: 'connect ECONNREFUSED 52.98.1.2:587', host: 'smtp.office365.com', port: 587 });
    expect(d.code).toBe('connection-refused');
  });

  it('invalid_client refines an unknown AADSTS code (generic before fallback)', () => {
    const r = recogniseText('{"error":"invalid_client","error_description":"AADSTS1234567: A new client authentication failure."}');
    expect(r?.best.code).toBe('client-authentication-failed');
    expect(r?.others.map((e) => e.code)).not.toContain('token-request-failed');
  });
});

describe('recognition does not depend on the language', () => {
  afterEach(async () => {
    await useLanguage('en');
  });

  it("recognises Microsoft's English answer inside a German application log", () => {
    for (const log of [
      'Fehler beim Senden der E-Mail: 535 5.7.3 Authentication unsuccessful',
      '2026-12-01 10:00:00 FEHLER Mailversand fehlgeschlagen: Die Anmeldung am Server ist fehlgeschlagen. Antwort des Servers: 535 5.7.3 Authentication unsuccessful [FR2P281CA0035.DEUP281.PROD.OUTLOOK.COM]',
      'Ausnahme: MailKit.Security.AuthenticationException: 535: 5.7.3 Authentication unsuccessful',
    ]) {
      expect(diagnoseText(log)?.diagnosis.code, log).toBe('smtp-auth-unsuccessful');
    }
    expect(diagnoseText('Fehler beim Abrufen des Tokens: AADSTS7000215: Invalid client secret provided.')?.diagnosis.code).toBe('client-secret-invalid');
    expect(diagnoseText('Verbindung fehlgeschlagen: connect ECONNREFUSED 52.98.1.2:587')?.diagnosis.code).toBe('connection-refused');
  });

  it('recognises every text the same whatever language is in use', async () => {
    const recognised = () =>
      [...textFixtures.map((f) => ({ text: f.text, ctx: f.ctx })), ...tokenFixtures.map((f) => ({ text: f.text, ctx: undefined })), ...smtpFixtures.map((f) => ({ text: f.reply, ctx: undefined }))].map(({ text, ctx }) => {
        const r = diagnoseText(text, ctx);
        const pick = (d: Diagnosis) => ({ code: d.code, source: d.source, step: d.step, transient: d.transient, propagation: d.propagation, exitCode: d.exitCode });
        return r && { best: pick(r.diagnosis), others: r.others.map(pick) };
      });
    const english = recognised();
    await useLanguage('de');
    const german = recognised();
    expect(german).toEqual(english);
    expect(english.filter((r) => r !== null).length).toBeGreaterThan(50);
  });
});
