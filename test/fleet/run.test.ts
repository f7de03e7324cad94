import { describe, expect, it } from 'vitest';
import type { CheckReport, TokenCheck } from '../../src/check/run.js';
import { CLOUDS } from '../../src/cloud.js';
import type { Diagnosis } from '../../src/diagnose/types.js';
import { fleetJson, fleetTotals, worstExitCode } from '../../src/fleet/report.js';
import { createKeyedLock, createSemaphore, type FleetChecks, type FleetTarget, runFleet, tokenGroupKey } from '../../src/fleet/run.js';
import type { CheckInputs } from '../../src/inputs/check-inputs.js';
import { Secret } from '../../src/inputs/secret.js';
import { diagnosisJson } from '../../src/report/json.js';

/** The scheduling rules of `check --targets`, with the pipeline replaced by fakes that record what happened. */

function target(name: string, overrides: Partial<CheckInputs> & { credentialRef?: string } = {}): FleetTarget {
  const { credentialRef = 'env:SECRET', ...inputs } = overrides;
  return {
    name,
    credentialRef,
    warnings: [],
    inputs: {
      cloud: CLOUDS.global,
      tenantId: 'contoso.onmicrosoft.com',
      clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      credential: { kind: 'secret', secret: new Secret('Abc8Q~not-a-real-secret-value-000000000', 'SECRET') },
      mailbox: `${name}@contoso.com`,
      from: `${name}@contoso.com`,
      to: null,
      authorityHost: 'https://login.microsoftonline.com',
      smtpHost: 'smtp.office365.com',
      smtpPort: 587,
      timeoutSeconds: 20,
      proxy: null,
      ...inputs,
    },
  };
}

/** A fake diagnosis; `kind` sets the two fields the retry policy reads. */
function diagnosis(code: string, exitCode: number, kind: 'transient' | 'propagation' | 'permanent'): Diagnosis {
  return {
    code,
    exitCode: exitCode as Diagnosis['exitCode'],
    transient: kind === 'transient',
    propagation: kind === 'propagation',
    step: null,
    summary: code,
    fix: 'fix',
    source: null,
  };
}

function report(t: FleetTarget, d: Diagnosis | null, token = 'token'): CheckReport {
  return {
    ok: d === null,
    exitCode: d?.exitCode ?? 0,
    diagnosis: d && diagnosisJson(d),
    plan: { smtp: { user: t.inputs.mailbox } } as CheckReport['plan'],
    token: { acquired: true, expiresOn: null, claims: null, servicePrincipalObjectId: token },
    smtp: { host: 'smtp', port: 587, reachable: null, tlsVersion: null, authMechanisms: null, authenticated: d === null, response: null, messageId: null },
    attempts: [],
    warnings: [],
    timings: { tokenMs: null, smtpConnectMs: null, authMs: null, sendMs: null, totalMs: null },
    expiry: { secret: null, certificate: null },
  };
}

function tokenCheck(value: string, d: Diagnosis | null = null, expiresOn: string | null = null): TokenCheck {
  return {
    token: { acquired: d === null, expiresOn, claims: null, servicePrincipalObjectId: value },
    warnings: [],
    diagnosis: d,
    accessToken: d ? null : value,
    context: {},
  };
}

const busy = diagnosis('smtp-concurrent-connections', 6, 'transient');
const propagation = diagnosis('smtp-auth-service-principal', 4, 'propagation');
const wrongSecret = diagnosis('client-secret-invalid', 3, 'permanent');

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));
const noSleep = { sleep: async () => {}, now: () => Date.parse('2026-11-28T12:00:00Z') };

