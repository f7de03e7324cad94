import { type Cloud, CLOUDS, type CloudName } from '../cloud.js';
import type { RemoveOptions } from '../cli.js';
import { loadSavedConfig } from '../config/store.js';
import { InputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { addressSchema, clientIdSchema, cloudSchema, issueMessages, tenantIdSchema } from '../inputs/schemas.js';
import type { CliIO } from '../io.js';
import { currentLanguage, type Message, msg, t } from '../messages/index.js';
import type { Output } from '../output.js';
import { buildRemovalPlan } from '../remove/plan.js';
import { removalPlanJson, renderRemovalPlan } from '../remove/render.js';

/**
 * `remove`: takes away what the automatic setup made, in reverse order (src/remove/plan.ts). The
 * client id, mailbox and sender default from the saved configuration. With `--dry-run` the plan is
 * printed (words, or JSON) and nothing signs in; the execution is not built yet, so without it the
 * command refuses plainly rather than look as if it had removed anything.
 */
export async function removeCommand(options: RemoveOptions, io: CliIO, output: Output): Promise<number> {
  const problems: Message[] = [];
  const parse = <T>(schema: { safeParse(v: string): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, value: string, field: string): T | undefined => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push(...issueMessages(result.error, { field }));
    return undefined;
  };

  const saved = (await loadSavedConfig(io.env, (line) => output.info(line)))?.answers ?? {};
  const clientIdText = options.clientId ?? saved.clientId;
  const mailboxText = options.mailbox ?? saved.mailbox;
  if (clientIdText === undefined) throw new InputError([msg('remove.client-id-missing')], 'missing');
  if (mailboxText === undefined) throw new InputError([msg('remove.mailbox-missing')], 'missing');
  const clientId = parse(clientIdSchema, clientIdText, '--client-id');
  const mailbox = parse(addressSchema, mailboxText, '--mailbox');
  const fromText = options.from ?? (options.mailbox === undefined ? saved.from : undefined);
  const from = fromText === undefined ? undefined : parse(addressSchema, fromText, '--from');
  const cloudName = parse(cloudSchema, options.cloud ?? saved.cloud ?? 'global', '--cloud');
  const tenantText = options.tenantId ?? saved.tenantId;
  const tenant = tenantText === undefined ? undefined : parse(tenantIdSchema, tenantText, '--tenant-id');
  const graphUrl = httpsUrl(options.graphUrl, '--graph-url', problems);
  const exchangeUrl = httpsUrl(options.exchangeUrl, '--exchange-url', problems);
  if (problems.length > 0 || clientId === undefined || mailbox === undefined || cloudName === undefined) throw new InputError(problems);

  const cloud: Cloud = CLOUDS[cloudName as CloudName];
  const plan = buildRemovalPlan({
    clientId,
    mailbox,
    cloud,
    ...(from !== undefined && { from }),
    ...(graphUrl !== undefined && { graphUrl }),
    ...(exchangeUrl !== undefined && { exchangeUrl }),
    ...(tenant !== undefined && { tenant }),
  });
  if (!options.dryRun) throw new InputError([msg('remove.not-available')]);
  if (options.json) output.result(JSON.stringify(removalPlanJson(plan, currentLanguage()), null, 2));
  else output.result(renderRemovalPlan(plan, { t }, { dryRun: true }).trimEnd());
  return ExitCode.ok;
}

/** `--graph-url` / `--exchange-url`: an https URL; undefined when not given. */
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
