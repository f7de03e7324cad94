import { describe, expect, it } from 'vitest';
import {
  diagnoseClaimProblems,
  diagnoseSmtpFailure,
  diagnoseText,
  diagnoseTokenFailure,
  recogniseText,
} from '../../src/diagnose/index.js';
import type { Diagnosis } from '../../src/diagnose/types.js';

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(length: number, seed: number, alphabet?: string): string {
  const next = rng(seed);
  const chars: string[] = new Array<string>(length);
  for (let i = 0; i < length; i++) {
    chars[i] = alphabet ? (alphabet[Math.floor(next() * alphabet.length)] ?? 'x') : String.fromCharCode(Math.floor(next() * 0xd7ff));
  }
  return chars.join('');
}

// How fast these inputs are answered is measured by bench/diagnose.mjs (ratios to a linear scan of
// the same text, in one run), not here: a wall-clock limit in a test fails under machine load.

const NASTY: { name: string; text: string }[] = [
  { name: '1 MB of random characters', text: randomText(1_000_000, 1) },
  { name: '1 MB of random SMTP-ish characters', text: randomText(1_000_000, 2, '0123456789.-: []()abcdefgAADSTS,b\'"\\rn\n') },
  { name: "'a' × 100000 + '535'", text: `${'a'.repeat(100_000)}535` },
  { name: "'535 ' repeated", text: '535 '.repeat(250_000) },
  { name: "'535 5.7.139 ' repeated", text: '535 5.7.139 '.repeat(80_000) },
  { name: "'5.7.' repeated", text: '5.7.'.repeat(250_000) },
  { name: "'AADSTS' repeated", text: 'AADSTS'.repeat(160_000) },
  { name: "'AADSTS1' repeated", text: 'AADSTS1'.repeat(140_000) },
  { name: 'huge error_codes array', text: `"error_codes":[${'1,'.repeat(400_000)}` },
  { name: 'msal-node Error(s) without end', text: `Error(s): ${'1 '.repeat(400_000)}` },
  { name: "'status' repeated", text: 'status: '.repeat(120_000) },
  { name: 'escaped CR LF repeated', text: '\\r\\n'.repeat(250_000) },
  { name: 'JWT-like run', text: `eyJ${'a'.repeat(500_000)}.${'b'.repeat(400_000)}` },
  { name: 'secret-like run', text: `client_secret=${'x'.repeat(900_000)}` },
  { name: 'whitespace', text: ' \t\n'.repeat(300_000) },
  { name: 'brackets', text: '[('.repeat(400_000) },
  { name: 'node code prefixes', text: 'ECONNREFUSE'.repeat(80_000) },
  { name: 'emoji', text: '📮🔑'.repeat(200_000) },
  { name: 'phrases almost matching', text: 'disabled for the tenan '.repeat(40_000) + 'security default '.repeat(40_000) },
];

function isDiagnosis(d: Diagnosis): void {
  expect(typeof d.code).toBe('string');
  expect(typeof d.summary).toBe('string');
  expect(typeof d.fix).toBe('string');
  expect([1, 3, 4, 5, 6]).toContain(d.exitCode);
}

describe('garbage and huge input', () => {
  it.each(NASTY)('diagnoseText: $name — does not throw', ({ text }) => {
    const result = diagnoseText(text);
    if (result) isDiagnosis(result.diagnosis);
  });

  it.each(NASTY)('diagnoseSmtpFailure: $name as the reply', ({ text }) => {
    const result = diagnoseSmtpFailure({ phase: 'auth', code: 'EAUTH', responseCode: 535, response: text, message: text, host: 'h', port: 587 });
    isDiagnosis(result);
    expect(result.summary.length).toBeLessThan(800);
  });

  it.each(NASTY)('diagnoseTokenFailure: $name as the description', ({ text }) => {
    const result = diagnoseTokenFailure({ kind: 'server', error: 'invalid_client', description: text });
    isDiagnosis(result);
    expect(result.summary.length).toBeLessThan(800);
  });

  it('recogniseText on the nasty inputs does not throw', () => {
    for (const { text } of NASTY) expect(() => recogniseText(text)).not.toThrow();
  });

  it('a code at the very end of a long text is still found', () => {
    const text = `${'x '.repeat(200_000)}\n535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.`;
    expect(diagnoseText(text)?.diagnosis.code).toBe('smtp-auth-disabled-mailbox');
  });
});

