import type { StageEvents, StageName } from '../check/run.js';
import { t } from '../messages/index.js';
import type { Output } from '../output.js';

/**
 * Live stage lines on stderr: `… label` while a stage runs (redrawn in place on a terminal), then
 * `✔ label` or `✖ label`. Off a terminal only the final line of each stage is written, so CI logs
 * stay readable. Once `signal` (a stop signal) aborts, the run is abandoned: its line in progress is
 * cleared and its later stages are not shown, so the stop's own message is the last line.
 */
export function createProgress(output: Output, signal?: AbortSignal): StageEvents {
  const c = output.color;
  const running = new Set<StageName>();
  const stopped = () => signal?.aborted === true;
  signal?.addEventListener(
    'abort',
    () => {
      if (output.stderrIsTTY && running.size > 0) output.infoRaw('\r\x1b[2K');
      running.clear();
    },
    { once: true },
  );
  const line = (mark: string, label: string, stage: StageName) => {
    if (stopped()) return;
    if (output.stderrIsTTY && running.has(stage)) output.infoRaw('\r\x1b[2K');
    running.delete(stage);
    output.info(`${mark} ${label}`);
  };
  return {
    start(stage, label) {
      if (stopped()) return;
      running.add(stage);
      if (output.stderrIsTTY) output.infoRaw(`${c.cyan('…')} ${label}`);
    },
    succeed: (stage, label) => line(c.green('✔'), label, stage),
    fail: (stage, label) => line(c.red('✖'), label, stage),
    skip(stage, label) {
      if (running.has(stage) || label) line(c.dim('-'), c.dim(t('check.stage.skipped', { label })), stage);
    },
  };
}
