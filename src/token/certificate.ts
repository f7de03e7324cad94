import { createPrivateKey, X509Certificate } from 'node:crypto';
import { resolve } from 'node:path';
import { Secret } from '../inputs/secret.js';
import { readErrorReason } from '../fs-errors.js';
import { type CommandRunner, readableByOthersProblem } from '../fs/private-mode.js';
import { READ_LIMITS, readTextFile } from '../io.js';

/** A certificate credential, loaded and checked: what MSAL needs to sign client assertions. */
export interface ClientCertificate {
  /** SHA-256 thumbprint (hex) of the certificate: the assertion's `x5t#S256` header. */
  thumbprintSha256: string;
  /** SHA-1 thumbprint (hex): the Thumbprint column of Certificates & secrets → Certificates in the portal. */
  thumbprintSha1: string;
  /** The private key as unencrypted PKCS#8 PEM, held as a Secret (never printed). */
  privateKey: Secret;
  subject: string;
  notAfter: Date;
  /** Where it came from, for the plan (`file ./app.pem`). */
  source: string;
  /** The certificate's file, absolute: what the wizard saves and writes into settings. */
  path: string;
  /** The key in the file is encrypted: whoever uses the file later needs its password too. */
  passwordProtected: boolean;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** The PEM blocks of a file, by label (`CERTIFICATE`, `PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`, …). */
export function pemBlocks(text: string): Array<{ label: string; pem: string }> {
  return [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1] ?? '', pem: m[0] }));
}

/** How problems name the inputs: `check`'s flags by default; the wizard names its own questions. */
export interface CertificateLabels {
  certificate: string;
  privateKey: string;
  password: string;
  /** What to do when the certificate's PEM holds no private key and no key file was given. */
  missingKey: string;
}

const FLAG_LABELS: CertificateLabels = {
  certificate: '--certificate',
  privateKey: '--private-key',
  password: 'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  missingKey: 'give it in the same PEM or with --private-key <pem>',
};

export interface LoadedCertificate {
  certificate: ClientCertificate | null;
  problems: string[];
  warnings: string[];
  /** The private key is encrypted and no password, or a wrong one, was given: ask for one and load again. */
  needsPassword: boolean;
}

/**
 * Reads the certificate and its private key (one PEM holding both, or two files), decrypts the key
 * with the password when it is encrypted, and checks that they belong together and that the key is
 * RSA (Entra ID's certificate credentials are RSA). Every problem is returned, not thrown.
 */
export async function loadClientCertificate(options: {
  certificatePath: string;
  privateKeyPath?: string;
  password?: Secret;
  labels?: CertificateLabels;
  /** Whose file-mode rules apply (tests); the running platform by default. */
  platform?: NodeJS.Platform;
  /** Runs whoami and PowerShell to read the key's ACL on Windows (tests inject fixed outputs). */
  aclRunner?: CommandRunner;
}): Promise<LoadedCertificate> {
  const labels = options.labels ?? FLAG_LABELS;
  const problems: string[] = [];
  const warnings: string[] = [];
  let needsPassword = false;
  const failed = () => ({ certificate: null, problems, warnings, needsPassword });
  const read = async (path: string, label: string): Promise<string | null> => {
    try {
      return await readTextFile(path, READ_LIMITS.pem);
    } catch (error) {
      problems.push(`${label}: ${path}: ${readErrorReason(error)}`);
      return null;
    }
  };
  const certText = await read(options.certificatePath, labels.certificate);
  const keyText = options.privateKeyPath ? await read(options.privateKeyPath, labels.privateKey) : certText;
  if (certText === null || keyText === null) return failed();

  const certBlock = pemBlocks(certText).find((b) => b.label === 'CERTIFICATE');
  const keyBlock = pemBlocks(keyText).find((b) => b.label.endsWith('PRIVATE KEY'));
  const keyOrigin = options.privateKeyPath ? labels.privateKey : labels.certificate;
  if (!certBlock) problems.push(`${labels.certificate}: ${options.certificatePath} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  if (!keyBlock) {
    problems.push(
      options.privateKeyPath
        ? `${labels.privateKey}: ${options.privateKeyPath} holds no PEM private key`
        : `${labels.certificate}: ${options.certificatePath} holds no private key; ${labels.missingKey}`,
    );
  }
  if (!certBlock || !keyBlock) return failed();
  // The key's file: refused when others can read it, as a saved client secret is (whoever could read
  // it can sign in as the app); checked before the key is decrypted, so no password is asked in vain.
  const keyPath = options.privateKeyPath ?? options.certificatePath;
  const exposed = await readableByOthersProblem(keyPath, 'a private key', options.platform, options.aclRunner).catch(() => null);
  if (exposed) {
    problems.push(`${keyOrigin}: ${exposed}`);
    return failed();
  }

  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certBlock.pem);
  } catch (error) {
    problems.push(`${labels.certificate}: the certificate cannot be read (${(error as Error).message})`);
    return failed();
  }
  // PKCS#8 `ENCRYPTED PRIVATE KEY`, or a traditional PEM with `Proc-Type: 4,ENCRYPTED`.
  const encrypted = /ENCRYPTED/.test(keyBlock.pem);
  let key;
  try {
    key = createPrivateKey({ key: keyBlock.pem, ...(options.password && { passphrase: options.password.reveal() }) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // OpenSSL 3 reports a missing passphrase as an interrupted read; older builds as ERR_MISSING_PASSPHRASE.
    if (!options.password && (encrypted || code === 'ERR_MISSING_PASSPHRASE')) {
      needsPassword = true;
      problems.push(`${keyOrigin}: the private key is encrypted: set ${labels.password}`);
    } else if (options.password) {
      needsPassword = encrypted;
      problems.push(`${keyOrigin}: the private key cannot be decrypted with ${labels.password} (wrong password?)`);
    }
    else problems.push(`${keyOrigin}: the private key cannot be read`);
    return failed();
  }
  if (key.asymmetricKeyType !== 'rsa') problems.push(`${keyOrigin}: the key is ${key.asymmetricKeyType?.toUpperCase() ?? 'not RSA'}; Entra ID certificate credentials need an RSA key`);
  if (!x509.checkPrivateKey(key)) problems.push(`${keyOrigin}: the private key does not belong to the certificate`);
  const notAfter = new Date(x509.validTo);
  if (notAfter.getTime() <= Date.now()) {
    problems.push(`${labels.certificate}: the certificate expired on ${notAfter.toISOString().slice(0, 10)}; create and upload a new one (Certificates & secrets → Certificates → Upload certificate)`);
  }
  if (problems.length > 0) return failed();
  return {
    certificate: {
      thumbprintSha256: x509.fingerprint256.replace(/:/g, '').toUpperCase(),
      thumbprintSha1: x509.fingerprint.replace(/:/g, '').toUpperCase(),
      privateKey: new Secret(key.export({ type: 'pkcs8', format: 'pem' }).toString(), keyOrigin),
      subject: x509.subject.replace(/\n/g, ', '),
      notAfter,
      source: `file ${options.certificatePath}`,
      path: resolve(options.certificatePath),
      passwordProtected: encrypted,
    },
    problems,
    warnings,
    needsPassword,
  };
}
