import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoOptions } from '../cli.js';
import { memoryConfigStore } from '../config/store.js';
import { Secret } from '../inputs/secret.js';
import { msg, render, t } from '../messages/index.js';
import { runCheck } from '../check/run.js';
import { resolveCheckInputs } from '../inputs/check-inputs.js';
import { type CliIO, canPrompt } from '../io.js';
import type { Output } from '../output.js';
import type { Reporter } from '../report/reporter.js';
import { showReceivedMessage } from '../report/demo.js';
import type { Sandbox } from '../sandbox/index.js';
import { createProgress } from '../report/progress.js';
import { cancellation, listenForStop, unlessStopped } from '../signals.js';
import { detectPlatform, type Platform } from '../platform.js';
import type { DemoHooks } from '../wizard/context.js';
import { assertScenario } from './sandbox.js';

/**
 * `demo`: the whole check against the built-in sandbox, in-process, so a newcomer sees every step
 * work (or, with --scenario, fail and be diagnosed) without a tenant. It goes through the same input
 * validation and the same pipeline as `check`; only the trust of the sandbox CA is passed in-process.
 */
export async function demoCommand(options: DemoOptions, io: CliIO, output: Output, reporter: Reporter): Promise<number> {
  const { listScenarios, startSandbox } = await import('../sandbox/index.js');
  assertScenario(options.scenario, listScenarios().map((s) => s.name));
  // A stop signal (Ctrl-C, SIGTERM, SIGHUP) ends the demo like any other end: the sandbox closed and
  // its temporary folder removed, then exit 128 + the signal's number.
  const stop = listenForStop(detectPlatform(io.env));
  let sandbox: Sandbox | undefined;
  try {
    sandbox = await startSandbox({ ...(options.scenario && { scenario: options.scenario }) });
    if (stop.signal.aborted) throw cancellation(stop.signal);
    if (options.automatic) return await demoAutomatic(sandbox, options, io, output, reporter);
    // On a terminal the demo is the setup wizard against the sandbox. Scenarios that stage wrong
    // values in the sending application (a bad secret, an unknown app) stay non-interactive: the
    // walk would ask for values a newcomer cannot know.
    if (reporter.format === 'human' && options.input !== false && io.stdout.isTTY === true && !sandbox.scenario.client) {
      if (canPrompt(io, true)) return await demoWizard(sandbox, io, output, detectPlatform(io.env));
    }
    const { client } = sandbox;
    output.redactor.protect(client.clientSecret);
    const { inputs, warnings } = await resolveCheckInputs({
      flags: {
        authorityHost: sandbox.authorityHost,
        tenantId: client.tenantId,
        clientId: client.clientId,
        mailbox: client.mailbox,
        from: client.from,
        to: client.to,
        smtpHost: sandbox.smtp.host,
        smtpPort: String(sandbox.smtp.port),
        timeout: '10',
      },
      env: { AZURE_CLIENT_SECRET: client.clientSecret },
      prompter: null,
    });
    await reporter.demoStarted({
      scenario: { name: sandbox.scenario.name, title: sandbox.scenario.title },
      tenantId: inputs.tenantId,
      clientId: inputs.clientId,
      mailbox: inputs.mailbox,
      authorityHost: sandbox.authorityHost,
      smtp: `${sandbox.smtp.host}:${sandbox.smtp.port}`,
    });
    const report = await unlessStopped(
      runCheck(inputs, {
        events: createProgress(output, stop.signal),
        redactor: output.redactor,
        warnings,
        extraCaPem: sandbox.caPem,
        signal: stop.signal,
      }),
      stop.signal,
    );
    return await reporter.demo({ report, scenario: { name: sandbox.scenario.name, description: sandbox.scenario.description }, received: sandbox.received });
  } finally {
    await sandbox?.close();
    stop.dispose();
  }
}


/**
 * `demo` on a terminal: the same walk against the built-in sandbox, every answer prefilled so that
 * Enter goes all the way to a real test message. Nothing is saved; files go to a temporary folder,
 * removed when the demo ends.
 * With a broken-tenant scenario, a retry finds the tenant repaired (the sandbox plays the admin).
 */
