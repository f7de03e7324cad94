import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { osSecretStore, SECRET_SERVICE, secretRefFor, SecretStoreUnavailableError } from '../../src/config/secret-store.js';
import { fileConfigStore } from '../../src/config/store.js';
import { Secret } from '../../src/inputs/secret.js';
import { type SecretService, secretServiceMissing, startSecretService } from '../support/secret-service.js';
import { removeScratchDirs, scratchDir } from '../support/wizard.js';

const SECRET = 'Kept8Q~not.a.real.secret_value-0123456789';
const TENANT = 'contoso.onmicrosoft.com';
const CLIENT = '9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002';

afterAll(removeScratchDirs);

describe('secretRefFor: one entry per app', () => {
  it('names the service and <tenant>/<client id>, lower-cased', () => {
    expect(secretRefFor(' Contoso.OnMicrosoft.com', 'ABC-def ')).toEqual({ store: 'os', service: SECRET_SERVICE, account: 'contoso.onmicrosoft.com/abc-def' });
  });
});

describe('osSecretStore with the binding injected', () => {
  /** A stand-in for the binding's Entry that records how entries are made. */
  function recordingBinding() {
    const made: Array<{ service: string; account: string; options: unknown }> = [];
    const values = new Map<string, string>();
    class Entry {
      constructor(
        readonly service: string,
        readonly account: string,
        options?: unknown,
      ) {
        made.push({ service, account, options });
      }
      getPassword() {
        return values.get(this.account) ?? null;
      }
      setPassword(password: string) {
        values.set(this.account, password);
      }
      deleteCredential() {
        return values.delete(this.account);
      }
    }
    return { made, load: async () => ({ Entry }) };
  }

  it('on Linux requires the Secret Service (never the kernel keyring, which forgets at logout); elsewhere the system store', async () => {
    const linux = recordingBinding();
    await osSecretStore({ platform: 'linux', load: linux.load }).set(secretRefFor(TENANT, CLIENT), SECRET);
    expect(linux.made).toEqual([{ service: 'smtp-oauth-setup', account: `${TENANT}/${CLIENT}`, options: { linux: { store: 'secret-service' } } }]);
    for (const platform of ['win32', 'darwin'] as const) {
      const other = recordingBinding();
      const store = osSecretStore({ platform, load: other.load });
      await store.set(secretRefFor(TENANT, CLIENT), SECRET);
      expect(await store.get(secretRefFor(TENANT, CLIENT))).toBe(SECRET);
      expect(other.made[0]!.options).toBeUndefined();
    }
  });

  it('loads the binding once, on the first store or read, not when the store is made', async () => {
    let loads = 0;
    const binding = recordingBinding();
    const store = osSecretStore({ platform: 'linux', load: () => (loads++, binding.load()) });
    expect(loads).toBe(0);
    await store.get(secretRefFor(TENANT, CLIENT));
    await store.set(secretRefFor(TENANT, CLIENT), SECRET);
    expect(loads).toBe(1);
  });

  it('a binary that cannot load (musl, no prebuilt binary) is "unavailable": the config falls back to the file with the notice, no crash', async () => {
    const load = async () => {
      throw new Error("Cannot find module '@napi-rs/keyring-linux-x64-musl'\nRequire stack:\n- …/index.js");
    };
    const store = osSecretStore({ platform: 'linux', load });
    const error = await store.get(secretRefFor(TENANT, CLIENT)).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreUnavailableError);
    expect((error as Error).message).toBe("the credential store binding cannot be loaded: Cannot find module '@napi-rs/keyring-linux-x64-musl'");
    const notices: string[] = [];
    const config = fileConfigStore(scratchDir('musl-cfg'), { secrets: store, notice: (line) => notices.push(line) });
    await config.save({ answers: { tenantId: TENANT, clientId: CLIENT } }, { secret: new Secret(SECRET, 'prompt') });
    expect(notices).toEqual([
      `The OS credential store is not available here (the credential store binding cannot be loaded: Cannot find module '@napi-rs/keyring-linux-x64-musl'): the client secret is kept in ${config.path} instead (mode 0600, readable by you only).`,
    ]);
    expect((await config.load())?.clientSecret).toBe(SECRET);
  });

  it('a store that throws (locked, no Secret Service) is "unavailable", with its first line as the reason', async () => {
    class Entry {
      constructor() {}
      getPassword(): string | null {
        throw new Error('Couldn\'t access platform storage: Secret Service: no result found\nmore detail');
      }
      setPassword() {}
      deleteCredential() {
        return false;
      }
    }
    const error = await osSecretStore({ platform: 'linux', load: async () => ({ default: { Entry } }) })
      .get(secretRefFor(TENANT, CLIENT))
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreUnavailableError);
    expect((error as Error).message).toBe("Couldn't access platform storage: Secret Service: no result found");
  });
});

