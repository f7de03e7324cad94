import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Secret } from '../inputs/secret.js';

/** A certificate credential, loaded and checked: what MSAL needs to sign client assertions. */
export interface ClientCertificate {
  /** SHA-256 thumbprint (hex) of the certificate: the assertion's `x5t#S256` header. */
  thumbprintSha256: string;
  /** The private key as unencrypted PKCS#8 PEM, held as a Secret (never printed). */
  privateKey: Secret;
  subject: string;
  notAfter: Date;
  /** Where it came from, for the plan (`file ./app.pem`). */
  source: string;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/**
 * Reads the certificate and its private key (one PEM holding both, or two files), decrypts the key
 * with the password when it is encrypted, and checks that they belong together and that the key is
 * RSA (Entra ID's certificate credentials are RSA). Every problem is returned, not thrown.
 */
export async function loadClientCertificate(options: {
  certificatePath: string;
  privateKeyPath?: string;
  password?: Secret;
}): Promise<{ certificate: ClientCertificate | null; problems: string[]; warnings: string[] }> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const read = async (path: string, label: string): Promise<string | null> => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(`${label}: ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
      return null;
    }
  };
  const certText = await read(options.certificatePath, '--certificate');
  const keyText = options.privateKeyPath ? await read(options.privateKeyPath, '--private-key') : certText;
  if (certText === null || keyText === null) return { certificate: null, problems, warnings };

  const blocks = (text: string) => [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1] ?? '', pem: m[0] }));
  const certBlock = blocks(certText).find((b) => b.label === 'CERTIFICATE');
  const keyBlock = blocks(keyText).find((b) => b.label.endsWith('PRIVATE KEY'));
  const keyOrigin = options.privateKeyPath ? '--private-key' : '--certificate';
  if (!certBlock) problems.push(`--certificate: ${options.certificatePath} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  if (!keyBlock) {
    problems.push(
      options.privateKeyPath
        ? `--private-key: ${options.privateKeyPath} holds no PEM private key`
        : `--certificate: ${options.certificatePath} holds no private key; give it in the same PEM or with --private-key <pem>`,
    );
  }
  if (!certBlock || !keyBlock) return { certificate: null, problems, warnings };

  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certBlock.pem);
  } catch (error) {
    problems.push(`--certificate: the certificate cannot be read (${(error as Error).message})`);
    return { certificate: null, problems, warnings };
  }
  let key;
  try {
    key = createPrivateKey({ key: keyBlock.pem, ...(options.password && { passphrase: options.password.reveal() }) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // OpenSSL 3 reports a missing passphrase as an interrupted read; older builds as ERR_MISSING_PASSPHRASE.
    const encrypted = /ENCRYPTED/.test(keyBlock.pem) || /Proc-Type: 4,ENCRYPTED/.test(keyBlock.pem);
    if (!options.password && (encrypted || code === 'ERR_MISSING_PASSPHRASE')) problems.push(`${keyOrigin}: the private key is encrypted: set AZURE_CLIENT_CERTIFICATE_PASSWORD`);
    else if (options.password) problems.push(`${keyOrigin}: the private key cannot be decrypted with AZURE_CLIENT_CERTIFICATE_PASSWORD (wrong password?)`);
    else problems.push(`${keyOrigin}: the private key cannot be read`);
    return { certificate: null, problems, warnings };
  }
  if (key.asymmetricKeyType !== 'rsa') problems.push(`${keyOrigin}: the key is ${key.asymmetricKeyType?.toUpperCase() ?? 'not RSA'}; Entra ID certificate credentials need an RSA key`);
  if (!x509.checkPrivateKey(key)) problems.push(`${keyOrigin}: the private key does not belong to the certificate`);
  const notAfter = new Date(x509.validTo);
  if (notAfter.getTime() <= Date.now()) {
    problems.push(`--certificate: the certificate expired on ${notAfter.toISOString().slice(0, 10)}; create and upload a new one (Certificates & secrets → Certificates → Upload certificate)`);
  }
  if (problems.length > 0) return { certificate: null, problems, warnings };
  return {
    certificate: {
      thumbprintSha256: x509.fingerprint256.replace(/:/g, '').toUpperCase(),
      privateKey: new Secret(key.export({ type: 'pkcs8', format: 'pem' }).toString(), keyOrigin),
      subject: x509.subject.replace(/\n/g, ', '),
      notAfter,
      source: `file ${options.certificatePath}`,
    },
    problems,
    warnings,
  };
}
