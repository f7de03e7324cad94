import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import type { CheckReport, StageEvents } from '../../src/check/run.js';
import { CancelledError } from '../../src/errors.js';
import type { InputQuestion, Prompter, SelectQuestion } from '../../src/inputs/prompter.js';
import type { Clock, Screen } from '../../src/wizard/context.js';

/** Accept the question's default, as pressing Enter does. */
export const ENTER = Symbol('Enter');
/** Press Ctrl-C at this question. */
export const CTRL_C = Symbol('Ctrl-C');

type Question = { name: string; message: string; default?: unknown };
export type Answer = string | boolean | typeof ENTER | typeof CTRL_C | ((question: Question) => string | boolean | typeof ENTER | typeof CTRL_C);

export interface ScriptedPrompter extends Prompter {
  /** Every question asked, in order. */
  asked: Question[];
  /** Answers a question's validation refused (the "user" then typed the next answer). */
  rejected: Array<{ name: string; value: string; reason: string }>;
  /** Question names whose scripted answers were not all used. */
  unused(): string[];
}

/**
 * A prompter for step tests: answers by question name. A single answer is given every time the
 * question comes back; a list is used in order, one per asking (an answer refused by validation is
 * followed by the next one, as a person retypes). A question with no answer left fails the test.
 */
export function scriptedPrompter(script: Record<string, Answer | Answer[]>): ScriptedPrompter {
  const queues = new Map<string, { answers: Answer[]; repeat: boolean }>();
  for (const [name, answer] of Object.entries(script)) {
    queues.set(name, Array.isArray(answer) ? { answers: [...answer], repeat: false } : { answers: [answer], repeat: true });
  }
  const asked: Question[] = [];
  const rejected: ScriptedPrompter['rejected'] = [];

  const next = (question: Question) => {
    const queue = queues.get(question.name);
    if (!queue || queue.answers.length === 0) throw new Error(`unexpected question '${question.name}': ${question.message}`);
    const answer = queue.repeat ? queue.answers[0]! : queue.answers.shift()!;
    const resolved = typeof answer === 'function' ? answer(question) : answer;
    if (resolved === CTRL_C) throw new CancelledError();
    return resolved;
  };

  const text = (masked: boolean) => async (q: InputQuestion) => {
    asked.push({ name: q.name, message: q.message, ...(q.default !== undefined && { default: q.default }) });
    for (;;) {
      const answer = next(q);
      if (typeof answer === 'boolean') throw new Error(`question '${q.name}' needs text, got ${answer}`);
      if (answer === ENTER && masked) throw new Error(`question '${q.name}' is masked: Enter has no default to take`);
      const value = answer === ENTER ? (q.default ?? '') : answer;
      const verdict = q.validate?.(value) ?? true;
      if (verdict === true) return value;
      rejected.push({ name: q.name, value, reason: verdict });
    }
  };

  return {
    asked,
    rejected,
    unused: () => [...queues.entries()].filter(([, q]) => !q.repeat && q.answers.length > 0).map(([name]) => name),
    input: text(false),
    password: text(true),
    async confirm(q) {
      asked.push({ name: q.name, message: q.message, ...(q.default !== undefined && { default: q.default }) });
      const answer = next(q);
      if (answer === ENTER) return q.default ?? true;
      if (typeof answer !== 'boolean') throw new Error(`question '${q.name}' needs yes/no, got ${String(answer)}`);
      return answer;
    },
    async select<T extends string>(q: SelectQuestion<T>) {
      asked.push({ name: q.name, message: q.message, ...(q.default !== undefined && { default: q.default }) });
      const answer = next(q);
      const value = answer === ENTER ? (q.default ?? q.choices[0]?.value) : answer;
      const choice = q.choices.find((c) => c.value === value);
      if (!choice) throw new Error(`question '${q.name}' has no choice ${String(value)} (choices: ${q.choices.map((c) => c.value).join(', ')})`);
      return choice.value;
    },
  };
}

export interface RecordingScreen extends Screen {
  /** Everything shown, in order (say, result, reports and stage lines). */
  readonly text: string;
  /** Only what went to stdout (the final settings). */
  readonly results: string;
  statuses: string[];
  reports: CheckReport[];
}

/** A screen that keeps what a person would have seen, without colours. */
export function recordingScreen(): RecordingScreen {
  let text = '';
  let results = '';
  const screen: RecordingScreen = {
    get text() {
      return text;
    },
    get results() {
      return results;
    },
    statuses: [],
    reports: [],
    color: new Chalk({ level: 0 }),
    say: (t) => void (text += t + '\n'),
    result(t) {
      text += t + '\n';
      results += t + '\n';
    },
    status: (t) => void screen.statuses.push(t),
    clearStatus: () => undefined,
    progress: (): StageEvents => ({
      start: () => undefined,
      succeed: (stage, label) => void (text += `✔ ${stage} ${label}\n`),
      fail: (stage, label) => void (text += `✖ ${stage} ${label}\n`),
      skip: (stage) => void (text += `- ${stage}\n`),
    }),
    report(report) {
      screen.reports.push(report);
      text += `[report ${report.ok ? 'ok' : report.diagnosis?.code}]\n${report.diagnosis?.summary ?? ''}\n${report.diagnosis?.fix ?? ''}\n`;
    },
  };
  return screen;
}

/** A clock whose sleep returns at once and moves time forward; `onSleep` may change the world meanwhile. */
export function fakeClock(onSleep?: (elapsedMs: number) => void): Clock & { elapsedMs: number; sleeps: number } {
  const start = Date.parse('2026-05-01T09:00:00Z');
  const clock = {
    elapsedMs: 0,
    sleeps: 0,
    now: () => new Date(start + clock.elapsedMs),
    async sleep(ms: number) {
      clock.elapsedMs += ms;
      clock.sleeps += 1;
      onSleep?.(clock.elapsedMs);
    },
  };
  return clock;
}

const scratch: string[] = [];

/** A new empty folder for one test's files; removed by `removeScratchDirs` (call it in afterAll). */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `smtp-oauth-${prefix}-`));
  scratch.push(dir);
  return dir;
}

export function removeScratchDirs(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}
