import { describe, expect, it } from 'vitest';
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
  timeoutSecondsSchema,
} from '../../src/inputs/schemas.js';

type Schema = { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ message: string }> } } };

function accepts(schema: Schema, value: unknown, expected?: unknown) {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be accepted`).toBe(true);
  if (expected !== undefined) expect(result.data).toEqual(expected);
}

function rejects(schema: Schema, value: unknown, messagePart: string) {
  const result = schema.safeParse(value);
  expect(result.success, `${JSON.stringify(value)} should be rejected`).toBe(false);
  expect(result.error!.issues.map((i) => i.message).join('; ')).toContain(messagePart);
}

describe('tenant id', () => {
  it.each(['72f988bf-86f1-41af-91ab-2d7cd011db47', 'contoso.onmicrosoft.com', 'mail.contoso.co.uk', ' 72F988BF-86F1-41AF-91AB-2D7CD011DB47 '])('accepts %s', (v) =>
    accepts(tenantIdSchema, v),
  );
  it.each(['common', 'organizations', 'Consumers'])('rejects %s, saying client credentials need one tenant', (v) => rejects(tenantIdSchema, v, 'client credentials need'));
  it.each([
    ['', 'empty'],
    ['contoso', 'tenant ID'],
    ['https://login.microsoftonline.com/contoso.onmicrosoft.com', 'tenant ID'],
    ['"72f988bf-86f1-41af-91ab-2d7cd011db47"', 'tenant ID'],
    ['72f988bf-86f1-41af-91ab-2d7cd011db4', 'tenant ID'],
  ])('rejects %j', (v, part) => rejects(tenantIdSchema, v, part));
});

describe('client id', () => {
  it('accepts a GUID', () => accepts(clientIdSchema, 'a1b2c3d4-0000-4000-8000-123456789abc'));
  it.each(['my-app', 'a1b2c3d4-0000-4000-8000-123456789ab', ''])('rejects %j', (v) => rejects(clientIdSchema, v, v ? 'Application (client) ID' : 'empty'));
});

describe('client secret', () => {
  it('trims a trailing newline from a file', () => accepts(clientSecretSchema, 'Abc8Q~xyz.secret-VALUE_123\n', 'Abc8Q~xyz.secret-VALUE_123'));
  it('rejects an empty secret', () => rejects(clientSecretSchema, '  \n', 'empty'));
  it('rejects inner white space', () => rejects(clientSecretSchema, 'abc def', 'white space'));
  it('warns that a GUID is probably the secret ID', () => {
    expect(clientSecretWarnings('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')[0]).toContain('secret\'s ID, not its Value');
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
  it.each(['alerts', 'alerts@', '@contoso.com', 'a b@contoso.com'])('bad address %s', (v) => rejects(addressSchema, v, 'email address'));
  it.each(['smtp.office365.com', '127.0.0.1', 'localhost'])('host %s', (v) => accepts(hostSchema, v));
  it.each(['smtp office365', 'smtp.office365.com:587', 'http://x'])('bad host %s', (v) => rejects(hostSchema, v, 'host name'));
  it.each([['587', 587], ['1', 1], ['65535', 65535]])('port %s', (v, n) => accepts(portSchema, v, n));
  it.each(['0', '65536', 'abc', '58.7'])('bad port %s', (v) => rejects(portSchema, v, '65535'));
  it.each([['20', 20], ['0.5', 0.5]])('timeout %s', (v, n) => accepts(timeoutSecondsSchema, v, n));
  it.each(['0', '-1', 'x', '601'])('bad timeout %s', (v) => rejects(timeoutSecondsSchema, v, 'seconds'));
  it('authority host keeps only the origin', () => accepts(authorityHostSchema, 'https://login.microsoftonline.com/', 'https://login.microsoftonline.com'));
  it.each([
    ['http://login.microsoftonline.com', 'https'],
    ['https://login.microsoftonline.com/contoso.onmicrosoft.com', 'host only'],
    ['login.microsoftonline.com', 'https URL'],
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
