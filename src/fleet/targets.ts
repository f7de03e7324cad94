import { extname } from 'node:path';
import type * as z from 'zod';
import { InputError } from '../errors.js';
import { type Message, msg, t } from '../messages/index.js';
import { addressSchema, clientIdSchema, cloudSchema, secretExpiresSchema, tenantIdSchema } from '../inputs/schemas.js';

/**
 * A targets file lists what `check --targets` checks: one row per mailbox, any number of tenants.
 * It never holds a secret: each row names the environment variable or file that does (or the
 * certificate file), so the file can live in a repository and the secrets in the CI system's secret store.
 */
export interface Target {
  /** Where it came from, for messages, in words: `targets.csv row 3`. */
  origin: string;
  name: string;
  tenantId: string;
  clientId: string;
  credential: TargetCredential;
  mailbox: string;
  from?: string;
  to?: string;
  cloud?: string;
  /** The secret's expiry date (`YYYY-MM-DD`), for the warning before it and the diagnosis after it. */
  secretExpires?: string;
}

/** Where a target's credential is: never the value itself. */
export type TargetCredential =
  | { kind: 'env'; variable: string }
  | { kind: 'file'; path: string }
  /** A certificate PEM (with its private key, or the key in `privateKeyPath`); the key's password in an environment variable. */
  | { kind: 'certificate'; path: string; privateKeyPath?: string; passwordEnv?: string };

// Column names are matched without case, spaces, dashes or underscores: `client_id`, `Client ID`, `clientId`.
const COLUMNS: Record<string, keyof RawTarget> = {
  name: 'name',
  tenant: 'tenant',
  tenantid: 'tenant',
  clientid: 'clientId',
  appid: 'clientId',
  secretenv: 'secretEnv',
  secretfile: 'secretFile',
  certificatefile: 'certificateFile',
  certificatepath: 'certificateFile',
  privatekeyfile: 'privateKeyFile',
  privatekeypath: 'privateKeyFile',
  certificatepasswordenv: 'certificatePasswordEnv',
  mailbox: 'mailbox',
  from: 'from',
  to: 'to',
  cloud: 'cloud',
  secretexpires: 'secretExpires',
};
const FORBIDDEN = new Set(['secret', 'clientsecret', 'secretvalue', 'password', 'certificatepassword', 'privatekey', 'token', 'accesstoken']);

interface RawTarget {
  name?: string;
  tenant?: string;
  clientId?: string;
  secretEnv?: string;
  secretFile?: string;
  certificateFile?: string;
  privateKeyFile?: string;
  certificatePasswordEnv?: string;
  mailbox?: string;
  from?: string;
  to?: string;
  cloud?: string;
  secretExpires?: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The columns a targets file may have, as the problem about an unknown one lists them. */
const KNOWN_COLUMNS = [
  'name',
  'tenant',
  'clientId',
  'secretEnv',
  'secretFile',
  'certificateFile',
  'privateKeyFile',
  'certificatePasswordEnv',
  'mailbox',
  'from',
  'to',
  'cloud',
  'secretExpires',
];

function normalise(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, '');
}

