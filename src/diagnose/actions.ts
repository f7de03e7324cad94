/**
 * Portal actions that other front-ends name too (the wizard's certificate instructions, `check`'s
 * expiry warning), in the language in use.
 */
import { t } from '../messages/index.js';

/** The portal action that creates a client secret (also used by the expiry warning of `check`). */
export function newClientSecretAction(clientId?: string): string {
  return t('diagnosis.action.new-client-secret', clientId ? { clientId } : {});
}

/** Where a certificate credential is uploaded (the wizard's instructions and `check`'s expiry warning). */
export function uploadCertificateAction(clientId?: string): string {
  return t('diagnosis.action.upload-certificate', clientId ? { clientId } : {});
}
