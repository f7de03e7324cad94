import { X509Certificate } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { SandboxOptions } from '../cli.js';
import { InputError } from '../errors.js';
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
    throw new InputError([`--token-port and --smtp-port: both are ${options.tokenPort}; the two servers need two ports`]);
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
      throw new InputError([`--ca-dir: ${secretFile}: ${writeErrorReason(error)}`]);
    }
    output.redactor.protect(sandbox.client.clientSecret);

    if (options.json) output.result(JSON.stringify({ ...connectionSettings(sandbox, secretFile), ...(certificate && { certificate }) }));
    else output.result(describeSandbox(sandbox, secretFile, output, certificate, shellSyntax(platform.shell, platform.os)));

    const stopped = await untilStopped(stop.signal);
    await sandbox.close();
    if (!options.json) output.info('Sandbox stopped.');
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
    const reason =
      e.code === 'EADDRINUSE'
        ? 'the port is in use by another program; choose another, or leave the flag out for a free one'
        : e.code === 'EACCES'
          ? 'this user may not listen on that port (below 1024 needs privileges); choose a port from 1024 up'
          : `the port cannot be used (${e.code ?? e.message})`;
    return new InputError([`${flag} ${e.port}: ${reason}`]);
  }
  if (options.caDir && (e?.syscall === 'mkdir' || e?.syscall === 'open')) {
    const reason = e.code === 'EEXIST' || e.code === 'ENOTDIR' ? 'a file is in the way: it must be a directory (or not exist yet)' : writeErrorReason(error);
    return new InputError([`--ca-dir: ${options.caDir}: ${reason}`]);
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
    throw new InputError([`--certificate: ${path}: ${readErrorReason(error)}`]);
  }
  const pem = pemBlocks(text).find((block) => block.label === 'CERTIFICATE')?.pem;
  if (!pem) throw new InputError([`--certificate: ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`]);
  try {
    // Parsed here so that a broken certificate is refused before anything starts.
    new X509Certificate(pem);
    return pem;
  } catch (error) {
    throw new InputError([`--certificate: the certificate in ${path} cannot be read (${(error as Error).message})`]);
  }
}

export function assertScenario(name: string | undefined, known: readonly string[]): void {
  if (name !== undefined && !known.includes(name)) {
    throw new InputError([`unknown scenario '${name}'; one of: ${known.join(', ')} (see \`smtp-oauth-setup sandbox --list-scenarios\`)`]);
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
  return [
    c.bold(`Sandbox running: scenario ${sandbox.scenario.name}`) + c.dim(`  (${sandbox.scenario.title})`),
    '',
    `  Entra ID token endpoint   ${sandbox.authorityHost}`,
    `  Exchange SMTP server      ${sandbox.smtp.host}:${sandbox.smtp.port} (STARTTLS, AUTH XOAUTH2)`,
    ...(sandbox.latencyMs !== null ? [`  Round trip added          ${sandbox.latencyMs} ms in front of both (latency proxies; the ports above are theirs)`] : []),
    `  Throw-away CA             ${sandbox.caFile}`,
    `  Client secret (file)      ${secretFile}`,
    `  Tenant ${client.tenantId}, app ${client.clientId}, mailbox ${client.mailbox}`,
    ...(certificate
      ? [`  Certificate uploaded      ${certificate.thumbprintSha256} (check --certificate ${quote(certificate.path)} instead of the secret)`]
      : []),
    '',
    'Check against it from another terminal (NODE_EXTRA_CA_CERTS makes Node trust the sandbox CA):',
    '',
    ...(posix
      ? [`  NODE_EXTRA_CA_CERTS=${quote(sandbox.caFile)} ${shell.npx} smtp-oauth-setup check${shell.continuation}`]
      : [`  ${shell.setEnv('NODE_EXTRA_CA_CERTS', sandbox.caFile)}`, `  ${shell.npx} smtp-oauth-setup check${shell.continuation}`]),
    ...flags.map((flag, i) => `    ${flag}${i < flags.length - 1 ? shell.continuation : ''}`),
    '',
    'or with environment variables:',
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
    c.dim('Messages the sandbox receives are shown below. Ctrl-C stops it.'),
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
      c.dim(`  (authenticated as ${message.authenticatedAs} by app ${message.servicePrincipal})`),
  );
}
