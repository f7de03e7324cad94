import { createRequire } from 'node:module';
import type * as commander from 'commander';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_SECONDS, DEFAULT_WARN_DAYS, MAX_CONCURRENCY } from './defaults.js';
import { SECRET_MONTHS } from './automatic/limits.js';
import { GLOBAL_CLOUD } from './cloud.js';
import { InputError } from './errors.js';
import { readDecimal } from './inputs/decimal.js';
import { parseDelayMs } from './inputs/delay.js';
import { type Message, type MessageId, msg, t } from './messages/index.js';
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
  /** False with `--no-connect-ahead`: with --targets, no connection opens before a slot is free (src/fleet/run.ts). */
  connectAhead?: boolean;
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
  /** `--automatic`: the automatic setup (steps 1–3 after an administrator sign-in) against the sandbox. */
  automatic?: boolean;
}

/** `setup` (the default command): the input flags of `check` prefill the wizard's answers. */
export interface SetupOptions extends CheckFlags {
  /** Accept every default that is safe to accept. */
  yes: boolean;
  /** False with --no-input: then the wizard refuses to start (exit 2). */
  input: boolean;
  /** Keep the client secret (OS credential store, else the saved configuration, 0600) without asking. */
  saveSecret?: boolean;
  /** `--automatic`: the tool does steps 1–3 after an administrator sign-in (for now: its plan, with --dry-run). */
  automatic?: boolean;
  appName?: string;
  credential?: 'secret' | 'certificate';
  /** `--secret-months <n>`, as typed: checked by the automatic command. */
  secretMonths?: string;
  dryRun?: boolean;
  json?: boolean;
  graphUrl?: string;
  exchangeUrl?: string;
  /** `--browser`: the administrator signs in in a browser (loopback redirect) instead of by device code. */
  browser?: boolean;
  adminClientId?: string;
  envFile?: string;
  secretFile?: string;
  showSecret?: boolean;
  wait?: string;
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
  /** `--approve-after <duration>`: the sandbox's administrator approves each device code after this many ms (scripts). */
  approveAfter?: number;
  /** `--replication-delay <duration>`: each new object invisible, a new secret refused, for this many ms. */
  replicationDelay?: number;
  json: boolean;
}

/** `remove`: take away what the automatic setup made; client id, mailbox and sender default from the saved configuration. */
export interface RemoveOptions {
  clientId?: string;
  mailbox?: string;
  from?: string;
  tenantId?: string;
  cloud?: string;
  authorityHost?: string;
  graphUrl?: string;
  exchangeUrl?: string;
  adminClientId?: string;
  browser?: boolean;
  force?: boolean;
  dryRun?: boolean;
  yes: boolean;
  /** False with --no-input: without --yes the removal then refuses (exit 2). */
  input: boolean;
  json: boolean;
}

