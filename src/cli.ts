import { Command, CommanderError, Option } from 'commander';
import { InputError } from './errors.js';
import type { CheckFlags } from './inputs/check-inputs.js';
import { toolVersion } from './version.js';

/**
 * argv → a typed command. Nothing here touches the network or the terminal: heavy modules are
 * imported only once a command is known, so `--help` and `--version` stay close to bare Node.
 */
export interface CheckOptions extends CheckFlags {
  json: boolean;
  /** Show the SMTP dialogue on stderr (the AUTH payload and any token replaced). */
  verbose?: boolean;
  /** False with --no-input. */
  input: boolean;
}

export interface DemoOptions {
  scenario?: string;
  json: boolean;
}

export interface SandboxOptions {
  scenario?: string;
  listScenarios: boolean;
  tokenPort?: number;
  smtpPort?: number;
  caDir?: string;
  json: boolean;
}

export type ParsedCommand =
  | { command: 'check'; options: CheckOptions }
  | { command: 'demo'; options: DemoOptions }
  | { command: 'sandbox'; options: SandboxOptions }
  | { command: 'print'; text: string };

const SECRET_ON_ARGV = [
  'The client secret is never taken on the command line (it would stay in shell history and process lists). Use one of:',
  '  AZURE_CLIENT_SECRET=<value> in the environment',
  '  --client-secret-file <path>   a file holding only the secret',
  '  --client-secret-stdin         read it from standard input (e.g. from a secret manager\'s CLI)',
].join('\n');

function portOption(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError([`port '${value}' must be a number from 0 to 65535`]);
  return port;
}

function buildProgram(onParsed: (parsed: ParsedCommand) => void, writeOut: (text: string) => void): Command {
  const program = new Command('smtp-oauth-setup')
    .description('Set up and check OAuth2 (XOAUTH2) SMTP sending through Exchange Online, with a diagnosis for every failure.')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut, writeErr: writeOut, outputError: () => {} })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nStart with `smtp-oauth-setup demo` to see the whole flow against the built-in sandbox.\nExit codes: 0 ok · 1 internal error · 2 invalid input · 3 Entra ID token · 4 Exchange refused AUTH · 5 Exchange refused the message · 6 network/TLS/timeout/temporary · 130 cancelled',
    );

  program
    .command('check')
    .description('Get a token, check its claims, authenticate to SMTP and optionally send a test message')
    .option('--cloud <name>', 'Microsoft cloud: global (also GCC), usgov (GCC High), usgovdod, china [env SMTP_OAUTH_CLOUD] (default: global)')
    .option('--tenant-id <id>', 'tenant ID (GUID) or verified domain [env AZURE_TENANT_ID]')
    .option('--client-id <id>', 'application (client) ID [env AZURE_CLIENT_ID]')
    .option('--client-secret-file <path|->', 'read the client secret from a file, or - for stdin [or env AZURE_CLIENT_SECRET]')
    .option('--client-secret-stdin', 'read the client secret from standard input')
    .addOption(new Option('--client-secret <value>').hideHelp())
    .option('--mailbox <address>', 'the mailbox the app sends as; the XOAUTH2 user [env SMTP_OAUTH_MAILBOX]')
    .option('--from <address>', 'sender address (default: the mailbox)')
    .option('--to <address>', 'send a test message here; without it the check stops after AUTH (nothing sent)')
    .option('--authority-host <url>', 'Entra ID authority host [env AZURE_AUTHORITY_HOST] (default: https://login.microsoftonline.com)')
    .option('--smtp-host <host>', 'SMTP server (default: smtp.office365.com)')
    .option('--smtp-port <port>', 'SMTP port (default: 587)')
    .option('--timeout <seconds>', 'limit for each network step (default: 20)')
    .option('--proxy <url>', 'HTTP proxy for the token endpoint (default: HTTPS_PROXY/NO_PROXY); SMTP always connects directly')
    .option('--json', 'print exactly one JSON object on stdout', false)
    .option('--verbose', 'show the SMTP dialogue on stderr (the AUTH payload and tokens replaced)')
    .option('--no-input', 'never prompt (implied when stdin is not a terminal)')
    .action((opts: CheckOptions & { clientSecret?: string }) => {
      if (opts.clientSecret !== undefined) throw new InputError([SECRET_ON_ARGV]);
      onParsed({ command: 'check', options: opts });
    });

  program
    .command('demo')
    .description('Run the whole check against the built-in sandbox (no tenant needed)')
    .option('--scenario <name>', 'a sandbox scenario that shows a failure and its diagnosis (see `sandbox --list-scenarios`)')
    .option('--json', 'print exactly one JSON object on stdout', false)
    .action((opts: DemoOptions) => onParsed({ command: 'demo', options: opts }));

  program
    .command('sandbox')
    .description('Start an offline emulator of the Entra ID token endpoint and Exchange Online SMTP on 127.0.0.1')
    .option('--scenario <name>', 'preset the tenant in a broken state (default: healthy)')
    .option('--list-scenarios', 'list the scenarios and exit', false)
    .option('--token-port <port>', 'port of the HTTPS token endpoint (default: random)', portOption)
    .option('--smtp-port <port>', 'port of the SMTP server (default: random)', portOption)
    .option('--ca-dir <dir>', 'where to write the throw-away CA certificate (default: a new temporary directory)')
    .option('--json', 'print the connection settings as one JSON object, then the messages as JSON lines', false)
    .action((opts: SandboxOptions) => onParsed({ command: 'sandbox', options: opts }));

  return program;
}

export function parseArgv(argv: readonly string[]): ParsedCommand {
  let parsed: ParsedCommand | undefined;
  let printed = '';
  const program = buildProgram(
    (p) => (parsed = p),
    (text) => (printed += text),
  );
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return { command: 'print', text: printed };
      throw new InputError([error.message.replace(/^error: /, '') + ' (see --help)']);
    }
    throw error;
  }
  // No command: the wizard is the default once it exists; until then, the overview.
  return parsed ?? { command: 'print', text: program.helpInformation() };
}
