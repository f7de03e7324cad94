import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminApiError, diagnoseAdmin } from '../../src/admin/errors.js';
import { ExchangeAdminClient } from '../../src/admin/exchange.js';
import { GraphClient, type SendAsAppRole } from '../../src/admin/graph.js';
import { EXCHANGE_RESOURCE, type AdminSession } from '../../src/admin/sign-in.js';
import type { Diagnosis } from '../../src/diagnose/types.js';
import { Secret } from '../../src/inputs/secret.js';
import { SANDBOX_ADDRESSES, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { addOwnPublicClient, httpOptions, sandboxSignIn } from './support.js';

// Each refusal of Graph and of Exchange's admin endpoint, as the sandbox answers it, becomes its
// diagnosis; the admin endpoint's unknown answers are the typed `unexpected` outcome; and no admin
// token or client secret appears in any error message or diagnosis.

let sandbox: Sandbox;
/** Every admin token and client secret seen in this file, and every text shown to a person. */
const secrets: string[] = [];
const texts: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ deviceCode: { intervalSeconds: 0, autoApproveMs: 20 } });
});
afterAll(async () => {
  // The scan: no admin token, no client secret, nothing shaped like a JWT in any text.
  expect(texts.length).toBeGreaterThan(10);
  for (const text of texts) {
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{5,}\./);
  }
  await sandbox.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
  sandbox.automation.deviceCodeAutoApproveMs = 20;
  sandbox.automation.exchangeAdminAnswer = 'normal';
});

async function signIn(): Promise<{ session: AdminSession; graph: GraphClient; exo: () => Promise<ExchangeAdminClient> }> {
  const { session } = await sandboxSignIn(sandbox, { clientId: addOwnPublicClient(sandbox) });
  secrets.push(session.first.accessToken.reveal());
  const graph = new GraphClient({ graphUrl: sandbox.graphUrl, token: session.first.accessToken, ...httpOptions(sandbox) });
  const exo = async () => {
    const token = await session.tokenFor(EXCHANGE_RESOURCE);
    secrets.push(token.accessToken.reveal());
    return new ExchangeAdminClient({ exchangeUrl: sandbox.exchangeUrl, tenantId: session.tenantId, token: token.accessToken, adminUpn: session.username, ...httpOptions(sandbox) });
  };
  return { session, graph, exo };
}

async function refusal(promise: Promise<unknown>): Promise<{ error: AdminApiError; diagnosis: Diagnosis }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof AdminApiError)) throw error;
    const diagnosis = diagnoseAdmin(error.failure);
    texts.push(error.message, diagnosis.summary, diagnosis.fix, JSON.stringify(error.failure), JSON.stringify(diagnosis));
    return { error, diagnosis };
  }
  throw new Error('expected a refusal');
}

describe('Graph refusals', () => {
  it('403 (an admin without an application role creating an app) → admin-role-missing, naming the roles', async () => {
    sandbox.tenant.directory.admins[0]!.roles = ['exchangeAdministrator'];
    const { graph } = await signIn();
    const role = (await graph.findSendAsAppRole()) as SendAsAppRole;
    const { error, diagnosis } = await refusal(graph.createApplication({ displayName: 'x', tags: ['smtp-oauth-setup'], sendAsApp: role }));
    expect(error.failure).toMatchObject({ kind: 'answer', service: 'graph', operation: 'write-applications', status: 403, code: 'Authorization_RequestDenied' });
    expect(diagnosis).toMatchObject({ code: 'admin-role-missing', transient: false, propagation: false, exitCode: 3, source: 'authorization_requestdenied' });
    expect(diagnosis.summary).toContain('Application Administrator, Cloud Application Administrator, or Global Administrator');
    expect(diagnosis.summary).toContain('Insufficient privileges to complete the operation.');
  });

  it('403 on the consent (no role that may grant) → admin-role-missing with the four roles of Learn', async () => {
    const { graph } = await signIn();
    const role = (await graph.findSendAsAppRole()) as SendAsAppRole;
    const app = await graph.createApplication({ displayName: 'y', tags: ['smtp-oauth-setup'], sendAsApp: role });
    const sp = await graph.createServicePrincipal(app.appId);
    sandbox.tenant.directory.admins[0]!.roles = ['exchangeAdministrator'];
    const { diagnosis } = await refusal(graph.grantSendAsApp(sp.id, role));
    expect(diagnosis.code).toBe('admin-role-missing');
    expect(diagnosis.summary).toContain('Privileged Role Administrator, Global Administrator, Cloud Application Administrator, or Application Administrator');
  });

  it('401 (a token Graph does not accept) → admin-token-refused', async () => {
    const graph = new GraphClient({ graphUrl: sandbox.graphUrl, token: new Secret('not-a-token-at-all', 'test'), ...httpOptions(sandbox) });
    secrets.push('not-a-token-at-all');
    const { diagnosis } = await refusal(graph.findApplicationsByTag('smtp-oauth-setup'));
    expect(diagnosis).toMatchObject({ code: 'admin-token-refused', exitCode: 3 });
  });

  it('404 (an object that is not there) → admin-object-not-found, a propagation answer', async () => {
    const { graph } = await signIn();
    const { error, diagnosis } = await refusal(graph.deleteApplication('0b3d7c52-5d8e-4f0a-9b7c-1d2e3f4a5b6c'));
    expect(error.failure).toMatchObject({ status: 404, code: 'Request_ResourceNotFound' });
    expect(diagnosis).toMatchObject({ code: 'admin-object-not-found', step: 1, propagation: true, transient: false });
  });

  it('Security Defaults: unreadable (403) is "could not check", never "off"; on and off are read', async () => {
    const { session } = await sandboxSignIn(sandbox, { clientId: addOwnPublicClient(sandbox, ['Application.ReadWrite.All']) });
    const limited = new GraphClient({ graphUrl: sandbox.graphUrl, token: session.first.accessToken, ...httpOptions(sandbox) });
    const unknown = await limited.securityDefaults();
    expect(unknown.state).toBe('unknown');
    if (unknown.state === 'unknown') expect(unknown.failure.failure).toMatchObject({ status: 403, operation: 'read-policy' });
    const { graph } = await signIn();
    sandbox.tenant.directory.securityDefaultsEnabled = true;
    expect(await graph.securityDefaults()).toEqual({ state: 'enabled' });
  });
});

