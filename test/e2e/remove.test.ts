import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/**
 * `remove`, spawned as users run it. The dry run prints the plan and exits 0 without any network
 * (no sandbox is running: a request would fail); the client id and mailbox come from the flags or
 * the saved configuration.
 */
const env = { NO_COLOR: '1' };
const clientId = '11111111-2222-3333-4444-555555555555';
const dryRun = ['remove', '--client-id', clientId, '--mailbox', 'a@contoso.com', '--dry-run'];

async function withConfig<T>(answers: Record<string, string>, run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'remove-config-'));
  try {
    await writeFile(join(dir, 'config.json'), JSON.stringify({ version: 1, savedAt: '2026-12-01T00:00:00.000Z', answers }), { mode: 0o600 });
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('remove --dry-run', () => {
  it('prints the plan in words, in order, exit 0', async () => {
    const run = await runCli([...dryRun, '--from', 'noreply@contoso.com'], { env: { ...env, SMTP_OAUTH_SETUP_CONFIG_DIR: join(tmpdir(), 'remove-none') } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Remove: the plan');
    expect(run.stdout).toContain('Dry run: nothing was signed in to and nothing was changed.');
    const order = ['Remove-RecipientPermission', 'Remove-MailboxPermission', 'Remove-ServicePrincipal', `Delete the app registration ${clientId}`].map((s) => run.stdout.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(run.stdout).toContain('30 days');
  });

  it('--json in German: the plan as data, English kinds', async () => {
    const run = await runCli([...dryRun, '--json'], { env: { ...env, SMTP_OAUTH_LANG: 'de' } });
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.lang).toBe('de');
    expect(json.plan.steps.map((s: { kind: string; name?: string }) => s.name ?? s.kind)).toEqual(['Remove-MailboxPermission', 'Remove-ServicePrincipal', 'delete-app', 'forget-saved']);
  });

  it('German words', async () => {
    const run = await runCli(dryRun, { env: { ...env, SMTP_OAUTH_LANG: 'de' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Entfernen: der Plan');
    expect(run.stdout).toContain('„Gelöschte Anwendungen“');
  });

  it('client id, mailbox and sender from the saved configuration', () =>
    withConfig({ clientId, mailbox: 'saved@contoso.com', from: 'sender@contoso.com', cloud: 'usgov' }, async (dir) => {
      const run = await runCli(['remove', '--dry-run', '--json'], { env: { ...env, SMTP_OAUTH_SETUP_CONFIG_DIR: dir } });
      expect(run.status, run.stderr).toBe(0);
      const { plan } = JSON.parse(run.stdout);
      expect([plan.clientId, plan.mailbox, plan.from, plan.cloud]).toEqual([clientId, 'saved@contoso.com', 'sender@contoso.com', 'usgov']);
    }));
});

describe('remove: refusals (exit 2)', () => {
  it('no client id anywhere: one line', async () => {
    const run = await runCli(['remove', '--mailbox', 'a@contoso.com', '--dry-run'], { env: { ...env, SMTP_OAUTH_SETUP_CONFIG_DIR: join(tmpdir(), 'remove-none') } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--client-id');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a client id that is no GUID', async () => {
    const run = await runCli(['remove', '--client-id', 'nope', '--mailbox', 'a@contoso.com', '--dry-run'], { env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--client-id');
  });

  it('without --yes and no terminal: refused before any sign-in, one line', async () => {
    const run = await runCli(['remove', '--client-id', clientId, '--mailbox', 'a@contoso.com', '--no-input'], { env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--yes');
  });
});
