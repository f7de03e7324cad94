import { extname } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { addressSchema, clientIdSchema, cloudSchema, tenantIdSchema } from '../inputs/schemas.js';

/**
 * A targets file lists what `check --targets` checks: one row per mailbox, any number of tenants.
 * It never holds a secret: each row names the environment variable or file that does, so the file
 * can live in a repository and the secrets in the CI system's secret store.
 */
export interface Target {
  /** Where it came from, for messages: `targets.csv row 3`. */
  origin: string;
  name: string;
  tenantId: string;
  clientId: string;
  secret: { kind: 'env'; variable: string } | { kind: 'file'; path: string };
  mailbox: string;
  from?: string;
  to?: string;
  cloud?: string;
}

// Column names are matched without case, spaces, dashes or underscores: `client_id`, `Client ID`, `clientId`.
const COLUMNS: Record<string, keyof RawTarget> = {
  name: 'name',
  tenant: 'tenant',
  tenantid: 'tenant',
  clientid: 'clientId',
  appid: 'clientId',
  secretenv: 'secretEnv',
  secretfile: 'secretFile',
  mailbox: 'mailbox',
  from: 'from',
  to: 'to',
  cloud: 'cloud',
};
const FORBIDDEN = new Set(['secret', 'clientsecret', 'secretvalue', 'password', 'token', 'accesstoken']);

interface RawTarget {
  name?: string;
  tenant?: string;
  clientId?: string;
  secretEnv?: string;
  secretFile?: string;
  mailbox?: string;
  from?: string;
  to?: string;
  cloud?: string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function normalise(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, '');
}

/** Parses a JSON (array, or `{ "targets": [...] }`) or CSV (header row) targets file. Every problem is listed. */
export async function parseTargets(text: string, fileName: string): Promise<Target[]> {
  const rows = await readRows(text, fileName);
  const problems: string[] = [];
  const targets: Target[] = [];
  const base = fileName.split(/[\\/]/).pop() ?? fileName;

  rows.forEach((row, index) => {
    const origin = `${base} ${rows.kind === 'csv' ? 'row' : 'entry'} ${index + (rows.kind === 'csv' ? 2 : 1)}`;
    const raw: RawTarget = {};
    const rowProblems: string[] = [];
    for (const [key, value] of Object.entries(row)) {
      const column = normalise(key);
      if (FORBIDDEN.has(column)) {
        rowProblems.push(`${origin}: '${key}': a targets file never holds secrets; name the variable (secretEnv) or file (secretFile) that holds it`);
        continue;
      }
      const field = COLUMNS[column];
      if (!field) {
        rowProblems.push(`${origin}: unknown column '${key}' (known: name, tenant, clientId, secretEnv, secretFile, mailbox, from, to, cloud)`);
        continue;
      }
      if (value !== undefined && value !== null && String(value).trim() !== '') raw[field] = String(value).trim();
    }
    const take = <T>(label: string, schema: z.ZodType<T, unknown>, value: string | undefined, required: boolean): T | undefined => {
      if (value === undefined) {
        if (required) rowProblems.push(`${origin}: ${label} is missing`);
        return undefined;
      }
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      rowProblems.push(`${origin}: ${label}: ${result.error.issues.map((i) => i.message).join('; ')}`);
      return undefined;
    };
    const tenantId = take('tenant', tenantIdSchema, raw.tenant, true);
    const clientId = take('clientId', clientIdSchema, raw.clientId, true);
    const mailbox = take('mailbox', addressSchema, raw.mailbox, true);
    const from = take('from', addressSchema, raw.from, false);
    const to = take('to', addressSchema, raw.to, false);
    const cloud = take('cloud', cloudSchema, raw.cloud, false);
    let secret: Target['secret'] | undefined;
    if (raw.secretEnv && raw.secretFile) rowProblems.push(`${origin}: give secretEnv or secretFile, not both`);
    else if (raw.secretEnv) {
      if (ENV_NAME.test(raw.secretEnv)) secret = { kind: 'env', variable: raw.secretEnv };
      else rowProblems.push(`${origin}: secretEnv: must be an environment variable name such as CONTOSO_SMTP_SECRET`);
    } else if (raw.secretFile) secret = { kind: 'file', path: raw.secretFile };
    else rowProblems.push(`${origin}: secretEnv or secretFile is missing (the variable or file that holds the client secret)`);

    problems.push(...rowProblems);
    if (rowProblems.length === 0 && tenantId && clientId && mailbox && secret) {
      targets.push({
        origin,
        name: raw.name ?? mailbox,
        tenantId,
        clientId,
        secret,
        mailbox,
        ...(from && { from }),
        ...(to && { to }),
        ...(cloud && { cloud }),
      });
    }
  });

  const names = new Map<string, string>();
  for (const target of targets) {
    const earlier = names.get(target.name);
    if (earlier) problems.push(`${target.origin}: name '${target.name}' is used by ${earlier} too`);
    else names.set(target.name, target.origin);
  }
  if (rows.length === 0) problems.push(`${base}: no targets`);
  if (problems.length > 0) throw new InputError(problems);
  return targets;
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
      throw new InputError([`${base}: not valid JSON (${(error as Error).message})`]);
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { targets?: unknown } | null)?.targets;
    if (!Array.isArray(list) || !list.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      throw new InputError([`${base}: expected a JSON array of objects, or { "targets": [ … ] }`]);
    }
    return Object.assign(list as Array<Record<string, unknown>>, { kind: 'json' as const });
  }
  const { parse } = await import('csv-parse/sync');
  try {
    const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, comment: '#' }) as Array<Record<string, unknown>>;
    return Object.assign(records, { kind: 'csv' as const });
  } catch (error) {
    throw new InputError([`${base}: not valid CSV (${(error as Error).message})`]);
  }
}
