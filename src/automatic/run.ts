import { AdminApiError, diagnoseAdmin, diagnoseAdminError } from '../admin/errors.js';
import type { ExchangeAdminClient } from '../admin/exchange.js';
import type { GraphApplication, GraphClient, SendAsAppRole } from '../admin/graph.js';
import { retryWhileReplicating, type ReplicationRetryOptions } from '../admin/replication.js';
import { missingPermissions, REQUIREMENTS } from '../admin/requirements.js';
import { openAdminSession, type AdminClients, type AdminSessionOptions } from '../admin/session.js';
import { signInClientMessage } from '../admin/sign-in.js';
import type { CheckReport } from '../check/run.js';
import type { Cloud } from '../cloud.js';
import { DiagnosedError } from '../errors.js';
import type { CheckInputs } from '../inputs/check-inputs.js';
import type { Credential } from '../inputs/credential.js';
import { Secret } from '../inputs/secret.js';
import { msg, type Message } from '../messages/index.js';
import { readFile } from 'node:fs/promises';
import { loadClientCertificate, pemBlocks } from '../token/certificate.js';
import { createSelfSignedCertificate } from '../x509/self-signed.js';
import { writeUserFile } from '../fs/write-file.js';
import { answerPath } from '../wizard/files.js';
import { runExchangeSteps, type ExchangeStepsOutcome } from './exchange-steps.js';
import { TOOL_APP_TAG, planOperations, type Plan } from './plan.js';
import { proveSetup, type ProveDeps } from './prove.js';
import { readOnlyChecks, type Finding } from './read-checks.js';
import { deliverSecret, readDelivered, type Delivered, type SecretDestination, type SecretDeliveryDeps } from './secret-delivery.js';
import { appNotes, mailboxOfNotes, newState, type AutomaticState, type Journal } from './state.js';

/**
 * The automatic setup's execution: sign in, check the sign-in against the plan, read first, then step
 * 1 through Graph and steps 2–3 through Exchange's admin endpoint, each object recorded the moment it
 * exists (state.ts), the secret delivered, and the result proved by the same check as `check`.
 * Collaborators are injected (tests give fakes); the command wires the real ones.
 */

export interface AutomaticRunInput {
  plan: Plan;
  cloud: Cloud;
  session: Omit<AdminSessionOptions, 'show' | 'cloud'>;
  destinations: SecretDestination[];
  /** The proof's recipient; null: the proof stops after AUTH (nothing is sent). */
  to: string | null;
  smtpHost: string;
  smtpPort: number;
  authorityHost: string;
  timeoutSeconds: number;
  proxy: string | null;
  /** The proof's longest wait for propagation, in seconds. */
  waitSeconds: number;
  workDir: string;
  /** Where the certificate (key and certificate in one PEM, 0600) is written for `--credential certificate`. */
  certificateFile: string;
  extraCaPem?: string;
}

export interface AutomaticRunDeps {
  /** Progress lines and the sign-in prompts. */
  show(message: Message): void;
  /** The saved state of this tenant and mailbox (file, or memory), made or loaded once the tenant is known. */
  journalFor(tenantId: string, fresh: () => AutomaticState): Promise<Journal>;
  /** A yes/no question (the repair of a wrong Exchange service principal). */
  confirm(question: Message): Promise<boolean>;
  delivery: Omit<SecretDeliveryDeps, 'show'>;
  /** The secret kept in the saved configuration, read back for a resumed run's proof. */
  readSavedSecret(): Promise<Secret | null>;
  prove: Omit<ProveDeps, 'show' | 'waitSeconds'>;
  /** Protects a new secret from ever being printed (the output's redactor). */
  protect(value: string): void;
  replication?: ReplicationRetryOptions;
  now?: () => Date;
  openSession?: typeof openAdminSession;
  exchangeSteps?: typeof runExchangeSteps;
  readChecks?: typeof readOnlyChecks;
  prove_?: typeof proveSetup;
  deliver?: typeof deliverSecret;
}

export type AutomaticOutcome =
  | { kind: 'proved'; state: AutomaticState; findings: Finding[]; report: CheckReport; delivered: Delivered[]; reused: string[]; cloud: Cloud['name'] }
  | { kind: 'blocked'; state: AutomaticState | null; findings: Finding[] }
  | { kind: 'handover'; state: AutomaticState; findings: Finding[]; outcome: Extract<ExchangeStepsOutcome, { kind: 'handover' }> }
  | { kind: 'repair-declined'; state: AutomaticState; findings: Finding[] };

