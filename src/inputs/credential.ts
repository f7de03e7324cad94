import type { ClientCertificate } from '../token/certificate.js';
import type { Secret } from './secret.js';

/**
 * How the app proves itself to Entra ID: a client secret, or a certificate whose private key signs a
 * client assertion (Microsoft recommends certificates; a secret is easier to start with).
 */
export type Credential = { kind: 'secret'; secret: Secret } | { kind: 'certificate'; certificate: ClientCertificate };

/** Every value of a credential that must never be printed, for the redactor. */
export function credentialSecrets(credential: Credential): string[] {
  return credential.kind === 'secret' ? [credential.secret.reveal()] : [credential.certificate.privateKey.reveal()];
}

/** The credential as the plan shows it: kind and source, never a value. */
export function describeCredential(credential: Credential): string {
  if (credential.kind === 'secret') {
    return `client secret from ${credential.secret.source} (${credential.secret.length} characters, not shown)`;
  }
  const { certificate } = credential;
  return `certificate ${certificate.thumbprintSha256} from ${certificate.source} (${certificate.subject}, valid until ${certificate.notAfter.toISOString().slice(0, 10)})`;
}