// The real binding against a real Secret Service (GNOME Keyring on a private D-Bus session bus).
// Skipped only where the two daemons are not installed; .ci/run installs them.
const missing = secretServiceMissing();
describe.skipIf(missing !== null)(`the OS credential store for real (Secret Service)${missing ? `: skipped, ${missing}` : ''}`, () => {
  let service: SecretService;
  beforeAll(async () => {
    service = await startSecretService();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('stores, reads back, replaces and deletes an entry', async () => {
    const store = osSecretStore();
    const ref = secretRefFor(TENANT, CLIENT);
    expect(await store.get(ref)).toBeNull();
    await store.set(ref, SECRET);
    expect(await store.get(ref)).toBe(SECRET);
    await store.set(ref, `${SECRET}2`);
    expect(await store.get(ref)).toBe(`${SECRET}2`);
    expect(await store.get(secretRefFor(TENANT, 'another-client'))).toBeNull();
    expect(await store.delete(ref)).toBe(true);
    expect(await store.get(ref)).toBeNull();
    expect(await store.delete(ref)).toBe(false);
  });

  it('fileConfigStore keeps the secret there: the file holds the reference and not one byte of the secret', async () => {
    const dir = scratchDir('keyring-cfg');
    const notices: string[] = [];
    const config = fileConfigStore(dir, { secrets: osSecretStore(), notice: (line) => notices.push(line) });
    await config.save({ answers: { tenantId: TENANT, clientId: CLIENT } }, { secret: new Secret(SECRET, 'prompt') });
    expect(notices).toEqual([]);
    const bytes = readFileSync(config.path!);
    expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    expect((await config.load())?.clientSecretRef).toEqual(secretRefFor(TENANT, CLIENT));
    expect(await osSecretStore().get(secretRefFor(TENANT, CLIENT))).toBe(SECRET);
    await osSecretStore().delete(secretRefFor(TENANT, CLIENT));
  });
});

// On Linux the store is reached over the D-Bus session bus, which a test can take away; on macOS and
// Windows the store is the system's own and always there, so this fallback cannot be staged.
describe.skipIf(process.platform !== 'linux')('the real binding where no store can be reached (Linux: no D-Bus session)', () => {
  const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
  afterAll(() => {
    if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
  });

  it('fails as unavailable (no crash), and the config falls back to the 0600 file with the one-line notice', async () => {
    // A session bus that does not exist: what a headless server or a container without D-Bus has.
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${scratchDir('no-bus')}/bus`;
    await expect(osSecretStore().get(secretRefFor(TENANT, CLIENT))).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    const notices: string[] = [];
    const config = fileConfigStore(scratchDir('no-bus-cfg'), { secrets: osSecretStore(), notice: (line) => notices.push(line) });
    await config.save({ answers: { tenantId: TENANT, clientId: CLIENT } }, { secret: new Secret(SECRET, 'prompt') });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^The OS credential store is not available here \(.+\): the client secret is kept in .+config\.json instead \(mode 0600, readable by you only\)\.$/);
    expect(notices[0]).not.toContain(SECRET);
    expect((await config.load())?.clientSecret).toBe(SECRET);
  });
});
