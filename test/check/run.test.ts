import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCheck, type StageEvents, type TokenCheck } from '../../src/check/run.js';
import { GLOBAL_CLOUD } from '../../src/cloud.js';
import type { CheckInputs } from '../../src/inputs/check-inputs.js';
import { Secret } from '../../src/inputs/secret.js';
import { Redactor } from '../../src/redact.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { scriptedServer } from '../support/scripted-smtp.js';
import { smtpEvents } from '../support/latency-sandbox.js';

/** runCheck with the token and the SMTP connection overlapping: real MSAL and nodemailer, in process. */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(() => sandbox.applyScenario('healthy'));

function recorder(): StageEvents & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    start: (stage) => void log.push(`start ${stage}`),
    succeed: (stage) => void log.push(`succeed ${stage}`),
    fail: (stage) => void log.push(`fail ${stage}`),
    skip: (stage) => void log.push(`skip ${stage}`),
  };
}

const inputs = (overrides: Partial<CheckInputs> = {}): CheckInputs => ({
  cloud: GLOBAL_CLOUD,
  tenantId: sandbox.client.tenantId,
  clientId: sandbox.client.clientId,
  credential: { kind: 'secret', secret: new Secret(sandbox.client.clientSecret, 'prompt') },
  mailbox: sandbox.client.mailbox,
  from: sandbox.client.mailbox,
  to: sandbox.client.to,
  authorityHost: sandbox.authorityHost,
  smtpHost: sandbox.smtp.host,
  smtpPort: sandbox.smtp.port,
  timeoutSeconds: 10,
  proxy: null,
  ...overrides,
});

const usableToken = (accessToken: string): TokenCheck => ({
  token: { acquired: true, expiresOn: null, claims: null, servicePrincipalObjectId: null },
  warnings: [],
  diagnosis: null,
  accessToken,
  context: {},
});

async function noOpenConnections(): Promise<number> {
  const deadline = Date.now() + 2_000;
  while (sandbox.stats().smtpOpenConnections > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return sandbox.stats().smtpOpenConnections;
}

describe('runCheck: token and SMTP connection at the same time', () => {
  it('a slow token: the stages are still reported in step order, and the SMTP connection was ready before the token came', async () => {
    sandbox.faults.tokenEndpoint = { kind: 'delay', ms: 800, remaining: 1 };
    const events = recorder();
    const log = smtpEvents(sandbox).length;
    const requests = sandbox.requestLog.length;
    const report = await runCheck(inputs(), { events, redactor: new Redactor(), extraCaPem: sandbox.caPem });
    expect(report.ok, JSON.stringify(report.diagnosis)).toBe(true);
    expect(events.log).toEqual([
      'start token', 'succeed token', 'start claims', 'succeed claims',
      'start smtp-auth', 'succeed smtp-auth', 'start smtp-send', 'succeed smtp-send',
    ]);
    const answered = sandbox.requestLog.slice(requests).find((r) => r.method === 'POST')!.answeredAt!;
    const ready = smtpEvents(sandbox).slice(log).find((e) => e.event === 'ehlo' && e.secure)!.at;
    expect(Date.parse(ready)).toBeLessThan(Date.parse(answered));
    expect(await noOpenConnections()).toBe(0);
  });

  it('a refused token: token stages fail, SMTP stages are skipped, the SMTP facts are reported, QUIT ends the session', async () => {
    sandbox.applyScenario('secret-id-instead-of-value');
    const events = recorder();
    const log = smtpEvents(sandbox).length;
    const report = await runCheck(inputs({ credential: { kind: 'secret', secret: new Secret(sandbox.client.clientSecret, 'prompt') } }), {
      events,
      redactor: new Redactor(),
      extraCaPem: sandbox.caPem,
    });
    expect(report.diagnosis?.code).toBe('client-secret-invalid');
    expect(events.log).toEqual(['start token', 'fail token', 'skip claims', 'skip smtp-auth', 'skip smtp-send']);
    expect(report.smtp).toMatchObject({ reachable: true, authenticated: false, response: null });
    expect(report.smtp.authMechanisms).toContain('XOAUTH2');
    expect(report.timings.smtpConnectMs).toBeTypeOf('number');
    expect(report.timings.authMs).toBeNull();
    // The report does not wait for the reply to QUIT: the server sees it just after.
    expect(await noOpenConnections()).toBe(0);
    // This check's session only (an earlier one's late `close` may fall into the slice).
    const session = smtpEvents(sandbox).slice(log).find((e) => e.event === 'connection')?.session;
    const seen = () => smtpEvents(sandbox).slice(log).filter((e) => e.session === session).map((e) => e.event);
    const deadline = Date.now() + 2_000;
    while (!seen().includes('close') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen()).toEqual(['connection', 'greeting', 'ehlo', 'starttls', 'ehlo', 'quit', 'close']);
  });

  it('an SMTP server that cannot be reached while the token is fine: the claims are reported, the diagnosis is SMTP\'s', async () => {
    const events = recorder();
    // A port nobody listens on: a closed sandbox SMTP port would do too, this one is never open.
    const report = await runCheck(inputs({ smtpPort: 1, to: null }), { events, redactor: new Redactor(), extraCaPem: sandbox.caPem });
    expect(report.exitCode).toBe(6);
    expect(report.token.claims).not.toBeNull();
    expect(report.smtp).toMatchObject({ reachable: false, tlsVersion: null, authMechanisms: null });
    expect(events.log).toEqual(['start token', 'succeed token', 'start claims', 'succeed claims', 'start smtp-auth', 'fail smtp-auth']);
  });

  it('a fleet\'s token still on its way: AUTH waits for it; a session the server dropped while waiting is opened again, once', async () => {
    const fake = scriptedServer({ closeFirstWhenReady: true });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (fake.server.address() as AddressInfo).port;
      let answer!: (tc: TokenCheck) => void;
      const tokenCheck = new Promise<TokenCheck>((resolve) => (answer = resolve));
      const running = runCheck(inputs({ smtpHost: '127.0.0.1', smtpPort: port, to: null }), { events: recorder(), redactor: new Redactor(), extraCaPem: fake.certs.caPem, tokenCheck });
      const deadline = Date.now() + 3_000;
      while (fake.closedAt.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      // Ready for AUTH (and dropped) before the token exists; nothing token-related was sent.
      expect(fake.commands.map((c) => c.line.split(' ')[0])).toEqual(['EHLO', 'STARTTLS', 'EHLO']);
      answer(usableToken('header.payload.signature'));
      const report = await running;
      expect(report.ok, JSON.stringify(report.diagnosis)).toBe(true);
      expect(fake.connections()).toBe(2);
      expect(fake.commands.filter((c) => c.line.startsWith('AUTH'))).toHaveLength(1);
      expect(report.timings.tokenMs).toBeNull();
    } finally {
      await new Promise<void>((resolve) => fake.server.close(() => resolve()));
    }
  });
});
