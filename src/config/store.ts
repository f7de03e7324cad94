import { readFile } from 'node:fs/promises';
import { join, posix, resolve, win32 } from 'node:path';
import * as z from 'zod';
import { InputError } from '../errors.js';
import type { SavedInputs, SavedSecret } from '../inputs/check-inputs.js';
import type { Secret } from '../inputs/secret.js';
import { type CommandRunner, readableByOthersProblem } from '../fs/private-mode.js';
import { writeUserFile } from '../fs/write-file.js';
import { readErrorReason } from '../fs-errors.js';
import { READ_LIMITS, readTextFile } from '../io.js';
import { type Message, msg, t } from '../messages/index.js';
import { type SecretRef, type SecretStore, SecretStoreUnavailableError, secretRefFor } from './secret-store.js';

/**
 * The saved configuration: the wizard's answers and progress, in the user's config directory, and
 * the lowest-priority source of `check`'s inputs (flag > environment > saved > prompt). It never holds
 * the client secret unless the user asked for that; then the secret goes to the operating system's
 * credential store and the file keeps a reference (`clientSecretRef`), or, where no store is
 * available, the file keeps the secret itself and must stay private (0600).
 */


export const CONFIG_DIR_ENV = 'SMTP_OAUTH_SETUP_CONFIG_DIR';
const APP_DIR = 'smtp-oauth-setup';
const FILE_NAME = 'config.json';

/** The answers the wizard remembers, as text (each is validated again with its schema when used). */
export const ANSWER_KEYS = [
  'cloud',
  'tenantId',
  'clientId',
  // The PEM with the certificate and its private key, when the app uses a certificate credential: the
  // path only; the key stays in that file (0600), so this is saved without asking.
  'certificatePath',
  'secretExpires',
  'mailbox',
  'from',
  'senderName',
  'to',
  'authorityHost',
  'smtpHost',
  'smtpPort',
  'timeout',
] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];
export type SavedAnswers = Partial<Record<AnswerKey, string>>;

export interface SavedConfig {
  version: 1;
  savedAt: string;
  answers: SavedAnswers;
  /** Only when the user asked to keep it and no credential store was available (older versions: always). */
  clientSecret?: string;
  /** The kept secret's entry in the OS credential store. */
  clientSecretRef?: SecretRef;
  /** What the last token showed: the service principal object id for step 2 survives a restart. */
  token?: { servicePrincipalObjectId: string; tenantGuid?: string; appDisplayName?: string };
  wizard?: { completed: string[]; finished: boolean; scriptPath?: string };
}

export type ConfigContent = Omit<SavedConfig, 'version' | 'savedAt' | 'clientSecret' | 'clientSecretRef'>;

const configSchema = z.object({
  version: z.literal(1),
  savedAt: z.string().optional(),
  answers: z.partialRecord(z.enum(ANSWER_KEYS), z.string()).default({}),
  clientSecret: z.string().optional(),
  clientSecretRef: z.object({ store: z.literal('os'), service: z.string().min(1), account: z.string().min(1) }).strict().optional(),
  token: z
    .object({ servicePrincipalObjectId: z.string(), tenantGuid: z.string().optional(), appDisplayName: z.string().optional() })
    .optional(),
  wizard: z.object({ completed: z.array(z.string()), finished: z.boolean(), scriptPath: z.string().optional() }).optional(),
});

/** The file's first problem, by its key (`timeout: must be text in quotes ("30", not 30)`), and what to do. */
function describeIssue(path: string, issue: z.core.$ZodIssue | undefined): Message {
  if (!issue) return msg('config.invalid.unreadable', { path });
  // Answers sit under `answers`; the user knows them by their own names (`timeout`, `smtpPort`).
  const full = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const keyPath = full[0] === 'answers' && full.length > 1 ? full.slice(1) : full;
  const key = keyPath.map(String).join('.') || undefined;
  if (issue.code === 'invalid_type') {
    const expected = issue.expected === 'string' ? 'text' : issue.expected === 'object' || issue.expected === 'record' ? 'object' : 'other';
    return msg('config.invalid.type', { path, key, expected, type: issue.expected });
  }
  if (issue.code === 'unrecognized_keys') return msg('config.invalid.unknown-key', { path, key: key ?? '' });
  if (issue.code === 'invalid_value' && issue.path[0] === 'version') return msg('config.invalid.version', { path });
  return msg('config.invalid.other', { path, key, problem: issue.message });
}

