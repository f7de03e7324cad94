import type { InputQuestion, Prompter, PromptText, SelectQuestion } from '../inputs/prompter.js';
import { msg } from '../messages/index.js';
import type { Screen } from './context.js';
import type { Text } from './show.js';

/**
 * `--yes`: a question whose default is safe to take is answered with it, and the answer is shown as
 * if it had been typed; an optional question is skipped. Questions without a default (the secret, a
 * missing value), defaults that fail validation, and menus marked `askAlways` (what to do after a
 * failure) are still asked.
 */
export function acceptingDefaults(prompter: Prompter, screen: Screen): Prompter {
  const shown = (question: PromptText, answer: Text) => screen.show({ kind: 'answered', question, answer, from: 'yes' });
  const input = (ask: (q: InputQuestion) => Promise<string>) => async (q: InputQuestion) => {
    if (q.default !== undefined && q.default !== '' && (q.validate?.(q.default) ?? true) === true) {
      shown(q.message, q.default);
      return q.default;
    }
    // An optional question (its validation accepts no answer) is skipped, as Enter would.
    if ((q.default === undefined || q.default === '') && q.validate?.('') === true) {
      shown(q.message, msg('wizard.answered.skipped'));
      return '';
    }
    return ask(q);
  };
  return {
    input: input((q) => prompter.input(q)),
    // A masked answer has no default to take.
    password: (q) => prompter.password(q),
    async confirm(q) {
      if (q.default === undefined) return prompter.confirm(q);
      shown(q.message, msg(q.default ? 'prompt.yes' : 'prompt.no'));
      return q.default;
    },
    async select<T extends string>(q: SelectQuestion<T>) {
      const choice = q.choices.find((choice) => choice.value === q.default);
      if (q.askAlways || !choice) return prompter.select(q);
      shown(q.message, choice.name);
      return choice.value;
    },
  };
}
