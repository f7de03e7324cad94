import { X509Certificate } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { SandboxOptions } from '../cli.js';
import { InputError } from '../errors.js';
import { type Message, msg, render, t } from '../messages/index.js';
import { ExitCode } from '../exit-codes.js';
import { type CliIO, READ_LIMITS, readTextFile } from '../io.js';
import type { Output } from '../output.js';
import type { Reporter } from '../report/reporter.js';
import type { Sandbox } from '../sandbox/index.js';
import { readErrorReason, writeErrorReason } from '../fs-errors.js';
import { listenForStop, untilStopped } from '../signals.js';
import { pemBlocks } from '../token/certificate.js';
import { detectPlatform } from '../platform.js';
import { shellSyntax } from '../shell.js';
import { writeUserFile } from '../fs/write-file.js';

/**
 * `sandbox`: the emulator as a long-running process for trying `check` (or any XOAUTH2 client) by
 * hand. It prints what to pass to `check` and every message it receives, and stops on Ctrl-C
 * (or SIGTERM, SIGHUP).
 * The emulator's client secret goes to a 0600 file next to the CA, never to the screen.
 */
export async function sandboxCommand(options: SandboxOptions, io: CliIO, output: Output, reporter: Reporter): Promise<number> {
  const { listScenarios, startSandbox } = await import('../sandbox/index.js');
  if (options.listScenarios) {
    const scenarios = listScenarios();
    const { catalogByCode } = await import('../diagnose/catalog.js');
    // The diagnosis check gives for the scenario, with the setup step the catalog gives it.
    const diagnosis = (code: string | null) => (code === null ? null : { code, step: catalogByCode.get(code)?.step ?? null });
    await reporter.scenarios(scenarios.map((s) => ({ name: s.name, title: s.title, description: s.description, diagnosis: diagnosis(s.diagnosis) })));
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
        ...(options.replicationDelay !== undefined && { replicationDelayMs: options.replicationDelay }),
        ...(options.approveAfter !== undefined && { deviceCode: { autoApproveMs: options.approveAfter } }),
        onMessage: (message) => void reporter.sandboxReceived(message),
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

    await reporter.sandboxReady({ sandbox, secretFile, certificate, shell: shellSyntax(platform.shell, platform.os) });

    const keys = approvalKeys(sandbox, io, (m) => output.info(render(m)));
    if (keys || options.approveAfter !== undefined) output.info(render(msg('sandbox.device-code.how', { keys: keys !== null, afterMs: options.approveAfter })));
    const stopped = await untilStopped(stop.signal).finally(() => keys?.dispose());
    await sandbox.close();
    reporter.sandboxStopped();
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


/**
 * On a terminal, the administrator's side of the device code flow by keystroke: `a` approves the
 * newest pending code, `d` declines it (what the admin does at /devicelogin in a browser). Raw mode
 * takes Ctrl-C as a byte: it is turned back into SIGINT, so the sandbox stops as before.
 */
export function approvalKeys(sandbox: Sandbox, io: CliIO, show: (m: Message) => void): { dispose(): void } | null {
  const stdin = io.stdin as NodeJS.ReadStream;
  if (stdin.isTTY !== true || typeof stdin.setRawMode !== 'function') return null;
  const onData = (chunk: Buffer | string) => {
    for (const key of String(chunk)) {
      if (key === '\u0003') process.kill(process.pid, 'SIGINT');
      if (key !== 'a' && key !== 'd') continue;
      const pending = sandbox.pendingDeviceCodes().at(-1);
      if (!pending) {
        show(msg('sandbox.device-code.none'));
        continue;
      }
      if (key === 'a') sandbox.approveDeviceCode(pending.userCode);
      else sandbox.declineDeviceCode(pending.userCode);
      show(msg('sandbox.device-code.answered', { code: pending.userCode, approved: key === 'a' }));
    }
  };
  stdin.setRawMode(true);
  stdin.on('data', onData);
  stdin.resume();
  return {
    dispose() {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    },
  };
}
