import * as z from 'zod';
import { DEFAULT_WARN_DAYS } from '../../defaults.js';
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
import { msg, render } from '../../messages/index.js';
import { claimsBlock } from '../show.js';

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
  const answers: EntraAppAnswers = { ...input.answers };
  const cloud = cloudOf(answers);

  screen.show(
    { kind: 'heading', step: 1 },
    { kind: 'paragraph', text: msg('wizard.entra.where', { url: appRegistrationsUrl(cloud.portal) }) },
    { kind: 'note', text: msg('wizard.entra.where-path') },
    {
      kind: 'numbered',
      items: [
        msg('wizard.entra.register'),
        msg('wizard.entra.permission', { role: SEND_AS_APP_ROLE }),
        msg('wizard.entra.consent', { role: SEND_AS_APP_ROLE }),
        msg('wizard.entra.credential'),
        msg('wizard.entra.overview'),
      ],
    },
  );

  let credential: Credential | null = input.credential;
  const ask = {
    tenantId: async () => {
      answers.tenantId = await askText(prompter, {
        name: 'tenantId',
        message: msg('input.question.tenant-id'),
        schema: tenantIdSchema,
        default: answers.tenantId,
      });
      await deps.remember({ tenantId: answers.tenantId });
    },
    clientId: async () => {
      answers.clientId = await askText(prompter, {
        name: 'clientId',
        message: msg('input.question.client-id'),
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
        message: msg('wizard.ask.secret-expires'),
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
    screen.show({ kind: 'paragraph', text: msg('wizard.entra.getting-token', { clientId: answers.clientId ?? '' }) });
    const result = await deps.pipeline.checkToken(tokenInputsOf(answers, credential), screen.progress());
    const claims = result.token.claims;
    if (claims) screen.show({ kind: 'title', text: msg('wizard.claims.title') }, claimsBlock(claims, SEND_AS_APP_ROLE));
    for (const warning of result.warnings) screen.show({ kind: 'warning', text: warning });

    if (!result.diagnosis) {
      const objectId = result.token.servicePrincipalObjectId ?? (await askObjectId(prompter, screen));
      screen.show({ kind: 'success', text: msg('wizard.entra.done', { role: SEND_AS_APP_ROLE }) });
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
    screen.show({ kind: 'diagnosis', diagnosis: result.diagnosis });
    if (missingRole) screen.show({ kind: 'paragraph', text: msg('wizard.entra.consent-explained', { role: SEND_AS_APP_ROLE }) });
    const next = await prompter.select({
      name: 'tokenFailure',
      message: msg('wizard.ask.what-now'),
      askAlways: true,
      // A token without roles right after consent is a propagation answer: retrying is the way on.
      default: retryable(result.diagnosis, 'wizard') ? 'retry' : 'change',
      choices: [
        { value: 'retry', name: msg(missingRole ? 'wizard.entra.retry-after-consent' : 'wizard.entra.retry') },
        { value: 'change', name: msg('wizard.entra.change', { credential: credential.kind }) },
        { value: 'stop', name: msg('wizard.choice.stop') },
      ],
    });
    if (next === 'stop') return { kind: 'stop', exitCode: result.diagnosis.exitCode ?? ExitCode.token };
    if (next === 'retry') {
      const note = deps.demo?.repairTenant();
      if (note) screen.show({ kind: 'demo', text: note });
      continue;
    }
    const field = await prompter.select({
      name: 'changeField',
      message: msg('wizard.ask.which-value'),
      default: suggestField(result),
      choices: [
        { value: 'tenantId', name: msg('wizard.change.tenant-id', { value: answers.tenantId ?? '' }) },
        { value: 'clientId', name: msg('wizard.change.client-id', { value: answers.clientId ?? '' }) },
        { value: 'credential', name: msg('wizard.change.credential') },
        ...(credential.kind === 'secret' ? [{ value: 'secretExpires' as const, name: msg('wizard.change.secret-expires', { value: answers.secretExpires || undefined }) }] : []),
      ],
    });
    if (field === 'credential') {
      if (!(await ask.credential(false))) return { kind: 'stop', exitCode: ExitCode.ok };
    } else await ask[field]();
  }
}

/** The date is only a reminder, but a past or near one is worth saying at once (`check`'s own rule). */
function warnAboutExpiry(screen: Screen, given: string, clientId: string | undefined): void {
  const expiry = secretExpiryStatus(secretExpiresSchema.parse(given), new Date(), DEFAULT_WARN_DAYS);
  if (expiry.state === 'expired') {
    screen.show({ kind: 'warning', text: msg('wizard.entra.secret-expired', { date: expiry.expiresOn }) });
  } else {
    // `check`'s own warning, in its words (null when the date is far enough ahead).
    const warning = secretExpiryWarning(expiry, clientId);
    if (warning) screen.show({ kind: 'warning', text: warning });
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
  screen.show({ kind: 'warning', text: msg('wizard.entra.no-oid') });
  return askText(prompter, {
    name: 'servicePrincipalObjectId',
    message: msg('wizard.ask.object-id'),
    schema: z.string().trim().refine(isGuid, { error: () => render(msg('wizard.entra.object-id-invalid')) }),
  });
}
