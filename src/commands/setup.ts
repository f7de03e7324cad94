import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SetupOptions } from '../cli.js';
import {
  type ConfigStore,
  configDirectory,
  fileConfigStore,
  memoryConfigStore,
  type SavedConfig,
  savedCheckInputs,
  savedSecretReader,
  UnreadableConfigError,
} from '../config/store.js';
import { osSecretStore } from '../config/secret-store.js';
import { InputError } from '../errors.js';
import { givenCheckInputs, givenCredential } from '../inputs/check-inputs.js';
import { type Credential, credentialSecrets } from '../inputs/credential.js';
import { Secret } from '../inputs/secret.js';
import { type CliIO, canPrompt } from '../io.js';
import type { Output } from '../output.js';
import type { Sandbox } from '../sandbox/index.js';
import { validateSecretValue } from '../wizard/ask.js';
import type { DemoHooks, WizardAnswers, WizardState } from '../wizard/context.js';
import { initialState, offerResume, runWizard } from '../wizard/index.js';
import type { WaitPlan } from '../wizard/wait-retry.js';
import { listenForStop } from '../signals.js';
import { detectPlatform, type Platform } from '../platform.js';
import { terminalServices } from '../wizard/terminal.js';

export const NOT_A_TERMINAL =
  'The setup wizard asks questions, so it needs a terminal (and no --no-input). Without one, pass the values as flags to `smtp-oauth-setup check` (see `smtp-oauth-setup check --help`), or run `smtp-oauth-setup` in a terminal.';

/** The answers a flag or environment variable can prefill (the names `check` uses). */
const PREFILLED = ['cloud', 'tenantId', 'clientId', 'mailbox', 'from', 'to', 'authorityHost', 'smtpHost', 'smtpPort', 'timeout', 'proxy', 'secretExpires'] as const;

/**
 * `setup` (and no command at all): the interactive walk from an empty tenant to a working sender.
 * Flags and environment prefill answers; saved answers from an unfinished walk are offered back.
 */
export async function setupCommand(options: SetupOptions, io: CliIO, output: Output): Promise<number> {
  if (!canPrompt(io, options.input)) throw new InputError([NOT_A_TERMINAL]);
  if (options.clientSecretStdin || options.clientSecretFile === '-') {
    throw new InputError([
      'The wizard reads your answers from the terminal, so the secret cannot come from standard input here: use --client-secret-file <path> or AZURE_CLIENT_SECRET, or type it when asked.',
    ]);
  }
  const c = output.color;
  const platform = detectPlatform(io.env);
  const directory = configDirectory(io.env, platform.os);
  const secrets = osSecretStore();
  const store: ConfigStore = directory
    ? fileConfigStore(directory, { secrets, platform: platform.os, notice: (line) => output.info(c.yellow(`! ${line}`)) })
    : memoryConfigStore();
  if (!directory) output.info(c.yellow(`! ${noConfigDirectory(platform.os)}`));
  const saved = await loadSaved(store, output);

  const answers: WizardAnswers = {};
  const given = givenCheckInputs({ flags: options, env: io.env });
  for (const key of PREFILLED) {
    const found = given[key];
    if (!found) continue;
    if (found.problem) output.info(c.yellow(`! ${found.origin}: ${found.problem}; the wizard will ask for it.`));
    else answers[key] = found.value;
  }
  const givenCred = await givenCredential({
    flags: options,
    env: io.env,
    saved: savedCheckInputs(saved),
    savedSecret: savedSecretReader(saved, secrets),
    protect: (value) => output.redactor.protect(value),
  });
  for (const problem of givenCred.problems) output.info(c.yellow(`! ${problem}; the wizard will ask for it.`));
  // A certificate that needs its password (or was refused) is offered again in step 1 by its path.
  if (givenCred.certificatePath) answers.certificatePath = givenCred.certificatePath;
  let credential: Credential | null = givenCred.credential;
  if (credential) {
    for (const value of credentialSecrets(credential)) output.redactor.protect(value);
    const verdict = credential.kind === 'secret' ? validateSecretValue(credential.secret.reveal()) : true;
    if (verdict !== true && credential.kind === 'secret') {
      output.info(c.yellow(`! client secret (${credential.secret.source}): ${verdict}; the wizard will ask for it.`));
      credential = null;
    }
  }

  const state = initialState(saved, answers, credential);
  return walk(state, saved, { output, store, yes: options.yes, presets: options.saveSecret ? { keepSecret: true } : {}, workDir: process.cwd(), platform });
}

