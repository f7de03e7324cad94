import type { Credential } from '../../inputs/credential.js';
import type { Prompter } from '../../inputs/prompter.js';
import { msg, t } from '../../messages/index.js';
import { checkInputsOf, type Screen, type WizardAnswers } from '../context.js';
import { writeFileAsked } from '../files.js';
import type { Block, FactRow } from '../show.js';
import type { ShellKind } from '../../platform.js';
import { shellQuote, shellSyntax } from '../../shell.js';

export interface FinishInput {
  answers: WizardAnswers;
  credential: Credential;
  workDir: string;
  /** The saved configuration's file, when there is one (it can keep the secret on request). */
  configPath: string | null;
  /** Against the built-in sandbox: no command line for later, the sandbox is gone by then. */
  sandbox: boolean;
  /** The shell the printed commands are written for (PowerShell on Windows); POSIX when not given. */
  shell?: ShellKind;
  /** The system they run on (npx.cmd for PowerShell on Windows). */
  os?: NodeJS.Platform;
}

export interface FinishOutcome {
  /** The user asked to keep the secret in the saved configuration. */
  saveSecret: boolean;
  files: string[];
}

export const SETTINGS_FILE = 'smtp-oauth-settings.json';
export const ENV_FILE = '.env';
export const SECRET_MASK = '••••••••';

/** The certificate's file and the facts an application's form or the portal ask for. */
function certificateRows(credential: Credential & { kind: 'certificate' }): FactRow[] {
  const { certificate } = credential;
  return [
    { label: msg('wizard.settings.certificate-file'), value: msg('wizard.settings.certificate-file-value', { path: certificate.path }) },
    { label: msg('wizard.settings.thumbprint'), value: msg('wizard.settings.thumbprint-value', { thumbprint: certificate.thumbprintSha1 }) },
    { label: msg('wizard.settings.thumbprint-sha256'), value: certificate.thumbprintSha256 },
    { label: msg('wizard.settings.certificate-expires'), value: msg('wizard.date', { date: certificate.notAfter }) },
  ];
}

/** The settings as a sending application's form asks for them (the secret always masked). */
export function settingsRows(answers: WizardAnswers, credential: Credential): FactRow[] {
  const inputs = checkInputsOf(answers, credential);
  return [
    { label: msg('wizard.settings.smtp-server'), value: inputs.smtpHost },
    { label: msg('wizard.settings.port'), value: String(inputs.smtpPort) },
    { label: msg('wizard.settings.encryption'), value: inputs.smtpPort === 465 ? msg('wizard.settings.implicit-tls') : 'STARTTLS' },
    { label: msg('wizard.settings.authentication'), value: msg('wizard.settings.authentication-value', { credential: credential.kind }) },
    { label: msg('wizard.settings.sender-address'), value: inputs.from },
    { label: msg('wizard.settings.sender-name'), value: answers.senderName || msg('wizard.settings.none') },
    { label: msg('wizard.settings.username'), value: inputs.mailbox },
    { label: msg('wizard.settings.tenant-id'), value: inputs.tenantId },
    { label: msg('wizard.settings.client-id'), value: inputs.clientId },
    ...(credential.kind === 'secret'
      ? [{ label: msg('wizard.settings.client-secret'), value: msg('wizard.settings.client-secret-value', { mask: SECRET_MASK }) }]
      : certificateRows(credential)),
    { label: msg('wizard.settings.token-endpoint'), value: `${inputs.authorityHost}/${inputs.tenantId}/oauth2/v2.0/token` },
    { label: msg('wizard.settings.scope'), value: inputs.cloud.scope },
    ...(inputs.secretExpires ? [{ label: msg('wizard.settings.secret-expires'), value: inputs.secretExpires }] : []),
  ];
}

