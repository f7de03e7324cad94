import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { runCli } from '../support/cli.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { parseValid } from '../support/json-schema.js';
import { POSIX_MODES } from '../support/platform.js';

/**
 * Certificate credentials end to end: real MSAL signs the client assertion (PS256, x5t#S256), the
 * sandbox verifies it as Entra does, and answers AADSTS700027 when the certificate was not uploaded.
 */
let sandbox: Sandbox;
const dir = mkdtempSync(join(tmpdir(), 'cert-e2e-'));
const cert = createSelfSignedCertificate({ commonName: 'relay.contoso.com', validDays: 30 });
const pemPath = join(dir, 'app.pem');
writeFileSync(pemPath, cert.certificatePem + cert.privateKeyPem, { mode: 0o600 });

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
  // It holds private keys: nothing is left in the temporary folder.
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => sandbox.applyScenario('healthy'));

function env(extra: Record<string, string> = {}): Record<string, string> {
  return sandboxEnv(sandbox, extra, { secret: false });
}
const smtp = () => sandboxSmtpArgs(sandbox);

describe('check with a certificate credential', () => {
  // Mode bits exist on POSIX systems only; on Windows the key's ACL decides (test/fs/private-mode.test.ts).
  it.runIf(POSIX_MODES)('refuses a PEM whose private key others can read: one line, exit 2, nothing sent (human and JSON)', async () => {
    const shared = join(dir, 'shared.pem');
    writeFileSync(shared, cert.certificatePem + cert.privateKeyPem, { mode: 0o644 });
    chmodSync(shared, 0o644);
    const requests = sandbox.requestLog.length;
    const line = `--certificate: ${shared} holds a private key and other users can read it (mode 0644); refusing to use it. Fix: chmod 600 ${shared}`;
    const human = await runCli(['check', '--certificate', shared, ...smtp()], { env: { ...env(), NO_COLOR: '1' } });
    expect(human.status).toBe(2);
    expect(human.stderr.trim()).toBe(`smtp-oauth-setup: ${line}`);
    const json = await runCli(['check', '--json', '--certificate', shared, ...smtp()], { env: env() });
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).error.problems).toEqual([line]);
    expect(human.stdout + human.stderr + json.stdout + json.stderr).not.toContain('PRIVATE KEY');
    expect(sandbox.requestLog.length).toBe(requests);
  });

  it('authenticates with an uploaded certificate and never prints the private key', async () => {
    sandbox.tenant.apps[0]!.certificates.push({ thumbprintSha256: cert.thumbprintSha256, certificatePem: cert.certificatePem });
    const run = await runCli(['check', '--json', '--certificate', pemPath, ...smtp(), '--to', sandbox.client.to], { env: env() });
    expect(run.status, run.stderr).toBe(0);
    const report = parseValid('check', run.stdout);
    expect(report.plan.token.credential).toContain(`certificate ${cert.thumbprintSha256}`);
    expect(run.stdout + run.stderr).not.toContain('PRIVATE KEY');
    expect(run.stdout + run.stderr).not.toContain(cert.privateKeyPem.split('\n')[1]!);
  });

  it('AZURE_CLIENT_CERTIFICATE_PATH works like --certificate', async () => {
    sandbox.tenant.apps[0]!.certificates.push({ thumbprintSha256: cert.thumbprintSha256, certificatePem: cert.certificatePem });
    const run = await runCli(['check', '--json', ...smtp()], { env: env({ AZURE_CLIENT_CERTIFICATE_PATH: pemPath }) });
    expect(run.status, run.stderr).toBe(0);
  });

  it('a certificate that was not uploaded → AADSTS700027, exit 3, step 1', async () => {
    const run = await runCli(['check', '--json', '--certificate', pemPath, ...smtp()], { env: env() });
    expect(run.status).toBe(3);
    expect(parseValid('check', run.stdout).diagnosis).toMatchObject({ code: 'client-assertion-invalid', step: 1, source: 'AADSTS700027' });
  });

  it('a secret and a certificate together → exit 2', async () => {
    const run = await runCli(['check', '--certificate', pemPath, ...smtp()], { env: env({ AZURE_CLIENT_SECRET: sandbox.client.clientSecret }) });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('give a certificate or a client secret, not both');
    expect(run.stderr).not.toContain(sandbox.client.clientSecret);
  });

  it('warns before the certificate expires (it is valid 30 days here), within --warn-days, exit 0', async () => {
    sandbox.uploadCertificate(cert.certificatePem);
    const run = await runCli(['check', '--json', '--certificate', pemPath, ...smtp()], { env: env() });
    expect(run.status, run.stderr).toBe(0);
    const warnings = parseValid('check', run.stdout).warnings as string[];
    expect(warnings.join('\n')).toMatch(/The certificate [0-9A-F]{40} expires on \d{4}-\d{2}-\d{2} \(in (29|30) days\)/);
    const quiet = await runCli(['check', '--json', '--certificate', pemPath, '--warn-days', '7', ...smtp()], { env: env() });
    expect(parseValid('check', quiet.stdout).warnings.join('\n')).not.toContain('The certificate');
  });
});
