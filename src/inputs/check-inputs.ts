import type * as z from 'zod';
import { type Cloud, CLOUDS, type CloudName } from '../cloud.js';
import { InputError } from '../errors.js';
import type { MissingField } from '../messages/en/inputs.js';
import { type Message, type MessageId, msg, render, t } from '../messages/index.js';
import type { Prompter } from './prompter.js';
import { DEFAULT_TIMEOUT_SECONDS, DEFAULT_WARN_DAYS } from '../defaults.js';
import {
  addressSchema,
  authorityHostSchema,
  clientIdSchema,
  cloudSchema,
  clientSecretSchema,
  clientSecretShape,
  clientSecretWarnings,
  hostSchema,
  issueMessages,
  portSchema,
  proxyUrlSchema,
  schemaValidator,
  secretExpiresSchema,
  tenantIdSchema,
  timeoutSecondsSchema,
  waitDurationSchema,
  warnDaysSchema,
} from './schemas.js';
import { loadClientCertificate } from '../token/certificate.js';
import type { Credential } from './credential.js';
import { Secret } from './secret.js';
import { readErrorReason } from '../fs-errors.js';
import { READ_LIMITS, readTextFile } from '../io.js';

/** What `check` runs with, after every source has been merged and validated. */
export interface CheckInputs {
  /** The Microsoft cloud: scope, accepted audiences and the defaults of the hosts below. */
  cloud: Cloud;
  tenantId: string;
  clientId: string;
  /** A client secret or a certificate: never both. */
  credential: Credential;
  mailbox: string;
  from: string;
  /** Without a recipient the check stops after AUTH succeeds: nothing is sent. */
  to: string | null;
  authorityHost: string;
  smtpHost: string;
  smtpPort: number;
  timeoutSeconds: number;
  /** `--proxy` for the token endpoint; null lets HTTPS_PROXY / NO_PROXY decide. SMTP never uses it. */
  proxy: string | null;
  /** `--wait`: keep retrying transient and propagation failures for this many seconds; absent/null: one attempt. */
  waitSeconds?: number | null;
  /** `--secret-expires` (or saved `secretExpires`): `YYYY-MM-DD` or an ISO timestamp; absent/null: unknown. */
  secretExpires?: string | null;
  /** `--warn-days`: warn this many days before `secretExpires` (default 30). */
  warnDays?: number;
}

/** The options as `cli.ts` parsed them from argv: strings, unvalidated. */
export interface CheckFlags {
  cloud?: string;
  tenantId?: string;
  clientId?: string;
  clientSecretFile?: string;
  /** `--client-secret-stdin`: the secret is the first line of standard input. */
  clientSecretStdin?: boolean;
  /** `--certificate <pem>`: certificate and private key in one PEM, or the certificate with --private-key. */
  certificate?: string;
  privateKey?: string;
  mailbox?: string;
  from?: string;
  to?: string;
  authorityHost?: string;
  smtpHost?: string;
  smtpPort?: string;
  timeout?: string;
  proxy?: string;
  wait?: string;
  secretExpires?: string;
  warnDays?: string;
}

/**
 * Values saved by the wizard (never the secret unless the user asked for it). `certificate` is the
 * path of the PEM holding the certificate and its private key (the key stays in that 0600 file).
 */
export type SavedInputs = Partial<Record<Exclude<keyof CheckFlags, 'clientSecretFile' | 'clientSecretStdin' | 'privateKey'> | 'clientSecret', string>>;

export interface InputSources {
  flags: CheckFlags;
  env: NodeJS.ProcessEnv;
  saved?: SavedInputs;
  /** Null when the tool must not prompt (--no-input, or stdin is not a terminal). */
  prompter: Prompter | null;
  /** Reads `--client-secret-file -`. */
  readStdin?: () => Promise<string>;
  /** Registers a value that must never be printed (a secret pasted where a file name belongs) with the output's redactor. */
  protect?: (value: string) => void;
  /** The secret the saved configuration keeps in the OS credential store, read only when no other source gives one. */
  savedSecret?: SavedSecret;
}

/** Reads a kept secret from the credential store: the secret, or the one line that says why not. */
export type SavedSecret = () => Promise<{ secret: string } | { problem: string | Message }>;

type FieldKey = Exclude<keyof CheckFlags, 'clientSecretFile' | 'clientSecretStdin' | 'certificate' | 'privateKey'>;

