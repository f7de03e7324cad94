import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminApiError, diagnoseAdminError } from '../../src/admin/errors.js';
import { ExchangeAdminClient } from '../../src/admin/exchange.js';
import { GraphClient, type SendAsAppRole } from '../../src/admin/graph.js';
import { replicationLagOf, ReplicationTimeout, retryWhileReplicating, type ReplicationWait } from '../../src/admin/replication.js';
import { EXCHANGE_RESOURCE } from '../../src/admin/sign-in.js';
import type { AdminFailure } from '../../src/diagnose/types.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { addOwnPublicClient, httpOptions, sandboxSignIn } from './support.js';

// Replication delays (automation-notes.md §4) against the sandbox: each new object invisible for
// DELAY ms of the sandbox's clock, which the injected sleep moves. The retry waits them out.

const DELAY = 10_000;
let sandbox: Sandbox;
let offset = 0;
const sleep = async (ms: number) => {
  offset += ms;
};
const now = () => Date.now() + offset;
/** The retry's clock: only the injected sleep moves it, so totals are exact. */
const waited = () => offset;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: now, replicationDelayMs: DELAY, deviceCode: { intervalSeconds: 0, autoApproveMs: 20 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  offset = 0;
  sandbox.applyScenario('healthy');
  sandbox.automation.replicationDelayMs = DELAY;
  sandbox.automation.deviceCodeAutoApproveMs = 20;
});

describe('each create of steps 1–2 right after the one before, retried until replication caught up', () => {
  it('service principal after the app (404), consent after the service principal ("Not a valid reference update"), New-ServicePrincipal after both', async () => {
    const { session } = await sandboxSignIn(sandbox, { clientId: addOwnPublicClient(sandbox) });
    const graph = new GraphClient({ graphUrl: sandbox.graphUrl, token: session.first.accessToken, ...httpOptions(sandbox) });
    const exchangeToken = await session.tokenFor(EXCHANGE_RESOURCE);
    const exo = new ExchangeAdminClient({ exchangeUrl: sandbox.exchangeUrl, tenantId: session.tenantId, token: exchangeToken.accessToken, adminUpn: session.username, ...httpOptions(sandbox) });
    const waits: ReplicationWait[] = [];
    const retry = { sleep, now: waited, onWait: (w: ReplicationWait) => waits.push(w), firstPauseMs: 2000, maxTotalMs: 120_000 };

    const role = (await graph.findSendAsAppRole()) as SendAsAppRole;
    const app = await graph.createApplication({ displayName: 'Replicating', tags: ['smtp-oauth-setup'], sendAsApp: role });
    const sp = await retryWhileReplicating(() => graph.createServicePrincipal(app.appId), retry);
    expect(sp.appId).toBe(app.appId);
    await retryWhileReplicating(() => graph.grantSendAsApp(sp.id, role), retry);
    // A second app whose service principal Exchange is asked about at once.
    const second = await graph.createApplication({ displayName: 'Replicating 2', tags: ['smtp-oauth-setup'], sendAsApp: role });
    const secondSp = await retryWhileReplicating(() => graph.createServicePrincipal(second.appId), retry);
    const exchangeSp = await retryWhileReplicating(async () => {
      const out = await exo.newServicePrincipal(second.appId, secondSp.id, 'Replicating 2');
      if (out.kind !== 'ok') throw new Error('unexpected');
      return out.value;
    }, retry);
    expect(exchangeSp.objectId).toBe(secondSp.id);

    // Growing pauses (2 s, 4 s, 8 s: 14 s > DELAY), each reported, for each of the three answers.
    const byLag = (lag: ReplicationWait['lag']) => waits.filter((w) => w.lag === lag).map((w) => w.waitMs);
    expect(byLag('object-not-visible')).toEqual([2000, 4000, 8000, 2000, 4000, 8000]);
    expect(byLag('reference-not-valid')).toEqual([2000, 4000, 8000]);
    expect(byLag('exchange-not-seeing-service-principal')).toEqual([2000, 4000, 8000]);
    expect(sandbox.tenant.apps.find((a) => a.clientId === app.appId)?.consentedRoles).toEqual(['SMTP.SendAsApp']);
  });

  it('gives up after the bounded total with the last answer: admin-object-not-found, with the time waited', async () => {
    sandbox.automation.replicationDelayMs = 3_600_000;
    const { session } = await sandboxSignIn(sandbox, { clientId: addOwnPublicClient(sandbox) });
    const graph = new GraphClient({ graphUrl: sandbox.graphUrl, token: session.first.accessToken, ...httpOptions(sandbox) });
    const role = (await graph.findSendAsAppRole()) as SendAsAppRole;
    const app = await graph.createApplication({ displayName: 'Never there', tags: ['smtp-oauth-setup'], sendAsApp: role });
    const waits: number[] = [];
    const error = await retryWhileReplicating(() => graph.createServicePrincipal(app.appId), {
      sleep,
      now: waited,
      onWait: (w) => waits.push(w.waitMs),
      firstPauseMs: 1000,
      maxPauseMs: 8000,
      maxTotalMs: 30_000,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReplicationTimeout);
    const timeout = error as ReplicationTimeout;
    expect(waits.reduce((a, b) => a + b, 0)).toBe(30_000);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 7000]);
    const d = diagnoseAdminError(timeout);
    expect(d).toMatchObject({ code: 'admin-object-not-found', propagation: true });
    expect(d.summary).toContain('30 seconds');
  });

  it('never retries a refusal: 403 is thrown at once, no wait', async () => {
    sandbox.tenant.directory.admins[0]!.roles = ['exchangeAdministrator'];
    const { session } = await sandboxSignIn(sandbox, { clientId: addOwnPublicClient(sandbox) });
    const graph = new GraphClient({ graphUrl: sandbox.graphUrl, token: session.first.accessToken, ...httpOptions(sandbox) });
    const role = (await graph.findSendAsAppRole()) as SendAsAppRole;
    const waits: number[] = [];
    const error = await retryWhileReplicating(() => graph.createApplication({ displayName: 'x', tags: ['t'], sendAsApp: role }), { sleep, now: waited, onWait: (w) => waits.push(w.waitMs) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).not.toBeInstanceOf(ReplicationTimeout);
    expect(waits).toEqual([]);
  });
});

