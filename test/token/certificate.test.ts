import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Secret } from '../../src/inputs/secret.js';
import { loadClientCertificate } from '../../src/token/certificate.js';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { POSIX_MODES } from '../support/platform.js';

const dir = mkdtempSync(join(tmpdir(), 'cert-'));
// The folder holds private keys: none is left behind in the temporary folder.
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cert = createSelfSignedCertificate({ commonName: 'smtp-oauth-setup test', validDays: 30 });
function file(name: string, content: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, content, { mode });
  return path;
}

describe('createSelfSignedCertificate', () => {
  it('makes an RSA certificate whose thumbprint is the SHA-256 of its DER', async () => {
    const { X509Certificate, createHash } = await import('node:crypto');
    const x509 = new X509Certificate(cert.certificatePem);
    expect(x509.subject).toContain('CN=smtp-oauth-setup test');
    expect(x509.checkPrivateKey(createPrivateKey(cert.privateKeyPem))).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(cert.thumbprintSha256).toBe(createHash('sha256').update(x509.raw).digest('hex').toUpperCase());
    expect(createPrivateKey(cert.privateKeyPem).asymmetricKeyType).toBe('rsa');
  });
});

describe('loadClientCertificate', () => {
  it('reads certificate and key from one PEM', async () => {
    const { certificate, problems } = await loadClientCertificate({ certificatePath: file('both.pem', cert.certificatePem + cert.privateKeyPem) });
    expect(problems).toEqual([]);
    expect(certificate).toMatchObject({ thumbprintSha256: cert.thumbprintSha256, subject: expect.stringContaining('smtp-oauth-setup test') });
    expect(certificate!.privateKey.reveal()).toContain('BEGIN PRIVATE KEY');
    expect(JSON.stringify(certificate)).not.toContain('PRIVATE KEY');
  });

  it('reads the key from --private-key and decrypts it with the password', async () => {
    const encrypted = createPrivateKey(cert.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }).toString();
    const certPath = file('cert.pem', cert.certificatePem);
    const keyPath = file('enc.key', encrypted);
    const ok = await loadClientCertificate({ certificatePath: certPath, privateKeyPath: keyPath, password: new Secret('correct horse', 'env') });
    expect(ok.problems).toEqual([]);
    expect(ok.certificate!.thumbprintSha256).toBe(cert.thumbprintSha256);
    expect((await loadClientCertificate({ certificatePath: certPath, privateKeyPath: keyPath })).problems[0]).toContain('encrypted: set AZURE_CLIENT_CERTIFICATE_PASSWORD');
    expect((await loadClientCertificate({ certificatePath: certPath, privateKeyPath: keyPath, password: new Secret('wrong', 'env') })).problems[0]).toContain('wrong password');
  });

  it('names every problem: missing file, no key, key of another certificate, non-RSA key, expired', async () => {
    expect((await loadClientCertificate({ certificatePath: join(dir, 'nope.pem') })).problems).toEqual([`--certificate: ${join(dir, 'nope.pem')}: no such file`]);
    expect((await loadClientCertificate({ certificatePath: file('only-cert.pem', cert.certificatePem) })).problems[0]).toContain('holds no private key');
    const other = createSelfSignedCertificate({ commonName: 'other', validDays: 1 });
    expect((await loadClientCertificate({ certificatePath: file('mismatch.pem', cert.certificatePem + other.privateKeyPem) })).problems).toContain('--certificate: the private key does not belong to the certificate');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect((await loadClientCertificate({ certificatePath: file('ec.pem', cert.certificatePem + ec) })).problems.join('\n')).toContain('need an RSA key');
    const old = createSelfSignedCertificate({ commonName: 'old', validDays: 1, now: new Date('2020-01-01T00:00:00Z') });
    expect((await loadClientCertificate({ certificatePath: file('old.pem', old.certificatePem + old.privateKeyPem) })).problems[0]).toContain('expired on 2020-01-02');
  });
});

describe('loadClientCertificate: a private key others can read is refused, as a saved client secret is', () => {
  // Mode bits exist on POSIX systems only; on Windows the key's ACL decides (test/fs/private-mode.test.ts).
  it.runIf(POSIX_MODES)('refuses a PEM readable by group or others, naming the chmod, before asking any password', async () => {
    const shared = file('shared.pem', cert.certificatePem + cert.privateKeyPem, 0o644);
    chmodSync(shared, 0o644);
    const loaded = await loadClientCertificate({ certificatePath: shared, platform: 'linux' });
    expect(loaded.certificate).toBeNull();
    expect(loaded.needsPassword).toBe(false);
    expect(loaded.problems).toEqual([`--certificate: ${shared} holds a private key and other users can read it (mode 0644); refusing to use it. Fix: chmod 600 ${shared}`]);
    chmodSync(shared, 0o640);
    expect((await loadClientCertificate({ certificatePath: shared, platform: 'linux' })).problems[0]).toContain('(mode 0640); refusing to use it');
    chmodSync(shared, 0o400);
    expect((await loadClientCertificate({ certificatePath: shared, platform: 'linux' })).problems).toEqual([]);
  });

  // Mode bits exist on POSIX systems only; on Windows the key's ACL decides (test/fs/private-mode.test.ts).
  it.runIf(POSIX_MODES)('judges the key\'s own file when it is separate (--private-key); the certificate may be public', async () => {
    const certPath = file('public.cer', cert.certificatePem, 0o644);
    chmodSync(certPath, 0o644);
    const keyPath = file('shared.key', cert.privateKeyPem, 0o604);
    chmodSync(keyPath, 0o604);
    const loaded = await loadClientCertificate({ certificatePath: certPath, privateKeyPath: keyPath, platform: 'linux' });
    expect(loaded.problems).toEqual([`--private-key: ${keyPath} holds a private key and other users can read it (mode 0604); refusing to use it. Fix: chmod 600 ${keyPath}`]);
    chmodSync(keyPath, 0o600);
    expect((await loadClientCertificate({ certificatePath: certPath, privateKeyPath: keyPath, platform: 'linux' })).problems).toEqual([]);
  });

  // Windows: the mode bits mean nothing there; the key file's ACL decides (read as SDDL, fed in here).
  const USER = 'S-1-5-21-1004336348-1177238915-682003330-1001';
  const aclRunner = (sddl: string) => async (file: string) => (file === 'whoami' ? `"pc\\alice","${USER}"` : sddl);

  it('on Windows judges the key by its ACL, not by POSIX modes', async () => {
    const shared = file('windows.pem', cert.certificatePem + cert.privateKeyPem, 0o644);
    chmodSync(shared, 0o644);
    const own = aclRunner(`O:${USER}D:PAI(A;;FA;;;${USER})(A;;FA;;;SY)`);
    expect((await loadClientCertificate({ certificatePath: shared, platform: 'win32', aclRunner: own })).problems).toEqual([]);
    const readable = aclRunner(`O:${USER}D:AI(A;ID;FA;;;${USER})(A;ID;0x1200a9;;;BU)`);
    const { problems } = await loadClientCertificate({ certificatePath: shared, platform: 'win32', aclRunner: readable });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${shared} holds a private key and other accounts can read it (its ACL grants Users); refusing to use it. Fix (PowerShell): icacls `);
  });
});
