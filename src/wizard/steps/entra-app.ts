import { z } from 'zod';
import { retryable } from '../../check/retry-policy.js';
import type { TokenCheck } from '../../check/run.js';
import { secretExpiryStatus, secretExpiryWarning } from '../../check/secret-expiry.js';
import { ExitCode } from '../../exit-codes.js';
import type { Credential } from '../../inputs/credential.js';
import type { Prompter } from '../../inputs/prompter.js';
import { clientIdSchema, isGuid, secretExpiresSchema, tenantIdSchema } from '../../inputs/schemas.js';
import { SEND_AS_APP_ROLE } from '../../token/claims.js';
import { askText } from '../ask.js';
import { cloudOf, type DemoHooks, type Pipeline, type Screen, type TokenFacts, tokenInputsOf, type WizardAnswers } from '../context.js';
import { chooseCredential, credentialAnswers } from '../credential.js';
import { renderDiagnosis } from '../../report/human.js';
import { claimLines, heading, indent, numbered } from '../show.js';

export type EntraAppAnswers = Pick<
  WizardAnswers,
  'cloud' | 'tenantId' | 'clientId' | 'certificatePath' | 'secretExpires' | 'authorityHost' | 'timeout' | 'proxy'
>;

export interface EntraAppInput {
  answers: EntraAppAnswers;
  /**
   * A credential given before the walk (--client-secret-file, AZURE_CLIENT_SECRET, a secret saved on
   * request; --certificate, AZURE_CLIENT_CERTIFICATE_PATH, a saved certificate path).
   */
  credential: Credential | null;
  /** Where a new certificate's files go by default. */
  workDir: string;
}

export interface EntraAppDeps {
  prompter: Prompter;
  screen: Screen;
  pipeline: Pick<Pipeline, 'checkToken'>;
  /** Saves answers as they are given (never the secret; a certificate by its file's path). */
  remember(patch: Partial<EntraAppAnswers>): Promise<void>;
  demo?: DemoHooks;
}

export type EntraAppOutcome =
  | { kind: 'next'; answers: EntraAppAnswers; credential: Credential; token: TokenFacts }
  | { kind: 'stop'; exitCode: number };

/** The portal's App registrations list (same blade path in the Entra admin center and the Azure portals). */
export function appRegistrationsUrl(portal: string): string {
  return `${portal}/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade`;
}

/**
 * Step 1: the app registration, in the portal's own words, then tenant id, client id and the
 * credential (a secret, or a certificate made here or brought), each validated on entry; then a fresh
 * token at once, and the claims that decide whether SMTP can work. Without SMTP.SendAsApp it explains
 * admin consent and tries again when the admin says so.
 */
