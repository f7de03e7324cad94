import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diagnoseAdmin } from '../../src/admin/errors.js';
import { AdminApiError } from '../../src/admin/errors.js';
import { missingPermissions } from '../../src/admin/requirements.js';
import { DEFAULT_ADMIN_CLIENT, EXCHANGE_POWERSHELL_CLIENT, EXCHANGE_RESOURCE, signInClientMessage } from '../../src/admin/sign-in.js';
import { PUBLIC_CLIENT_IDS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { addOwnPublicClient, sandboxSignIn } from './support.js';

// The administrator's sign-in with real MSAL against the sandbox's device code endpoint (RFC 8628).
// The sandbox's clock is the real one plus `offset`: the injected sleep moves it, so no test waits.

let sandbox: Sandbox;
let offset = 0;
const sleeps: number[] = [];
const sleep = async (ms: number) => {
  sleeps.push(ms);
  offset += ms;
};

beforeAll(async () => {
  sandbox = await startSandbox({ clock: () => Date.now() + offset, deviceCode: { intervalSeconds: 0, lifetimeSeconds: 900 } });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  offset = 0;
  sleeps.length = 0;
  sandbox.applyScenario('healthy');
  sandbox.automation.deviceCodeAutoApproveMs = null;
  sandbox.automation.deviceCodeIntervalSeconds = 0;
});

async function failureOf(promise: Promise<unknown>): Promise<AdminApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdminApiError) return error;
    throw error;
  }
  throw new Error('expected the sign-in to fail');
}

describe('which client signs in', () => {
  it('is Azure CLI by default, said plainly; the admin own client id when given', async () => {
    expect(DEFAULT_ADMIN_CLIENT.id).toBe(PUBLIC_CLIENT_IDS.azureCli);
    expect(EXCHANGE_POWERSHELL_CLIENT.id).toBe(PUBLIC_CLIENT_IDS.exchangeOnlinePowerShell);
    expect(signInClientMessage(undefined)).toEqual({ id: 'admin.sign-in.default-client', params: { clientName: 'Microsoft Azure CLI', clientId: DEFAULT_ADMIN_CLIENT.id } });
    expect(signInClientMessage('11111111-2222-4333-8444-555555555555')).toEqual({ id: 'admin.sign-in.own-client', params: { clientId: '11111111-2222-4333-8444-555555555555' } });
    sandbox.automation.deviceCodeAutoApproveMs = 20;
    const { session } = await sandboxSignIn(sandbox);
    expect(session.clientId).toBe(DEFAULT_ADMIN_CLIENT.id);
  });
});