/** `rotate-secret`: a new client secret, proven, written where the old one was; the old one removed on request. */
export interface RotateSecretOptions {
  clientId?: string;
  tenantId?: string;
  mailbox?: string;
  from?: string;
  to?: string;
  cloud?: string;
  authorityHost?: string;
  graphUrl?: string;
  adminClientId?: string;
  browser?: boolean;
  secretMonths?: string;
  removeOld?: boolean;
  saveSecret?: boolean;
  envFile?: string;
  secretFile?: string;
  showSecret?: boolean;
  smtpHost?: string;
  smtpPort?: string;
  timeout?: string;
  wait?: string;
  yes: boolean;
  input: boolean;
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
  | { command: 'remove'; options: RemoveOptions }
  | { command: 'rotate-secret'; options: RotateSecretOptions }
  | { command: 'print'; text: string };

/** `setup`'s flags that only the automatic setup reads. */
const AUTOMATIC_ONLY = [
  ['appName', '--app-name'],
  ['credential', '--credential'],
  ['secretMonths', '--secret-months'],
  ['dryRun', '--dry-run'],
  ['json', '--json'],
  ['graphUrl', '--graph-url'],
  ['exchangeUrl', '--exchange-url'],
  ['browser', '--browser'],
  ['adminClientId', '--admin-client-id'],
  ['envFile', '--env-file'],
  ['secretFile', '--secret-file'],
  ['showSecret', '--show-secret'],
  ['wait', '--wait'],
] as const satisfies readonly (readonly [keyof SetupOptions, string])[];

/** A port option's parser; commander does not say which option a value came from, so each knows its flag. */
function portOption(flag: '--token-port' | '--smtp-port'): (value: string) => number {
  return (value) => {
    // 0 asks the system for a free port, as when the option is left out.
    const parsed = readDecimal(value, { min: 0, max: 65535 });
    if ('problem' in parsed) throw new InputError([msg('cli.port-invalid', { flag, value, problem: parsed.problem })]);
    return parsed.value;
  };
}

/** The most `sandbox --latency` takes: ten seconds, far beyond any real path to Microsoft. */
const MAX_LATENCY_MS = 10_000;

function latencyOption(value: string): number {
  const parsed = readDecimal(value, { min: 0, max: MAX_LATENCY_MS });
  if ('problem' in parsed) throw new InputError([msg('cli.latency-invalid', { value, max: MAX_LATENCY_MS, problem: parsed.problem })]);
  return parsed.value;
}

/** The most `sandbox --replication-delay` takes: ten minutes, beyond the notes' delays for a new secret. */
const MAX_REPLICATION_DELAY_MS = 600_000;

/** A sandbox flag's delay (`--replication-delay`, `--approve-after`): 1500, 1500ms, 30s or 2m, up to ten minutes. */
function delayOption(flag: string): (value: string) => number {
  return (value) => {
    const parsed = parseDelayMs(value, MAX_REPLICATION_DELAY_MS);
    if ('problem' in parsed) throw new InputError([msg('cli.delay-invalid', { flag, value, problem: parsed.problem })]);
    return parsed.value;
  };
}

// commander's help titles, by the English words its formatHelp passes to styleTitle.
const HELP_TITLES: Readonly<Record<string, MessageId>> = {
  'Usage:': 'cli.help.title.usage',
  'Options:': 'cli.help.title.options',
  'Commands:': 'cli.help.title.commands',
  'Arguments:': 'cli.help.title.arguments',
  'Global Options:': 'cli.help.title.global-options',
};

/**
 * commander's help in the language in use: its titles through `styleTitle`, the "(default: …)" and
 * "(choices: …)" it appends through `optionDescription` (commander's rule, less the defaults of flags
 * without a value and the quotes around choices), and its
 * built-in options and `help` command through their descriptions.
 */
function helpConfiguration(): Partial<commander.Help> {
  return {
    // A fixed width, not the terminal's: dist/bin.cjs answers `--help` with this text written at
    // build time (scripts/help-text.mjs), so it must not depend on the terminal it was built in.
    helpWidth: 80,
    styleTitle: (title: string) => {
      const id = HELP_TITLES[title];
      return id ? t(id as 'cli.help.title.usage') : title;
    },
    optionDescription: (option: commander.Option) => {
      const extra: string[] = [];
      // The values as they are typed, not JSON-quoted as commander writes them.
      if (option.argChoices) extra.push(t('cli.help.choices', { values: option.argChoices }));
      // Only an option that takes a value has a default worth naming: a flag given is on, absent off
      // (commander's "(default: false)" beside --json says nothing).
      const showDefault = option.required || option.optional;
      if (option.defaultValue !== undefined && showDefault) {
        extra.push(t('cli.help.default', { value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) }));
      }
      return extra.length > 0 ? `${option.description} (${extra.join(', ')})` : option.description;
    },
  };
}

