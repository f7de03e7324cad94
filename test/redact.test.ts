import { describe, expect, it } from 'vitest';
import { base64Fragments, Redactor } from '../src/redact.js';

describe('Redactor', () => {
  const secret = 'Abc8Q~s3cr3t+/=&value%20with.special*chars';
  const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlMzY1LmNvbSJ9.c2lnbmF0dXJlLXBhcnQ';

  it('removes the secret in raw, URL-encoded, form-encoded and JSON-escaped form', () => {
    const r = new Redactor();
    r.protect(secret);
    const text = [secret, encodeURIComponent(secret), new URLSearchParams({ client_secret: secret }).toString(), JSON.stringify({ s: secret })].join(' | ');
    const out = r.redact(text);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).not.toContain(new URLSearchParams({ x: secret }).toString().slice(2));
  });

  it('removes the XOAUTH2 blob and the token inside any base64 text', () => {
    const r = new Redactor();
    r.protect(token);
    r.protectXoauth2('alerts@contoso.com', token);
    const blob = Buffer.from(`user=alerts@contoso.com\x01auth=Bearer ${token}\x01\x01`).toString('base64');
    expect(r.redact(`AUTH XOAUTH2 ${blob}`)).toBe('AUTH XOAUTH2 [redacted]');
    for (const prefix of ['', 'x', 'xy', 'xyz']) {
      const other = Buffer.from(`${prefix}${token}!`).toString('base64');
      const out = r.redact(other);
      for (const fragment of base64Fragments(token)) expect(out).not.toContain(fragment);
    }
  });

  it('removes any JWT-shaped text even when it was never registered', () => {
    expect(new Redactor().redact(`token=${token} end`)).toBe('token=[redacted] end');
  });

  it('leaves ordinary text alone', () => {
    const r = new Redactor();
    r.protect(secret);
    expect(r.redact('535 5.7.3 Authentication unsuccessful [HOST]')).toBe('535 5.7.3 Authentication unsuccessful [HOST]');
  });
});
