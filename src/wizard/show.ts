import type { ChalkInstance } from 'chalk';
import type { CheckReport } from '../check/run.js';
import type { DiagnosisView } from '../report/human.js';
import { claimLabel, claimRows, type ClaimsView } from '../report/claims.js';
import { plain, styled } from '../messages/emphasis.js';
import { type Message, msg, render as renderInUse } from '../messages/index.js';

/**
 * What the wizard shows, as data: a step says WHAT it shows (the heading of step N, a paragraph, a
 * list, commands, a warning…) with the words as messages; the screen decides colour and layout. One
 * heading per step, indented blocks, nothing shouted. A recording screen (tests) keeps the blocks,
 * so a test asserts message ids and parameters instead of sentences.
 */

/** Words of the catalogs, or text that is already words (a library's problem line, a value). */
export type Text = Message | string;

export type Step = 1 | 2 | 3 | 4;

/** The ids of the four steps' names: the shared ones (src/messages/en/common.ts), never a copy. */
const STEP_TITLE_IDS = { 1: 'step.1.title', 2: 'step.2.title', 3: 'step.3.title', 4: 'step.4.title' } as const;

/** A label, a value and what the value means, in a column of such rows. */
export interface FactRow {
  label: Text;
  value: Text;
  note?: Text;
  /** How the note reads: a remark (dim, the default), a good sign, a problem. */
  tone?: 'dim' | 'good' | 'bad';
}

export type Block = (
  | { kind: 'heading'; step: Step }
  | { kind: 'title'; text: Message }
  | { kind: 'paragraph'; text: Message }
  | { kind: 'list'; items: readonly Message[] }
  | { kind: 'numbered'; items: readonly Message[] }
  /** PowerShell or a shell line: commands are the same in every language; comments come translated. */
  | { kind: 'commands'; lines: readonly string[] }
  | { kind: 'warning'; text: Text }
  | { kind: 'problem'; text: Text }
  | { kind: 'success'; text: Message }
  | { kind: 'note'; text: Message; indent?: number }
  /** What the sandbox did in the demo (it plays the administrator). */
  | { kind: 'demo'; text: Message }
  | { kind: 'facts'; rows: readonly FactRow[]; indent?: number }
  /** What to do, in the diagnosis catalog's words (its actions are shared with `check`'s fixes). */
  | { kind: 'action'; text: Text; indent?: number }
  /** A question answered without asking (`--yes`, a flag). */
  | { kind: 'answered'; question: Text; answer: Text; from: 'yes' | 'command-line' }
  /** A diagnosis in `check`'s words (the report renderer's). */
  | { kind: 'diagnosis'; diagnosis: DiagnosisView }
  /** A finished check in `check`'s words: claims, diagnosis, fix. */
  | { kind: 'report'; report: CheckReport }
) & {
  /** A blank line before the block; each kind has its own default (see GAP_BEFORE). */
  gap?: boolean;
};

const GAP_BEFORE: Record<Block['kind'], boolean> = {
  heading: true,
  title: true,
  paragraph: true,
  list: false,
  numbered: true,
  commands: true,
  warning: false,
  problem: false,
  success: true,
  note: false,
  demo: false,
  facts: false,
  action: false,
  answered: false,
  diagnosis: true,
  report: false,
};

/** How many columns prose is wrapped to (the width the English texts were written for). */
export const WIDTH = 100;

export interface Look {
  color: ChalkInstance;
  /** Renders a message (the language in use by default; a test passes another language's renderer). */
  render?: (message: Message) => string;
  /** Lines of a diagnosis in `check`'s words (injected: the report renderer belongs to `check`). */
  diagnosis?: (diagnosis: DiagnosisView, color: ChalkInstance) => string[];
}

/** Blocks as terminal lines (without a report, which the screen hands to the report renderer). */
export function renderBlocks(blocks: readonly Block[], look: Look): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.gap ?? GAP_BEFORE[block.kind]) lines.push('');
    lines.push(...renderBlock(block, look));
  }
  return lines;
}

