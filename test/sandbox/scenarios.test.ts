import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { listScenarios, startSandbox, type Sandbox, type ScenarioExpectation } from '../../src/sandbox/index.js';
import { catalog } from '../../src/diagnose/catalog.js';
import { mailer, msalToken, type SmtpError } from './helpers.js';

/**
 * Every scenario, end to end, the way the CLI's `check` runs: real MSAL for the token, real
 * nodemailer for STARTTLS/AUTH/send, with the client settings the sandbox prints for the scenario.
 */

type Observed =
  | { kind: 'success'; response: string }
  | { kind: 'token'; status: number | undefined; error: string; aadsts: number | null }
  | { kind: 'smtp'; phase: string; code: number | null; response: string | null; errorCode: string | undefined };

function phaseOf(err: SmtpError): string {
  if (err.code === 'ETLS') return 'starttls';
  if (err.code === 'EAUTH') return 'auth';
  if (err.code === 'EMESSAGE') return 'data';
  if (err.command === 'MAIL FROM') return 'mail';
  if (err.command?.startsWith('RCPT TO')) return 'rcpt';
  return `unknown:${err.code ?? ''}:${err.command ?? ''}`;
}

async function runCheck(sandbox: Sandbox): Promise<Observed> {
  let accessToken: string;
  try {
    // Static endpoint metadata (no discovery GET), so an unknown tenant reaches the token endpoint.
    accessToken = (await msalToken(sandbox, { staticMetadata: true })).accessToken;
  } catch (err) {
    // MSAL throws interaction_required answers (AADSTS53003) as their own class, without the HTTP status.
    if (!(err instanceof ServerError) && !(err instanceof InteractionRequiredAuthError)) throw err;
    return {
      kind: 'token',
      status: err instanceof ServerError ? err.status : (sandbox.requestLog.at(-1)?.status ?? undefined),
      error: err.errorCode,
      aadsts: err.errorNo ? Number(err.errorNo) : null,
    };
  }
  const transport = mailer(sandbox, { user: sandbox.client.mailbox, accessToken });
  try {
    const info = await transport.sendMail({
      from: sandbox.client.from,
      to: sandbox.client.to,
      subject: `scenario ${sandbox.scenario.name}`,
      text: 'Sent by the sandbox scenario test.',
    });
    return { kind: 'success', response: info.response };
  } catch (e) {
    const err = e as SmtpError;
    return {
      kind: 'smtp',
      phase: phaseOf(err),
      code: err.responseCode ?? null,
      response: err.response ?? null,
      errorCode: err.code,
    };
  } finally {
    transport.close();
  }
}

function assertMatches(observed: Observed, expected: ScenarioExpectation): void {
  switch (expected.kind) {
    case 'success':
      expect(observed).toMatchObject({ kind: 'success' });
      return;
    case 'token':
      expect(observed).toEqual({ kind: 'token', status: expected.status, error: expected.error, aadsts: expected.aadsts });
      return;
    case 'smtp': {
      expect(observed).toMatchObject({ kind: 'smtp', phase: expected.phase, code: expected.code });
      if (observed.kind !== 'smtp') return;
      const prefix = expected.enhanced ? `${expected.code} ${expected.enhanced} ` : `${expected.code} `;
      expect(observed.response?.startsWith(prefix)).toBe(true);
      if (expected.text) expect(observed.response).toContain(expected.text);
    }
  }
}

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('scenario catalogue', () => {
  it('has the required scenarios, each with a one-line title and a description', () => {
    const names = listScenarios().map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'healthy',
        'secret-id-instead-of-value',
        'wrong-secret',
        'expired-secret',
        'unknown-app',
        'unknown-tenant',
        'app-disabled',
        'no-admin-consent',
        'no-service-principal',
        'wrong-object-id',
        'no-mailbox-permission',
        'smtp-auth-disabled-mailbox',
        'smtp-auth-disabled-tenant',
        'send-as-denied',
        'no-starttls',
        'token-endpoint-unavailable',
        'exchange-temporary-error',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
    for (const s of listScenarios()) {
      expect(s.title).not.toMatch(/\n/);
      expect(s.title.length).toBeGreaterThan(10);
      expect(s.description.length).toBeGreaterThan(20);
      expect(s.name).toMatch(/^[a-z0-9-]+$/);
    }
    expect(listScenarios()[0]?.name).toBe('healthy');
  });

  it('every scenario declares a diagnosis of the catalog (only healthy declares none)', () => {
    const codes = new Set(catalog.map((e) => e.code));
    for (const s of listScenarios()) {
      if (s.name === 'healthy') expect(s.diagnosis).toBeNull();
      else expect(codes.has(s.diagnosis ?? ''), `${s.name}: ${String(s.diagnosis)}`).toBe(true);
    }
  });

  it('secret-id-instead-of-value hands out the secret ID (a GUID), never the value', () => {
    sandbox.applyScenario('healthy');
    const value = sandbox.client.clientSecret;
    sandbox.applyScenario('secret-id-instead-of-value');
    expect(sandbox.client.clientSecret).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(sandbox.client.clientSecret).toBe(sandbox.tenant.apps[0]?.secrets[0]?.id);
    expect(sandbox.client.clientSecret).not.toBe(value);
    sandbox.applyScenario('healthy');
    expect(sandbox.client.clientSecret).toBe(value);
  });
});

describe('every scenario end to end (real MSAL + real nodemailer)', () => {
  for (const scenario of listScenarios()) {
    it(`${scenario.name}: ${scenario.title}`, async () => {
      sandbox.applyScenario(scenario.name);
      expect(sandbox.scenario.name).toBe(scenario.name);
      const received = sandbox.received.length;
      const observed = await runCheck(sandbox);
      assertMatches(observed, scenario.expect);
      // A message is stored exactly when the whole flow succeeds.
      expect(sandbox.received.length - received).toBe(scenario.expect.kind === 'success' ? 1 : 0);
      // Failures that show only once a message is sent (MAIL FROM, RCPT TO, end of DATA) are flagged,
      // so the CLI knows to send one.
      const afterAuth = scenario.expect.kind === 'smtp' && ['mail', 'rcpt', 'data'].includes(scenario.expect.phase);
      expect(scenario.needsRecipient ?? false).toBe(afterAuth);
    });
  }
});
