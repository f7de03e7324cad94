import { defineMessages, message } from '../define.js';
import { formatterFor } from '../format.js';

const f = formatterFor('en');

/** `explain`: a pasted error's diagnosis, or what it looks for when nothing was recognised. */
export const explainEn = defineMessages({
  'explain.stdin-empty': 'standard input was empty: nothing to explain',
  'explain.nothing-given': 'nothing to explain: give the error text (quoted), or - to read it from standard input',
  'explain.stdin-unreadable': message({ reason: 'string' }, (p) => `explain -: standard input: ${p.reason}`),
  'explain.invalid-value': message({ source: 'string', problem: 'string' }, (p) => `${p.source}: ${p.problem}`),
  'explain.not-recognised': 'smtp-oauth-setup explain: nothing in this text was recognised. It looks for:',
  'explain.looked-for': message(
    { kind: 'string', examples: 'strings', known: 'number' },
    (p) => `${p.kind}, e.g. ${p.examples.join(', ')} (${f.number(p.known)} known)`,
  ),
  'explain.suggestion':
    'Paste the complete error message with its codes, or run `smtp-oauth-setup check` to test the setup itself and get a diagnosis from what Microsoft answers.',
  'explain.also-found': 'Also found in this text (the first one above is the most specific):',
});
