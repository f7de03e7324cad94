import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { resolveCheckInputs } from '../../src/inputs/check-inputs.js';
import { Output } from '../../src/output.js';
import { renderCheckReport } from '../../src/report/human.js';
import { createProgress } from '../../src/report/progress.js';
import { base64Fragments } from '../../src/redact.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { parseValid } from '../support/json-schema.js';

/**
 * Secrets never leave: the client secret, the access token, its XOAUTH2 base64 form and the URL-encoded
 * form appear in no output, on the happy path and on every failure path, for arbitrary secrets.
 */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

function expectClean(text: string, secret: string): void {
  expect(text).not.toContain(secret);
  expect(text).not.toContain(encodeURIComponent(secret));
  for (const fragment of base64Fragments(secret)) expect(text).not.toContain(fragment);
  // A JWT's header always encodes to eyJ…; the XOAUTH2 blob always starts with base64('user=').
  expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  expect(text).not.toContain('dXNlcj1');
}

function env(): Record<string, string> {
  return sandboxEnv(sandbox, {}, { secret: false });
}
const smtp = () => sandboxSmtpArgs(sandbox);

describe('secret sources and the --verbose transcript (spawned CLI)', () => {
  it('--client-secret-stdin reads the secret from a pipe', async () => {
    sandbox.applyScenario('healthy');
    const run = await runCli(['check', '--json', '--client-secret-stdin', ...smtp()], { env: env(), input: `${sandbox.client.clientSecret}\n` });
    expect(run.status, run.stderr).toBe(0);
    expect(parseValid('check', run.stdout).plan.token.credential).toContain('standard input');
    expectClean(run.stdout + run.stderr, sandbox.client.clientSecret);
  });

  it('--verbose shows the SMTP dialogue with the AUTH payload replaced', async () => {
    sandbox.applyScenario('healthy');
    const run = await runCli(['check', '--verbose', '--client-secret-stdin', ...smtp(), '--to', sandbox.client.to], { env: { ...env(), NO_COLOR: '1' }, input: sandbox.client.clientSecret });
    expect(run.status, run.stderr).toBe(0);
    for (const line of ['S: 220 ', 'C: EHLO ', 'C: STARTTLS', 'S: 220 2.0.0 SMTP server ready', 'C: AUTH XOAUTH2 [redacted', 'S: 235 2.7.0 Authentication successful', 'C: MAIL FROM:<', 'S: 250 2.0.0 OK']) {
      expect(run.stderr).toContain(line);
    }
    // The message itself is not part of the transcript.
    expect(run.stderr).not.toContain('This is a test message');
    expectClean(run.stdout + run.stderr, sandbox.client.clientSecret);
  });
});

describe('a secret pasted where its file belongs (spawned CLI)', () => {
  it('is reported without echoing it, in human and --json output; an ordinary missing file is still named', async () => {
    sandbox.applyScenario('healthy');
    const requests = sandbox.requestLog.length;
    for (const pasted of ['SuperS3cretValue~abc', sandbox.client.clientSecret]) {
      const human = await runCli(['check', '--client-secret-file', pasted, ...smtp()], { env: { ...env(), NO_COLOR: '1' } });
      expect(human.status).toBe(2);
      expect(human.stderr).toContain('--client-secret-file: no such file, and the value given looks like a client secret itself (not shown).');
      expectClean(human.stdout + human.stderr, pasted);
      const json = await runCli(['check', '--json', '--client-secret-file', pasted, ...smtp()], { env: env() });
      expect(json.status).toBe(2);
      const parsed = JSON.parse(json.stdout);
      expect(parsed.error.problems.join('\n')).toContain('looks like a client secret itself (not shown)');
      expectClean(json.stdout + json.stderr, pasted);
    }
    const ordinary = await runCli(['check', '--json', '--client-secret-file', 'secret.txt', ...smtp()], { env: env() });
    expect(ordinary.status).toBe(2);
    expect(JSON.parse(ordinary.stdout).error.problems).toContain('--client-secret-file: secret.txt: no such file');
    expect(sandbox.requestLog.length).toBe(requests);
  });
});

describe('leak property: arbitrary secrets on every path (in-process pipeline, real MSAL and nodemailer)', () => {
  // Characters special in regular expressions, URLs, base64 and JSON, plus non-ASCII.
  const secretArb = fc.string({ unit: fc.constantFrom(...'aZ09~._-+/=&%?*()[]{}^$|"é€'.split('')), minLength: 12, maxLength: 48 }).filter((s) => s.trim() === s && !/\s/.test(s));
  const scenarioArb = fc.constantFrom('healthy', 'no-admin-consent', 'wrong-object-id', 'smtp-auth-disabled-mailbox', 'send-as-denied', 'unregistered-secret', 'exchange-temporary-error');

  it('nothing printed (human or JSON) carries the secret or the token', async () => {
    await fc.assert(
      fc.asyncProperty(secretArb, scenarioArb, async (secret, scenario) => {
        sandbox.applyScenario(scenario === 'unregistered-secret' ? 'healthy' : scenario);
        // The app's secret becomes the arbitrary one, unless the path under test is a refused secret.
        if (scenario !== 'unregistered-secret') sandbox.tenant.apps[0]!.secrets[0]!.value = secret;
        const { client } = sandbox;
        let captured = '';
        const stream = { write: (s: string) => ((captured += s), true), isTTY: false };
        const output = new Output({ stdout: stream, stderr: stream, env: {} });
        const { inputs, warnings } = await resolveCheckInputs({
          flags: { authorityHost: sandbox.authorityHost, tenantId: client.tenantId, clientId: client.clientId, mailbox: client.mailbox, from: client.from, to: client.to, smtpHost: sandbox.smtp.host, smtpPort: String(sandbox.smtp.port), timeout: '10' },
          env: { AZURE_CLIENT_SECRET: secret },
          prompter: null,
        });
        const report = await runCheck(inputs, { events: createProgress(output), redactor: output.redactor, warnings, extraCaPem: sandbox.caPem, transcript: (line) => output.info(line) });
        renderCheckReport(report, output);
        output.result(JSON.stringify(report));
        expect(report.exitCode).toBe(scenario === 'healthy' ? 0 : scenario === 'unregistered-secret' || scenario === 'no-admin-consent' ? 3 : scenario === 'send-as-denied' ? 5 : scenario === 'exchange-temporary-error' ? 6 : 4);
        expectClean(captured, secret);
      }),
      { numRuns: 20 },
    );
  });
});
