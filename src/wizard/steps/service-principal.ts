import * as z from 'zod';
import type { Prompter } from '../../inputs/prompter.js';
import { addressSchema } from '../../inputs/schemas.js';
import { askText } from '../ask.js';
import { cloudOf, type Screen, type TokenFacts, type WizardAnswers } from '../context.js';
import { writeFileAsked } from '../files.js';
import { msg, render } from '../../messages/index.js';
import { buildExchangeScript, ps1FileContent, runScriptBlocks, sendsAsAnotherAddress, servicePrincipalLines } from '../powershell.js';

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
  .max(100, { error: () => render(msg('wizard.sender-name.too-long', { max: 100 })) })
  .refine((value) => !/[\r\n"<>]/.test(value), { error: () => render(msg('wizard.sender-name.one-line')) });

/**
 * Step 2: Exchange Online keeps its own record of the app (a service principal) and grants it the
 * mailbox. The object id comes from the token's `oid` claim, so the classic mistake — the app
 * registration's object id — cannot happen here.
 */
export async function servicePrincipalStep(input: ServicePrincipalInput, deps: ServicePrincipalDeps): Promise<ServicePrincipalOutcome> {
  const { prompter, screen } = deps;
  const answers: ServicePrincipalAnswers = { ...input.answers };

  screen.show(
    { kind: 'heading', step: 2 },
    { kind: 'paragraph', text: msg('wizard.sp.why') },
    { kind: 'paragraph', text: msg('wizard.sp.object-id', { objectId: input.token.servicePrincipalObjectId }), gap: false },
  );

  answers.mailbox = await askText(prompter, {
    name: 'mailbox',
    message: msg('input.question.mailbox'),
    schema: addressSchema,
    default: answers.mailbox,
  });
  await deps.remember({ mailbox: answers.mailbox });
  answers.from = await askText(prompter, {
    name: 'from',
    message: msg('wizard.ask.from'),
    schema: addressSchema,
    default: answers.from || answers.mailbox,
  });
  await deps.remember({ from: answers.from });
  answers.senderName = await askText(prompter, {
    name: 'senderName',
    message: msg('wizard.ask.sender-name'),
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
  screen.show(
    { kind: 'paragraph', text: msg('wizard.sp.run', { sendAs: sendsAsAnotherAddress(values) }) },
    { kind: 'commands', lines: servicePrincipalLines(values) },
  );

  let scriptPath: string | null = null;
  const save = await prompter.confirm({ name: 'saveScript', message: msg('wizard.ask.save-script'), default: true });
  if (save) {
    scriptPath = await writeFileAsked(deps, {
      name: 'scriptPath',
      message: msg('wizard.ask.file-name'),
      defaultPath: SCRIPT_FILE,
      workDir: input.workDir,
      content: ps1FileContent(buildExchangeScript(values).script),
    });
    if (scriptPath !== null) screen.show(...runScriptBlocks(scriptPath));
  }

  const next = await prompter.select({
    name: 'servicePrincipalDone',
    message: msg('wizard.ask.continue-when-run'),
    default: 'continue',
    choices: [
      { value: 'continue', name: msg('wizard.sp.continue') },
      { value: 'stop', name: msg('wizard.choice.stop') },
    ],
  });
  return next === 'stop' ? { kind: 'stop' } : { kind: 'next', answers, scriptPath };
}
