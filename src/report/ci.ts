import { appendFile } from 'node:fs/promises';
import { writePathProblem, writeUserFile } from '../fs/write-file.js';
import type { Output } from '../output.js';
import { githubAnnotations, githubStepSummary, type TargetResult } from './github.js';
import { junitReport } from './junit.js';
import { writeErrorReason } from '../fs-errors.js';
import { type Message, msg, t } from '../messages/index.js';

/**
 * The CI outputs of `check` (a single check is a fleet of one, named after its mailbox): under GitHub
 * Actions, annotations on stderr and a Markdown job summary; with `--junit <file>`, JUnit XML. All of
 * it goes through the redactor. A summary or JUnit file that cannot be written is a warning: the
 * check's own result and exit code stand.
 */

export interface CiOutputOptions {
  env: NodeJS.ProcessEnv;
  output: Output;
  /** `--junit <file>`. */
  junitPath?: string;
  /** When the run started (the JUnit timestamp). */
  startedAt: Date;
  /** Per target, in the order of `results`. */
  durationsMs: readonly number[];
}

export function underGitHubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** Why `--junit <file>` could not be written, checked before the run so that nothing is checked in vain. */
export async function junitPathProblem(path: string): Promise<Message<'report.ci.junit-path'> | null> {
  const problem = await writePathProblem(path);
  return problem ? msg('report.ci.junit-path', { path, problem }) : null;
}

export async function writeCiOutputs(results: readonly TargetResult[], options: CiOutputOptions): Promise<void> {
  const { env, output } = options;
  if (underGitHubActions(env)) {
    for (const line of githubAnnotations(results)) output.info(line);
    const summaryPath = env.GITHUB_STEP_SUMMARY;
    if (!summaryPath) {
      output.info(`::warning title=smtp-oauth-setup::${t('report.ci.no-step-summary')}`);
    } else {
      try {
        // Append: earlier steps of the job may have written their own summaries.
        await appendFile(summaryPath, output.redactor.redact(githubStepSummary(results)), { encoding: 'utf8', mode: 0o644 });
      } catch (error) {
        output.info(`::warning title=smtp-oauth-setup::${t('report.ci.summary-unwritable', { path: summaryPath, reason: writeErrorReason(error) })}`);
      }
    }
  }
  if (options.junitPath) {
    const xml = output.redactor.redact(junitReport(results, { timestamp: options.startedAt, durationsMs: options.durationsMs }));
    try {
      // 0644: the report holds no secret (and went through the redactor).
      await writeUserFile(options.junitPath, xml, { private: false });
    } catch (error) {
      const message = t('report.ci.junit-unwritable', { path: options.junitPath, reason: writeErrorReason(error) });
      output.info(underGitHubActions(env) ? `::warning title=smtp-oauth-setup::${message}` : output.color.yellow(`! ${message}`));
    }
  }
}

