import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSmtpSession, SmtpSessionError } from '../../src/smtp/session.js';

/** A server that accepts and never greets: the session waits until its timeout, or a stop signal. */
let server: Server;
let port: number;
const closed: Socket[] = [];
const accepted: Socket[] = [];

beforeAll(async () => {
  server = createServer((socket) => {
    accepted.push(socket);
    socket.on('close', () => closed.push(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('runSmtpSession and a stop signal', () => {
  it('closes the connection at once instead of waiting for the greeting timeout', async () => {
    const controller = new AbortController();
    const session = runSmtpSession({ host: '127.0.0.1', port, mailbox: 'alerts@contoso.com', accessToken: 'x', timeoutMs: 20_000, signal: controller.signal });
    while (accepted.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    controller.abort();
    await expect(session).rejects.toBeInstanceOf(SmtpSessionError);
    expect(Date.now() - started).toBeLessThan(1_000);
    const deadline = Date.now() + 2_000;
    while (closed.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toHaveLength(1);
  });

  it('an aborted signal starts no session', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = accepted.length;
    await expect(runSmtpSession({ host: '127.0.0.1', port, mailbox: 'alerts@contoso.com', accessToken: 'x', timeoutMs: 20_000, signal: controller.signal })).rejects.toBeInstanceOf(SmtpSessionError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(accepted.length).toBe(before);
  });
});
