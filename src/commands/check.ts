import type { CheckOptions } from '../cli.js';
import { runCheck } from '../check/run.js';
import { resolveCheckInputs } from '../inputs/check-inputs.js';
import { createTerminalPrompter } from '../inputs/prompter.js';
import { type CliIO, readAll } from '../io.js';
import type { Output } from '../output.js';
import { renderCheckReport } from '../report/human.js';
import { createProgress } from '../report/progress.js';

/** `check`: flags → inputs → the pipeline → a report on stdout (human or one JSON object). */
export async function checkCommand(options: CheckOptions, io: CliIO, output: Output): Promise<number> {
  // Prompting needs a person at a terminal; a pipe or CI never gets a question it cannot answer.
  const interactive = options.input && io.stdin.isTTY === true && !options.json;
  const { inputs, warnings } = await resolveCheckInputs({
    flags: options,
    env: io.env,
    prompter: interactive ? await createTerminalPrompter() : null,
    readStdin: () => readAll(io.stdin),
  });
  const report = await runCheck(inputs, {
    events: createProgress(output),
    redactor: output.redactor,
    warnings,
    ...(options.verbose && { transcript: (line: string) => output.info(output.color.dim(`  ${line}`)) }),
  });
  if (options.json) output.result(JSON.stringify(report, null, 2));
  else renderCheckReport(report, output);
  return report.exitCode;
}
