import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import type { CheckReport, StageEvents } from '../../src/check/run.js';
import { CancelledError } from '../../src/errors.js';
import { type InputQuestion, type Prompter, type PromptText, promptText, type SelectQuestion } from '../../src/inputs/prompter.js';
import { isMessage, type Message, type MessageId, type MessageParams, msg } from '../../src/messages/index.js';
import type { Clock, Screen } from '../../src/wizard/context.js';
import { renderDiagnosis } from '../../src/report/human.js';
import { type Block, renderBlocks } from '../../src/wizard/show.js';

/** Accept the question's default, as pressing Enter does. */
export const ENTER = Symbol('Enter');
/** Press Ctrl-C at this question. */
export const CTRL_C = Symbol('Ctrl-C');

type Question = { name: string; message: PromptText; default?: unknown };
export type Answer = string | boolean | typeof ENTER | typeof CTRL_C | ((question: Question) => string | boolean | typeof ENTER | typeof CTRL_C);

export interface ScriptedPrompter extends Prompter {
  /** Every question asked, in order. */
  asked: Question[];
  /** Answers a question's validation refused (the "user" then typed the next answer). */
  /** The reason as the validation gave it (a message, or the words of a shared schema). */
  rejected: Array<{ name: string; value: string; reason: PromptText }>;
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
    if (!queue || queue.answers.length === 0) throw new Error(`unexpected question '${question.name}': ${promptText(question.message)}`);
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

/** One block as a step showed it: where it went (stderr for the person, stdout for the results). */
export interface Shown {
  to: 'show' | 'result';
  block: Block;
}

export interface RecordingScreen extends Screen {
  /** Every block, in order, as the steps gave it (message ids and parameters). */
  readonly shown: Shown[];
  /** Everything shown, rendered in the language in use without colours (say, result, reports and stage lines). */
  readonly text: string;
  /** Only what went to stdout (the final settings), rendered. */
  readonly results: string;
  /** The countdown's lines, as messages. */
  statuses: Message[];
  reports: CheckReport[];
  /** Every message the blocks hold (texts, items, rows), in order. */
  messages(): Message[];
  /** The ids of those messages, in order. */
  ids(): string[];
  /** The parameters of each showing of a message id. */
  paramsOf<K extends MessageId>(id: K): Array<MessageParams<K>>;
}

/** The messages inside a block (its texts, list items, fact rows), in the order they read. */
export function messagesOf(block: Block): Message[] {
  const m = (text: unknown): Message[] => (isMessage(text) ? [text] : []);
  switch (block.kind) {
    case 'heading':
      return [msg(`step.${block.step}.title` as 'step.1.title')];
    case 'list':
    case 'numbered':
      return [...block.items];
    case 'facts':
      return block.rows.flatMap((row) => [...m(row.label), ...m(row.value), ...m(row.note)]);
    case 'answered':
      return [...m(block.question), ...m(block.answer)];
    case 'commands':
    case 'diagnosis':
    case 'report':
      return [];
    default:
      return m(block.text);
  }
}

/** A screen that keeps what a step showed: the blocks, and the words a person would have read (no colours). */
export function recordingScreen(): RecordingScreen {
  let text = '';
  let results = '';
  const shown: Shown[] = [];
  const color = new Chalk({ level: 0 });
  const record = (to: Shown['to'], blocks: readonly Block[]) => {
    for (const block of blocks) {
      shown.push({ to, block });
      let words: string;
      if (block.kind === 'report') {
        screen.reports.push(block.report);
        words = `[report ${block.report.ok ? 'ok' : block.report.diagnosis?.code}]\n${block.report.diagnosis?.summary ?? ''}\n${block.report.diagnosis?.fix ?? ''}`;
      } else {
        words = renderBlocks([block], { color, diagnosis: renderDiagnosis }).join('\n');
      }
      text += words + '\n';
      if (to === 'result') results += words + '\n';
    }
  };
  const screen: RecordingScreen = {
    shown,
    get text() {
      return text;
    },
    get results() {
      return results;
    },
    statuses: [],
    reports: [],
    show: (...blocks) => record('show', blocks),
    result: (...blocks) => record('result', blocks),
    status: (t) => void screen.statuses.push(t),
    clearStatus: () => undefined,
    progress: (): StageEvents => ({
      start: () => undefined,
      succeed: (stage, label) => void (text += `✔ ${stage} ${label}\n`),
      fail: (stage, label) => void (text += `✖ ${stage} ${label}\n`),
      skip: (stage) => void (text += `- ${stage}\n`),
    }),
    messages: () => shown.flatMap(({ block }) => messagesOf(block)),
    ids: () => screen.messages().map((m) => m.id),
    paramsOf: <K extends MessageId>(id: K) => screen.messages().filter((m) => m.id === id).map((m) => m.params as MessageParams<K>),
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
