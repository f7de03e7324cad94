import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/cli.js';
import { InputError } from '../../src/errors.js';
import { asColumns, fleetFlagProblems, loadFleetShard, loadFleetTargets, parseConcurrency } from '../../src/fleet/inputs.js';
import { msg } from '../../src/messages/index.js';
import { appKey, shardOfApp } from '../../src/fleet/shard.js';

const T1 = '11111111-2222-4333-8444-555555555555';
const C1 = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SECRET_A = 'Abc8Q~aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const SECRET_B = 'Xyz8Q~bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleet-inputs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = (extra: Partial<CheckOptions>): CheckOptions => ({ json: false, input: false, ...extra });

async function targetsFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function problems(run: Promise<unknown>): Promise<string[]> {
  const error = await run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return [...(error as InputError).problems];
}

describe('check --targets: flags', () => {
  it('refuses every per-target flag, naming the column to use instead', () => {
    const found = fleetFlagProblems(
      options({ targets: 't.csv', tenantId: 'x', clientId: 'y', clientSecretStdin: true, mailbox: 'm@x.com', to: 't@x.com', secretExpires: '2027-01-01', wait: '5m', verbose: true }),
    );
    expect(found).toEqual([
      msg('fleet.flag-per-target', { flag: '--tenant-id', columns: ['tenant'] }),
      msg('fleet.flag-per-target', { flag: '--client-id', columns: ['clientId'] }),
      msg('fleet.flag-per-target', { flag: '--client-secret-stdin', columns: ['secretEnv', 'secretFile'] }),
      msg('fleet.flag-per-target', { flag: '--mailbox', columns: ['mailbox'] }),
      msg('fleet.flag-per-target', { flag: '--to', columns: ['to'] }),
      msg('fleet.flag-per-target', { flag: '--secret-expires', columns: ['secretExpires'] }),
      msg('fleet.wait-not-with-targets'),
      msg('fleet.verbose-not-with-targets'),
    ]);
    // The connection settings apply to every target.
    expect(fleetFlagProblems(options({ targets: 't.csv', authorityHost: 'https://a', smtpHost: 'h', smtpPort: '25', timeout: '5', proxy: 'http://p:1', junit: 'j.xml', concurrency: '8', cloud: 'usgov', warnDays: '14' }))).toEqual([]);
  });

  it('takes a concurrency from 1 to 64, default 4', () => {
    expect(parseConcurrency(undefined)).toBe(4);
    expect(parseConcurrency('16')).toBe(16);
    for (const bad of ['0', '65', '2.5', 'many', '', '0x4', '1e1', ' ']) {
      const error = (() => {
        try {
          parseConcurrency(bad);
        } catch (e) {
          return e as InputError;
        }
      })();
      expect(error?.problemMessages, bad).toEqual([msg('fleet.concurrency-range', { max: 64 })]);
    }
  });

  it('names the column instead of the flag in a problem the resolver reports: a parameter replaced, no words parsed', () => {
    const problem = msg('fleet.targets-unreadable', { path: '--client-secret-file', reason: 'no such file' });
    expect(asColumns(problem)).toEqual({ id: 'fleet.targets-unreadable', params: { path: 'secretFile', reason: 'no such file' } });
    const other = msg('fleet.flag-per-target', { flag: '--private-key', columns: ['x'] });
    expect(asColumns(other).params).toEqual({ flag: 'privateKeyFile', columns: ['x'] });
    // Values that are not one of the row's flags stay as they are.
    expect(asColumns(msg('fleet.targets.empty', { file: 'a.csv' }))).toEqual(msg('fleet.targets.empty', { file: 'a.csv' }));
  });
});