/** The config file exists but cannot be used as it is. */
export class UnreadableConfigError extends InputError {}
/** The config file holds the client secret and other users can read it. */
export class InsecureConfigError extends InputError {}

/**
 * The user's config directory, from the injected environment only (so tests and the spawned CLI
 * without HOME never touch a real one): SMTP_OAUTH_SETUP_CONFIG_DIR, else %APPDATA% on Windows,
 * ~/Library/Preferences on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere (XDG Base Directory spec:
 * a relative XDG_CONFIG_HOME is ignored). Null when none can be determined.
 */
export function configDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | null {
  const override = env[CONFIG_DIR_ENV];
  if (override) return resolve(override);
  // The platform's own path rules, so that the answer is the same whichever system runs the tests.
  if (platform === 'win32') return env.APPDATA ? win32.join(env.APPDATA, APP_DIR) : null;
  if (platform === 'darwin') return env.HOME ? posix.join(env.HOME, 'Library', 'Preferences', APP_DIR) : null;
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && posix.isAbsolute(xdg)) return posix.join(xdg, APP_DIR);
  return env.HOME ? posix.join(env.HOME, '.config', APP_DIR) : null;
}

/** Where saved answers live; the wizard's demo uses one that keeps them in memory only. */
export interface ConfigStore {
  /** The file, or null when nothing is written to disk. */
  readonly path: string | null;
  load(): Promise<SavedConfig | null>;
  /** Replaces the saved configuration; the secret is written only when given. */
  save(content: ConfigContent, options?: { secret?: Secret | null }): Promise<void>;
}

export interface FileConfigStoreOptions {
  platform?: NodeJS.Platform;
  /** Runs icacls, whoami and PowerShell for the file's ACL on Windows (tests inject fixed outputs). */
  aclRunner?: CommandRunner;
  /** Where a secret to keep goes; without one it is kept in the file (0600), as before the store existed. */
  secrets?: SecretStore | null;
  /** The one line that says a secret went to the file because the store is not available. */
  notice?: (line: string) => void;
}

export function fileConfigStore(directory: string, options: FileConfigStoreOptions = {}): ConfigStore {
  const { platform = process.platform, secrets = null, notice = () => undefined, aclRunner } = options;
  // A file that could not be made private is said where notices go (stderr when none is given).
  const warn = options.notice;
  const path = join(directory, FILE_NAME);
  const keep = secretKeeper(secrets, (reason) => notice(t('config.secret-in-file', { path, reason })));
  return {
    path,
    async load() {
      let text: string;
      try {
        text = await readTextFile(path, READ_LIMITS.config);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return null;
        throw new UnreadableConfigError([msg('config.read-failed', { path, reason: readErrorReason(error) })]);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new UnreadableConfigError([msg('config.not-json', { path })]);
      }
      const parsed = configSchema.safeParse(json);
      if (!parsed.success) {
        // Name the key, so a hand-edited file can be corrected rather than thrown away.
        throw new UnreadableConfigError([describeIssue(path, parsed.error.issues[0])]);
      }
      const config = parsed.data as SavedConfig;
      if (config.clientSecret !== undefined) {
        const exposed = await readableByOthersProblem(path, 'client-secret', platform, aclRunner);
        if (exposed) throw new InsecureConfigError([exposed]);
      }
      return config;
    },
    async save(content, options = {}) {
      const kept = options.secret ? await keep(content, options.secret) : null;
      // The config directory is the tool's own: created (0700) when missing.
      await writeUserFile(path, serialise(content, kept), { private: true, createDirectory: true, platform: { os: platform }, ...(warn && { warn }), ...(aclRunner && { run: aclRunner }) });
    },
  };
}

export function memoryConfigStore(initial: SavedConfig | null = null): ConfigStore & { saved: SavedConfig | null } {
  const store = {
    path: null,
    saved: initial,
    async load() {
      return store.saved;
    },
    async save(content: ConfigContent, options: { secret?: Secret | null } = {}) {
      store.saved = JSON.parse(serialise(content, options.secret ? { secret: options.secret.reveal() } : null)) as SavedConfig;
    },
  };
  return store;
}

