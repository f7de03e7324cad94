import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseTokenFailure } from '../../src/diagnose/index.js';
import { createSandboxCertificates } from '../../src/sandbox/ca.js';
import { toTokenFailure } from '../../src/token/acquire.js';
import { MAX_RESPONSE_BYTES, RESPONSE_TOO_LARGE, TokenNetworkClient } from '../../src/token/network-client.js';

/**
 * The network client against a fake HTTPS endpoint that answers with bodies of any size: an endless
 * body is cut off at the limit (not buffered until the timeout) and diagnosed as response-too-large.
 */
const certs = createSandboxCertificates('127.0.0.1');
let server: Server;
let origin: string;
/** Bytes the fake endpoint managed to write, per request path. */
const written = new Map<string, number>();

beforeAll(async () => {
  server = createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
    const path = req.url ?? '/';
    written.set(path, 0);
    if (path === '/small') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token_type: 'Bearer', access_token: 'x'.repeat(4000) }));
      return;
    }
    if (path === '/hang') {
      // Never answers; records when the client closes the connection.
      req.socket.once('close', () => written.set(path, -1));
      return;
    }
    if (path === '/declared') {
      // Declares a body over the limit; the client must not wait for it.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MAX_RESPONSE_BYTES + 1) });
      res.write('{');
      return;
    }
    // /endless: chunked, never ending, as fast as the client reads.
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!res.destroyed) {
        written.set(path, (written.get(path) ?? 0) + chunk.length);
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const client = (options: { maxResponseBytes?: number } = {}) => new TokenNetworkClient({ timeoutMs: 20_000, extraCaPem: certs.caPem, proxy: null, ...options });

describe('every answer is read up to a limit', () => {
  it('an answer of a normal size is read whole', async () => {
    const response = await client().sendGetRequestAsync<{ access_token: string }>(`${origin}/small`);
    expect(response.status).toBe(200);
    expect(response.body.access_token).toHaveLength(4000);
  });

  it('an endless body is cut off at the limit, long before the timeout, with ERESPONSETOOLARGE', async () => {
    const c = client();
    const started = Date.now();
    await expect(c.sendPostRequestAsync(`${origin}/endless`, { body: 'grant_type=client_credentials' })).rejects.toMatchObject({ errorCode: 'network_error' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(c.lastTransportFailure).toMatchObject({ code: RESPONSE_TOO_LARGE, host: '127.0.0.1' });
    expect(c.lastTransportFailure?.message).toContain('larger than 1 MiB');
    // The server could write little more than the limit plus what the socket buffers hold.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(written.get('/endless')).toBeLessThan(MAX_RESPONSE_BYTES + 8 * 1024 * 1024);
  });

  it('a declared Content-Length over the limit is refused at the headers', async () => {
    const c = client();
    const started = Date.now();
    await expect(c.sendGetRequestAsync(`${origin}/declared`)).rejects.toMatchObject({ errorCode: 'network_error' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(c.lastTransportFailure?.code).toBe(RESPONSE_TOO_LARGE);
  });

  it('the limit is the answer\'s size: a 4 KB answer passes 8 KiB and fails 1 KiB', async () => {
    await expect(client({ maxResponseBytes: 8 * 1024 }).sendGetRequestAsync(`${origin}/small`)).resolves.toMatchObject({ status: 200 });
    const c = client({ maxResponseBytes: 1024 });
    await expect(c.sendGetRequestAsync(`${origin}/small`)).rejects.toMatchObject({ errorCode: 'network_error' });
    expect(c.lastTransportFailure?.message).toContain('larger than 1 KiB');
  });

  it('the overflow is diagnosed: response-too-large, a network failure, not transient, naming who answered', async () => {
    const c = client();
    const error = await c.sendPostRequestAsync(`${origin}/endless`, { body: '' }).catch((e: unknown) => e);
    const diagnosis = diagnoseTokenFailure(toTokenFailure(error, c), { authorityHost: origin });
    expect(diagnosis).toMatchObject({ code: 'response-too-large', step: null, transient: false, exitCode: 6, source: RESPONSE_TOO_LARGE });
    expect(diagnosis.summary).toContain('127.0.0.1');
    expect(diagnosis.fix).toContain('proxy');
  });
});

describe('a stop signal', () => {
  it('ends the request in flight at once and closes its connection', async () => {
    const controller = new AbortController();
    const c = new TokenNetworkClient({ timeoutMs: 20_000, extraCaPem: certs.caPem, proxy: null, signal: controller.signal });
    const pending = c.sendGetRequestAsync(`${origin}/hang`);
    while (!written.has('/hang')) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ errorCode: 'network_error' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(c.lastTransportFailure?.code).toBe('ABORT_ERR');
    const deadline = Date.now() + 2_000;
    while (written.get('/hang') !== -1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(written.get('/hang')).toBe(-1);
  });
});
