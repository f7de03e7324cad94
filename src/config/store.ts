import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import type { SavedInputs } from '../inputs/check-inputs.js';
import type { Secret } from '../inputs/secret.js';
import { readableByOthersProblem } from '../fs/private-mode.js';
import { writeUserFile } from '../fs/write-file.js';
import { readErrorReason } from '../fs-errors.js';
import { READ_LIMITS, readTextFile } from '../io.js';

/**
 * The saved configuration: the wizard's answers and progress, in the user's config directory, and
 * the lowest-priority source of `check`'s inputs (flag > environment > saved > prompt). It never holds
 * the client secret unless the user asked for that; then the file must stay private (0600).
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
  /** Only when the user asked to keep it. */
  clientSecret?: string;
  /** What the last token showed: the service principal object id for step 2 survives a restart. */
  token?: { servicePrincipalObjectId: string; tenantGuid?: string; appDisplayName?: string };
  wizard?: { completed: string[]; finished: boolean; scriptPath?: string };
}

export type ConfigContent = Omit<SavedConfig, 'version' | 'savedAt' | 'clientSecret'>;

const configSchema = z.object({
  version: z.literal(1),
  savedAt: z.string().optional(),
  answers: z.partialRecord(z.enum(ANSWER_KEYS), z.string()).default({}),
  clientSecret: z.string().optional(),
  token: z
    .object({ servicePrincipalObjectId: z.string(), tenantGuid: z.string().optional(), appDisplayName: z.string().optional() })
    .optional(),
  wizard: z.object({ completed: z.array(z.string()), finished: z.boolean(), scriptPath: z.string().optional() }).optional(),
});

/** One problem of the file, by its key: `timeout: must be text in quotes, such as "20"`. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'cannot be read';
  // Answers sit under `answers`; the user knows them by their own names (`timeout`, `smtpPort`).
  const full = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const path = full[0] === 'answers' && full.length > 1 ? full.slice(1) : full;
  const key = path.map(String).join('.') || 'the file';
  if (issue.code === 'invalid_type') {
    const expected =
      issue.expected === 'string'
        ? 'text in quotes ("30", not 30)'
        : issue.expected === 'object' || issue.expected === 'record'
          ? 'an object ({ … })'
          : `of type ${issue.expected}`;
    return `${key}: must be ${expected}`;
  }
  if (issue.code === 'unrecognized_keys') return `${key}: is not a key smtp-oauth-setup saves`;
  if (issue.code === 'invalid_value' && issue.path[0] === 'version') return 'version: must be 1';
  return `${key}: ${issue.message}`;
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
  if (platform === 'win32') return env.APPDATA ? join(env.APPDATA, APP_DIR) : null;
  if (platform === 'darwin') return env.HOME ? join(env.HOME, 'Library', 'Preferences', APP_DIR) : null;
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, APP_DIR);
  return env.HOME ? join(env.HOME, '.config', APP_DIR) : null;
}

/** Where saved answers live; the wizard's demo uses one that keeps them in memory only. */
export interface ConfigStore {
  /** The file, or null when nothing is written to disk. */
  readonly path: string | null;
  load(): Promise<SavedConfig | null>;
  /** Replaces the saved configuration; the secret is written only when given. */
  save(content: ConfigContent, options?: { secret?: Secret | null }): Promise<void>;
}

export function fileConfigStore(directory: string, platform: NodeJS.Platform = process.platform): ConfigStore {
  const path = join(directory, FILE_NAME);
  return {
    path,
    async load() {
      let text: string;
      try {
        text = await readTextFile(path, READ_LIMITS.config);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return null;
        throw new UnreadableConfigError([`${path}: ${readErrorReason(error)}`]);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new UnreadableConfigError([
          `${path} is not a configuration smtp-oauth-setup can read; delete it, or run \`smtp-oauth-setup setup\` to write a new one.`,
        ]);
      }
      const parsed = configSchema.safeParse(json);
      if (!parsed.success) {
        // Name the key, so a hand-edited file can be corrected rather than thrown away.
        throw new UnreadableConfigError([
          `${path}: saved configuration: ${describeIssue(parsed.error.issues[0])}; correct it, or run \`smtp-oauth-setup setup\` to write a new one.`,
        ]);
      }
      const config = parsed.data as SavedConfig;
      if (config.clientSecret !== undefined) {
        const exposed = await readableByOthersProblem(path, 'the client secret', platform);
        if (exposed) throw new InsecureConfigError([exposed]);
      }
      return config;
    },
    async save(content, options = {}) {
      // The config directory is the tool's own: created (0700) when missing.
      await writeUserFile(path, serialise(content, options.secret ?? null), { private: true, createDirectory: true });
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
      store.saved = JSON.parse(serialise(content, options.secret ?? null)) as SavedConfig;
    },
  };
  return store;
}

function serialise(content: ConfigContent, secret: Secret | null): string {
  const answers = Object.fromEntries(ANSWER_KEYS.filter((k) => content.answers[k] !== undefined && content.answers[k] !== '').map((k) => [k, content.answers[k]]));
  const config: SavedConfig = {
    version: 1,
    savedAt: new Date().toISOString(),
    answers,
    ...(secret && { clientSecret: secret.reveal() }),
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
    warn(`${error.message} Ignoring it.`);
    return null;
  }
}