/** Why progress is not saved: the variable the config directory comes from is missing. */
export function noConfigDirectory(os: NodeJS.Platform): string {
  return os === 'win32'
    ? 'No config directory (APPDATA is not set): progress will not be saved. Set SMTP_OAUTH_SETUP_CONFIG_DIR to keep it.'
    : 'No config directory (HOME is not set): progress will not be saved. Set SMTP_OAUTH_SETUP_CONFIG_DIR to keep it.';
}

async function loadSaved(store: ConfigStore, output: Output): Promise<SavedConfig | null> {
  try {
    return await store.load();
  } catch (error) {
    // A broken file must not block the walk that will replace it; an insecure one is refused (exit 2).
    if (!(error instanceof UnreadableConfigError)) throw error;
    output.info(output.color.yellow(`! ${error.message} Starting without it.`));
    return null;
  }
}

async function walk(
  state: WizardState,
  saved: SavedConfig | null,
  options: { output: Output; store: ConfigStore; yes: boolean; presets?: Readonly<Record<string, boolean>>; workDir: string; extraCaPem?: string; demo?: DemoHooks; wait?: WaitPlan; platform: Platform },
): Promise<number> {
  const stop = listenForStop(options.platform);
  try {
    const services = await terminalServices({ ...options, signal: stop.signal });
    await offerResume(state, saved, services);
    return await runWizard(state, services);
  } finally {
    stop.dispose();
  }
}

/**
 * `demo` on a terminal: the same walk against the built-in sandbox, every answer prefilled so that
 * Enter goes all the way to a real test message. Nothing is saved; files go to a temporary folder,
 * removed when the demo ends.
 * With a broken-tenant scenario, a retry finds the tenant repaired (the sandbox plays the admin).
 */
export async function demoWizard(sandbox: Sandbox, output: Output, platform: Platform = detectPlatform()): Promise<number> {
  const { client } = sandbox;
  output.redactor.protect(client.clientSecret);
  const state = initialState(
    null,
    {
      tenantId: client.tenantId,
      clientId: client.clientId,
      mailbox: client.mailbox,
      from: client.from,
      to: client.to,
      authorityHost: sandbox.authorityHost,
      smtpHost: sandbox.smtp.host,
      smtpPort: String(sandbox.smtp.port),
      timeout: '10',
    },
    { kind: 'secret', secret: new Secret(client.clientSecret, 'the sandbox') },
  );
  // Certificates the newcomer created and "uploaded": a repaired tenant starts fresh, so they go back in.
  const uploaded: string[] = [];
  const demo: DemoHooks = {
    repairTenant() {
      const broken = sandbox.scenario.name;
      if (broken === 'healthy') return null;
      sandbox.applyScenario('healthy');
      for (const pem of uploaded) sandbox.uploadCertificate(pem);
      return `(demo) The sandbox now plays the administrator who fixed '${broken}'.`;
    },
    uploadCertificate(certificatePem) {
      uploaded.push(certificatePem);
      sandbox.uploadCertificate(certificatePem);
      return '(demo) The sandbox plays the administrator who uploaded the certificate to the app.';
    },
  };
  const workDir = await mkdtemp(join(tmpdir(), 'smtp-oauth-demo-'));
  // The sandbox applies changes at once: a demo of waiting needs seconds, not Exchange's minutes.
  const wait = { intervalMs: 10_000, attempts: 3 };
  let exitCode: number;
  let saved: string[] = [];
  try {
    exitCode = await walk(state, null, { output, store: memoryConfigStore(), yes: false, workDir, extraCaPem: sandbox.caPem, demo, wait, platform });
    saved = await readdir(workDir);
  } finally {
    // Removed however the demo ends (success, failure, a signal): what the newcomer saved there, a
    // .env above all, holds the sandbox's secret, and the sandbox is gone with the demo anyway.
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  }
  const { showReceivedMessage } = await import('./demo.js');
  showReceivedMessage(sandbox, output);
  if (saved.length > 0) output.info(output.color.dim(`\n(demo) The files saved in ${workDir} are removed with the demo: they were for the sandbox only.`));
  return exitCode;
}
