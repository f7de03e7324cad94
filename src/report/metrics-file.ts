import { writePathProblem, writeUserFile } from '../fs/write-file.js';
import { writeErrorReason } from '../fs-errors.js';
import { type Message, msg, t } from '../messages/index.js';
import type { Output } from '../output.js';
import { type MetricsRun, type MetricsTarget, prometheusMetrics } from './prometheus.js';

/**
 * `--metrics-file <path>`: checked before the run (so that nothing is checked in vain), then written
 * after it, whatever it found, and also when the run could not start (only the run's own metrics then:
 * its exit code says why), so that a broken configuration shows up as a metric, not as a stale file.
 */

/** Why the metrics file could not be written, checked before the run; null when it can. */
export async function metricsPathProblem(path: string): Promise<Message<'report.metrics.path'> | null> {
  const problem = await writePathProblem(path);
  return problem ? msg('report.metrics.path', { path, problem }) : null;
}

/**
 * Written atomically (a temporary file beside it, renamed over it: the textfile collector reads only
 * `*.prom` names, never the temporary one) with mode 0644, since node_exporter runs as another user
 * and the file holds no secret (labels are tenant, client id, mailbox and the target's name; the text
 * goes through the redactor all the same). A write that fails is a warning: the check's result stands.
 */
export async function writeMetricsFile(path: string, targets: readonly MetricsTarget[], run: MetricsRun, output: Output): Promise<void> {
  try {
    await writeUserFile(path, output.redactor.redact(prometheusMetrics(targets, run)), { private: false });
  } catch (error) {
    output.info(output.color.yellow(`! ${t('report.metrics.unwritable', { path, reason: writeErrorReason(error) })}`));
  }
}
