import type { Prompter } from '../../inputs/prompter.js';
import { addressSchema } from '../../inputs/schemas.js';
import { msg } from '../../messages/index.js';
import { askText } from '../ask.js';
import type { Screen } from '../context.js';

export type Way = { kind: 'guided' } | { kind: 'automatic'; mailbox: string; from: string };

/**
 * The wizard's first question: let the tool do steps 1–3 after an administrator sign-in, or be
 * guided through the portal and PowerShell. Guided is the default (Enter): it changes nothing in
 * the tenant by itself, and admins who may not let a tool change their tenant keep today's walk.
 */
export async function chooseWay(deps: { prompter: Prompter; screen: Screen }, defaults: { mailbox?: string; from?: string } = {}): Promise<Way> {
  const way = await deps.prompter.select({
    name: 'way',
    message: msg('wizard.way.question'),
    default: 'guided',
    choices: [
      { value: 'automatic', name: msg('wizard.way.automatic') },
      { value: 'guided', name: msg('wizard.way.guided') },
    ],
  });
  if (way !== 'automatic') return { kind: 'guided' };
  deps.screen.show({ kind: 'paragraph', text: msg('wizard.way.automatic-intro') });
  const mailbox = await askText(deps.prompter, { name: 'mailbox', message: msg('input.question.mailbox'), schema: addressSchema, default: defaults.mailbox });
  const from = await askText(deps.prompter, { name: 'from', message: msg('wizard.ask.from'), schema: addressSchema, default: defaults.from ?? mailbox });
  return { kind: 'automatic', mailbox, from };
}
