import { describe, expect, it } from 'vitest';
import { t } from '../../src/messages/index.js';
import {
  addressSchema,
  authorityHostSchema,
  clientIdSchema,
  expandHome,
  filePathSchema,
  clientSecretSchema,
  clientSecretShape,
  clientSecretWarnings,
  hostSchema,
  portSchema,
  tenantIdSchema,
  issueMessages,
  timeoutSecondsSchema,
} from '../../src/inputs/schemas.js';
import type { z } from 'zod';

type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown; error?: z.ZodError } };

function accepts(schema: Schema, value: unknown, expected?: unknown) {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be accepted`).toBe(true);
  if (expected !== undefined) expect(result.data).toEqual(expected);
}

/** The value is refused with the message `id` (and these parameters, when given). */
function rejects(schema: Schema, value: unknown, id: string, params?: Record<string, unknown>) {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be rejected`).toBe(false);
  const [first] = issueMessages(result.error!);
  expect(first?.id).toBe(id);
  if (params) expect(first?.params).toEqual(params);
}

describe('tenant id', () => {
  it.each(['72f988bf-86f1-41af-91ab-2d7cd011db47', 'contoso.onmicrosoft.com', 'mail.contoso.co.uk', ' 72F988BF-86F1-41AF-91AB-2D7CD011DB47 '])('accepts %s', (v) =>
    accepts(tenantIdSchema, v),
  );
  it.each(['common', 'organizations', 'Consumers'])('rejects %s, saying client credentials need one tenant', (v) => rejects(tenantIdSchema, v, 'input.tenant.alias', { value: v }));
  it.each([
    ['', 'input.empty'],
    ['contoso', 'input.tenant.invalid'],
    ['https://login.microsoftonline.com/contoso.onmicrosoft.com', 'input.tenant.invalid'],
    ['"72f988bf-86f1-41af-91ab-2d7cd011db47"', 'input.tenant.invalid'],
    ['72f988bf-86f1-41af-91ab-2d7cd011db4', 'input.tenant.invalid'],
  ])('rejects %j', (v, part) => rejects(tenantIdSchema, v, part));
});

describe('client id', () => {
  it('accepts a GUID', () => accepts(clientIdSchema, 'a1b2c3d4-0000-4000-8000-123456789abc'));
  it.each(['my-app', 'a1b2c3d4-0000-4000-8000-123456789ab', ''])('rejects %j', (v) => rejects(clientIdSchema, v, v ? 'input.client-id.invalid' : 'input.empty'));
});

describe('client secret', () => {
  it('trims a trailing newline from a file', () => accepts(clientSecretSchema, 'Abc8Q~xyz.secret-VALUE_123\n', 'Abc8Q~xyz.secret-VALUE_123'));
  it('rejects an empty secret', () => rejects(clientSecretSchema, '  \n', 'input.secret.empty'));
  it('rejects inner white space', () => rejects(clientSecretSchema, 'abc def', 'input.secret.white-space'));
  it('warns that a GUID is probably the secret ID', () => {
    expect(clientSecretWarnings('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')).toEqual([t('input.secret.looks-like-id')]);
    expect(clientSecretWarnings('Abc8Q~xyz.secret-VALUE_123')).toEqual([]);
  });
  it.each<[string, string | null]>([
    ['0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', 'secret-id'],
    ['Abc8Q~not.a.real.secret_value-0123456789', 'secret-value'],
    ['SuperS3cretValue~abc', 'secret-value'],
    ['secret.txt', null],
    ['./secrets/client-secret', null],
    ['report-2024-final.txt~', null],
    ['~/secret.txt', null],
    ['Abc8Q~short', null],
    ['NoTildeButLong0123456789', null],
  ])('the shape of %j: %s', (value, shape) => expect(clientSecretShape(value)).toBe(shape));
});