/** Fake checks: tokens named after their group, SMTP sessions that last a few ms, all recorded. */
function recorder(smtp: (t: FleetTarget, tc: TokenCheck, attempt: number) => Diagnosis | null = () => null) {
  const tokenCalls: string[] = [];
  const open = new Map<string, number>();
  const attempts = new Map<string, number>();
  let inFlight = 0;
  let connections = 0;
  const seen = { maxPerMailbox: 0, maxInFlight: 0, maxConnections: 0, maxHandshaking: 0, connectedAhead: 0, tokenUsed: new Map<string, string>() };
  const checks: FleetChecks = {
    async checkToken(t) {
      tokenCalls.push(t.name);
      await tick(3);
      return tokenCheck(`token-of-${t.inputs.tenantId}`);
    },
    async checkTarget(t, pending, sessionSlot) {
      // The connection's handshake, then the slot, then AUTH and the message, as runCheck does them.
      connections++;
      seen.maxConnections = Math.max(seen.maxConnections, connections);
      // Connections not in a session: still in their handshake, or waiting for a session slot.
      seen.maxHandshaking = Math.max(seen.maxHandshaking, connections - inFlight);
      // Connecting while every session slot is taken: this is the connection opened ahead.
      if (inFlight > 0) seen.connectedAhead++;
      await tick(2);
      const tc = await pending;
      await sessionSlot();
      inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
      const key = t.inputs.mailbox.toLowerCase();
      open.set(key, (open.get(key) ?? 0) + 1);
      seen.maxPerMailbox = Math.max(seen.maxPerMailbox, open.get(key) ?? 0);
      seen.tokenUsed.set(t.name, tc.accessToken ?? 'none');
      await tick(2);
      open.set(key, (open.get(key) ?? 1) - 1);
      inFlight--;
      connections--;
      const n = (attempts.get(t.name) ?? 0) + 1;
      attempts.set(t.name, n);
      return report(t, tc.diagnosis ?? smtp(t, tc, n));
    },
  };
  return { checks, tokenCalls, seen, attempts };
}

describe('runFleet: one token per tenant, app and credential', () => {
  it('acquires each group\'s token once and gives it to every mailbox of the group', async () => {
    const targets = ['contoso', 'fabrikam', 'tailspin'].flatMap((tenant) =>
      [1, 2, 3, 4].map((i) => target(`${tenant}-${i}`, { tenantId: `${tenant}.onmicrosoft.com` })),
    );
    const { checks, tokenCalls, seen } = recorder();
    const run = await runFleet(targets, checks, { concurrency: 8, ...noSleep });
    expect(tokenCalls).toHaveLength(3);
    expect(run.tokenAcquisitions).toBe(3);
    for (const t of targets) expect(seen.tokenUsed.get(t.name)).toBe(`token-of-${t.inputs.tenantId}`);
    expect(run.results.map((r) => r.name)).toEqual(targets.map((t) => t.name));
  });

  it('keeps apart what is not the same token: another app, credential, cloud or authority', () => {
    const base = target('a');
    const keys = [
      base,
      target('b'),
      target('c', { tenantId: 'CONTOSO.onmicrosoft.com' }),
      target('d', { clientId: 'ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee' }),
      target('e', { credentialRef: 'file:/run/secrets/other' }),
      target('f', { cloud: CLOUDS.usgov, authorityHost: 'https://login.microsoftonline.us' }),
      target('g', { authorityHost: 'https://127.0.0.1:8443' }),
    ].map(tokenGroupKey);
    // a, b and c (tenant case differs) share a token; every other one is its own.
    expect(new Set(keys).size).toBe(5);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
  });

  it('retries a temporary token failure for the whole group, and never per target', async () => {
    const targets = [1, 2, 3].map((i) => target(`t${i}`));
    let calls = 0;
    const sleeps: number[] = [];
    const checks: FleetChecks = {
      async checkToken() {
        calls++;
        return calls === 1 ? tokenCheck('', diagnosis('token-service-unavailable', 6, 'transient')) : tokenCheck('fresh');
      },
      checkTarget: async (t, tc) => report(t, (await tc).diagnosis),
    };
    const run = await runFleet(targets, checks, { concurrency: 3, sleep: async (ms) => void sleeps.push(ms) });
    expect(calls).toBe(2);
    expect(sleeps).toEqual([1000]);
    expect(run.results.every((r) => r.report.ok)).toBe(true);

    // A token that stays refused: each target reports it once, nothing is retried per target.
    let refused = 0;
    const failing: FleetChecks = {
      checkToken: async () => (refused++, tokenCheck('', diagnosis('client-secret-invalid', 3, 'permanent'))),
      checkTarget: async (t, tc) => report(t, (await tc).diagnosis),
    };
    const failed = await runFleet(targets, failing, { concurrency: 3, ...noSleep });
    expect(refused).toBe(1);
    expect(failed.results.map((r) => [r.report.exitCode, r.attempts.length])).toEqual([[3, 1], [3, 1], [3, 1]]);
  });

  it('renews a token that is about to expire', async () => {
    let clock = Date.parse('2026-11-28T12:00:00Z');
    const issued: string[] = [];
    const checks: FleetChecks = {
      async checkToken() {
        const value = `token-${issued.length + 1}`;
        issued.push(value);
        return tokenCheck(value, null, new Date(clock + 10 * 60_000).toISOString());
      },
      async checkTarget(t, tc) {
        const { accessToken } = await tc;
        clock += 5 * 60_000; // each session "takes" five minutes
        return report(t, null, accessToken ?? '');
      },
    };
    const run = await runFleet([target('a'), target('b'), target('c')], checks, { concurrency: 1, now: () => clock, sleep: async () => {} });
    expect(issued).toEqual(['token-1', 'token-2']);
    expect(run.results.map((r) => r.report.token.servicePrincipalObjectId)).toEqual(['token-1', 'token-1', 'token-2']);
  });
});

