import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { parseValid } from '../support/json-schema.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { smtpEvents } from '../support/latency-sandbox.js';

/**
 * The token request and the SMTP connection up to AUTH run at the same time (issue 14). Proved by the
 * sandbox's own records, not by timing: its token endpoint answers only after a delay, and its SMTP
 * server notes when it answered each EHLO and QUIT and how many connections are open.
 */
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ fleet: { tenants: 1, mailboxesPerTenant: 3 } });
  dir = await mkdtemp(join(tmpdir(), 'overlap-e2e-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
});

/** Long enough that a sequential check could not have reached EHLO before the token was answered. */
const TOKEN_DELAY_MS = 1_500;

const tokenPosts = (from: number) => sandbox.requestLog.slice(from).filter((r) => r.method === 'POST' && r.path.endsWith('/oauth2/v2.0/token'));
const sessionsSince = (from: number) => {
  const bySession = new Map<string, Array<{ at: string; event: string; secure: boolean }>>();
  for (const entry of smtpEvents(sandbox).slice(from)) bySession.set(entry.session, [...(bySession.get(entry.session) ?? []), entry]);
  // Only the sessions that began here (an earlier one's late `close` may fall into the slice).
  return [...bySession.values()].filter((events) => events[0]?.event === 'connection');
};
/** When the session answered its EHLO inside TLS: the session is then ready for AUTH. */
const readyAt = (events: Array<{ at: string; event: string; secure: boolean }>) => events.find((e) => e.event === 'ehlo' && e.secure)?.at;

/** The sandbox's SMTP server has no connection left open (the client's exit closes what it left behind, at the latest). */
async function expectNoOpenConnections(): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (sandbox.stats().smtpOpenConnections > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(sandbox.stats().smtpOpenConnections).toBe(0);
}