describe("Exchange's admin endpoint", () => {
  it('403 (an admin without an Exchange role) → admin-role-missing, naming Exchange Administrator', async () => {
    sandbox.tenant.directory.admins[0]!.roles = ['applicationAdministrator'];
    const { exo } = await signIn();
    const client = await exo();
    const { error, diagnosis } = await refusal(client.getTransportConfig());
    expect(error.failure).toMatchObject({ kind: 'answer', service: 'exchange', cmdlet: 'Get-TransportConfig', status: 403 });
    expect(diagnosis.code).toBe('admin-role-missing');
    expect(diagnosis.summary).toContain('Exchange Administrator or Global Administrator');
  });

  it('an answer in no documented shape is the typed unexpected outcome (never success) → admin-endpoint-unexpected', async () => {
    const { exo } = await signIn();
    const client = await exo();
    sandbox.automation.exchangeAdminAnswer = 'unexpected';
    const outcomes = [
      await client.newServicePrincipal('5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f', '6ee9ec92-6726-422a-85ce-86a1a6502800', 'x'),
      await client.addMailboxPermission(SANDBOX_ADDRESSES.mailbox, 'x'),
      await client.setCasMailbox(SANDBOX_ADDRESSES.mailbox, false),
      await client.getServicePrincipal('5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f'),
    ];
    expect(outcomes.map((o) => o.kind)).toEqual(['unexpected', 'unexpected', 'unexpected', 'unexpected']);
    const first = outcomes[0]!;
    if (first.kind !== 'unexpected') throw new Error('unreachable');
    expect(first.failure).toEqual({ kind: 'unexpected', cmdlet: 'New-ServicePrincipal', status: 200 });
    const diagnosis = diagnoseAdmin(first.failure);
    texts.push(diagnosis.summary, diagnosis.fix);
    expect(diagnosis).toMatchObject({ code: 'admin-endpoint-unexpected', step: 2, transient: false });
    expect(diagnosis.summary).toContain('New-ServicePrincipal');
  });

  it('a cmdlet error in the documented shape is an AdminApiError with Exchange words (Code|Type|Message)', async () => {
    const { exo } = await signIn();
    const client = await exo();
    const { error } = await refusal(client.addMailboxPermission('nobody@contoso-sandbox.onmicrosoft.com', 'x'));
    expect(error.failure).toMatchObject({ service: 'exchange', cmdlet: 'Add-MailboxPermission', status: 400, code: 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException' });
  });
});

describe('secrets stay out of every text', () => {
  it('an addPassword secret and the admin tokens never reach an error message or diagnosis', async () => {
    const { graph } = await signIn();
    const role = (await graph.findSendAsAppRole()) as SendAsAppRole;
    const app = await graph.createApplication({ displayName: 'z', tags: ['smtp-oauth-setup'], sendAsApp: role });
    const password = await graph.addPassword(app.id, 'test', new Date(Date.now() + 86_400_000));
    secrets.push(password.secretText.reveal());
    expect(JSON.stringify(password)).not.toContain(password.secretText.reveal());
    // A refusal made while the secret and token are in hand: neither is in its words.
    await refusal(graph.removePassword(app.id, '0b3d7c52-5d8e-4f0a-9b7c-1d2e3f4a5b6c'));
  });
});
