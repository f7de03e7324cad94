import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en/index.js';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { parseValid } from '../support/json-schema.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';

/**
 * `check` and `explain` in German, the built CLI against the sandbox: the words are German, the JSON
 * keeps every code, key and enum English and says `"lang": "de"`. The language comes from
 * SMTP_OAUTH_LANG (the command line's --lang is the parser's, added beside this).
 */
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ fleet: { tenants: 2, mailboxesPerTenant: 2 } });
});
afterAll(async () => {
  await sandbox?.close();
});

const german = (overrides: Record<string, string> = {}) => sandboxEnv(sandbox, { SMTP_OAUTH_LANG: 'de', ...overrides });
// The diagnosis catalog's summaries and fixes are German once the catalog speaks through the message layer.
const catalogSpeaksGerman = Object.keys(en).some((id) => id.startsWith('diagnosis.'));

describe('check in German', () => {
  it('a success: the stage lines on stderr and the report on stdout are German', async () => {
    sandbox.applyScenario('healthy');
    const run = await runCli(['check', '--to', sandbox.client.mailbox, ...sandboxSmtpArgs(sandbox)], { env: german() });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('✔ Token von ');
    expect(run.stderr).toContain('✔ Token-Claims (Rolle SMTP.SendAsApp');
    expect(run.stderr).toContain('✔ Test-E-Mail von ');
    expect(run.stdout).toContain('✔ Der Server hat die Test-E-Mail angenommen.');
    expect(run.stdout).toContain('Claims des Tokens');
    expect(run.stdout).not.toContain('Token claims');
    // The test message itself is German too: the admin who ran the check reads it.
    expect(sandbox.received.at(-1)?.subject).toMatch(/^smtp-oauth-setup: Test-E-Mail von /);
  });

  it('a failure: the German frame around the diagnosis, the setup step by its German name', async () => {
    sandbox.applyScenario('wrong-object-id');
    const run = await runCli(['check', ...sandboxSmtpArgs(sandbox)], { env: german() });
    expect(run.status).toBe(4);
    expect(run.stdout).toContain('Einrichtungsschritt: 2 von 4, Exchange-Dienstprinzipal');
    expect(run.stdout).toContain('Behebung:');
  });

  it('--json under German: codes, keys and enums English, "lang": "de"', async () => {
    sandbox.applyScenario('wrong-object-id');
    const [de, en] = await Promise.all([
      runCli(['check', '--json', ...sandboxSmtpArgs(sandbox)], { env: german() }),
      runCli(['check', '--json', ...sandboxSmtpArgs(sandbox)], { env: sandboxEnv(sandbox, { SMTP_OAUTH_LANG: 'en' }) }),
    ]);
    const [deJson, enJson] = [parseValid('check', de.stdout), parseValid('check', en.stdout)];
    expect(deJson.lang).toBe('de');
    expect(enJson.lang).toBe('en');
    expect(Object.keys(deJson)).toEqual(Object.keys(enJson));
    expect(deJson.diagnosis.code).toBe(enJson.diagnosis.code);
    expect([deJson.diagnosis.step, deJson.diagnosis.transient, deJson.diagnosis.propagation, deJson.exitCode]).toEqual([
      enJson.diagnosis.step,
      enJson.diagnosis.transient,
      enJson.diagnosis.propagation,
      enJson.exitCode,
    ]);
    expect(deJson.plan.smtp.mechanism).toBe('XOAUTH2');
  });

  // Skipped until the diagnosis catalog's words are messages (another part of issue 11): then it runs by itself.
  it.skipIf(!catalogSpeaksGerman)('--json under German: the diagnosis summary is German', async () => {
    sandbox.applyScenario('wrong-object-id');
    const [de, en] = await Promise.all([
      runCli(['check', '--json', ...sandboxSmtpArgs(sandbox)], { env: german() }),
      runCli(['check', '--json', ...sandboxSmtpArgs(sandbox)], { env: sandboxEnv(sandbox, { SMTP_OAUTH_LANG: 'en' }) }),
    ]);
    expect(parseValid('check', de.stdout).diagnosis.summary).not.toBe(parseValid('check', en.stdout).diagnosis.summary);
  });

  it('an input error in German: one line, exit 2', async () => {
    const run = await runCli(['check', '--shard', '1/2', ...sandboxSmtpArgs(sandbox)], { env: german() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('smtp-oauth-setup: --shard: nur zusammen mit --targets (es teilt eine Zieldatei auf CI-Jobs auf)\n');
  });
});

describe('explain in German', () => {
  it('nothing recognised: what it looks for, in German; with --json the suggestion in German under "lang": "de"', async () => {
    const run = await runCli(['explain', 'alles in Ordnung'], { env: { SMTP_OAUTH_LANG: 'de', NO_COLOR: '1' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('In diesem Text wurde nichts erkannt. Gesucht wird nach:');
    const json = await runCli(['explain', '--json', 'alles in Ordnung'], { env: { SMTP_OAUTH_LANG: 'de' } });
    const body = parseValid('explain', json.stdout);
    expect(body).toMatchObject({ lang: 'de', recognized: false, exitCode: 2 });
    expect(body.suggestion).toMatch(/^Fügen Sie die vollständige Fehlermeldung/);
  });
});

describe('check --targets in German', () => {
  it('the start line, the table and the totals in German, plurals by count; the JSON keeps its keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleet-de-'));
    try {
      const rows = ['name,tenant,clientId,secretEnv,mailbox'];
      const env: Record<string, string> = { NODE_EXTRA_CA_CERTS: sandbox.caFile, NO_COLOR: '1', SMTP_OAUTH_LANG: 'de' };
      sandbox.fleetClients.forEach((c, i) => {
        env[`FLEET_${i}`] = c.clientSecret;
        for (const mailbox of c.mailboxes) rows.push(`t${i}-${mailbox.split('@')[0]},${c.tenantId},${c.clientId},FLEET_${i},${mailbox}`);
      });
      const targets = join(dir, 'targets.csv');
      await writeFile(targets, rows.join('\n') + '\n');
      const args = ['check', '--targets', targets, '--authority-host', sandbox.authorityHost, ...sandboxSmtpArgs(sandbox)];
      const run = await runCli(args, { env, timeoutMs: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain('4\u00a0Ziele werden geprüft, mit 2\u00a0Token, 4 gleichzeitig');
      expect(run.stdout).toMatch(/^Ziel +Postfach +Ergebnis +Exit +Schritt$/m);
      expect(run.stdout).toMatch(/^4 von 4 erfolgreich · 2\u00a0Token · /m);
      const json = parseValid('fleet', (await runCli([...args, '--json'], { env, timeoutMs: 60_000 })).stdout);
      expect(json).toMatchObject({ lang: 'de', ok: true, totals: { targets: 4, passed: 4, tokens: 2 } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
