import type { Prompter } from '../inputs/prompter.js';
import { msg } from '../messages/index.js';
import type { Screen } from './context.js';

/**
 * Answers given on the command line before the walk (e.g. `--save-secret` answers "keep the client
 * secret in the saved configuration?"): the question is shown with its answer instead of being asked.
 */
export function withPresetAnswers(prompter: Prompter, screen: Screen, presets: Readonly<Record<string, boolean>>): Prompter {
  if (Object.keys(presets).length === 0) return prompter;
  return {
    ...prompter,
    async confirm(question) {
      const preset = presets[question.name];
      if (preset === undefined) return prompter.confirm(question);
      screen.show({ kind: 'answered', question: question.message, answer: msg(preset ? 'prompt.yes' : 'prompt.no'), from: 'command-line' });
      return preset;
    },
  };
}
