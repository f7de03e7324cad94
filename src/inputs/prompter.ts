import { styleText } from 'node:util';
import { CancelledError } from '../errors.js';
import { plain } from '../messages/emphasis.js';
import { isMessage, type Message, render, t } from '../messages/index.js';
import { cancellation } from '../signals.js';

/**
 * Every question the tool asks goes through one injected prompter, so that a step's test is a
 * plain async call with answers given by question name (a stable id), and the real terminal prompts
 * live in one place. Questions, choices and the answers of a validation are messages: the prompter
 * renders them in the language in use, and tests compare ids.
 */
export type PromptText = Message;

/** A question's words in the language in use. */
export function promptText(text: PromptText): string {
  return plain(render(text));
}

export type Validate = (value: string) => true | PromptText;

export interface InputQuestion {
  name: string;
  message: PromptText;
  default?: string;
  validate?: Validate;
}

export interface SelectQuestion<T extends string> {
  name: string;
  message: PromptText;
  choices: ReadonlyArray<{ value: T; name: PromptText; description?: PromptText }>;
  default?: T;
  /** Ask even when defaults are accepted (`--yes`): the default is only a suggestion, e.g. on a failure. */
  askAlways?: boolean;
}

export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  /** Masked entry, for the client secret. */
  password(question: InputQuestion): Promise<string>;
  confirm(question: { name: string; message: PromptText; default?: boolean }): Promise<boolean>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
}

/** The terminal the prompts use: the command's injected streams (stdin, and stderr to draw on). */
export interface PromptStreams {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stderr: { write(chunk: string): boolean; isTTY?: boolean };
}

/**
 * The terminal prompter (@inquirer/prompts). Prompts draw on the given stderr so that stdout stays
 * clean for results; Ctrl-C becomes a CancelledError (exit 130), a stop signal its own (143, 129).
 * Loaded only when a prompt is really needed.
 */
export async function createTerminalPrompter(options: PromptStreams & { signal?: AbortSignal }): Promise<Prompter> {
  const prompts = await import('@inquirer/prompts');
  const input = options.stdin as NodeJS.ReadStream;
  toleratesClosedTerminal(input);
  // The signal lets a Ctrl-C that arrives as SIGINT (not as a key press) end an open prompt too.
  // The streams are a terminal's (canPrompt checked both), which is what inquirer draws on.
  const context = { input, output: options.stderr as NodeJS.WritableStream, ...(options.signal && { signal: options.signal }) };
  // Inquirer's own words (yes/no, the menu's key help) in the language in use too.
  const confirmTheme = { keywords: { yes: t('prompt.yes'), no: t('prompt.no'), error: (words: { yes: string; no: string }) => t('prompt.yes-or-no', words) } };
  const keyActions: Record<string, string> = { navigate: t('prompt.key-navigate'), select: t('prompt.key-select') };
  const selectTheme = {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', keyActions[action] ?? action)}`).join(styleText('dim', ' • ')),
    },
  };
  const validator = (validate: Validate | undefined) => validate && ((value: string) => {
    const verdict = validate(value);
    return verdict === true ? true : promptText(verdict);
  });
  const cancellable = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
        // SIGTERM and SIGHUP also close the prompt (inquirer listens for them): the signal says which one it was.
        throw options.signal?.aborted ? cancellation(options.signal) : new CancelledError();
      }
      throw error;
    }
  };
  return {
    input: (q) =>
      cancellable(() =>
        prompts.input({ message: promptText(q.message), ...(q.default !== undefined && { default: q.default }), ...(q.validate && { validate: validator(q.validate)! }) }, context),
      ),
    password: (q) =>
      // No Ctrl+T reveal: the secret never appears on the screen, not even on request.
      cancellable(() => prompts.password({ message: promptText(q.message), mask: '*', toggleMask: false, ...(q.validate && { validate: validator(q.validate)! }) }, context)),
    confirm: (q) => cancellable(() => prompts.confirm({ message: promptText(q.message), theme: confirmTheme, ...(q.default !== undefined && { default: q.default }) }, context)),
    select: <T extends string>(q: SelectQuestion<T>) =>
      cancellable(() =>
        prompts.select<T>(
          {
            message: promptText(q.message),
            theme: selectTheme,
            choices: q.choices.map((c) => ({ value: c.value, name: promptText(c.name), ...(c.description && { description: promptText(c.description) }) })),
            ...(q.default !== undefined && { default: q.default }),
          },
          context,
        ),
      ),
  };
}

/**
 * When the terminal is closed while a prompt is open, readline ends and puts the terminal back out
 * of raw mode; with the terminal gone that call fails with EIO and, thrown inside readline's
 * end-of-input handler, would end the process before answers are saved and temporary folders
 * removed. There is no terminal left to restore, so that one failure is ignored.
 */
function toleratesClosedTerminal(stdin: NodeJS.ReadStream): void {
  if (!stdin.isTTY || (stdin as { toleratesClosedTerminal?: boolean }).toleratesClosedTerminal) return;
  const setRawMode = stdin.setRawMode.bind(stdin);
  Object.assign(stdin, {
    toleratesClosedTerminal: true,
    setRawMode: (mode: boolean) => {
      try {
        return setRawMode(mode);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EIO') return stdin;
        throw error;
      }
    },
  });
}
