import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { parseValid } from '../support/json-schema.js';

/**
 * `setup --automatic`, spawned as users run it: the dry run prints the plan and exits 0 without any
 * network (no sandbox is running, and nothing is needed); without --dry-run it refuses plainly.
 */
const env = { NO_COLOR: '1' };
const dryRun = ['setup', '--automatic', '--mailbox', 'a@contoso.com', '--dry-run'];

describe('setup --automatic --dry-run', () => {
  it('prints the plan in words, exit 0', async () => {
    const run = await runCli(dryRun, { env });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Automatic setup: the plan');
    expect(run.stdout).toContain('Dry run: nothing was signed in to and nothing was changed.');
    expect(run.stdout).toContain("New-ServicePrincipal -AppId <from create-app: appId> -ObjectId <from create-service-principal: id> -DisplayName 'smtp-oauth-setup a@contoso.com'");
    expect(run.stdout).not.toContain('Add-RecipientPermission');
  });

  it('--json: the plan as data, schema-valid, English kinds, no secret', async () => {
    const run = await runCli([...dryRun, '--json', '--from', 'noreply@contoso.com', '--credential', 'secret', '--secret-months', '3'], { env });
    expect(run.status, run.stderr).toBe(0);
    const json = parseValid('automatic-plan', run.stdout);
    expect(json.lang).toBe('en');
    const kinds = json.plan.steps.map((s: { kind: string; name?: string }) => s.name ?? s.kind);
    expect(kinds).toContain('Add-RecipientPermission');
    const secretStep = json.plan.steps.find((s: { kind: string }) => s.kind === 'add-secret');
    expect(Object.keys(secretStep).sort()).toEqual(['displayName', 'endDateTime', 'kind', 'operation']);
    expect(run.stdout).not.toMatch(/secretText|clientSecret/i);
  });

  it('German with SMTP_OAUTH_LANG=de: the words in German, the JSON keys and kinds still English', async () => {
    const human = await runCli(dryRun, { env: { ...env, SMTP_OAUTH_LANG: 'de' } });
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toContain('Automatische Einrichtung: der Plan');
    expect(human.stdout).toContain('Ausführen: Set-CASMailbox -Identity a@contoso.com -SmtpClientAuthenticationDisabled:$false');
    const json = await runCli([...dryRun, '--json'], { env: { ...env, SMTP_OAUTH_LANG: 'de' } });
    expect(json.status, json.stderr).toBe(0);
    const parsed = parseValid('automatic-plan', json.stdout);
    expect(parsed.lang).toBe('de');
    expect(parsed.plan.steps[0]).toEqual({ kind: 'read-security-defaults', operation: 'read-policy' });
  });

  it('--cloud, --graph-url and --exchange-url choose the endpoints the plan names', async () => {
    const run = await runCli([...dryRun, '--json', '--cloud', 'china', '--exchange-url', 'https://127.0.0.1:4444'], { env });
    expect(run.status, run.stderr).toBe(0);
    const { plan } = parseValid('automatic-plan', run.stdout);
    expect([plan.cloud, plan.graphUrl, plan.exchangeUrl]).toEqual(['china', 'https://microsoftgraph.chinacloudapi.cn/v1.0/', 'https://127.0.0.1:4444/']);
  });
});

describe('setup --automatic: refusals (exit 2)', () => {
  it('without --dry-run, --yes or a terminal: one line, nothing signed in to', async () => {
    const run = await runCli(['setup', '--automatic', '--mailbox', 'a@contoso.com'], { env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--yes');
    expect(run.stderr).toContain('--dry-run');
  });

  it('the refusal in German', async () => {
    const run = await runCli(['setup', '--automatic', '--mailbox', 'a@contoso.com'], { env: { ...env, SMTP_OAUTH_LANG: 'de' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('benötigt --yes zur Bestätigung des Plans');
  });

  it.each([
    ['no --mailbox', ['setup', '--automatic', '--dry-run'], '--mailbox'],
    ['a bad address', [...dryRun.slice(0, 3), 'not-an-address', '--dry-run'], '--mailbox'],
    ['--secret-months out of range', [...dryRun, '--secret-months', '25'], '--secret-months'],
    ['a bad URL', [...dryRun, '--graph-url', 'http://graph.example'], '--graph-url'],
    ['a bad credential', [...dryRun, '--credential', 'password'], '--credential'],
    ['an empty app name', [...dryRun, '--app-name', ' '], '--app-name'],
    ['an automatic flag without --automatic', ['setup', '--mailbox', 'a@contoso.com', '--dry-run'], '--dry-run: only with --automatic'],
  ])('%s: one line naming it', async (_name, args, flag) => {
    const run = await runCli(args, { env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(flag);
  });
});
