import { GLOBAL_CLOUD } from '../cloud.js';
import type { CheckInputs } from '../inputs/check-inputs.js';
import { MICROSOFT_AUTHORITY_HOSTS } from '../cloud.js';

/**
 * What `check` will request and send, decided before any network traffic, with the secret masked.
 * Pure: tests compare plans; the report prints it; execution follows it.
 */
export interface CheckPlan {
  token: {
    authority: string;
    /** `static` for Microsoft's hosts (one request); `discovery` reads openid-configuration first. */
    metadata: 'static' | 'discovery';
    scope: string;
    clientId: string;
    credential: string;
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
    token: {
      authority: `${authorityHost.origin}/${inputs.tenantId}`,
      metadata: MICROSOFT_AUTHORITY_HOSTS.has(authorityHost.hostname) ? 'static' : 'discovery',
      scope: GLOBAL_CLOUD.scope,
      clientId: inputs.clientId,
      credential: `client secret from ${inputs.clientSecret.source} (${inputs.clientSecret.length} characters, not shown)`,
    },
    claims: { requiredRole: 'SMTP.SendAsApp', audiences: GLOBAL_CLOUD.audiences, tenantId: inputs.tenantId, clientId: inputs.clientId },
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
