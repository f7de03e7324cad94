import type { RotateSecretOptions } from '../cli.js';
import { type Cloud, CLOUDS, type CloudName } from '../cloud.js';
import { DiagnosedError, InputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { addressSchema, clientIdSchema, cloudSchema, flagReader, readHttpsUrl, tenantIdSchema } from '../inputs/schemas.js';
import { canPrompt, type CliIO } from '../io.js';
import { type Message, msg, render } from '../messages/index.js';
import type { Output } from '../output.js';
import type { Reporter } from '../report/reporter.js';
import { SECRET_MONTHS, TOOL_APP_TAG } from '../automatic/plan.js';
import type { SecretDestination } from '../automatic/secret-delivery.js';
import { readProofFlags } from './proof-flags.js';

/**
 * `rotate-secret`: sign in, add a new client secret, deliver it where the old one was kept, prove it
 * (token and SMTP, waiting while Entra ID starts accepting it), and only then, with `--remove-old`
 * and after confirmation, remove the old ones. A failed proof keeps every old secret. Exit codes as
 * for `check` (the proof's).
 */
export async function rotateSecretCommand(options: RotateSecretOptions, io: CliIO, output: Output, reporter: Reporter): Promise<number> {
  const [config, secrets] = await Promise.all([import('../config/store.js'), import('../config/secret-store.js')]);
  const saved = await config.loadSavedConfig(io.env, (line) => output.info(line));
  const answers = saved?.answers ?? {};
  const problems: Message[] = [];
  const parse = flagReader(problems);
  const clientId = parse(clientIdSchema, options.clientId ?? answers.clientId, '--client-id');
  const tenantId = parse(tenantIdSchema, options.tenantId ?? answers.tenantId, '--tenant-id');
  const mailbox = parse(addressSchema, options.mailbox ?? answers.mailbox, '--mailbox');
  const from = parse(addressSchema, options.from ?? answers.from ?? mailbox, '--from');
  const to = parse(addressSchema, options.to, '--to') ?? null;
  const cloudName = parse(cloudSchema, options.cloud ?? answers.cloud ?? 'global', '--cloud');
  const adminClientId = parse(clientIdSchema, options.adminClientId, '--admin-client-id');
  const graphUrl = readHttpsUrl(options.graphUrl, '--graph-url', problems);
  // Flags first, then the environment and the saved answers (the wizard's).
  const proofFlags = readProofFlags(
    {
      authorityHost: options.authorityHost ?? io.env.AZURE_AUTHORITY_HOST ?? answers.authorityHost,
      smtpHost: options.smtpHost ?? answers.smtpHost,
      smtpPort: options.smtpPort ?? answers.smtpPort,
      timeout: options.timeout ?? answers.timeout,
      wait: options.wait,
      secretMonths: options.secretMonths,
    },
    parse,
    problems,
  );
  const { authorityHost, smtpHost, smtpPort, timeoutSeconds: timeout, waitSeconds: wait } = proofFlags;
  const months = proofFlags.secretMonths ?? SECRET_MONTHS.default;
  for (const [value, flag] of [[clientId, '--client-id'], [tenantId, '--tenant-id'], [mailbox, '--mailbox']] as const) {
    if (value === undefined && problems.length === 0) problems.push(msg('rotate.missing', { flag }));
  }
  const interactive = canPrompt(io, options.input !== false);
  if (options.showSecret && !interactive) problems.push(msg('automatic.show-secret-needs-terminal'));
  // Where the old secret was kept: the saved configuration (credential store or its file), or the files named now.
  const keptInConfig = saved?.clientSecretRef !== undefined || saved?.clientSecret !== undefined;
  const destinations: SecretDestination[] = [
    ...(keptInConfig || options.saveSecret ? [{ kind: 'saved-config' } as const] : []),
    ...(options.envFile ? [{ kind: 'env-file', path: options.envFile } as const] : []),
    ...(options.secretFile ? [{ kind: 'secret-file', path: options.secretFile } as const] : []),
    ...(options.showSecret ? [{ kind: 'show' } as const] : []),
  ];
  if (destinations.length === 0) problems.push(msg('rotate.no-destination'));
  if (!options.yes && !interactive) problems.push(msg('rotate.needs-yes'));
  if (problems.length > 0 || !clientId || !tenantId || !mailbox || !from || !cloudName) throw new InputError(problems);

  const cloud: Cloud = CLOUDS[cloudName as CloudName];
  const [{ listenForStop, unlessStopped }, session, { AdminApiError, diagnoseAdminError }, plan, delivery, { proveSetup }, progress, { Secret }] = await Promise.all([
    import('../signals.js'),
    import('../admin/session.js'),
    import('../admin/errors.js'),
    import('../automatic/rotate-plan.js'),
    import('../automatic/secret-delivery.js'),
    import('../automatic/prove.js'),
    import('../report/progress.js'),
    import('../inputs/secret.js'),
  ]);
  const stop = listenForStop();
  const show = (m: Message) => output.info(render(m));
  try {
    const prompter = interactive ? await (await import('../inputs/prompter.js')).createTerminalPrompter({ signal: stop.signal, stdin: io.stdin, stderr: io.stderr }) : null;
    const confirm = async (question: Message) => (options.yes ? true : prompter ? prompter.confirm({ name: 'confirm', message: question, default: false }) : false);
    const { signInClientMessage } = await import('../admin/sign-in.js');
    show(signInClientMessage(adminClientId));
    const work = async () => {
      const admin = await session.openAdminSession({
        cloud,
        authorityHost: authorityHost ?? cloud.authorityHost,
        tenant: tenantId,
        ...(adminClientId && { adminClientId }),
        flow: options.browser ? 'browser' : 'device-code',
        ...(graphUrl && { graphUrl }),
        timeoutMs: timeout * 1000,
        signal: stop.signal,
        show,
      });
      const app = await admin.graph.findApplicationByAppId(clientId);
      if (!app) throw new InputError([msg('rotate.app-not-found', { clientId })]);
      const rotation = plan.buildRotatePlan({ app, months, now: new Date(), deliverTo: destinations, removeOld: options.removeOld === true, displayName: TOOL_APP_TAG });
      for (const line of plan.rotatePlanLines(rotation)) show(line);
      if (!(await confirm(msg('rotate.confirm')))) {
        show(msg('rotate.declined'));
        return ExitCode.ok;
      }
      const added = await admin.graph.addPassword(app.id, rotation.newSecret.displayName, new Date(rotation.newSecret.endDateTime));
      output.redactor.protect(added.secretText.reveal());
      show(msg('rotate.added', { keyId: added.keyId }));
      const store = config.configDirectory(io.env);
      const configStore = store ? config.fileConfigStore(store, { secrets: secrets.osSecretStore(), notice: (line) => output.info(line) }) : undefined;
      await delivery.deliverSecret(
        added.secretText,
        destinations,
        { cloud: cloud.name, tenantId, clientId, mailbox, from, expires: added.endDateTime },
        { workDir: process.cwd(), show, reveal: (s) => io.stderr.write(`\n  ${s.reveal()}\n\n`), ...(configStore && { config: configStore }) },
      );
      const proof = await proveSetup(
        {
          cloud,
          tenantId,
          clientId,
          credential: { kind: 'secret', secret: new Secret(added.secretText.reveal(), 'rotate-secret') },
          mailbox,
          from,
          to,
          authorityHost: authorityHost ?? cloud.authorityHost,
          smtpHost: smtpHost ?? cloud.smtpHost,
          smtpPort: smtpPort ?? cloud.smtpPort,
          timeoutSeconds: timeout,
          proxy: null,
          secretExpires: added.endDateTime,
        },
        { show, waitSeconds: wait, signal: stop.signal, events: () => progress.createProgress(output, stop.signal), redactor: output.redactor },
      );
      const exitCode = await reporter.check(proof.report);
      if (!proof.report.ok) {
        show(msg('rotate.kept-old'));
        return exitCode;
      }
      const old = plan.secretsToRemove(rotation, added.keyId);
      if (old.length > 0 && (await confirm(msg('rotate.confirm-remove', { count: old.length })))) {
        for (const secret of old) {
          await admin.graph.removePassword(app.id, secret.keyId);
          show(msg('rotate.removed', { keyId: secret.keyId }));
        }
      }
      return exitCode;
    };
    try {
      return await unlessStopped(work(), stop.signal);
    } catch (error) {
      if (error instanceof AdminApiError) throw new DiagnosedError(diagnoseAdminError(error, adminClientId ? { signInClient: adminClientId } : {}));
      throw error;
    }
  } finally {
    stop.dispose();
  }
}
