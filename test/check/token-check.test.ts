import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acquireAndCheckToken, type StageEvents, type TokenCheckInputs } from '../../src/check/run.js';
import { GLOBAL_CLOUD } from '../../src/cloud.js';
import { Secret } from '../../src/inputs/secret.js';
import { Redactor } from '../../src/redact.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';

/** The pipeline's token and claims stages on their own (the wizard's step 1), with real MSAL. */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});
beforeEach(() => sandbox.applyScenario('healthy'));

function recorder(): StageEvents & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    start: (stage) => void log.push(`start ${stage}`),
    succeed: (stage) => void log.push(`succeed ${stage}`),
    fail: (stage) => void log.push(`fail ${stage}`),
    skip: (stage) => void log.push(`skip ${stage}`),
  };
}

const inputs = (secret = sandbox.client.clientSecret): TokenCheckInputs => ({
  cloud: GLOBAL_CLOUD,
  tenantId: sandbox.client.tenantId,
  clientId: sandbox.client.clientId,
  credential: { kind: 'secret', secret: new Secret(secret, 'prompt') },
  authorityHost: sandbox.authorityHost,
  timeoutSeconds: 10,
  proxy: null,
});

describe('acquireAndCheckToken', () => {
  it('a usable token: claims, the service principal object id, the token registered with the redactor', async () => {
    const events = recorder();
    const redactor = new Redactor();
    const result = await acquireAndCheckToken(inputs(), { events, redactor, extraCaPem: sandbox.caPem });
    expect(result.diagnosis).toBeNull();
    expect(events.log).toEqual(['start token', 'succeed token', 'start claims', 'succeed claims']);
    expect(result.token).toMatchObject({ acquired: true, servicePrincipalObjectId: sandbox.tenant.apps[0]!.servicePrincipalObjectId, claims: { roles: ['SMTP.SendAsApp'] } });
    expect(result.context).toMatchObject({ tenantId: sandbox.client.tenantId, servicePrincipalObjectId: sandbox.tenant.apps[0]!.servicePrincipalObjectId, tokenHasSendAsRole: true });
    expect(redactor.redact(`x ${result.accessToken} ${sandbox.client.clientSecret}`)).toBe('x [redacted] [redacted]');
  });

  it('without admin consent: the claims stage fails with token-missing-role, and no token is handed on', async () => {
    sandbox.applyScenario('no-admin-consent');
    const events = recorder();
    const result = await acquireAndCheckToken(inputs(), { events, redactor: new Redactor(), extraCaPem: sandbox.caPem });
    expect(result.diagnosis).toMatchObject({ code: 'token-missing-role', step: 1, exitCode: 3 });
    expect(result.accessToken).toBeNull();
    expect(result.token.claims?.roles).toEqual([]);
    expect(events.log).toEqual(['start token', 'succeed token', 'start claims', 'fail claims']);
  });

  it('a refused secret: the token stage fails, the claims stage is skipped', async () => {
    const events = recorder();
    const result = await acquireAndCheckToken(inputs('Zzz8Q~wrong.secret.value-000000000000000'), { events, redactor: new Redactor(), extraCaPem: sandbox.caPem });
    expect(result.diagnosis).toMatchObject({ code: 'client-secret-invalid' });
    expect(result.token.acquired).toBe(false);
    expect(events.log).toEqual(['start token', 'fail token', 'skip claims']);
  });

  it('asks the token endpoint every time (a fresh token, never a cached one)', async () => {
    const before = sandbox.stats().tokenRequests;
    await acquireAndCheckToken(inputs(), { events: recorder(), redactor: new Redactor(), extraCaPem: sandbox.caPem });
    await acquireAndCheckToken(inputs(), { events: recorder(), redactor: new Redactor(), extraCaPem: sandbox.caPem });
    expect(sandbox.stats().tokenRequests - before).toBe(2);
  });
});
