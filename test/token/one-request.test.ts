import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../src/inputs/secret.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { acquireToken } from '../../src/token/acquire.js';

/**
 * A token from Microsoft's cloud costs one HTTP request: the authority and discovery metadata are
 * static (src/token/authority.ts). The sandbox, given as an authority with that same static metadata,
 * proves the count in its request log. Without it (any other host) MSAL reads the openid-configuration first.
 */
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

function request(staticMetadata: boolean) {
  const { client } = sandbox;
  return acquireToken({
    authorityHost: sandbox.authorityHost,
    tenantId: client.tenantId,
    clientId: client.clientId,
    credential: { kind: 'secret', secret: new Secret(client.clientSecret, 'test') },
    scope: 'https://outlook.office365.com/.default',
    timeoutMs: 5000,
    extraCaPem: sandbox.caPem,
    staticMetadata,
  });
}

describe('the cost of a token', () => {
  it('is exactly one request (the token POST) with static metadata', async () => {
    const before = sandbox.requestLog.length;
    const token = await request(true);
    expect(token.accessToken).toMatch(/^eyJ/);
    const made = sandbox.requestLog.slice(before);
    expect(made.map((r) => [r.method, r.path, r.status])).toEqual([['POST', `/${sandbox.client.tenantId}/oauth2/v2.0/token`, 200]]);
    expect(token.requests).toHaveLength(1);
  });

  it('is two requests with discovery (what any other authority host gets)', async () => {
    const before = sandbox.requestLog.length;
    await request(false);
    expect(sandbox.requestLog.slice(before).map((r) => r.method)).toEqual(['GET', 'POST']);
  });
});
