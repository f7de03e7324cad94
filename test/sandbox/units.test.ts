import { describe, expect, it } from 'vitest';
import { entraErrorBody, entraTimestamp, EntraErrors } from '../../src/sandbox/entra-errors.js';
import { fillReplyTemplate, modernSuffix, rfc2822Date } from '../../src/sandbox/exchange-replies.js';
import { decodeEncodedWords, headerValue, parseAddressList } from '../../src/sandbox/message-headers.js';
import { generateSecretValue, isWellFormedTenantIdentifier } from '../../src/sandbox/tenant.js';
import { integer, namedBits, objectIdentifier, time } from '../../src/x509/der.js';

describe('Exchange reply formatting', () => {
  it('formats the banner date like Exchange (day not zero-padded, +0000)', () => {
    expect(rfc2822Date(new Date('2022-11-09T10:09:41Z'))).toBe('Wed, 9 Nov 2022 10:09:41 +0000');
    expect(rfc2822Date(new Date('2024-10-10T22:49:55Z'))).toBe('Thu, 10 Oct 2024 22:49:55 +0000');
  });

  it('builds the modern suffix and fills injection templates', () => {
    const ctx = {
      host: 'H.example',
      mailboxHost: 'M.example',
      sessionId: '08DC48BEE95C08E5',
      now: () => new Date('2024-03-20T10:27:56.998Z'),
    };
    expect(modernSuffix(ctx)).toBe('[H.example 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]');
    expect(fillReplyTemplate('a {suffix} b [{host}] [Hostname={mailboxHost}]', ctx)).toBe(
      'a [H.example 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5] b [H.example] [Hostname=M.example]',
    );
  });
});

describe('Entra error bodies', () => {
  it('uses the catalog timestamp format and trailer', () => {
    const at = new Date('2023-05-06T06:03:00.123Z');
    expect(entraTimestamp(at)).toBe('2023-05-06 06:03:00Z');
    const body = JSON.parse(
      entraErrorBody(EntraErrors.missingClientCredential(), { traceId: 't', correlationId: 'c' }, at),
    ) as Record<string, unknown>;
    expect(body.error_description).toBe(
      "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.\r\nTrace ID: t\r\nCorrelation ID: c\r\nTimestamp: 2023-05-06 06:03:00Z",
    );
  });
});

describe('tenant identifiers and secrets', () => {
  it('tells well-formed tenant identifiers from garbage (AADSTS900023)', () => {
    for (const ok of ['4f6d2c1e-8a3b-4d59-9e27-5a4db0c5e001', 'contoso.onmicrosoft.com', 'CONTOSO.COM', 'a-b.example.org']) {
      expect(isWellFormedTenantIdentifier(ok)).toBe(true);
    }
    for (const bad of ['', 'contoso', 'tenant id', '"contoso.com"', 'https://contoso.com', '-x.com', 'a..b']) {
      expect(isWellFormedTenantIdentifier(bad)).toBe(false);
    }
  });

  it('generates 40-character secret values in the current Entra shape, never twice the same', () => {
    const values = new Set(Array.from({ length: 50 }, () => generateSecretValue()));
    expect(values.size).toBe(50);
    for (const v of values) expect(v).toMatch(/^[A-Za-z0-9]{3}8Q~[A-Za-z0-9_.~-]{34}$/);
  });
});

describe('message headers', () => {
  const raw =
    'From: "Doe, John <ops@x>" <notifications@contoso.test>\r\nTo: a@b.test,\r\n c@d.test\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n =?UTF-8?B?IGF1cyBCZXJsaW4=?=\r\n\r\nFrom: body@not.header\r\n';

  it('reads unfolded header values and address lists, ignoring quoted display names', () => {
    expect(parseAddressList(headerValue(raw, 'from') ?? '')).toEqual(['notifications@contoso.test']);
    expect(parseAddressList(headerValue(raw, 'to') ?? '')).toEqual(['a@b.test', 'c@d.test']);
    expect(parseAddressList('plain@x.test (comment)')).toEqual(['plain@x.test']);
  });

  it('decodes RFC 2047 encoded words, joining adjacent ones', () => {
    expect(decodeEncodedWords(headerValue(raw, 'subject') ?? '')).toBe('Grüße aus Berlin');
    expect(decodeEncodedWords('plain text')).toBe('plain text');
  });
});

describe('DER encoding', () => {
  it('encodes the primitives X.509 needs', () => {
    expect(integer(2).toString('hex')).toBe('020102');
    expect(integer(Buffer.from([0x80])).toString('hex')).toBe('02020080');
    expect(integer(Buffer.from([0, 0, 5])).toString('hex')).toBe('020105');
    expect(objectIdentifier('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302');
    // keyCertSign(5) + cRLSign(6) → 0x06 with 1 unused bit; digitalSignature(0) → 0x80 with 7.
    expect(namedBits([5, 6]).toString('hex')).toBe('03020106');
    expect(namedBits([0]).toString('hex')).toBe('03020780');
    expect(time(new Date('2026-01-02T03:04:05Z')).toString('latin1')).toBe('\x17\x0d260102030405Z');
    expect(time(new Date('2051-01-02T03:04:05Z')).toString('latin1')).toBe('\x18\x0f20510102030405Z');
  });
});