describe('wrong types never throw', () => {
  const bad: unknown[] = [null, undefined, 42, 'text', [], {}, { kind: 'bogus' }, { phase: 'nope', host: 5, port: 'x', message: {} }];

  it.each(bad.map((value, i) => ({ i, value })))('input #$i', ({ value }) => {
    const asAny = value as never;
    isDiagnosis(diagnoseTokenFailure(asAny, asAny));
    isDiagnosis(diagnoseSmtpFailure(asAny, asAny));
    isDiagnosis(diagnoseClaimProblems(asAny, asAny));
    expect(() => diagnoseText(asAny, asAny)).not.toThrow();
    expect(() => recogniseText(asAny)).not.toThrow();
  });

  it('claim problems with broken fields', () => {
    const d = diagnoseClaimProblems([
      { kind: 'audience', aud: undefined, expected: undefined } as never,
      { kind: 'expired', exp: Number.NaN, now: Number.POSITIVE_INFINITY } as never,
      { kind: 'missing-role', roles: undefined } as never,
    ]);
    isDiagnosis(d);
    expect(d.code).toBe('token-wrong-audience');
  });

  it('context values are cleaned: no line breaks or control characters in commands', () => {
    const d = diagnoseSmtpFailure(
      { phase: 'auth', responseCode: 535, response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.', message: '', host: 'h', port: 587 },
      { mailbox: 'alerts@contoso.com\r\nRemove-Mailbox x\u0007' },
    );
    // Cleaned to one line; the space left inside makes it one quoted argument, not two.
    expect(d.fix).toContain("Set-CASMailbox -Identity 'alerts@contoso.comRemove-Mailbox x' -SmtpClientAuthenticationDisabled $false");
    expect(d.fix).not.toMatch(/[\r\u0007]/);
  });
});

describe('secrets and tokens are never echoed', () => {
  const JWT =
    'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSIsInJvbGVzIjpbIlNNVFAuU2VuZEFzQXBwIl19.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
  const SECRET = 'Xy78Q~abcdefghijklmnopqrstuvwxyz0123456';
  const BLOB = Buffer.from(`user=alerts@contoso.com\x01auth=Bearer ${JWT}\x01\x01`).toString('base64');

  const texts = [
    `AUTH XOAUTH2 ${BLOB}\n535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]`,
    `curl -d "client_id=abc&client_secret=${SECRET}&grant_type=client_credentials" → AADSTS9999999: new error`,
    `Authorization: Bearer ${JWT}\n550 5.9.99 something unknown`,
    `{"access_token":"${JWT}","error":"invalid_grant"}`,
    `452 4.9.9 strange ${SECRET}`,
  ];

  it.each(texts.map((text, i) => ({ i, text })))('text #$i', ({ text }) => {
    const r = diagnoseText(text);
    expect(r).not.toBeNull();
    const all = JSON.stringify(r);
    expect(all).not.toContain(JWT);
    expect(all).not.toContain(JWT.slice(0, 40));
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(BLOB.slice(0, 40));
  });

  it('in structured failures too', () => {
    const d = diagnoseSmtpFailure({
      phase: 'auth',
      code: 'EAUTH',
      responseCode: 535,
      response: `535 5.7.8 unknown ${JWT}`,
      message: `Invalid login with Bearer ${JWT}`,
      host: 'smtp.office365.com',
      port: 587,
    });
    expect(JSON.stringify(d)).not.toContain(JWT.slice(0, 40));
    const t = diagnoseTokenFailure({ kind: 'server', error: 'weird', description: `client_secret=${SECRET} rejected` });
    expect(JSON.stringify(t)).not.toContain(SECRET);
  });
});
