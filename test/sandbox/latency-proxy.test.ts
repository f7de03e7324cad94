import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect, createServer as createTlsServer } from 'node:tls';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxCertificates } from '../../src/sandbox/ca.js';
import { startLatencyProxy, type LatencyProxy } from '../../src/sandbox/latency-proxy.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { httpsRequest, RawSmtp } from './helpers.js';

/**
 * The latency proxy: half a round trip each way, in order, handshakes paying their round trips;
 * half-close and resets passed on; nothing left open. Timing is asserted only as lower bounds (a
 * loaded machine is slower, never faster, than the model).
 */

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

async function proxyTo(port: number, roundTripMs: number): Promise<LatencyProxy> {
  const proxy = await startLatencyProxy({ roundTripMs, target: { host: '127.0.0.1', port } });
  cleanups.push(() => proxy.close());
  return proxy;
}

function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true }, () => resolve(socket));
    socket.once('error', reject);
    cleanups.push(() => void socket.destroy());
  });
}

/** Everything the socket receives until its end (FIN, answered with its own), and whether it ended cleanly. */
function readAll(socket: Socket): Promise<{ data: Buffer; ended: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let ended = false;
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      ended = true;
      socket.end();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ data: Buffer.concat(chunks), ended }));
  });
}

function firstData(socket: Socket): Promise<Buffer> {
  return new Promise((resolve) => socket.once('data', resolve));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Both sides of every connection closed (the proxy's own close events may follow the peer's by a tick). */
async function settled(proxy: LatencyProxy): Promise<void> {
  for (let i = 0; i < 100 && proxy.openConnections() > 0; i++) await sleep(5);
  expect(proxy.openConnections()).toBe(0);
}

describe('startLatencyProxy: round trips', () => {
  it('a server that speaks first reaches the client two round trips after its connect (TCP, then the greeting)', async () => {
    const port = await listen(createServer((s) => s.end('220 hello\r\n')));
    const proxy = await proxyTo(port, 100);
    const start = performance.now();
    const socket = await dial(proxy.port);
    const greeting = await firstData(socket);
    expect(greeting.toString()).toBe('220 hello\r\n');
    expect(performance.now() - start).toBeGreaterThanOrEqual(200);
  });

  it('a request and its answer take a round trip each, after the round trip of the TCP handshake', async () => {
    const port = await listen(createServer((s) => s.on('data', (d) => s.write(d))));
    const proxy = await proxyTo(port, 100);
    const start = performance.now();
    const socket = await dial(proxy.port);
    socket.write('one');
    expect((await firstData(socket)).toString()).toBe('one');
    const first = performance.now() - start;
    expect(first).toBeGreaterThanOrEqual(200);
    const second = performance.now();
    socket.write('two');
    expect((await firstData(socket)).toString()).toBe('two');
    expect(performance.now() - second).toBeGreaterThanOrEqual(100);
  });

  it('TLS passes through untouched: the certificate verifies and the handshake pays its round trip', async () => {
    const certs = createSandboxCertificates('127.0.0.1');
    const server = createTlsServer({ key: certs.keyPem, cert: certs.certPem, minVersion: 'TLSv1.3' }, (s) => s.end('secured'));
    const port = await listen(server);
    const proxy = await proxyTo(port, 100);
    const start = performance.now();
    const socket = tlsConnect({ host: '127.0.0.1', port: proxy.port, ca: certs.caPem });
    cleanups.push(() => void socket.destroy());
    await once(socket, 'secureConnect');
    // TCP (1) + TLS 1.3 (1): the server's Finished reaches the client after two round trips.
    expect(performance.now() - start).toBeGreaterThanOrEqual(200);
    expect(socket.authorized).toBe(true);
    expect((await firstData(socket)).toString()).toBe('secured');
  });
});

describe('startLatencyProxy: bytes, half-close, errors', () => {
  it('delivers every byte, in order, whatever the chunking, both ways, and passes the half-close on (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 2000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 2000 }), { minLength: 0, maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
        async (upChunks, downChunks, roundTripMs, pauses) => {
          // The server reads the client's bytes to their end, then answers with its own and ends.
          let serverGot: Promise<{ data: Buffer; ended: boolean }> | null = null;
          const server = createServer({ allowHalfOpen: true }, (s) => {
            const received: Buffer[] = [];
            serverGot = new Promise((resolve) => {
              s.on('data', (c: Buffer) => received.push(c));
              s.on('end', async () => {
                resolve({ data: Buffer.concat(received), ended: true });
                for (const [i, chunk] of downChunks.entries()) {
                  s.write(chunk);
                  if (pauses[i]) await sleep(pauses[i]!);
                }
                s.end();
              });
            });
          });
          const port = await listen(server);
          const proxy = await proxyTo(port, roundTripMs);
          const socket = await dial(proxy.port);
          const clientGot = readAll(socket);
          for (const [i, chunk] of upChunks.entries()) {
            socket.write(chunk);
            if (pauses[i]) await sleep(pauses[i]!);
          }
          socket.end();
          const down = await clientGot;
          const up = await serverGot!;
          expect(up.ended).toBe(true);
          expect(up.data.equals(Buffer.concat(upChunks))).toBe(true);
          expect(down.ended).toBe(true);
          expect(down.data.equals(Buffer.concat(downChunks))).toBe(true);
          await settled(proxy);
          await proxy.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a refused upstream connection closes the client\'s; a client reset closes the server\'s', async () => {
    // Refused: nothing listens on the target port any more.
    const gone = createServer();
    const gonePort = await listen(gone);
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const refused = await proxyTo(gonePort, 10);
    const orphan = await dial(refused.port);
    const result = await readAll(orphan);
    expect(result.data.length).toBe(0);
    await settled(refused);

    // Reset by the client: the server's socket closes too.
    let serverClosed: Promise<unknown> | null = null;
    const port = await listen(createServer((s) => (serverClosed = new Promise((resolve) => s.on('error', () => undefined).on('close', resolve)))));
    const proxy = await proxyTo(port, 10);
    const socket = await dial(proxy.port);
    socket.write('hello');
    await sleep(40);
    socket.resetAndDestroy();
    await serverClosed;
    await settled(proxy);
  });

  it('close() drops every connection on both sides at once and refuses new ones', async () => {
    const serverSockets: Socket[] = [];
    const port = await listen(createServer((s) => serverSockets.push(s.on('error', () => undefined))));
    const proxy = await startLatencyProxy({ roundTripMs: 20, target: { host: '127.0.0.1', port } });
    const sockets = await Promise.all([dial(proxy.port), dial(proxy.port)]);
    const closed = sockets.map((s) => readAll(s));
    await sleep(60); // the upstream connections are open now
    expect(serverSockets).toHaveLength(2);
    const serverClosed = serverSockets.map((s) => once(s, 'close'));
    await proxy.close();
    await Promise.all([...closed, ...serverClosed]);
    expect(proxy.openConnections()).toBe(0);
    expect(proxy.connections()).toBe(2);
    const late = connect(proxy.port, '127.0.0.1');
    const [error] = (await once(late, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
  });
});

describe('startSandbox({ latencyMs })', () => {
  it('puts a proxy in front of both servers: the settings name its ports, discovery names it too, the certificate verifies', async () => {
    const sandbox = await startSandbox({ latencyMs: 40 });
    cleanups.push(() => sandbox.close());
    expect(sandbox.latencyMs).toBe(40);
    const tenant = sandbox.client.tenantId;
    const start = performance.now();
    const discovery = await httpsRequest(`${sandbox.authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`, { ca: sandbox.caPem });
    // TCP, TLS, the GET: three round trips.
    expect(performance.now() - start).toBeGreaterThanOrEqual(120);
    expect(discovery.status).toBe(200);
    // MSAL posts to the token_endpoint named here: it must be the proxy's port, not the server's.
    expect(JSON.parse(discovery.body).token_endpoint).toBe(`${sandbox.authorityHost}/${tenant}/oauth2/v2.0/token`);

    const smtp = await RawSmtp.connect(sandbox);
    await smtp.client.command('EHLO client.example');
    smtp.client.close();
    const stats = sandbox.stats();
    expect(stats.proxied).toEqual({ token: 1, smtp: 1 });
    expect(stats.smtpConnections).toBe(1);
  });

  it('close() leaves nothing open: proxies, servers and the sessions through them', async () => {
    const handles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP') || r === 'TLSWrap').length;
    const baseline = handles();
    const sandbox = await startSandbox({ latencyMs: 20 });
    const smtp = await RawSmtp.connect(sandbox);
    await smtp.client.command('EHLO client.example');
    const idle = await dial(Number(new URL(sandbox.authorityHost).port));
    const gone = Promise.all([smtp.client.whenClosed(), readAll(idle)]);
    await sandbox.close();
    await gone;
    for (let i = 0; i < 50 && handles() > baseline; i++) await sleep(10);
    expect(handles()).toBe(baseline);
    const late = connect(sandbox.smtp.port, sandbox.smtp.host);
    const [error] = (await once(late, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('records the events of both servers in one log, in order', async () => {
    const sandbox = await startSandbox();
    cleanups.push(() => sandbox.close());
    expect(sandbox.latencyMs).toBeNull();
    expect(sandbox.stats().proxied).toBeNull();
    const tenant = sandbox.client.tenantId;
    await httpsRequest(`${sandbox.authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`, { ca: sandbox.caPem });
    const smtp = await RawSmtp.connect(sandbox);
    await smtp.client.command('EHLO client.example');
    const events = sandbox.eventLog.map((e) => `${e.server} ${e.event}`);
    expect(events).toEqual(['token request-received', 'token request-answered', 'smtp connection', 'smtp greeting', 'smtp ehlo']);
    expect(sandbox.requestLog[0]!.answeredAt).not.toBeNull();
    smtp.client.close();
  });
});
