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
