import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Secret } from '../../src/inputs/secret.js';
import { loadClientCertificate } from '../../src/token/certificate.js';
import { msg } from '../../src/messages/index.js';
import type { DemoHooks } from '../../src/wizard/context.js';
import { chooseCredential, credentialAgain, credentialAnswers, type CredentialOutcome, uploadFileFor, validityDays } from '../../src/wizard/credential.js';
import { createSelfSignedCertificate } from '../../src/x509/self-signed.js';
import { type Answer, ENTER, recordingScreen, removeScratchDirs, scratchDir, scriptedPrompter } from '../support/wizard.js';
import { IDS } from './fixtures.js';
import { POSIX_MODES, expectMode } from '../support/platform.js';

afterAll(removeScratchDirs);

function run(answers: Record<string, Answer | Answer[]>, input: { given?: Parameters<typeof chooseCredential>[0]['given']; certificatePath?: string; workDir?: string } = {}, demo?: DemoHooks) {
  const prompter = scriptedPrompter(answers);
  const screen = recordingScreen();
  const workDir = input.workDir ?? scratchDir('credential');
  const outcome = chooseCredential(
    { clientId: IDS.clientId, given: input.given ?? null, certificatePath: input.certificatePath, workDir },
    { prompter, screen, ...(demo && { demo }) },
  );
  return { outcome, prompter, screen, workDir };
}

/** A PEM with a certificate and its key, optionally encrypted. */
function certificateFile(dir: string, name: string, options: { password?: string; keyless?: boolean } = {}) {
  const made = createSelfSignedCertificate({ commonName: name, validDays: 90 });
  const key = options.password
    ? createPrivateKey(made.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: options.password }).toString()
    : made.privateKeyPem;
  const path = join(dir, `${name}.pem`);
  writeFileSync(path, (options.keyless ? '' : key) + made.certificatePem, { mode: 0o600 });
  return { path, made };
}

describe('the credential menu', () => {
  it('offers secret, new certificate and existing certificate; a secret by default, masked', async () => {
    const { outcome, prompter } = run({ credentialKind: ENTER, clientSecret: IDS.secret });
    const result = await outcome;
    expect(result).toMatchObject({ kind: 'chosen', credential: { kind: 'secret' }, certificatePath: null });
    expect(prompter.asked[0]).toMatchObject({ name: 'credentialKind', default: 'secret' });
  });

  it('a credential given beforehand comes first and is the default; a saved certificate path makes "existing" the default', async () => {
    const given = { kind: 'secret' as const, secret: new Secret(IDS.secret, 'AZURE_CLIENT_SECRET') };
    const kept = run({ credentialKind: ENTER }, { given });
    expect(await kept.outcome).toEqual({ kind: 'chosen', credential: given, certificatePath: null });
    expect(kept.prompter.asked[0]).toMatchObject({ default: 'given' });

    const dir = scratchDir('credential-saved');
    const { path } = certificateFile(dir, 'saved');
    const saved = run({ credentialKind: ENTER, certificatePath: ENTER }, { certificatePath: path });
    expect(saved.prompter.asked[0]).toMatchObject({ default: 'certificate' });
    expect(await saved.outcome).toMatchObject({ kind: 'chosen', certificatePath: path, credential: { kind: 'certificate' } });
    expect(saved.prompter.asked[1]).toMatchObject({ name: 'certificatePath', default: path });
  });
});

