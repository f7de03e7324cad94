import type { CheckOptions } from '../cli.js';
import { InputError } from '../errors.js';
import { type CheckReport, runCheck } from '../check/run.js';
import { SHARD_WITHOUT_TARGETS } from '../fleet/shard.js';
import { checkUntilSettled, retryLine, settledLine } from '../check/wait.js';
import { osSecretStore } from '../config/secret-store.js';
import { loadSavedConfig, savedCheckInputs, savedSecretReader } from '../config/store.js';
import { resolveCheckInputs } from '../inputs/check-inputs.js';
import { createTerminalPrompter } from '../inputs/prompter.js';
import { type CliIO, canPrompt, READ_LIMITS, readAll } from '../io.js';
import type { Output } from '../output.js';
import { junitPathProblem, writeCiOutputs } from '../report/ci.js';
import { renderCheckReport } from '../report/human.js';
import { checkJson } from '../report/json.js';
import { createProgress } from '../report/progress.js';
import { listenForStop, sleepUnlessStopped, unlessStopped } from '../signals.js';

/** `check`: flags → inputs → the pipeline → a report on stdout (human or one JSON object). */
export async function checkCommand(options: CheckOptions, io: CliIO, output: Output): Promise<number> {
  // Ctrl-C, SIGTERM or SIGHUP stop the run and close its connections: the command ends with a
  // CancelledError (exit 128 + the signal's number; with --json still one JSON object).
  const stop = listenForStop();
  try {
    if (options.targets !== undefined) {
      const { fleetCheckCommand } = await import('../fleet/command.js');
      return await fleetCheckCommand(options, io, output, stop.signal);
    }
    return await singleCheck(options, io, output, stop.signal);
  } finally {
    stop.dispose();
  }
}

async function singleCheck(options: CheckOptions, io: CliIO, output: Output, signal: AbortSignal): Promise<number> {
  const upfront = [
    ...(options.concurrency !== undefined ? ['--concurrency: only with --targets'] : []),
    ...(options.shard !== undefined ? [SHARD_WITHOUT_TARGETS] : []),
    ...(options.junit ? [await junitPathProblem(options.junit)].filter((p): p is string => p !== null) : []),
  ];
  if (upfront.length > 0) throw new InputError(upfront);
  // Prompting needs a person at a terminal; a pipe or CI never gets a question it cannot answer.
  const interactive = canPrompt(io, options.input) && !options.json;
  // The wizard's saved answers: below flags and environment, above a prompt.
  const saved = await loadSavedConfig(io.env, (message) => output.info(output.color.yellow(`! ${message}`)));
  const { inputs, warnings } = await unlessStopped(
    resolveCheckInputs({
      flags: options,
      env: io.env,
      saved: savedCheckInputs(saved),
      // A secret kept in the OS credential store is read (and the binding loaded) only if no other source gives one.
      savedSecret: savedSecretReader(saved, osSecretStore()),
      prompter: interactive ? await createTerminalPrompter({ signal }) : null,
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
  if (!inputs.waitSeconds) {
    const report = await attempt();
    if (options.json) output.result(JSON.stringify(checkJson(report), null, 2));
    else renderCheckReport(report, output);
    await ciOutputs(report);
    return report.exitCode;
  }
  const result = await checkUntilSettled(attempt, {
    durationSeconds: inputs.waitSeconds,
    onRetry: (notice) => output.info(output.color.yellow(retryLine(notice))),
    sleep: (ms) => sleepUnlessStopped(ms, signal),
  });
  const closing = settledLine(result);
  if (closing) output.info(result.report.ok ? output.color.green(closing) : output.color.yellow(closing));
  if (options.json) output.result(JSON.stringify(checkJson({ ...result.report, attempts: result.attempts }), null, 2));
  else renderCheckReport(result.report, output);
  await ciOutputs(result.report);
  return result.report.exitCode;
}
