import * as z from 'zod';
import { CLOUD_NAMES } from '../cloud.js';
import { type Message, type MessageId, isMessage, msg, render, t } from '../messages/index.js';
import { type DecimalLimits, readDecimal } from './decimal.js';

export { readDecimal } from './decimal.js';

/**
 * One schema per field, shared by `check`'s flags, environment variables, saved configuration
 * and the wizard's prompts, so a value is judged the same way wherever it comes from.
 * Each issue's message is a message id of the catalogs (src/messages/en/inputs.ts) and its `params`
 * the message's parameters: the caller renders it, with the field's name (problemsOf in check-inputs.ts).
 */

/**
 * A refusal as zod carries it: its words in the language in use (what `issue.message` says to every
 * reader of the schema), and the message itself (id and parameters) in the issue's `params`, for
 * issueMessages below.
 */
function refusal(id: MessageId, params: Record<string, unknown> = {}): { message: string; params: { message: Message } } {
  const message = { id, params } as unknown as Message;
  return { message: render(message), params: { message } };
}

/** A refinement's options: the refusal, worded when the issue is raised (so in the language in use then). */
function check(id: MessageId, params: Record<string, unknown> = {}, abort = false) {
  return { error: () => refusal(id, params).message, params: { message: { id, params } }, ...(abort && { abort: true }) };
}

function refuse(ctx: z.RefinementCtx, id: MessageId, params: Record<string, unknown> = {}): void {
  ctx.addIssue({ code: 'custom', ...refusal(id, params) });
}

const nonEmpty = (value: string) => value.length > 0;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A DNS name of at least two labels (contoso.onmicrosoft.com, contoso.com).
const DNS_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

// Client credentials need one tenant: with these Entra answers AADSTS50059 (catalog A.8).
const MULTI_TENANT_ALIASES = new Set(['common', 'organizations', 'consumers']);

export const tenantIdSchema = z
  .string()
  .trim()
  .refine(nonEmpty, check('input.empty'))
  .superRefine((value, ctx) => {
    if (MULTI_TENANT_ALIASES.has(value.toLowerCase())) {
      refuse(ctx, 'input.tenant.alias', { value });
      return;
    }
    if (!GUID.test(value) && !DNS_NAME.test(value)) refuse(ctx, 'input.tenant.invalid');
  });

export const clientIdSchema = z
  .string()
  .trim()
  .refine(nonEmpty, check('input.empty'))
  .refine((value) => GUID.test(value), check('input.client-id.invalid'));

/**
 * The secret's Value. Its ID is a GUID and is the most common wrong paste (AADSTS7000215, catalog A.1):
 * that is a warning, not an error, because a GUID-shaped value is not impossible.
 */
export const clientSecretSchema = z
  .string()
  // A file or a paste often ends with a newline; the secret itself never contains white space.
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .refine(nonEmpty, check('input.secret.empty'))
      .refine((value) => value.length <= 1024, check('input.secret.too-long'))
      .refine((value) => !/\s/.test(value), check('input.secret.white-space')),
  );

/**
 * What a pasted value looks like, for the mistakes people make with secrets: the Secret ID (a GUID,
 * shown next to the Value in Certificates & secrets) or a secret's Value itself. Entra ID's Values are
 * 40 characters of letters, digits and `.`, `_`, `-`, `~`, with a `~` near the start (`Abc8Q~…`);
 * a `~` that is not the last character (an editor's backup is `notes.txt~`), letters and digits, and
 * at least 16 of those characters is taken as a Value. Null for anything else.
 */
export function clientSecretShape(value: string): 'secret-id' | 'secret-value' | null {
  const text = value.trim();
  if (isGuid(text)) return 'secret-id';
  if (/^[A-Za-z0-9._~-]{16,1024}$/.test(text) && /~(?!$)/.test(text.slice(1)) && /[A-Za-z]/.test(text) && /\d/.test(text)) return 'secret-value';
  return null;
}

export function clientSecretWarnings(secret: string): string[] {
  return clientSecretShape(secret) === 'secret-id' ? [t('input.secret.looks-like-id')] : [];
}

// RFC 5321 §4.5.3.1: a local part of at most 64 octets, a domain of at most 255, and a path (the
// address in angle brackets) of at most 256, so 254 for the address itself (RFC 3696 erratum 1690).
const MAX_LOCAL_PART_OCTETS = 64;
const MAX_DOMAIN_OCTETS = 255;
const MAX_ADDRESS_OCTETS = 254;

