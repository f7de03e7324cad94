import { CliError, internalErrorMessage } from './errors.js';
import { ExitCode } from './exit-codes.js';
import type { CliIO } from './io.js';
import type { Output } from './output.js';
import { toolVersion } from './version.js';

/**
 * The program: argv → command → exit code. Modules load only once they are needed: the parser
 * after the `--version` fast path, colour output once a command runs, each command's libraries
 * (MSAL, nodemailer, smtp-server, prompts) inside that command.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // The version needs nothing else loaded: answer it before the parser and the colour library.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${toolVersion()}\n`);
    return ExitCode.ok;
  }
  // The language first: every word printed from here on, parser errors included, is in it.
  const { chooseLanguage, langFlagOf, systemLocale } = await import('./messages/language.js');
  const language = chooseLanguage({ flag: langFlagOf(argv), env: io.env, systemLocale });
  if (language.ok) await (await import('./messages/index.js')).useLanguage(language.language);
  const format = requestedFormat(argv);
  const wantsJson = format === 'json';
  // Until argv is parsed, an error takes the shape of the command argv names.
  let shape = jsonShapeOf(argv[0], argv.includes('--targets') || argv.some((a) => a.startsWith('--targets=')));
  let created: Output | undefined;
  // A Nagios plugin writes nothing on stderr: Icinga shows stderr inside the plugin output. `--verbose` is for a person debugging.
  const quiet = format === 'nagios' && !argv.includes('--verbose');
  const getOutput = async () => (created ??= new (await import('./output.js')).Output(quiet ? { ...io, stderr: { write: () => true } } : io));
  try {
    if (!language.ok) {
      const [{ InputError }, { msg }] = await Promise.all([import('./errors.js'), import('./messages/index.js')]);
      throw new InputError([msg('cli.lang-unknown', { from: language.from === 'flag' ? '--lang' : 'SMTP_OAUTH_LANG', value: language.value })]);
    }
    const { parseArgv } = await import('./cli.js');
    const parsed = parseArgv(argv);
    shape = jsonShapeOf(parsed.command, parsed.command === 'check' && parsed.options.targets !== undefined);
    if (parsed.command === 'print') {
      io.stdout.write(parsed.text);
      return ExitCode.ok;
    }
    const output = await getOutput();
    switch (parsed.command) {
      case 'check': {
        const { checkCommand } = await import('./commands/check.js');
        return await checkCommand(parsed.options, io, output);
      }
      case 'setup': {
        const { setupCommand } = await import('./commands/setup.js');
        return await setupCommand(parsed.options, io, output);
      }
      case 'demo': {
        const { demoCommand } = await import('./commands/demo.js');
        return await demoCommand(parsed.options, io, output);
      }
      case 'sandbox': {
        const { sandboxCommand } = await import('./commands/sandbox.js');
        return await sandboxCommand(parsed.options, io, output);
      }
      case 'explain': {
        const { explainCommand } = await import('./commands/explain.js');
        return await explainCommand(parsed.options, io, output);
      }
      case 'report-merge': {
        const { reportMergeCommand } = await import('./commands/report.js');
        return await reportMergeCommand(parsed.options, io, output);
      }
    }
  } catch (error) {
    if (format === 'nagios') return reportNagiosError(error, await getOutput());
    return reportError(error, await getOutput(), wantsJson ? shape : null);
  }
}

type JsonShape = import('./report/json.js').JsonShape;

/**
 * The output format argv asks for, read before parsing (an error must take that format even when
 * parsing fails): `--json` or `--format json`, `--format nagios`, else human.
 */
function requestedFormat(argv: readonly string[]): 'human' | 'json' | 'nagios' {
  const index = argv.indexOf('--format');
  const value = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith('--format='))?.slice('--format='.length);
  if (value === 'nagios') return 'nagios';
  return argv.includes('--json') || value === 'json' ? 'json' : 'human';
}

/** With `--format nagios`, an error is the plugin's UNKNOWN (exit 3): the check could not say anything about the setup. */
async function reportNagiosError(error: unknown, output: Output): Promise<number> {
  const [{ errorOutcome }, { nagiosError }] = await Promise.all([import('./report/json.js'), import('./report/nagios.js')]);
  const nagios = nagiosError(errorOutcome(error));
  output.result(nagios.text);
  return nagios.exitCode;
}

/**
 * Which JSON an error of this command prints: that of the command's own result (explain, a fleet,
 * demo), else the check's (every other command with `--json`).
 */
function jsonShapeOf(command: string | undefined, targets: boolean): JsonShape {
  if (command === 'explain' || command === 'demo') return command;
  if (command === 'check' && targets) return 'fleet';
  // `report merge` prints a fleet's report.
  if (command === 'report' || command === 'report-merge') return 'fleet';
  return 'check';
}

/** The single place where an error becomes text and an exit code; with `--json`, the whole object of its command's shape. */
async function reportError(error: unknown, output: Output, jsonShape: JsonShape | null): Promise<number> {
  const exitCode = error instanceof CliError ? error.exitCode : ExitCode.internal;
  if (jsonShape) {
    const { errorJson } = await import('./report/json.js');
    output.result(JSON.stringify(errorJson(jsonShape, error), null, 2));
    return exitCode;
  }
  const message = error instanceof CliError ? error.message : internalErrorMessage(error);
  output.info(message.replace(/^/gm, (_m, offset: number) => (offset === 0 ? 'smtp-oauth-setup: ' : '  ')));
  return exitCode;
}
