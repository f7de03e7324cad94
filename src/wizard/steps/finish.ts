import type { Credential } from '../../inputs/credential.js';
import type { Prompter } from '../../inputs/prompter.js';
import { checkInputsOf, type Screen, type WizardAnswers } from '../context.js';
import { writeFileAsked } from '../files.js';
import { indent } from '../show.js';
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
function certificateRows(credential: Credential & { kind: 'certificate' }): Array<[string, string]> {
  const { certificate } = credential;
  return [
    ['Certificate file', `${certificate.path} (private key and certificate, PEM)`],
    ['Thumbprint', `${certificate.thumbprintSha1} (SHA-1, as the portal lists it)`],
    ['Thumbprint SHA-256', certificate.thumbprintSha256],
    ['Certificate expires', certificate.notAfter.toISOString().slice(0, 10)],
  ];
}

/** The settings as a sending application's form asks for them (the secret always masked). */
export function settingsRows(answers: WizardAnswers, credential: Credential): Array<[string, string]> {
  const inputs = checkInputsOf(answers, credential);
  const encryption = inputs.smtpPort === 465 ? 'SSL/TLS (implicit)' : 'STARTTLS';
  return [
    ['SMTP server', inputs.smtpHost],
    ['Port', String(inputs.smtpPort)],
    ['Encryption', encryption],
    ['Authentication', `OAuth 2.0 (XOAUTH2), client credentials with a ${credential.kind === 'secret' ? 'client secret' : 'certificate'}`],
    ['Sender address', inputs.from],
    ['Sender name', answers.senderName || '(none)'],
    ['Username', inputs.mailbox],
    ['Tenant ID', inputs.tenantId],
    ['Client ID', inputs.clientId],
    ...(credential.kind === 'secret'
      ? ([['Client secret', `${SECRET_MASK} (the Value from step 1, not shown)`]] as Array<[string, string]>)
      : certificateRows(credential)),
    ['Token endpoint', `${inputs.authorityHost}/${inputs.tenantId}/oauth2/v2.0/token`],
    ['Scope', inputs.cloud.scope],
    ...(inputs.secretExpires ? ([['Secret expires', inputs.secretExpires]] as Array<[string, string]>) : []),
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
          `# smtp-oauth-setup: ${inputs.mailbox}. Holds the client secret: keep it private (mode 0600).`,
          `AZURE_TENANT_ID=${envValue(inputs.tenantId)}`,
          `AZURE_CLIENT_ID=${envValue(inputs.clientId)}`,
          `AZURE_CLIENT_SECRET=${envValue(credential.secret.reveal())}`,
        ]
      : [
          `# smtp-oauth-setup: ${inputs.mailbox}. The certificate's private key stays in its own file (mode 0600).`,
          ...(credential.certificate.passwordProtected ? ['# Its key is encrypted: set AZURE_CLIENT_CERTIFICATE_PASSWORD too (not written here).'] : []),
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
  const c = screen.color;
  const { answers, credential } = input;
  const rows = settingsRows(answers, credential);
  const width = Math.max(...rows.map(([label]) => label.length));
  screen.result(
    [
      '',
      c.green.bold('✔ All four steps work.') + ' Enter these settings in the sending application:',
      '',
      indent(rows.map(([label, value]) => `${c.bold(label.padEnd(width))}  ${value}`)),
      '',
    ].join('\n'),
  );

  const files: string[] = [];
  if (await prompter.confirm({ name: 'saveSettings', message: 'Save these settings to a JSON file?', default: false })) {
    // A certificate's key stays in its own file: the settings name that file and never copy the key.
    const includeSecret =
      credential.kind === 'secret' && (await prompter.confirm({ name: 'settingsIncludeSecret', message: 'Include the client secret in that file?', default: false }));
    const path = await writeFileAsked(deps, {
      name: 'settingsPath',
      message: 'File name',
      defaultPath: SETTINGS_FILE,
      workDir: input.workDir,
      content: settingsJson(answers, credential, includeSecret),
    });
    if (path) files.push(path);
  }
  let envPath: string | null = null;
  const envNames = `AZURE_TENANT_ID, AZURE_CLIENT_ID and ${credential.kind === 'secret' ? 'AZURE_CLIENT_SECRET' : 'AZURE_CLIENT_CERTIFICATE_PATH'}`;
  if (await prompter.confirm({ name: 'writeEnv', message: `Write a .env file with ${envNames} (readable by you only)?`, default: false })) {
    envPath = await writeFileAsked(deps, {
      name: 'envPath',
      message: 'File name',
      defaultPath: ENV_FILE,
      workDir: input.workDir,
      content: envFile(answers, credential),
    });
    if (envPath) files.push(envPath);
  }
  let saveSecret = false;
  if (input.configPath && credential.kind === 'secret') {
    saveSecret = await prompter.confirm({
      name: 'keepSecret',
      message: `Keep the client secret in the OS credential store (where there is none: in ${input.configPath}, readable by you only), so \`check\` needs no AZURE_CLIENT_SECRET?`,
      default: false,
    });
  }

  const lines = [''];
  if (input.sandbox) {
    lines.push(`Next: run ${c.bold('smtp-oauth-setup')} (without demo) to walk through the same steps for your own tenant.`);
  } else {
    lines.push(`To repeat the test later${repeatNote(credential, envPath, saveSecret)}:`);
    if (envPath) lines.push(`  ${shellSyntax(input.shell ?? 'posix', input.os).loadDotenv(envPath)}`);
    lines.push(`  ${checkCommandLine(answers, credential, input.shell, input.os)}`);
  }
  if (credential.kind === 'certificate') {
    const expires = credential.certificate.notAfter.toISOString().slice(0, 10);
    lines.push('', c.yellow(`The certificate expires on ${expires}: create and upload the next one before then and update the sending application; \`check\` warns 30 days ahead.`));
  } else if (answers.secretExpires) {
    lines.push('', c.yellow(`The client secret expires on ${answers.secretExpires}: create a new one before then and update the sending application.`));
  }
  screen.result(lines.join('\n'));
  return { saveSecret, files };
}

/** Where the credential comes from when `check` repeats the test. */
function repeatNote(credential: Credential, envPath: string | null, saveSecret: boolean): string {
  if (credential.kind === 'certificate') return credential.certificate.passwordProtected ? ', with the key\'s password in AZURE_CLIENT_CERTIFICATE_PASSWORD' : '';
  if (envPath) return ` (the secret from ${envPath})`;
  return saveSecret ? '' : ', with the client secret in AZURE_CLIENT_SECRET';
}
