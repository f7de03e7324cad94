import { createPrivateKey, X509Certificate } from 'node:crypto';
import { resolve } from 'node:path';
import { Secret } from '../inputs/secret.js';
import { readErrorReason } from '../fs-errors.js';
import { type Message, msg, render, t } from '../messages/index.js';
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
  /**
   * What to do when the certificate's PEM holds no private key and no key file was given, in the
   * words of the caller; without it, the flags' advice (the same PEM or --private-key).
   */
  missingKey?: string;
}

const FLAG_LABELS: CertificateLabels = {
  certificate: '--certificate',
  privateKey: '--private-key',
  password: 'AZURE_CLIENT_CERTIFICATE_PASSWORD',
};

export interface LoadedCertificate {
  certificate: ClientCertificate | null;
  /** Each problem in words, in the language in use. */
  problems: string[];
  /** Each problem as id and parameters (the same order); `field` is the label of the input it is about. */
  problemMessages: Message[];
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
  const problemMessages: Message[] = [];
  const problems: string[] = [];
  const problem = (message: Message) => {
    problemMessages.push(message);
    problems.push(render(message));
  };
  const warnings: string[] = [];
  let needsPassword = false;
  const failed = () => ({ certificate: null, problems, problemMessages, warnings, needsPassword });
  const read = async (path: string, label: string): Promise<string | null> => {
    try {
      return await readTextFile(path, READ_LIMITS.pem);
    } catch (error) {
      problem(msg('input.certificate.unreadable', { field: label, path, reason: readErrorReason(error) }));
      return null;
    }
  };
  const certText = await read(options.certificatePath, labels.certificate);
  const keyText = options.privateKeyPath ? await read(options.privateKeyPath, labels.privateKey) : certText;
  if (certText === null || keyText === null) return failed();

  const certBlock = pemBlocks(certText).find((b) => b.label === 'CERTIFICATE');
  const keyBlock = pemBlocks(keyText).find((b) => b.label.endsWith('PRIVATE KEY'));
  const keyOrigin = options.privateKeyPath ? labels.privateKey : labels.certificate;
  if (!certBlock) problem(msg('input.certificate.no-certificate', { field: labels.certificate, path: options.certificatePath }));
  if (!keyBlock) {
    problem(
      options.privateKeyPath
        ? msg('input.certificate.no-key-in-key-file', { field: labels.privateKey, path: options.privateKeyPath })
        : labels.missingKey !== undefined
          ? msg('input.certificate.no-key-hint', { field: labels.certificate, path: options.certificatePath, hint: labels.missingKey })
          : msg('input.certificate.no-key', { field: labels.certificate, path: options.certificatePath }),
    );
  }
  if (!certBlock || !keyBlock) return failed();
  // The key's file: refused when others can read it, as a saved client secret is (whoever could read
  // it can sign in as the app); checked before the key is decrypted, so no password is asked in vain.
  const keyPath = options.privateKeyPath ?? options.certificatePath;
  const exposed = await readableByOthersProblem(keyPath, 'private-key', options.platform, options.aclRunner).catch(() => null);
  if (exposed) {
    problem(msg('input.certificate.key-exposed', { field: keyOrigin, problem: render(exposed) }));
    return failed();
  }

  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certBlock.pem);
  } catch (error) {
    problem(msg('input.certificate.unparsable', { field: labels.certificate, detail: (error as Error).message }));
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
      problem(msg('input.certificate.key-encrypted', { field: keyOrigin, password: labels.password }));
    } else if (options.password) {
      needsPassword = encrypted;
      problem(msg('input.certificate.wrong-password', { field: keyOrigin, password: labels.password }));
    } else problem(msg('input.certificate.key-unreadable', { field: keyOrigin }));
    return failed();
  }
  if (key.asymmetricKeyType !== 'rsa') {
    const keyType = key.asymmetricKeyType?.toUpperCase();
    problem(msg('input.certificate.not-rsa', { field: keyOrigin, ...(keyType && { keyType }) }));
  }
  if (!x509.checkPrivateKey(key)) problem(msg('input.certificate.key-mismatch', { field: keyOrigin }));
  const notAfter = new Date(x509.validTo);
  if (notAfter.getTime() <= Date.now()) problem(msg('input.certificate.expired', { field: labels.certificate, notAfter }));
  if (problems.length > 0) return failed();
  return {
    certificate: {
      thumbprintSha256: x509.fingerprint256.replace(/:/g, '').toUpperCase(),
      thumbprintSha1: x509.fingerprint.replace(/:/g, '').toUpperCase(),
      privateKey: new Secret(key.export({ type: 'pkcs8', format: 'pem' }).toString(), keyOrigin),
      subject: x509.subject.replace(/\n/g, ', '),
      notAfter,
      source: t('input.source.file', { path: options.certificatePath }),
      path: resolve(options.certificatePath),
      passwordProtected: encrypted,
    },
    problems,
    problemMessages,
    warnings,
    needsPassword,
  };
}