describe('a new certificate', () => {
  it('writes the key with the certificate (0600) and the public .cer (0644), says where to upload, shows both thumbprints', async () => {
    const uploads: string[] = [];
    const demo: DemoHooks = { repairTenant: () => null, uploadCertificate: (pem) => (uploads.push(pem), msg('demo.uploaded')) };
    // The wizard writes into an existing folder; it does not create one (a typo would scatter folders).
    const workDir = scratchDir('credential-new');
    mkdirSync(join(workDir, 'keys'));
    const { outcome, screen } = run(
      { credentialKind: 'new-certificate', certificateValidity: '6', certificatePath: 'keys/sender.pem', certificateUploadPath: ENTER, certificateUploaded: 'uploaded' },
      { workDir },
      demo,
    );
    const result = await outcome;
    const pem = join(workDir, 'keys', 'sender.pem');
    const cer = join(workDir, 'keys', 'sender.cer');
    expect(result).toMatchObject({ kind: 'chosen', certificatePath: pem, credential: { kind: 'certificate', certificate: { path: pem } } });
    if (result.kind !== 'chosen' || result.credential.kind !== 'certificate') throw new Error('not a certificate');
    const { certificate } = result.credential;

    expectMode(pem, 0o600);
    expectMode(cer, 0o644);
    const cerText = readFileSync(cer, 'utf8');
    expect(cerText).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(cerText).not.toContain('PRIVATE KEY');
    // The key file loads as `check --certificate` loads it, and belongs to the uploaded certificate.
    const loaded = await loadClientCertificate({ certificatePath: pem });
    expect(loaded.problems).toEqual([]);
    const x509 = new X509Certificate(cerText);
    expect(loaded.certificate?.thumbprintSha256).toBe(x509.fingerprint256.replace(/:/g, ''));
    expect(x509.subject).toContain(`smtp-oauth-setup ${IDS.clientId}`);
    const months = (Date.parse(x509.validTo) - Date.now()) / 86_400_000 / 30.44;
    expect(Math.round(months)).toBe(6);

    const text = screen.text.replace(/\n\s+/g, ' ');
    expect(text).toContain(`App registrations → the app with Application (client) ID ${IDS.clientId} → Certificates & secrets → Certificates → Upload certificate`);
    expect(text).toMatch(new RegExp(`Thumbprint +${certificate.thumbprintSha1} +\\(the portal lists`));
    expect(text).toMatch(new RegExp(`SHA-256 +${certificate.thumbprintSha256}`));
    // Which file is which: the key stays, the public certificate is uploaded.
    expect(screen.paramsOf('wizard.certificate.key-file')).toEqual([{ path: pem }]);
    expect(screen.paramsOf('wizard.certificate.upload-file')).toEqual([{ path: cer }]);
    expect(text).not.toContain('PRIVATE KEY');
    // The demo's sandbox plays the admin: it receives the public certificate only, and the screen says so.
    expect(uploads).toEqual([cerText]);
    expect(screen.shown.at(-1)?.block).toEqual({ kind: 'demo', text: msg('demo.uploaded') });
  });

  it('"Uploaded?" is asked even with --yes-style defaults (askAlways), and stop ends the walk', async () => {
    const { outcome, prompter, workDir } = run({ credentialKind: 'new-certificate', certificateValidity: ENTER, certificatePath: ENTER, certificateUploadPath: ENTER, certificateUploaded: 'stop' });
    // The key file is named, for the answers: the next run offers it.
    expect(await outcome).toEqual({ kind: 'stop', certificatePath: join(workDir, 'smtp-oauth-sender.pem') });
    expect(prompter.asked.find((q) => q.name === 'certificateValidity')).toMatchObject({ default: '12' });
  });

  it('never replaces an existing key file without asking; backing out returns to the menu', async () => {
    const workDir = scratchDir('credential-existing');
    writeFileSync(join(workDir, 'smtp-oauth-sender.pem'), 'precious\n');
    const { outcome, prompter } = run(
      { credentialKind: ['new-certificate', 'secret'], certificateValidity: ENTER, certificatePath: [ENTER, ''], certificatePathOverwrite: false, clientSecret: IDS.secret },
      { workDir },
    );
    expect(await outcome).toMatchObject({ kind: 'chosen', credential: { kind: 'secret' } });
    expect(readFileSync(join(workDir, 'smtp-oauth-sender.pem'), 'utf8')).toBe('precious\n');
    expect(prompter.asked.filter((q) => q.name === 'credentialKind')).toHaveLength(2);
  });

  it('names the upload file after the key file; counts calendar months', () => {
    expect(uploadFileFor('/a/b/sender.pem')).toBe('/a/b/sender.cer');
    expect(uploadFileFor('/a/b/sender')).toBe('/a/b/sender.cer');
    expect(validityDays(12, new Date('2026-03-01T00:00:00Z'))).toBe(365);
    expect(validityDays(12, new Date('2027-03-01T00:00:00Z'))).toBe(366);
    expect(validityDays(6, new Date('2026-01-31T00:00:00Z'))).toBe(181);
  });
});

