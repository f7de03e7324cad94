import { buildPlan, SECRET_MONTHS } from '../automatic/plan.js';
import { planJson, renderPlan } from '../automatic/render.js';
import type { SetupOptions } from '../cli.js';
import { type Cloud, CLOUDS, type CloudName } from '../cloud.js';
import { InputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { addressSchema, cloudSchema, issueMessages, readDecimal, tenantIdSchema } from '../inputs/schemas.js';
import type { CliIO } from '../io.js';
import { currentLanguage, type Message, msg, t } from '../messages/index.js';
import type { Output } from '../output.js';

/**
 * `setup --automatic`: for now its plan only. With `--dry-run` the plan is printed (words, or JSON
 * with `--json`) and nothing signs in; without it the command refuses plainly, since the execution
 * (sign-in, Graph, Exchange) is not built yet: it must not look as if it had done anything.
 */
export async function automaticCommand(options: SetupOptions, _io: CliIO, output: Output, now: () => Date = () => new Date()): Promise<number> {
  const problems: Message[] = [];
  const parse = <T>(schema: { safeParse(v: string): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, value: string, field: string): T | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push(...issueMessages(result.error, { field }));
    return undefined;
  };

  if (options.mailbox === undefined) throw new InputError([msg('automatic.mailbox-missing')], 'missing');
  const mailbox = parse(addressSchema, options.mailbox, '--mailbox');
  const from = options.from === undefined ? undefined : parse(addressSchema, options.from, '--from');
  const cloudName = options.cloud === undefined ? 'global' : parse(cloudSchema, options.cloud, '--cloud');
  const tenant = options.tenantId === undefined ? undefined : parse(tenantIdSchema, options.tenantId, '--tenant-id');
  let secretMonths: number | undefined;
  if (options.secretMonths !== undefined) {
    const parsed = readDecimal(options.secretMonths, { min: SECRET_MONTHS.min, max: SECRET_MONTHS.max });
    if ('problem' in parsed) problems.push(msg('automatic.secret-months-invalid', { value: options.secretMonths, min: SECRET_MONTHS.min, max: SECRET_MONTHS.max }));
    else secretMonths = parsed.value;
  }
  const appName = options.appName?.trim();
  if (appName === '') problems.push(msg('automatic.app-name-empty'));
  const graphUrl = httpsUrl(options.graphUrl, '--graph-url', problems);
  const exchangeUrl = httpsUrl(options.exchangeUrl, '--exchange-url', problems);
  if (problems.length > 0 || mailbox === undefined || cloudName === undefined) throw new InputError(problems);

  if (!options.dryRun) throw new InputError([msg('automatic.not-available')]);

  const cloud: Cloud = CLOUDS[cloudName as CloudName];
  const plan = buildPlan({
    mailbox,
    cloud,
    now: now(),
    ...(from !== undefined && { from }),
    ...(appName !== undefined && { appName }),
    ...(options.credential !== undefined && { credential: options.credential }),
    ...(secretMonths !== undefined && { secretMonths }),
    ...(graphUrl !== undefined && { graphUrl }),
    ...(exchangeUrl !== undefined && { exchangeUrl }),
    ...(tenant !== undefined && { tenant }),
  });
  if (options.json) output.result(JSON.stringify(planJson(plan, currentLanguage()), null, 2));
  else output.result(renderPlan(plan, { t }, { dryRun: true }).trimEnd());
  return ExitCode.ok;
}

/** `--graph-url` / `--exchange-url`: an https URL (the sandbox serves https too); undefined when not given. */
function httpsUrl(value: string | undefined, flag: string, problems: Message[]): string | undefined {
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
