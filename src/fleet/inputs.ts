import { READ_LIMITS, readTextFile } from '../io.js';
import type { CheckOptions } from '../cli.js';
import { InputError } from '../errors.js';
import { type CheckFlags, resolveCheckInputs } from '../inputs/check-inputs.js';
import { readDecimal } from '../inputs/decimal.js';
import { Secret } from '../inputs/secret.js';
import type { FleetTarget } from './run.js';
import { type Shard, selectShard } from './shard.js';
import { parseTargets, type Target, type TargetCredential } from './targets.js';
import { readErrorReason } from '../fs-errors.js';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from '../defaults.js';
import { type Message, msg, render } from '../messages/index.js';

/**
 * `check --targets <file>`: the file's rows become the same validated inputs a single `check` runs
 * with (`resolveCheckInputs`), each with its own credential. Flags that name one tenant, app,
 * credential or mailbox make no sense for a whole fleet and are refused; the connection settings
 * apply to every target.
 */

/** Flags that belong to one target: in a fleet they come from the targets file's columns. */
const PER_TARGET_FLAGS: ReadonlyArray<[keyof CheckOptions, string, readonly string[]]> = [
  ['tenantId', '--tenant-id', ['tenant']],
  ['clientId', '--client-id', ['clientId']],
  ['clientSecretFile', '--client-secret-file', ['secretEnv', 'secretFile']],
  ['clientSecretStdin', '--client-secret-stdin', ['secretEnv', 'secretFile']],
  ['certificate', '--certificate', ['certificateFile']],
  ['privateKey', '--private-key', ['privateKeyFile']],
  ['mailbox', '--mailbox', ['mailbox']],
  ['from', '--from', ['from']],
  ['to', '--to', ['to']],
  ['secretExpires', '--secret-expires', ['secretExpires']],
];

/**
 * The flags a row's credential is passed to the resolver with, and the column the row names it in:
 * a problem the resolver reports about one of these flags names the column instead. The problem's
 * message is kept (its id and other parameters), only the flag among its parameters is replaced.
 */
export const FLAG_COLUMNS: Readonly<Record<string, string>> = {
  '--client-secret-file': 'secretFile',
  '--certificate': 'certificateFile',
  '--private-key': 'privateKeyFile',
};

// Environment variables that name one tenant, app, credential or mailbox: a fleet never takes them
// from the environment (a row without its own secret must not silently use AZURE_CLIENT_SECRET).
const PER_TARGET_ENV = [
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_ID',
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'SMTP_OAUTH_MAILBOX',
  'SMTP_OAUTH_SECRET_EXPIRES',
];


/** Every reason these flags cannot go with --targets (empty when they can). */
export function fleetFlagProblems(options: CheckOptions): Message[] {
  const problems: Message[] = [];
  for (const [key, flag, columns] of PER_TARGET_FLAGS) {
    if (options[key] !== undefined && options[key] !== false) problems.push(msg('fleet.flag-per-target', { flag, columns }));
  }
  if (options.wait !== undefined) problems.push(msg('fleet.wait-not-with-targets'));
  if (options.verbose) problems.push(msg('fleet.verbose-not-with-targets'));
  return problems;
}

/** `--concurrency`: 1 to 64 targets at a time (default 4). */
export function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return DEFAULT_CONCURRENCY;
  // One reason for every refusal (`0x4` and `1e1` included): the range says what to write.
  const parsed = readDecimal(value, { min: 1, max: MAX_CONCURRENCY });
  if ('problem' in parsed) throw new InputError([msg('fleet.concurrency-range', { max: MAX_CONCURRENCY })]);
  return parsed.value;
}

/** Reads and validates the targets file, then resolves every target's inputs; every problem of every row is listed. */
export async function loadFleetTargets(options: CheckOptions, env: NodeJS.ProcessEnv): Promise<FleetTarget[]> {
  return (await loadFleetShard(options, env, null)).targets;
}

/**
 * The targets of one shard (`--shard`), or of the whole file (`null`). The whole file is parsed and
 * validated in every shard, so that every shard refuses a broken file alike; only the shard's own rows
 * are then resolved (their secret variables and files read), so a shard needs only its own secrets.
 */
