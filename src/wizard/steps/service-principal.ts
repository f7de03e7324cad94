import { z } from 'zod';
import type { Prompter } from '../../inputs/prompter.js';
import { addressSchema } from '../../inputs/schemas.js';
import { askText } from '../ask.js';
import { cloudOf, type Screen, type TokenFacts, type WizardAnswers } from '../context.js';
import { writeFileAsked } from '../files.js';
import { buildExchangeScript, ps1FileContent, runScriptLines, sendsAsAnotherAddress, servicePrincipalLines } from '../powershell.js';
import { codeBlock, heading } from '../show.js';

export type ServicePrincipalAnswers = Pick<WizardAnswers, 'cloud' | 'tenantId' | 'clientId' | 'mailbox' | 'from' | 'senderName'>;

export interface ServicePrincipalInput {
  answers: ServicePrincipalAnswers;
  token: TokenFacts;
  workDir: string;
}

export interface ServicePrincipalDeps {
  prompter: Prompter;
  screen: Screen;
  remember(patch: Partial<ServicePrincipalAnswers>): Promise<void>;
}

export type ServicePrincipalOutcome =
  | { kind: 'next'; answers: ServicePrincipalAnswers; scriptPath: string | null }
  | { kind: 'stop' };

export const DEFAULT_SERVICE_PRINCIPAL_NAME = 'SMTP OAuth sender';
export const SCRIPT_FILE = 'smtp-oauth-setup-exchange.ps1';

/** A display name for recipients: one line, and short enough for a From header. */
export const senderNameSchema = z
  .string()
  .trim()
  .max(100, 'must be at most 100 characters')
  .refine((value) => !/[\r\n"<>]/.test(value), 'must be one line without " < >');

/**
 * Step 2: Exchange Online keeps its own record of the app (a service principal) and grants it the
 * mailbox. The object id comes from the token's `oid` claim, so the classic mistake — the app
 * registration's object id — cannot happen here.
 */
export async function servicePrincipalStep(input: ServicePrincipalInput, deps: ServicePrincipalDeps): Promise<ServicePrincipalOutcome> {
  const { prompter, screen } = deps;
  const c = screen.color;
  const answers: ServicePrincipalAnswers = { ...input.answers };

  screen.say(
    [
      heading(c, 2),
      'Exchange Online does not read app permissions from Entra ID for SMTP: it needs its own service',
      'principal for the app, and that service principal needs access to the mailbox it sends from.',
      `The object id it needs is the Enterprise application's, ${c.bold(input.token.servicePrincipalObjectId)}, taken from the`,
      'token\'s oid claim. The Object ID on the App registrations page is a different one; using it is the',
      'classic mistake behind "535 5.7.3 Authentication unsuccessful", and it cannot happen here.',
      '',
    ].join('\n'),
  );

  answers.mailbox = await askText(prompter, {
    name: 'mailbox',
    message: 'Mailbox to send from (the user name of the SMTP login)',
    schema: addressSchema,
    default: answers.mailbox,
  });
  await deps.remember({ mailbox: answers.mailbox });
  answers.from = await askText(prompter, {
    name: 'from',
    message: 'Sender address (From)',
    schema: addressSchema,
    default: answers.from || answers.mailbox,
  });
  await deps.remember({ from: answers.from });
  answers.senderName = await askText(prompter, {
    name: 'senderName',
    message: 'Sender name shown to recipients (Enter to skip)',
    schema: senderNameSchema,
    default: answers.senderName,
    optional: true,
  });
  await deps.remember({ senderName: answers.senderName });

  const values = {
    tenant: answers.tenantId ?? '',
    clientId: answers.clientId ?? '',
    servicePrincipalObjectId: input.token.servicePrincipalObjectId,
    displayName: input.token.appDisplayName ?? DEFAULT_SERVICE_PRINCIPAL_NAME,
    mailbox: answers.mailbox,
    from: answers.from,
    exchangeEnvironmentName: cloudOf(answers).exchangeEnvironmentName,
  };
  screen.say(
    [
      '',
      `Run this in PowerShell${sendsAsAnotherAddress(values) ? ' (SendAs because the sender is not the mailbox)' : ''}:`,
      '',
      codeBlock(c, servicePrincipalLines(values)),
      '',
    ].join('\n'),
  );

  let scriptPath: string | null = null;
  const save = await prompter.confirm({ name: 'saveScript', message: 'Save the PowerShell for steps 2 and 3 to a .ps1 file?', default: true });
  if (save) {
    scriptPath = await writeFileAsked(deps, {
      name: 'scriptPath',
      message: 'File name',
      defaultPath: SCRIPT_FILE,
      workDir: input.workDir,
      content: ps1FileContent(buildExchangeScript(values).script),
    });
    if (scriptPath !== null) screen.say(c.dim(runScriptLines(scriptPath).join('\n')));
  }

  const next = await prompter.select({
    name: 'servicePrincipalDone',
    message: 'Continue when the commands have run',
    default: 'continue',
    choices: [
      { value: 'continue', name: 'Continue to step 3' },
      { value: 'stop', name: 'Stop here (answers are saved; run again to continue)' },
    ],
  });
  return next === 'stop' ? { kind: 'stop' } : { kind: 'next', answers, scriptPath };
}