describe('device code polling (RFC 8628 §3.5)', () => {
  it('honours slow_down: waits interval + 5 s, asks again, and signs in (MSAL alone stops at slow_down)', async () => {
    sandbox.automation.deviceCodeIntervalSeconds = 1;
    const { session } = await sandboxSignIn(sandbox, {
      sleep,
      onPrompt: (p) => {
        // The administrator approves at once, but a poll "just happened": the next one is too fast.
        const pending = sandbox.pendingDeviceCodes()[0];
        if (pending) pending.lastPollAt = Date.now() + offset;
        if (p.kind === 'device-code') sandbox.approveDeviceCode(p.code);
      },
    });
    expect(session.first.scopes.length).toBeGreaterThan(0);
    expect(sleeps).toEqual([6000]);
    const polls = sandbox.requestLog.filter((e) => e.path.endsWith('/oauth2/v2.0/token')).map((e) => e.status);
    expect(polls.slice(-2)).toEqual([400, 200]);
  });

  it('stops at expired_token with the admin-sign-in-expired diagnosis', async () => {
    const error = await failureOf(
      sandboxSignIn(sandbox, {
        onPrompt: () => {
          offset += 901_000;
        },
      }),
    );
    expect(error.failure).toMatchObject({ kind: 'sign-in', error: 'expired_token', aadsts: 70020 });
    expect(diagnoseAdmin(error.failure)).toMatchObject({ code: 'admin-sign-in-expired', transient: false, propagation: false, exitCode: 3 });
  });

  it('stops at authorization_declined with the admin-sign-in-declined diagnosis', async () => {
    const error = await failureOf(
      sandboxSignIn(sandbox, {
        onPrompt: (p) => {
          if (p.kind === 'device-code') setTimeout(() => sandbox.declineDeviceCode(p.code), 20);
        },
      }),
    );
    expect(error.failure).toMatchObject({ kind: 'sign-in', error: 'authorization_declined' });
    expect(diagnoseAdmin(error.failure).code).toBe('admin-sign-in-declined');
  });

  it('never hangs: the wait given ends an unapproved sign-in as expired', async () => {
    sandbox.automation.deviceCodeIntervalSeconds = 1;
    const started = Date.now();
    const error = await failureOf(sandboxSignIn(sandbox, { maxWaitMs: 1000 }));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(diagnoseAdmin(error.failure).code).toBe('admin-sign-in-expired');
  });

  it('an abort signal stops polling at once and rethrows its reason', async () => {
    sandbox.automation.deviceCodeIntervalSeconds = 1;
    const stop = new AbortController();
    const reason = new Error('stopped by SIGINT');
    const started = Date.now();
    const outcome = sandboxSignIn(sandbox, { signal: stop.signal, onPrompt: () => setTimeout(() => stop.abort(reason), 50) });
    await expect(outcome).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('two resources from one sign-in', () => {
  it('the default client: Graph works, Exchange is refused (AADSTS650057) as admin-client-not-authorized, and the missing Policy.Read.All is found before any change', async () => {
    sandbox.automation.deviceCodeAutoApproveMs = 20;
    const { session } = await sandboxSignIn(sandbox);
    const missing = missingPermissions(session.first, ['write-applications', 'grant-permission', 'read-policy']);
    expect(missing).toEqual([{ kind: 'permissions', operation: 'read-policy', missingScopes: ['Policy.Read.All'], neededRoles: [] }]);
    const d = diagnoseAdmin(missing[0]!, { signInClient: session.clientId });
    expect(d.code).toBe('admin-scope-missing');
    expect(d.summary).toContain('Policy.Read.All');
    const error = await failureOf(session.tokenFor(EXCHANGE_RESOURCE));
    expect(error.failure).toMatchObject({ kind: 'sign-in', aadsts: 650057, resource: EXCHANGE_RESOURCE });
    expect(diagnoseAdmin(error.failure, { signInClient: session.clientId })).toMatchObject({ code: 'admin-client-not-authorized', exitCode: 3 });
  });

  it('the admin own client pre-authorized for both: the Exchange token comes silently, with no second device code', async () => {
    sandbox.automation.deviceCodeAutoApproveMs = 20;
    const clientId = addOwnPublicClient(sandbox);
    const { session, prompts } = await sandboxSignIn(sandbox, { clientId });
    const exchange = await session.tokenFor(EXCHANGE_RESOURCE);
    expect(prompts).toHaveLength(1);
    expect(exchange.resource).toBe(EXCHANGE_RESOURCE);
    expect(exchange.scopes).toEqual(['AdminApi.AccessAsUser.All']);
    expect(exchange.roleTemplateIds).toEqual(['62e90394-69f5-4237-9190-012177145e10']);
  });

  it('an admin without the roles: wids shows it before any change (admin-role-missing, with the roles that would do)', async () => {
    sandbox.tenant.directory.admins[0]!.roles = ['exchangeAdministrator'];
    sandbox.automation.deviceCodeAutoApproveMs = 20;
    const { session } = await sandboxSignIn(sandbox, { clientId: addOwnPublicClient(sandbox) });
    const [missing] = missingPermissions(session.first, ['write-applications']);
    expect(missing).toEqual({
      kind: 'permissions',
      operation: 'write-applications',
      missingScopes: [],
      neededRoles: ['applicationAdministrator', 'cloudApplicationAdministrator', 'globalAdministrator'],
    });
    const d = diagnoseAdmin(missing!);
    expect(d.code).toBe('admin-role-missing');
    expect(d.summary).toContain('Application Administrator, Cloud Application Administrator, or Global Administrator');
  });
});

describe('the browser sign-in (loopback redirect)', () => {
  // The sandbox serves no authorize page, so the test plays the browser: it checks the URL MSAL opens
  // and answers at the loopback redirect as Entra would after the admin declined.
  it('opens the authorize URL of the authority with PKCE and a localhost redirect; a declined answer is admin-sign-in-declined', async () => {
    const opened: string[] = [];
    const openBrowser = async (url: string) => {
      opened.push(url);
      const authorize = new URL(url);
      const redirect = new URL(authorize.searchParams.get('redirect_uri') ?? '');
      // response_mode=form_post: Entra's page posts the answer to the loopback redirect.
      const form = new URLSearchParams({
        error: 'access_denied',
        error_description: 'AADSTS65004: User declined to consent to access the app.',
        state: authorize.searchParams.get('state') ?? '',
      }).toString();
      setTimeout(() => {
        const req = request(redirect, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => res.resume());
        req.on('error', () => undefined);
        req.end(form);
      }, 20);
    };
    const error = await failureOf(sandboxSignIn(sandbox, { flow: 'browser', openBrowser }));
    expect(error.failure).toMatchObject({ kind: 'sign-in', error: 'access_denied' });
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]!);
    expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.authorityHost}/${sandbox.tenant.id}/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('client_id')).toBe(DEFAULT_ADMIN_CLIENT.id);
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/?$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('response_mode')).toBe('form_post');
    expect(url.searchParams.get('scope')?.split(' ')).toContain('https://graph.microsoft.com/.default');
    expect(diagnoseAdmin(error.failure).code).toBe('admin-sign-in-declined');
  });

  it('never hangs: a browser sign-in nobody completes ends at the wait given as expired', async () => {
    let redirect: URL | undefined;
    const started = Date.now();
    const error = await failureOf(
      sandboxSignIn(sandbox, {
        flow: 'browser',
        maxWaitMs: 300,
        openBrowser: async (url) => {
          redirect = new URL(new URL(url).searchParams.get('redirect_uri') ?? '');
        },
      }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(diagnoseAdmin(error.failure).code).toBe('admin-sign-in-expired');
    // Close MSAL's loopback the way a browser would, so nothing is left listening.
    if (redirect) {
      const req = request(redirect, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => res.resume());
      req.on('error', () => undefined);
      req.end('error=access_denied');
    }
  });

  it('without an opener it refuses before MSAL starts a loopback server', async () => {
    const error = await failureOf(sandboxSignIn(sandbox, { flow: 'browser' }));
    expect(error.failure).toMatchObject({ kind: 'sign-in', error: 'no_browser' });
  });
});