/** `[options]`, `[command]` and the arguments, as commander writes a usage, with its words in the language in use. */
function usage(parts: { command?: boolean; args?: string[] }): string {
  return [t('cli.help.usage.options'), ...(parts.command ? [t('cli.help.usage.command')] : []), ...(parts.args ?? [])].join(' ');
}

/** `--lang` on every command, so that each command's help shows it (main reads it before parsing). */
function langOption(): commander.Option {
  return new Option('--lang <language>', t('cli.option.lang'));
}

function buildProgram(onParsed: (parsed: ParsedCommand) => void, writeOut: (text: string) => void): commander.Command {
  const program = new Command('smtp-oauth-setup')
    .description(t('cli.program.description'))
    .usage(usage({ command: true }))
    .version(toolVersion(), '-V, --version', t('cli.help.option.version'))
    .helpOption('-h, --help', t('cli.help.option.help'))
    .helpCommand('help [command]', t('cli.help.command.help'))
    .addOption(langOption())
    .exitOverride()
    .configureOutput({ writeOut, writeErr: writeOut, outputError: () => {} })
    .configureHelp(helpConfiguration())
    .showSuggestionAfterError(true)
    .addHelpText('after', t('cli.program.after'));

  program
    .command('check')
    .usage(usage({}))
    .description(t('cli.check.description'))
    .option('--cloud <name>', t('cli.check.cloud'))
    .option('--tenant-id <id>', t('cli.check.tenant-id'))
    .option('--client-id <id>', t('cli.check.client-id'))
    .option('--client-secret-file <path|->', t('cli.check.client-secret-file'))
    .option('--client-secret-stdin', t('cli.check.client-secret-stdin'))
    .option('--certificate <pem>', t('cli.check.certificate'))
    .option('--private-key <pem>', t('cli.check.private-key'))
    .addOption(new Option('--client-secret <value>').hideHelp())
    .option('--mailbox <address>', t('cli.check.mailbox'))
    .option('--from <address>', t('cli.check.from'))
    .option('--to <address>', t('cli.check.to'))
    .option('--authority-host <url>', t('cli.check.authority-host'))
    .option('--smtp-host <host>', t('cli.check.smtp-host'))
    .option('--smtp-port <port>', t('cli.check.smtp-port', { port: GLOBAL_CLOUD.smtpPort }))
    .option('--timeout <seconds>', t('cli.check.timeout', { seconds: DEFAULT_TIMEOUT_SECONDS }))
    .option('--proxy <url>', t('cli.check.proxy'))
    .option('--wait <duration>', t('cli.check.wait'))
    .option('--secret-expires <date>', t('cli.check.secret-expires'))
    .option('--warn-days <days>', t('cli.check.warn-days', { days: DEFAULT_WARN_DAYS }))
    .option('--targets <file>', t('cli.check.targets'))
    .option('--concurrency <n>', t('cli.check.concurrency', { n: DEFAULT_CONCURRENCY, max: MAX_CONCURRENCY }))
    .option('--no-connect-ahead', t('cli.check.no-connect-ahead'))
    .option('--shard <i/n>', t('cli.check.shard'))
    .option('--junit <file>', t('cli.check.junit'))
    .option('--json', t('cli.option.json'), false)
    .addOption(new Option('--format <format>', t('cli.check.format')).choices(OUTPUT_FORMATS))
    .option('--metrics-file <path>', t('cli.check.metrics-file'))
    .option('--verbose', t('cli.check.verbose'))
    .option('--no-input', t('cli.check.no-input'))
    .addOption(langOption())
    .addHelpText('after', t('cli.check.after'))
    .action((opts: CheckOptions & { clientSecret?: string; lang?: string }) => {
      if (opts.clientSecret !== undefined) throw new InputError([msg('cli.secret-on-argv')]);
      if (opts.json && opts.format !== undefined && opts.format !== 'json') throw new InputError([msg('cli.json-with-format', { format: opts.format })]);
      const { lang: _lang, ...options } = opts;
      onParsed({ command: 'check', options: { ...options, json: opts.json || opts.format === 'json' } });
    });

  program
    .command('explain')
    .usage(usage({ args: ['<text...>'] }))
    .description(t('cli.explain.description'))
    .argument('<text...>', t('cli.explain.text'))
    .option('--tenant-id <id>', t('cli.explain.tenant-id'))
    .option('--client-id <id>', t('cli.explain.client-id'))
    .option('--mailbox <address>', t('cli.explain.mailbox'))
    .option('--from <address>', t('cli.explain.from'))
    .option('--json', t('cli.option.json'), false)
    .addOption(langOption())
    .action((words: string[], { lang: _lang, ...opts }: Omit<ExplainOptions, 'text'> & { lang?: string }) =>
      onParsed({ command: 'explain', options: { ...opts, text: words.join(' ') } }),
    );

  const report = program.command('report').usage(usage({ command: true })).description(t('cli.report.description')).addOption(langOption());
  report
    .command('merge')
    .usage(usage({ args: ['<files...>'] }))
    .description(t('cli.report-merge.description'))
    .argument('<files...>', t('cli.report-merge.files'))
    .option('--junit <file>', t('cli.report-merge.junit'))
    .option('--json', t('cli.report-merge.json'), false)
    .addOption(langOption())
    .action((files: string[], { lang: _lang, ...opts }: Omit<ReportMergeOptions, 'files'> & { lang?: string }) =>
      onParsed({ command: 'report-merge', options: { ...opts, files } }),
    );

  program
    .command('setup')
    .usage(usage({}))
    .description(t('cli.setup.description'))
    .option('--cloud <name>', t('cli.setup.cloud'))
    .option('--tenant-id <id>', t('cli.setup.tenant-id'))
    .option('--client-id <id>', t('cli.setup.client-id'))
    .option('--client-secret-file <path>', t('cli.setup.client-secret-file'))
    .addOption(new Option('--client-secret-stdin').hideHelp())
    .addOption(new Option('--client-secret <value>').hideHelp())
    .option('--certificate <pem>', t('cli.setup.certificate'))
    .option('--mailbox <address>', t('cli.setup.mailbox'))
    .option('--from <address>', t('cli.setup.from'))
    .option('--to <address>', t('cli.setup.to'))
    .option('--secret-expires <date>', t('cli.setup.secret-expires'))
    .option('--authority-host <url>', t('cli.setup.authority-host'))
    .option('--smtp-host <host>', t('cli.setup.smtp-host'))
    .option('--smtp-port <port>', t('cli.check.smtp-port', { port: GLOBAL_CLOUD.smtpPort }))
    .option('--timeout <seconds>', t('cli.check.timeout', { seconds: DEFAULT_TIMEOUT_SECONDS }))
    .option('--proxy <url>', t('cli.setup.proxy'))
    .option('-y, --yes', t('cli.setup.yes'), false)
    .option('--save-secret', t('cli.setup.save-secret'))
    .option('--no-input', t('cli.setup.no-input'))
    .option('--automatic', t('automatic.help.automatic'))
    .option('--app-name <name>', t('automatic.help.app-name'))
    .addOption(new Option('--credential <kind>', t('automatic.help.credential')).choices(['secret', 'certificate']))
    .option('--secret-months <n>', t('automatic.help.secret-months', { min: SECRET_MONTHS.min, max: SECRET_MONTHS.max, months: SECRET_MONTHS.default }))
    .option('--dry-run', t('automatic.help.dry-run'))
    .option('--json', t('automatic.help.json'))
    .option('--graph-url <url>', t('automatic.help.graph-url'))
    .option('--exchange-url <url>', t('automatic.help.exchange-url'))
    .option('--browser', t('automatic.help.browser'))
    .option('--admin-client-id <id>', t('automatic.help.admin-client-id'))
    .option('--env-file <path>', t('automatic.help.env-file'))
    .option('--secret-file <path>', t('automatic.help.secret-file'))
    .option('--show-secret', t('automatic.help.show-secret'))
    .option('--wait <duration>', t('automatic.help.wait'))
    .addOption(langOption())
    .action(({ lang: _lang, ...opts }: SetupOptions & { clientSecret?: string; lang?: string }) => {
      if (opts.clientSecret !== undefined) throw new InputError([msg('cli.secret-on-argv')]);
      if (!opts.automatic) {
        // The wizard has no use for these: ignoring one would let a typo pass for a dry run.
        const given = AUTOMATIC_ONLY.filter(([key]) => opts[key] !== undefined).map(([, flag]) => flag);
        if (given.length > 0) throw new InputError([msg('automatic.flag-needs-automatic', { flags: given })]);
      }
      onParsed({ command: 'setup', options: opts });
    });

  program
    .command('remove')
    .usage(usage({}))
    .description(t('remove.help.description'))
    .option('--client-id <id>', t('remove.help.client-id'))
    .option('--mailbox <address>', t('remove.help.mailbox'))
    .option('--from <address>', t('remove.help.from'))
    .option('--tenant-id <id>', t('remove.help.tenant-id'))
    .option('--cloud <name>', t('remove.help.cloud'))
    .option('--authority-host <url>', t('remove.help.authority-host'))
    .option('--graph-url <url>', t('automatic.help.graph-url'))
    .option('--exchange-url <url>', t('automatic.help.exchange-url'))
    .option('--admin-client-id <id>', t('remove.help.admin-client-id'))
    .option('--browser', t('remove.help.browser'))
    .option('--force', t('remove.help.force'))
    .option('--dry-run', t('remove.help.dry-run'))
    .option('-y, --yes', t('remove.help.yes'), false)
    .option('--no-input', t('remove.help.no-input'))
    .option('--json', t('remove.help.json'), false)
    .addOption(langOption())
    .action(({ lang: _lang, ...opts }: RemoveOptions & { lang?: string }) => onParsed({ command: 'remove', options: opts }));

  program
    .command('rotate-secret')
    .usage(usage({}))
    .description(t('rotate.help.description'))
    .option('--client-id <id>', t('remove.help.client-id'))
    .option('--tenant-id <id>', t('remove.help.tenant-id'))
    .option('--mailbox <address>', t('cli.check.mailbox'))
    .option('--from <address>', t('cli.check.from'))
    .option('--to <address>', t('cli.check.to'))
    .option('--cloud <name>', t('remove.help.cloud'))
    .option('--authority-host <url>', t('remove.help.authority-host'))
    .option('--graph-url <url>', t('automatic.help.graph-url'))
    .option('--admin-client-id <id>', t('remove.help.admin-client-id'))
    .option('--browser', t('remove.help.browser'))
    .option('--secret-months <n>', t('automatic.help.secret-months', { min: SECRET_MONTHS.min, max: SECRET_MONTHS.max, months: SECRET_MONTHS.default }))
    .option('--remove-old', t('rotate.help.remove-old'))
    .option('--save-secret', t('rotate.help.save-secret'))
    .option('--env-file <path>', t('automatic.help.env-file'))
    .option('--secret-file <path>', t('automatic.help.secret-file'))
    .option('--show-secret', t('automatic.help.show-secret'))
    .option('--smtp-host <host>', t('cli.check.smtp-host'))
    .option('--smtp-port <port>', t('cli.check.smtp-port', { port: GLOBAL_CLOUD.smtpPort }))
    .option('--timeout <seconds>', t('cli.check.timeout', { seconds: DEFAULT_TIMEOUT_SECONDS }))
    .option('--wait <duration>', t('automatic.help.wait'))
    .option('-y, --yes', t('remove.help.yes'), false)
    .option('--no-input', t('remove.help.no-input'))
    .option('--json', t('rotate.help.json'), false)
    .addOption(langOption())
    .action(({ lang: _lang, ...opts }: RotateSecretOptions & { lang?: string }) => onParsed({ command: 'rotate-secret', options: opts }));

  program
    .command('demo')
    .usage(usage({}))
    .description(t('cli.demo.description'))
    .option('--scenario <name>', t('cli.demo.scenario'))
    .option('--json', t('cli.option.json'), false)
    .option('--no-input', t('cli.demo.no-input'))
    .option('--automatic', t('cli.demo.automatic'))
    .addOption(langOption())
    .action(({ lang: _lang, ...opts }: DemoOptions & { lang?: string }) => onParsed({ command: 'demo', options: opts }));

  program
    .command('sandbox')
    .usage(usage({}))
    .description(t('cli.sandbox.description'))
    .option('--scenario <name>', t('cli.sandbox.scenario'))
    .option('--list-scenarios', t('cli.sandbox.list-scenarios'), false)
    .option('--token-port <port>', t('cli.sandbox.token-port'), portOption('--token-port'))
    .option('--smtp-port <port>', t('cli.sandbox.smtp-port'), portOption('--smtp-port'))
    .option('--ca-dir <dir>', t('cli.sandbox.ca-dir'))
    .option('--certificate <pem>', t('cli.sandbox.certificate'))
    .option('--latency <ms>', t('cli.sandbox.latency'), latencyOption)
    .option('--replication-delay <duration>', t('cli.sandbox.replication-delay'), delayOption('--replication-delay'))
    .option('--approve-after <duration>', t('cli.sandbox.approve-after'), delayOption('--approve-after'))
    .option('--json', t('cli.sandbox.json'), false)
    .addOption(langOption())
    .action(({ lang: _lang, ...opts }: SandboxOptions & { lang?: string }) => onParsed({ command: 'sandbox', options: opts }));

  return program;
}

