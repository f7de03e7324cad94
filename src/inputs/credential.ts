import { t } from '../messages/index.js';
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
  if (credential.kind === 'secret') return t('input.credential.secret', { source: credential.secret.source, length: credential.secret.length });
  const { certificate } = credential;
  return t('input.credential.certificate', { thumbprint: certificate.thumbprintSha256, source: certificate.source, subject: certificate.subject, notAfter: certificate.notAfter });
}