export async function loadFleetShard(options: CheckOptions, env: NodeJS.ProcessEnv, shard: Shard | null): Promise<{ targets: FleetTarget[]; inFile: number }> {
  const path = options.targets as string;
  let text: string;
  try {
    text = await readTextFile(path, READ_LIMITS.targets);
  } catch (error) {
    throw new InputError([msg('fleet.targets-unreadable', { path, reason: readErrorReason(error) })]);
  }
  const inFile = await parseTargets(text, path);
  // The run's cloud is part of an app's identity only for rows that do not name their own.
  const runCloud = options.cloud || env.SMTP_OAUTH_CLOUD || 'global';
  const targets = shard ? selectShard(inFile, shard, (t) => ({ cloud: t.cloud ?? runCloud, tenantId: t.tenantId, clientId: t.clientId })) : inFile;
  const problems: Message[] = [];
  const resolved: FleetTarget[] = [];
  const fleetEnv: NodeJS.ProcessEnv = { ...env };
  for (const name of PER_TARGET_ENV) delete fleetEnv[name];
  // One at a time: the same file may be named by many rows, and the order of problems stays the file's.
  for (const target of targets) {
    const result = await resolveTarget(target, options, env, fleetEnv);
    if ('problems' in result) problems.push(...result.problems);
    else resolved.push(result.target);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { targets: resolved, inFile: inFile.length };
}

/** `env` is where the row's variables are read; `baseEnv` is the environment without any per-target variable. */
async function resolveTarget(
  target: Target,
  options: CheckOptions,
  env: NodeJS.ProcessEnv,
  baseEnv: NodeJS.ProcessEnv,
): Promise<{ target: FleetTarget } | { problems: Message[] }> {
  // The row's problem in its words, after the row it is about (the problem stays a message of its own until here).
  const ofTarget = (problem: Message) => msg('fleet.target-problem', { origin: target.origin, name: target.name, problem: render(problem) });
  const fleetEnv: NodeJS.ProcessEnv = { ...baseEnv };
  const flags: CheckFlags = {
    tenantId: target.tenantId,
    clientId: target.clientId,
    mailbox: target.mailbox,
    ...(target.from && { from: target.from }),
    ...(target.to && { to: target.to }),
    ...((target.cloud ?? options.cloud) && { cloud: target.cloud ?? options.cloud }),
    ...(target.secretExpires && { secretExpires: target.secretExpires }),
    ...(options.authorityHost !== undefined && { authorityHost: options.authorityHost }),
    ...(options.smtpHost !== undefined && { smtpHost: options.smtpHost }),
    ...(options.smtpPort !== undefined && { smtpPort: options.smtpPort }),
    ...(options.timeout !== undefined && { timeout: options.timeout }),
    ...(options.proxy !== undefined && { proxy: options.proxy }),
    ...(options.warnDays !== undefined && { warnDays: options.warnDays }),
  };
  const credential = target.credential;
  if (credential.kind === 'env') {
    const value = env[credential.variable];
    if (value === undefined || value === '') return { problems: [msg('fleet.variable-not-set', { origin: target.origin, name: target.name, column: 'secretEnv', variable: credential.variable })] };
    fleetEnv.AZURE_CLIENT_SECRET = value;
  } else if (credential.kind === 'file') {
    flags.clientSecretFile = credential.path;
  } else {
    flags.certificate = credential.path;
    if (credential.privateKeyPath) flags.privateKey = credential.privateKeyPath;
    if (credential.passwordEnv) {
      const password = env[credential.passwordEnv];
      if (password === undefined || password === '') return { problems: [msg('fleet.variable-not-set', { origin: target.origin, name: target.name, column: 'certificatePasswordEnv', variable: credential.passwordEnv })] };
      fleetEnv.AZURE_CLIENT_CERTIFICATE_PASSWORD = password;
    }
  }
  try {
    const { inputs, warnings } = await resolveCheckInputs({ flags, env: fleetEnv, prompter: null });
    // The plan names where the secret came from: the row's variable, not the one it was passed in.
    if (credential.kind === 'env' && inputs.credential.kind === 'secret') {
      inputs.credential = { kind: 'secret', secret: new Secret(inputs.credential.secret.reveal(), credential.variable) };
    }
    return { target: { name: target.name, inputs, warnings, credentialRef: credentialRef(credential) } };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { problems: error.problemMessages.map((problem) => ofTarget(asColumns(problem))) };
  }
}

/** A problem as the targets file's columns name it: the resolver's message, with the flag among its parameters replaced by the column. */
export function asColumns(problem: Message): Message {
  const params = Object.fromEntries(
    Object.entries(problem.params as Record<string, unknown>).map(([name, value]) => [name, typeof value === 'string' ? (FLAG_COLUMNS[value] ?? value) : value]),
  );
  return { id: problem.id, params } as Message;
}

function credentialRef(credential: TargetCredential): string {
  switch (credential.kind) {
    case 'env':
      return `env:${credential.variable}`;
    case 'file':
      return `file:${credential.path}`;
    case 'certificate':
      return `certificate:${credential.path}:${credential.privateKeyPath ?? ''}`;
  }
}
