import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { bitString, booleanTrue, explicit, integer, nullValue, objectIdentifier, octetString, sequence, set, time, utf8String } from './der.js';

/** X.509 v3 certificates built with node:crypto keys and the DER encoders beside this file (RFC 5280). */
export const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

export function distinguishedName(commonName: string, organization?: string): Buffer {
  const attribute = (oid: string, value: string) => set(sequence(objectIdentifier(oid), utf8String(value)));
  return sequence(attribute(OID.commonName, commonName), ...(organization ? [attribute(OID.organization, organization)] : []));
}

export function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [booleanTrue()] : []), octetString(value));
}

export function keyIdentifier(spki: Buffer): Buffer {
  return createHash('sha1').update(spki).digest();
}

function serialNumber(): Buffer {
  // 16 random bytes, top bit cleared: a positive serial of at most 20 octets (RFC 5280 §4.1.2.2).
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes;
}

export interface CertificateSpec {
  subject: Buffer;
  issuer: Buffer;
  notBefore: Date;
  notAfter: Date;
  subjectSpki: Buffer;
  signingKey: KeyObject;
  extensions: Buffer[];
}

/** Signs a certificate with an EC (ecdsa-with-SHA256) or RSA (sha256WithRSAEncryption) key. */
export function certificate(spec: CertificateSpec): Buffer {
  const rsa = spec.signingKey.asymmetricKeyType === 'rsa';
  // RSA algorithm identifiers carry explicit NULL parameters (RFC 4055 §5); ECDSA ones carry none.
  const signatureAlgorithm = rsa ? sequence(objectIdentifier(OID.sha256WithRsaEncryption), nullValue()) : sequence(objectIdentifier(OID.ecdsaWithSha256));
  const tbs = sequence(
    explicit(0, integer(2)), // v3
    integer(serialNumber()),
    signatureAlgorithm,
    spec.issuer,
    sequence(time(spec.notBefore), time(spec.notAfter)),
    spec.subject,
    spec.subjectSpki,
    explicit(3, sequence(...spec.extensions)),
  );
  // For EC keys node:crypto returns the DER-encoded ECDSA-Sig-Value X.509 expects; RSA gives PKCS#1 v1.5.
  const signature = sign('sha256', tbs, spec.signingKey);
  return sequence(tbs, signatureAlgorithm, bitString(signature));
}