/** The settings file: what the form needs, the secret only when asked; a certificate by its file. */
export function settingsJson(answers: WizardAnswers, credential: Credential, includeSecret: boolean): string {
  const inputs = checkInputsOf(answers, credential);
  const certificate = credential.kind === 'certificate' ? credential.certificate : null;
  return (
    JSON.stringify(
      {
        smtpServer: inputs.smtpHost,
        port: inputs.smtpPort,
        encryption: inputs.smtpPort === 465 ? 'TLS' : 'STARTTLS',
        authentication: 'XOAUTH2',
        senderAddress: inputs.from,
        senderName: answers.senderName ?? '',
        username: inputs.mailbox,
        tenantId: inputs.tenantId,
        clientId: inputs.clientId,
        ...(includeSecret && credential.kind === 'secret' && { clientSecret: credential.secret.reveal() }),
        ...(inputs.secretExpires && { clientSecretExpires: inputs.secretExpires }),
        ...(certificate && {
          certificatePath: certificate.path,
          certificateThumbprint: certificate.thumbprintSha1,
          certificateThumbprintSha256: certificate.thumbprintSha256,
          certificateExpires: certificate.notAfter.toISOString().slice(0, 10),
        }),
        tokenEndpoint: `${inputs.authorityHost}/${inputs.tenantId}/oauth2/v2.0/token`,
        scope: inputs.cloud.scope,
      },
      null,
      2,
    ) + '\n'
  );
}

/** A comment of the .env, one `#` line per line of the message. */
function envComment(text: string): string[] {
  return text.split('\n').map((line) => `# ${line}`);
}

/** A .env value that dotenv, a POSIX shell (`set -a; . ./.env`) and the PowerShell loader of src/shell.ts read back unchanged. */
export const envValue = shellQuote;

/**
 * The environment `check` and the Azure SDKs read (AZURE_* names): the secret included (it is asked
 * for), or the certificate's file (AZURE_CLIENT_CERTIFICATE_PATH; its password is never written).
 */
export function envFile(answers: WizardAnswers, credential: Credential): string {
  const inputs = checkInputsOf(answers, credential);
  const lines =
    credential.kind === 'secret'
      ? [
          ...envComment(t('files.env.secret', { mailbox: inputs.mailbox })),
          `AZURE_TENANT_ID=${envValue(inputs.tenantId)}`,
          `AZURE_CLIENT_ID=${envValue(inputs.clientId)}`,
          `AZURE_CLIENT_SECRET=${envValue(credential.secret.reveal())}`,
        ]
      : [
          ...envComment(t('files.env.certificate', { mailbox: inputs.mailbox })),
          ...(credential.certificate.passwordProtected ? envComment(t('files.env.certificate-password')) : []),
          `AZURE_TENANT_ID=${envValue(inputs.tenantId)}`,
          `AZURE_CLIENT_ID=${envValue(inputs.clientId)}`,
          `AZURE_CLIENT_CERTIFICATE_PATH=${envValue(credential.certificate.path)}`,
        ];
  lines.push(`SMTP_OAUTH_MAILBOX=${envValue(inputs.mailbox)}`);
  if (inputs.authorityHost !== inputs.cloud.authorityHost) lines.push(`AZURE_AUTHORITY_HOST=${envValue(inputs.authorityHost)}`);
  if (inputs.cloud.name !== 'global') lines.push(`SMTP_OAUTH_CLOUD=${inputs.cloud.name}`);
  return lines.join('\n') + '\n';
}

/**
 * The `check` command that repeats the test later, quoted for the user's shell; a secret comes from the
 * environment, a certificate from its file.
 */
export function checkCommandLine(answers: WizardAnswers, credential: Credential, shell: ShellKind = 'posix', os: NodeJS.Platform = 'linux'): string {
  const inputs = checkInputsOf(answers, credential);
  const syntax = shellSyntax(shell, os);
  const quote = syntax.word;
  const flags: string[] = [];
  if (inputs.cloud.name !== 'global') flags.push(`--cloud ${inputs.cloud.name}`);
  flags.push(`--tenant-id ${quote(inputs.tenantId)}`, `--client-id ${quote(inputs.clientId)}`);
  if (credential.kind === 'certificate') flags.push(`--certificate ${quote(credential.certificate.path)}`);
  flags.push(`--mailbox ${quote(inputs.mailbox)}`);
  if (inputs.from !== inputs.mailbox) flags.push(`--from ${quote(inputs.from)}`);
  if (inputs.to) flags.push(`--to ${quote(inputs.to)}`);
  if (inputs.authorityHost !== inputs.cloud.authorityHost) flags.push(`--authority-host ${quote(inputs.authorityHost)}`);
  if (inputs.smtpHost !== inputs.cloud.smtpHost) flags.push(`--smtp-host ${quote(inputs.smtpHost)}`);
  if (inputs.smtpPort !== inputs.cloud.smtpPort) flags.push(`--smtp-port ${inputs.smtpPort}`);
  return `${syntax.npx} smtp-oauth-setup check ${flags.join(' ')}`;
}