interface FieldSpec {
  flag: string;
  env?: string;
  schema: z.ZodType<unknown, unknown>;
  /** Required fields are prompted for, or reported missing; optional ones have a default or none. */
  required: boolean;
  question?: 'input.question.tenant-id' | 'input.question.client-id' | 'input.question.mailbox';
  /** The value when no source gives one; it may depend on the cloud (resolved first). */
  defaultValue?: string | ((cloud: Cloud) => string);
}

// Environment names follow the Azure SDKs' (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET,
// AZURE_AUTHORITY_HOST), so a host already configured for them needs nothing more.
// `cloud` comes first: the defaults of the authority and SMTP hosts depend on it.
const FIELDS: Record<FieldKey, FieldSpec> = {
  cloud: { flag: '--cloud', env: 'SMTP_OAUTH_CLOUD', schema: cloudSchema, required: false, defaultValue: 'global' },
  tenantId: { flag: '--tenant-id', env: 'AZURE_TENANT_ID', schema: tenantIdSchema, required: true, question: 'input.question.tenant-id' },
  clientId: { flag: '--client-id', env: 'AZURE_CLIENT_ID', schema: clientIdSchema, required: true, question: 'input.question.client-id' },
  mailbox: { flag: '--mailbox', env: 'SMTP_OAUTH_MAILBOX', schema: addressSchema, required: true, question: 'input.question.mailbox' },
  from: { flag: '--from', schema: addressSchema, required: false },
  to: { flag: '--to', schema: addressSchema, required: false },
  authorityHost: { flag: '--authority-host', env: 'AZURE_AUTHORITY_HOST', schema: authorityHostSchema, required: false, defaultValue: (cloud) => cloud.authorityHost },
  smtpHost: { flag: '--smtp-host', schema: hostSchema, required: false, defaultValue: (cloud) => cloud.smtpHost },
  smtpPort: { flag: '--smtp-port', schema: portSchema, required: false, defaultValue: (cloud) => String(cloud.smtpPort) },
  timeout: { flag: '--timeout', schema: timeoutSecondsSchema, required: false, defaultValue: String(DEFAULT_TIMEOUT_SECONDS) },
  proxy: { flag: '--proxy', schema: proxyUrlSchema, required: false },
  wait: { flag: '--wait', schema: waitDurationSchema, required: false },
  secretExpires: { flag: '--secret-expires', env: 'SMTP_OAUTH_SECRET_EXPIRES', schema: secretExpiresSchema, required: false },
  warnDays: { flag: '--warn-days', schema: warnDaysSchema, required: false, defaultValue: String(DEFAULT_WARN_DAYS) },
};

const SECRET_ENV = 'AZURE_CLIENT_SECRET';

/** Where a value came from, as a problem names it: the flag or variable, or the saved configuration's key. */
interface Origin {
  field: string;
  saved?: boolean;
}

/** A prompt's answer judged by the field's schema: true, or the problem's words (no field: the prompt is the field). */
/**
 * The first source that gives the field a value, in the order flag > environment > saved: [where, value].
 * An empty environment variable counts as unset (CI systems set unset secrets to ''); an empty flag
 * does not: `--smtp-port ''` is a mistake to report, not a request for the default.
 */
function firstGiven(key: FieldKey, spec: FieldSpec, flags: CheckFlags, env: NodeJS.ProcessEnv, saved: SavedInputs): [Origin, string] | undefined {
  const candidates: Array<[Origin, string | undefined]> = [
    [{ field: spec.flag }, flags[key] as string | undefined],
    [{ field: spec.env ?? '' }, spec.env ? env[spec.env] : undefined],
    // The key as the saved configuration names it, so a hand-edited value can be found.
    [{ field: key, saved: true }, saved[key]],
  ];
  return candidates.find((c): c is [Origin, string] => c[1] !== undefined && (c[1] !== '' || c[0].field === spec.flag));
}

/**
 * Merges flag > environment > saved configuration > prompt, validates every field with its schema and
 * reports every problem at once (exit 2). The secret is read from a file, stdin, the environment or a
 * masked prompt; never from argv.
 */
