import { loadLanguage, msg } from '../../src/messages/index.js';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  configDirectory,
  fileConfigStore,
  InsecureConfigError,
  loadSavedConfig,
  savedCheckInputs,
  savedSecretReader,
  UnreadableConfigError,
} from '../../src/config/store.js';
import { Secret } from '../../src/inputs/secret.js';
import { fakeSecretStore } from '../support/secret-store.js';
import { removeScratchDirs, scratchDir } from '../support/wizard.js';
import { POSIX_MODES, expectMode } from '../support/platform.js';

afterAll(removeScratchDirs);

const SECRET = 'Abc8Q~not.a.real.secret_value-0123456789';
const tempDir = () => scratchDir('store');
const mode = (path: string) => statSync(path).mode & 0o777;

describe('configDirectory: from the injected environment only', () => {
  it.each<[string, NodeJS.ProcessEnv, NodeJS.Platform, string | null]>([
    ['override wins everywhere', { SMTP_OAUTH_SETUP_CONFIG_DIR: '/x/cfg', HOME: '/home/a', APPDATA: 'C:\\A' }, 'win32', resolve('/x/cfg')],
    ['XDG_CONFIG_HOME on Linux', { XDG_CONFIG_HOME: '/xdg', HOME: '/home/a' }, 'linux', '/xdg/smtp-oauth-setup'],
    ['a relative XDG_CONFIG_HOME is ignored (XDG spec)', { XDG_CONFIG_HOME: 'rel', HOME: '/home/a' }, 'linux', '/home/a/.config/smtp-oauth-setup'],
    ['~/.config on Linux', { HOME: '/home/a' }, 'linux', '/home/a/.config/smtp-oauth-setup'],
    ['~/Library/Preferences on macOS', { HOME: '/Users/a' }, 'darwin', '/Users/a/Library/Preferences/smtp-oauth-setup'],
    ['%APPDATA% on Windows', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a\\AppData\\Roaming\\smtp-oauth-setup'],
    ['none on Windows without APPDATA', { HOME: '/home/a' }, 'win32', null],
    ['none without HOME (a spawned CLI with a bare environment)', { PATH: '/bin' }, 'linux', null],
  ])('%s', (_name, env, platform, expected) => {
    expect(configDirectory(env, platform)).toBe(expected);
  });
});

describe('fileConfigStore', () => {
  const content = {
    answers: { tenantId: 'contoso.onmicrosoft.com', clientId: '9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002', mailbox: 'a@contoso.com', to: 'it@contoso.com', senderName: '' },
    token: { servicePrincipalObjectId: 'e71f0b36-9d24-4c8a-8b51-5a4db0c5e004' },
    wizard: { completed: ['before-start', 'entra-app'], finished: false },
  };

  it('a config.json that is a symbolic link (a dotfile manager\'s) stays one: its target is updated, 0600', async () => {
    const dotfiles = tempDir();
    const directory = tempDir();
    const target = join(dotfiles, 'smtp-oauth-setup.json');
    writeFileSync(target, '{"version":1,"answers":{}}\n', { mode: 0o644 });
    symlinkSync(target, join(directory, 'config.json'));
    const store = fileConfigStore(directory);
    await store.save(content, { secret: null });
    expect(lstatSync(store.path!).isSymbolicLink()).toBe(true);
    expectMode(target, 0o600);
    expect((await store.load())?.answers.tenantId).toBe('contoso.onmicrosoft.com');
    expect(readdirSync(dotfiles)).toEqual(['smtp-oauth-setup.json']);
  });

  it('creates a missing config directory 0700', async () => {
    const directory = join(tempDir(), 'smtp-oauth-setup');
    await fileConfigStore(directory).save(content, { secret: null });
    expectMode(directory, 0o700);
  });

  it('saves answers and progress 0600, without the secret unless asked', async () => {
    const store = fileConfigStore(tempDir());
    await store.save(content, { secret: null });
    const text = readFileSync(store.path!, 'utf8');
    expectMode(store.path!, 0o600);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('clientSecret');
    const loaded = await store.load();
    expect(loaded).toMatchObject({ version: 1, ...content, answers: { tenantId: 'contoso.onmicrosoft.com', to: 'it@contoso.com' } });
    // Empty answers are not kept.
    expect(loaded!.answers).not.toHaveProperty('senderName');
  });

  // Mode bits exist on POSIX systems only (Windows: the ACL test below).
  it.runIf(POSIX_MODES)('keeps the secret when asked, and then refuses a copy that others can read, naming the chmod', async () => {
    const store = fileConfigStore(tempDir(), { platform: 'linux' });
    await store.save(content, { secret: new Secret(SECRET, 'prompt') });
    expect((await store.load())?.clientSecret).toBe(SECRET);
    chmodSync(store.path!, 0o644);
    const error = await store.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsecureConfigError);
    expect((error as InsecureConfigError).exitCode).toBe(2);
    expect((error as Error).message).toContain(`chmod 600 ${store.path}`);
    expect((error as Error).message).not.toContain(SECRET);
  });

  it('on Windows (platform injected): the saved file gets the user-only ACL, and a copy whose ACL lets Users read it is refused', async () => {
    const USER = 'S-1-5-21-1004336348-1177238915-682003330-1001';
    let sddl = `O:${USER}D:PAI(A;;FA;;;${USER})`;
    const icacls: string[][] = [];
    const aclRunner = async (file: string, args: readonly string[]) => {
      if (file === 'whoami') return `"pc\\alice","${USER}"`;
      if (file === 'icacls') {
        icacls.push([...args.slice(1)]);
        return '';
      }
      return sddl;
    };
    const store = fileConfigStore(tempDir(), { platform: 'win32', aclRunner });
    await store.save(content, { secret: new Secret(SECRET, 'prompt') });
    expect(icacls).toEqual([['/inheritance:r', '/grant:r', `*${USER}:(F)`]]);
    expect((await store.load())?.clientSecret).toBe(SECRET);
    sddl = `O:${USER}D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;FA;;;${USER})(A;ID;0x1200a9;;;BU)`;
    const error = await store.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsecureConfigError);
    expect((error as Error).message).toContain(`${store.path} holds the client secret and other accounts can read it (its ACL grants Users)`);
    expect((error as Error).message).toContain('icacls ');
    expect((error as Error).message).not.toContain(SECRET);
  });

  it('on Windows: an ACL that cannot be set is one notice line, and the configuration is saved all the same', async () => {
    const notices: string[] = [];
    const aclRunner = async (file: string) => {
      if (file === 'icacls') throw new Error('Command failed: icacls');
      return '"pc\\alice","S-1-5-21-1-2-3-1001"';
    };
    const store = fileConfigStore(tempDir(), { platform: 'win32', aclRunner, notice: (line) => notices.push(line) });
    await store.save(content);
    expect(readFileSync(store.path!, 'utf8')).toContain('"version": 1');
    expect(notices).toEqual([`could not restrict ${store.path} to your account (Command failed: icacls); other accounts on this computer may be able to read it.`]);
  });

  it('does not mind the mode of a file without a secret', async () => {
    const store = fileConfigStore(tempDir(), { platform: 'linux' });
    await store.save(content);
    chmodSync(store.path!, 0o644);
    expect(await store.load()).not.toBeNull();
  });

  it('reports a broken file as unreadable (and check ignores it with a warning)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{ not json');
    await expect(fileConfigStore(dir).load()).rejects.toBeInstanceOf(UnreadableConfigError);
    const warnings: string[] = [];
    expect(await loadSavedConfig({ SMTP_OAUTH_SETUP_CONFIG_DIR: dir }, (w) => warnings.push(w))).toBeNull();
    expect(warnings[0]).toContain('config.json');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ version: 2 }));
    await expect(fileConfigStore(dir).load()).rejects.toBeInstanceOf(UnreadableConfigError);
  });

  it('a file it cannot use names the key at fault, so a hand-edited file can be corrected', async () => {
    const dir = tempDir();
    const refused = async (content: unknown) => {
      writeFileSync(join(dir, 'config.json'), JSON.stringify(content));
      const error = await fileConfigStore(dir).load().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(UnreadableConfigError);
      return error as UnreadableConfigError;
    };
    const path = join(dir, 'config.json');
    const timeout = await refused({ version: 1, answers: { timeout: 30 } });
    expect(timeout.problemMessages).toEqual([msg('config.invalid.type', { path, key: 'timeout', expected: 'text', type: 'string' })]);
    expect(timeout.problems[0]).toBe(
      `${path}: saved configuration: timeout: must be text in quotes ("30", not 30); correct it, or run \`smtp-oauth-setup setup\` to write a new one.`,
    );
    expect((await loadLanguage('de')).render(timeout.problemMessages[0]!)).toBe(
      `${path}: gespeicherte Konfiguration: timeout: muss Text in Anführungszeichen sein ("30", nicht 30); korrigieren Sie sie, oder rufen Sie \`smtp-oauth-setup setup\` auf, um eine neue zu schreiben.`,
    );
    expect((await refused({ version: 1, answers: { smtpPrt: '587' } })).problemMessages).toEqual([msg('config.invalid.unknown-key', { path, key: 'smtpPrt' })]);
    expect((await refused({ version: 2 })).problemMessages).toEqual([msg('config.invalid.version', { path })]);
    expect((await refused({ version: 1, wizard: { completed: 'all', finished: true } })).problemMessages).toEqual([
      msg('config.invalid.type', { path, key: 'wizard.completed', expected: 'other', type: 'array' }),
    ]);
    expect((await refused({ version: 1, wizard: { completed: 'all', finished: true } })).problems[0]).toContain('saved configuration: wizard.completed: must be of type array;');
    writeFileSync(path, 'not json');
    const notJson = await fileConfigStore(dir).load().then(() => null, (e: unknown) => e);
    expect((notJson as UnreadableConfigError).problemMessages).toEqual([msg('config.not-json', { path })]);
  });

  it('a saved number check cannot use names its key (check exits 2)', async () => {
    const { resolveCheckInputs } = await import('../../src/inputs/check-inputs.js');
    const saved = savedCheckInputs({ version: 1, savedAt: '', answers: { tenantId: '11111111-2222-4333-8444-555555555555', clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', mailbox: 'm@contoso.com', timeout: 'twenty' } });
    const error = await resolveCheckInputs({ flags: {}, env: { AZURE_CLIENT_SECRET: SECRET }, saved, prompter: null }).then(() => null, (e: unknown) => e);
    expect((error as UnreadableConfigError).problems).toEqual(['saved configuration: timeout: must be a number of seconds, in decimal digits']);
  });

  it('a missing file is no configuration', async () => {
    expect(await fileConfigStore(tempDir()).load()).toBeNull();
    expect(await loadSavedConfig({}, () => undefined)).toBeNull();
  });
});

describe('savedCheckInputs: what check takes from the saved configuration', () => {
  it('passes the answers check knows, the secret when saved, and never the recipient', () => {
    expect(
      savedCheckInputs({
        version: 1,
        savedAt: '',
        answers: { tenantId: 't.onmicrosoft.com', clientId: 'c', mailbox: 'm@x.com', from: 'f@x.com', to: 'r@x.com', senderName: 'N', secretExpires: '2027-01-01', smtpPort: '587' },
        clientSecret: SECRET,
      }),
    ).toEqual({ tenantId: 't.onmicrosoft.com', clientId: 'c', mailbox: 'm@x.com', from: 'f@x.com', smtpPort: '587', secretExpires: '2027-01-01', clientSecret: SECRET });
    expect(savedCheckInputs(null)).toEqual({});
  });
});

describe('a kept secret goes to the OS credential store; the file keeps a reference', () => {
  const answers = { tenantId: 'Contoso.onmicrosoft.com', clientId: '9B2E7F41-3c6a-4e18-b5d2-5a4db0c5e002', mailbox: 'a@contoso.com' };
  const account = 'contoso.onmicrosoft.com/9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002';

  it('stores it once under service smtp-oauth-setup, account <tenant>/<client id>, and never writes it to the file', async () => {
    const secrets = fakeSecretStore();
    const notices: string[] = [];
    const dir = tempDir();
    const store = fileConfigStore(dir, { secrets, notice: (line) => notices.push(line) });
    // The wizard saves after every answer: the store is written once per secret, not every time.
    for (let i = 0; i < 3; i++) await store.save({ answers }, { secret: new Secret(SECRET, 'prompt') });
    expect(secrets.calls).toEqual([`set smtp-oauth-setup ${account}`]);
    expect(secrets.entries.get(`smtp-oauth-setup ${account}`)).toBe(SECRET);
    const bytes = readFileSync(store.path!);
    expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ clientSecretRef: { store: 'os', service: 'smtp-oauth-setup', account } });
    expect(JSON.parse(bytes.toString('utf8'))).not.toHaveProperty('clientSecret');
    expect(notices).toEqual([]);
    // A file without the secret itself may be readable by others: a reference exposes nothing.
    chmodSync(store.path!, 0o644);
    const loaded = await fileConfigStore(dir, { platform: 'linux' }).load();
    expect(loaded?.clientSecretRef?.account).toBe(account);
    expect(savedCheckInputs(loaded)).not.toHaveProperty('clientSecret');
    expect(await savedSecretReader(loaded, secrets)!()).toEqual({ secret: SECRET });
  });

  it('a new secret for the same app replaces the entry; two apps never share one', async () => {
    const secrets = fakeSecretStore();
    const store = fileConfigStore(tempDir(), { secrets });
    await store.save({ answers }, { secret: new Secret(SECRET, 'prompt') });
    await store.save({ answers }, { secret: new Secret(`${SECRET}2`, 'prompt') });
    expect(secrets.entries.get(`smtp-oauth-setup ${account}`)).toBe(`${SECRET}2`);
    const otherApp = fileConfigStore(tempDir(), { secrets });
    await otherApp.save({ answers: { ...answers, clientId: '1c0ffee0-3c6a-4e18-b5d2-5a4db0c5e002' } }, { secret: new Secret('Other8Q~secret', 'prompt') });
    const otherTenant = fileConfigStore(tempDir(), { secrets });
    await otherTenant.save({ answers: { ...answers, tenantId: 'fabrikam.onmicrosoft.com' } }, { secret: new Secret('Third8Q~secret', 'prompt') });
    expect([...secrets.entries.keys()].sort()).toEqual([
      `smtp-oauth-setup ${account}`,
      'smtp-oauth-setup contoso.onmicrosoft.com/1c0ffee0-3c6a-4e18-b5d2-5a4db0c5e002',
      'smtp-oauth-setup fabrikam.onmicrosoft.com/9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002',
    ].sort());
  });

  it('without a store (a headless server, a container) it falls back to the 0600 file and says so in one line, once', async () => {
    const secrets = fakeSecretStore({ unavailable: 'no D-Bus session' });
    const notices: string[] = [];
    const store = fileConfigStore(tempDir(), { secrets, notice: (line) => notices.push(line) });
    await store.save({ answers }, { secret: new Secret(SECRET, 'prompt') });
    await store.save({ answers }, { secret: new Secret(SECRET, 'prompt') });
    expect(notices).toEqual([
      `The OS credential store is not available here (no D-Bus session): the client secret is kept in ${store.path} instead (mode 0600, readable by you only).`,
    ]);
    // Asked once, then not again in this run.
    expect(secrets.calls).toEqual([`set smtp-oauth-setup ${account}`]);
    expectMode(store.path!, 0o600);
    const loaded = await store.load();
    expect(loaded?.clientSecret).toBe(SECRET);
    expect(loaded).not.toHaveProperty('clientSecretRef');
    expect(notices[0]).not.toContain(SECRET);
  });

  it('a file written before the store existed (clientSecret in it) is still read, and comes before any reference', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ version: 1, answers, clientSecret: SECRET }), { mode: 0o600 });
    const loaded = await fileConfigStore(dir, { platform: 'linux' }).load();
    expect(savedCheckInputs(loaded).clientSecret).toBe(SECRET);
    const secrets = fakeSecretStore();
    expect(savedSecretReader(loaded, secrets)).toBeUndefined();
    expect(savedSecretReader({ ...loaded!, clientSecretRef: { store: 'os', service: 'smtp-oauth-setup', account } }, secrets)).toBeUndefined();
    expect(secrets.calls).toEqual([]);
  });

  it('a reference whose entry was deleted, or a store that cannot be reached, is one line saying how to give the secret again', async () => {
    const ref = { store: 'os' as const, service: 'smtp-oauth-setup', account };
    const config = { version: 1 as const, savedAt: '', answers, clientSecretRef: ref };
    expect(await savedSecretReader(config, fakeSecretStore())!()).toEqual({
      problem: `saved configuration: the client secret it refers to is no longer in the OS credential store (service smtp-oauth-setup, account ${account}); store it again with \`smtp-oauth-setup setup --save-secret\`, or give it with AZURE_CLIENT_SECRET or --client-secret-file.`,
    });
    expect(await savedSecretReader(config, fakeSecretStore({ unavailable: 'no D-Bus session' }))!()).toEqual({
      problem: `saved configuration: the client secret is in the OS credential store (service smtp-oauth-setup, account ${account}), which cannot be read here (no D-Bus session); give it with AZURE_CLIENT_SECRET or --client-secret-file, or run \`smtp-oauth-setup setup --save-secret\` where the store is available.`,
    });
  });

  it('a reference of another shape is a file smtp-oauth-setup cannot read, named by its key', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ version: 1, answers, clientSecretRef: { store: 'file', service: 's', account: 'a' } }));
    const error = await fileConfigStore(dir).load().then(() => null, (e: unknown) => e);
    expect((error as UnreadableConfigError).problems[0]).toContain('saved configuration: clientSecretRef.store:');
    expect((error as UnreadableConfigError).problemMessages[0]).toMatchObject({ id: 'config.invalid.other', params: { key: 'clientSecretRef.store' } });
  });
});