/**
 * The end: the values to enter in the sending application, exactly as its form asks for them, and
 * ways to keep them — a JSON file (no secret unless asked), a .env (0600, never replacing a file
 * without asking) and the `check` command that repeats the test.
 */
export async function finishStep(input: FinishInput, deps: { prompter: Prompter; screen: Screen }): Promise<FinishOutcome> {
  const { prompter, screen } = deps;
  const { answers, credential } = input;
  screen.result({ kind: 'success', text: msg('wizard.finish.all-work') }, { kind: 'facts', rows: settingsRows(answers, credential), gap: true });

  const files: string[] = [];
  if (await prompter.confirm({ name: 'saveSettings', message: msg('wizard.ask.save-settings'), default: false })) {
    // A certificate's key stays in its own file: the settings name that file and never copy the key.
    const includeSecret =
      credential.kind === 'secret' && (await prompter.confirm({ name: 'settingsIncludeSecret', message: msg('wizard.ask.settings-include-secret'), default: false }));
    const path = await writeFileAsked(deps, {
      name: 'settingsPath',
      message: msg('wizard.ask.file-name'),
      defaultPath: SETTINGS_FILE,
      workDir: input.workDir,
      content: settingsJson(answers, credential, includeSecret),
    });
    if (path) files.push(path);
  }
  let envPath: string | null = null;
  if (await prompter.confirm({ name: 'writeEnv', message: msg('wizard.ask.write-env', { credential: credential.kind }), default: false })) {
    envPath = await writeFileAsked(deps, {
      name: 'envPath',
      message: msg('wizard.ask.file-name'),
      defaultPath: ENV_FILE,
      workDir: input.workDir,
      content: envFile(answers, credential),
    });
    if (envPath) files.push(envPath);
  }
  let saveSecret = false;
  if (input.configPath && credential.kind === 'secret') {
    saveSecret = await prompter.confirm({ name: 'keepSecret', message: msg('wizard.ask.keep-secret', { path: input.configPath }), default: false });
  }

  const blocks: Block[] = [];
  if (input.sandbox) {
    blocks.push({ kind: 'paragraph', text: msg('wizard.finish.next-own-tenant') });
  } else {
    const syntax = shellSyntax(input.shell ?? 'posix', input.os);
    blocks.push(
      { kind: 'paragraph', text: msg('wizard.finish.repeat', { credentialFrom: repeatSource(credential, envPath, saveSecret), ...(envPath && { envPath }) }) },
      { kind: 'commands', lines: [...(envPath ? [syntax.loadDotenv(envPath)] : []), checkCommandLine(answers, credential, input.shell, input.os)], gap: false },
    );
  }
  if (credential.kind === 'certificate') {
    blocks.push({ kind: 'warning', text: msg('wizard.finish.certificate-expires', { date: credential.certificate.notAfter }), gap: true });
  } else if (answers.secretExpires) {
    blocks.push({ kind: 'warning', text: msg('wizard.finish.secret-expires', { date: answers.secretExpires }), gap: true });
  }
  screen.result(...blocks);
  return { saveSecret, files };
}

/** Where the credential comes from when `check` repeats the test. */
function repeatSource(credential: Credential, envPath: string | null, saveSecret: boolean): 'certificate' | 'certificate-password' | 'env-file' | 'saved' | 'environment' {
  if (credential.kind === 'certificate') return credential.certificate.passwordProtected ? 'certificate-password' : 'certificate';
  if (envPath) return 'env-file';
  return saveSecret ? 'saved' : 'environment';
}