export async function resolveCheckInputs(sources: InputSources): Promise<{ inputs: CheckInputs; warnings: string[] }> {
  const { flags, env, saved = {}, prompter } = sources;
  const problems: Message[] = [];
  const missing: MissingField[] = [];
  const values: Partial<Record<FieldKey, unknown>> = {};

  for (const [key, spec] of Object.entries(FIELDS) as [FieldKey, FieldSpec][]) {
    const found = firstGiven(key, spec, flags, env, saved);
    if (found) {
      const [origin, raw] = found;
      const result = spec.schema.safeParse(raw);
      if (result.success) values[key] = result.data;
      else problems.push(...issueMessages(result.error, origin));
      continue;
    }
    if (spec.defaultValue !== undefined) {
      const cloud = CLOUDS[(values.cloud as CloudName | undefined) ?? 'global'];
      values[key] = spec.schema.parse(typeof spec.defaultValue === 'function' ? spec.defaultValue(cloud) : spec.defaultValue);
      continue;
    }
    if (!spec.required) continue;
    if (prompter && spec.question) {
      const answer = await prompter.input({ name: key, message: msg(spec.question), validate: schemaValidator(spec.schema) });
      values[key] = spec.schema.parse(answer);
      continue;
    }
    missing.push(spec.env ? { field: spec.flag, env: spec.env } : { field: spec.flag });
  }

  const credential = await resolveCredential(sources, problems, missing);
  // Nothing given was wrong, only something was not given: `input-missing` rather than `input-invalid`.
  const onlyMissing = problems.length === 0 && missing.length > 0;

  if (missing.length > 0) {
    problems.push(msg('input.missing', { fields: missing }), msg('input.missing-hint', { prompting: prompter !== null }));
  }
  if (problems.length > 0 || !credential) throw new InputError(problems, onlyMissing ? 'missing' : 'invalid');

  const mailbox = values.mailbox as string;
  const inputs: CheckInputs = {
    cloud: CLOUDS[values.cloud as CloudName],
    tenantId: values.tenantId as string,
    clientId: values.clientId as string,
    credential,
    mailbox,
    from: (values.from as string | undefined) ?? mailbox,
    to: (values.to as string | undefined) ?? null,
    authorityHost: values.authorityHost as string,
    smtpHost: values.smtpHost as string,
    smtpPort: values.smtpPort as number,
    timeoutSeconds: values.timeout as number,
    proxy: (values.proxy as string | undefined) ?? null,
    waitSeconds: (values.wait as number | undefined) ?? null,
    secretExpires: (values.secretExpires as string | undefined) ?? null,
    warnDays: values.warnDays as number,
  };
  return { inputs, warnings: credential.kind === 'secret' ? clientSecretWarnings(credential.secret.reveal()) : [] };
}

const CERTIFICATE_ENV = 'AZURE_CLIENT_CERTIFICATE_PATH';
const CERTIFICATE_PASSWORD_ENV = 'AZURE_CLIENT_CERTIFICATE_PASSWORD';

/**
 * A certificate (--certificate or AZURE_CLIENT_CERTIFICATE_PATH, the Azure SDKs' names) or a client
 * secret; both at once is refused, since which one would be used would be a guess. A certificate
 * saved by the wizard comes after a secret given now (flag, environment) and before a saved secret.
 */
async function resolveCredential(sources: InputSources, problems: Message[], missing: MissingField[]): Promise<Credential | null> {
  const { flags } = sources;
  const secretGiven = secretsGivenNow(sources);
  const certificate = certificateGiven(sources);
  if (!certificate) {
    if (flags.privateKey !== undefined) problems.push(msg('input.private-key-alone', { field: '--private-key' }));
    const secret = await resolveSecret(sources, problems, missing);
    return secret && { kind: 'secret', secret };
  }
  if (secretGiven.length > 0) {
    problems.push(msg('input.certificate-and-secret', { field: certificate.origin, ...(certificate.saved && { saved: true }), secrets: secretGiven }));
    return null;
  }
  return loadCertificateCredential(
    sources,
    { origin: certificate.origin, saved: certificate.saved, certificatePath: certificate.path, ...(flags.privateKey !== undefined && { privateKeyPath: flags.privateKey }) },
    problems,
  );
}

