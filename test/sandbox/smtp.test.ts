import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_ADDRESSES, SANDBOX_IDS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { fetchAccessToken, mailer, RawSmtp, rejectionOf, xoauth2Blob } from './helpers.js';

// ` [HOST 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]` (catalog §0.1, modern suffix).
const SUFFIX = / \[SBX1PR01CA0001\.sandbox\.outlook\.test \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z [0-9A-F]{16}\]$/;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
});

const message = (overrides: Record<string, unknown> = {}) => ({
  from: sandbox.client.from,
  to: sandbox.client.to,
  subject: 'Sandbox test ✓',
  text: 'Hello from the sandbox test.',
  ...overrides,
});

async function send(overrides: Record<string, unknown> = {}, auth?: { user?: string; accessToken?: string }) {
  const accessToken = auth?.accessToken ?? (await fetchAccessToken(sandbox));
  const transport = mailer(sandbox, { user: auth?.user ?? sandbox.client.mailbox, accessToken });
  try {
    return await transport.sendMail(message(overrides));
  } finally {
    transport.close();
  }
}

describe('healthy tenant with real nodemailer', () => {
  it('sends a message: 250 2.0.0 OK <id> [Hostname=…], recorded with envelope and identity', async () => {
    const before = sandbox.received.length;
    const info = await send({ subject: 'Quarterly report ✓', headers: { 'X-Test': '1' } });
    expect(info.response).toMatch(
      /^250 2\.0\.0 OK <SBX1PR01MB0001[0-9A-F]{25}@SBX1PR01MB0001\.sandbox\.outlook\.test> \[Hostname=SBX1PR01MB0001\.sandbox\.outlook\.test\]$/,
    );
    expect(info.accepted).toEqual([SANDBOX_ADDRESSES.recipient]);
    expect(sandbox.received).toHaveLength(before + 1);
    const received = sandbox.received.at(-1);
    expect(received).toMatchObject({
      mailFrom: SANDBOX_ADDRESSES.mailbox,
      rcptTo: [SANDBOX_ADDRESSES.recipient],
      headerFrom: [SANDBOX_ADDRESSES.mailbox],
      authenticatedAs: SANDBOX_ADDRESSES.mailbox,
      servicePrincipal: SANDBOX_IDS.clientId,
      servicePrincipalObjectId: SANDBOX_IDS.servicePrincipalObjectId,
      subject: 'Quarterly report ✓',
    });
    expect(received?.raw).toContain('X-Test: 1');
    expect(received?.raw).toContain('Hello from the sandbox test.');
    expect(info.response).toContain(received?.queueId);
    expect(sandbox.authAttempts.at(-1)).toMatchObject({ outcome: 'ok', reply: '235 2.7.0 Authentication successful' });
  });

  it('advertises Exchange capabilities after STARTTLS (AUTH LOGIN XOAUTH2, SIZE 157286400)', async () => {
    const info = await send();
    const ehlo = (info as unknown as { ehlo?: string[] }).ehlo ?? [];
    expect(ehlo).toEqual(expect.arrayContaining(['AUTH LOGIN XOAUTH2', 'SIZE 157286400', 'ENHANCEDSTATUSCODES']));
    expect(ehlo).not.toContain('STARTTLS');
  });

  it('lets the mailbox send from its own alias (SendFromAliasEnabled)', async () => {
    await send({ from: SANDBOX_ADDRESSES.mailboxAlias, envelope: { from: SANDBOX_ADDRESSES.mailboxAlias, to: [sandbox.client.to] } });
    expect(sandbox.received.at(-1)?.mailFrom).toBe(SANDBOX_ADDRESSES.mailboxAlias);
  });

  it('calls onMessage for each accepted message', async () => {
    const got: string[] = [];
    const own = await startSandbox({ onMessage: (m) => got.push(m.subject) });
    try {
      const token = await fetchAccessToken(own);
      const transport = mailer(own, { user: own.client.mailbox, accessToken: token });
      await transport.sendMail({ from: own.client.from, to: own.client.to, subject: 'one', text: '1' });
      await transport.sendMail({ from: own.client.from, to: own.client.to, subject: 'two', text: '2' });
      transport.close();
      expect(got).toEqual(['one', 'two']);
      expect(own.received.map((m) => m.subject)).toEqual(['one', 'two']);
    } finally {
      await own.close();
    }
  });
});

