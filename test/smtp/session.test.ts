import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSmtpSession, QUIT_GRACE_MS, SmtpSessionError } from '../../src/smtp/session.js';
import { scriptedServer } from '../support/scripted-smtp.js';

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

describe('openSmtpSession and a stop signal', () => {
  it('closes the connection at once instead of waiting for the greeting timeout', async () => {
    const controller = new AbortController();
    const session = openSmtpSession({ host: '127.0.0.1', port, timeoutMs: 20_000, signal: controller.signal });
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
    await expect(openSmtpSession({ host: '127.0.0.1', port, timeoutMs: 20_000, signal: controller.signal })).rejects.toBeInstanceOf(SmtpSessionError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(accepted.length).toBe(before);
  });
});

describe('openSmtpSession: connect, then AUTH, send and QUIT', () => {
  it('MAIL FROM, RCPT TO and DATA go out before the first of their replies (PIPELINING); QUIT holds nothing', async () => {
    const fake = scriptedServer();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (fake.server.address() as AddressInfo).port;
      const session = await openSmtpSession({ host: '127.0.0.1', port, timeoutMs: 5_000, extraCaPem: fake.certs.caPem });
      expect(session.result).toMatchObject({ reachable: true, tlsVersion: expect.stringMatching(/^TLSv1\.[23]$/), authMechanisms: ['LOGIN', 'XOAUTH2'] });
      // Nothing token-related was sent while the session waits: AUTH comes only with the token.
      expect(fake.commands.map((c) => c.line.split(' ')[0])).toEqual(['EHLO', 'STARTTLS', 'EHLO']);
      await session.authenticate('alerts@contoso.com', 'header.payload.signature');
      await session.send({ from: 'alerts@contoso.com', to: 'you@contoso.com', raw: Buffer.from('Subject: t\r\n\r\nhello\r\n'), messageId: '<m@test>' });
      const mail = fake.commands.findIndex((c) => c.line.startsWith('MAIL FROM'));
      const envelope = fake.commands.slice(mail, mail + 3);
      expect(envelope.map((c) => c.line.split(/[ :]/)[0])).toEqual(['MAIL', 'RCPT', 'DATA']);
      // All three arrived before the server had answered MAIL FROM: one round trip, not three.
      expect(new Set(envelope.map((c) => c.repliesSent)).size).toBe(1);

      const before = Date.now();
      session.quit();
      expect(Date.now() - before).toBeLessThan(50);
      expect(session.usable).toBe(false);
      const deadline = Date.now() + 2_000;
      while (fake.closedAt.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fake.quitAt()).toBeGreaterThan(0);
      // The server never answers QUIT: the socket is closed after the grace anyway, not after a timeout.
      expect(fake.closedAt[0]! - fake.quitAt()).toBeLessThan(QUIT_GRACE_MS + 300);
    } finally {
      await new Promise<void>((resolve) => fake.server.close(() => resolve()));
    }
  });

  it('while it waits for its token, the socket timeout does not run; a stop closes the waiting session', async () => {
    const fake = scriptedServer();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (fake.server.address() as AddressInfo).port;
      const controller = new AbortController();
      const session = await openSmtpSession({ host: '127.0.0.1', port, timeoutMs: 200, extraCaPem: fake.certs.caPem, signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(session.usable).toBe(true);
      controller.abort();
      const deadline = Date.now() + 2_000;
      while (fake.closedAt.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fake.closedAt).toHaveLength(1);
      expect(session.usable).toBe(false);
      await expect(session.authenticate('alerts@contoso.com', 'x')).rejects.toBeInstanceOf(SmtpSessionError);
    } finally {
      await new Promise<void>((resolve) => fake.server.close(() => resolve()));
    }
  });
});

describe('openSmtpSession: the TCP connection opens before nodemailer is loaded', () => {
  it('nodemailer takes over the connection opened first (one connection), and connectMs counts from its start', async () => {
    const fake = scriptedServer();
    let connections = 0;
    fake.server.on('connection', () => connections++);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (fake.server.address() as AddressInfo).port;
      const opening = openSmtpSession({ host: '127.0.0.1', port, timeoutMs: 5_000, extraCaPem: fake.certs.caPem });
      // Block the event loop as a synchronous load would. The connection was started before, so the
      // time counts in connectMs (before, nodemailer connected only once it had loaded, after this).
      const until = Date.now() + 150;
      while (Date.now() < until) {
        // busy
      }
      const session = await opening;
      expect(session.result.reachable).toBe(true);
      expect(connections).toBe(1);
      // Measured from the early connect, so it covers the whole handshake the server saw.
      expect(session.result.timings.connectMs).toBeGreaterThanOrEqual(150);
      session.close();
    } finally {
      await new Promise<void>((resolve) => fake.server.close(() => resolve()));
    }
  });

  it('a refused connection is diagnosed at once, as before: phase connect, ECONNREFUSED, no greeting timeout', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const started = Date.now();
    const error = await openSmtpSession({ host: '127.0.0.1', port, timeoutMs: 20_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmtpSessionError);
    const { failure, partial } = error as SmtpSessionError;
    expect(failure.phase).toBe('connect');
    expect(`${failure.code} ${failure.causeCode ?? ''}`).toContain('ECONNREFUSED');
    expect(partial.reachable).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
