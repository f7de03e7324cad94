import type { Prompter } from '../../inputs/prompter.js';
import type { Screen } from '../context.js';
import { indent } from '../show.js';

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
  const c = deps.screen.color;
  deps.screen.say(
    [
      '',
      c.bold('smtp-oauth-setup: send mail through Exchange Online with OAuth2'),
      '',
      'This walk sets up an application to send mail as a mailbox with OAuth2 (XOAUTH2) instead of a',
      'password, in the four steps that must happen in this order, and checks each one as soon as it can:',
      '',
      indent([
        '1. Entra ID app: an app registration with the SMTP.SendAsApp permission and a client secret',
        '2. Exchange service principal: Exchange Online\'s record of that app, with access to the mailbox',
        '3. SMTP AUTH: switched on for the mailbox',
        '4. A test message, then the exact values for your sending application',
      ]),
      '',
      c.bold('You need'),
      indent([
        '• An Entra ID administrator who can grant admin consent (Global or Privileged Role Administrator)',
        '• Exchange Online PowerShell and an Exchange administrator to run a few commands',
        '• A licensed mailbox to send from',
      ]),
      '',
      c.bold('Good to know'),
      indent([
        '• Security Defaults block SMTP AUTH for the whole tenant. If they are on, replace them with',
        '  Conditional Access policies before step 4 (Entra admin center → Overview → Properties).',
        '• Protect the new app with Conditional Access, for example a policy that allows it only from',
        '  the IP addresses of the sending server (Conditional Access for workload identities).',
        '• Nothing is changed in your tenant by this tool: it shows what to do and checks the result.',
        input.progressFile
          ? `• Your answers are saved as you go (never the client secret) in ${input.progressFile}; Ctrl-C stops, and a new run continues.`
          : '• Progress is not saved in this run.',
      ]),
      ...(input.sandbox
        ? ['', c.yellow('Demo: everything below runs against the built-in sandbox on this machine. Press Enter to accept each value.')]
        : []),
      '',
    ].join('\n'),
  );
  const start = await deps.prompter.confirm({ name: 'start', message: 'Start with step 1?', default: true });
  return start ? { kind: 'next' } : { kind: 'stop' };
}
