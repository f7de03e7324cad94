import { createHash, generateKeyPairSync } from 'node:crypto';
import { certificate, distinguishedName, extension, keyIdentifier, OID } from './certificate.js';
import { namedBits, objectIdentifier, octetString, sequence, toPem } from './der.js';

export interface SelfSignedCertificate {
  /** The public certificate (PEM): what is uploaded to the app registration. */
  certificatePem: string;
  /** The private key (PKCS#8 PEM): stays with the sending application, file mode 0600. */
  privateKeyPem: string;
  /** SHA-256 thumbprint, upper-case hex: what a client assertion names in its `x5t#S256` header. */
  thumbprintSha256: string;
  notAfter: Date;
}

/**
 * A self-signed RSA certificate for a certificate credential. Entra ID takes RSA certificates for
 * client assertions (RS256/PS256); 2048 bits is the minimum it accepts and what Microsoft's examples use.
 */
export function createSelfSignedCertificate(options: { commonName: string; validDays: number; now?: Date }): SelfSignedCertificate {
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - 5 * 60 * 1000);
  const notAfter = new Date(now.getTime() + options.validDays * 24 * 60 * 60 * 1000);
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const subject = distinguishedName(options.commonName);
  const der = certificate({
    subject,
    issuer: subject,
    notBefore,
    notAfter,
    subjectSpki: spki,
    signingKey: privateKey,
    extensions: [
      extension(OID.basicConstraints, true, sequence()),
      extension(OID.keyUsage, true, namedBits([0])), // digitalSignature
      extension(OID.extKeyUsage, false, sequence(objectIdentifier(OID.clientAuth))),
      extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(spki))),
    ],
  });
  return {
    certificatePem: toPem('CERTIFICATE', der),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    thumbprintSha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
    notAfter,
  };
}