describe('runFleet: the SMTP connections of an app start while its token is requested', () => {
  it('starts every target of a group (up to its connections: twice the concurrency) before the group\'s one token request has answered', async () => {
    let answer!: (tc: TokenCheck) => void;
    const token = new Promise<TokenCheck>((resolve) => (answer = resolve));
    let tokenRequests = 0;
    const startedBeforeToken: string[] = [];
    let tokenKnown = false;
    const checks: FleetChecks = {
      checkToken: () => (tokenRequests++, token),
      async checkTarget(t, pending) {
        if (!tokenKnown) startedBeforeToken.push(t.name);
        const tc = await pending;
        return report(t, tc.diagnosis);
      },
    };
    const targets = [1, 2, 3, 4, 5].map((i) => target(`t${i}`));
    const run = runFleet(targets, checks, { concurrency: 2, ...noSleep });
    await tick(5);
    expect(startedBeforeToken).toEqual(['t1', 't2', 't3', 't4']);
    tokenKnown = true;
    answer(tokenCheck('shared'));
    const { results, tokenAcquisitions } = await run;
    expect(tokenRequests).toBe(1);
    expect(tokenAcquisitions).toBe(1);
    expect(results.map((r) => r.report.ok)).toEqual([true, true, true, true, true]);
  });

  it('a refused token is still reported once per target and not retried per target', async () => {
    let answer!: (tc: TokenCheck) => void;
    const token = new Promise<TokenCheck>((resolve) => (answer = resolve));
    const checks: FleetChecks = {
      checkToken: () => token,
      checkTarget: async (t, pending) => report(t, (await pending).diagnosis),
    };
    const run = runFleet([target('a'), target('b')], checks, { concurrency: 2, ...noSleep });
    await tick(2);
    answer(tokenCheck('', wrongSecret));
    const { results } = await run;
    expect(results.map((r) => [r.report.exitCode, r.attempts.length])).toEqual([[3, 1], [3, 1]]);
  });
});

