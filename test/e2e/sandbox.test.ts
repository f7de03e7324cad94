import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { BIN, runCli } from '../support/cli.js';
import { assertFreshBuild } from '../support/fresh-build.js';
import { parseValid } from '../support/json-schema.js';
import { leftIn } from '../support/temp-leftovers.js';
import { POSIX_MODES, SIGNALS_REACH_CHILDREN, expectMode, baseEnv } from '../support/platform.js';

/**
 * `sandbox`, the long-running emulator, spawned as a person starts it in one terminal, with `check`
 * spawned against it from "another terminal" using only what the sandbox printed.
 */
const dir = mkdtempSync(join(tmpdir(), 'sandbox-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the stdout text once it matches. */
  waitFor(pattern: RegExp): Promise<string>;
  exit: Promise<number | null>;
}

let running: Running | null = null;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = null;
});

function startSandboxCli(args: string[], env: Record<string, string> = {}): Running {
  assertFreshBuild();
  const child = spawn(process.execPath, [BIN, 'sandbox', ...args], { env: { ...baseEnv(), NO_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const waitFor = async (pattern: RegExp) => {
    const deadline = Date.now() + 15_000;
    while (!pattern.test(out)) {
      if (Date.now() > deadline) throw new Error(`sandbox printed no ${pattern}:\n${out}\n${err}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return out;
  };
  running = { child, stdout: () => out, stderr: () => err, waitFor, exit };
  return running;
}

/**
 * Stops a sandbox with `signal`: it ends with 128 + the signal's number. On Windows the kill ends the
 * process at once (it never sees a signal, SIGNALS_REACH_CHILDREN), so there only its end is awaited.
 */
async function stopWith(sandbox: Running, signal: NodeJS.Signals, exitCode: number): Promise<void> {
  sandbox.child.kill(signal);
  const code = await sandbox.exit;
  if (SIGNALS_REACH_CHILDREN) expect(code).toBe(exitCode);
}

describe('sandbox: the emulator as a process', () => {
  it('--list-scenarios lists every scenario by name and title, also as JSON', async () => {
    const human = await runCli(['sandbox', '--list-scenarios']);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^healthy\s+\S/m);
    expect(human.stdout).toMatch(/^wrong-object-id\s+\S/m);
    const json = await runCli(['sandbox', '--list-scenarios', '--json']);
    const list = JSON.parse(json.stdout) as Array<{ name: string; title: string; description: string }>;
    expect(list.map((s) => s.name)).toContain('certificate-not-uploaded');
    expect(list.every((s) => s.title && s.description)).toBe(true);
  });

  it('--list-scenarios --json names the diagnosis each scenario produces, with the setup step of the catalog', async () => {
    const json = await runCli(['sandbox', '--list-scenarios', '--json']);
    const list = JSON.parse(json.stdout) as Array<{ name: string; diagnosis: { code: string; step: number | null } | null }>;
    const byName = new Map(list.map((s) => [s.name, s.diagnosis]));
    expect(byName.get('healthy')).toBeNull();
    // The wrong secret is fixed at the app registration (step 1), whatever the scenario's story says.
    expect(byName.get('wrong-secret')).toEqual({ code: 'client-secret-invalid', step: 1 });
    expect(byName.get('send-as-denied')).toEqual({ code: 'smtp-send-as-denied', step: 2 });
    expect(byName.get('sender-thread-limit')).toEqual({ code: 'smtp-concurrent-connections', step: null });
  });

  it('--json: the settings on the first line; check from another process works with them; each message is a JSON line; SIGTERM stops it (exit 143)', async () => {
    const sandbox = startSandboxCli(['--json', '--ca-dir', join(dir, 'json')]);
    const first = (await sandbox.waitFor(/\n/)).split('\n')[0]!;
    const settings = JSON.parse(first) as Record<string, string | number>;
    expect(settings).toMatchObject({ scenario: 'healthy', caFile: join(dir, 'json', 'sandbox-ca.pem') });
    expectMode(String(settings.clientSecretFile), 0o600);
    const secret = readFileSync(String(settings.clientSecretFile), 'utf8').trim();
    expect(first).not.toContain(secret);

    const check = await runCli(
      [
        'check',
        '--authority-host', String(settings.authorityHost),
        '--tenant-id', String(settings.tenantId),
        '--client-id', String(settings.clientId),
        '--client-secret-file', String(settings.clientSecretFile),
        '--mailbox', String(settings.mailbox),
        '--to', String(settings.to),
        '--smtp-host', String(settings.smtpHost),
        '--smtp-port', String(settings.smtpPort),
      ],
      { env: { NODE_EXTRA_CA_CERTS: String(settings.caFile) } },
    );
    expect(check.status, check.stderr).toBe(0);
    const lines = (await sandbox.waitFor(/"received"/)).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ received: { mailFrom: settings.mailbox, rcptTo: [settings.to] } });

    await stopWith(sandbox, 'SIGTERM', 143);
    expect(sandbox.stdout() + sandbox.stderr()).not.toContain(secret);
  });

  it('--latency: the settings name the latency proxies, which check passes through (TLS still verified), paying the round trips', async () => {
    const roundTrip = 150;
    const sandbox = startSandboxCli(['--json', '--latency', String(roundTrip), '--ca-dir', join(dir, 'latency')]);
    const settings = JSON.parse((await sandbox.waitFor(/\n/)).split('\n')[0]!) as Record<string, string | number>;
    expect(settings.latencyMs).toBe(roundTrip);
    const start = Date.now();
    const check = await runCli(
      [
        'check', '--json',
        '--authority-host', String(settings.authorityHost),
        '--tenant-id', String(settings.tenantId),
        '--client-id', String(settings.clientId),
        '--client-secret-file', String(settings.clientSecretFile),
        '--mailbox', String(settings.mailbox),
        '--to', String(settings.to),
        '--smtp-host', String(settings.smtpHost),
        '--smtp-port', String(settings.smtpPort),
      ],
      { env: { NODE_EXTRA_CA_CERTS: String(settings.caFile) } },
    );
    expect(check.status, check.stderr).toBe(0);
    // At least the 9 round trips no client can avoid (bench/latency.mjs); the proxy counts are proved in test/e2e/latency.test.ts.
    expect(Date.now() - start).toBeGreaterThanOrEqual(9 * roundTrip);
    await stopWith(sandbox, 'SIGTERM', 143);

    const human = startSandboxCli(['--latency', '20', '--ca-dir', join(dir, 'latency-human')]);
    expect(await human.waitFor(/Ctrl-C stops it/)).toContain('Round trip added          20 ms in front of both');
    await stopWith(human, 'SIGTERM', 143);
  });

  it('bad input: --latency that is not a whole number of milliseconds → exit 2 with one line', async () => {
    const run = await runCli(['sandbox', '--latency', 'slow']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("smtp-oauth-setup: --latency 'slow' must be a number of milliseconds from 0 to 10000, in decimal digits");
  });

  it('--certificate uploads a certificate to the app: check --certificate then gets its token', async () => {
    const made = createSelfSignedCertificate({ commonName: 'sandbox-cmd', validDays: 90 });
    const pem = join(dir, 'sender.pem');
    writeFileSync(pem, made.privateKeyPem + made.certificatePem, { mode: 0o600 });
    const sandbox = startSandboxCli(['--ca-dir', join(dir, 'cert'), '--certificate', pem]);
    const text = await sandbox.waitFor(/Ctrl-C stops it/);
    expect(text).toContain(`Certificate uploaded      ${made.thumbprintSha256}`);
    const setting = (label: string) => new RegExp(`${label}\\s+(\\S+)`).exec(text)?.[1] ?? '';
    const [smtpHost, smtpPort] = setting('Exchange SMTP server').split(':');
    const ids = /Tenant (\S+), app (\S+), mailbox (\S+)/.exec(text)!;
    const check = await runCli(
      ['check', '--json', '--authority-host', setting('Entra ID token endpoint'), '--tenant-id', ids[1]!, '--client-id', ids[2]!, '--certificate', pem, '--mailbox', ids[3]!, '--smtp-host', smtpHost!, '--smtp-port', smtpPort!],
      { env: { NODE_EXTRA_CA_CERTS: setting('Throw-away CA') } },
    );
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(parseValid('check', check.stdout).plan.token.credential).toContain(`certificate ${made.thumbprintSha256}`);
    await stopWith(sandbox, 'SIGINT', 130);
    if (SIGNALS_REACH_CHILDREN) expect(sandbox.stderr()).toContain('Sandbox stopped.');
  });

  it('bad input: an unknown scenario or an unreadable certificate → exit 2 with one line, nothing started', async () => {
    const scenario = await runCli(['sandbox', '--scenario', 'no-such-thing']);
    expect(scenario.status).toBe(2);
    expect(scenario.stderr).toContain("unknown scenario 'no-such-thing'");
    const missing = await runCli(['sandbox', '--certificate', join(dir, 'nope.pem')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(`smtp-oauth-setup: --certificate: ${join(dir, 'nope.pem')}: no such file`);
    writeFileSync(join(dir, 'key-only.pem'), createSelfSignedCertificate({ commonName: 'k', validDays: 1 }).privateKeyPem);
    const keyOnly = await runCli(['sandbox', '--certificate', join(dir, 'key-only.pem')]);
    expect(keyOnly.status).toBe(2);
    expect(keyOnly.stderr).toContain('holds no PEM certificate');
  });

  it('bad input: a port not written in decimal digits, or empty, is refused (it would have meant another port)', async () => {
    const hex = await runCli(['sandbox', '--token-port', '0x1f90']);
    expect(hex.status).toBe(2);
    expect(hex.stderr.trim()).toBe("smtp-oauth-setup: --token-port '0x1f90': the port must be a number from 0 to 65535, in decimal digits");
    const empty = await runCli(['sandbox', '--smtp-port', '']);
    expect(empty.status).toBe(2);
    expect(empty.stderr.trim()).toBe('smtp-oauth-setup: --smtp-port: the port is empty');
  });

  // The cleanup on a signal from another process, which Windows does not deliver (SIGNALS_REACH_CHILDREN);
  // TMPDIR is also POSIX's name for the temporary folder.
  it.runIf(SIGNALS_REACH_CHILDREN).each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s stops it like Ctrl-C: its temporary CA folder (with the secret file) removed, exit %i', async (signal, exitCode) => {
    const tmp = mkdtempSync(join(dir, `tmp-${signal}-`));
    const sandbox = startSandboxCli(['--json'], { TMPDIR: tmp });
    const settings = JSON.parse((await sandbox.waitFor(/\n/)).split('\n')[0]!) as { caFile: string; clientSecretFile: string; smtpPort: number };
    // The CA and the secret file live in the sandbox's own temporary folder.
    const folder = dirname(settings.caFile);
    expect(folder).toMatch(new RegExp(`^${tmp}/smtp-oauth-sandbox-`));
    expect(existsSync(settings.clientSecretFile)).toBe(true);
    sandbox.child.kill(signal);
    expect(await sandbox.exit).toBe(exitCode);
    expect(existsSync(folder)).toBe(false);
    expect(leftIn(tmp)).toEqual([]);
  });

  describe('what the sandbox cannot start with is bad input: exit 2, one line, no "bug"', () => {
    let holder: Server;
    let busyPort: number;
    beforeAll(async () => {
      holder = createServer();
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      busyPort = (holder.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

    it('--token-port and --smtp-port in use', async () => {
      const token = await runCli(['sandbox', '--token-port', String(busyPort)]);
      expect(token.status).toBe(2);
      expect(token.stderr.trim()).toBe(`smtp-oauth-setup: --token-port ${busyPort}: the port is in use by another program; choose another, or leave the flag out for a free one`);
      const smtp = await runCli(['sandbox', '--smtp-port', String(busyPort)]);
      expect(smtp.status).toBe(2);
      expect(smtp.stderr.trim()).toBe(`smtp-oauth-setup: --smtp-port ${busyPort}: the port is in use by another program; choose another, or leave the flag out for a free one`);
      const same = await runCli(['sandbox', '--token-port', '40123', '--smtp-port', '40123']);
      expect(same.status).toBe(2);
      expect(same.stderr.trim()).toBe('smtp-oauth-setup: --token-port and --smtp-port: both are 40123; the two servers need two ports');
    });

    it('--ca-dir that is a file, or cannot be created', async () => {
      const file = join(dir, 'a-file');
      writeFileSync(file, 'not a directory');
      const isFile = await runCli(['sandbox', '--ca-dir', file]);
      expect(isFile.status).toBe(2);
      expect(isFile.stderr.trim()).toBe(`smtp-oauth-setup: --ca-dir: ${file}: a file is in the way: it must be a directory (or not exist yet)`);
      const below = await runCli(['sandbox', '--ca-dir', join(file, 'ca')]);
      expect(below.status).toBe(2);
      expect(below.stderr.trim()).toBe(`smtp-oauth-setup: --ca-dir: ${join(file, 'ca')}: a file is in the way: it must be a directory (or not exist yet)`);
      const json = await runCli(['sandbox', '--json', '--ca-dir', file]);
      expect(json.status).toBe(2);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exitCode: 2 });
      for (const run of [isFile, below, json]) expect(run.stdout + run.stderr).not.toContain('bug');
    });

    // Root passes every permission check (CI runs as root), so the refusal can only be staged as another user.
    // Windows has no mode bits to lock a folder with (mkdir's mode is ignored there).
    it.skipIf(process.getuid?.() === 0 || !POSIX_MODES)('--ca-dir in a folder this user may not write', async () => {
      const locked = join(dir, 'locked');
      mkdirSync(locked, { mode: 0o500 });
      const run = await runCli(['sandbox', '--ca-dir', join(locked, 'ca')]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(`smtp-oauth-setup: --ca-dir: ${join(locked, 'ca')}: permission denied`);
    });
  });
});

describe('sandbox: what to run, for PowerShell (SMTP_OAUTH_SHELL=powershell, as on Windows)', () => {
  /** A PowerShell single-quoted literal's value ('' is one '). */
  const literal = (text: string) => /^'((?:[^']|'')*)'$/.exec(text)![1]!.replace(/''/g, "'");

  it('prints $env: lines and backtick continuations, no export; the values it prints make check pass', async () => {
    const sandbox = startSandboxCli(['--ca-dir', join(dir, "o'brien ps")], { SMTP_OAUTH_SHELL: 'powershell' });
    const text = await sandbox.waitFor(/Ctrl-C stops it/);
    expect(text).not.toMatch(/^\s*export /m);
    expect(text).not.toContain('$(cat ');
    const caFile = join(dir, "o'brien ps", 'sandbox-ca.pem');
    const secretFile = join(dir, "o'brien ps", 'client-secret');
    // npx.cmd when this runs on Windows (PowerShell there would pick the blocked npx.ps1), npx elsewhere.
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    expect(text).toContain(`  $env:NODE_EXTRA_CA_CERTS = '${caFile.replace(/'/g, "''")}'\n  ${npx} smtp-oauth-setup check \`\n`);
    expect(text).toContain(`  $env:AZURE_CLIENT_SECRET = Get-Content -LiteralPath '${secretFile.replace(/'/g, "''")}' -Encoding UTF8 -TotalCount 1\n`);

    // The environment form, read as PowerShell reads it: each $env:NAME = '…' line, and the secret file's first line.
    const env: Record<string, string> = {};
    for (const [, name, value] of text.matchAll(/^ {2}\$env:(\w+) = ('(?:[^']|'')*')$/gm)) env[name!] = literal(value!);
    expect(Object.keys(env).sort()).toEqual(['AZURE_AUTHORITY_HOST', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'NODE_EXTRA_CA_CERTS', 'SMTP_OAUTH_MAILBOX']);
    env.AZURE_CLIENT_SECRET = readFileSync(secretFile, 'utf8').split('\n')[0]!;
    const last = new RegExp(`^ {2}${npx.replace('.', '\\.')} smtp-oauth-setup check (--smtp-host .*)$`, 'm').exec(text)![1]!;
    const check = await runCli(['check', '--json', ...last.split(' ')], { env });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    await stopWith(sandbox, 'SIGINT', 130);
  });
});

describe('sandbox: its console in the language in use', () => {
  it('--lang de: the settings block, the hints and the scenario in German; the commands and paths as they are; stopped in German', async () => {
    const sandbox = startSandboxCli(['--lang', 'de', '--scenario', 'wrong-secret'], { SMTP_OAUTH_SHELL: 'posix' });
    const text = await sandbox.waitFor(/Strg\+C beendet sie\./);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Sandbox läuft: Szenario wrong-secret  (Ein geheimer Clientschlüssel, der nicht zur App gehört → AADSTS7000215)');
    // One label column, as wide as the longest German label.
    const labelled = lines.filter((line) => /^ {2}(Token-Endpunkt|SMTP-Server|Wegwerf-CA|Geheimer Clientschlüssel) /.test(line));
    expect(labelled).toHaveLength(4);
    expect(new Set(labelled.map((line) => /^ {2}\S.*?\s{3,}(?=\S)/.exec(line)![0].length)).size).toBe(1);
    expect(text).toMatch(/^ {2}Mandant \S+, App \S+, Postfach notifications@/m);
    expect(text).toContain('oder mit Umgebungsvariablen:');
    expect(text).toMatch(/^ {2}NODE_EXTRA_CA_CERTS=\S+ npx smtp-oauth-setup check \\$/m);
    for (const english of ['Sandbox running', 'Throw-away CA', 'or with environment variables', 'Ctrl-C stops it']) expect(text).not.toContain(english);
    sandbox.child.kill('SIGTERM');
    await sandbox.exit;
    if (SIGNALS_REACH_CHILDREN) expect(sandbox.stderr()).toContain('Sandbox beendet.');
  });

  it('--list-scenarios in German: the titles in German, the names and the codes as they are', async () => {
    const german = await runCli(['sandbox', '--list-scenarios'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(german.status).toBe(0);
    expect(german.stdout).toMatch(/^healthy\s+Alles richtig eingerichtet: Token, AUTH und Versand gelingen$/m);
    expect(german.stdout).toMatch(/^no-service-principal\s+New-ServicePrincipal wurde in Exchange Online nicht ausgeführt → 535 5\.7\.3$/m);
    const json = JSON.parse((await runCli(['sandbox', '--list-scenarios', '--json', '--lang', 'de'])).stdout) as Array<{ name: string; title: string }>;
    expect(json.find((s) => s.name === 'expired-secret')?.title).toBe('Der geheime Clientschlüssel ist abgelaufen → AADSTS7000222');
  });

  it('a bad flag of the sandbox is one German line, exit 2', async () => {
    const run = await runCli(['sandbox', '--scenario', 'nope', '--lang', 'de']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^smtp-oauth-setup: Unbekanntes Szenario „nope“; eines von: healthy, .* \(siehe `smtp-oauth-setup sandbox --list-scenarios`\)\n$/);
  });
});
