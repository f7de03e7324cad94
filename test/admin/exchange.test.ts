import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminApiError } from '../../src/admin/errors.js';
import { ExchangeAdminClient } from '../../src/admin/exchange.js';
import { Secret } from '../../src/inputs/secret.js';
import { createSandboxCertificates } from '../../src/sandbox/ca.js';

// The admin endpoint's answers beyond the sandbox's one "unexpected" mode: a stand-in HTTPS server
// answers each request with the next canned answer, and records the headers the client sent.

type Canned = { status: number; body: string; headers?: Record<string, string> };
const answers: Canned[] = [];
const seen: { headers: Record<string, string | string[] | undefined>; body: string; url: string }[] = [];
let server: Server;
let client: ExchangeAdminClient;
const certs = createSandboxCertificates('127.0.0.1');

beforeAll(async () => {
  server = createServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body, url: req.url ?? '' });
      const next = answers.shift() ?? { status: 500, body: '' };
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  client = new ExchangeAdminClient({
    exchangeUrl: `https://127.0.0.1:${port}/`,
    tenantId: 'contoso.onmicrosoft.com',
    token: new Secret('eyJhbGciOi.test-token.sig', 'test'),
    adminUpn: 'admin@contoso.onmicrosoft.com',
    timeoutMs: 2000,
    extraCaPem: certs.caPem,
  });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const ok = (value: unknown) => ({ status: 200, body: JSON.stringify({ value }) });

describe('the request', () => {
  it('posts CmdletInput to /adminapi/beta/{tenant}/InvokeCommand with the headers the notes list', async () => {
    answers.push(ok([{ AppId: 'a', ObjectId: 'o', DisplayName: 'd' }]));
    await client.newServicePrincipal('a', 'o', 'd');
    const req = seen.at(-1)!;
    expect(req.url).toBe('/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand');
    expect(JSON.parse(req.body)).toEqual({ CmdletInput: { CmdletName: 'New-ServicePrincipal', Parameters: { AppId: 'a', ObjectId: 'o', DisplayName: 'd' } } });
    expect(req.headers).toMatchObject({
      authorization: 'Bearer eyJhbGciOi.test-token.sig',
      'content-type': 'application/json',
      'x-anchormailbox': 'UPN:admin@contoso.onmicrosoft.com',
      'x-responseformat': 'json',
      'x-cmdletname': 'New-ServicePrincipal',
    });
    expect(req.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('any answer not shaped as the notes describe is `unexpected`, never success', () => {
  it.each<[string, Canned]>([
    ['200 without value', { status: 200, body: JSON.stringify({ Results: 'done' }) }],
    ['200 with value not a list', { status: 200, body: JSON.stringify({ value: 'done' }) }],
    ['200 with rows that are not objects', { status: 200, body: JSON.stringify({ value: ['done'] }) }],
    ['200 that is not JSON', { status: 200, body: '<html>ok</html>' }],
    ['200 empty', { status: 200, body: '' }],
    ['200 whose row lacks AppId/ObjectId', ok([{ Name: 'x' }])],
    ['500 HTML page', { status: 500, body: '<html>Server Error</html>' }],
    ['302 to a sign-in page', { status: 302, body: '', headers: { location: 'https://login.microsoftonline.com/' } }],
    ['400 with an error in no known shape', { status: 400, body: JSON.stringify({ error: 'bad' }) }],
  ])('%s', async (_name, answer) => {
    answers.push(answer);
    const out = await client.newServicePrincipal('a', 'o', 'd');
    expect(out).toEqual({ kind: 'unexpected', failure: { kind: 'unexpected', cmdlet: 'New-ServicePrincipal', status: answer.status } });
  });

  it('Set-CASMailbox answering rows without SmtpClientAuthenticationDisabled on the read: unexpected', async () => {
    answers.push(ok([{ Identity: 'x' }]));
    expect((await client.getCasMailbox('x')).kind).toBe('unexpected');
  });
});

describe('errors in the three shapes of the notes are AdminApiError with Exchange words', () => {
  it.each<[string, unknown, string | undefined, string]>([
    ['details[].message Code|Type|Message', { error: { details: [{ message: 'Ex1|Some.Type|It failed | really' }] } }, 'Some.Type', 'It failed | really'],
    ['innererror.internalException', { error: { innererror: { internalException: { message: 'Inner words', type: 'Inner.Type' } } } }, 'Inner.Type', 'Inner words'],
    ['error.message', { error: { code: 'Forbidden', message: 'Plain words' } }, 'Forbidden', 'Plain words'],
  ])('%s', async (_name, body, code, message) => {
    answers.push({ status: 403, body: JSON.stringify(body) });
    const error = await client.getTransportConfig().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdminApiError);
    expect((error as AdminApiError).failure).toEqual({ kind: 'answer', service: 'exchange', operation: 'exchange-admin', cmdlet: 'Get-TransportConfig', status: 403, ...(code && { code }), message });
    expect((error as AdminApiError).message).not.toContain('test-token');
  });

  it('429 with Rate-Limit-Reset: the wait in seconds', async () => {
    answers.push({ status: 429, body: '', headers: { 'rate-limit-reset': new Date(Date.now() + 20_000).toUTCString() } });
    const error = (await client.getTransportConfig().catch((e: unknown) => e)) as AdminApiError;
    expect(error.failure).toMatchObject({ status: 429 });
    expect((error.failure as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(15);
  });

  it('Get-ServicePrincipal of an app Exchange does not have: null, not an error', async () => {
    answers.push({ status: 400, body: JSON.stringify({ error: { details: [{ message: "Ex|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed because object 'a' couldn't be found." }] } }) });
    expect(await client.getServicePrincipal('a')).toEqual({ kind: 'ok', value: null, warnings: [] });
  });

  it('an answer over 1 MiB is cut off (the token client\'s bound), a transport failure', async () => {
    answers.push({ status: 200, body: JSON.stringify({ value: [{ x: 'a'.repeat(1024 * 1024 + 10) }] }) });
    const error = (await client.getTransportConfig().catch((e: unknown) => e)) as AdminApiError;
    expect(error.failure).toMatchObject({ kind: 'transport', code: 'ERESPONSETOOLARGE' });
  });
});
