import type { Sandbox } from '../../src/sandbox/index.js';

/**
 * What a spawned `check` needs to reach the sandbox: its CA through NODE_EXTRA_CA_CERTS, its
 * authority, and the current scenario's client settings in the environment names `check` reads.
 * `secret: false` leaves AZURE_CLIENT_SECRET out (for tests that give the credential another way).
 */
export function sandboxEnv(sandbox: Sandbox, overrides: Record<string, string> = {}, options: { secret?: boolean } = {}): Record<string, string> {
  const { client } = sandbox;
  return {
    NODE_EXTRA_CA_CERTS: sandbox.caFile,
    AZURE_AUTHORITY_HOST: sandbox.authorityHost,
    AZURE_TENANT_ID: client.tenantId,
    AZURE_CLIENT_ID: client.clientId,
    ...(options.secret !== false && { AZURE_CLIENT_SECRET: client.clientSecret }),
    SMTP_OAUTH_MAILBOX: client.mailbox,
    ...overrides,
  };
}

/** `--smtp-host` and `--smtp-port` of the sandbox's SMTP server. */
export function sandboxSmtpArgs(sandbox: Sandbox): string[] {
  return ['--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port)];
}
