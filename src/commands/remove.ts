import { type Cloud, CLOUDS, type CloudName } from '../cloud.js';
import type { RemoveOptions } from '../cli.js';
import { configDirectory, fileConfigStore, loadSavedConfig } from '../config/store.js';
import { InputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { addressSchema, clientIdSchema, cloudSchema, flagReader, readHttpsUrl, tenantIdSchema } from '../inputs/schemas.js';
import { canPrompt, type CliIO } from '../io.js';
import { currentLanguage, type Message, msg, render, t } from '../messages/index.js';
import type { Output } from '../output.js';
import { buildRemovalPlan } from '../remove/plan.js';
import { removalPlanJson, renderRemovalPlan } from '../remove/render.js';
import { RemovalStoppedError } from '../remove/errors.js';
import { findAppToRemove, runRemoval } from '../remove/run.js';

/**
 * `remove`: takes away what the automatic setup made, in reverse order (src/remove/plan.ts). The
 * client id, mailbox and sender default from the saved configuration. With `--dry-run` the plan is
 * printed (words, or JSON) and nothing signs in. Otherwise: confirm (or --yes), one administrator
 * sign-in, refuse an app without the tool's tag unless --force, remove (src/remove/run.ts), and
 * forget the saved answers for that app.
 */
export async function removeCommand(options: RemoveOptions, io: CliIO, output: Output): Promise<number> {
  const problems: Message[] = [];
  const parse = flagReader(problems);

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
  const graphUrl = readHttpsUrl(options.graphUrl, '--graph-url', problems);
  const exchangeUrl = readHttpsUrl(options.exchangeUrl, '--exchange-url', problems);
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
  if (options.dryRun) {
    if (options.json) output.result(JSON.stringify(removalPlanJson(plan, currentLanguage()), null, 2));
    else output.result(renderRemovalPlan(plan, { t }, { dryRun: true }).trimEnd());
    return ExitCode.ok;
  }
  // Planned, shown and confirmed before anything changes; the refusal comes before any sign-in.
  if (!options.yes && !canPrompt(io, options.input)) throw new InputError([msg('remove.confirm-needed')]);
  output.info(renderRemovalPlan(plan, { t }, { dryRun: false }).trimEnd());

  const { openAdminSession } = await import('../admin/session.js');
  const session = await openAdminSession({
    cloud,
    authorityHost: options.authorityHost ?? io.env.AZURE_AUTHORITY_HOST ?? saved.authorityHost ?? cloud.authorityHost,
    timeoutMs: REMOVE_TIMEOUT_MS,
    ...(tenant !== undefined && { tenant }),
    ...(options.adminClientId !== undefined && { adminClientId: options.adminClientId }),
    ...(options.browser && { flow: 'browser' as const }),
    ...(graphUrl !== undefined && { graphUrl }),
    ...(exchangeUrl !== undefined && { exchangeUrl }),
    show: (message) => output.info(render(message)),
  });
  const found = await findAppToRemove(plan, session.graph, options.force === true);
  if ('refused' in found) throw new InputError([msg('remove.refused-untagged', { clientId, name: found.refused })]);
  if (!options.yes && !(await confirm(io))) {
    output.info(t('remove.cancelled'));
    return ExitCode.ok;
  }
  const result = await runRemoval(plan, found.app, { graph: session.graph, exchange: async () => (await session.exchange()).client }, (event) => {
    if (event.kind === 'app-not-found') output.info(t('remove.app-not-found', { clientId: event.clientId }));
    else if (event.kind === 'stopped') output.info([t('remove.stopped', { step: event.step }), ...event.remaining.map((line) => `  ${line}`)].join('\n'));
    else output.info(t(event.kind === 'removed' ? 'remove.event.removed' : 'remove.event.already-gone', { step: event.step }));
  });
  if (result.kind === 'stopped') throw new RemovalStoppedError(result.step);
  output.result(result.appDeleted ? t('remove.done', { clientId, days: 30 }) : t('remove.done-exchange-only'));
  await forgetSaved(io.env, clientId, output);
  return ExitCode.ok;
}

/** Admin requests' whole-request limit. */
const REMOVE_TIMEOUT_MS = 30_000;

/** Yes or no on the terminal; anything but yes is no. */
async function confirm(io: CliIO): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream });
  try {
    const answer = (await rl.question(t('remove.confirm-question'))).trim().toLowerCase();
    return answer === 'y' || answer === 'yes' || answer === 'j' || answer === 'ja';
  } finally {
    rl.close();
  }
}

/** After success: the saved answers for that app go, and its secret in the OS credential store if one was kept there. */
async function forgetSaved(env: NodeJS.ProcessEnv, clientId: string, output: Output): Promise<void> {
  const directory = configDirectory(env);
  if (!directory) return;
  const store = fileConfigStore(directory);
  const config = await store.load().catch(() => null);
  if (!config || config.answers.clientId?.toLowerCase() !== clientId.toLowerCase()) return;
  if (config.clientSecretRef?.store === 'os') {
    const { osSecretStore } = await import('../config/secret-store.js');
    if (await osSecretStore().delete(config.clientSecretRef).catch(() => false)) output.info(t('remove.forgot-secret'));
  }
  const { clientId: _c, certificatePath: _p, secretExpires: _e, ...answers } = config.answers;
  const { version: _v, savedAt: _s, clientSecret: _cs, clientSecretRef: _r, token: _t, ...rest } = config;
  await store.save({ ...rest, answers });
  output.info(t('remove.forgot-saved'));
}