describe('SMTP failures, exact reply lines', () => {
  const authCases: { scenario: string; reply: string; outcome: string; line: RegExp }[] = [
    { scenario: 'no-admin-consent', reply: '535 5.7.3', outcome: 'missing-role', line: /^535 5\.7\.3 Authentication unsuccessful \[/ },
    { scenario: 'no-service-principal', reply: '535 5.7.3', outcome: 'no-exchange-service-principal', line: /^535 5\.7\.3 Authentication unsuccessful \[/ },
    {
      scenario: 'wrong-object-id',
      reply: '535 5.7.3',
      outcome: 'service-principal-object-id-mismatch',
      line: /^535 5\.7\.3 Authentication unsuccessful \[/,
    },
    { scenario: 'no-mailbox-permission', reply: '535 5.7.3', outcome: 'no-full-access', line: /^535 5\.7\.3 Authentication unsuccessful \[/ },
    { scenario: 'unknown-mailbox', reply: '535 5.7.3', outcome: 'unknown-mailbox', line: /^535 5\.7\.3 Authentication unsuccessful \[/ },
    {
      scenario: 'smtp-auth-disabled-mailbox',
      reply: '535 5.7.139 … Mailbox',
      outcome: 'smtp-auth-disabled-mailbox',
      line: /^535 5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox\. Visit https:\/\/aka\.ms\/smtp_auth_disabled for more information\. \[/,
    },
    {
      scenario: 'smtp-auth-disabled-tenant',
      reply: '535 5.7.139 … Tenant',
      outcome: 'smtp-auth-disabled-tenant',
      line: /^535 5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant\. Visit https:\/\/aka\.ms\/smtp_auth_disabled for more information\. \[/,
    },
  ];

  for (const c of authCases) {
    it(`${c.scenario} → ${c.reply} at AUTH (cause recorded: ${c.outcome})`, async () => {
      sandbox.applyScenario(c.scenario);
      const before = sandbox.received.length;
      const err = await rejectionOf(send());
      expect(err.code).toBe('EAUTH');
      expect(err.responseCode).toBe(535);
      expect(err.command).toBe('AUTH XOAUTH2');
      expect(err.response).toMatch(c.line);
      expect(err.response).toMatch(SUFFIX);
      expect(sandbox.authAttempts.at(-1)?.outcome).toBe(c.outcome);
      expect(sandbox.received).toHaveLength(before);
    });
  }

  it('send-as-denied → 550 5.7.60 at the end of DATA, after a successful AUTH', async () => {
    sandbox.applyScenario('send-as-denied');
    expect(sandbox.scenario.needsRecipient).toBe(true);
    const before = sandbox.received.length;
    const err = await rejectionOf(send());
    expect(err.code).toBe('EMESSAGE');
    expect(err.responseCode).toBe(550);
    expect(err.response).toBe(
      '550 5.7.60 SMTP; Client does not have permissions to send as this sender [SBX1PR01MB0001.sandbox.outlook.test]',
    );
    expect(sandbox.authAttempts.at(-1)?.outcome).toBe('ok');
    expect(sandbox.received).toHaveLength(before);
  });

  it('a From: header naming another mailbox is refused even with the mailbox as envelope sender', async () => {
    const err = await rejectionOf(
      send({ from: SANDBOX_ADDRESSES.otherMailbox, envelope: { from: SANDBOX_ADDRESSES.mailbox, to: [sandbox.client.to] } }),
    );
    expect(err.responseCode).toBe(550);
  });

  it('SendAs granted on the other mailbox lets the app send as it', async () => {
    sandbox.applyScenario('send-as-denied');
    const other = sandbox.tenant.mailboxes.find((m) => m.address === SANDBOX_ADDRESSES.otherMailbox);
    other?.sendAs.push(SANDBOX_IDS.servicePrincipalObjectId);
    const info = await send();
    expect(info.response).toMatch(/^250 2\.0\.0 OK /);
    expect(sandbox.received.at(-1)?.mailFrom).toBe(SANDBOX_ADDRESSES.otherMailbox);
  });

  it('exchange-temporary-error → 451 4.7.0 … PRX4 (two spaces before the bracket) at AUTH', async () => {
    sandbox.applyScenario('exchange-temporary-error');
    const err = await rejectionOf(send());
    expect(err.responseCode).toBe(451);
    expect(err.response).toBe(
      '451 4.7.0 Temporary server error. Please try again later. PRX4  [SBX1PR01CA0001.sandbox.outlook.test]',
    );
  });

  it('sender-thread-limit → 432 4.3.2 STOREDRV.ClientSubmit at the end of DATA', async () => {
    sandbox.applyScenario('sender-thread-limit');
    const err = await rejectionOf(send());
    expect(err.code).toBe('EMESSAGE');
    expect(err.response).toBe(
      '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=SBX1PR01MB0001.sandbox.outlook.test]',
    );
  });

  it('an injection with `remaining` answers that many times, then the server behaves normally', async () => {
    sandbox.faults.inject = { phase: 'rcpt', code: 550, text: '5.4.1 Recipient address rejected: Access denied {suffix}', remaining: 1 };
    const err = await rejectionOf(send());
    expect(err.code).toBe('EENVELOPE');
    expect(err.response).toMatch(/^550 5\.4\.1 Recipient address rejected: Access denied \[SBX1PR01CA0001/);
    expect(err.response).toMatch(SUFFIX);
    const info = await send();
    expect(info.response).toMatch(/^250 2\.0\.0 OK /);
  });

  it('an expired token (short lifetime) → 535 5.7.3', async () => {
    const own = await startSandbox({ tokenLifetimeSeconds: 1 });
    try {
      const accessToken = await fetchAccessToken(own);
      // exp = iat + 1 s; jose compares whole seconds, so the token is expired at most 1 s after issue.
      await new Promise((r) => setTimeout(r, 1100));
      const transport = mailer(own, { user: own.client.mailbox, accessToken });
      const err = await rejectionOf(transport.sendMail({ from: own.client.from, to: own.client.to, text: 'x' }));
      transport.close();
      expect(err.response).toMatch(/^535 5\.7\.3 Authentication unsuccessful \[/);
      expect(own.authAttempts.at(-1)?.outcome).toBe('token-expired');
    } finally {
      await own.close();
    }
  });

  it('a token for Graph (wrong audience) → 535 5.7.3', async () => {
    const accessToken = await fetchAccessToken(sandbox, { scope: 'https://graph.microsoft.com/.default' });
    const err = await rejectionOf(send({}, { accessToken }));
    expect(err.responseCode).toBe(535);
    expect(sandbox.authAttempts.at(-1)?.outcome).toBe('wrong-audience');
  });

  it('a token not signed by the sandbox → 535 5.7.3', async () => {
    const token = await fetchAccessToken(sandbox);
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${'A'.repeat(342)}`;
    const err = await rejectionOf(send({}, { accessToken: forged }));
    expect(err.responseCode).toBe(535);
    expect(sandbox.authAttempts.at(-1)?.outcome).toBe('token-invalid');
  });

  it('AUTH as a mailbox the service principal has no FullAccess on → 535 5.7.3', async () => {
    const err = await rejectionOf(send({}, { user: SANDBOX_ADDRESSES.otherMailbox }));
    expect(err.responseCode).toBe(535);
    expect(sandbox.authAttempts.at(-1)?.outcome).toBe('no-full-access');
  });
});

describe('TLS', () => {
  it('no-starttls → nodemailer (requireTLS) refuses before AUTH; no token is sent', async () => {
    sandbox.applyScenario('no-starttls');
    const attempts = sandbox.authAttempts.length;
    const err = await rejectionOf(send());
    expect(err.code).toBe('ETLS');
    expect(sandbox.authAttempts).toHaveLength(attempts);
  });

  it('no-starttls: EHLO offers neither STARTTLS nor AUTH, and AUTH sent anyway gets 504 5.7.4', async () => {
    sandbox.applyScenario('no-starttls');
    const { client } = await RawSmtp.connect(sandbox);
    try {
      const ehlo = await client.command('EHLO client.example');
      expect(ehlo).not.toMatch(/STARTTLS|AUTH/);
      expect(await client.command('STARTTLS')).toMatch(/^5\d\d /);
      const token = await fetchAccessToken(sandbox);
      const reply = await client.command(`AUTH XOAUTH2 ${xoauth2Blob(sandbox.client.mailbox, token)}`);
      expect(reply).toMatch(/^504 5\.7\.4 Unrecognized authentication type \[/);
      expect(sandbox.authAttempts.at(-1)?.outcome).toBe('not-secure');
    } finally {
      client.close();
    }
  });

  it('AUTH before STARTTLS is refused with 504 5.7.4 (Exchange offers AUTH only inside TLS)', async () => {
    const { client } = await RawSmtp.connect(sandbox);
    try {
      const ehlo = await client.command('EHLO client.example');
      expect(ehlo).toContain('250-STARTTLS');
      expect(ehlo).not.toContain('AUTH');
      const reply = await client.command(`AUTH XOAUTH2 ${xoauth2Blob(sandbox.client.mailbox, 'x.y.z')}`);
      expect(reply).toMatch(/^504 5\.7\.4 Unrecognized authentication type \[/);
      expect(reply).toMatch(SUFFIX);
      expect(await client.command('MAIL FROM:<a@b.example>')).toMatch(/^451 5\.7\.3 STARTTLS is required to send mail \[/);
    } finally {
      client.close();
    }
  });
});

describe('wire format', () => {
  it('speaks like smtp.office365.com from banner to QUIT (catalog §0.2)', async () => {
    const { client, greeting } = await RawSmtp.connect(sandbox);
    try {
      expect(greeting).toMatch(
        /^220 SBX1PR01CA0001\.sandbox\.outlook\.test Microsoft ESMTP MAIL Service ready at (Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000 \[([0-9A-F]{16})\]$/,
      );
      const sessionId = /\[([0-9A-F]{16})\]$/.exec(greeting)?.[1];
      expect(await client.command('EHLO client.example')).toBe(
        [
          '250-SBX1PR01CA0001.sandbox.outlook.test Hello [127.0.0.1]',
          '250-SIZE 157286400',
          '250-PIPELINING',
          '250-DSN',
          '250-ENHANCEDSTATUSCODES',
          '250-STARTTLS',
          '250-8BITMIME',
          '250 SMTPUTF8',
        ].join('\n'),
      );
      expect(await client.command('STARTTLS')).toBe('220 2.0.0 SMTP server ready');
      await client.startTls(sandbox.caPem);
      expect(await client.command('MAIL FROM:<x@y.example>')).toMatch(/^503 5\.5\.2 Send hello first \[/);
      expect(await client.command('EHLO client.example')).toBe(
        [
          '250-SBX1PR01CA0001.sandbox.outlook.test Hello [127.0.0.1]',
          '250-SIZE 157286400',
          '250-PIPELINING',
          '250-DSN',
          '250-ENHANCEDSTATUSCODES',
          '250-AUTH LOGIN XOAUTH2',
          '250-8BITMIME',
          '250 SMTPUTF8',
        ].join('\n'),
      );
      const notAuthed = await client.command(`MAIL FROM:<${sandbox.client.mailbox}>`);
      expect(notAuthed).toMatch(/^530 5\.7\.57 Client not authenticated to send mail\. \[/);
      expect(notAuthed).toContain(` ${sessionId}]`);

      // Two-step XOAUTH2 (AUTH, 334, blob) as well as the one-line form nodemailer uses.
      expect(await client.command('AUTH XOAUTH2')).toBe('334 ');
      const token = await fetchAccessToken(sandbox);
      expect(await client.command(xoauth2Blob(sandbox.client.mailbox, token))).toBe('235 2.7.0 Authentication successful');
      expect(await client.command(`MAIL FROM:<${sandbox.client.mailbox}>`)).toBe('250 2.1.0 Sender OK');
      expect(await client.command(`RCPT TO:<${sandbox.client.to}>`)).toBe('250 2.1.5 Recipient OK');
      expect(await client.command('DATA')).toBe('354 Start mail input; end with <CRLF>.<CRLF>');
      const done = await client.command(
        `From: <${sandbox.client.mailbox}>\r\nTo: <${sandbox.client.to}>\r\nSubject: =?UTF-8?B?w4RwZmVs?=\r\n\r\nbody\r\n.`,
      );
      expect(done).toMatch(/^250 2\.0\.0 OK <[^>]+> \[Hostname=SBX1PR01MB0001\.sandbox\.outlook\.test\]$/);
      expect(sandbox.received.at(-1)?.subject).toBe('Äpfel');
      expect(await client.command('QUIT')).toBe('221 2.0.0 Service closing transmission channel');
    } finally {
      client.close();
    }
  });

  it('answers AUTH LOGIN with 535 5.7.139 basic authentication is disabled', async () => {
    const { client } = await RawSmtp.connect(sandbox);
    try {
      await client.command('EHLO client.example');
      await client.command('STARTTLS');
      await client.startTls(sandbox.caPem);
      await client.command('EHLO client.example');
      expect(await client.command('AUTH LOGIN')).toBe('334 VXNlcm5hbWU6');
      expect(await client.command(Buffer.from(sandbox.client.mailbox).toString('base64'))).toBe('334 UGFzc3dvcmQ6');
      const reply = await client.command(Buffer.from(sandbox.client.clientSecret).toString('base64'));
      expect(reply).toMatch(/^535 5\.7\.139 Authentication unsuccessful, basic authentication is disabled\. \[/);
      expect(reply).toMatch(SUFFIX);
    } finally {
      client.close();
    }
  });
});

describe('state changes while running', () => {
  it('applyScenario fixes the tenant between two attempts without restarting', async () => {
    sandbox.applyScenario('no-mailbox-permission');
    const failed = await rejectionOf(send());
    expect(failed.responseCode).toBe(535);
    sandbox.applyScenario('healthy');
    const info = await send();
    expect(info.response).toMatch(/^250 2\.0\.0 OK /);
  });

  it('direct edits of the live tenant apply to the next session (Set-CASMailbox)', async () => {
    const mailbox = sandbox.tenant.mailboxes.find((m) => m.address === SANDBOX_ADDRESSES.mailbox);
    if (!mailbox) throw new Error('mailbox missing');
    mailbox.smtpClientAuthenticationDisabled = null; // inherits the org-wide "disabled"
    expect((await rejectionOf(send())).response).toContain('disabled for the Tenant');
    sandbox.tenant.organization.smtpClientAuthenticationDisabled = false;
    expect((await send()).response).toMatch(/^250 /);
    mailbox.smtpClientAuthenticationDisabled = true;
    expect((await rejectionOf(send())).response).toContain('disabled for the Mailbox');
  });
});

describe('concurrency per mailbox', () => {
  async function openAuthenticatedSession(token: string): Promise<RawSmtp> {
    const { client } = await RawSmtp.connect(sandbox);
    await client.command('EHLO c.example');
    await client.command('STARTTLS');
    await client.startTls(sandbox.caPem);
    await client.command('EHLO c.example');
    expect(await client.command(`AUTH XOAUTH2 ${xoauth2Blob(sandbox.client.mailbox, token)}`)).toMatch(/^235 /);
    return client;
  }

  async function submit(client: RawSmtp): Promise<string> {
    await client.command(`MAIL FROM:<${sandbox.client.mailbox}>`);
    await client.command(`RCPT TO:<${sandbox.client.to}>`);
    await client.command('DATA');
    return client.command(`From: <${sandbox.client.mailbox}>\r\nSubject: c\r\n\r\nx\r\n.`);
  }

  const openNow = () => sandbox.stats().mailboxSessions[SANDBOX_ADDRESSES.mailbox]?.current ?? 0;

  it('allows 3 simultaneous sessions per mailbox; the 4th gets 432 4.3.2 at end of DATA until one leaves', async () => {
    // Sessions of earlier tests close asynchronously on the server side: wait until none is left.
    for (let i = 0; i < 50 && openNow() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(openNow()).toBe(0);
    const token = await fetchAccessToken(sandbox);
    const sessions: RawSmtp[] = [];
    try {
      // Authenticate one after the other: the order of authentication decides who is over the limit.
      for (let i = 0; i < 4; i++) sessions.push(await openAuthenticatedSession(token));
      expect(openNow()).toBe(4);
      expect(sandbox.stats().maxConcurrentSessionsPerMailbox).toBeGreaterThanOrEqual(4);
      const results: string[] = [];
      for (const client of sessions) results.push(await submit(client));
      expect(results.slice(0, 3).every((r) => r.startsWith('250 2.0.0 OK '))).toBe(true);
      expect(results[3]).toBe(
        '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=SBX1PR01MB0001.sandbox.outlook.test]',
      );
      // When one of the first three leaves, the fourth may submit.
      const [first, , , fourth] = sessions;
      if (!first || !fourth) throw new Error('missing session');
      first.close();
      for (let i = 0; i < 50 && openNow() > 3; i++) await new Promise((r) => setTimeout(r, 20));
      expect(sandbox.stats().mailboxSessions[SANDBOX_ADDRESSES.mailbox]).toEqual({ current: 3, max: 4 });
      expect(await submit(fourth)).toMatch(/^250 2\.0\.0 OK /);
    } finally {
      for (const client of sessions) client.close();
    }
  });
});
