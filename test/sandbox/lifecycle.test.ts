import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listScenarios, SANDBOX_IDS, startSandbox } from '../../src/sandbox/index.js';
import { fetchAccessToken, RawSmtp } from './helpers.js';

/** Open TCP handles of this process (servers and sockets), by type. */
function tcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP') || r === 'TLSWrap').length;
}

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

describe('close()', () => {
  it('closes both servers and every open socket (idle, TLS, half-done STARTTLS, keep-alive, hanging), then removes the temp CA dir', async () => {
    const baseline = tcpHandles();
    const sandbox = await startSandbox();
    const caDir = dirname(sandbox.caFile);
    expect(existsSync(sandbox.caFile)).toBe(true);

    // 1: an idle SMTP session after the greeting.
    const idle = await RawSmtp.connect(sandbox);
    // 2: an authenticated SMTP session inside TLS.
    const tlsSession = await RawSmtp.connect(sandbox);
    await tlsSession.client.command('EHLO c.example');
    await tlsSession.client.command('STARTTLS');
    await tlsSession.client.startTls(sandbox.caPem);
    await tlsSession.client.command('EHLO c.example');
    const token = await fetchAccessToken(sandbox);
    const blob = Buffer.from(`user=${sandbox.client.mailbox}\x01auth=Bearer ${token}\x01\x01`).toString('base64');
    expect(await tlsSession.client.command(`AUTH XOAUTH2 ${blob}`)).toMatch(/^235 /);
    // 3: a session that asked for STARTTLS and never started the handshake.
    const halfTls = await RawSmtp.connect(sandbox);
    await halfTls.client.command('EHLO c.example');
    expect(await halfTls.client.command('STARTTLS')).toBe('220 2.0.0 SMTP server ready');
    // 4: a keep-alive HTTPS connection to the token endpoint, and 5: a request that never gets an answer.
    const agent = new Agent({ keepAlive: true, ca: sandbox.caPem });
    await new Promise<void>((resolve, reject) => {
      request(`${sandbox.authorityHost}/${SANDBOX_IDS.tenantId}/discovery/v2.0/keys`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      })
        .on('error', reject)
        .end();
    });
    sandbox.faults.tokenEndpoint = { kind: 'hang' };
    const hanging = new Promise<string>((resolve) => {
      const req = request(`${sandbox.authorityHost}/${SANDBOX_IDS.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        ca: sandbox.caPem,
        agent: false,
      });
      req.on('response', () => resolve('answered'));
      req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
      req.end('grant_type=client_credentials');
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(sandbox.requestLog.at(-1)).toMatchObject({ method: 'POST', status: null });

    const sessionsClosed = Promise.all([idle, tlsSession, halfTls].map((s) => s.client.whenClosed()));
    const started = Date.now();
    await sandbox.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await sessionsClosed;
    expect(await hanging).toBe('ECONNRESET');
    agent.destroy();

    expect(await refused(sandbox.smtp.port)).toBe('ECONNREFUSED');
    expect(await refused(Number(new URL(sandbox.authorityHost).port))).toBe('ECONNREFUSED');
    expect(existsSync(caDir)).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(tcpHandles()).toBe(baseline);

    // Idempotent.
    await expect(sandbox.close()).resolves.toBeUndefined();
  });

  it('keeps a caller-provided caDir and its CA file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-ca-test-'));
    try {
      const sandbox = await startSandbox({ caDir: join(dir, 'nested') });
      expect(sandbox.caFile).toBe(join(dir, 'nested', 'sandbox-ca.pem'));
      await sandbox.close();
      expect(readFileSync(sandbox.caFile, 'utf8')).toBe(sandbox.caPem);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('start-up', () => {
  it('refuses to listen anywhere but loopback', async () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com', 'localhost']) {
      await expect(startSandbox({ host })).rejects.toThrow(/loopback only/);
    }
  });

  it('refuses unknown scenarios, listing the known ones', async () => {
    await expect(startSandbox({ scenario: 'nope' })).rejects.toThrow(/Unknown sandbox scenario 'nope'.*healthy/);
  });

  it('issues a CA and a server certificate for 127.0.0.1 / localhost signed by it', async () => {
    const sandbox = await startSandbox();
    try {
      const ca = new X509Certificate(sandbox.caPem);
      expect(ca.ca).toBe(true);
      expect(readFileSync(sandbox.caFile, 'utf8')).toBe(sandbox.caPem);
      const res = await new Promise<X509Certificate>((resolve, reject) => {
        const req = request(
          `${sandbox.authorityHost}/${SANDBOX_IDS.tenantId}/discovery/v2.0/keys`,
          { ca: sandbox.caPem, agent: false },
          (r) => {
            const peer = (r.socket as import('node:tls').TLSSocket).getPeerX509Certificate();
            r.resume();
            if (peer) resolve(peer);
            else reject(new Error('no peer certificate'));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(res.checkIssued(ca)).toBe(true);
      expect(res.verify(ca.publicKey)).toBe(true);
      expect(res.checkIP('127.0.0.1')).toBe('127.0.0.1');
      expect(res.checkHost('localhost')).toBe('localhost');
      expect(res.ca).toBe(false);
    } finally {
      await sandbox.close();
    }
  });

  it('a spawned Node process trusts the sandbox through NODE_EXTRA_CA_CERTS', async () => {
    const sandbox = await startSandbox();
    try {
      const url = `${sandbox.authorityHost}/${SANDBOX_IDS.tenantId}/v2.0/.well-known/openid-configuration`;
      const script = `require('https').get(${JSON.stringify(url)}, r => { process.stdout.write(String(r.statusCode)); r.resume(); }).on('error', e => { process.stdout.write(e.code); });`;
      const run = (env: NodeJS.ProcessEnv) =>
        new Promise<string>((resolve) => {
          execFile(process.execPath, ['-e', script], { env, timeout: 10_000 }, (_err, stdout) => resolve(stdout));
        });
      const { NODE_EXTRA_CA_CERTS: _ignored, ...env } = process.env;
      expect(await run(env)).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
      expect(await run({ ...env, NODE_EXTRA_CA_CERTS: sandbox.caFile })).toBe('200');
    } finally {
      await sandbox.close();
    }
  });
});

describe('tenant state and client settings', () => {
  it('uses fixed, distinct identifiers but a random, value-shaped secret per start', async () => {
    const a = await startSandbox();
    const b = await startSandbox();
    try {
      for (const sb of [a, b]) {
        expect(sb.client.tenantId).toBe(SANDBOX_IDS.tenantId);
        expect(sb.client.clientId).toBe(SANDBOX_IDS.clientId);
        expect(sb.client.clientSecret).toMatch(/^[A-Za-z0-9]{3}8Q~[A-Za-z0-9_.~-]{34}$/);
        expect(sb.client.clientSecret).not.toMatch(/^[0-9a-f]{8}-/i);
        expect(sb.tenant.apps[0]?.secrets[0]?.id).toBe(SANDBOX_IDS.secretId);
      }
      expect(a.client.clientSecret).not.toBe(b.client.clientSecret);
      const ids = Object.values(SANDBOX_IDS);
      expect(new Set(ids).size).toBe(ids.length);
      expect(SANDBOX_IDS.appObjectId).not.toBe(SANDBOX_IDS.servicePrincipalObjectId);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('never records the secret value in its logs', async () => {
    const sandbox = await startSandbox();
    try {
      await fetchAccessToken(sandbox);
      const secret = sandbox.client.clientSecret;
      expect(JSON.stringify(sandbox.requestLog)).not.toContain(secret);
      expect(JSON.stringify(sandbox.authAttempts)).not.toContain(secret);
      expect(sandbox.stats().tokenRequests).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it('applyScenario resets to healthy in place (same objects) and updates the printed client settings', async () => {
    const sandbox = await startSandbox({ scenario: 'unknown-tenant' });
    try {
      const { tenant, client, faults } = sandbox;
      expect(sandbox.scenario.name).toBe('unknown-tenant');
      expect(client.tenantId).toBe(SANDBOX_IDS.unknownTenantId);
      sandbox.applyScenario('no-starttls');
      expect(faults.noStartTls).toBe(true);
      expect(client.tenantId).toBe(SANDBOX_IDS.tenantId);
      tenant.mailboxes.length = 0;
      sandbox.applyScenario('exchange-temporary-error');
      expect(sandbox.tenant).toBe(tenant);
      expect(sandbox.client).toBe(client);
      expect(sandbox.faults).toBe(faults);
      expect(tenant.mailboxes.length).toBeGreaterThan(0);
      expect(faults.noStartTls).toBe(false);
      expect(faults.inject?.code).toBe(451);
      expect(sandbox.scenario.name).toBe('exchange-temporary-error');
      expect(() => sandbox.applyScenario('does-not-exist')).toThrow(/Unknown sandbox scenario/);
      expect(sandbox.scenario.name).toBe('exchange-temporary-error');
    } finally {
      await sandbox.close();
    }
  });

  it('every scenario applies cleanly on top of healthy', async () => {
    const sandbox = await startSandbox();
    try {
      for (const s of listScenarios()) {
        expect(() => sandbox.applyScenario(s.name)).not.toThrow();
        expect(sandbox.client.to).toMatch(/@contoso-sandbox\.onmicrosoft\.com$/);
      }
    } finally {
      await sandbox.close();
    }
  });
});
