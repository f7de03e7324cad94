import { createServer, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { createSandboxCertificates } from '../../src/sandbox/ca.js';

/**
 * A scripted server: greeting, EHLO (PIPELINING, STARTTLS; AUTH XOAUTH2 inside TLS), STARTTLS, AUTH,
 * MAIL/RCPT/DATA; it never answers QUIT. It records each command with the number of replies it had
 * sent when the command's bytes arrived, and when its connection closed. `closeFirstWhenReady`: the
 * first connection is dropped right after its EHLO inside TLS (a server ending an idle session).
 */
export function scriptedServer(options: { closeFirstWhenReady?: boolean } = {}) {
  const certs = createSandboxCertificates('127.0.0.1');
  const commands: Array<{ line: string; repliesSent: number }> = [];
  const closedAt: number[] = [];
  let quitAt = 0;
  let connections = 0;
  const server = createServer((raw) => {
    const first = ++connections === 1;
    let socket: Socket | TLSSocket = raw;
    let replies = 0;
    let repliesBeforeChunk = 0;
    let inData = false;
    let buffer = '';
    const reply = (text: string) => {
      replies++;
      socket.write(`${text}\r\n`);
    };
    const onLine = (line: string) => {
      if (inData) {
        if (line === '.') {
          inData = false;
          reply('250 2.0.0 OK <queued@test>');
        }
        return;
      }
      commands.push({ line, repliesSent: repliesBeforeChunk });
      const verb = line.split(/[ :]/)[0]!.toUpperCase();
      if (verb === 'EHLO') {
        reply(socket instanceof TLSSocket ? '250-test\r\n250-PIPELINING\r\n250 AUTH LOGIN XOAUTH2' : '250-test\r\n250-PIPELINING\r\n250 STARTTLS');
        if (first && options.closeFirstWhenReady && socket instanceof TLSSocket) setTimeout(() => socket.destroy(), 50);
      }
      else if (verb === 'STARTTLS') {
        reply('220 2.0.0 SMTP server ready');
        raw.removeAllListeners('data');
        socket = new TLSSocket(raw, { isServer: true, key: certs.keyPem, cert: certs.certPem });
        socket.on('data', onData);
        socket.on('error', () => undefined);
      } else if (verb === 'AUTH') reply('235 2.7.0 Authentication successful');
      else if (verb === 'MAIL' || verb === 'RCPT') reply('250 2.1.0 OK');
      else if (verb === 'DATA') {
        inData = true;
        reply('354 Start mail input');
      } else if (verb === 'QUIT') quitAt = Date.now(); // never answered
    };
    const onData = (chunk: Buffer) => {
      repliesBeforeChunk = replies;
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        onLine(line);
      }
    };
    raw.on('data', onData);
    raw.on('error', () => undefined);
    raw.on('close', () => closedAt.push(Date.now()));
    reply('220 test ESMTP');
  });
  return { server, certs, commands, closedAt, quitAt: () => quitAt, connections: () => connections };
}

