import { ExitCode } from './exit-codes.js';
import type { CliIO } from './io.js';
import type { Output } from './output.js';
import type { Reporter } from './report/reporter.js';
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
  // The one reporter of the run (human, JSON or Nagios), chosen here from argv and handed to the
  // command: a command reports results, the reporter decides their form and the format's exit code.
  const format = requestedFormat(argv);
  // Until argv is parsed, an error takes the shape of the command argv names.
  let shape = jsonShapeOf(argv[0], argv.includes('--targets') || argv.some((a) => a.startsWith('--targets=')));
  let created: Output | undefined;
  // A Nagios plugin writes nothing on stderr: Icinga shows stderr inside the plugin output. `--verbose` is for a person debugging.
  const quiet = format === 'nagios' && !argv.includes('--verbose');
  const getOutput = async () => (created ??= new (await import('./output.js')).Output(quiet ? { ...io, stderr: { write: () => true } } : io));
  let reporter: Reporter | undefined;
  const getReporter = async () => (reporter ??= (await import('./report/reporter.js')).createReporter(format, await getOutput()));
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
        return await checkCommand(parsed.options, io, output, await getReporter());
      }
      case 'setup': {
        if (parsed.options.automatic) {
          const { automaticCommand } = await import('./commands/automatic.js');
          return await automaticCommand(parsed.options, io, output, await getReporter());
        }
        const { setupCommand } = await import('./commands/setup.js');
        return await setupCommand(parsed.options, io, output);
      }
      case 'demo': {
        const { demoCommand } = await import('./commands/demo.js');
        return await demoCommand(parsed.options, io, output, await getReporter());
      }
      case 'sandbox': {
        const { sandboxCommand } = await import('./commands/sandbox.js');
        return await sandboxCommand(parsed.options, io, output, await getReporter());
      }
      case 'explain': {
        const { explainCommand } = await import('./commands/explain.js');
        return await explainCommand(parsed.options, io, output, await getReporter());
      }
      case 'rotate-secret': {
        const { rotateSecretCommand } = await import('./commands/rotate-secret.js');
        return await rotateSecretCommand(parsed.options, io, output, await getReporter());
      }
      case 'remove': {
        const { removeCommand } = await import('./commands/remove.js');
        return await removeCommand(parsed.options, io, output);
      }
      case 'report-merge': {
        const { reportMergeCommand } = await import('./commands/report.js');
        return await reportMergeCommand(parsed.options, io, output, await getReporter());
      }
    }
  } catch (error) {
    // The single place where an error becomes output and an exit code, in the run's format. An
    // administrator command's refusal (sign-in, Graph, the admin endpoint) is a diagnosis like any other.
    if (error instanceof Error && error.name === 'AdminApiError' || error instanceof Error && error.name === 'ReplicationTimeout') {
      const [{ diagnoseAdminError }, { DiagnosedError }] = await Promise.all([import('./admin/errors.js'), import('./errors.js')]);
      return (await getReporter()).error(new DiagnosedError(diagnoseAdminError(error as import('./admin/errors.js').AdminApiError)), shape);
    }
    return (await getReporter()).error(error, shape);
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