/** How a kept secret is written: a reference to its store entry, or (no store) the secret itself. */
type KeptSecret = { ref: SecretRef } | { secret: string };

/**
 * Puts the secret to keep in the store, once per value (the wizard saves after every answer), and
 * answers with what the file records. Without a store, or when it fails, the secret goes to the file
 * and the notice is given once; the store is not asked again in this run.
 */
function secretKeeper(secrets: SecretStore | null, fellBack: (reason: string) => void) {
  let stored: { account: string; value: string } | null = null;
  let unavailable = secrets === null;
  return async (content: ConfigContent, secret: Secret): Promise<KeptSecret> => {
    const value = secret.reveal();
    const { tenantId, clientId } = content.answers;
    if (unavailable || !secrets || !tenantId || !clientId) return { secret: value };
    const ref = secretRefFor(tenantId, clientId);
    if (stored?.account === ref.account && stored.value === value) return { ref };
    try {
      await secrets.set(ref, value);
      stored = { account: ref.account, value };
      return { ref };
    } catch (error) {
      if (!(error instanceof SecretStoreUnavailableError)) throw error;
      unavailable = true;
      fellBack(error.message);
      return { secret: value };
    }
  };
}

function serialise(content: ConfigContent, kept: KeptSecret | null): string {
  const answers = Object.fromEntries(ANSWER_KEYS.filter((k) => content.answers[k] !== undefined && content.answers[k] !== '').map((k) => [k, content.answers[k]]));
  const config: SavedConfig = {
    version: 1,
    savedAt: new Date().toISOString(),
    answers,
    ...(kept && 'secret' in kept && { clientSecret: kept.secret }),
    ...(kept && 'ref' in kept && { clientSecretRef: kept.ref }),
    ...(content.token && { token: content.token }),
    ...(content.wizard && { wizard: content.wizard }),
  };
  return JSON.stringify(config, null, 2) + '\n';
}

/**
 * The saved configuration as `check` reads it. The recipient is left out on purpose: `check` sends a
 * message only when asked with --to, never because the wizard once sent one.
 */
export function savedCheckInputs(config: SavedConfig | null): SavedInputs {
  if (!config) return {};
  const { tenantId, clientId, mailbox, from, authorityHost, smtpHost, smtpPort, timeout, cloud, secretExpires, certificatePath } = config.answers;
  const saved: Record<string, string | undefined> = {
    cloud,
    tenantId,
    clientId,
    mailbox,
    from,
    authorityHost,
    smtpHost,
    smtpPort,
    timeout,
    // The expiry date given in the wizard's step 1: `check` warns before it.
    secretExpires,
    clientSecret: config.clientSecret,
    certificate: certificatePath,
  };
  return Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined && v !== '')) as SavedInputs;
}

/**
 * The secret the configuration refers to, read from the credential store only when `check` or the
 * wizard needs it (no secret given now): undefined when the file keeps no reference. A missing entry
 * or an unreachable store is one problem line (exit 2) that says how to give the secret again.
 */
export function savedSecretReader(config: SavedConfig | null, secrets: SecretStore): SavedSecret | undefined {
  const ref = config?.clientSecretRef;
  // A secret kept in the file itself (an older version, or no store then) comes first.
  if (!ref || config.clientSecret !== undefined) return undefined;
  return async () => {
    try {
      const secret = await secrets.get(ref);
      return secret === null ? { problem: t('config.secret-entry-missing', { service: ref.service, account: ref.account }) } : { secret };
    } catch (error) {
      if (!(error instanceof SecretStoreUnavailableError)) throw error;
      return { problem: t('config.secret-store-unavailable', { service: ref.service, account: ref.account, reason: error.message }) };
    }
  };
}

/**
 * The saved configuration for `check`: none without a config directory; a broken file is reported
 * and ignored (flags and environment still work), a secret readable by others is refused (exit 2).
 */
export async function loadSavedConfig(env: NodeJS.ProcessEnv, warn: (message: string) => void): Promise<SavedConfig | null> {
  const directory = configDirectory(env);
  if (!directory) return null;
  try {
    return await fileConfigStore(directory).load();
  } catch (error) {
    if (!(error instanceof UnreadableConfigError)) throw error;
    warn(t('config.ignored', { problem: error.message }));
    return null;
  }
}