/** A commander parse error as a message of the catalogs, by commander's error code (its English text read for the values only). */
function parseErrorMessage(error: commander.CommanderError): Message {
  const text = error.message.replace(/^error: /, '');
  const quoted = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const suggestion = /\(Did you mean (.+)\?\)/.exec(text)?.[1];
  switch (error.code) {
    case 'commander.unknownOption':
      if (quoted[0] !== undefined) return msg('cli.unknown-option', { option: quoted[0], ...(suggestion && { suggestion }) });
      break;
    case 'commander.unknownCommand':
      if (quoted[0] !== undefined) return msg('cli.unknown-command', { command: quoted[0], ...(suggestion && { suggestion }) });
      break;
    case 'commander.missingArgument':
      if (quoted[0] !== undefined) return msg('cli.missing-argument', { argument: quoted[0] });
      break;
    case 'commander.optionMissingArgument':
      if (quoted[0] !== undefined) return msg('cli.option-missing-argument', { option: quoted[0] });
      break;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\.$/.exec(text)?.[1];
      if (quoted.length >= 2 && choices) return msg('cli.option-invalid-choice', { option: quoted[0]!, value: quoted[1]!, choices: choices.split(', ') });
      break;
    }
    case 'commander.excessArguments': {
      const counts = /Expected (\d+) arguments? but got (\d+)/.exec(text);
      if (counts) return msg('cli.excess-arguments', { ...(quoted[0] !== undefined && { command: quoted[0] }), expected: Number(counts[1]), received: Number(counts[2]) });
      break;
    }
  }
  return msg('cli.parse-error', { text });
}

/** The command argv names: its first word that is neither an option nor the value of `--lang`. */
function commandOf(argv: readonly string[]): string {
  return argv.find((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--lang') ?? '';
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
      if (error.code === 'commander.help') throw new InputError([msg('cli.subcommand-missing', { command: commandOf(argv) })]);
      throw new InputError([parseErrorMessage(error)]);
    }
    throw error;
  }
  return parsed ?? { command: 'print', text: program.helpInformation() };
}