describe('check: token request and SMTP connection overlap', () => {
  it('the SMTP server answered EHLO inside TLS before the token endpoint answered; AUTH came after the token', async () => {
    sandbox.faults.tokenEndpoint = { kind: 'delay', ms: TOKEN_DELAY_MS, remaining: 1 };
    const requests = sandbox.requestLog.length;
    const log = smtpEvents(sandbox).length;
    const auths = sandbox.authAttempts.length;
    const run = await runCli(['check', '--json', '--timeout', '10', ...sandboxSmtpArgs(sandbox), '--to', sandbox.client.to], { env: sandboxEnv(sandbox) });
    expect(run.status, run.stderr).toBe(0);
    const report = parseValid('check', run.stdout) as { smtp: { reachable: boolean; authMechanisms: string[] }; timings: Record<string, number> };
    const [post] = tokenPosts(requests);
    expect(post?.answeredAt).toBeTruthy();
    const [session, ...others] = sessionsSince(log);
    expect(others).toEqual([]);
    const ready = readyAt(session!);
    expect(ready, JSON.stringify(session)).toBeTruthy();
    expect(Date.parse(ready!)).toBeLessThan(Date.parse(post!.answeredAt!));
    // The token never waits in the open: AUTH only once the token was there.
    const auth = sandbox.authAttempts.slice(auths);
    expect(auth.map((a) => a.outcome)).toEqual(['ok']);
    expect(Date.parse(auth[0]!.at)).toBeGreaterThanOrEqual(Date.parse(post!.answeredAt!));
    // The connect leg is its own: it ended long before the delayed token did.
    expect(report.timings.smtpConnectMs).toBeLessThan(report.timings.tokenMs!);
    expect(report.smtp).toMatchObject({ reachable: true, authMechanisms: expect.arrayContaining(['XOAUTH2']) });
    // Polite end: QUIT, and nothing left open.
    expect(session!.map((e) => e.event)).toContain('quit');
    await expectNoOpenConnections();
  });

  it('a refused token: the diagnosis is the token\'s, the report says what SMTP proved, and the session ends with QUIT, nothing open', async () => {
    sandbox.applyScenario('secret-id-instead-of-value');
    const log = smtpEvents(sandbox).length;
    const auths = sandbox.authAttempts.length;
    const { client } = sandbox;
    const run = await runCli(['check', '--json', '--timeout', '10', ...sandboxSmtpArgs(sandbox)], { env: sandboxEnv(sandbox, { AZURE_CLIENT_SECRET: client.clientSecret }) });
    expect(run.status, run.stderr).toBe(3);
    const report = parseValid('check', run.stdout) as {
      diagnosis: { code: string };
      token: { acquired: boolean };
      smtp: { reachable: boolean | null; tlsVersion: string | null; authMechanisms: string[] | null; authenticated: boolean; response: string | null };
      timings: Record<string, number | null>;
    };
    expect(report.diagnosis.code).toBe('client-secret-invalid');
    expect(report.token.acquired).toBe(false);
    expect(report.smtp).toMatchObject({ reachable: true, tlsVersion: expect.stringMatching(/^TLSv1\.[23]$/), authenticated: false, response: null });
    expect(report.smtp.authMechanisms).toContain('XOAUTH2');
    expect(report.timings).toMatchObject({ smtpConnectMs: expect.any(Number), authMs: null, sendMs: null });
    expect(sandbox.authAttempts.length).toBe(auths);
    const sessions = sessionsSince(log);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.map((e) => e.event)).toContain('quit');
    await expectNoOpenConnections();
  });

  it('a refused token, for a person: the SMTP facts after the claims and before the diagnosis', async () => {
    sandbox.applyScenario('secret-id-instead-of-value');
    const run = await runCli(['check', '--timeout', '10', ...sandboxSmtpArgs(sandbox)], { env: { ...sandboxEnv(sandbox), NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(3);
    const facts = run.stdout.indexOf(`SMTP server ${sandbox.smtp.host}:${sandbox.smtp.port}`);
    expect(facts, run.stdout).toBeGreaterThan(-1);
    expect(run.stdout).toMatch(/TLS {8}TLSv1\.[23]/);
    expect(run.stdout).toMatch(/AUTH {7}.*XOAUTH2/);
    expect(facts).toBeLessThan(run.stdout.indexOf('✖'));
    // The progress lines keep the order of the steps: token, then SMTP.
    expect(run.stderr.indexOf('Token from')).toBeGreaterThan(-1);
  });

  it('no STARTTLS while the token is requested: the token is never sent, the diagnosis is unchanged, the claims are reported', async () => {
    sandbox.applyScenario('no-starttls');
    const auths = sandbox.authAttempts.length;
    const run = await runCli(['check', '--json', '--timeout', '10', ...sandboxSmtpArgs(sandbox)], { env: sandboxEnv(sandbox) });
    const report = parseValid('check', run.stdout) as { diagnosis: { code: string }; token: { claims: unknown }; smtp: { reachable: boolean; tlsVersion: string | null; authMechanisms: unknown } };
    expect(report.diagnosis.code).toBe('starttls-not-offered');
    expect(report.token.claims).not.toBeNull();
    expect(report.smtp).toMatchObject({ reachable: true, tlsVersion: null, authMechanisms: null });
    expect(sandbox.authAttempts.length).toBe(auths);
    await expectNoOpenConnections();
  });

  it('--verbose: MAIL FROM, RCPT TO and DATA leave together (the server offers PIPELINING), before their replies', async () => {
    const run = await runCli(['check', '--verbose', '--timeout', '10', ...sandboxSmtpArgs(sandbox), '--to', sandbox.client.to], { env: { ...sandboxEnv(sandbox), NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    const dialogue = run.stderr.split('\n').filter((line) => /^\s*[CS]: /.test(line)).map((line) => line.trim());
    const mail = dialogue.findIndex((line) => line.startsWith('C: MAIL FROM:'));
    expect(mail, dialogue.join('\n')).toBeGreaterThan(-1);
    expect(dialogue[mail + 1]).toMatch(/^C: RCPT TO:/);
    expect(dialogue[mail + 2]).toBe('C: DATA');
    expect(dialogue[mail + 3]).toMatch(/^S: 250 /);
  });

  it('--verbose with a slow token: the SMTP dialogue is shown after the token stages, in step order', async () => {
    sandbox.faults.tokenEndpoint = { kind: 'delay', ms: 800, remaining: 1 };
    const run = await runCli(['check', '--verbose', '--timeout', '10', ...sandboxSmtpArgs(sandbox)], { env: { ...sandboxEnv(sandbox), NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    const claims = run.stderr.lastIndexOf('Token claims');
    const firstEhlo = run.stderr.indexOf('C: EHLO');
    expect(claims, run.stderr).toBeGreaterThan(-1);
    expect(firstEhlo, run.stderr).toBeGreaterThan(claims);
  });
});

describe('check --targets: the first sessions of an app connect while its token is requested', () => {
  it('every mailbox\'s SMTP server answered EHLO inside TLS before the app\'s one token was answered', async () => {
    const [app] = sandbox.fleetClients;
    const rows = ['name,tenant,clientId,secretEnv,mailbox', ...app!.mailboxes.map((m, i) => `m${i},${app!.tenantId},${app!.clientId},FLEET_SECRET,${m}`)];
    const targets = join(dir, 'targets.csv');
    await writeFile(targets, rows.join('\n') + '\n');
    sandbox.faults.tokenEndpoint = { kind: 'delay', ms: TOKEN_DELAY_MS, remaining: 1 };
    const requests = sandbox.requestLog.length;
    const log = smtpEvents(sandbox).length;
    const run = await runCli(
      ['check', '--targets', targets, '--json', '--concurrency', '4', '--authority-host', sandbox.authorityHost, '--timeout', '10', ...sandboxSmtpArgs(sandbox)],
      { env: { NODE_EXTRA_CA_CERTS: sandbox.caFile, FLEET_SECRET: app!.clientSecret } },
    );
    expect(run.status, run.stderr).toBe(0);
    const fleet = parseValid('fleet', run.stdout) as { results: Array<{ ok: boolean; smtp: { reachable: boolean } }> };
    expect(fleet.results.map((r) => r.ok)).toEqual([true, true, true]);
    const posts = tokenPosts(requests);
    expect(posts).toHaveLength(1);
    const sessions = sessionsSince(log);
    expect(sessions).toHaveLength(3);
    for (const session of sessions) {
      expect(Date.parse(readyAt(session)!)).toBeLessThan(Date.parse(posts[0]!.answeredAt!));
      expect(session.map((e) => e.event)).toContain('quit');
    }
    await expectNoOpenConnections();
  });
});