export const addressSchema = z
  .string()
  .trim()
  .refine(nonEmpty, check('input.empty', {}, true))
  .refine((value) => z.email().safeParse(value).success, check('input.address.invalid', {}, true))
  .superRefine((value, ctx) => {
    const at = value.lastIndexOf('@');
    const octets = (text: string) => Buffer.byteLength(text, 'utf8');
    const local = octets(value.slice(0, at));
    const domain = octets(value.slice(at + 1));
    if (local > MAX_LOCAL_PART_OCTETS) {
      refuse(ctx, 'input.address.local-too-long', { octets: local, max: MAX_LOCAL_PART_OCTETS });
    } else if (domain > MAX_DOMAIN_OCTETS) {
      refuse(ctx, 'input.address.domain-too-long', { octets: domain, max: MAX_DOMAIN_OCTETS });
    } else if (octets(value) > MAX_ADDRESS_OCTETS) {
      refuse(ctx, 'input.address.too-long', { octets: octets(value), max: MAX_ADDRESS_OCTETS });
    }
  });

export const hostSchema = z
  .string()
  .trim()
  .refine(nonEmpty, check('input.empty'))
  .refine((value) => HOST_NAME.test(value) || IPV4.test(value) || value === '::1', check('input.host.invalid'));

/**
 * readDecimal as a schema (text in, number out): a refused number is the field's message, with the
 * problem (`not-decimal`, `too-big`, …) and the limits as its parameters.
 */
export function decimalSchema(limits: DecimalLimits, message: MessageId, params: Record<string, unknown> = {}): z.ZodType<number, string> {
  return z.string().transform((value, ctx) => {
    const parsed = readDecimal(value, limits);
    if ('value' in parsed) return parsed.value;
    refuse(ctx, message, { ...params, problem: parsed.problem });
    return z.NEVER;
  });
}

export const portSchema = decimalSchema({ min: 1, max: 65535 }, 'input.port.invalid', { min: 1, max: 65535 });

export const timeoutSecondsSchema = decimalSchema({ min: Number.MIN_VALUE, max: 600, fraction: true }, 'input.timeout.invalid', { max: 600 });

/** The authority host is an https origin; a path (a tenant, /oauth2/…) belongs elsewhere. */
export const authorityHostSchema = z
  .string()
  .trim()
  .refine(nonEmpty, check('input.empty'))
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      refuse(ctx, 'input.authority.not-url');
      return z.NEVER;
    }
    if (url.protocol !== 'https:') {
      refuse(ctx, 'input.authority.not-https');
      return z.NEVER;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
      refuse(ctx, 'input.authority.not-host-only');
      return z.NEVER;
    }
    return url.origin;
  });

export const cloudSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(CLOUD_NAMES, { error: () => t('input.cloud.invalid', { clouds: [...CLOUD_NAMES] }) }));

/** An HTTP(S) proxy for the token endpoint: `http://proxy.contoso.com:8080`, credentials allowed. */
export const proxyUrlSchema = z
  .string()
  .trim()
  .refine(nonEmpty, check('input.empty'))
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && (url.pathname === '/' || url.pathname === '');
    } catch {
      return false;
    }
  }, check('input.proxy.invalid'));

/**
 * How long `check --wait` keeps retrying: `90s`, `30m`, `1h`, `1h30m`. A bare number is refused
 * (seconds or minutes?). Up to a day: Microsoft's propagation delays are minutes to an hour (catalog F).
 */
export const waitDurationSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value, ctx) => {
    const m = /^(?:(\d{1,3})h)?(?:(\d{1,4})m(?!s))?(?:(\d{1,5})s)?$/.exec(value.replace(/\s+/g, ''));
    const seconds = m && value !== '' ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : NaN;
    if (!Number.isFinite(seconds)) {
      refuse(ctx, 'input.wait.invalid');
      return z.NEVER;
    }
    if (seconds < 1 || seconds > 24 * 3600) {
      refuse(ctx, 'input.wait.range');
      return z.NEVER;
    }
    return seconds;
  });

/**
 * The client secret's expiry: the date in the portal's Expires column (Certificates & secrets), as
 * YYYY-MM-DD, or an ISO 8601 date and time. Normalised to `YYYY-MM-DD` or a full ISO timestamp.
 * A past date is valid: it is a finding, not an input error.
 */