/** The secret's sources given now (flags, environment), by name. */
function secretsGivenNow({ flags, env }: Pick<InputSources, 'flags' | 'env'>): string[] {
  return [
    flags.clientSecretFile !== undefined && '--client-secret-file',
    flags.clientSecretStdin && '--client-secret-stdin',
    env[SECRET_ENV] && SECRET_ENV,
  ].filter((given): given is string => typeof given === 'string');
}

/** The certificate's file and where it was named: flag > environment > saved (only when no secret is given now). */
function certificateGiven(sources: Pick<InputSources, 'flags' | 'env' | 'saved'>): { origin: string; saved: boolean; path: string } | null {
  const { flags, env, saved = {} } = sources;
  const candidates: Array<[origin: string, path: string | undefined]> = [
    ['--certificate', flags.certificate],
    [CERTIFICATE_ENV, env[CERTIFICATE_ENV] || undefined],
    // The saved configuration's key: the problems about the file name it as such.
    ['certificate', secretsGivenNow(sources).length === 0 ? saved.certificate : undefined],
  ];
  const found = candidates.find((c): c is [string, string] => c[1] !== undefined);
  return found ? { origin: found[0], saved: found[0] === 'certificate', path: found[1] } : null;
}

/** Loads the certificate; an encrypted key takes AZURE_CLIENT_CERTIFICATE_PASSWORD, else a masked prompt on a terminal. */
async function loadCertificateCredential(
  sources: InputSources,
  given: { origin: string; saved: boolean; certificatePath: string; privateKeyPath?: string },
  problems: Message[],
): Promise<Credential | null> {
  const { env, prompter } = sources;
  const labels = { certificate: given.saved ? t('input.origin.saved-certificate') : given.origin, privateKey: '--private-key' };
  const load = (password?: Secret) =>
    loadClientCertificate({
      certificatePath: given.certificatePath,
      ...(given.privateKeyPath !== undefined && { privateKeyPath: given.privateKeyPath }),
      ...(password && { password }),
      labels: { ...labels, password: password?.source ?? CERTIFICATE_PASSWORD_ENV },
    });
  const fromEnv = env[CERTIFICATE_PASSWORD_ENV] ? new Secret(env[CERTIFICATE_PASSWORD_ENV], CERTIFICATE_PASSWORD_ENV) : undefined;
  let loaded = await load(fromEnv);
  if (loaded.needsPassword && prompter) {
    const answer = await prompter.password({
      name: 'certificatePassword',
      message: msg('input.question.certificate-password', { path: given.privateKeyPath ?? given.certificatePath }),
    });
    loaded = await load(new Secret(answer, t('input.secret-source.typed-password')));
  }
  problems.push(...loaded.problemMessages);
  return loaded.certificate && { kind: 'certificate', certificate: loaded.certificate };
}

/** Where a client secret came from: what its problems say, and what the plan shows (Secret.source). */
type SecretOrigin = { source: 'file'; path: string } | { source: 'stdin' | 'env' | 'saved' | 'prompt' };

function secretSourceText(origin: SecretOrigin): string {
  switch (origin.source) {
    case 'file':
      return t('input.source.file', { path: origin.path });
    case 'stdin':
      return t('input.source.stdin');
    case 'env':
      return SECRET_ENV;
    case 'saved':
      return t('input.source.saved');
    case 'prompt':
      return t('input.source.prompt');
  }
}

