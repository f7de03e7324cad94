import { buildPlan } from '../automatic/plan.js';
import { planJson, renderPlan } from '../automatic/render.js';
import type { AutomaticOutcome, AutomaticRunInput, AutomaticRunDeps } from '../automatic/run.js';
import type { SecretDestination } from '../automatic/secret-delivery.js';
import type { SetupOptions } from '../cli.js';
import { type Cloud, CLOUDS, type CloudName } from '../cloud.js';
import { CancelledError, InputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { addressSchema, clientIdSchema, cloudSchema, flagReader, proxyUrlSchema, readHttpsUrl, tenantIdSchema } from '../inputs/schemas.js';
import { canPrompt, type CliIO } from '../io.js';
import { Secret } from '../inputs/secret.js';
import { currentLanguage, type Message, msg, render, t } from '../messages/index.js';
import type { Output } from '../output.js';
import type { Reporter } from '../report/reporter.js';
import { readProofFlags } from './proof-flags.js';

/**
 * `setup --automatic`: the plan, then (without `--dry-run`, after confirmation) its execution by
 * src/automatic/run.ts. This file turns the options into the run's input and its outcome into output.
 */

export { DEFAULT_PROOF_WAIT_SECONDS } from './proof-flags.js';

/** Test and demo hooks: the sandbox's CA, and answers instead of a terminal. */
export interface AutomaticHooks {
  extraCaPem?: string;
  /** The state in memory (demo): nothing written to the config directory. */
  memoryState?: boolean;
}

export async function automaticCommand(
  options: SetupOptions,
  io: CliIO,
  output: Output,
  reporter?: Reporter,
  now: () => Date = () => new Date(),
  hooks: AutomaticHooks = {},
): Promise<number> {
  const problems: Message[] = [];
  const parse = flagReader(problems);

  if (options.mailbox === undefined) throw new InputError([msg('automatic.mailbox-missing')], 'missing');
  const mailbox = parse(addressSchema, options.mailbox, '--mailbox');
  const from = options.from === undefined ? undefined : parse(addressSchema, options.from, '--from');
  const to = options.to === undefined ? null : (parse(addressSchema, options.to, '--to') ?? null);
  const cloudName = options.cloud === undefined ? 'global' : parse(cloudSchema, options.cloud, '--cloud');
  const tenant = options.tenantId === undefined ? undefined : parse(tenantIdSchema, options.tenantId, '--tenant-id');
  const adminClientId = options.adminClientId === undefined ? undefined : parse(clientIdSchema, options.adminClientId, '--admin-client-id');
  const appName = options.appName?.trim();
  if (appName === '') problems.push(msg('automatic.app-name-empty'));
  const graphUrl = readHttpsUrl(options.graphUrl, '--graph-url', problems);
  const exchangeUrl = readHttpsUrl(options.exchangeUrl, '--exchange-url', problems);
  const { authorityHost, smtpHost, smtpPort, timeoutSeconds, waitSeconds, secretMonths } = readProofFlags(
    {
      // Flag, then the environment (as `check` reads it: the Azure SDKs' AZURE_AUTHORITY_HOST).
      authorityHost: options.authorityHost ?? io.env.AZURE_AUTHORITY_HOST,
      authorityHostField: options.authorityHost ? '--authority-host' : 'AZURE_AUTHORITY_HOST',
      smtpHost: options.smtpHost,
      smtpPort: options.smtpPort,
      timeout: options.timeout,
      wait: options.wait,
      secretMonths: options.secretMonths,
    },
    parse,
    problems,
  );
  const proxy = parse(proxyUrlSchema, options.proxy, '--proxy') ?? null;
  if (options.credential === 'certificate' && (options.envFile || options.secretFile || options.showSecret || options.saveSecret)) {
    problems.push(msg('automatic.secret-flags-with-certificate'));
  }
  const interactive = canPrompt(io, options.input !== false);
  if (options.showSecret && !interactive) problems.push(msg('automatic.show-secret-needs-terminal'));
  if (problems.length > 0 || mailbox === undefined || cloudName === undefined) throw new InputError(problems);

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
  const json = options.json === true;
  if (options.dryRun) {
    if (json) output.result(JSON.stringify(planJson(plan, currentLanguage()), null, 2));
    else output.result(renderPlan(plan, { t }, { dryRun: true }).trimEnd());
    return ExitCode.ok;
  }

  // Refused before the plan is printed: one line, as for every bad input.
  if (!options.yes && !interactive) throw new InputError([msg('automatic.needs-yes')]);
  // The plan is shown before anything is signed in to or changed, and confirmed.
  output.info(renderPlan(plan, { t }, { dryRun: false }).trimEnd());
  const { listenForStop, unlessStopped } = await import('../signals.js');
  const stop = listenForStop();
  try {
    const prompter = interactive ? await (await import('../inputs/prompter.js')).createTerminalPrompter({ signal: stop.signal, stdin: io.stdin, stderr: io.stderr }) : null;
    const confirm = async (question: Message, fallback: boolean) =>
      options.yes ? true : prompter ? prompter.confirm({ name: 'confirm', message: question, default: fallback }) : false;
    if (!(await confirm(msg('automatic.confirm-plan'), true))) {
      output.info(render(msg('automatic.run.declined')));
      return ExitCode.ok;
    }

    const destinations: SecretDestination[] = [
      ...(options.saveSecret ? [{ kind: 'saved-config' } as const] : []),
      ...(options.envFile ? [{ kind: 'env-file', path: options.envFile } as const] : []),
      ...(options.secretFile ? [{ kind: 'secret-file', path: options.secretFile } as const] : []),
      ...(options.showSecret ? [{ kind: 'show' } as const] : []),
    ];
    // No destination named: the saved configuration (OS credential store), so the secret is never lost.
    // (The demo keeps it in memory: its sandbox and its secret end with it.)
    if (destinations.length === 0 && plan.credential === 'secret' && !hooks.memoryState) destinations.push({ kind: 'saved-config' });

    const [{ runAutomatic }, state, config, secrets, progress] = await Promise.all([
      import('../automatic/run.js'),
      import('../automatic/state.js'),
      import('../config/store.js'),
      import('../config/secret-store.js'),
      import('../report/progress.js'),
    ]);
    const configDir = hooks.memoryState ? null : config.configDirectory(io.env);
    const secretStore = secrets.osSecretStore();
    const store = configDir
      ? config.fileConfigStore(configDir, { secrets: secretStore, notice: (line) => output.info(line) })
      : config.memoryConfigStore();
    const show = (m: Message) => output.info(render(m));
    const input: AutomaticRunInput = {
      plan,
      cloud,
      session: {
        authorityHost: authorityHost ?? cloud.authorityHost,
        ...(tenant !== undefined && { tenant }),
        ...(adminClientId !== undefined && { adminClientId }),
        flow: options.browser ? 'browser' : 'device-code',
        graphUrl: plan.graphUrl,
        exchangeUrl: plan.exchangeUrl,
        timeoutMs: timeoutSeconds * 1000,
        proxy,
        signal: stop.signal,
        ...(hooks.extraCaPem && { extraCaPem: hooks.extraCaPem }),
      },
      destinations,
      to,
      smtpHost: smtpHost ?? cloud.smtpHost,
      smtpPort: smtpPort ?? cloud.smtpPort,
      authorityHost: authorityHost ?? cloud.authorityHost,
      timeoutSeconds,
      proxy,
      waitSeconds,
      workDir: process.cwd(),
      certificateFile: 'smtp-oauth-sender.pem',
      ...(hooks.extraCaPem && { extraCaPem: hooks.extraCaPem }),
    };
    const deps: AutomaticRunDeps = {
      show,
      journalFor: async (tenantId, fresh) => {
        if (!configDir) return state.memoryJournal(fresh());
        const path = state.statePath(configDir, tenantId, plan.mailbox);
        const loaded = await state.loadState(path);
        if (loaded) show(msg('automatic.run.resuming', { path }));
        return state.fileJournal(path, loaded ?? fresh());
      },
      confirm: (question) => confirm(question, false),
      delivery: {
        workDir: process.cwd(),
        reveal: (secret) => io.stderr.write(`\n  ${secret.reveal()}\n\n`),
        config: store,
      },
      readSavedSecret: async () => {
        const saved = await store.load();
        const reader = config.savedSecretReader(saved, secretStore);
        if (saved?.clientSecret) return new Secret(saved.clientSecret, 'saved configuration');
        const read = reader ? await reader().catch(() => null) : null;
        return read && 'secret' in read ? new Secret(read.secret, 'credential store') : null;
      },
      prove: {
        events: () => progress.createProgress(output, stop.signal),
        redactor: output.redactor,
        signal: stop.signal,
        ...(hooks.extraCaPem && { extraCaPem: hooks.extraCaPem }),
      },
      protect: (value) => output.redactor.protect(value),
    };
    const outcome = await unlessStopped(runAutomatic(input, deps), stop.signal);
    return await report(outcome, { output, json, reporter, workDir: process.cwd() });
  } catch (error) {
    if (stop.signal.aborted && !(error instanceof CancelledError)) throw stop.signal.reason;
    throw error;
  } finally {
    stop.dispose();
  }
}

async function report(outcome: AutomaticOutcome, ctx: { output: Output; json: boolean; reporter: Reporter | undefined; workDir: string }): Promise<number> {
  const { output } = ctx;
  const { automaticResultJson } = await import('../automatic/result.js');
  const show = (m: Message) => output.info(render(m));
  let exitCode: number;
  let scriptPath: string | null = null;
  switch (outcome.kind) {
    case 'blocked':
      show(msg('automatic.run.blocked'));
      // Security Defaults refuse SMTP AUTH (535 5.7.139) whatever the setup does.
      exitCode = ExitCode.smtpAuth;
      break;
    case 'repair-declined':
      show(msg('automatic.run.repair-declined', { objectId: outcome.state.servicePrincipal?.id ?? '' }));
      // Exchange keeps authorising the wrong principal: SMTP AUTH fails as in 535 5.7.3.
      exitCode = ExitCode.smtpAuth;
      break;
    case 'handover': {
      const [{ handoverBlocks }, { buildExchangeScript, ps1FileContent }, { SCRIPT_FILE }, { writeUserFile }, { renderBlocks }, { join }] = await Promise.all([
        import('../automatic/exchange-steps.js'),
        import('../wizard/powershell.js'),
        import('../wizard/steps/service-principal.js'),
        import('../fs/write-file.js'),
        import('../wizard/show.js'),
        import('node:path'),
      ]);
      scriptPath = join(ctx.workDir, SCRIPT_FILE);
      await writeUserFile(scriptPath, ps1FileContent(buildExchangeScript(outcome.outcome.values).script), { private: false });
      output.info(renderBlocks(handoverBlocks(outcome.outcome.values, scriptPath), { color: output.color }).join('\n'));
      const { diagnoseAdmin } = await import('../admin/errors.js');
      exitCode = diagnoseAdmin(outcome.outcome.failure).exitCode;
      break;
    }
    case 'proved':
      if (!ctx.json && ctx.reporter) {
        exitCode = await ctx.reporter.check(outcome.report);
      } else exitCode = outcome.report.exitCode;
      if (outcome.report.ok && !ctx.json && outcome.state.secret && outcome.state.app) {
        // The settings for the sending application, as the wizard's last step shows them (the secret masked).
        const [{ settingsBlocks }, { renderBlocks }] = await Promise.all([import('../automatic/settings.js'), import('../wizard/show.js')]);
        const owner = { cloud: outcome.cloud, tenantId: outcome.state.tenantId, clientId: outcome.state.app.appId, mailbox: outcome.state.mailbox, from: outcome.state.from, expires: outcome.state.secret.endDateTime };
        output.info(renderBlocks(settingsBlocks(owner, outcome.delivered), { color: output.color }).join('\n'));
      }
      if (outcome.report.ok) show(msg('automatic.run.done', { clientId: outcome.state.app?.appId ?? '', tenantId: outcome.state.tenantId }));
      break;
  }
  if (ctx.json) output.result(JSON.stringify(automaticResultJson(outcome, { scriptPath }), null, 2));
  return exitCode;
}

