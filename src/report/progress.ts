import type { StageEvents, StageName } from '../check/run.js';
import type { Output } from '../output.js';

/**
 * Live stage lines on stderr: `… label` while a stage runs (redrawn in place on a terminal), then
 * `✔ label` or `✖ label`. Off a terminal only the final line of each stage is written, so CI logs
 * stay readable.
 */
export function createProgress(output: Output): StageEvents {
  const c = output.color;
  const running = new Set<StageName>();
  const line = (mark: string, label: string, stage: StageName) => {
    if (output.stderrIsTTY && running.has(stage)) output.infoRaw('\r\x1b[2K');
    running.delete(stage);
    output.info(`${mark} ${label}`);
  };
  return {
    start(stage, label) {
      running.add(stage);
      if (output.stderrIsTTY) output.infoRaw(`${c.cyan('…')} ${label}`);
    },
    succeed: (stage, label) => line(c.green('✔'), label, stage),
    fail: (stage, label) => line(c.red('✖'), label, stage),
    skip(stage, label) {
      if (running.has(stage) || label) line(c.dim('-'), c.dim(`${label} (skipped)`), stage);
    },
  };
}