async function resolveSecret(sources: InputSources, problems: Message[], missing: MissingField[]): Promise<Secret | null> {
  const { flags, env, saved = {}, prompter } = sources;
  const accept = (raw: string, origin: SecretOrigin): Secret | null => {
    const result = clientSecretSchema.safeParse(raw);
    if (result.success) return new Secret(result.data, secretSourceText(origin));
    // The secret's own messages name its source (`client secret (file ./s.txt): …`).
    problems.push(...issueMessages(result.error).map((m) => ({ id: m.id, params: { ...m.params, ...origin } }) as unknown as Message));
    return null;
  };

  // Sources in order: a file (or - for stdin), --client-secret-stdin, the environment, saved, a prompt.
  if (flags.clientSecretFile !== undefined && flags.clientSecretStdin) {
    problems.push(msg('input.secret.file-and-stdin'));
    return null;
  }
  if (flags.clientSecretFile === '-' || flags.clientSecretStdin) {
    const field = flags.clientSecretStdin ? '--client-secret-stdin' : '--client-secret-file -';
    if (!sources.readStdin) {
      problems.push(msg('input.secret.stdin-unavailable', { field }));
      return null;
    }
    let text: string;
    try {
      text = await sources.readStdin();
    } catch (error) {
      problems.push(msg('input.secret.stdin-unreadable', { field, reason: readErrorReason(error) }));
      return null;
    }
    // Only the first line: a here-string or `echo` adds a newline, and nothing else belongs to the secret.
    return accept(text.split(/\r?\n/, 1)[0] ?? '', { source: 'stdin' });
  }
  if (flags.clientSecretFile !== undefined) {
    const path = flags.clientSecretFile;
    try {
      return accept(await readTextFile(path, READ_LIMITS.secret), { source: 'file', path });
    } catch (error) {
      // The refusal of --client-secret says a file goes here: a pasted secret is not a file, and is
      // never echoed (not here, nor by any later output: the redactor learns it).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && clientSecretShape(path) !== null) {
        sources.protect?.(path);
        problems.push(msg('input.secret.given-as-file'));
      } else {
        problems.push(msg('input.secret.file-unreadable', { field: '--client-secret-file', path, reason: readErrorReason(error) }));
      }
      return null;
    }
  }
  const fromEnv = env[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return accept(fromEnv, { source: 'env' });
  if (saved.clientSecret) return accept(saved.clientSecret, { source: 'saved' });
  if (sources.savedSecret) {
    const kept = await sources.savedSecret();
    if ('problem' in kept) {
      problems.push(typeof kept.problem === 'string' ? msg('input.not-a-value', { detail: kept.problem }) : kept.problem);
      return null;
    }
    sources.protect?.(kept.secret);
    return accept(kept.secret, { source: 'saved' });
  }
  if (prompter) {
    const answer = await prompter.password({
      name: 'clientSecret',
      message: msg('input.question.client-secret'),
      validate: schemaValidator(clientSecretSchema),
    });
    return accept(answer, { source: 'prompt' });
  }
  missing.push({ field: 'client-secret' });
  return null;
}

/** A value found before any prompt, and where: the flag, the environment variable, or `saved configuration`. */
export interface GivenValue {
  value: string;
  origin: string;
  /** Why the field's schema refuses it, if it does: in words, in the language in use. */
  problem?: string;
  /** The same as messages (ids and parameters, without the field: the wizard's question names it). */
  problemMessages?: Message[];
}

/**
 * For the setup wizard, which asks for every value itself: what flag > environment > saved
 * configuration give for each field, judged by the field's schema (the wizard offers a valid one as
 * the prompt's default and says why it ignores an invalid one). Same fields, flags and environment
 * names as `check`.
 */
export function givenCheckInputs(sources: Pick<InputSources, 'flags' | 'env' | 'saved'>): Partial<Record<FieldKey, GivenValue>> {
  const { flags, env, saved = {} } = sources;
  const given: Partial<Record<FieldKey, GivenValue>> = {};
  for (const [key, spec] of Object.entries(FIELDS) as [FieldKey, FieldSpec][]) {
    const found = firstGiven(key, spec, flags, env, saved);
    if (!found) continue;
    const [origin, value] = found;
    const result = spec.schema.safeParse(value);
    const problems = result.success ? [] : issueMessages(result.error);
    given[key] = {
      value,
      origin: origin.saved ? t('input.origin.saved', { key: origin.field }) : origin.field,
      ...(problems.length > 0 && { problem: problems.map(render).join('; '), problemMessages: problems }),
    };
  }
  return given;
}

/**
 * For the setup wizard: the credential given before the walk (a certificate from --certificate,
 * AZURE_CLIENT_CERTIFICATE_PATH or saved; a secret from a file, the environment or saved), never a
 * prompt. `certificatePath` names a certificate that was given but could not be loaded (an encrypted
 * key without its password, say), for the wizard to offer again.
 */
export async function givenCredential(
  sources: Omit<InputSources, 'prompter'>,
): Promise<{ credential: Credential | null; problems: string[]; problemMessages: Message[]; certificatePath?: string }> {
  const problems: Message[] = [];
  const credential = await resolveCredential({ ...sources, prompter: null }, problems, []);
  const certificate = certificateGiven(sources);
  return { credential, problems: problems.map(render), problemMessages: problems, ...(credential === null && certificate && { certificatePath: certificate.path }) };
}