describe('addresses, hosts, ports, timeouts, authority host', () => {
  it.each(['alerts@contoso.com', 'first.last+tag@sub.contoso.onmicrosoft.com'])('address %s', (v) => accepts(addressSchema, v));
  it.each(['alerts', 'alerts@', '@contoso.com', 'a b@contoso.com'])('bad address %s', (v) => rejects(addressSchema, v, 'input.address.invalid'));
  it.each(['smtp.office365.com', '127.0.0.1', 'localhost'])('host %s', (v) => accepts(hostSchema, v));
  it.each(['smtp office365', 'smtp.office365.com:587', 'http://x'])('bad host %s', (v) => rejects(hostSchema, v, 'input.host.invalid'));
  it.each([['587', 587], ['1', 1], ['65535', 65535]])('port %s', (v, n) => accepts(portSchema, v, n));
  it.each([
    ['0', 'too-small'],
    ['65536', 'too-big'],
    ['abc', 'not-decimal'],
    ['58.7', 'not-whole'],
  ])('bad port %s', (v, problem) => rejects(portSchema, v, 'input.port.invalid', { min: 1, max: 65535, problem }));
  it.each([['20', 20], ['0.5', 0.5]])('timeout %s', (v, n) => accepts(timeoutSecondsSchema, v, n));
  it.each([
    ['0', 'too-small'],
    ['-1', 'too-small'],
    ['x', 'not-decimal'],
    ['601', 'too-big'],
  ])('bad timeout %s', (v, problem) => rejects(timeoutSecondsSchema, v, 'input.timeout.invalid', { max: 600, problem }));
  it('authority host keeps only the origin', () => accepts(authorityHostSchema, 'https://login.microsoftonline.com/', 'https://login.microsoftonline.com'));
  it.each([
    ['http://login.microsoftonline.com', 'input.authority.not-https'],
    ['https://login.microsoftonline.com/contoso.onmicrosoft.com', 'input.authority.not-host-only'],
    ['login.microsoftonline.com', 'input.authority.not-url'],
  ])('bad authority host %s', (v, part) => rejects(authorityHostSchema, v, part));
});

describe('~ in a typed file name on Windows (platform injected)', () => {
  it('expands ~\\… as PowerShell does there, and ~/… on every system', () => {
    expect(expandHome('~\\Documents\\smtp.env', 'C:\\Users\\ada', 'win32')).toBe('C:\\Users\\ada\\Documents\\smtp.env');
    expect(expandHome('~/smtp.env', 'C:\\Users\\ada', 'win32')).toBe('C:\\Users\\ada/smtp.env');
    // Elsewhere a backslash belongs to the name.
    expect(expandHome('~\\x', '/home/ada', 'linux')).toBe('~\\x');
  });

  it('accepts ~\\… (not refused as ~name)', () => {
    expect(filePathSchema.safeParse('~\\Documents\\smtp.env').success).toBe(true);
    expect(filePathSchema.safeParse('~bob\\x').success).toBe(false);
  });
});

describe('a refusal speaks the language in use, and carries its message', () => {
  it("issue.message is the refusal's words (for every reader of the schemas); issueMessages gives its id and parameters", async () => {
    const { useLanguage } = await import('../../src/messages/index.js');
    const english = tenantIdSchema.safeParse('common');
    expect(english.error!.issues[0]!.message).toBe(
      "'common' is not a tenant: client credentials need your own tenant's ID (a GUID, Entra ID → Overview → Tenant ID) or a verified domain such as contoso.onmicrosoft.com",
    );
    expect(issueMessages(english.error!, { field: '--tenant-id' })).toEqual([{ id: 'input.tenant.alias', params: { value: 'common', field: '--tenant-id' } }]);
    await useLanguage('de');
    try {
      expect(portSchema.safeParse('x').error!.issues[0]!.message).toBe('muss eine Zahl von 1 bis 65535 in Dezimalziffern sein');
      expect(addressSchema.safeParse('alerts').error!.issues.map((i) => i.message)).toEqual(['muss eine E-Mail-Adresse wie alerts@contoso.com sein']);
    } finally {
      await useLanguage('en');
    }
  });
});
