import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseTargets } from '../../src/fleet/targets.js';
import { msg } from '../../src/messages/index.js';

const T1 = '11111111-2222-4333-8444-555555555555';
const C1 = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

async function problems(text: string, file = 'targets.csv'): Promise<string[]> {
  const error = await parseTargets(text, file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problems as string[];
}

describe('parseTargets', () => {
  it('reads CSV with any spelling of the column names', async () => {
    const csv = ['Name,Tenant ID,client_id,secretEnv,mailbox,to,cloud', `contoso,contoso.onmicrosoft.com,${C1},CONTOSO_SECRET,alerts@contoso.com,it@contoso.com,global`, `# a comment`, `,${T1},${C1},,relay@fabrikam.com,,`].join('\n');
    await expect(parseTargets(csv.replace(',,relay', ',FAB_SECRET,relay'), 'targets.csv')).resolves.toEqual([
      { origin: 'targets.csv row 2', name: 'contoso', tenantId: 'contoso.onmicrosoft.com', clientId: C1, credential: { kind: 'env', variable: 'CONTOSO_SECRET' }, mailbox: 'alerts@contoso.com', to: 'it@contoso.com', cloud: 'global' },
      { origin: 'targets.csv row 3', name: 'relay@fabrikam.com', tenantId: T1, clientId: C1, credential: { kind: 'env', variable: 'FAB_SECRET' }, mailbox: 'relay@fabrikam.com' },
    ]);
  });

  it('reads JSON, as an array or under "targets"', async () => {
    const entry = { name: 'a', tenant: T1, clientId: C1, secretFile: '/run/secrets/a', mailbox: 'a@contoso.com' };
    const expected = [{ origin: 'targets.json entry 1', name: 'a', tenantId: T1, clientId: C1, credential: { kind: 'file', path: '/run/secrets/a' }, mailbox: 'a@contoso.com' }];
    await expect(parseTargets(JSON.stringify([entry]), 'targets.json')).resolves.toEqual(expected);
    await expect(parseTargets(JSON.stringify({ targets: [entry] }), 'dir/targets.json')).resolves.toEqual(expected);
  });

  it('judges addresses by RFC 5321 lengths, as check does (a 5,000-character local part is refused)', async () => {
    const entry = { tenant: T1, clientId: C1, secretEnv: 'S', mailbox: `${'x'.repeat(5000)}@contoso.com` };
    expect(await problems(JSON.stringify([entry]), 'targets.json')).toEqual([
      'targets.json entry 1: mailbox: has a local part (before the @) of 5000 characters; at most 64 are allowed (RFC 5321)',
    ]);
  });

  it('refuses a secret in the file, naming the safe alternative', async () => {
    const found = await problems(`tenant,clientId,clientSecret,mailbox\n${T1},${C1},Abc8Q~x,a@contoso.com`);
    expect(found[0]).toContain("'clientSecret': a targets file never holds secrets");
    expect(found.join('\n')).not.toContain('Abc8Q~x');
  });

  it('lists every problem with its row', async () => {
    const found = await problems(
      [`tenant,clientId,secretEnv,mailbox,cloud,colour`, `common,nope,1BAD,not-an-address,mars,blue`, `${T1},${C1},,a@contoso.com,,`].join('\n'),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^targets\.csv row 2: unknown column 'colour'/),
        expect.stringMatching(/^targets\.csv row 2: tenant: .*client credentials need/),
        expect.stringMatching(/^targets\.csv row 2: clientId: /),
        expect.stringMatching(/^targets\.csv row 2: mailbox: /),
        expect.stringMatching(/^targets\.csv row 2: cloud: /),
        expect.stringMatching(/^targets\.csv row 2: secretEnv: must be an environment variable name/),
        expect.stringMatching(/^targets\.csv row 3: secretEnv, secretFile or certificateFile is missing/),
      ]),
    );
  });

  it('each problem is a message naming its row and column (ids and parameters; the words are the catalogs\')', async () => {
    const error = (await parseTargets([`tenant,clientId,secretEnv,mailbox,colour`, `${T1},${C1},1BAD,a@contoso.com,blue`, `${T1},${C1},,b@contoso.com,`].join('\n'), 'dir/t.csv').catch((e: unknown) => e)) as InputError;
    expect(error.problemMessages).toEqual([
      msg('fleet.targets.unknown-column', { origin: 't.csv row 2', column: 'colour', known: expect.arrayContaining(['tenant', 'secretExpires']) as unknown as string[] }),
      msg('fleet.targets.env-name', { origin: 't.csv row 2', column: 'secretEnv' }),
      // The column is unknown in every row that has it.
      msg('fleet.targets.unknown-column', { origin: 't.csv row 3', column: 'colour', known: expect.arrayContaining(['tenant']) as unknown as string[] }),
      msg('fleet.targets.no-credential', { origin: 't.csv row 3' }),
    ]);
  });

  it('takes a certificate by reference, and the secret\'s expiry date', async () => {
    const csv = [
      'name,tenant,clientId,certificateFile,privateKeyFile,certificatePasswordEnv,mailbox',
      `cert,${T1},${C1},/run/secrets/app.pem,/run/secrets/app.key,APP_KEY_PASSWORD,a@contoso.com`,
      `plain,${T1},${C1},certs/app.pem,,,b@contoso.com`,
    ].join('\n');
    await expect(parseTargets(csv, 'targets.csv')).resolves.toEqual([
      { origin: 'targets.csv row 2', name: 'cert', tenantId: T1, clientId: C1, credential: { kind: 'certificate', path: '/run/secrets/app.pem', privateKeyPath: '/run/secrets/app.key', passwordEnv: 'APP_KEY_PASSWORD' }, mailbox: 'a@contoso.com' },
      { origin: 'targets.csv row 3', name: 'plain', tenantId: T1, clientId: C1, credential: { kind: 'certificate', path: 'certs/app.pem' }, mailbox: 'b@contoso.com' },
    ]);
    const json = JSON.stringify([{ tenant: T1, clientId: C1, secretEnv: 'S', mailbox: 'a@contoso.com', secretExpires: '2027-05-31' }]);
    expect((await parseTargets(json, 't.json'))[0]?.secretExpires).toBe('2027-05-31');
  });

  it('refuses two credentials, stray certificate companions, an inline key and a bad expiry date', async () => {
    const found = await problems(
      [
        'tenant,clientId,secretEnv,certificateFile,privateKeyFile,privateKey,secretExpires,mailbox',
        `${T1},${C1},S,/a.pem,,,,a@contoso.com`,
        `${T1},${C1},S,,/a.key,,,b@contoso.com`,
        `${T1},${C1},S,,,-----BEGIN PRIVATE KEY-----,,c@contoso.com`,
        `${T1},${C1},S,,,,2027-02-30,d@contoso.com`,
      ].join('\n'),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'targets.csv row 2: give one of secretEnv, certificateFile, not both',
        'targets.csv row 3: privateKeyFile: goes with certificateFile',
        expect.stringMatching(/^targets\.csv row 4: 'privateKey': a targets file never holds secrets/),
        expect.stringMatching(/^targets\.csv row 5: secretExpires: must be a date/),
      ]),
    );
    expect(found.join('\n')).not.toContain('BEGIN PRIVATE KEY');
  });

  it('refuses duplicate names, empty files and malformed input', async () => {
    const dup = `name,tenant,clientId,secretEnv,mailbox\nx,${T1},${C1},S,a@contoso.com\nx,${T1},${C1},S,b@contoso.com`;
    expect((await problems(dup))[0]).toContain("name 'x' is used by targets.csv row 2 too");
    expect(await problems('tenant,clientId,secretEnv,mailbox\n')).toEqual(['targets.csv: no targets']);
    expect((await problems('{"targets": 3}', 't.json'))[0]).toContain('expected a JSON array');
    expect((await problems('[1,', 't.json'))[0]).toContain('not valid JSON');
    expect((await problems('a,b\n"unclosed', 't.csv'))[0]).toContain('not valid CSV');
  });
});