describe('runFleet: concurrency and the per-mailbox limit', () => {
  it('never opens two sessions for one mailbox, and keeps up to N targets in flight', async () => {
    // 6 targets share one mailbox (e.g. several senders through one account), 10 have their own.
    const shared = [1, 2, 3, 4, 5, 6].map((i) => target(`shared-${i}`, { mailbox: 'Relay@contoso.com', tenantId: i % 2 ? 'contoso.onmicrosoft.com' : 'fabrikam.onmicrosoft.com' }));
    const own = Array.from({ length: 10 }, (_, i) => target(`own-${i}`));
    const { checks, seen } = recorder();
    const run = await runFleet([...shared, ...own], checks, { concurrency: 5, ...noSleep });
    expect(run.results).toHaveLength(16);
    expect(seen.maxPerMailbox).toBe(1);
    expect(seen.maxInFlight).toBe(5);
  });

  it('runs one at a time with concurrency 1', async () => {
    const { checks, seen } = recorder();
    await runFleet(Array.from({ length: 6 }, (_, i) => target(`t${i}`)), checks, { concurrency: 1, ...noSleep });
    expect(seen.maxInFlight).toBe(1);
  });

  it('opens the next mailboxes\' connections while the current ones authenticate and send: N sessions, 2N connections', async () => {
    const { checks, seen } = recorder();
    const run = await runFleet(Array.from({ length: 12 }, (_, i) => target(`t${i}`)), checks, { concurrency: 3, ...noSleep });
    expect(run.results.every((r) => r.report.ok)).toBe(true);
    expect(seen.maxInFlight).toBe(3);
    expect(seen.maxConnections).toBeGreaterThan(3);
    expect(seen.maxConnections).toBeLessThanOrEqual(6);
    expect(seen.connectedAhead).toBeGreaterThan(0);
  });

  it('lets every connection not in a session handshake: up to 2N at once, not N (the handshake is the longer part)', async () => {
    const { checks, seen } = recorder();
    await runFleet(Array.from({ length: 12 }, (_, i) => target(`t${i}`)), checks, { concurrency: 3, ...noSleep });
    expect(seen.maxHandshaking).toBe(6);
    expect(seen.maxConnections).toBe(6);
    expect(seen.maxInFlight).toBe(3);
  });

  it('with connectAhead false, a connection opens only when a slot is free', async () => {
    const { checks, seen } = recorder();
    await runFleet(Array.from({ length: 12 }, (_, i) => target(`t${i}`)), checks, { concurrency: 3, connectAhead: false, ...noSleep });
    expect(seen.maxConnections).toBe(3);
    expect(seen.maxInFlight).toBe(3);
  });

  it('frees the connecting slot of a target that ends before asking for a session (its connection failed)', async () => {
    let sessions = 0;
    const checks: FleetChecks = {
      checkToken: async () => tokenCheck('t'),
      async checkTarget(t, pending, sessionSlot) {
        await pending;
        if (t.name.startsWith('down')) return report(t, diagnosis('smtp-connect-refused', 6, 'permanent'));
        await sessionSlot();
        await sessionSlot(); // a second call holds no second slot
        sessions++;
        return report(t, null);
      },
    };
    const targets = [...[1, 2, 3].map((i) => target(`down${i}`)), ...[1, 2, 3].map((i) => target(`up${i}`))];
    const run = await runFleet(targets, checks, { concurrency: 1, ...noSleep });
    expect(run.results.map((r) => r.report.ok)).toEqual([false, false, false, true, true, true]);
    expect(sessions).toBe(3);
  });

  it('the semaphore and the keyed lock hold their promises', async () => {
    const semaphore = createSemaphore(2);
    const order: string[] = [];
    const holders = [1, 2, 3].map(async (i) => {
      const release = await semaphore.acquire();
      order.push(`in ${i}`);
      await tick(2);
      order.push(`out ${i}`);
      release();
      release(); // a second release is ignored
    });
    await Promise.all(holders);
    expect(order.indexOf('in 3')).toBeGreaterThan(Math.min(order.indexOf('out 1'), order.indexOf('out 2')));

    const lock = createKeyedLock();
    const log: string[] = [];
    await Promise.all(
      ['a', 'a', 'b'].map((key, i) =>
        lock(key, async () => {
          log.push(`start ${key}${i}`);
          await tick(2);
          log.push(`end ${key}${i}`);
          if (i === 0) throw new Error('released on failure too');
        }).catch(() => undefined),
      ),
    );
    expect(log.indexOf('start a1')).toBeGreaterThan(log.indexOf('end a0'));
    expect(log.indexOf('start b2')).toBeLessThan(log.indexOf('end a0'));
  });
});

