import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Fragments, Redactor } from '../../src/redact.js';

/**
 * For any secret and any token (including characters special in regular expressions, URLs, base64
 * and JSON), nothing that passes through the redactor still carries them in any of the forms they
 * travel in.
 */
const secretArb = fc.string({ unit: fc.constantFrom(...'abcXYZ019~._-+/=&%?*()[]{}^$|\\"\' é€'.split('')), minLength: 8, maxLength: 60 });
const base64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), minLength: 20, maxLength: 200 });
const tokenArb = fc.tuple(base64url, base64url, base64url).map(([h, p, s]) => `eyJ${h}.eyJ${p}.${s}`);
const userArb = fc.emailAddress();

function forms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ client_secret: secret }).toString().split('=').slice(1).join('='),
    JSON.stringify(secret).slice(1, -1),
  ];
}

describe('redaction property', () => {
  it('no registered secret survives in raw, URL, form, JSON or base64 form', () => {
    fc.assert(
      fc.property(secretArb, fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (secret, before, after) => {
        const r = new Redactor();
        r.protect(secret);
        const text = [...forms(secret), Buffer.from(`${before}${secret}${after}`).toString('base64')].map((f) => `${before}${f}${after}`).join('\n');
        const out = r.redact(text);
        for (const form of forms(secret)) expect(out).not.toContain(form);
        for (const fragment of base64Fragments(secret)) expect(out).not.toContain(fragment);
      }),
      { numRuns: 300 },
    );
  });

  it('no token survives, nor its XOAUTH2 blob, registered or not', () => {
    fc.assert(
      fc.property(tokenArb, userArb, (token, user) => {
        const blob = Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString('base64');
        const registered = new Redactor();
        registered.protect(token);
        registered.protectXoauth2(user, token);
        const text = `Authorization: Bearer ${token}\nAUTH XOAUTH2 ${blob}\n${encodeURIComponent(token)}`;
        const out = registered.redact(text);
        expect(out).not.toContain(token);
        expect(out).not.toContain(blob);
        for (const fragment of base64Fragments(token)) expect(out).not.toContain(fragment);
        // Unregistered: the JWT shape alone is enough.
        expect(new Redactor().redact(`x ${token} y`)).not.toContain(token);
      }),
      { numRuns: 200 },
    );
  });
});
