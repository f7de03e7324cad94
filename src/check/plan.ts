import type { CheckInputs } from '../inputs/check-inputs.js';
import { describeCredential } from '../inputs/credential.js';
import { displayProxy } from '../token/proxy.js';
import { MICROSOFT_AUTHORITY_HOSTS } from '../cloud.js';

/**
 * What `check` will request and send, decided before any network traffic, with the secret masked.
 * Pure: tests compare plans; the report prints it; execution follows it.
 */
export interface CheckPlan {
  cloud: string;
  token: {
    authority: string;
    /** `static` for Microsoft's hosts (one request); `discovery` reads openid-configuration first. */
    metadata: 'static' | 'discovery';
    scope: string;
    clientId: string;
    credential: string;
    /** `--proxy` (password masked); null means HTTPS_PROXY / NO_PROXY from the environment decide. */
    proxy: string | null;
  };
  claims: { requiredRole: string; audiences: readonly string[]; tenantId: string; clientId: string };
  smtp: {
    host: string;
    port: number;
    security: string;
    mechanism: 'XOAUTH2';
    user: string;
    from: string;
    to: string | null;
    /** Without a recipient the session ends after AUTH succeeds. */
    sendsMessage: boolean;
  };
  timeoutSeconds: number;
}

/** The token request alone: `runCheck` and the wizard's step 1 (which runs only the token stages). */
export function buildTokenPlan(inputs: Pick<CheckInputs, 'cloud' | 'authorityHost' | 'tenantId' | 'clientId' | 'credential' | 'proxy'>): CheckPlan['token'] {
  const authorityHost = new URL(inputs.authorityHost);
  return {
    authority: `${authorityHost.origin}/${inputs.tenantId}`,
    metadata: MICROSOFT_AUTHORITY_HOSTS.has(authorityHost.hostname) ? 'static' : 'discovery',
    scope: inputs.cloud.scope,
    clientId: inputs.clientId,
    credential: describeCredential(inputs.credential),
    proxy: inputs.proxy ? displayProxy(inputs.proxy) : null,
  };
}

export function buildCheckPlan(inputs: CheckInputs): CheckPlan {
  return {
    cloud: inputs.cloud.name,
    token: buildTokenPlan(inputs),
    claims: { requiredRole: 'SMTP.SendAsApp', audiences: inputs.cloud.audiences, tenantId: inputs.tenantId, clientId: inputs.clientId },
    smtp: {
      host: inputs.smtpHost,
      port: inputs.smtpPort,
      // A value of the JSON plan (stable, English in every language, like its keys), not a sentence for a person.
      security: inputs.smtpPort === 465 ? 'implicit TLS 1.2 or later' : 'STARTTLS required, TLS 1.2 or later',
      mechanism: 'XOAUTH2',
      user: inputs.mailbox,
      from: inputs.from,
      to: inputs.to,
      sendsMessage: inputs.to !== null,
    },
    timeoutSeconds: inputs.timeoutSeconds,
  };
}
