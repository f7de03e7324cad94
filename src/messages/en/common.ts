import { defineMessages, message } from '../define.js';
import { formatterFor } from '../format.js';

const f = formatterFor('en');

/** Words every front-end shares: the four setup steps, durations, yes/no. */
export const commonEn = defineMessages({
  'step.1.title': 'Entra ID app',
  'step.2.title': 'Exchange service principal',
  'step.3.title': 'SMTP AUTH on the mailbox',
  'step.4.title': 'Test message',
  'step.heading': message({ step: ['1', '2', '3', '4'], title: 'string' }, (p) => `Step ${p.step} of 4 · ${p.title}`),
  'common.duration': message({ ms: 'number' }, (p) => f.duration(p.ms)),
});