export async function demoWizard(sandbox: Sandbox, io: CliIO, output: Output, platform: Platform = detectPlatform()): Promise<number> {
  const { client } = sandbox;
  output.redactor.protect(client.clientSecret);
  // The wizard loads only for the walk (the non-interactive demo does not need it).
  const [{ initialState }, { walkWizard }] = await Promise.all([import('../wizard/index.js'), import('./setup.js')]);
  const state = initialState(
    null,
    {
      tenantId: client.tenantId,
      clientId: client.clientId,
      mailbox: client.mailbox,
      from: client.from,
      to: client.to,
      authorityHost: sandbox.authorityHost,
      smtpHost: sandbox.smtp.host,
      smtpPort: String(sandbox.smtp.port),
      timeout: '10',
    },
    { kind: 'secret', secret: new Secret(client.clientSecret, t('demo.secret-source')) },
  );
  // Certificates the newcomer created and "uploaded": a repaired tenant starts fresh, so they go back in.
  const uploaded: string[] = [];
  const demo: DemoHooks = {
    repairTenant() {
      const broken = sandbox.scenario.name;
      if (broken === 'healthy') return null;
      sandbox.applyScenario('healthy');
      for (const pem of uploaded) sandbox.uploadCertificate(pem);
      return msg('demo.repaired', { scenario: broken });
    },
    uploadCertificate(certificatePem) {
      uploaded.push(certificatePem);
      sandbox.uploadCertificate(certificatePem);
      return msg('demo.uploaded');
    },
  };
  const workDir = await mkdtemp(join(tmpdir(), 'smtp-oauth-demo-'));
  // The sandbox applies changes at once: a demo of waiting needs seconds, not Exchange's minutes.
  const wait = { intervalMs: 10_000, attempts: 3 };
  let exitCode: number;
  let saved: string[] = [];
  try {
    exitCode = await walkWizard(state, null, {
      output,
      terminal: io,
      store: memoryConfigStore(),
      yes: false,
      workDir,
      extraCaPem: sandbox.caPem,
      demo,
      wait,
      platform,
      // The first question's other way, offline: the automatic setup against this sandbox.
      automatic: async () => demoAutomatic(sandbox, { json: false }, io, output, (await import('../report/reporter.js')).createReporter('human', output)),
    });
    saved = await readdir(workDir);
  } finally {
    // Removed however the demo ends (success, failure, a signal): what the newcomer saved there, a
    // .env above all, holds the sandbox's secret, and the sandbox is gone with the demo anyway.
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  }
  showReceivedMessage(sandbox.received, output);
  if (saved.length > 0) output.info(output.color.dim(`\n${t('demo.files-removed', { workDir })}`));
  return exitCode;
}

/** How long the sandbox's administrator takes to approve the device code in `demo --automatic`. */
export const DEMO_APPROVAL_MS = 3000;

/**
 * `demo --automatic`: the automatic setup against the sandbox, offline: a tenant as new ones are
 * (SMTP AUTH off), the device codes approved by the sandbox's administrator after a few seconds,
 * steps 1–3 made through the sandbox's Graph and Exchange admin endpoint, then the test message.
 * Nothing is written to the user's configuration: the state and the secret stay in memory.
 */
export async function demoAutomatic(sandbox: Sandbox, options: DemoOptions, io: CliIO, output: Output, reporter: Reporter): Promise<number> {
  const { automaticCommand } = await import('./automatic.js');
  const { SANDBOX_ADMIN } = await import('../sandbox/directory.js');
  sandbox.automation.deviceCodeAutoApproveMs = DEMO_APPROVAL_MS;
  sandbox.automation.deviceCodeIntervalSeconds = 1;
  sandbox.tenant.organization.smtpClientAuthenticationDisabled = true;
  for (const box of sandbox.tenant.mailboxes) box.smtpClientAuthenticationDisabled = null;
  const { client } = sandbox;
  if (!options.json) output.info(render(msg('demo.automatic.intro', { admin: SANDBOX_ADMIN.userPrincipalName, waitMs: DEMO_APPROVAL_MS })));
  const exitCode = await automaticCommand(
    {
      automatic: true,
      yes: true,
      input: false,
      json: options.json,
      mailbox: client.mailbox,
      from: client.from,
      to: client.to,
      tenantId: client.tenantId,
      authorityHost: sandbox.authorityHost,
      graphUrl: sandbox.graphUrl,
      exchangeUrl: sandbox.exchangeUrl,
      smtpHost: sandbox.smtp.host,
      smtpPort: String(sandbox.smtp.port),
      timeout: '10',
      wait: '2m',
    },
    io,
    output,
    reporter,
    undefined,
    { extraCaPem: sandbox.caPem, memoryState: true },
  );
  if (!options.json) showReceivedMessage(sandbox.received, output);
  return exitCode;
}