export async function runAutomatic(input: AutomaticRunInput, deps: AutomaticRunDeps): Promise<AutomaticOutcome> {
  const { plan } = input;
  const show = deps.show;
  const now = deps.now ?? (() => new Date());
  show(signInClientMessage(input.session.adminClientId));
  const session = await (deps.openSession ?? openAdminSession)({ ...input.session, cloud: input.cloud, show });
  const signInClient = input.session.adminClientId;
  const diagnosed = (error: unknown): never => {
    if (error instanceof AdminApiError) throw new DiagnosedError(diagnoseAdminError(error, signInClient ? { signInClient } : {}));
    throw error;
  };

  // Before any change: everything the plan changes is within the sign-in. Reading Security Defaults
  // is optional (an unreadable policy is "could not check"), so its scope is not required here.
  const operations = planOperations(plan);
  const graphOps = operations.filter((o) => REQUIREMENTS[o].resource === 'graph' && o !== 'read-policy');
  const missingGraph = missingPermissions(session.graphToken, graphOps);
  if (missingGraph[0]) throw new DiagnosedError(diagnoseAdmin(missingGraph[0], signInClient ? { signInClient } : {}));
  const { client: exchange, token: exchangeToken } = await session.exchange().catch(diagnosed);
  const missingExchange = missingPermissions(exchangeToken, ['exchange-admin']);
  if (missingExchange[0]) throw new DiagnosedError(diagnoseAdmin(missingExchange[0], signInClient ? { signInClient } : {}));

  const journal = await deps.journalFor(session.tenantId, () =>
    newState({ tenantId: session.tenantId, mailbox: plan.mailbox, from: plan.from, appName: plan.appName, credential: plan.credential }),
  );
  const graph = session.graph;
  const reused: string[] = [];
  try {
    // A rerun without state: the tool's own app for this mailbox, found by its tag and notes.
    if (!journal.state.app) {
      const ours = (await graph.findApplicationsByTag(TOOL_APP_TAG)).find(
        (a) => mailboxOfNotes(a.notes)?.toLowerCase() === plan.mailbox.toLowerCase() || a.notes?.includes(journal.state.marker),
      );
      if (ours) {
        await journal.record({ app: { objectId: ours.id, appId: ours.appId }, pending: undefined });
        reused.push('app');
      }
    }

    const findings = await (deps.readChecks ?? readOnlyChecks)(
      { mailbox: plan.mailbox, appId: journal.state.app?.appId ?? null, servicePrincipalId: journal.state.servicePrincipal?.id ?? null },
      { graph, exchange },
    );
    for (const f of findings) show(f.message);
    if (findings.some((f) => f.state === 'blocking')) return { kind: 'blocked', state: journal.state, findings };

    const credential = await step1(input, { graph, journal, show, replication: deps.replication, now, reused, deps });
    const mailboxSmtpAuth = findings.find((f) => f.check === 'mailbox-smtp-auth')?.state;

    const exchangeOutcome = await (deps.exchangeSteps ?? runExchangeSteps)(
      {
        tenantId: session.tenantId,
        appId: journal.state.app!.appId,
        servicePrincipalId: journal.state.servicePrincipal!.id,
        appName: plan.appName,
        mailbox: plan.mailbox,
        from: plan.from,
        ...(input.cloud.exchangeEnvironmentName !== undefined && { exchangeEnvironmentName: input.cloud.exchangeEnvironmentName }),
        // 'ok' is SMTP AUTH on, 'will-change' off or following the organisation; 'unknown' was not read.
        ...(mailboxSmtpAuth === 'ok' && { mailboxSmtpAuth: 'on' as const }),
        ...(mailboxSmtpAuth === 'will-change' && { mailboxSmtpAuth: 'off' as const }),
      },
      {
        exchange: exchange as ExchangeAdminClient,
        done: journal.state.exchange,
        record: (done) => journal.record({ exchange: done }),
        confirm: deps.confirm,
        show,
        ...(deps.replication && { replication: deps.replication }),
      },
    );
    if (exchangeOutcome.kind === 'handover') return { kind: 'handover', state: journal.state, findings, outcome: exchangeOutcome };
    if (exchangeOutcome.kind === 'repair-declined') return { kind: 'repair-declined', state: journal.state, findings };

    show(msg('automatic.run.proving'));
    const inputs: CheckInputs = {
      cloud: input.cloud,
      tenantId: session.tenantId,
      clientId: journal.state.app!.appId,
      credential: credential.credential,
      mailbox: plan.mailbox,
      from: plan.from,
      to: input.to,
      authorityHost: input.authorityHost,
      smtpHost: input.smtpHost,
      smtpPort: input.smtpPort,
      timeoutSeconds: input.timeoutSeconds,
      proxy: input.proxy,
      ...(journal.state.secret && { secretExpires: journal.state.secret.endDateTime }),
    };
    const proof = await (deps.prove_ ?? proveSetup)(inputs, { ...deps.prove, show, waitSeconds: input.waitSeconds });
    if (proof.report.ok) await journal.record({ proved: true });
    return { kind: 'proved', state: journal.state, findings, report: proof.report, delivered: credential.delivered, reused, cloud: input.cloud.name };
  } catch (error) {
    return diagnosed(error);
  }
}