describe('a certificate the admin has', () => {
  it('resolves a relative path against the working directory, checks it, and shows what the portal must list', async () => {
    const workDir = scratchDir('credential-have');
    const { made } = certificateFile(workDir, 'have');
    const { outcome, screen } = run({ credentialKind: 'certificate', certificatePath: 'have.pem' }, { workDir });
    expect(await outcome).toMatchObject({ kind: 'chosen', certificatePath: join(workDir, 'have.pem'), credential: { certificate: { thumbprintSha256: made.thumbprintSha256 } } });
    expect(screen.ids()).toContain('wizard.certificate.must-be-listed');
    expect(screen.text).toContain('Certificates & secrets → Certificates → Upload certificate');
  });

  it('says what is wrong and asks again: missing file, certificate without its key', async () => {
    const workDir = scratchDir('credential-wrong');
    certificateFile(workDir, 'keyless', { keyless: true });
    const { path } = certificateFile(workDir, 'good');
    const { outcome, screen } = run({ credentialKind: 'certificate', certificatePath: ['nope.pem', 'keyless.pem', path] }, { workDir });
    expect(await outcome).toMatchObject({ kind: 'chosen', certificatePath: path });
    expect(screen.text).toContain(`certificate file: ${join(workDir, 'nope.pem')}: no such file`);
    expect(screen.text).toContain('holds no private key; the wizard needs one PEM with both');
  });

  it('an encrypted key: asks its password (masked, three tries), never keeps it', async () => {
    const workDir = scratchDir('credential-encrypted');
    const { path } = certificateFile(workDir, 'locked', { password: 'correct horse' });
    const { outcome, prompter } = run({ credentialKind: 'certificate', certificatePath: path, certificatePassword: ['wrong', 'correct horse'] }, { workDir });
    const result = await outcome;
    expect(result).toMatchObject({ kind: 'chosen', credential: { kind: 'certificate', certificate: { passwordProtected: true } } });
    expect(prompter.asked.filter((q) => q.name === 'certificatePassword').map((q) => q.message)).toEqual([
      msg('input.question.certificate-password', { path }),
      msg('wizard.ask.certificate-password-again'),
    ]);

    const giveUp = run({ credentialKind: 'certificate', certificatePath: [path, path], certificatePassword: ['a', 'b', 'c', 'correct horse'] }, { workDir });
    expect(await giveUp.outcome).toMatchObject({ kind: 'chosen' });
    expect(giveUp.screen.text).toContain('cannot be decrypted with the password given (wrong password?)');
  });
});

describe('a certificate the admin has: its private key must be private', () => {
  // Mode bits exist on POSIX systems only; on Windows the key's ACL decides (test/fs/private-mode.test.ts).
  it.runIf(POSIX_MODES)('refuses a PEM others can read, names the chmod, and asks again; ~/… is the home directory', async () => {
    const home = scratchDir('credential-home');
    const { path: shared } = certificateFile(home, 'shared');
    chmodSync(shared, 0o644);
    const { path: mine } = certificateFile(home, 'mine');
    vi.stubEnv('HOME', home);
    vi.stubEnv('USERPROFILE', home);
    try {
      const { outcome, screen } = run({ credentialKind: 'certificate', certificatePath: ['~/shared.pem', '~/mine.pem'] });
      expect(await outcome).toMatchObject({ kind: 'chosen', certificatePath: mine });
      expect(screen.text).toContain(`✖ certificate file: ${shared} holds a private key and other users can read it (mode 0644); refusing to use it. Fix: chmod 600 ${shared}`);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  // Mode bits exist on POSIX systems only; on Windows the key's ACL decides (test/fs/private-mode.test.ts).
  it.runIf(POSIX_MODES)('after a resume, a saved certificate others can read is refused and the menu is offered', async () => {
    const workDir = scratchDir('credential-again-shared');
    const { path } = certificateFile(workDir, 'again');
    chmodSync(path, 0o640);
    const prompter = scriptedPrompter({ credentialKind: 'secret', clientSecret: IDS.secret });
    const screen = recordingScreen();
    expect(await credentialAgain({ clientId: IDS.clientId, certificatePath: path, workDir }, { prompter, screen })).toMatchObject({ kind: 'chosen', credential: { kind: 'secret' } });
    expect(screen.text).toContain(`${path} holds a private key and other users can read it (mode 0640); refusing to use it. Fix: chmod 600 ${path}`);
  });
});

describe('after a resume', () => {
  it('reads a saved certificate without a question; a secret is typed once more', async () => {
    const workDir = scratchDir('credential-again');
    const { path } = certificateFile(workDir, 'again');
    const prompter = scriptedPrompter({ clientSecret: IDS.secret });
    const screen = recordingScreen();
    expect(await credentialAgain({ clientId: IDS.clientId, certificatePath: path, workDir }, { prompter, screen })).toMatchObject({ kind: 'chosen', certificatePath: path });
    expect(prompter.asked).toEqual([]);
    expect(await credentialAgain({ clientId: IDS.clientId, workDir }, { prompter, screen })).toMatchObject({ kind: 'chosen', credential: { kind: 'secret' } });
    expect(screen.ids()).toContain('wizard.credential.secret-again');
  });

  it('the answers follow the credential: a certificate clears the secret\'s expiry, a secret forgets the certificate', () => {
    expect(credentialAnswers({ certificatePath: '/k.pem' }, {})).toEqual({ certificatePath: '/k.pem', secretExpires: '' });
    expect(credentialAnswers({ certificatePath: null }, { certificatePath: '/k.pem' })).toEqual({ certificatePath: '' });
    expect(credentialAnswers({ certificatePath: null }, {})).toEqual({});
    const stopped: CredentialOutcome = { kind: 'stop', certificatePath: '/new.pem' };
    expect(credentialAnswers(stopped, {})).toEqual({ certificatePath: '/new.pem', secretExpires: '' });
  });
});
