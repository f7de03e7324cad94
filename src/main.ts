import { CliError, InputError } from './errors.js';
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
  const wantsJson = argv.includes('--json');
  let created: Output | undefined;
  const getOutput = async () => (created ??= new (await import('./output.js')).Output(io));
  try {
    const { parseArgv } = await import('./cli.js');
    const parsed = parseArgv(argv);
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
    }
  } catch (error) {
    return reportError(error, await getOutput(), wantsJson);
  }
}

/** The single place where an error becomes text and an exit code. */
function reportError(error: unknown, output: Output, json: boolean): number {
  const exitCode = error instanceof CliError ? error.exitCode : ExitCode.internal;
  const message =
    error instanceof CliError
      ? error.message
      : `Internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in smtp-oauth-setup; please report it with the command you ran (without secrets).`;
  if (json) {
    const problems = error instanceof InputError ? error.problems : [message];
    output.result(JSON.stringify({ ok: false, exitCode, error: { message: problems.join('\n'), problems } }, null, 2));
  } else {
    output.info(message.replace(/^/gm, (_m, offset: number) => (offset === 0 ? 'smtp-oauth-setup: ' : '  ')));
  }
  return exitCode;
}