interface Step1Context {
  graph: GraphClient;
  journal: Journal;
  show(message: Message): void;
  replication: ReplicationRetryOptions | undefined;
  now: () => Date;
  reused: string[];
  deps: AutomaticRunDeps;
}

/** Step 1 through Graph: role, app, service principal, consent, credential; each recorded as it exists. */
async function step1(input: AutomaticRunInput, ctx: Step1Context): Promise<{ credential: Credential; delivered: Delivered[] }> {
  const { graph, journal, show } = ctx;
  const replicating = <T>(attempt: () => Promise<T>) =>
    retryWhileReplicating(attempt, { ...ctx.replication, onWait: (w) => show(msg('admin.replication.waiting', { lag: w.lag, waitMs: w.waitMs, attempt: w.attempt })) });
  const plan = input.plan;
  const role = await graph.findSendAsAppRole();
  if (!role) throw new AdminApiError({ kind: 'answer', service: 'graph', operation: 'read-applications', status: 404, code: 'SendAsAppRoleNotFound', message: '' });

  // The certificate exists on disk before the app that trusts it (write-ahead): a resumed run reuses it.
  let certificatePem: { der: Buffer; path: string } | null = null;
  if (plan.credential === 'certificate') certificatePem = await ensureCertificate(input, journal, ctx.now);

  if (!journal.state.app) {
    // Write-ahead: a run killed between Graph's answer and the record finds this app by the marker.
    const lost = journal.state.pending?.step === 'create-app' ? await findByMarker(graph, journal.state) : null;
    if (lost) {
      await journal.record({ app: { objectId: lost.id, appId: lost.appId }, pending: undefined });
    } else {
      await journal.record({ pending: { step: 'create-app', at: ctx.now().toISOString() } });
      show(msg('automatic.run.creating', { what: 'app' }));
      const app = await graph.createApplication({
        displayName: plan.appName,
        tags: [TOOL_APP_TAG],
        notes: appNotes(journal.state),
        sendAsApp: role,
        ...(certificatePem && { certificateDer: certificatePem.der, certificateDisplayName: TOOL_APP_TAG }),
      });
      await journal.record({ app: { objectId: app.id, appId: app.appId }, pending: undefined });
    }
  } else if (!ctx.reused.includes('app')) {
    ctx.reused.push('app');
  }
  const app = journal.state.app!;

  if (!journal.state.servicePrincipal) {
    // Idempotent by nature: Graph has one service principal per appId, so look before creating.
    const existing = await graph.findServicePrincipalByAppId(app.appId);
    if (existing) ctx.reused.push('service-principal');
    else show(msg('automatic.run.creating', { what: 'service-principal' }));
    const sp = existing ?? (await replicating(() => graph.createServicePrincipal(app.appId)));
    await journal.record({ servicePrincipal: { id: sp.id } });
  }
  const spId = journal.state.servicePrincipal!.id;

  if (!journal.state.consent) {
    const existing = (await graph.listAssignments(role)).find((a) => a.principalId === spId && a.appRoleId === role.roleId);
    if (existing) ctx.reused.push('consent');
    else show(msg('automatic.run.creating', { what: 'consent' }));
    const assignment = existing ?? (await replicating(() => graph.grantSendAsApp(spId, role)));
    await journal.record({ consent: { assignmentId: assignment.id } });
  }

  if (plan.credential === 'certificate') {
    const loaded = await loadClientCertificate({ certificatePath: certificatePem!.path});
    if (!loaded.certificate) throw new Error('the certificate written by this run cannot be read back');
    return { credential: { kind: 'certificate', certificate: loaded.certificate }, delivered: [] };
  }
  return secretStep(input, ctx, app, role);
}

