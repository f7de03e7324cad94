import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandboxCertificates } from '../../src/sandbox/ca.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { type CliRun, runCli } from '../support/cli.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { parseValid } from '../support/json-schema.js';

/**
 * Network faults on both legs, through the spawned CLI: each ends with exit 6 (or its own class), one
 * line naming host and port, within the timeout, and the process exits by itself (no open handles:
 * runCli kills and fails after 25 s).
 */
let sandbox: Sandbox;
let silent: Server;
let silentPort: number;

beforeAll(async () => {
  sandbox = await startSandbox();
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await sandbox?.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
  sandbox.faults.tokenEndpoint = null;
  sandbox.faults.dropDuringData = false;
});

function env(overrides: Record<string, string> = {}): Record<string, string> {
  return sandboxEnv(sandbox, overrides);
}

async function check(args: string[], overrides: Record<string, string> = {}): Promise<{ run: CliRun; report: { exitCode: number; diagnosis: { code: string; summary: string; transient: boolean; step: number | null } }; ms: number }> {
  const started = Date.now();
  const run = await runCli(['check', '--json', '--timeout', '2', ...args], { env: env(overrides) });
  return { run, report: parseValid('check', run.stdout), ms: Date.now() - started };
}

const smtp = () => sandboxSmtpArgs(sandbox);
const tokenPort = () => new URL(sandbox.authorityHost).port;

describe('token endpoint faults', () => {
  it('5xx temporarily_unavailable → exit 6, transient', async () => {
    sandbox.applyScenario('token-endpoint-unavailable');
    const { run, report } = await check(smtp());
    expect(run.status).toBe(6);
    expect(report.diagnosis).toMatchObject({ code: 'token-service-unavailable', transient: true });
  });

  it('429 with Retry-After → exit 6, transient, the wait named', async () => {
    sandbox.faults.tokenEndpoint = { kind: 'respond', status: 429, headers: { 'retry-after': '42' }, body: { error: 'temporarily_unavailable', error_description: 'Too many requests' } };
    const { run, report } = await check(smtp());
    expect(run.status).toBe(6);
    expect(report.diagnosis).toMatchObject({ code: 'token-service-unavailable', transient: true });
    expect(report.diagnosis.summary + ' ' + JSON.stringify(report.diagnosis)).toContain('42');
  });

  it('no answer → exit 6 within the timeout, naming host and port', async () => {
    sandbox.faults.tokenEndpoint = { kind: 'hang' };
    const { run, report, ms } = await check(smtp());
    expect(run.status).toBe(6);
    expect(report.diagnosis.code).toBe('connection-timeout');
    expect(report.diagnosis.summary).toContain(`127.0.0.1:${tokenPort()}`);
    expect(ms).toBeLessThan(9000);
  });

  it('certificate for another host name → exit 6', async () => {
    // A trusted CA, but a server certificate that names login.example.test only, served on 127.0.0.1.
    const certs = createSandboxCertificates('127.0.0.1', 1, ['login.example.test']);
    const dir = mkdtempSync(join(tmpdir(), 'wrong-host-'));
    writeFileSync(join(dir, 'ca.pem'), certs.caPem);
    const server = createHttpsServer({ key: certs.keyPem, cert: certs.certPem }, (_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const { run, report } = await check(smtp(), { AZURE_AUTHORITY_HOST: `https://127.0.0.1:${port}`, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem') });
      expect(run.status).toBe(6);
      expect(report.diagnosis.code).toBe('tls-certificate-wrong-host');
      expect(report.diagnosis.summary).toContain(`127.0.0.1:${port}`);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SMTP faults', () => {
  it('no greeting → exit 6 within the timeout, naming host and port', async () => {
    const { run, report, ms } = await check(['--smtp-host', '127.0.0.1', '--smtp-port', String(silentPort)]);
    expect(run.status).toBe(6);
    expect(report.diagnosis).toMatchObject({ code: 'connection-timeout', transient: true });
    expect(report.diagnosis.summary).toContain(`127.0.0.1:${silentPort}`);
    expect(ms).toBeLessThan(9000);
  });

  it('connection dropped in the middle of DATA → exit 6', async () => {
    sandbox.faults.dropDuringData = true;
    const { run, report } = await check([...smtp(), '--to', sandbox.client.to]);
    expect(run.status).toBe(6);
    expect(report.diagnosis.code).toMatch(/^connection-(reset|timeout)$/);
    expect(report.diagnosis.summary).toContain(`${sandbox.smtp.host}:${sandbox.smtp.port}`);
  });

  it('certificate for another host name → exit 6, never authenticating', async () => {
    const attempts = sandbox.authAttempts.length;
    const { run, report } = await check(['--smtp-host', '127.1', '--smtp-port', String(sandbox.smtp.port)]);
    expect(run.status).toBe(6);
    expect(report.diagnosis.code).toBe('tls-certificate-wrong-host');
    expect(sandbox.authAttempts.length).toBe(attempts);
  });

  it('no STARTTLS offered → exit 6, the token never sent', async () => {
    sandbox.applyScenario('no-starttls');
    const attempts = sandbox.authAttempts.length;
    const { run, report } = await check(smtp());
    expect(run.status).toBe(6);
    expect(report.diagnosis.code).toBe('starttls-not-offered');
    expect(sandbox.authAttempts.length).toBe(attempts);
  });
});
