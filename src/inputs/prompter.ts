import { CancelledError } from '../errors.js';
import { cancellation } from '../signals.js';

/**
 * Every question the tool asks goes through one injected prompter, so that a step's test is a
 * plain async call with answers given by question name, and the real terminal prompts live in one place.
 */
export type Validate = (value: string) => true | string;

export interface InputQuestion {
  name: string;
  message: string;
  default?: string;
  validate?: Validate;
}

export interface SelectQuestion<T extends string> {
  name: string;
  message: string;
  choices: ReadonlyArray<{ value: T; name: string; description?: string }>;
  default?: T;
  /** Ask even when defaults are accepted (`--yes`): the default is only a suggestion, e.g. on a failure. */
  askAlways?: boolean;
}

export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  /** Masked entry, for the client secret. */
  password(question: InputQuestion): Promise<string>;
  confirm(question: { name: string; message: string; default?: boolean }): Promise<boolean>;
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
}

/**
 * The terminal prompter (@inquirer/prompts). Prompts draw on stderr so that stdout stays clean for
 * results; Ctrl-C becomes a CancelledError (exit 130), a stop signal its own (143, 129). Loaded only when a prompt is really needed.
 */
export async function createTerminalPrompter(options: { signal?: AbortSignal } = {}): Promise<Prompter> {
  const prompts = await import('@inquirer/prompts');
  toleratesClosedTerminal(process.stdin);
  // The signal lets a Ctrl-C that arrives as SIGINT (not as a key press) end an open prompt too.
  const context = { output: process.stderr, ...(options.signal && { signal: options.signal }) };
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
        prompts.input({ message: q.message, ...(q.default !== undefined && { default: q.default }), ...(q.validate && { validate: q.validate }) }, context),
      ),
    password: (q) =>
      // No Ctrl+T reveal: the secret never appears on the screen, not even on request.
      cancellable(() => prompts.password({ message: q.message, mask: '*', toggleMask: false, ...(q.validate && { validate: q.validate }) }, context)),
    confirm: (q) => cancellable(() => prompts.confirm({ message: q.message, ...(q.default !== undefined && { default: q.default }) }, context)),
    select: <T extends string>(q: SelectQuestion<T>) =>
      cancellable(() =>
        prompts.select<T>(
          {
            message: q.message,
            choices: q.choices.map((c) => ({ value: c.value, name: c.name, ...(c.description && { description: c.description }) })),
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