async function secretStep(
  input: AutomaticRunInput,
  ctx: Step1Context,
  app: { objectId: string; appId: string },
  _role: SendAsAppRole,
): Promise<{ credential: Credential; delivered: Delivered[] }> {
  const { graph, journal, show, deps } = ctx;
  const recorded = journal.state.secret;
  if (recorded?.delivered) {
    const value = await readDelivered(recorded, deps.readSavedSecret);
    if (value) {
      deps.protect(value.reveal());
      ctx.reused.push('secret');
      return { credential: { kind: 'secret', secret: value }, delivered: [] };
    }
  }
  // A secret that was added but never delivered (or cannot be read back) is of no use to anyone:
  // removed, so no orphan stays, before a new one is added.
  if (recorded || journal.state.pending?.step === 'add-secret') {
    const current = await graph.findApplicationByAppId(app.appId);
    for (const p of current?.passwordCredentials ?? []) {
      if (p.keyId === recorded?.keyId || (journal.state.pending?.step === 'add-secret' && p.displayName === TOOL_APP_TAG)) {
        await graph.removePassword(app.objectId, p.keyId);
      }
    }
    await journal.record({ secret: undefined });
  }
  const step = input.plan.steps.find((s) => s.kind === 'add-secret');
  const until = new Date(step && 'endDateTime' in step ? step.endDateTime : ctx.now().getTime() + 180 * 86_400_000);
  await journal.record({ pending: { step: 'add-secret', at: ctx.now().toISOString() } });
  show(msg('automatic.run.creating', { what: 'secret' }));
  const password = await graph.addPassword(app.objectId, TOOL_APP_TAG, until);
  deps.protect(password.secretText.reveal());
  await journal.record({ secret: { keyId: password.keyId, endDateTime: password.endDateTime, delivered: null }, pending: undefined });
  const delivered = await (deps.deliver ?? deliverSecret)(
    password.secretText,
    input.destinations,
    { cloud: input.cloud.name, tenantId: journal.state.tenantId, clientId: app.appId, mailbox: input.plan.mailbox, from: input.plan.from, expires: password.endDateTime },
    { ...deps.delivery, show },
  );
  const readable = delivered.find((d) => d.destination.kind !== 'show');
  if (readable) {
    await journal.record({
      secret: {
        keyId: password.keyId,
        endDateTime: password.endDateTime,
        delivered: readable.destination.kind as 'saved-config' | 'env-file' | 'secret-file',
        ...(readable.path && readable.destination.kind !== 'saved-config' && { path: readable.path }),
      },
    });
  }
  return { credential: { kind: 'secret', secret: password.secretText }, delivered };
}

async function findByMarker(graph: GraphClient, state: AutomaticState): Promise<GraphApplication | null> {
  return (await graph.findApplicationsByTag(TOOL_APP_TAG)).find((a) => a.notes?.includes(state.marker)) ?? null;
}

async function ensureCertificate(input: AutomaticRunInput, journal: Journal, now: () => Date): Promise<{ der: Buffer; path: string }> {
  const recorded = journal.state.certificate;
  if (recorded) {
    const text = await readFile(recorded.path, 'utf8').catch(() => '');
    const block = pemBlocks(text).find((b) => b.label === 'CERTIFICATE');
    if (block) return { der: derOf(block.pem), path: recorded.path };
  }
  const step = input.plan.steps.find((s) => s.kind === 'add-certificate');
  const notAfter = new Date(step && 'notAfter' in step ? step.notAfter : now().getTime() + 365 * 86_400_000);
  const validDays = Math.max(1, Math.round((notAfter.getTime() - now().getTime()) / 86_400_000));
  const created = createSelfSignedCertificate({ commonName: `smtp-oauth-setup ${input.plan.mailbox}`, validDays, now: now() });
  const path = answerPath(input.certificateFile, input.workDir);
  await writeUserFile(path, created.privateKeyPem + created.certificatePem, { private: true });
  await journal.record({ certificate: { path, notAfter: created.notAfter.toISOString() } });
  return { der: derOf(created.certificatePem), path };
}

function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}