describe('runFleet: retries', () => {
  it('retries a temporary SMTP failure (432 4.3.2) after a short pause and reports every attempt', async () => {
    const sleeps: number[] = [];
    const { checks, attempts } = recorder((t, _tc, n) => (t.name === 'busy' && n === 1 ? busy : null));
    const run = await runFleet([target('busy'), target('calm')], checks, { concurrency: 2, sleep: async (ms) => void sleeps.push(ms) });
    expect(sleeps).toEqual([1000]);
    expect(attempts.get('busy')).toBe(2);
    const result = run.results[0]!;
    expect(result.report.ok).toBe(true);
    expect(result.attempts.map((a) => [a.exitCode, a.diagnosisCode])).toEqual([[6, 'smtp-concurrent-connections'], [0, null]]);
    expect(run.results[1]!.attempts).toHaveLength(1);
  });

  it('gives up after two retries', async () => {
    const sleeps: number[] = [];
    const { checks, attempts } = recorder(() => busy);
    const run = await runFleet([target('busy')], checks, { concurrency: 1, sleep: async (ms) => void sleeps.push(ms) });
    expect(attempts.get('busy')).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(run.results[0]!.report.exitCode).toBe(6);
  });

  it('never retries a configuration error or a change that is still propagating', async () => {
    const { checks, attempts } = recorder((t) => (t.name === 'secret' ? wrongSecret : propagation));
    await runFleet([target('secret'), target('propagating')], checks, { concurrency: 2, ...noSleep });
    expect(attempts.get('secret')).toBe(1);
    expect(attempts.get('propagating')).toBe(1);
  });

  it('decides from transient/propagation alone, never from the exit code', async () => {
    // The daily recipient limit heals by itself (transient) although its exit code is 5; a
    // propagation answer is not retried even with the network class's exit code.
    const quota = diagnosis('smtp-submission-quota-exceeded', 5, 'transient');
    const propagatingNetwork = diagnosis('made-up-propagation', 6, 'propagation');
    const { checks, attempts } = recorder((t) => (t.name === 'quota' ? quota : propagatingNetwork));
    await runFleet([target('quota'), target('propagating')], checks, { concurrency: 2, ...noSleep });
    expect(attempts.get('quota')).toBe(3);
    expect(attempts.get('propagating')).toBe(1);
  });

  it('never retries a token that lacks roles (propagation after consent) for the group', async () => {
    let calls = 0;
    const checks: FleetChecks = {
      checkToken: async () => (calls++, tokenCheck('', diagnosis('token-missing-role', 3, 'propagation'))),
      checkTarget: async (t, tc) => report(t, (await tc).diagnosis),
    };
    await runFleet([target('a'), target('b')], checks, { concurrency: 2, ...noSleep });
    expect(calls).toBe(1);
  });
});

describe('the fleet\'s exit code and totals', () => {
  it('is the most serious class: the earliest stage first, 1 > 2 > 3 > 4 > 5 > 6 > 0', () => {
    expect(worstExitCode([])).toBe(0);
    expect(worstExitCode([0, 0])).toBe(0);
    expect(worstExitCode([0, 6, 5])).toBe(5);
    expect(worstExitCode([6, 4, 5, 0])).toBe(4);
    expect(worstExitCode([4, 3, 6])).toBe(3);
    expect(worstExitCode([3, 2])).toBe(2);
    expect(worstExitCode([2, 1, 6])).toBe(1);
    expect(worstExitCode([6])).toBe(6);
  });

  it('counts targets, failures by exit code, tokens and retries; JSON keeps each check\'s report', async () => {
    const { checks } = recorder((t, _tc, n) => (t.name === 'b' ? diagnosis('smtp-auth-disabled-mailbox', 4, 'propagation') : t.name === 'c' && n === 1 ? busy : null));
    const run = await runFleet([target('a'), target('b'), target('c')], checks, { concurrency: 2, ...noSleep });
    const totals = fleetTotals(run, 1234.4);
    expect(totals).toEqual({ targets: 3, passed: 2, failed: 1, warned: 0, byExitCode: { '0': 2, '4': 1 }, tokens: 1, retries: 1, durationMs: 1234 });
    const json = fleetJson(run, totals);
    expect(json).toMatchObject({ ok: false, exitCode: 4, totals });
    expect(json.results.map((r) => [r.name, r.exitCode, r.diagnosis?.code ?? null, r.attempts.length])).toEqual([
      ['a', 0, null, 1],
      ['b', 4, 'smtp-auth-disabled-mailbox', 1],
      ['c', 0, null, 2],
    ]);
    // The single check's fields are all there.
    for (const key of ['ok', 'exitCode', 'diagnosis', 'plan', 'token', 'smtp', 'warnings']) expect(json.results[0]).toHaveProperty(key);
  });
});
