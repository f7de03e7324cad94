import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP, isIPv4 } from 'node:net';
import { certificate, distinguishedName, extension, keyIdentifier, OID } from '../x509/certificate.js';
import { booleanTrue, implicitPrimitive, integer, namedBits, objectIdentifier, octetString, sequence, toPem } from '../x509/der.js';

/**
 * A throw-away certificate authority and one server certificate signed by it.
 *
 * Both sandbox servers (token endpoint over HTTPS, SMTP with STARTTLS) present the same server
 * certificate, so a client only has to trust one CA: NODE_EXTRA_CA_CERTS=<caFile> for a spawned CLI,
 * or the PEM passed as `ca` in-process. Nothing is added to any system trust store, and the CA's
 * private key never leaves this process's memory.
 */
export interface SandboxCertificates {
  /** The CA certificate (PEM), what clients trust. */
  caPem: string;
  /** The server certificate (PEM): SAN IP 127.0.0.1 (+ the listen address) and DNS localhost. */
  certPem: string;
  /** The server certificate's private key (PKCS#8 PEM). */
  keyPem: string;
}

// KeyUsage bit numbers (RFC 5280 §4.2.1.3).
const DIGITAL_SIGNATURE = 0;
const KEY_CERT_SIGN = 5;
const CRL_SIGN = 6;

const ORGANIZATION = 'smtp-oauth-setup sandbox (not Microsoft)';

function name(commonName: string): Buffer {
  return distinguishedName(commonName, ORGANIZATION);
}

function ipAddressBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  // IPv6: expand '::' and write the 8 groups.
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.concat(groups.map((g) => Buffer.from(g.padStart(4, '0'), 'hex')));
}

/**
 * Generates the CA and the server certificate for `host` (a loopback IP address), ECDSA P-256:
 * key generation takes milliseconds, which keeps sandbox start-up cheap on two slow cores.
 * Validity: from one hour ago (tolerates small clock differences) to `validDays` from now.
 */
export function createSandboxCertificates(host: string, validDays = 7, onlyDnsNames?: readonly string[]): SandboxCertificates {
  const now = Date.now();
  const notBefore = new Date(now - 60 * 60 * 1000);
  const notAfter = new Date(now + validDays * 24 * 60 * 60 * 1000);

  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caSpki = ca.publicKey.export({ type: 'spki', format: 'der' });
  const caName = name(`smtp-oauth-setup sandbox CA ${randomBytes(4).toString('hex')}`);
  const caDer = certificate({
    subject: caName,
    issuer: caName,
    notBefore,
    notAfter,
    subjectSpki: caSpki,
    signingKey: ca.privateKey,
    extensions: [
      extension(OID.basicConstraints, true, sequence(booleanTrue(), integer(0))),
      extension(OID.keyUsage, true, namedBits([KEY_CERT_SIGN, CRL_SIGN])),
      extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(caSpki))),
    ],
  });

  const server = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const serverSpki = server.publicKey.export({ type: 'spki', format: 'der' });
  const ips = new Set(['127.0.0.1']);
  if (isIP(host)) ips.add(host);
  // `onlyDnsNames` makes a certificate for other names only: how tests stage a host-name mismatch.
  const altNames = onlyDnsNames
    ? onlyDnsNames.map((dns) => implicitPrimitive(2, Buffer.from(dns, 'ascii')))
    : [...[...ips].map((ip) => implicitPrimitive(7, ipAddressBytes(ip))), implicitPrimitive(2, Buffer.from('localhost', 'ascii'))];
  const serverDer = certificate({
    subject: name('localhost'),
    issuer: caName,
    notBefore,
    notAfter,
    subjectSpki: serverSpki,
    signingKey: ca.privateKey,
    extensions: [
      extension(OID.basicConstraints, true, sequence()),
      extension(OID.keyUsage, true, namedBits([DIGITAL_SIGNATURE])),
      extension(OID.extKeyUsage, false, sequence(objectIdentifier(OID.serverAuth))),
      extension(OID.subjectAltName, false, sequence(...altNames)),
      extension(OID.authorityKeyIdentifier, false, sequence(implicitPrimitive(0, keyIdentifier(caSpki)))),
      extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(serverSpki))),
    ],
  });

  return {
    caPem: toPem('CERTIFICATE', caDer),
    certPem: toPem('CERTIFICATE', serverDer),
    keyPem: server.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
