import { X509Certificate } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { SandboxOptions } from '../cli.js';
import { InputError } from '../errors.js';
import { type MessageId, msg, t } from '../messages/index.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIO, READ_LIMITS, readTextFile } from '../io.js';
import type { Output } from '../output.js';
import type { ReceivedMessage, Sandbox } from '../sandbox/index.js';
import { readErrorReason, writeErrorReason } from '../fs-errors.js';
import { listenForStop, untilStopped } from '../signals.js';
import { pemBlocks } from '../token/certificate.js';
import { detectPlatform, type Platform } from '../platform.js';
import { type ShellSyntax, shellSyntax } from '../shell.js';
import { writeUserFile } from '../fs/write-file.js';

/**
 * `sandbox`: the emulator as a long-running process for trying `check` (or any XOAUTH2 client) by
 * hand. It prints what to pass to `check` and every message it receives, and stops on Ctrl-C
 * (or SIGTERM, SIGHUP).
 * The emulator's client secret goes to a 0600 file next to the CA, never to the screen.
 */
export async function sandboxCommand(options: SandboxOptions, io: CliIO, output: Output): Promise<number> {
  const { listScenarios, startSandbox } = await import('../sandbox/index.js');
  if (options.listScenarios) {
    const scenarios = listScenarios();
    const { catalogByCode } = await import('../diagnose/catalog.js');
    // The diagnosis check gives for the scenario, with the setup step the catalog gives it.
    const diagnosis = (code: string | null) => (code === null ? null : { code, step: catalogByCode.get(code)?.step ?? null });
    if (options.json) {
      output.result(JSON.stringify(scenarios.map((s) => ({ name: s.name, title: s.title, description: s.description, diagnosis: diagnosis(s.diagnosis) })), null, 2));
    }
    else {
      const width = Math.max(...scenarios.map((s) => s.name.length));
      for (const s of scenarios) output.result(`${s.name.padEnd(width)}  ${s.title}`);
    }
    return ExitCode.ok;
  }
  assertScenario(options.scenario, listScenarios().map((s) => s.name));
  if (options.tokenPort !== undefined && options.tokenPort !== 0 && options.tokenPort === options.smtpPort) {
    throw new InputError([msg('sandbox.same-port', { port: options.tokenPort })]);
  }
  const upload = options.certificate === undefined ? null : { path: options.certificate, pem: await readCertificateToUpload(options.certificate) };

  // Ctrl-C, SIGTERM and SIGHUP (the terminal closed) all stop it the same way: both servers closed,
  // the temporary CA folder removed, exit 128 + the signal's number (Ctrl-C, Ctrl-Break and the
  // console window closed on Windows).
  const platform = detectPlatform(io.env);
  const stop = listenForStop(platform);
  let sandbox: Sandbox | undefined;
  try {
    try {
      sandbox = await startSandbox({
        ...(options.scenario && { scenario: options.scenario }),
        ...(options.tokenPort !== undefined && { tokenPort: options.tokenPort }),
        ...(options.smtpPort !== undefined && { smtpPort: options.smtpPort }),
        ...(options.caDir && { caDir: options.caDir }),
        ...(options.latency !== undefined && { latencyMs: options.latency }),
        onMessage: (message) => showMessage(message, options.json, output),
      });
    } catch (error) {
      throw startupInputError(error, options) ?? error;
    }
    const certificate = upload && { path: upload.path, thumbprintSha256: sandbox.uploadCertificate(upload.pem) };
    const secretFile = join(dirname(sandbox.caFile), 'client-secret');
    try {
      // Private (0600, or an ACL for the user alone on Windows), like every file that holds a secret.
      await writeUserFile(secretFile, sandbox.client.clientSecret + '\n', { private: true, platform, warn: (line) => output.info(output.color.yellow(`! ${line}`)) });
    } catch (error) {
      if (!options.caDir) throw error;
      throw new InputError([msg('sandbox.ca-dir-unusable', { path: secretFile, reason: writeErrorReason(error) })]);
    }
    output.redactor.protect(sandbox.client.clientSecret);

    if (options.json) output.result(JSON.stringify({ ...connectionSettings(sandbox, secretFile), ...(certificate && { certificate }) }));
    else output.result(describeSandbox(sandbox, secretFile, output, certificate, shellSyntax(platform.shell, platform.os)));

    const stopped = await untilStopped(stop.signal);
    await sandbox.close();
    if (!options.json) output.info(t('sandbox.stopped'));
    return stopped.exitCode;
  } finally {
    await sandbox?.close();
    stop.dispose();
  }
}

/**
 * What the user gave that the sandbox cannot start with: a port another program holds, a --ca-dir
 * that is a file or cannot be created. Null for anything else (a bug, reported as one).
 */
function startupInputError(error: unknown, options: SandboxOptions): InputError | null {
  const e = error as NodeJS.ErrnoException & { port?: number };
  if (e?.syscall === 'listen') {
    const flag = e.port === options.tokenPort ? '--token-port' : e.port === options.smtpPort ? '--smtp-port' : null;
    if (!flag) return null;
    const reason = e.code === 'EADDRINUSE' ? 'in-use' : e.code === 'EACCES' ? 'privileged' : 'other';
    return new InputError([msg('sandbox.port-unusable', { field: flag, port: e.port!, reason, ...(reason === 'other' && { detail: e.code ?? e.message }) })]);
  }
  if (options.caDir && (e?.syscall === 'mkdir' || e?.syscall === 'open')) {
    const reason = e.code === 'EEXIST' || e.code === 'ENOTDIR' ? t('sandbox.ca-dir-is-file') : writeErrorReason(error);
    return new InputError([msg('sandbox.ca-dir-unusable', { path: options.caDir, reason })]);
  }
  return null;
}

/**
 * The certificate to upload: only its public part is read (a PEM holding the key too is fine, the key
 * is not used); a file without a readable certificate is bad input (exit 2).
 */
async function readCertificateToUpload(path: string): Promise<string> {
  let text: string;
  try {
    text = await readTextFile(path, READ_LIMITS.pem);
  } catch (error) {
    throw new InputError([msg('sandbox.certificate-unreadable', { path, reason: readErrorReason(error) })]);
  }
  const pem = pemBlocks(text).find((block) => block.label === 'CERTIFICATE')?.pem;
  if (!pem) throw new InputError([msg('sandbox.certificate-missing', { path })]);
  try {
    // Parsed here so that a broken certificate is refused before anything starts.
    new X509Certificate(pem);
    return pem;
  } catch (error) {
    throw new InputError([msg('sandbox.certificate-unparsable', { path, detail: (error as Error).message })]);
  }
}

export function assertScenario(name: string | undefined, known: readonly string[]): void {
  if (name !== undefined && !known.includes(name)) {
    throw new InputError([msg('sandbox.unknown-scenario', { name, known: [...known] })]);
  }
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
function describeSandbox(
  sandbox: Sandbox,
  secretFile: string,
  output: Output,
  certificate: { path: string; thumbprintSha256: string } | null,
  shell: ShellSyntax = shellSyntax('posix'),
): string {
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

function showMessage(message: ReceivedMessage, json: boolean, output: Output): void {
  if (json) {
    const { raw: _raw, ...rest } = message;
    output.result(JSON.stringify({ received: rest }));
    return;
  }
  const c = output.color;
  output.result(
    `${c.green('✉')} ${message.receivedAt}  ${message.mailFrom} → ${message.rcptTo.join(', ')}  "${message.subject}"` +
      c.dim(`  ${t('sandbox.received-by', { mailbox: message.authenticatedAs, app: message.servicePrincipal })}`),
  );
}