describe('check --targets: each row becomes the inputs of a single check', () => {
  it('reads each secret from the variable its row names, never from AZURE_CLIENT_SECRET, and names that variable in the plan', async () => {
    const path = await targetsFile(
      'ok.csv',
      [`name,tenant,clientId,secretEnv,mailbox,to,cloud,secretExpires`, `a,${T1},${C1},SECRET_A,a@contoso.com,it@contoso.com,,2027-05-31`, `b,${T1},${C1},SECRET_B,b@contoso.com,,usgov,`].join('\n'),
    );
    const env = { SECRET_A, SECRET_B, AZURE_CLIENT_SECRET: 'Def8Q~must-not-be-used-by-any-target-00000', AZURE_TENANT_ID: 'other.onmicrosoft.com', SMTP_OAUTH_MAILBOX: 'other@contoso.com' };
    const targets = await loadFleetTargets(options({ targets: path, smtpHost: '127.0.0.1', smtpPort: '2525', timeout: '7', warnDays: '10' }), env);
    expect(targets.map((t) => [t.name, t.credentialRef, t.inputs.tenantId, t.inputs.mailbox, t.inputs.to, t.inputs.cloud.name])).toEqual([
      ['a', 'env:SECRET_A', T1, 'a@contoso.com', 'it@contoso.com', 'global'],
      ['b', 'env:SECRET_B', T1, 'b@contoso.com', null, 'usgov'],
    ]);
    const [a, b] = targets;
    expect(a!.inputs.credential.kind === 'secret' && a!.inputs.credential.secret.reveal()).toBe(SECRET_A);
    expect(b!.inputs.credential.kind === 'secret' && b!.inputs.credential.secret.reveal()).toBe(SECRET_B);
    expect(a!.inputs.credential.kind === 'secret' && a!.inputs.credential.secret.source).toBe('SECRET_A');
    expect(a!.inputs).toMatchObject({ smtpHost: '127.0.0.1', smtpPort: 2525, timeoutSeconds: 7, warnDays: 10, secretExpires: '2027-05-31', authorityHost: 'https://login.microsoftonline.com' });
    // usgov's own authority host, unless --authority-host says otherwise.
    expect(b!.inputs.authorityHost).toBe('https://login.microsoftonline.us');
  });

  it('reads a secret file, and lists every row\'s problem with its origin and the column to fix', async () => {
    const secretPath = join(dir, 'secret.txt');
    await writeFile(secretPath, SECRET_A);
    const path = await targetsFile(
      'bad.json',
      JSON.stringify([
        { name: 'file', tenant: T1, clientId: C1, secretFile: secretPath, mailbox: 'f@contoso.com' },
        { name: 'unset', tenant: T1, clientId: C1, secretEnv: 'NOT_SET', mailbox: 'u@contoso.com' },
        { name: 'nofile', tenant: T1, clientId: C1, secretFile: join(dir, 'missing.txt'), mailbox: 'n@contoso.com' },
        { name: 'nocert', tenant: T1, clientId: C1, certificateFile: join(dir, 'missing.pem'), mailbox: 'c@contoso.com' },
      ]),
    );
    const found = await problems(loadFleetTargets(options({ targets: path }), {}));
    const error = (await loadFleetTargets(options({ targets: path }), {}).catch((e: unknown) => e)) as InputError;
    expect(error.problemMessages[0]).toEqual(
      msg('fleet.variable-not-set', { origin: 'bad.json entry 2', name: 'unset', column: 'secretEnv', variable: 'NOT_SET' }),
    );
    expect(found).toEqual([
      'bad.json entry 2 (unset): secretEnv: the environment variable NOT_SET is not set',
      `bad.json entry 3 (nofile): secretFile: ${join(dir, 'missing.txt')}: no such file`,
      `bad.json entry 4 (nocert): certificateFile: ${join(dir, 'missing.pem')}: no such file`,
    ]);
    const ok = await targetsFile('one.json', JSON.stringify([{ name: 'file', tenant: T1, clientId: C1, secretFile: secretPath, mailbox: 'f@contoso.com' }]));
    const [target] = await loadFleetTargets(options({ targets: ok }), {});
    expect(target!.credentialRef).toBe(`file:${secretPath}`);
  });

  it('says so when the targets file cannot be read', async () => {
    expect(await problems(loadFleetTargets(options({ targets: join(dir, 'nope.csv') }), {}))).toEqual([`--targets: ${join(dir, 'nope.csv')}: no such file`]);
  });
});

describe('check --targets --shard: the rows of one shard', () => {
  it('resolves only its own rows (a shard needs only its own secrets), and checks the whole file\'s form in every shard', async () => {
    // Twelve apps of one row each, their secrets in variables named after them; one row of each app with a second mailbox.
    const apps = Array.from({ length: 12 }, (_, i) => ({ tenant: `tenant${i}.onmicrosoft.com`, clientId: `${String(i).padStart(8, '0')}-bbbb-4ccc-8ddd-eeeeeeeeeeee` }));
    const rows = apps.flatMap((app, i) => [`a${i},${app.tenant},${app.clientId},SECRET_${i},a${i}@contoso.com`, `b${i},${app.tenant},${app.clientId},SECRET_${i},b${i}@contoso.com`]);
    const path = await targetsFile('shards.csv', ['name,tenant,clientId,secretEnv,mailbox', ...rows].join('\n'));
    const shardOf = (i: number) => shardOfApp(appKey({ cloud: 'global', tenantId: apps[i]!.tenant, clientId: apps[i]!.clientId }), 3);
    const seen: string[] = [];
    for (const index of [1, 2, 3]) {
      // Only the secrets of this shard's apps are set.
      const env = Object.fromEntries(apps.map((_, i) => i).filter((i) => shardOf(i) === index).map((i) => [`SECRET_${i}`, SECRET_A]));
      const { targets, inFile } = await loadFleetShard(options({ targets: path }), env, { index, count: 3 });
      expect(inFile).toBe(24);
      const expected = apps.flatMap((_, i) => (shardOf(i) === index ? [`a${i}`, `b${i}`] : []));
      expect(targets.map((t) => t.name).sort()).toEqual(expected.sort());
      seen.push(...targets.map((t) => t.name));
    }
    expect(seen.sort()).toEqual(rows.map((r) => r.split(',')[0]!).sort());
    // A row with a broken form is refused by every shard, not only by the one it would fall in.
    const broken = await targetsFile('broken.csv', ['name,tenant,clientId,secretEnv,mailbox', ...rows, 'bad,tenant0.onmicrosoft.com,not-a-guid,SECRET_0,x@contoso.com'].join('\n'));
    for (const index of [1, 2, 3]) {
      expect(await problems(loadFleetShard(options({ targets: broken }), {}, { index, count: 3 }))).toEqual([
        "broken.csv row 26: clientId: must be the Application (client) ID, a GUID shown on the app registration's Overview page",
      ]);
    }
  });

  it('keeps the app of a row without a cloud column with the run\'s --cloud', async () => {
    const path = await targetsFile('clouds.csv', ['name,tenant,clientId,secretEnv,mailbox,cloud', `x,${T1},${C1},SECRET_A,x@contoso.com,usgov`, `y,${T1},${C1},SECRET_A,y@contoso.com,`].join('\n'));
    for (let count = 2; count <= 6; count++) {
      const together = await Promise.all(
        Array.from({ length: count }, (_, i) => loadFleetShard(options({ targets: path, cloud: 'usgov' }), { SECRET_A }, { index: i + 1, count })),
      );
      expect(together.map((s) => s.targets.map((t) => t.name)).filter((names) => names.length > 0)).toEqual([['x', 'y']]);
    }
  });
});
