import type { Prompter } from '../../inputs/prompter.js';
import type { Screen } from '../context.js';
import { smtpAuthLines } from '../powershell.js';
import { codeBlock, heading } from '../show.js';

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
  const c = screen.color;
  screen.say(
    [
      heading(c, 3),
      `SMTP AUTH must be on for ${c.bold(input.mailbox)}. Newer tenants have it off for everyone; the`,
      'mailbox setting below overrides that for this mailbox only, which is what you want.',
      '',
      `In the same PowerShell session${input.scriptPath ? ` (these lines are in ${input.scriptPath} too)` : ''}:`,
      '',
      codeBlock(c, smtpAuthLines(input.mailbox)),
      '',
      `If Security Defaults are on, SMTP AUTH stays blocked whatever these settings say.`,
      c.dim('Exchange applies changes of steps 2 and 3 after 15–30 minutes (a new mailbox can take up to a day);'),
      c.dim('step 4 can wait and retry for you.'),
      '',
    ].join('\n'),
  );
  const next = await prompter.select({
    name: 'smtpAuthDone',
    message: 'Continue when the commands have run',
    default: 'continue',
    choices: [
      { value: 'continue', name: 'Continue to step 4: send a test message' },
      { value: 'stop', name: 'Stop here (answers are saved; run again to continue)' },
    ],
  });
  return next === 'stop' ? { kind: 'stop' } : { kind: 'next' };
}
