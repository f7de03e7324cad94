import { defineMessages, message } from '../define.js';

/** The prompts' own words around a question (the terminal prompter's answers and key help). */
export const promptEn = defineMessages({
  'prompt.yes': 'Yes',
  'prompt.no': 'No',
  'prompt.yes-or-no': message({ yes: 'string', no: 'string' }, (p) => `You must answer with "${p.yes}" or "${p.no}"`),
  'prompt.key-navigate': 'navigate',
  'prompt.key-select': 'select',
});
