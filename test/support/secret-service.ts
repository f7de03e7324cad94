import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { osSecretStore, secretRefFor, SecretStoreUnavailableError } from '../../src/config/secret-store.js';

/**
 * A real Secret Service for tests: a private D-Bus session bus (dbus-daemon, Debian package `dbus`)
 * and GNOME Keyring's secrets component on it (package `gnome-keyring`), with a login keyring unlocked
 * by an empty password (the one line it reads on stdin: an empty stdin leaves no keyring at all), in a
 * temporary HOME so that no real keyring is touched. `.ci/run` installs both packages.
 */

const BINARIES = ['dbus-daemon', 'gnome-keyring-daemon'] as const;

/** Why the real store cannot be tested here, or null when it can. */
export function secretServiceMissing(): string | null {
  const missing = BINARIES.filter((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0);
  return missing.length === 0 ? null : `${missing.join(' and ')} not installed (Debian packages dbus and gnome-keyring; .ci/run installs them)`;
}

export interface SecretService {
  /** The environment a process needs to reach this store (the bus address). */
  env: { DBUS_SESSION_BUS_ADDRESS: string };
  /** The temporary HOME of the daemons: the keyring's files are under it. */
  home: string;
  close(): Promise<void>;
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts the bus and the keyring; `process.env.DBUS_SESSION_BUS_ADDRESS` points at it until close(). */
export async function startSecretService(): Promise<SecretService> {
  const home = mkdtempSync(join(tmpdir(), 'secret-service-'));
  const runtime = join(home, 'run');
  mkdirSync(runtime, { mode: 0o700 });
  const env = { PATH: process.env.PATH ?? '', HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: runtime };
  const address = `unix:path=${join(runtime, 'bus')}`;
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', `--address=${address}`, '--print-address=1'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  const printed = await new Promise<string>((resolve, reject) => {
    let out = '';
    bus.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
    bus.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code})`)));
  });
  const keyringEnv = { ...env, DBUS_SESSION_BUS_ADDRESS: printed };
  const startKeyring = () => {
    const child = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env: keyringEnv, stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin!.end('\n');
    return child;
  };
  let keyring = startKeyring();
  const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
  process.env.DBUS_SESSION_BUS_ADDRESS = printed;
  const close = async () => {
    if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
    await stopped(keyring);
    await stopped(bus);
    rmSync(home, { recursive: true, force: true });
  };
  // Ready once an entry can be written, read back and removed. Answering a read is not enough: the
  // daemon answers on its bus name before it has made and unlocked the login keyring, and a write in
  // that moment finds no collection ("Secret Service: no result found"; seen in CI). Seen in CI as
  // well: a daemon that never made it (the probe failed for 10 s on an idle machine). So the login
  // keyring's file comes first, and a daemon without a working one within 5 s is started again, up
  // to three times, each with an empty keyring folder.
  const loginKeyring = join(env.XDG_DATA_HOME, 'keyrings', 'login.keyring');
  const probe = secretRefFor('probe', 'probe');
  for (let start = 1; ; start++) {
    let lastError: unknown = new SecretStoreUnavailableError('the login keyring was not made');
    for (let waited = 0; waited < 5_000; waited += 100) {
      if (existsSync(loginKeyring)) {
        try {
          const store = osSecretStore();
          await store.set(probe, 'probe');
          if ((await store.get(probe)) !== 'probe') throw new SecretStoreUnavailableError('the probe entry did not read back');
          await store.delete(probe);
          return { env: { DBUS_SESSION_BUS_ADDRESS: printed }, home, close };
        } catch (error) {
          if (!(error instanceof SecretStoreUnavailableError)) {
            await close();
            throw error;
          }
          lastError = error;
        }
      }
      await sleep(100);
    }
    if (start === 3) {
      await close();
      throw lastError;
    }
    await stopped(keyring);
    rmSync(join(env.XDG_DATA_HOME, 'keyrings'), { recursive: true, force: true });
    keyring = startKeyring();
  }
}
