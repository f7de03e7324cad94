import type { CheckOptions } from '../cli.js';
import { CliError, InputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { type CheckReport, runCheck } from '../check/run.js';
import { checkUntilSettled, retryLine, settledLine } from '../check/wait.js';
import { osSecretStore } from '../config/secret-store.js';
import { loadSavedConfig, savedCheckInputs, savedSecretReader } from '../config/store.js';
import { resolveCheckInputs } from '../inputs/check-inputs.js';
import { createTerminalPrompter } from '../inputs/prompter.js';
import { type CliIO, canPrompt, READ_LIMITS, readAll } from '../io.js';
import type { Output } from '../output.js';
import { junitPathProblem, writeCiOutputs } from '../report/ci.js';
import { metricsPathProblem, writeMetricsFile } from '../report/metrics-file.js';
import { createProgress } from '../report/progress.js';
import type { Reporter } from '../report/reporter.js';
import { type Message, msg } from '../messages/index.js';
import { listenForStop, sleepUnlessStopped, unlessStopped } from '../signals.js';
import { detectPlatform } from '../platform.js';

/** `check`: flags → inputs → the pipeline → a report on stdout (human or one JSON object). */
export async function checkCommand(options: CheckOptions, io: CliIO, output: Output, reporter: Reporter): Promise<number> {
  // Ctrl-C, SIGTERM or SIGHUP stop the run and close its connections: the command ends with a
  // CancelledError (exit 128 + the signal's number; with --json still one JSON object).
  const stop = listenForStop(detectPlatform(io.env));
  const startedAt = new Date();
  try {
    if (options.targets !== undefined) {
      const { fleetCheckCommand } = await import('../fleet/command.js');
      return await fleetCheckCommand(options, io, output, reporter, stop.signal);
    }
    return await singleCheck(options, io, output, reporter, stop.signal);
  } catch (error) {
    // A run that could not start (invalid input, stopped, a bug) still leaves its metrics: a
    // configuration broken since the last run shows as smtp_oauth_run_exit_code, not as a stale file.
    if (options.metricsFile && (await metricsPathProblem(options.metricsFile)) === null) {
      await writeMetricsFile(options.metricsFile, [], { exitCode: error instanceof CliError ? error.exitCode : ExitCode.internal, startedAt }, output);
    }
    throw error;
  } finally {
    stop.dispose();
  }
}

async function singleCheck(options: CheckOptions, io: CliIO, output: Output, reporter: Reporter, signal: AbortSignal): Promise<number> {
  const upfront: Message[] = [
    ...(options.concurrency !== undefined ? [msg('check.flag-without-targets', { flag: '--concurrency' })] : []),
    ...(options.connectAhead === false ? [msg('check.flag-without-targets', { flag: '--no-connect-ahead' })] : []),
    ...(options.shard !== undefined ? [msg('fleet.shard.without-targets')] : []),
    ...(options.junit ? [await junitPathProblem(options.junit)].filter((p) => p !== null) : []),
    ...(options.metricsFile ? [await metricsPathProblem(options.metricsFile)].filter((p) => p !== null) : []),
  ];
  if (upfront.length > 0) throw new InputError(upfront);
  // Prompting needs a person at a terminal; a pipe or CI never gets a question it cannot answer.
  const interactive = canPrompt(io, options.input) && reporter.format === 'human';
  // The wizard's saved answers: below flags and environment, above a prompt.
  const saved = await loadSavedConfig(io.env, (message) => output.info(output.color.yellow(`! ${message}`)));
  const { inputs, warnings } = await unlessStopped(
    resolveCheckInputs({
      flags: options,
      env: io.env,
      saved: savedCheckInputs(saved),
      // A secret kept in the OS credential store is read (and the binding loaded) only if no other source gives one.
      savedSecret: savedSecretReader(saved, osSecretStore()),
      prompter: interactive ? await createTerminalPrompter({ signal, stdin: io.stdin, stderr: io.stderr }) : null,
      readStdin: () => readAll(io.stdin, READ_LIMITS.secret),
      protect: (value) => output.redactor.protect(value),
    }),
    signal,
  );
  // Each attempt is a whole new run: a new MSAL client, so a fresh token (never a cached one).
  const attempt = () =>
    unlessStopped(
      runCheck(inputs, {
        events: createProgress(output, signal),
        redactor: output.redactor,
        warnings,
        signal,
        ...(options.verbose && { transcript: (line: string) => output.info(output.color.dim(`  ${line}`)) }),
      }),
      signal,
    );
  // CI outputs: a single check is a fleet of one, named after its mailbox.
  const startedAt = new Date();
  const ciOutputs = (report: CheckReport) =>
    writeCiOutputs([{ name: inputs.mailbox, report }], {
      env: io.env,
      output,
      startedAt,
      durationsMs: [Date.now() - startedAt.getTime()],
      ...(options.junit && { junitPath: options.junit }),
    });
  // The report on stdout, the CI and monitoring files; the exit code: the check's, or the plugin's with --format nagios.
  const finish = async (report: CheckReport): Promise<number> => {
    const exitCode = await reporter.check(report);
    await ciOutputs(report);
    if (options.metricsFile) await writeMetricsFile(options.metricsFile, [{ name: inputs.mailbox, report }], { exitCode: report.exitCode, startedAt }, output);
    return exitCode;
  };
  if (!inputs.waitSeconds) return finish(await attempt());
  const result = await checkUntilSettled(attempt, {
    durationSeconds: inputs.waitSeconds,
    onRetry: (notice) => reporter.notice(retryLine(notice), 'warning'),
    sleep: (ms) => sleepUnlessStopped(ms, signal),
  });
  const closing = settledLine(result);
  if (closing) reporter.notice(closing, result.report.ok ? 'success' : 'warning');
  return finish({ ...result.report, attempts: result.attempts });
}
