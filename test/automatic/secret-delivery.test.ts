import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deliverSecret, type SecretOwner } from '../../src/automatic/secret-delivery.js';
import { saveAnswers, settingsBlocks } from '../../src/automatic/settings.js';
import { SecretStoreUnavailableError, type SecretStore } from '../../src/config/secret-store.js';
import { fileConfigStore } from '../../src/config/store.js';
import { Secret } from '../../src/inputs/secret.js';
import { loadLanguage, type Message } from '../../src/messages/index.js';

const VALUE = 'Qx8~newSecretValue.abc123_DEF456';
const owner: SecretOwner = {
  cloud: 'global',
  tenantId: '11111111-2222-3333-4444-555555555555',
  clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  mailbox: 'alerts@contoso.com',
  from: 'noreply@contoso.com',
  expires: '2027-06-01',
};

function memorySecrets(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    async get(ref) {
      return entries.get(ref.account) ?? null;
    },
    async set(ref, secret) {
      entries.set(ref.account, secret);
    },
    async delete(ref) {
      return entries.delete(ref.account);
    },
  };
}
const noStore: SecretStore = {
  get: () => Promise.reject(new SecretStoreUnavailableError('no D-Bus session')),
  set: () => Promise.reject(new SecretStoreUnavailableError('no D-Bus session')),
  delete: () => Promise.reject(new SecretStoreUnavailableError('no D-Bus session')),
};

async function setup(secrets: SecretStore | null = null) {
  const dir = await mkdtemp(join(tmpdir(), 'h3-deliver-'));
  const shown: Message[] = [];
  const revealed: string[] = [];
  const config = fileConfigStore(join(dir, 'config'), { secrets, notice: () => undefined });
  const deps = { workDir: dir, show: (m: Message) => shown.push(m), reveal: (s: Secret) => revealed.push(s.reveal()), config };
  return { dir, shown, revealed, config, deps };
}

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('deliverSecret', () => {
  it('env-file: the wizard\'s .env, 0600, and a line naming the file, not the value', async () => {
    const { dir, shown, deps } = await setup();
    const [d] = await deliverSecret(new Secret(VALUE, 'addPassword'), [{ kind: 'env-file', path: 'app.env' }], owner, deps);
    const path = join(dir, 'app.env');
    expect(d).toEqual({ destination: { kind: 'env-file', path: 'app.env' }, path });
    expect(await mode(path)).toBe(0o600);
    const text = await readFile(path, 'utf8');
    expect(text).toContain(`AZURE_TENANT_ID=${owner.tenantId}`);
    expect(text).toContain(`AZURE_CLIENT_ID=${owner.clientId}`);
    expect(text).toContain(`AZURE_CLIENT_SECRET='${VALUE}'`);
    expect(text).toContain('SMTP_OAUTH_MAILBOX=alerts@contoso.com');
    expect(shown).toEqual([{ id: 'credentials.delivered.env-file', params: { path } }]);
  });

  it('secret-file: the bare value, 0600', async () => {
    const { dir, shown, deps } = await setup();
    await deliverSecret(new Secret(VALUE, 'addPassword'), [{ kind: 'secret-file', path: 'secret.txt' }], owner, deps);
    expect(await readFile(join(dir, 'secret.txt'), 'utf8')).toBe(`${VALUE}\n`);
    expect(await mode(join(dir, 'secret.txt'))).toBe(0o600);
    expect(shown.map((m) => m.id)).toEqual(['credentials.delivered.secret-file']);
  });

  it('saved-config: the answers saved, the secret in the OS credential store, the file without it', async () => {
    const secrets = memorySecrets();
    const { config, shown, deps } = await setup(secrets);
    const [d] = await deliverSecret(new Secret(VALUE, 'addPassword'), [{ kind: 'saved-config' }], owner, deps);
    expect(d?.path).toBeNull();
    const saved = await config.load();
    expect(saved?.answers).toMatchObject({ cloud: 'global', tenantId: owner.tenantId, clientId: owner.clientId, mailbox: owner.mailbox, from: owner.from, secretExpires: '2027-06-01' });
    expect(saved?.clientSecretRef?.account).toBe(`${owner.tenantId}/${owner.clientId}`);
    expect([...secrets.entries.values()]).toEqual([VALUE]);
    expect(await readFile(config.path!, 'utf8')).not.toContain(VALUE);
    expect(shown.map((m) => m.id)).toEqual(['credentials.delivered.credential-store']);
  });

  it('saved-config without a credential store: the secret in the 0600 file', async () => {
    const { config, shown, deps } = await setup(noStore);
    const [d] = await deliverSecret(new Secret(VALUE, 'addPassword'), [{ kind: 'saved-config' }], owner, deps);
    expect(d?.path).toBe(config.path);
    expect((await config.load())?.clientSecret).toBe(VALUE);
    expect(await mode(config.path!)).toBe(0o600);
    expect(shown.map((m) => m.id)).toEqual(['credentials.delivered.config-file']);
  });

  it('show: revealed once, on its own channel; no line shown carries the value', async () => {
    const { shown, revealed, deps } = await setup();
    await deliverSecret(new Secret(VALUE, 'addPassword'), [{ kind: 'show' }, { kind: 'env-file', path: '.env' }, { kind: 'secret-file', path: 's' }], owner, deps);
    expect(revealed).toEqual([VALUE]);
    for (const lang of ['en', 'de'] as const) {
      const r = await loadLanguage(lang);
      for (const m of shown) expect(r.render(m)).not.toContain(VALUE);
    }
    expect(JSON.stringify(shown)).not.toContain(VALUE);
  });
});

describe('settings', () => {
  it('saveAnswers: a later check finds the app and mailbox; a certificate by its file, no expiry', async () => {
    const { config, shown } = await setup();
    await saveAnswers({ ...owner, certificatePath: '/keys/app.pem' }, { config, show: (m) => shown.push(m) });
    const saved = await config.load();
    expect(saved?.answers).toEqual({ cloud: 'global', tenantId: owner.tenantId, clientId: owner.clientId, mailbox: owner.mailbox, from: owner.from, certificatePath: '/keys/app.pem' });
    expect(saved?.clientSecret).toBeUndefined();
    expect(shown).toEqual([{ id: 'credentials.answers.saved', params: { path: config.path } }]);
  });

  it.each(['en', 'de'] as const)('%s: settingsBlocks shows the finish step\'s rows and where the secret is', async (lang) => {
    const r = await loadLanguage(lang);
    const blocks = settingsBlocks(owner, [
      { destination: { kind: 'saved-config' }, path: null },
      { destination: { kind: 'env-file', path: '.env' }, path: '/srv/app/.env' },
    ]);
    const facts = blocks[0];
    expect(facts?.kind).toBe('facts');
    const rows = facts?.kind === 'facts' ? facts.rows.map((row) => [typeof row.label === 'string' ? row.label : r.render(row.label), typeof row.value === 'string' ? row.value : r.render(row.value)]) : [];
    expect(rows.map(([, v]) => v)).toEqual(expect.arrayContaining(['smtp.office365.com', '587', 'STARTTLS', owner.mailbox, owner.tenantId, owner.clientId]));
    const list = blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' && list.items.map((m) => r.render(m))).toMatchSnapshot();
  });
});
