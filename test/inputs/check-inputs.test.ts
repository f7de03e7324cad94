import { createPrivateKey } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type Message, render, t } from '../../src/messages/index.js';
import { resolveCheckInputs } from '../../src/inputs/check-inputs.js';
import type { Prompter } from '../../src/inputs/prompter.js';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { secretOf } from '../support/credential.js';
import { POSIX_MODES } from '../support/platform.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SECRET = 'Abc8Q~not.a.real.secret_value-0123456789';

// Folders in the temporary directory (secrets, private keys): removed after the file's tests.
const tempDirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Answers prompts by question name and records what was asked. */
function scriptedPrompter(answers: Record<string, string>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const answer = async (q: { name: string; validate?: (v: string) => unknown }) => {
    asked.push(q.name);
    const value = answers[q.name];
    if (value === undefined) throw new Error(`unexpected question ${q.name}`);
    const verdict = q.validate?.(value) ?? true;
    if (verdict !== true) throw new Error(`answer for ${q.name} rejected: ${render(verdict as Message)}`);
    return value;
  };
  return { asked, input: answer, password: answer, confirm: async () => true, select: async () => { throw new Error('no select'); } };
}

describe('resolveCheckInputs: flag > environment > saved > prompt', () => {
  it('takes flags over environment and applies defaults', async () => {
    const { inputs, warnings } = await resolveCheckInputs({
      flags: { tenantId: TENANT, clientId: CLIENT, mailbox: 'flag@contoso.com' },
      env: { AZURE_TENANT_ID: 'other.onmicrosoft.com', AZURE_CLIENT_SECRET: SECRET, SMTP_OAUTH_MAILBOX: 'env@contoso.com' },
      prompter: null,
    });
    expect(inputs).toMatchObject({
      tenantId: TENANT,
      clientId: CLIENT,
      mailbox: 'flag@contoso.com',
      from: 'flag@contoso.com',
      to: null,
      authorityHost: 'https://login.microsoftonline.com',
      smtpHost: 'smtp.office365.com',
      smtpPort: 587,
      timeoutSeconds: 20,
    });
    expect(secretOf(inputs).reveal()).toBe(SECRET);
    expect(secretOf(inputs).source).toBe('AZURE_CLIENT_SECRET');
    expect(warnings).toEqual([]);
  });

  it('takes the hosts from --cloud unless given explicitly', async () => {
    const base = { tenantId: TENANT, clientId: CLIENT, mailbox: 'm@contoso.com' };
    const env = { AZURE_CLIENT_SECRET: SECRET };
    const usgov = (await resolveCheckInputs({ flags: { ...base, cloud: 'usgov' }, env, prompter: null })).inputs;
    expect(usgov.cloud.name).toBe('usgov');
    expect(usgov.authorityHost).toBe('https://login.microsoftonline.us');
    expect(usgov.smtpHost).toBe('smtp.office365.us');
    const china = (await resolveCheckInputs({ flags: { ...base, cloud: 'China', smtpHost: 'relay.example.cn' }, env: { ...env, AZURE_AUTHORITY_HOST: 'https://login.example.cn' }, prompter: null })).inputs;
    expect(china.cloud.scope).toBe('https://partner.outlook.cn/.default');
    expect(china.authorityHost).toBe('https://login.example.cn');
    expect(china.smtpHost).toBe('relay.example.cn');
    const bad = (await resolveCheckInputs({ flags: { ...base, cloud: 'mars' }, env, prompter: null }).catch((e: unknown) => e)) as InputError;
    expect(bad.problemMessages).toEqual([{ id: 'input.cloud.invalid', params: { field: '--cloud', clouds: ['global', 'usgov', 'usgovdod', 'china'] } }]);
  });

  it('uses the environment, then saved configuration', async () => {
    const { inputs } = await resolveCheckInputs({
      flags: {},
      env: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_SECRET: SECRET },
      saved: { clientId: CLIENT, mailbox: 'saved@contoso.com', smtpPort: '2525' },
      prompter: null,
    });
    expect(inputs.tenantId).toBe(TENANT);
    expect(inputs.clientId).toBe(CLIENT);
    expect(inputs.mailbox).toBe('saved@contoso.com');
    expect(inputs.smtpPort).toBe(2525);
  });

  it('without a prompter, lists every missing input with its flag and variable (exit 2)', async () => {
    const error = await resolveCheckInputs({ flags: {}, env: {}, prompter: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problemMessages).toEqual([
      {
        id: 'input.missing',
        params: {
          fields: [
            { field: '--tenant-id', env: 'AZURE_TENANT_ID' },
            { field: '--client-id', env: 'AZURE_CLIENT_ID' },
            { field: '--mailbox', env: 'SMTP_OAUTH_MAILBOX' },
            { field: 'client-secret' },
          ],
        },
      },
      { id: 'input.missing-hint', params: { prompting: false } },
    ]);
    expect((error as InputError).kind).toBe('missing');
    expect((error as InputError).exitCode).toBe(2);
  });

  it('reports every invalid value at once, naming where it came from', async () => {
    const error = (await resolveCheckInputs({
      flags: { tenantId: 'common', clientId: 'nope', smtpPort: '99999', to: 'not-an-address' },
      env: { AZURE_CLIENT_SECRET: SECRET, SMTP_OAUTH_MAILBOX: 'bad' },
      prompter: null,
    }).catch((e: unknown) => e)) as InputError;
    expect(error.problemMessages).toEqual([
      { id: 'input.tenant.alias', params: { field: '--tenant-id', value: 'common' } },
      { id: 'input.client-id.invalid', params: { field: '--client-id' } },
      { id: 'input.address.invalid', params: { field: 'SMTP_OAUTH_MAILBOX' } },
      { id: 'input.address.invalid', params: { field: '--to' } },
      { id: 'input.port.invalid', params: { field: '--smtp-port', min: 1, max: 65535, problem: 'too-big' } },
    ]);
  });

  it('prompts for what is missing, validating answers with the same schemas', async () => {
    const prompter = scriptedPrompter({ tenantId: TENANT, clientId: CLIENT, mailbox: 'p@contoso.com', clientSecret: SECRET });
    const { inputs } = await resolveCheckInputs({ flags: {}, env: {}, prompter });
    expect(prompter.asked).toEqual(['tenantId', 'clientId', 'mailbox', 'clientSecret']);
    expect(secretOf(inputs).source).toBe('prompt');
    const bad = scriptedPrompter({ tenantId: 'organizations', clientId: CLIENT, mailbox: 'p@contoso.com', clientSecret: SECRET });
    await expect(resolveCheckInputs({ flags: {}, env: {}, prompter: bad })).rejects.toThrow(/client credentials need/);
  });

  it('a secret pasted where its file belongs is not echoed, and is handed to the redactor; a missing file is named', async () => {
    const base = { tenantId: TENANT, clientId: CLIENT, mailbox: 'm@contoso.com' };
    for (const pasted of [SECRET, 'SuperS3cretValue~abc', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0']) {
      const protectedValues: string[] = [];
      const error = await resolveCheckInputs({ flags: { ...base, clientSecretFile: pasted }, env: {}, prompter: null, protect: (v) => protectedValues.push(v) }).then(() => null, (e: unknown) => e as InputError);
      expect(error).toBeInstanceOf(InputError);
      expect(error!.problemMessages).toEqual([{ id: 'input.secret.given-as-file', params: {} }]);
      expect(error!.message).not.toContain(pasted);
      expect(protectedValues).toEqual([pasted]);
    }
    const missing = join(tempDir('secret-missing-'), 'secret.txt');
    const protectedValues: string[] = [];
    const error = await resolveCheckInputs({ flags: { ...base, clientSecretFile: missing }, env: {}, prompter: null, protect: (v) => protectedValues.push(v) }).then(() => null, (e: unknown) => e as InputError);
    expect(error!.problemMessages).toEqual([{ id: 'input.secret.file-unreadable', params: { field: '--client-secret-file', path: missing, reason: 'no such file' } }]);
    expect(protectedValues).toEqual([]);
  });

  it('reads the secret from a file or stdin and warns about a GUID-shaped secret', async () => {
    const dir = tempDir('secret-');
    const file = join(dir, 'secret.txt');
    writeFileSync(file, `${SECRET}\n`);
    const base = { tenantId: TENANT, clientId: CLIENT, mailbox: 'm@contoso.com' };
    const fromFile = await resolveCheckInputs({ flags: { ...base, clientSecretFile: file }, env: { AZURE_CLIENT_SECRET: 'ignored-because-file-wins' }, prompter: null });
    expect(secretOf(fromFile.inputs).reveal()).toBe(SECRET);
    const fromStdin = await resolveCheckInputs({
      flags: { ...base, clientSecretFile: '-' },
      env: {},
      prompter: null,
      readStdin: async () => '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\n',
    });
    expect(secretOf(fromStdin.inputs).source).toBe('standard input');
    expect(fromStdin.warnings).toEqual([t('input.secret.looks-like-id')]);
    const viaFlag = await resolveCheckInputs({ flags: { ...base, clientSecretStdin: true }, env: { AZURE_CLIENT_SECRET: 'env-loses-to-stdin' }, prompter: null, readStdin: async () => `${SECRET}\nsecond line ignored\n` });
    expect(secretOf(viaFlag.inputs).reveal()).toBe(SECRET);
    const both = (await resolveCheckInputs({ flags: { ...base, clientSecretStdin: true, clientSecretFile: file }, env: {}, prompter: null, readStdin: async () => SECRET }).catch((e: unknown) => e)) as InputError;
    expect(both.problemMessages).toEqual([{ id: 'input.secret.file-and-stdin', params: {} }]);
    const missing = (await resolveCheckInputs({ flags: { ...base, clientSecretFile: join(dir, 'nope') }, env: {}, prompter: null }).catch((e: unknown) => e)) as InputError;
    expect(missing.problemMessages[0]).toMatchObject({ id: 'input.secret.file-unreadable', params: { reason: 'no such file' } });
  });

  it('never shows the secret when the inputs are printed or serialised', async () => {
    const { inputs } = await resolveCheckInputs({ flags: { tenantId: TENANT, clientId: CLIENT, mailbox: 'm@contoso.com' }, env: { AZURE_CLIENT_SECRET: SECRET }, prompter: null });
    expect(JSON.stringify(inputs)).not.toContain(SECRET);
    expect(String(secretOf(inputs))).not.toContain(SECRET);
    const { inspect } = await import('node:util');
    expect(inspect(inputs)).not.toContain(SECRET);
  });
});

describe('resolveCheckInputs: the certificate credential and its sources', () => {
  const dir = tempDir('smtp-oauth-inputs-cert-');
  const made = createSelfSignedCertificate({ commonName: 'inputs', validDays: 60 });
  const pem = join(dir, 'both.pem');
  writeFileSync(pem, made.privateKeyPem + made.certificatePem, { mode: 0o600 });
  const locked = join(dir, 'locked.pem');
  const encrypted = createPrivateKey(made.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' }).toString();
  writeFileSync(locked, encrypted + made.certificatePem, { mode: 0o600 });
  const base = { tenantId: TENANT, clientId: CLIENT, mailbox: 'a@contoso.com' };

  it('takes the certificate saved by the wizard when nothing else gives a credential', async () => {
    const { inputs } = await resolveCheckInputs({ flags: {}, env: {}, saved: { ...base, certificate: pem }, prompter: null });
    expect(inputs.credential).toMatchObject({ kind: 'certificate', certificate: { path: pem, thumbprintSha256: made.thumbprintSha256 } });
  });

  it('a secret given now (environment, file) comes before a saved certificate; a saved secret does not', async () => {
    const fromEnv = await resolveCheckInputs({ flags: {}, env: { AZURE_CLIENT_SECRET: SECRET }, saved: { ...base, certificate: pem }, prompter: null });
    expect(fromEnv.inputs.credential.kind).toBe('secret');
    const savedBoth = await resolveCheckInputs({ flags: {}, env: {}, saved: { ...base, certificate: pem, clientSecret: SECRET }, prompter: null });
    expect(savedBoth.inputs.credential.kind).toBe('certificate');
  });

  // Mode bits exist on POSIX systems only; on Windows the key's ACL decides (test/fs/private-mode.test.ts).
  it.runIf(POSIX_MODES)('refuses a certificate whose private key others can read, from the flag, the environment or the saved configuration', async () => {
    const shared = join(dir, 'shared.pem');
    writeFileSync(shared, made.privateKeyPem + made.certificatePem, { mode: 0o644 });
    chmodSync(shared, 0o644);
    const line = `${shared} holds a private key and other users can read it (mode 0644); refusing to use it. Fix: chmod 600 ${shared}`;
    const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as InputError);
    const flag = await refusal(resolveCheckInputs({ flags: { ...base, certificate: shared }, env: {}, prompter: null }));
    expect(flag).toBeInstanceOf(InputError);
    expect(flag?.problems).toEqual([`--certificate: ${line}`]);
    expect(flag?.problemMessages).toEqual([{ id: 'input.certificate.key-exposed', params: { field: '--certificate', problem: line } }]);
    const fromEnv = await refusal(resolveCheckInputs({ flags: base, env: { AZURE_CLIENT_CERTIFICATE_PATH: shared }, prompter: null }));
    expect(fromEnv?.problems).toEqual([`AZURE_CLIENT_CERTIFICATE_PATH: ${line}`]);
    const saved = await refusal(resolveCheckInputs({ flags: {}, env: {}, saved: { ...base, certificate: shared }, prompter: null }));
    expect(saved?.problems).toEqual([`saved configuration (certificate): ${line}`]);
  });

  it('names where a broken certificate came from', async () => {
    const missing = join(dir, 'gone.pem');
    await expect(resolveCheckInputs({ flags: base, env: { AZURE_CLIENT_CERTIFICATE_PATH: missing }, prompter: null })).rejects.toThrow(`AZURE_CLIENT_CERTIFICATE_PATH: ${missing}: no such file`);
    await expect(resolveCheckInputs({ flags: {}, env: {}, saved: { ...base, certificate: missing }, prompter: null })).rejects.toThrow(
      `saved configuration (certificate): ${missing}: no such file`,
    );
  });

  it('an encrypted key: AZURE_CLIENT_CERTIFICATE_PASSWORD, else a masked prompt on a terminal, else exit 2 naming the variable', async () => {
    const withEnv = await resolveCheckInputs({ flags: { ...base, certificate: locked }, env: { AZURE_CLIENT_CERTIFICATE_PASSWORD: 'open sesame' }, prompter: null });
    expect(withEnv.inputs.credential).toMatchObject({ kind: 'certificate', certificate: { passwordProtected: true } });
    const prompter = scriptedPrompter({ certificatePassword: 'open sesame' });
    const prompted = await resolveCheckInputs({ flags: { ...base, certificate: locked }, env: {}, prompter });
    expect(prompted.inputs.credential.kind).toBe('certificate');
    expect(prompter.asked).toEqual(['certificatePassword']);
    const locked1 = await resolveCheckInputs({ flags: { ...base, certificate: locked }, env: {}, prompter: null }).catch((e: unknown) => e as InputError);
    expect((locked1 as InputError).problemMessages).toEqual([
      { id: 'input.certificate.key-encrypted', params: { field: '--certificate', password: 'AZURE_CLIENT_CERTIFICATE_PASSWORD' } },
    ]);
    const wrong = scriptedPrompter({ certificatePassword: 'nope' });
    await expect(resolveCheckInputs({ flags: { ...base, certificate: locked }, env: {}, prompter: wrong })).rejects.toThrow('cannot be decrypted with the password typed');
  });
});

describe('a secret the saved configuration keeps in the OS credential store', () => {
  const flags = { tenantId: TENANT, clientId: CLIENT, mailbox: 'a@contoso.com' };

  it('is read only when no flag or environment variable gives one, registered with the redactor, and named "saved configuration"', async () => {
    const reads: string[] = [];
    const protectedValues: string[] = [];
    const savedSecret = async () => {
      reads.push('read');
      return { secret: SECRET };
    };
    const fromEnv = await resolveCheckInputs({ flags, env: { AZURE_CLIENT_SECRET: `${SECRET}x` }, prompter: null, savedSecret });
    expect(secretOf(fromEnv.inputs).source).toBe('AZURE_CLIENT_SECRET');
    expect(reads).toEqual([]);
    const fromStore = await resolveCheckInputs({ flags, env: {}, prompter: null, savedSecret, protect: (v) => protectedValues.push(v) });
    expect(secretOf(fromStore.inputs).reveal()).toBe(SECRET);
    expect(secretOf(fromStore.inputs).source).toBe('saved configuration');
    expect(reads).toEqual(['read']);
    expect(protectedValues).toEqual([SECRET]);
  });

  it('whose entry is gone is one input problem (exit 2), not a prompt', async () => {
    const problem = 'saved configuration: the client secret it refers to is no longer in the OS credential store (…)';
    const prompter = scriptedPrompter({});
    const error = await resolveCheckInputs({ flags, env: {}, prompter, savedSecret: async () => ({ problem }) }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).problems).toEqual([problem]);
    expect(prompter.asked).toEqual([]);
  });
});

describe('givenCheckInputs: what flags, environment and saved configuration give the wizard', () => {
  it('names where each value came from and why a refused one is refused, in words and as messages', async () => {
    const { givenCheckInputs } = await import('../../src/inputs/check-inputs.js');
    const given = givenCheckInputs({ flags: { tenantId: 'common' }, env: { AZURE_CLIENT_ID: CLIENT }, saved: { smtpPort: 'x' } });
    expect(given.clientId).toEqual({ value: CLIENT, origin: 'AZURE_CLIENT_ID' });
    expect(given.tenantId).toMatchObject({ value: 'common', origin: '--tenant-id', problemMessages: [{ id: 'input.tenant.alias', params: { value: 'common' } }] });
    expect(given.tenantId?.problem).toBe(t('input.tenant.alias', { value: 'common' }));
    expect(given.smtpPort).toMatchObject({ origin: 'saved configuration: smtpPort', problemMessages: [{ id: 'input.port.invalid', params: { problem: 'not-decimal' } }] });
  });
});
