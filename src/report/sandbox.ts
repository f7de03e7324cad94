/**
 * `sandbox` for a person and as JSON: its scenarios, its settings once it listens (what to pass to
 * `check`, for the user's shell) and each message it receives. The emulator's client secret never
 * appears: it is in a 0600 file, named here.
 */
import type { Output } from '../output.js';
import { type MessageId, t } from '../messages/index.js';
import type { ReceivedMessage, Sandbox } from '../sandbox/index.js';
import { type ShellSyntax, shellSyntax } from '../shell.js';

/** One scenario as `--list-scenarios` shows it, with the diagnosis check gives for it. */
export interface ScenarioListing {
  name: string;
  title: string;
  description: string;
  diagnosis: { code: string; step: number | null } | null;
}

/** The sandbox once it listens: what to connect to, and where its secret and certificate are. */
export interface SandboxReady {
  sandbox: Sandbox;
  secretFile: string;
  certificate: { path: string; thumbprintSha256: string } | null;
  shell: ShellSyntax;
}

export function scenarioListLines(scenarios: readonly ScenarioListing[]): string[] {
  const width = Math.max(...scenarios.map((s) => s.name.length));
  return scenarios.map((s) => `${s.name.padEnd(width)}  ${s.title}`);
}

/** The connection settings as JSON (the first line `sandbox --json` prints). */
export function sandboxReadyJson({ sandbox, secretFile, certificate }: SandboxReady) {
  return { ...connectionSettings(sandbox, secretFile), ...(certificate && { certificate }) };
}

function connectionSettings(sandbox: Sandbox, secretFile: string) {
  const { clientSecret: _secret, ...client } = sandbox.client;
  return {
    scenario: sandbox.scenario.name,
    authorityHost: sandbox.authorityHost,
    smtpHost: sandbox.smtp.host,
    smtpPort: sandbox.smtp.port,
    ...(sandbox.latencyMs !== null && { latencyMs: sandbox.latencyMs }),
    caFile: sandbox.caFile,
    clientSecretFile: secretFile,
    ...client,
  };
}

/**
 * What to run against the sandbox, for the user's shell: in a POSIX shell NODE_EXTRA_CA_CERTS prefixes the
 * one command; PowerShell has no such prefix, so there it is set for the session first.
 */
export function describeSandbox({ sandbox, secretFile, certificate, shell = shellSyntax('posix') }: SandboxReady, output: Output): string {
  const c = output.color;
  const { client } = sandbox;
  const quote = shell.word;
  const posix = shell.kind === 'posix';
  const flags = [
    `--authority-host ${sandbox.authorityHost}`,
    `--tenant-id ${client.tenantId}`,
    `--client-id ${client.clientId}`,
    `--client-secret-file ${quote(secretFile)}`,
    `--mailbox ${client.mailbox}`,
    ...(client.from !== client.mailbox ? [`--from ${client.from}`] : []),
    `--to ${client.to}`,
    `--smtp-host ${sandbox.smtp.host}`,
    `--smtp-port ${sandbox.smtp.port}`,
  ];
  // The settings: a label column as wide as its longest label (in the language in use), then the value.
  const settings: Array<[MessageId, string]> = [
    ['sandbox.label.token-endpoint', sandbox.authorityHost],
    ['sandbox.label.smtp-server', `${sandbox.smtp.host}:${sandbox.smtp.port} (STARTTLS, AUTH XOAUTH2)`],
    ...(sandbox.latencyMs !== null ? [['sandbox.label.latency', t('sandbox.value.latency', { ms: sandbox.latencyMs })] as [MessageId, string]] : []),
    ['sandbox.label.ca', sandbox.caFile],
    ['sandbox.label.secret-file', secretFile],
  ];
  const labelled = (rows: Array<[MessageId, string]>) => {
    const labels = rows.map(([id]) => t(id as 'sandbox.label.ca'));
    const width = Math.max(...labels.map((label) => label.length)) + 3;
    return rows.map(([, value], i) => `  ${labels[i]!.padEnd(width)}${value}`);
  };
  const certificateRow: Array<[MessageId, string]> = certificate
    ? [['sandbox.label.certificate', t('sandbox.value.certificate', { thumbprint: certificate.thumbprintSha256, path: quote(certificate.path) })]]
    : [];
  const rows = labelled([...settings, ...certificateRow]);
  return [
    c.bold(t('sandbox.running', { scenario: sandbox.scenario.name })) + c.dim(`  (${sandbox.scenario.title})`),
    '',
    ...rows.slice(0, settings.length),
    `  ${t('sandbox.identities', { tenantId: client.tenantId, clientId: client.clientId, mailbox: client.mailbox })}`,
    ...rows.slice(settings.length),
    '',
    t('sandbox.check-with-flags'),
    '',
    ...(posix
      ? [`  NODE_EXTRA_CA_CERTS=${quote(sandbox.caFile)} ${shell.npx} smtp-oauth-setup check${shell.continuation}`]
      : [`  ${shell.setEnv('NODE_EXTRA_CA_CERTS', sandbox.caFile)}`, `  ${shell.npx} smtp-oauth-setup check${shell.continuation}`]),
    ...flags.map((flag, i) => `    ${flag}${i < flags.length - 1 ? shell.continuation : ''}`),
    '',
    t('sandbox.check-with-env'),
    '',
    ...(posix
      ? [
          `  export NODE_EXTRA_CA_CERTS=${quote(sandbox.caFile)} AZURE_AUTHORITY_HOST=${sandbox.authorityHost}`,
          `  export AZURE_TENANT_ID=${client.tenantId} AZURE_CLIENT_ID=${client.clientId} SMTP_OAUTH_MAILBOX=${client.mailbox}`,
        ]
      : [
          ['NODE_EXTRA_CA_CERTS', sandbox.caFile],
          ['AZURE_AUTHORITY_HOST', sandbox.authorityHost],
          ['AZURE_TENANT_ID', client.tenantId],
          ['AZURE_CLIENT_ID', client.clientId],
          ['SMTP_OAUTH_MAILBOX', client.mailbox],
        ].map(([name, value]) => `  ${shell.setEnv(name!, value!)}`)),
    `  ${shell.setEnvFromFile('AZURE_CLIENT_SECRET', secretFile)}`,
    `  ${shell.npx} smtp-oauth-setup check --smtp-host ${sandbox.smtp.host} --smtp-port ${sandbox.smtp.port} --to ${client.to}`,
    '',
    c.dim(t('sandbox.messages-below')),
  ].join('\n');
}

/** A received message as one JSON line (without its raw text). */
export function receivedJson(message: ReceivedMessage) {
  const { raw: _raw, ...rest } = message;
  return { received: rest };
}

/** A received message as one line for a person. */
export function showReceived(message: ReceivedMessage, output: Output): void {
  const c = output.color;
  output.result(
    `${c.green('✉')} ${message.receivedAt}  ${message.mailFrom} → ${message.rcptTo.join(', ')}  "${message.subject}"` +
      c.dim(`  ${t('sandbox.received-by', { mailbox: message.authenticatedAs, app: message.servicePrincipal })}`),
  );
}
