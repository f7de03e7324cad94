import type { CheckInputs } from '../inputs/check-inputs.js';
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

export function buildCheckPlan(inputs: CheckInputs): CheckPlan {
  const authorityHost = new URL(inputs.authorityHost);
  return {
    cloud: inputs.cloud.name,
    token: {
      authority: `${authorityHost.origin}/${inputs.tenantId}`,
      metadata: MICROSOFT_AUTHORITY_HOSTS.has(authorityHost.hostname) ? 'static' : 'discovery',
      scope: inputs.cloud.scope,
      clientId: inputs.clientId,
      credential: `client secret from ${inputs.clientSecret.source} (${inputs.clientSecret.length} characters, not shown)`,
      proxy: inputs.proxy ? displayProxy(inputs.proxy) : null,
    },
    claims: { requiredRole: 'SMTP.SendAsApp', audiences: inputs.cloud.audiences, tenantId: inputs.tenantId, clientId: inputs.clientId },
    smtp: {
      host: inputs.smtpHost,
      port: inputs.smtpPort,
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
