import type { Prompter } from '../../inputs/prompter.js';
import type { Screen } from '../context.js';
import { msg } from '../../messages/index.js';
import { smtpAuthLines } from '../powershell.js';

export interface SmtpAuthInput {
  mailbox: string;
  /** The .ps1 written in step 2, which holds these lines too. */
  scriptPath: string | null;
}

export type SmtpAuthOutcome = { kind: 'next' } | { kind: 'stop' };

/**
 * Step 3: SMTP AUTH is off for organizations created after January 2020 (Set-TransportConfig
 * reference); the per-mailbox setting overrides it, so only the sending mailbox is opened.
 */
export async function smtpAuthStep(input: SmtpAuthInput, deps: { prompter: Prompter; screen: Screen }): Promise<SmtpAuthOutcome> {
  const { prompter, screen } = deps;
  screen.show(
    { kind: 'heading', step: 3 },
    { kind: 'paragraph', text: msg('wizard.smtp-auth.why', { mailbox: input.mailbox }) },
    { kind: 'paragraph', text: msg('wizard.smtp-auth.run', { scriptPath: input.scriptPath ?? undefined }) },
    { kind: 'commands', lines: smtpAuthLines(input.mailbox) },
    { kind: 'paragraph', text: msg('wizard.smtp-auth.security-defaults') },
    { kind: 'note', text: msg('wizard.smtp-auth.propagation') },
  );
  const next = await prompter.select({
    name: 'smtpAuthDone',
    message: msg('wizard.ask.continue-when-run'),
    default: 'continue',
    choices: [
      { value: 'continue', name: msg('wizard.smtp-auth.continue') },
      { value: 'stop', name: msg('wizard.choice.stop') },
    ],
  });
  return next === 'stop' ? { kind: 'stop' } : { kind: 'next' };
}
