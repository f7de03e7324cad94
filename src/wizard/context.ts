import type { Platform } from '../platform.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../defaults.js';
import type { Message } from '../messages/index.js';
import type { CheckReport, StageEvents, TokenCheck, TokenCheckInputs } from '../check/run.js';
import { type Cloud, CLOUDS, type CloudName } from '../cloud.js';
import type { ConfigStore, SavedAnswers } from '../config/store.js';
import type { CheckInputs } from '../inputs/check-inputs.js';
import type { Credential } from '../inputs/credential.js';
import type { Prompter } from '../inputs/prompter.js';
import {
  addressSchema,
  authorityHostSchema,
  clientIdSchema,
  cloudSchema,
  hostSchema,
  portSchema,
  proxyUrlSchema,
  secretExpiresSchema,
  tenantIdSchema,
  timeoutSecondsSchema,
} from '../inputs/schemas.js';
import type { Block } from './show.js';

/**
 * The wizard's context: what it knows so far (answers, the credential in memory, what the token showed,
 * which steps are done) and the services every step is handed (prompter, screen, the pipeline, a
 * clock). Steps receive only the parts they need; the runner in index.ts owns the whole.
 */

export type StepId = 'before-start' | 'entra-app' | 'service-principal' | 'smtp-auth' | 'test-mail' | 'finish';

/**
 * Answers as text, exactly as saved; each is validated with its schema on entry and when used.
 * `proxy` is taken from --proxy for this run only and never saved (a proxy URL may carry a password).
 */
export type WizardAnswers = SavedAnswers & { proxy?: string };

/** What the token of step 1 showed that later steps need. */
export interface TokenFacts {
  /** The `oid` claim: the Enterprise application's object id, for New-ServicePrincipal -ObjectId. */
  servicePrincipalObjectId: string;
  /** The `tid` claim: the tenant's GUID even when a domain was entered. */
  tenantGuid?: string;
  /** The app's display name (`app_displayname`), for New-ServicePrincipal -DisplayName. */
  appDisplayName?: string;
}

export interface WizardState {
  answers: WizardAnswers;
  /**
   * A client secret (in memory only, unless the user asks to keep it: `saveSecret`) or a certificate
   * (its key stays in its 0600 file; the answers keep only `certificatePath`).
   */
  credential: Credential | null;
  saveSecret: boolean;
  token: TokenFacts | null;
  completed: StepId[];
  scriptPath: string | null;
}

/**
 * What a step may show: blocks of src/wizard/show.ts (what, in messages), laid out and coloured by
 * the screen. Everything goes through the output's redactor on its way to the terminal.
 */
export interface Screen {
  /** Blocks for the person at the terminal (stderr, where the prompts draw); a report goes where `check` puts it. */
  show(...blocks: Block[]): void;
  /** The final settings (stdout). */
  result(...blocks: Block[]): void;
  /** One line redrawn in place (the countdown); replaced by the next status or blocks. */
  status(text: Message): void;
  clearStatus(): void;
  /** Live progress of the pipeline's stages, as `check` shows it. */
  progress(): StageEvents;
}

/**
 * How step 4 waits and retries: changes of steps 2 and 3 apply after 15–30 minutes, a new mailbox
 * can take up to a day (catalog F).
 */
export interface WaitPlan {
  intervalMs: number;
  attempts: number;
}

/** Every 5 minutes for an hour. */
export const DEFAULT_WAIT: WaitPlan = { intervalMs: 5 * 60_000, attempts: 12 };

/** The pipeline as the wizard uses it: the same functions as `check`, nothing of its own. */
export interface Pipeline {
  /** Token and claims, no SMTP: a fresh token every call (never a cached one). */
  checkToken(inputs: TokenCheckInputs, events: StageEvents): Promise<TokenCheck>;
  runCheck(inputs: CheckInputs, events: StageEvents): Promise<CheckReport>;
}

export interface Clock {
  now(): Date;
  /** Resolves after `ms`; rejects with CancelledError when the user presses Ctrl-C. */
  sleep(ms: number): Promise<void>;
}

/** The services the runner hands to the steps. */
export interface WizardServices {
  prompter: Prompter;
  screen: Screen;
  pipeline: Pipeline;
  clock: Clock;
  store: ConfigStore;
  /** Where the .ps1, settings JSON and .env go by default (the current directory). */
  workDir: string;
  /** Set when running against the built-in sandbox (`demo` on a terminal). */
  demo?: DemoHooks;
  /** How step 4 waits and retries (default: every 5 minutes for an hour). */
  wait?: WaitPlan;
  /** The system and shell the printed commands are for (src/platform.ts); POSIX when not given. */
  platform?: Platform;
}

export interface DemoHooks {
  /** Before a retry: the sandbox plays the admin who fixed the tenant; returns a line to show. */
  repairTenant(): Message | null;
  /** The sandbox plays the admin who uploads the new certificate to the app; returns a line to show. */
  uploadCertificate?(certificatePem: string): Message | null;
}

export function cloudOf(answers: Pick<WizardAnswers, 'cloud'>): Cloud {
  return CLOUDS[cloudSchema.parse(answers.cloud ?? 'global') as CloudName];
}

/** The token stage's inputs from the answers (validated again with the shared schemas). */
export function tokenInputsOf(
  answers: Pick<WizardAnswers, 'cloud' | 'tenantId' | 'clientId' | 'authorityHost' | 'timeout' | 'proxy'>,
  credential: Credential,
): TokenCheckInputs {
  const cloud = cloudOf(answers);
  return {
    cloud,
    tenantId: tenantIdSchema.parse(answers.tenantId),
    clientId: clientIdSchema.parse(answers.clientId),
    credential,
    authorityHost: authorityHostSchema.parse(answers.authorityHost || cloud.authorityHost),
    timeoutSeconds: timeoutSecondsSchema.parse(answers.timeout || String(DEFAULT_TIMEOUT_SECONDS)),
    proxy: answers.proxy ? proxyUrlSchema.parse(answers.proxy) : null,
  };
}

/** Everything `check` runs with, from the answers: the same schemas, the same defaults. */
export function checkInputsOf(answers: WizardAnswers, credential: Credential): CheckInputs {
  const token = tokenInputsOf(answers, credential);
  const mailbox = addressSchema.parse(answers.mailbox);
  return {
    ...token,
    mailbox,
    from: answers.from ? addressSchema.parse(answers.from) : mailbox,
    to: answers.to ? addressSchema.parse(answers.to) : null,
    smtpHost: hostSchema.parse(answers.smtpHost || token.cloud.smtpHost),
    smtpPort: portSchema.parse(answers.smtpPort || String(token.cloud.smtpPort)),
    // The expiry the admin gave in step 1: `check` warns before it and diagnoses a secret past it.
    // A certificate carries its own expiry.
    secretExpires: credential.kind === 'secret' && answers.secretExpires ? secretExpiresSchema.parse(answers.secretExpires) : null,
  };
}