/** Parses a JSON (array, or `{ "targets": [...] }`) or CSV (header row) targets file. Every problem is listed. */
export async function parseTargets(text: string, fileName: string): Promise<Target[]> {
  const rows = await readRows(text, fileName);
  const problems: Message[] = [];
  const targets: Target[] = [];
  const base = fileName.split(/[\\/]/).pop() ?? fileName;

  rows.forEach((row, index) => {
    // A CSV row counts its header line; a JSON entry counts from 1.
    const origin = rows.kind === 'csv' ? t('fleet.origin.row', { file: base, row: index + 2 }) : t('fleet.origin.entry', { file: base, entry: index + 1 });
    const raw: RawTarget = {};
    const rowProblems: Message[] = [];
    for (const [key, value] of Object.entries(row)) {
      const column = normalise(key);
      if (FORBIDDEN.has(column)) {
        rowProblems.push(msg('fleet.targets.secret-column', { origin, column: key }));
        continue;
      }
      const field = COLUMNS[column];
      if (!field) {
        rowProblems.push(msg('fleet.targets.unknown-column', { origin, column: key, known: KNOWN_COLUMNS }));
        continue;
      }
      if (value !== undefined && value !== null && String(value).trim() !== '') raw[field] = String(value).trim();
    }
    const take = <T>(label: string, schema: z.ZodType<T, unknown>, value: string | undefined, required: boolean): T | undefined => {
      if (value === undefined) {
        if (required) rowProblems.push(msg('fleet.targets.missing', { origin, column: label }));
        return undefined;
      }
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      rowProblems.push(msg('fleet.targets.invalid', { origin, column: label, problem: result.error.issues.map((i) => i.message).join('; ') }));
      return undefined;
    };
    const tenantId = take('tenant', tenantIdSchema, raw.tenant, true);
    const clientId = take('clientId', clientIdSchema, raw.clientId, true);
    const mailbox = take('mailbox', addressSchema, raw.mailbox, true);
    const from = take('from', addressSchema, raw.from, false);
    const to = take('to', addressSchema, raw.to, false);
    const cloud = take('cloud', cloudSchema, raw.cloud, false);
    const secretExpires = take('secretExpires', secretExpiresSchema, raw.secretExpires, false);
    const credential = readCredential(raw, origin, rowProblems);

    problems.push(...rowProblems);
    if (rowProblems.length === 0 && tenantId && clientId && mailbox && credential) {
      targets.push({
        origin,
        name: raw.name ?? mailbox,
        tenantId,
        clientId,
        credential,
        mailbox,
        ...(from && { from }),
        ...(to && { to }),
        ...(cloud && { cloud }),
        ...(secretExpires && { secretExpires }),
      });
    }
  });

  const names = new Map<string, string>();
  for (const target of targets) {
    const earlier = names.get(target.name);
    if (earlier) problems.push(msg('fleet.targets.duplicate-name', { origin: target.origin, name: target.name, earlier }));
    else names.set(target.name, target.origin);
  }
  if (rows.length === 0) problems.push(msg('fleet.targets.empty', { file: base }));
  if (problems.length > 0) throw new InputError(problems);
  return targets;
}

/** Exactly one of secretEnv, secretFile, certificateFile; the certificate's companions only with it. */
function readCredential(raw: RawTarget, origin: string, problems: Message[]): TargetCredential | undefined {
  const given = (['secretEnv', 'secretFile', 'certificateFile'] as const).filter((key) => raw[key] !== undefined);
  const envName = (key: 'secretEnv' | 'certificatePasswordEnv', value: string): string | undefined => {
    if (ENV_NAME.test(value)) return value;
    problems.push(msg('fleet.targets.env-name', { origin, column: key }));
    return undefined;
  };
  if (raw.certificateFile === undefined) {
    for (const key of ['privateKeyFile', 'certificatePasswordEnv'] as const) {
      if (raw[key] !== undefined) problems.push(msg('fleet.targets.goes-with-certificate', { origin, column: key }));
    }
  }
  if (given.length > 1) {
    problems.push(msg('fleet.targets.one-credential', { origin, given }));
    return undefined;
  }
  if (raw.secretEnv !== undefined) {
    const variable = envName('secretEnv', raw.secretEnv);
    return variable ? { kind: 'env', variable } : undefined;
  }
  if (raw.secretFile !== undefined) return { kind: 'file', path: raw.secretFile };
  if (raw.certificateFile !== undefined) {
    const passwordEnv = raw.certificatePasswordEnv === undefined ? undefined : envName('certificatePasswordEnv', raw.certificatePasswordEnv);
    if (raw.certificatePasswordEnv !== undefined && !passwordEnv) return undefined;
    return {
      kind: 'certificate',
      path: raw.certificateFile,
      ...(raw.privateKeyFile !== undefined && { privateKeyPath: raw.privateKeyFile }),
      ...(passwordEnv && { passwordEnv }),
    };
  }
  problems.push(msg('fleet.targets.no-credential', { origin }));
  return undefined;
}

type Rows = Array<Record<string, unknown>> & { kind: 'json' | 'csv' };

async function readRows(text: string, fileName: string): Promise<Rows> {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const looksJson = extname(fileName).toLowerCase() === '.json' || /^\s*[[{]/.test(text);
  if (looksJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new InputError([msg('fleet.targets.not-json', { file: base, reason: (error as Error).message })]);
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { targets?: unknown } | null)?.targets;
    if (!Array.isArray(list) || !list.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      throw new InputError([msg('fleet.targets.not-list', { file: base })]);
    }
    return Object.assign(list as Array<Record<string, unknown>>, { kind: 'json' as const });
  }
  const { parse } = await import('csv-parse/sync');
  try {
    const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, comment: '#' }) as Array<Record<string, unknown>>;
    return Object.assign(records, { kind: 'csv' as const });
  } catch (error) {
    throw new InputError([msg('fleet.targets.not-csv', { file: base, reason: (error as Error).message })]);
  }
}
