import { createRequire } from 'node:module';
import type * as commander from 'commander';
import { InputError } from './errors.js';
import { parseDecimal } from './inputs/decimal.js';
import type { CheckFlags } from './inputs/check-inputs.js';
import { toolVersion } from './version.js';

// commander is CommonJS: `require` loads it without the ESM wrapper's export analysis, a large part
// of what `--help` costs beyond bare Node (bench/startup.mjs).
const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof commander;

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
  /** `--targets <file>`: check every mailbox of a targets file (JSON or CSV) instead of one. */
  targets?: string;
  /** `--concurrency <n>`: targets checked at a time with --targets (default 4). */
  concurrency?: string;
  /** `--junit <file>`: write JUnit XML, one test case per target. */
  junit?: string;
  /** `--shard <index>/<count>`: with --targets, check only this shard's apps (src/fleet/shard.ts). */
  shard?: string;
  /** `--format`: human (default), json (the same as --json), nagios (the plugin convention and its exit codes). */
  format?: OutputFormat;
  /** `--metrics-file <path>`: write Prometheus metrics for node_exporter's textfile collector. */
  metricsFile?: string;
}

export const OUTPUT_FORMATS = ['human', 'json', 'nagios'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface DemoOptions {
  scenario?: string;
  json: boolean;
  /** False with --no-input: the non-interactive demo even on a terminal. */
  input?: boolean;
}

/** `setup` (the default command): the input flags of `check` prefill the wizard's answers. */
export interface SetupOptions extends CheckFlags {
  /** Accept every default that is safe to accept. */
  yes: boolean;
  /** False with --no-input: then the wizard refuses to start (exit 2). */
  input: boolean;
  /** Keep the client secret (OS credential store, else the saved configuration, 0600) without asking. */
  saveSecret?: boolean;
}

export interface ExplainOptions {
  /** The pasted text (words joined by spaces), or `-` to read standard input. */
  text: string;
  json: boolean;
  /** Optional values to fill into the fix (else the environment's AZURE_TENANT_ID etc., else placeholders). */
  tenantId?: string;
  clientId?: string;
  mailbox?: string;
  from?: string;
}

export interface SandboxOptions {
  scenario?: string;
  listScenarios: boolean;
  tokenPort?: number;
  smtpPort?: number;
  caDir?: string;
  /** `--certificate <pem>`: upload this certificate to the sandbox's app, for `check --certificate`. */
  certificate?: string;
  /** `--latency <ms>`: a round trip added in front of both servers (a latency proxy each). */
  latency?: number;
  json: boolean;
}

/** `report merge <files…>`: the fleet JSON of several shards as one report. */
export interface ReportMergeOptions {
  files: string[];
  json: boolean;
  /** `--junit <file>`: JUnit XML of the merged results. */
  junit?: string;
}

export type ParsedCommand =
  | { command: 'check'; options: CheckOptions }
  | { command: 'demo'; options: DemoOptions }
  | { command: 'setup'; options: SetupOptions }
  | { command: 'sandbox'; options: SandboxOptions }
  | { command: 'explain'; options: ExplainOptions }
  | { command: 'report-merge'; options: ReportMergeOptions }
  | { command: 'print'; text: string };

const SECRET_ON_ARGV = [
  'The client secret is never taken on the command line (it would stay in shell history and process lists). Use one of:',
  '  AZURE_CLIENT_SECRET=<value> in the environment',
  '  --client-secret-file <path>   a file holding only the secret',
  '  --client-secret-stdin         read it from standard input (e.g. from a secret manager\'s CLI)',
].join('\n');

function portOption(value: string): number {
  // 0 asks the system for a free port, as when the option is left out.
  const range = `must be a number from 0 to 65535`;
  const parsed = parseDecimal(value, { min: 0, max: 65535, expected: 'a number from 0 to 65535', notWhole: range, tooSmall: range, tooBig: range });
  if ('problem' in parsed) throw new InputError([`port '${value}' ${parsed.problem}`]);
  return parsed.value;
}

/** The most `sandbox --latency` takes: ten seconds, far beyond any real path to Microsoft. */
const MAX_LATENCY_MS = 10_000;

function latencyOption(value: string): number {
  const range = `must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}`;
  const parsed = parseDecimal(value, { min: 0, max: MAX_LATENCY_MS, expected: `a number of milliseconds from 0 to ${MAX_LATENCY_MS}`, notWhole: 'must be a whole number of milliseconds', tooSmall: range, tooBig: range });
  if ('problem' in parsed) throw new InputError([`--latency '${value}' ${parsed.problem}`]);
  return parsed.value;
}

function buildProgram(onParsed: (parsed: ParsedCommand) => void, writeOut: (text: string) => void): commander.Command {
  const program = new Command('smtp-oauth-setup')
    .description('Set up and check OAuth2 (XOAUTH2) SMTP sending through Exchange Online, with a diagnosis for every failure.')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut, writeErr: writeOut, outputError: () => {} })
    // A fixed width, not the terminal's: dist/bin.cjs answers `--help` with this text written at
    // build time (scripts/help-text.mjs), so it must not depend on the terminal it was built in.
    .configureHelp({ helpWidth: 80 })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nRun `smtp-oauth-setup` (no command) in a terminal for the setup wizard; `smtp-oauth-setup demo` walks it against the built-in sandbox.\nExit codes: 0 ok · 1 internal error · 2 invalid input · 3 Entra ID token · 4 Exchange refused AUTH · 5 Exchange refused the message · 6 network/TLS/timeout/temporary · 130 cancelled · 143 SIGTERM · 129 SIGHUP · 149 Ctrl-Break (Windows)',
    );

  program
    .command('check')
    .description('Get a token, check its claims, authenticate to SMTP and optionally send a test message')
    .option('--cloud <name>', 'Microsoft cloud: global (also GCC), usgov (GCC High), usgovdod, china [env SMTP_OAUTH_CLOUD] (default: global)')
    .option('--tenant-id <id>', 'tenant ID (GUID) or verified domain [env AZURE_TENANT_ID]')
    .option('--client-id <id>', 'application (client) ID [env AZURE_CLIENT_ID]')
    .option('--client-secret-file <path|->', 'read the client secret from a file, or - for stdin [or env AZURE_CLIENT_SECRET]')
    .option('--client-secret-stdin', 'read the client secret from standard input')
    .option('--certificate <pem>', 'certificate credential: certificate and private key in one PEM [env AZURE_CLIENT_CERTIFICATE_PATH; key password in AZURE_CLIENT_CERTIFICATE_PASSWORD]')
    .option('--private-key <pem>', 'the certificate\'s private key, when not in the --certificate PEM')
    .addOption(new Option('--client-secret <value>').hideHelp())
    .option('--mailbox <address>', 'the mailbox the app sends as; the XOAUTH2 user [env SMTP_OAUTH_MAILBOX]')
    .option('--from <address>', 'sender address (default: the mailbox)')
    .option('--to <address>', 'send a test message here; without it the check stops after AUTH (nothing sent)')
    .option('--authority-host <url>', 'Entra ID authority host [env AZURE_AUTHORITY_HOST] (default: https://login.microsoftonline.com)')
    .option('--smtp-host <host>', 'SMTP server (default: smtp.office365.com)')
    .option('--smtp-port <port>', 'SMTP port (default: 587)')
    .option('--timeout <seconds>', 'limit for each network step (default: 20)')
    .option('--proxy <url>', 'HTTP proxy for the token endpoint (default: HTTPS_PROXY/NO_PROXY); SMTP always connects directly')
    .option('--wait <duration>', 'retry with a fresh token while the failure may be propagation or temporary, up to e.g. 90s, 30m, 1h')
    .option('--secret-expires <date>', 'the client secret\'s expiry date (YYYY-MM-DD): warn before it, diagnose after it [env SMTP_OAUTH_SECRET_EXPIRES]')
    .option('--warn-days <days>', 'warn this many days before --secret-expires or the certificate\'s expiry (default: 30)')
    .option('--targets <file>', 'check every mailbox listed in a JSON or CSV file (secrets by environment variable or file name only); exit code: the most serious failure')
    .option('--concurrency <n>', 'with --targets: targets checked at a time (default: 4); one token per app, one SMTP session per mailbox at a time')
    .option('--shard <i/n>', 'with --targets: check only shard i of n (counted from 1), split by app; merge the JSON of all shards with `report merge`')
    .option('--junit <file>', 'also write JUnit XML, one test case per target (GitLab, Jenkins, Azure DevOps)')
    .option('--json', 'print exactly one JSON object on stdout', false)
    .addOption(
      new Option('--format <format>', 'human, json (the same as --json), or nagios: a Nagios/Icinga/Checkmk plugin status line with performance data and the plugin exit codes 0-3').choices(
        OUTPUT_FORMATS,
      ),
    )
    .option('--metrics-file <path>', 'also write Prometheus metrics for node_exporter\'s textfile collector (atomically; no secrets)')
    .option('--verbose', 'show the SMTP dialogue on stderr (the AUTH payload and tokens replaced)')
    .option('--no-input', 'never prompt (implied when stdin is not a terminal)')
    .addHelpText('after', '\nWith --format nagios the exit code is the plugin\'s instead: 0 OK, 1 WARNING (the secret or certificate expires within --warn-days), 2 CRITICAL (any diagnosis), 3 UNKNOWN (the check could not run).\nWith --targets the exit code is the most serious failure among the targets, the earliest stage first: 1 > 2 > 3 > 4 > 5 > 6 > 0.\nUnder GitHub Actions (GITHUB_ACTIONS=true) failures and warnings also become annotations, and a summary is appended to $GITHUB_STEP_SUMMARY.')
    .action((opts: CheckOptions & { clientSecret?: string }) => {
      if (opts.clientSecret !== undefined) throw new InputError([SECRET_ON_ARGV]);
      if (opts.json && opts.format !== undefined && opts.format !== 'json') throw new InputError([`--json: not with --format ${opts.format} (--json is --format json)`]);
      onParsed({ command: 'check', options: { ...opts, json: opts.json || opts.format === 'json' } });
    });

  program
    .command('explain')
    .description('Diagnose a pasted error message or log excerpt (offline: nothing is sent anywhere)')
    .argument('<text...>', 'the error text (quote it), or - to read it from standard input')
    .option('--tenant-id <id>', 'fill the tenant into the fix [env AZURE_TENANT_ID]')
    .option('--client-id <id>', 'fill the application (client) ID into the fix [env AZURE_CLIENT_ID]')
    .option('--mailbox <address>', 'fill the mailbox into the fix [env SMTP_OAUTH_MAILBOX]')
    .option('--from <address>', 'fill the sender address into the fix')
    .option('--json', 'print exactly one JSON object on stdout', false)
    .action((words: string[], opts: Omit<ExplainOptions, 'text'>) => onParsed({ command: 'explain', options: { ...opts, text: words.join(' ') } }));

  const report = program.command('report').description('Work with the JSON reports of earlier runs (offline)');
  report
    .command('merge')
    .description('Merge the --json reports of the shards of check --targets --shard into one fleet report; exit code: the most serious failure')
    .argument('<files...>', 'the JSON files of check --targets --json, one per shard')
    .option('--junit <file>', 'also write JUnit XML of the merged results, one test case per target')
    .option('--json', 'print the merged report as one JSON object (the shape of check --targets --json)', false)
    .action((files: string[], opts: Omit<ReportMergeOptions, 'files'>) => onParsed({ command: 'report-merge', options: { ...opts, files } }));

  program
    .command('setup')
    .description('The interactive setup wizard (the default command): from an empty tenant to a working sender, step by step')
    .option('--cloud <name>', 'Microsoft cloud: global, usgov, usgovdod, china [env SMTP_OAUTH_CLOUD]')
    .option('--tenant-id <id>', 'prefill the tenant ID (GUID) or verified domain [env AZURE_TENANT_ID]')
    .option('--client-id <id>', 'prefill the application (client) ID [env AZURE_CLIENT_ID]')
    .option('--client-secret-file <path>', 'read the client secret from a file [or env AZURE_CLIENT_SECRET]')
    .addOption(new Option('--client-secret-stdin').hideHelp())
    .addOption(new Option('--client-secret <value>').hideHelp())
    .option('--certificate <pem>', 'offer this certificate credential (certificate and private key in one PEM) [env AZURE_CLIENT_CERTIFICATE_PATH]')
    .option('--mailbox <address>', 'prefill the mailbox to send from [env SMTP_OAUTH_MAILBOX]')
    .option('--from <address>', 'prefill the sender address')
    .option('--to <address>', 'prefill the recipient of the test message')
    .option('--secret-expires <date>', 'prefill the client secret\'s expiry date (YYYY-MM-DD) [env SMTP_OAUTH_SECRET_EXPIRES]')
    .option('--authority-host <url>', 'Entra ID authority host [env AZURE_AUTHORITY_HOST]')
    .option('--smtp-host <host>', 'SMTP server (default: the cloud\'s, smtp.office365.com)')
    .option('--smtp-port <port>', 'SMTP port (default: 587)')
    .option('--timeout <seconds>', 'limit for each network step (default: 20)')
    .option('--proxy <url>', 'HTTP proxy for the token endpoint (default: HTTPS_PROXY/NO_PROXY)')
    .option('-y, --yes', 'accept every default that is safe to accept (prefilled values, "continue")', false)
    .option('--save-secret', 'keep the client secret in the OS credential store (where there is none: in the saved configuration, mode 0600) without asking; never stored otherwise')
    .option('--no-input', 'never prompt: the wizard then refuses to start (use `check` with flags)')
    .action((opts: SetupOptions & { clientSecret?: string }) => {
      if (opts.clientSecret !== undefined) throw new InputError([SECRET_ON_ARGV]);
      onParsed({ command: 'setup', options: opts });
    });

  program
    .command('demo')
    .description('Run the whole check against the built-in sandbox (no tenant needed); on a terminal, the setup wizard against it')
    .option('--scenario <name>', 'a sandbox scenario that shows a failure and its diagnosis (see `sandbox --list-scenarios`)')
    .option('--json', 'print exactly one JSON object on stdout', false)
    .option('--no-input', 'the non-interactive demo even on a terminal')
    .action((opts: DemoOptions) => onParsed({ command: 'demo', options: opts }));

  program
    .command('sandbox')
    .description('Start an offline emulator of the Entra ID token endpoint and Exchange Online SMTP on 127.0.0.1')
    .option('--scenario <name>', 'preset the tenant in a broken state (default: healthy)')
    .option('--list-scenarios', 'list the scenarios and exit', false)
    .option('--token-port <port>', 'port of the HTTPS token endpoint (default: random)', portOption)
    .option('--smtp-port <port>', 'port of the SMTP server (default: random)', portOption)
    .option('--ca-dir <dir>', 'where to write the throw-away CA certificate (default: a new temporary directory)')
    .option('--certificate <pem>', 'upload this certificate to the app (as Certificates & secrets → Upload certificate does), to try check --certificate')
    .option('--latency <ms>', 'add this round trip in front of both servers, as a network to Microsoft has (a delaying TCP proxy each; the ports shown are the proxies\')', latencyOption)
    .option('--json', 'print the connection settings as one JSON object, then the messages as JSON lines', false)
    .action((opts: SandboxOptions) => onParsed({ command: 'sandbox', options: opts }));

  return program;
}

export function parseArgv(argv: readonly string[]): ParsedCommand {
  // No command at all: the setup wizard (it refuses to start, exit 2, when there is no terminal).
  // Commander itself would print the help as an error for an empty argv.
  if (argv.length === 0) return { command: 'setup', options: { yes: false, input: true } };
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
      // A command of subcommands named alone (`report`): commander would print its help as an error.
      if (error.code === 'commander.help') throw new InputError([`${argv[0]}: name what to do, e.g. \`${argv[0]} merge <files…>\` (see \`smtp-oauth-setup ${argv[0]} --help\`)`]);
      throw new InputError([error.message.replace(/^error: /, '') + ' (see --help)']);
    }
    throw error;
  }
  return parsed ?? { command: 'print', text: program.helpInformation() };
}