describe('which answers are replication (exactly the notes\' list)', () => {
  const answer = (over: Partial<Extract<AdminFailure, { kind: 'answer' }>>): AdminFailure => ({
    kind: 'answer',
    service: 'graph',
    operation: 'write-applications',
    status: 404,
    message: '',
    ...over,
  });
  it.each([
    [answer({ status: 404, message: "Resource 'x' does not exist or one of its queried reference-property objects are not present." }), 'object-not-visible'],
    [answer({ status: 400, message: "Resource 'x' does not exist or one of its queried reference-property objects are not present." }), 'object-not-visible'],
    [answer({ status: 400, message: 'Not a valid reference update.' }), 'reference-not-valid'],
    [answer({ service: 'exchange', operation: 'exchange-admin', cmdlet: 'New-ServicePrincipal', status: 400, message: "The service principal with AppId 'x' couldn't be found in Azure Active Directory." }), 'exchange-not-seeing-service-principal'],
    [answer({ status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' }), null],
    [answer({ status: 404, message: 'Not found.' }), null],
    [answer({ status: 429, message: 'Too many requests.' }), null],
    [answer({ service: 'exchange', operation: 'exchange-admin', cmdlet: 'Add-MailboxPermission', status: 400, message: "The service principal couldn't be found." }), null],
    [{ kind: 'unexpected', cmdlet: 'New-ServicePrincipal', status: 200 } as AdminFailure, null],
  ])('%o → %s', (failure, lag) => {
    expect(replicationLagOf(failure)).toBe(lag);
  });
});
