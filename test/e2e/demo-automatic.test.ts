import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { parseValid } from '../support/json-schema.js';

/** `demo --automatic`: the whole automatic path offline, spawned as `npm run demo -- --automatic` runs it. */
describe('demo --automatic', () => {
  it('runs steps 1–3 and the test message against the built-in sandbox, exit 0', { timeout: 60_000 }, async () => {
    const run = await runCli(['demo', '--automatic'], { env: { NO_COLOR: '1' }, timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    for (const line of ['Creating the app registration', '(New-ServicePrincipal)', '(Set-CASMailbox)', 'Test message from']) {
      expect(run.stderr).toContain(line);
    }
    expect(run.stderr).toContain('approves each sign-in after 3 sec');
  });

  it('--json: the result document, schema-valid, proved, with no secret in it', { timeout: 60_000 }, async () => {
    const run = await runCli(['demo', '--automatic', '--json'], { env: { NO_COLOR: '1' }, timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const result = parseValid('automatic-result', run.stdout);
    expect(result).toMatchObject({ outcome: 'proved', ok: true, check: { ok: true, exitCode: 0 } });
    expect(run.stdout).not.toMatch(/secretText|"value"/);
  });

  it('in German', { timeout: 60_000 }, async () => {
    const run = await runCli(['demo', '--automatic', '--lang', 'de'], { env: { NO_COLOR: '1' }, timeoutMs: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Die App-Registrierung wird angelegt');
  });
});
