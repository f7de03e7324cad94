import type { Prompter } from '../../inputs/prompter.js';
import { msg } from '../../messages/index.js';
import type { Screen } from '../context.js';

export interface BeforeStartInput {
  /** Where progress is saved, or null when it cannot be. */
  progressFile: string | null;
  /** Set when running against the built-in sandbox. */
  sandbox: boolean;
}

export type BeforeStartOutcome = { kind: 'next' } | { kind: 'stop' };

/**
 * What the walk does and what the admin needs before starting, including the two tenant-wide
 * settings that silently decide the outcome: Security Defaults (they block SMTP AUTH; Microsoft's
 * "Authenticated client SMTP submission" page) and a Conditional Access policy for the new app.
 */
export async function beforeStart(input: BeforeStartInput, deps: { prompter: Prompter; screen: Screen }): Promise<BeforeStartOutcome> {
  deps.screen.show(
    { kind: 'title', text: msg('wizard.intro.title') },
    { kind: 'paragraph', text: msg('wizard.intro.what') },
    {
      kind: 'numbered',
      items: [msg('wizard.intro.step-1'), msg('wizard.intro.step-2'), msg('wizard.intro.step-3'), msg('wizard.intro.step-4')],
    },
    { kind: 'title', text: msg('wizard.intro.need') },
    { kind: 'list', items: [msg('wizard.intro.need-admin'), msg('wizard.intro.need-powershell'), msg('wizard.intro.need-mailbox')] },
    { kind: 'title', text: msg('wizard.intro.good-to-know') },
    {
      kind: 'list',
      items: [
        msg('wizard.intro.security-defaults'),
        msg('wizard.intro.conditional-access'),
        msg('wizard.intro.nothing-changed'),
        input.progressFile ? msg('wizard.intro.progress-saved', { path: input.progressFile }) : msg('wizard.intro.progress-not-saved'),
      ],
    },
    ...(input.sandbox ? [{ kind: 'demo' as const, text: msg('wizard.intro.demo'), gap: true }] : []),
  );
  const start = await deps.prompter.confirm({ name: 'start', message: msg('wizard.intro.start'), default: true });
  return start ? { kind: 'next' } : { kind: 'stop' };
}
