import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/diagnose/index.js';
import { listScenarios, type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { type CliRun, runCli } from '../support/cli.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { parseValid } from '../support/json-schema.js';

/**
 * The built CLI, spawned, with real MSAL and real nodemailer, against the sandbox's real HTTPS token
 * endpoint (throw-away CA via NODE_EXTRA_CA_CERTS) and real STARTTLS SMTP server.
 */
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

function checkEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return sandboxEnv(sandbox, overrides);
}

function smtpArgs(): string[] {
  return sandboxSmtpArgs(sandbox);
}

/** Neither the secret nor any token (raw, JWT-shaped, or inside an XOAUTH2 base64 blob) may be printed. */
function expectNoSecrets(run: CliRun, secret: string): void {
  for (const [name, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
    expect(text, `${name} contains the client secret`).not.toContain(secret);
    expect(text, `${name} contains the URL-encoded secret`).not.toContain(encodeURIComponent(secret));
    // Every JWT starts with base64url('{"') = 'eyJ'; base64('user=') starts every XOAUTH2 blob.
    expect(text, `${name} contains a JWT`).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(text, `${name} contains an XOAUTH2 blob`).not.toContain('dXNlcj1');
  }
}

function parseJson(run: CliRun) {
  // Exactly one JSON object on stdout.
  return parseValid('check', run.stdout) as {
    ok: boolean;
    exitCode: number;
    diagnosis: { code: string; step: number | null; transient: boolean; propagation: boolean; summary: string; fix: string } | null;
    token: { acquired: boolean; claims: { aud: string; roles: string[]; tid: string; appid: string; oid: string; exp: number } | null };
    smtp: { host: string; port: number; tlsVersion: string | null; authenticated: boolean; response: string | null; messageId: string | null };
    warnings: string[];
    timings: { tokenMs: number | null; smtpConnectMs: number | null; authMs: number | null; sendMs: number | null; totalMs: number | null };
  };
}

describe('check: the happy path', () => {
  it('authenticates without sending when there is no recipient', async () => {
    sandbox.applyScenario('healthy');
    const before = sandbox.received.length;
    const run = await runCli(['check', '--json', ...smtpArgs()], { env: checkEnv() });
    expect(run.status, run.stderr).toBe(0);
    const report = parseJson(run);
    expect(report).toMatchObject({ ok: true, exitCode: 0, diagnosis: null });
    expect(report.token.acquired).toBe(true);
    expect(report.token.claims).toMatchObject({
      aud: 'https://outlook.office365.com',
      roles: ['SMTP.SendAsApp'],
      tid: sandbox.client.tenantId,
      appid: sandbox.client.clientId,
      oid: sandbox.tenant.apps[0]!.servicePrincipalObjectId,
    });
    expect(report.smtp).toMatchObject({ host: sandbox.smtp.host, port: sandbox.smtp.port, authenticated: true, messageId: null });
    expect(report.smtp.tlsVersion).toMatch(/^TLSv1\.[23]$/);
    expect(report.smtp.response).toMatch(/^235 2\.7\.0/);
    expect(sandbox.received.length).toBe(before);
    // Nothing was sent, so the send leg has no duration; the legs before it do.
    expect(report.timings).toMatchObject({ tokenMs: expect.any(Number), smtpConnectMs: expect.any(Number), authMs: expect.any(Number), sendMs: null });
    expectNoSecrets(run, sandbox.client.clientSecret);
  });

  it('sends a test message that says what it is, and reports the queue reply', async () => {
    sandbox.applyScenario('healthy');
    const run = await runCli(['check', '--json', ...smtpArgs(), '--to', sandbox.client.to], { env: checkEnv() });
    expect(run.status, run.stderr).toBe(0);
    const report = parseJson(run);
    expect(report.smtp.response).toMatch(/^250 2\.0\.0 OK/);
    // Every leg ran, so every leg has a duration, and none is longer than the whole run.
    const { totalMs, ...legs } = report.timings;
    expect(totalMs).not.toBeNull();
    for (const [leg, ms] of Object.entries(legs)) {
      expect(ms, leg).toBeTypeOf('number');
      expect(ms, leg).toBeGreaterThanOrEqual(0);
      expect(ms, leg).toBeLessThanOrEqual(totalMs!);
    }
    const message = sandbox.received.at(-1)!;
    expect(report.smtp.messageId).toBe(message.raw.match(/^Message-ID:\s*(<[^>]+>)/im)?.[1]);
    expect(message.rcptTo).toEqual([sandbox.client.to]);
    expect(message.subject).toContain('smtp-oauth-setup test message');
    expect(message.raw).toContain(sandbox.client.tenantId);
    expect(message.raw).not.toContain(sandbox.client.clientSecret);
    // The bundled program finds package.json from its chunk (src/package-root.ts): the version it names is the package's.
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(message.raw).toMatch(new RegExp(`^X-Mailer: smtp-oauth-setup ${version.replaceAll('.', '\\.')}\\r?$`, 'm'));
    expectNoSecrets(run, sandbox.client.clientSecret);
  });

  it('shows progress and the claims to a person (human output)', async () => {
    sandbox.applyScenario('healthy');
    const run = await runCli(['check', ...smtpArgs()], { env: { ...checkEnv(), NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/✔ Token from https:\/\/127\.0\.0\.1/);
    expect(run.stderr).toMatch(/✔ SMTP .*AUTH XOAUTH2/);
    expect(run.stdout).toContain(`oid     ${sandbox.tenant.apps[0]!.servicePrincipalObjectId}`);
    expect(run.stdout).not.toMatch(/\x1b\[/);
    expectNoSecrets(run, sandbox.client.clientSecret);
  });
});

/** Every sandbox scenario through `check`: exit code, diagnosis code, setup step, transient, propagation. Expected values are the contract. */
const scenarios: Array<[scenario: string, exit: number, code: string | null, step: number | null, transient: boolean, propagation: boolean]> = [
  ['healthy', 0, null, null, false, false],
  ['secret-id-instead-of-value', 3, 'client-secret-invalid', 1, false, false],
  ['wrong-secret', 3, 'client-secret-invalid', 1, false, false],
  ['expired-secret', 3, 'client-secret-expired', 1, false, false],
  ['unknown-app', 3, 'app-not-found-in-tenant', 4, false, false],
  ['unknown-tenant', 3, 'tenant-not-found', 4, false, false],
  ['app-disabled', 3, 'app-disabled', 1, false, false],
  ['no-enterprise-app', 3, 'app-service-principal-missing', 1, false, false],
  ['no-admin-consent', 3, 'token-missing-role', 1, false, true],
  ['no-service-principal', 4, 'smtp-auth-service-principal', 2, false, true],
  ['wrong-object-id', 4, 'smtp-auth-service-principal', 2, false, true],
  ['no-mailbox-permission', 4, 'smtp-auth-service-principal', 2, false, true],
  ['unknown-mailbox', 4, 'smtp-auth-service-principal', 2, false, true],
  // Permanent unless SMTP AUTH was turned on minutes ago (catalog B.2, B.3, F): propagation, --wait retries it.
  ['smtp-auth-disabled-mailbox', 4, 'smtp-auth-disabled-mailbox', 3, false, true],
  ['smtp-auth-disabled-tenant', 4, 'smtp-auth-disabled-tenant', 3, false, true],
  ['send-as-denied', 5, 'smtp-send-as-denied', 2, false, true],
  ['sender-thread-limit', 6, 'smtp-concurrent-connections', null, true, false],
  ['no-starttls', 6, 'starttls-not-offered', 4, false, false],
  ['token-endpoint-unavailable', 6, 'token-service-unavailable', null, true, false],
  ['exchange-temporary-error', 6, 'smtp-temporary-server-error', null, true, false],
  // Entra ID's state (catalog A)
  ['public-client', 3, 'app-is-public-client', 1, false, false],
  ['conditional-access-blocked', 3, 'conditional-access-blocked', 3, false, false],
  ['exchange-online-disabled', 3, 'exchange-service-principal-disabled', 1, false, false],
  // Entra ID's answers to requests check itself never makes (catalog A), replayed by the sandbox
  ['secret-not-sent', 3, 'client-secret-missing', 4, false, false],
  ['tenant-id-malformed', 3, 'tenant-id-invalid', 4, false, false],
  ['tenant-common', 3, 'tenant-missing', 4, false, false],
  ['scope-not-default', 3, 'scope-not-default', 4, false, false],
  ['scope-invalid', 3, 'scope-invalid', 4, false, false],
  ['resource-not-found', 3, 'resource-not-found', 4, false, false],
  ['certificate-not-uploaded', 3, 'client-assertion-invalid', 1, false, false],
  ['certificate-clock-skew', 3, 'client-assertion-expired', 4, false, false],
  ['missing-client-id', 3, 'token-request-malformed', 4, false, false],
  ['national-cloud-tenant', 3, 'tenant-in-national-cloud', 4, false, false],
  ['worldwide-tenant-on-usgov', 3, 'tenant-in-public-cloud', 4, false, false],
  ['cross-cloud-request', 3, 'cross-cloud-request', 4, false, false],
  // Tokens Exchange cannot accept (catalog C): stopped by the claims check, never sent
  ['graph-token', 3, 'token-wrong-audience', 4, false, false],
  ['token-from-other-tenant', 3, 'token-wrong-tenant', 4, false, false],
  ['token-for-other-app', 3, 'token-wrong-app', 4, false, false],
  ['clock-skew-expired-token', 3, 'token-expired', null, false, false],
  ['delegated-token', 3, 'token-delegated', 4, false, false],
  ['opaque-token', 3, 'token-undecodable', 4, false, false],
  // Exchange Online's replies at AUTH, MAIL FROM, RCPT TO and end of DATA (catalog B)
  ['basic-auth-disabled', 4, 'smtp-basic-auth-disabled', 4, false, false],
  ['basic-auth-wrong-password', 4, 'smtp-basic-auth-credentials', 4, false, false],
  ['auth-policy-blocked', 4, 'smtp-auth-policy-blocked', 3, false, true],
  ['security-defaults', 4, 'smtp-auth-security-defaults', 3, false, true],
  ['account-locked', 4, 'smtp-auth-blocked', 3, false, true],
  ['basic-auth-retired', 4, 'smtp-basic-auth-not-supported', 4, false, false],
  ['not-authenticated', 4, 'smtp-not-authenticated', 4, false, false],
  ['starttls-required', 6, 'smtp-starttls-required', 4, false, false],
  ['auth-mechanism-unsupported', 4, 'smtp-auth-mechanism-unsupported', 4, false, false],
  ['send-hello-first', 4, 'smtp-send-hello-first', 4, false, false],
  ['xoauth2-user-invalid', 4, 'smtp-xoauth2-user-invalid', 4, false, false],
  ['tls-version-too-old', 6, 'smtp-tls-version-too-old', 4, false, false],
  ['mailbox-logon-failure', 5, 'smtp-mailbox-logon-failure', 2, false, true],
  ['send-as-denied-submission', 5, 'smtp-send-as-denied-submission', 2, false, true],
  ['submission-quota-exceeded', 5, 'smtp-submission-quota-exceeded', null, true, false],
  ['sender-mailbox-full', 5, 'smtp-sender-mailbox-full', null, false, false],
  ['ip-blocked', 5, 'smtp-ip-blocked', null, false, false],
  ['sender-banned', 5, 'smtp-sender-banned', null, false, false],
  ['tenant-recipient-limit', 5, 'smtp-tenant-recipient-limit', null, true, false],
];

/**
 * Catalog entries no scenario stages, and why. Every one of them is still recognised and tested
 * through the diagnosis engine (test/diagnose) and `explain`.
 */
const FALLBACK = 'a fallback for answers nothing specific matches';
const ON_THE_WAY = 'a failure on the way to Microsoft, not an answer of theirs (the network-fault tests here and in faults.test.ts stage some)';
const NO_SCENARIO: Record<string, string> = {
  'smtp-auth-unsuccessful': 'check always knows whether its token carries SMTP.SendAsApp; only a pasted 535 5.7.3 (explain) leaves it open',
  'smtp-auth-missing-role': 'check stops at its claims check (token-missing-role) before sending such a token',
  'user-sign-in-used': 'a user sign-in error: it cannot occur in the client-credentials flow (reference A.18)',
  'authority-metadata-unavailable': "MSAL's own error when discovery fails; check reports Microsoft's answer or the network failure behind it",
  'client-authentication-failed': FALLBACK,
  'token-request-failed': FALLBACK,
  'smtp-auth-refused': FALLBACK,
  'smtp-message-refused': FALLBACK,
  'smtp-temporary-failure': FALLBACK,
  'smtp-session-refused': FALLBACK,
  'network-error': FALLBACK,
  'internal-error': 'a bug of the tool',
  'input-invalid': "the run's own error, before any request (check: bad input, below)",
  'input-missing': "the run's own error, before any request (check: bad input, below)",
  cancelled: "the run's own error: a signal or a closed prompt (test/main.test.ts, the signal tests)",
  'connection-refused': ON_THE_WAY,
  'host-not-found': ON_THE_WAY,
  'dns-temporary-failure': ON_THE_WAY,
  'connection-timeout': ON_THE_WAY,
  'connection-reset': ON_THE_WAY,
  'network-unreachable': ON_THE_WAY,
  'tls-certificate-untrusted': ON_THE_WAY,
  'tls-certificate-wrong-host': ON_THE_WAY,
  'tls-certificate-expired': ON_THE_WAY,
  'tls-wrong-mode': ON_THE_WAY,
  'tls-handshake-failed': ON_THE_WAY,
  'response-too-large': "not an answer of Microsoft's but of something in its place; the sandbox's endless-answer fault stages it (bounded-reads.test.ts)",
  // The automatic setup's administrator side: never in check's flow; staged against the sandbox in test/admin/.
  ...Object.fromEntries(
    [
      'admin-sign-in-expired',
      'admin-sign-in-declined',
      'admin-client-not-authorized',
      'admin-scope-missing',
      'admin-role-missing',
      'admin-token-refused',
      'admin-object-not-found',
      'admin-throttled',
      'admin-service-unavailable',
      'admin-endpoint-unexpected',
      'admin-request-failed',
    ].map((code) => [code, 'the automatic setup as the administrator, not check (test/admin/)']),
  ),
};

describe('check: the scenario table covers the catalog', () => {
  it('lists every sandbox scenario exactly once', () => {
    expect(scenarios.map(([name]) => name).sort()).toEqual(listScenarios().map((s) => s.name).sort());
  });

  it('stages every catalog entry that can happen in this flow; the others are listed with a reason', () => {
    const staged = new Set(scenarios.map(([, , code]) => code));
    const codes = catalog.map((e) => e.code);
    expect(codes.filter((code) => !staged.has(code) && !(code in NO_SCENARIO))).toEqual([]);
    // No stale or contradictory exemption.
    expect(Object.keys(NO_SCENARIO).filter((code) => !codes.includes(code) || staged.has(code))).toEqual([]);
  });
});

/** What each scenario declares `check` must produce (src/sandbox/scenarios.ts). */
const declared = new Map(listScenarios().map((s) => [s.name, s.diagnosis]));

describe('check: every sandbox scenario', () => {
  it.each(scenarios)('%s → exit %i, %s, step %s', async (scenario, exit, code, step, transient, propagation) => {
    sandbox.applyScenario(scenario);
    const { client } = sandbox;
    const args = ['check', '--json', '--timeout', '10', ...smtpArgs(), '--to', client.to];
    if (client.from !== client.mailbox) args.push('--from', client.from);
    const run = await runCli(args, { env: checkEnv({ AZURE_TENANT_ID: client.tenantId, AZURE_CLIENT_ID: client.clientId, AZURE_CLIENT_SECRET: client.clientSecret, SMTP_OAUTH_MAILBOX: client.mailbox }) });
    expect(run.status, run.stderr).toBe(exit);
    const report = parseJson(run);
    // The scenario's own declaration holds: check produces the diagnosis the scenario says it does.
    expect(report.diagnosis?.code ?? null, 'Scenario.diagnosis').toBe(declared.get(scenario));
    expect(report.exitCode).toBe(exit);
    expect(report.ok).toBe(exit === 0);
    // A leg has a duration exactly when it ended: no token, no AUTH or message (the SMTP connection,
    // which runs beside the token request, may have ended); TLS up, the connect leg ended.
    expect(report.timings.tokenMs).toBeTypeOf('number');
    if (!report.token.acquired) expect(report.timings).toMatchObject({ authMs: null, sendMs: null });
    expect(report.timings.smtpConnectMs === null).toBe(report.smtp.tlsVersion === null);
    expect(report.timings.authMs === null).toBe(!report.smtp.authenticated);
    if (code === null) {
      expect(report.diagnosis).toBeNull();
    } else {
      expect(report.diagnosis).toMatchObject({ code, step, transient, propagation });
      expect(report.diagnosis!.summary.length).toBeGreaterThan(20);
      expect(report.diagnosis!.fix.length).toBeGreaterThan(20);
    }
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expectNoSecrets(run, client.clientSecret);
  });

  it('learnMore is null, not absent, where the catalog has no page (starttls-not-offered, smtp-temporary-server-error)', async () => {
    for (const [scenario, code] of [['no-starttls', 'starttls-not-offered'], ['exchange-temporary-error', 'smtp-temporary-server-error']] as const) {
      sandbox.applyScenario(scenario);
      const run = await runCli(['check', '--json', '--timeout', '10', ...smtpArgs()], { env: checkEnv() });
      const report = parseValid('check', run.stdout);
      expect(report.diagnosis.code).toBe(code);
      expect(Object.entries(report.diagnosis)).toContainEqual(['learnMore', null]);
    }
  });

  it('warns that a GUID-shaped secret is probably the secret ID', async () => {
    sandbox.applyScenario('secret-id-instead-of-value');
    const run = await runCli(['check', '--json', ...smtpArgs()], { env: checkEnv({ AZURE_CLIENT_SECRET: sandbox.client.clientSecret }) });
    expect(parseJson(run).warnings.join(' ')).toContain('secret\'s ID, not its Value');
  });

  it('names the service principal object id from the token in the step 2 fix', async () => {
    sandbox.applyScenario('wrong-object-id');
    const run = await runCli(['check', '--json', ...smtpArgs()], { env: checkEnv() });
    const report = parseJson(run);
    const oid = sandbox.tenant.apps[0]!.servicePrincipalObjectId;
    expect(report.token.claims!.oid).toBe(oid);
    expect(report.diagnosis!.fix).toContain(`New-ServicePrincipal -AppId ${sandbox.client.clientId} -ObjectId ${oid}`);
    expect(report.diagnosis!.fix).toContain(`Add-MailboxPermission -Identity ${sandbox.client.mailbox}`);
  });
});

describe('check --cloud: the fix names what check itself requested', () => {
  it('usgovdod against a worldwide tenant: AADSTS500011, and the fix names the outlook-dod scope check asked for', async () => {
    sandbox.applyScenario('healthy');
    // The sandbox is a worldwide tenant: it knows no DoD resource, as Entra ID would answer (catalog A.11).
    const run = await runCli(['check', '--json', '--cloud', 'usgovdod', ...smtpArgs()], { env: checkEnv() });
    expect(run.status, run.stderr).toBe(3);
    const report = parseJson(run) as ReturnType<typeof parseJson> & { plan: { token: { scope: string } } };
    expect(report.plan.token.scope).toBe('https://outlook-dod.office365.us/.default');
    expect(report.diagnosis).toMatchObject({ code: 'resource-not-found' });
    expect(report.diagnosis!.fix).toContain('Set the scope to exactly https://outlook-dod.office365.us/.default');
    expect(report.diagnosis!.fix).not.toContain('https://outlook.office365.us/.default');
    expect(report.diagnosis!.fix).not.toContain('https://outlook.office365.com/.default');
  });
});

describe('check: network faults end within the timeout with a one-line reason', () => {
  let silent: Server;
  let silentPort: number;
  beforeAll(async () => {
    // Accepts connections and never says a word: no SMTP greeting, no TLS handshake.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it('SMTP connection refused → exit 6 naming host and port', async () => {
    sandbox.applyScenario('healthy');
    const port = await closedPort();
    const run = await runCli(['check', '--json', '--smtp-host', '127.0.0.1', '--smtp-port', String(port)], { env: checkEnv() });
    expect(run.status).toBe(6);
    const report = parseJson(run);
    expect(report.diagnosis).toMatchObject({ code: 'connection-refused' });
    expect(report.diagnosis!.summary).toContain(`127.0.0.1:${port}`);
  });

  it('SMTP server that never greets → exit 6 within the timeout', async () => {
    sandbox.applyScenario('healthy');
    const started = Date.now();
    const run = await runCli(['check', '--json', '--timeout', '1', '--smtp-host', '127.0.0.1', '--smtp-port', String(silentPort)], { env: checkEnv() });
    expect(run.status).toBe(6);
    expect(parseJson(run).diagnosis).toMatchObject({ code: 'connection-timeout', transient: true });
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('token endpoint that never answers → exit 6 within the timeout', async () => {
    sandbox.applyScenario('healthy');
    sandbox.faults.tokenEndpoint = { kind: 'hang' };
    try {
      const started = Date.now();
      const run = await runCli(['check', '--json', '--timeout', '1', ...smtpArgs()], { env: checkEnv() });
      expect(run.status).toBe(6);
      expect(parseJson(run).diagnosis).toMatchObject({ code: 'connection-timeout' });
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      sandbox.faults.tokenEndpoint = null;
    }
  });

  it('token endpoint refused → exit 6', async () => {
    const port = await closedPort();
    const run = await runCli(['check', '--json', ...smtpArgs()], { env: checkEnv({ AZURE_AUTHORITY_HOST: `https://127.0.0.1:${port}` }) });
    expect(run.status).toBe(6);
    expect(parseJson(run).diagnosis).toMatchObject({ code: 'connection-refused' });
  });

  it('untrusted certificate (no NODE_EXTRA_CA_CERTS) → exit 6, untrusted certificate', async () => {
    sandbox.applyScenario('healthy');
    const { NODE_EXTRA_CA_CERTS: _ca, ...env } = checkEnv();
    const run = await runCli(['check', '--json', ...smtpArgs()], { env });
    expect(run.status).toBe(6);
    expect(parseJson(run).diagnosis).toMatchObject({ code: 'tls-certificate-untrusted' });
  });
});

describe('check: bad input', () => {
  it('no inputs and no terminal → exit 2 naming each missing input, no stack trace', async () => {
    const run = await runCli(['check'], { env: {} });
    expect(run.status).toBe(2);
    for (const name of ['--tenant-id', '--client-id', '--mailbox', 'AZURE_CLIENT_SECRET']) expect(run.stderr).toContain(name);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('--json keeps the one-object contract for input errors: the whole check object, diagnosis input-invalid', async () => {
    const run = await runCli(['check', '--json', '--tenant-id', 'common'], { env: {} });
    expect(run.status).toBe(2);
    const body = parseValid('check', run.stdout);
    expect(body).toMatchObject({ ok: false, exitCode: 2, plan: null, diagnosis: { code: 'input-invalid', step: 4, transient: false, source: null, learnMore: null } });
    expect(body.error.problems.join('\n')).toContain('client credentials need');
    expect(body.diagnosis.problems).toEqual(body.error.problems);
    expect(body.token).toEqual({ acquired: false, expiresOn: null, claims: null, servicePrincipalObjectId: null });
    expect(body.attempts).toEqual([{ at: expect.any(String), exitCode: 2, diagnosisCode: 'input-invalid' }]);
    expect(body.warnings).toEqual([]);
  });

  it('--json with nothing given: exit 2, the same top level as a check that ran, diagnosis input-missing', async () => {
    sandbox.applyScenario('healthy');
    const [missing, ran] = await Promise.all([runCli(['check', '--json'], { env: {} }), runCli(['check', '--json', ...smtpArgs()], { env: checkEnv() })]);
    expect(missing.status).toBe(2);
    const body = parseValid('check', missing.stdout);
    expect(body.diagnosis).toMatchObject({ code: 'input-missing', step: 4, problems: [expect.stringMatching(/^Missing: --tenant-id/), expect.any(String)] });
    expect(Object.keys(body)).toEqual(Object.keys(parseValid('check', ran.stdout)));
    expect(missing.stderr).toBe('');
  });

  it('refuses a secret on the command line without echoing it', async () => {
    const run = await runCli(['check', '--client-secret', 'Abc8Q~do-not-echo-me'], { env: {} });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('AZURE_CLIENT_SECRET');
    expect(run.stderr).not.toContain('do-not-echo-me');
  });

  it.each<[string, string[], string]>([
    ['hex port', ['--smtp-port', '0x94e9'], '--smtp-port: must be a number from 1 to 65535, in decimal digits'],
    ['blank warn days', ['--warn-days', ' '], '--warn-days: is empty'],
    ['empty port', ['--smtp-port', ''], '--smtp-port: is empty'],
    ['empty wait', ['--wait', ''], '--wait: must be a duration such as 90s, 30m or 1h'],
    ['exponent timeout', ['--timeout', '1e1'], '--timeout: must be a number of seconds, in decimal digits'],
    ['5,000-character local part', ['--mailbox', `${'x'.repeat(5000)}@contoso.com`], '--mailbox: has a local part (before the @) of 5000 characters; at most 64 are allowed (RFC 5321)'],
  ])('%s → exit 2 with the reason, nothing contacted', async (_name, flags, reason) => {
    const base = ['--tenant-id', sandbox.client.tenantId, '--client-id', sandbox.client.clientId, '--mailbox', sandbox.client.mailbox];
    const requests = sandbox.requestLog.length;
    const run = await runCli(['check', ...base, ...flags], { env: { NO_COLOR: '1', AZURE_CLIENT_SECRET: sandbox.client.clientSecret } });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(sandbox.requestLog.length).toBe(requests);
  });

  it('reads the secret from stdin with --client-secret-file -', async () => {
    sandbox.applyScenario('healthy');
    const { AZURE_CLIENT_SECRET: secret, ...env } = checkEnv();
    const run = await runCli(['check', '--json', '--client-secret-file', '-', ...smtpArgs()], { env, input: `${secret}\n` });
    expect(run.status, run.stderr).toBe(0);
    expectNoSecrets(run, secret!);
  });
});