export async function entraAppStep(input: EntraAppInput, deps: EntraAppDeps): Promise<EntraAppOutcome> {
  const { prompter, screen } = deps;
  const c = screen.color;
  const answers: EntraAppAnswers = { ...input.answers };
  const cloud = cloudOf(answers);

  screen.say(
    [
      heading(c, 1),
      `In ${c.underline(appRegistrationsUrl(cloud.portal))}`,
      c.dim('(Microsoft Entra admin center → Identity → Applications → App registrations):'),
      '',
      indent(
        numbered([
          `${c.bold('New registration')} → a name such as "SMTP sender" → Supported account types: ${c.bold('Accounts in this organizational directory only (Single tenant)')} → ${c.bold('Register')}.`,
          `${c.bold('API permissions')} → ${c.bold('Add a permission')} → ${c.bold('APIs my organization uses')} → ${c.bold('Office 365 Exchange Online')} → ${c.bold('Application permissions')} → ${c.bold(SEND_AS_APP_ROLE)} → ${c.bold('Add permissions')}.`,
          `${c.bold('Grant admin consent')} for your organization → Yes. The status of ${SEND_AS_APP_ROLE} must read "Granted", type "Application".`,
          `${c.bold('Certificates & secrets')}: either ${c.bold('Client secrets')} → ${c.bold('New client secret')} → Add, then copy the ${c.bold('Value')} at once (it is shown only once, and the Secret ID next to it is not the secret); or a certificate, which this wizard can create for you in a moment.`,
          `${c.bold('Overview')}: the Application (client) ID and the Directory (tenant) ID are the next two answers.`,
        ]),
      ),
      '',
    ].join('\n'),
  );

  let credential: Credential | null = input.credential;
  const ask = {
    tenantId: async () => {
      answers.tenantId = await askText(prompter, {
        name: 'tenantId',
        message: 'Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com',
        schema: tenantIdSchema,
        default: answers.tenantId,
      });
      await deps.remember({ tenantId: answers.tenantId });
    },
    clientId: async () => {
      answers.clientId = await askText(prompter, {
        name: 'clientId',
        message: 'Application (client) ID',
        schema: clientIdSchema,
        default: answers.clientId,
      });
      await deps.remember({ clientId: answers.clientId });
    },
    /** False when the admin stops (a new certificate not uploaded yet). */
    credential: async (offerCurrent: boolean): Promise<boolean> => {
      const outcome = await chooseCredential(
        { clientId: answers.clientId ?? '', given: offerCurrent ? credential : null, certificatePath: answers.certificatePath, workDir: input.workDir },
        { prompter, screen, ...(deps.demo && { demo: deps.demo }) },
      );
      const patch = credentialAnswers(outcome, answers);
      Object.assign(answers, patch);
      if (Object.keys(patch).length > 0) await deps.remember(patch);
      if (outcome.kind === 'stop') return false;
      credential = outcome.credential;
      if (credential.kind === 'secret') await ask.secretExpires();
      return true;
    },
    secretExpires: async () => {
      answers.secretExpires = await askText(prompter, {
        name: 'secretExpires',
        message: 'When does the secret expire? (its Expires column, e.g. 2027-05-31; Enter to skip)',
        schema: secretExpiresSchema,
        default: answers.secretExpires,
        optional: true,
      });
      await deps.remember({ secretExpires: answers.secretExpires });
      if (answers.secretExpires) warnAboutExpiry(screen, answers.secretExpires, answers.clientId);
    },
  };

  await ask.tenantId();
  await ask.clientId();
  if (!(await ask.credential(true)) || !credential) return { kind: 'stop', exitCode: ExitCode.ok };

  for (;;) {
    screen.say(`\nGetting a fresh token for app ${answers.clientId} (never a cached one)…`);
    const result = await deps.pipeline.checkToken(tokenInputsOf(answers, credential), screen.progress());
    const claims = result.token.claims;
    if (claims) screen.say(['', c.bold('The token\'s claims'), indent(claimLines(c, claims, SEND_AS_APP_ROLE))].join('\n'));
    for (const warning of result.warnings) screen.say(c.yellow(`! ${warning}`));

    if (!result.diagnosis) {
      const objectId = result.token.servicePrincipalObjectId ?? (await askObjectId(prompter, screen));
      screen.say(`\n${c.green.bold('✔ Step 1 done:')} the app gets tokens for Exchange Online with ${SEND_AS_APP_ROLE}.`);
      return {
        kind: 'next',
        answers,
        credential,
        token: {
          servicePrincipalObjectId: objectId,
          ...(claims?.tid && { tenantGuid: claims.tid }),
          ...(claims?.appDisplayName && { appDisplayName: claims.appDisplayName }),
        },
      };
    }

    const missingRole = result.diagnosis.code === 'token-missing-role';
    screen.say(['', ...renderDiagnosis(result.diagnosis, c)].join('\n'));
    if (missingRole) {
      screen.say(
        [
          '',
          `Admin consent is what turns the ${SEND_AS_APP_ROLE} permission into a role in the token. Until an`,
          'administrator grants it, Entra ID issues tokens without the role and Exchange refuses them.',
          'Once it is granted, a fresh token carries the role at once: this walk never reuses a cached token.',
        ].join('\n'),
      );
    }
    const next = await prompter.select({
      name: 'tokenFailure',
      message: 'What now?',
      askAlways: true,
      // A token without roles right after consent is a propagation answer: retrying is the way on.
      default: retryable(result.diagnosis, 'wizard') ? 'retry' : 'change',
      choices: [
        { value: 'retry', name: missingRole ? 'I have granted admin consent: try again with a fresh token' : 'Try again with a fresh token' },
        { value: 'change', name: `Change the tenant ID, client ID or ${credential.kind === 'secret' ? 'secret' : 'certificate'}` },
        { value: 'stop', name: 'Stop here (answers are saved; run again to continue)' },
      ],
    });
    if (next === 'stop') return { kind: 'stop', exitCode: result.diagnosis.exitCode ?? ExitCode.token };
    if (next === 'retry') {
      const note = deps.demo?.repairTenant();
      if (note) screen.say(c.yellow(note));
      continue;
    }
    const field = await prompter.select({
      name: 'changeField',
      message: 'Which value?',
      default: suggestField(result),
      choices: [
        { value: 'tenantId', name: `Tenant ID (${answers.tenantId})` },
        { value: 'clientId', name: `Client ID (${answers.clientId})` },
        { value: 'credential', name: 'Client secret or certificate' },
        ...(credential.kind === 'secret' ? [{ value: 'secretExpires' as const, name: `Secret expiry date (${answers.secretExpires || 'not given'})` }] : []),
      ],
    });
    if (field === 'credential') {
      if (!(await ask.credential(false))) return { kind: 'stop', exitCode: ExitCode.ok };
    } else await ask[field]();
  }
}

/** The date is only a reminder, but a past or near one is worth saying at once (`check`'s own rule). */
function warnAboutExpiry(screen: Screen, given: string, clientId: string | undefined): void {
  const expiry = secretExpiryStatus(secretExpiresSchema.parse(given), new Date(), 30);
  if (expiry.state === 'expired') {
    screen.say(screen.color.yellow(`! ${expiry.expiresOn} has passed: Entra ID refuses an expired secret (AADSTS7000222). Create a new one and enter its Value and date.`));
  } else if (expiry.state === 'expiring') {
    screen.say(screen.color.yellow(`! ${secretExpiryWarning(expiry, clientId)}`));
  }
}

/** The value a diagnosis points at, to offer first. */
function suggestField(result: TokenCheck): 'tenantId' | 'clientId' | 'credential' {
  const code = result.diagnosis?.code ?? '';
  if (code.startsWith('tenant')) return 'tenantId';
  if (code.startsWith('app-') || code.includes('client-id')) return 'clientId';
  return 'credential';
}

/** A token without `oid` should not happen for app-only tokens; ask rather than guess. */
async function askObjectId(prompter: Prompter, screen: Screen): Promise<string> {
  screen.say(
    screen.color.yellow('! The token names no object id (oid). Copy the Object ID from Enterprise applications → the app → Overview (not from App registrations).'),
  );
  return askText(prompter, {
    name: 'servicePrincipalObjectId',
    message: 'Object ID of the Enterprise application',
    schema: z.string().trim().refine(isGuid, 'must be a GUID, from Enterprise applications → the app → Overview → Object ID'),
  });
}