export const secretExpiresSchema = z
  .string()
  .trim()
  .refine(nonEmpty, check('input.empty'))
  .transform((value, ctx) => {
    const message = 'input.secret-expires.invalid';
    const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (dateOnly) {
      const [y, mo, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
      const at = new Date(Date.UTC(y, mo - 1, d));
      // Date.UTC rolls 2026-02-30 over to March: a rolled date was not a real one.
      if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) {
        refuse(ctx, message);
        return z.NEVER;
      }
      return value;
    }
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i.test(value) || Number.isNaN(Date.parse(value))) {
      refuse(ctx, message);
      return z.NEVER;
    }
    return new Date(value).toISOString();
  });

/** How many days before the secret's expiry `check` starts warning. */
export const warnDaysSchema = decimalSchema({ min: 0, max: 730 }, 'input.warn-days.invalid', { max: 730, months: 24 });

/**
 * A file name the wizard asks for (where to write a file, or which certificate to read). `~` and
 * `~/…` are expanded as a shell does (see `expandHome`); `~name/…` is refused rather than guessed:
 * Node has no lookup of another user's home directory (getpwnam), `/home/name` is wrong on macOS and
 * for directory-service users, and read literally it would create a folder named `~name`.
 */
export const filePathSchema = z
  .string()
  .trim()
  .refine(nonEmpty, check('input.file-path.empty'))
  .refine((value) => !value.includes('\0'), check('input.file-path.nul'))
  .refine((value) => !/^~[^/\\]/.test(value), check('input.file-path.other-home'));

/**
 * `~` and `~/…` as a shell expands them (bash: $HOME first), for file names typed at a prompt, where no
 * shell did it; on Windows `~\…` too, as PowerShell expands it (the home there is USERPROFILE, which
 * os.homedir() reads). Elsewhere a backslash is a character of the name, not a separator.
 */
export function expandHome(path: string, home: string, os: NodeJS.Platform = process.platform): string {
  if (path === '~') return home;
  if (path.startsWith('~/') || (os === 'win32' && path.startsWith('~\\'))) return home + path.slice(1);
  return path;
}

/**
 * The messages of a value's issues: each issue's message id with its parameters and the field the
 * value came from (`--tenant-id`, `AZURE_TENANT_ID`, a saved configuration's key), or none for a
 * prompt's answer. An issue that is not one of ours (zod's own) keeps its words.
 */
export function issueMessages(error: z.ZodError, field?: { field: string; saved?: boolean }): Message[] {
  return error.issues.map((issue) => {
    const carried = (issue as { params?: { message?: unknown } }).params?.message;
    if (isMessage(carried)) return { id: carried.id, params: { ...carried.params, ...field } } as unknown as Message;
    // The cloud's enum: zod's own issue, with the values it allows.
    if (issue.code === 'invalid_value') return msg('input.cloud.invalid', { ...field, clouds: issue.values.map(String) });
    return msg('input.not-a-value', { ...field, detail: issue.message });
  });
}

/**
 * A prompt's validation with a field's schema: the same rule for the wizard and for `check`'s
 * prompts, and the first problem as the answer shown under the prompt (a schema reports one).
 */
export function schemaValidator(schema: z.ZodType<unknown, unknown>, options: { optional?: boolean } = {}): (value: string) => true | Message {
  return (value) => {
    if (options.optional && value.trim() === '') return true;
    const result = schema.safeParse(value);
    if (result.success) return true;
    return issueMessages(result.error)[0] ?? msg('input.not-a-value', { detail: result.error.message });
  };
}

/** Parses one flag's value with its schema: undefined when not given; a refusal goes to the reader's `problems`. */
export type FlagReader = <T>(schema: { safeParse(value: string): { success: true; data: T } | { success: false; error: z.ZodError } }, value: string | undefined, field: string) => T | undefined;

/** The commands that collect every problem before refusing (`setup --automatic`, `rotate-secret`, `remove`) read their flags with this. */
export function flagReader(problems: Message[]): FlagReader {
  return (schema, value, field) => {
    if (value === undefined) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push(...issueMessages(result.error, { field }));
    return undefined;
  };
}

/**
 * `--graph-url` / `--exchange-url`: an https URL (the sandbox serves https too), or undefined when
 * not given; a bad one adds its refusal to `problems`.
 */
export function readHttpsUrl(value: string | undefined, flag: string, problems: Message[]): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'https:' && url.hostname !== '') return url.href;
  } catch {
    // Falls through to the refusal.
  }
  problems.push(msg('automatic.url-invalid', { flag, value }));
  return undefined;
}