function renderBlock(block: Block, look: Look): string[] {
  const c = look.color;
  const words = (text: Text) => {
    const rendered = typeof text === 'string' ? text : (look.render ?? renderInUse)(text);
    return styled(rendered, { strong: (t) => c.bold(t), link: (t) => c.underline(t) });
  };
  switch (block.kind) {
    case 'heading': {
      const title = plain(words(msg('step.heading', { step: `${block.step}`, title: (look.render ?? renderInUse)(msg(STEP_TITLE_IDS[block.step])) })));
      return [c.bold(title), c.dim('─'.repeat(title.length))];
    }
    case 'title':
      return [c.bold(words(block.text))];
    case 'paragraph':
      return wrap(words(block.text), WIDTH);
    case 'list':
      return indent(block.items.flatMap((item) => wrap(`• ${words(item)}`, WIDTH - 2, '  ')));
    case 'numbered':
      return indent(numbered(block.items.map(words), WIDTH - 2));
    case 'commands':
      return block.lines.map((line) => (line === '' ? '' : `    ${line.startsWith('#') ? c.dim(line) : c.cyan(line)}`));
    case 'warning':
      return [c.yellow(`! ${words(block.text)}`)];
    case 'problem':
      return [c.red(`✖ ${words(block.text)}`)];
    case 'success':
      return [`${c.green.bold('✔')} ${styled((look.render ?? renderInUse)(block.text), { strong: (t) => c.green.bold(t), link: (t) => c.underline(t) })}`];
    case 'note':
      return indent(wrap(words(block.text), WIDTH - (block.indent ?? 0)), block.indent ?? 0).map((line) => c.dim(line));
    case 'demo':
      return [c.yellow(words(block.text))];
    case 'facts': {
      const labels = block.rows.map((row) => plain(words(row.label)));
      const width = Math.max(0, ...labels.map((label) => label.length));
      const pad = ' '.repeat(block.indent ?? 2);
      return block.rows.map((row, i) => {
        const note = row.note === undefined ? '' : `  ${(row.tone === 'good' ? c.green : row.tone === 'bad' ? c.yellow : c.dim)(words(row.note))}`;
        return `${pad}${c.bold(labels[i]!.padEnd(width))}  ${words(row.value)}${note}`;
      });
    }
    case 'action':
      return indent(words(block.text).split('\n'), block.indent ?? 2);
    case 'answered':
      return [`${c.green('✔')} ${c.bold(words(block.question))} ${c.cyan(words(block.answer))} ${c.dim(words(msg(block.from === 'yes' ? 'wizard.answered.yes' : 'wizard.answered.command-line')))}`];
    case 'diagnosis':
      return look.diagnosis ? look.diagnosis(block.diagnosis, c) : [c.red(`✖ ${block.diagnosis.summary}`), ...block.diagnosis.fix.split('\n').map((line) => `    ${line}`)];
    case 'report':
      return [];
  }
}

export function indent(lines: readonly string[], by = 2): string[] {
  const pad = ' '.repeat(by);
  return lines.map((line) => (line === '' ? '' : pad + line));
}

const ANSI = /\x1b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}

/** Word-wraps one paragraph (its own line breaks kept) to `width` visible columns; `hang` starts each continuation line. */
export function wrap(text: string, width: number, hang = ''): string[] {
  return text.split('\n').flatMap((paragraph) => {
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && line !== hang && visibleLength(`${line} ${word}`) > width) {
        lines.push(line);
        line = hang + word;
      } else {
        line = line === '' || line === hang ? line + word : `${line} ${word}`;
      }
    }
    lines.push(line);
    return lines;
  });
}

/** A numbered list, each item wrapped under its own text. */
export function numbered(items: readonly string[], width = WIDTH): string[] {
  const digits = String(items.length).length;
  return items.flatMap((item, i) => wrap(`${String(i + 1).padStart(digits)}. ${item}`, width, ' '.repeat(digits + 2)));
}

/** The token's claims as a facts block: the rows of the one claims display (src/report/claims.ts). */
export function claimsBlock(claims: ClaimsView, requiredRole: string): Block {
  return {
    kind: 'facts',
    rows: claimRows(claims, requiredRole).map((row) => ({ label: claimLabel(row), value: row.value, ...(row.note !== undefined && { note: row.note }), tone: row.tone ?? 'dim' })),
  };
}
