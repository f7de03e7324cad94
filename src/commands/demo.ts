import type { DemoOptions } from '../cli.js';
import { runCheck } from '../check/run.js';
import { resolveCheckInputs } from '../inputs/check-inputs.js';
import { type CliIO, canPrompt } from '../io.js';
import type { Output } from '../output.js';
import type { Sandbox } from '../sandbox/index.js';
import { renderCheckReport } from '../report/human.js';
import { checkJson } from '../report/json.js';
import { createProgress } from '../report/progress.js';
import { cancellation, listenForStop, unlessStopped } from '../signals.js';
import { detectPlatform } from '../platform.js';
import { assertScenario } from './sandbox.js';

/**
 * `demo`: the whole check against the built-in sandbox, in-process, so a newcomer sees every step
 * work (or, with --scenario, fail and be diagnosed) without a tenant. It goes through the same input
 * validation and the same pipeline as `check`; only the trust of the sandbox CA is passed in-process.
 */
export async function demoCommand(options: DemoOptions, io: CliIO, output: Output): Promise<number> {
  const { listScenarios, startSandbox } = await import('../sandbox/index.js');
  assertScenario(options.scenario, listScenarios().map((s) => s.name));
  // A stop signal (Ctrl-C, SIGTERM, SIGHUP) ends the demo like any other end: the sandbox closed and
  // its temporary folder removed, then exit 128 + the signal's number.
  const stop = listenForStop(detectPlatform(io.env));
  let sandbox: Sandbox | undefined;
  try {
    sandbox = await startSandbox({ ...(options.scenario && { scenario: options.scenario }) });
    if (stop.signal.aborted) throw cancellation(stop.signal);
    // On a terminal the demo is the setup wizard against the sandbox. Scenarios that stage wrong
    // values in the sending application (a bad secret, an unknown app) stay non-interactive: the
    // walk would ask for values a newcomer cannot know.
    if (!options.json && options.input !== false && io.stdout.isTTY === true && !sandbox.scenario.client) {
      const { demoWizard } = await import('./setup.js');
      if (canPrompt(io, true)) return await demoWizard(sandbox, output, detectPlatform(io.env));
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
    const c = output.color;
    if (!options.json) {
      output.info(
        [
          c.bold(`smtp-oauth-setup demo: scenario ${sandbox.scenario.name}`) + c.dim(` (${sandbox.scenario.title})`),
          c.dim('Everything runs against the built-in sandbox on 127.0.0.1: an emulator of the Entra ID token'),
          c.dim('endpoint and of Exchange Online SMTP. No tenant is needed and nothing leaves this machine.'),
          '',
          `  Tenant ${inputs.tenantId} · app ${inputs.clientId} · mailbox ${inputs.mailbox}`,
          `  Token endpoint ${sandbox.authorityHost} · SMTP ${sandbox.smtp.host}:${sandbox.smtp.port}`,
          '',
        ].join('\n'),
      );
    }
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
    const received = sandbox.received.map(({ raw: _raw, ...message }) => message);
    if (options.json) {
      output.result(JSON.stringify({ ...checkJson(report), sandbox: { scenario: sandbox.scenario.name, received } }, null, 2));
      return report.exitCode;
    }
    renderCheckReport(report, output);
    showReceivedMessage(sandbox, output);
    output.result(
      '\n' +
        (report.ok
          ? `Next: run ${c.bold('smtp-oauth-setup demo --scenario <name>')} to see a failure diagnosed (${c.bold('smtp-oauth-setup sandbox --list-scenarios')} lists them), or ${c.bold('smtp-oauth-setup check --help')} for your own tenant.`
          : `This failure was staged by the sandbox scenario '${sandbox.scenario.name}': ${sandbox.scenario.description}`),
    );
    return report.exitCode;
  } finally {
    await sandbox?.close();
    stop.dispose();
  }
}

/** The message as the sandbox's Exchange received it: proof that the whole way works. */
export function showReceivedMessage(sandbox: Pick<Sandbox, 'received'>, output: Output): void {
  const c = output.color;
  const message = sandbox.received[0];
  if (!message) return;
  output.result(['', c.bold('The sandbox received this message'), ...message.raw.split(/\r?\n/).map((line) => `  ${c.dim('│')} ${line}`)].join('\n'));
}
