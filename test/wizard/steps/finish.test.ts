import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Credential } from '../../../src/inputs/credential.js';
import { Secret } from '../../../src/inputs/secret.js';
import { loadClientCertificate } from '../../../src/token/certificate.js';
import type { WizardAnswers } from '../../../src/wizard/context.js';
import { createSelfSignedCertificate } from '../../../src/x509/self-signed.js';
import { beforeStart } from '../../../src/wizard/steps/before-start.js';
import { checkCommandLine, envFile, envValue, finishStep, SECRET_MASK, settingsJson } from '../../../src/wizard/steps/finish.js';
import { type Answer, ENTER, recordingScreen, scriptedPrompter, removeScratchDirs, scratchDir } from '../../support/wizard.js';
import { msg } from '../../../src/messages/index.js';
import { IDS } from '../fixtures.js';
import { expectMode } from '../../support/platform.js';

afterAll(removeScratchDirs);

const ANSWERS = {
  tenantId: IDS.tenantId,
  clientId: IDS.clientId,
  mailbox: 'alerts@contoso.com',
  from: 'noreply@contoso.com',
  senderName: 'Contoso Alerts',
  to: 'it@contoso.com',
  secretExpires: '2027-05-31',
};
const secret = (value = IDS.secret): Credential => ({ kind: 'secret', secret: new Secret(value, 'prompt') });

function run(
  answers: Record<string, Answer | Answer[]>,
  options: { workDir?: string; configPath?: string | null; sandbox?: boolean; credential?: Credential; answers?: WizardAnswers; shell?: 'posix' | 'powershell'; os?: NodeJS.Platform } = {},
) {
  const workDir = options.workDir ?? scratchDir('finish');
  const prompter = scriptedPrompter(answers);
  const screen = recordingScreen();
  const outcome = finishStep(
    {
      answers: options.answers ?? ANSWERS,
      credential: options.credential ?? secret(),
      workDir,
      configPath: options.configPath === undefined ? '/home/a/.config/smtp-oauth-setup/config.json' : options.configPath,
      sandbox: options.sandbox ?? false,
      ...(options.shell && { shell: options.shell }),
      ...(options.os && { os: options.os }),
    },
    { prompter, screen },
  );
  return { outcome, prompter, screen, workDir };
}

/** The settings table as label → value. */
function rowsOf(results: string): Record<string, string> {
  return Object.fromEntries(
    results
      .split('\n')
      .map((line) => /^ {2}(\S.*?) {2,}(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!]),
  );
}

describe('the end: settings for the sending application', () => {
  it('shows every field the form asks for, the secret masked, and the check command with the secret from the environment', async () => {
    const { outcome, screen } = run({ saveSettings: false, writeEnv: false, keepSecret: false });
    expect(await outcome).toEqual({ saveSecret: false, files: [] });
    expect(rowsOf(screen.results)).toMatchObject({
      Authentication: 'OAuth 2.0 (XOAUTH2), client credentials with a client secret',
      'SMTP server': 'smtp.office365.com',
      Port: '587',
      Encryption: 'STARTTLS',
      'Sender address': 'noreply@contoso.com',
      'Sender name': 'Contoso Alerts',
      Username: 'alerts@contoso.com',
      'Tenant ID': IDS.tenantId,
      'Client ID': IDS.clientId,
      'Client secret': `${SECRET_MASK} (the Value from step 1, not shown)`,
      'Secret expires': '2027-05-31',
    });
    expect(screen.text).not.toContain(IDS.secret);
    expect(screen.results).toContain(
      `npx smtp-oauth-setup check --tenant-id ${IDS.tenantId} --client-id ${IDS.clientId} --mailbox alerts@contoso.com --from noreply@contoso.com --to it@contoso.com`,
    );
    expect(screen.paramsOf('wizard.finish.repeat')).toEqual([{ credentialFrom: 'environment' }]);
    expect(screen.results).toContain('with the client secret in AZURE_CLIENT_SECRET');
  });

  it('saves a JSON file without the secret unless asked', async () => {
    const { outcome, workDir } = run({ saveSettings: true, settingsIncludeSecret: false, settingsPath: ENTER, writeEnv: false, keepSecret: false });
    const [path] = (await outcome).files;
    const json = JSON.parse(readFileSync(path!, 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ smtpServer: 'smtp.office365.com', port: 587, encryption: 'STARTTLS', username: 'alerts@contoso.com', senderAddress: 'noreply@contoso.com', tenantId: IDS.tenantId, clientId: IDS.clientId });
    expect(json).not.toHaveProperty('clientSecret');
    expect(readFileSync(path!, 'utf8')).not.toContain(IDS.secret);
    expectMode(path!, 0o600);
    expect(path).toBe(join(workDir, 'smtp-oauth-settings.json'));

    const asked = run({ saveSettings: true, settingsIncludeSecret: true, settingsPath: ENTER, writeEnv: false, keepSecret: false });
    const [withSecret] = (await asked.outcome).files;
    expect(JSON.parse(readFileSync(withSecret!, 'utf8'))).toMatchObject({ clientSecret: IDS.secret });
  });

  it('writes a 0600 .env with AZURE_* names that a shell reads back exactly, never replacing one without asking', async () => {
    const workDir = scratchDir('finish');
    writeFileSync(join(workDir, '.env'), 'OTHER=1\n');
    const { outcome, prompter, screen } = run({ saveSettings: false, writeEnv: true, envPath: [ENTER, 'smtp.env'], envPathOverwrite: false, keepSecret: false }, { workDir });
    const result = await outcome;
    const path = join(workDir, 'smtp.env');
    expect(result.files).toEqual([path]);
    expect(readFileSync(join(workDir, '.env'), 'utf8')).toBe('OTHER=1\n');
    expect(prompter.asked.some((q) => q.name === 'envPathOverwrite')).toBe(true);
    expectMode(path, 0o600);
    const read = execFileSync('sh', ['-c', `set -a; . "${path}"; set +a; printf '%s|%s|%s|%s' "$AZURE_TENANT_ID" "$AZURE_CLIENT_ID" "$AZURE_CLIENT_SECRET" "$SMTP_OAUTH_MAILBOX"`], { encoding: 'utf8', env: {} });
    expect(read).toBe(`${IDS.tenantId}|${IDS.clientId}|${IDS.secret}|alerts@contoso.com`);
    expect(screen.results).toContain(`set -a; . ${path}; set +a`);
    expect(readdirSync(workDir).sort()).toEqual(['.env', 'smtp.env']);
  });

  it('.env values survive quotes and spaces', () => {
    const tricky = `a'b c$d~`;
    const text = envFile({ ...ANSWERS }, secret(tricky));
    const read = execFileSync('sh', ['-c', `set -a; eval "$1"; printf '%s' "$AZURE_CLIENT_SECRET"`, 'sh', text], { encoding: 'utf8', env: {} });
    expect(read).toBe(tricky);
    expect(envValue('plain-value_1.2')).toBe('plain-value_1.2');
  });

  it('keeps the secret in the saved configuration only when asked', async () => {
    expect((await run({ saveSettings: false, writeEnv: false, keepSecret: true }).outcome).saveSecret).toBe(true);
    // No config file (the demo): nothing to ask.
    const demo = run({ saveSettings: false, writeEnv: false }, { configPath: null, sandbox: true });
    expect((await demo.outcome).saveSecret).toBe(false);
    expect(demo.prompter.asked.map((q) => q.name)).not.toContain('keepSecret');
    expect(demo.screen.results).not.toContain('npx smtp-oauth-setup check');
    expect(demo.screen.ids()).toContain('wizard.finish.next-own-tenant');
    expect(demo.screen.ids()).not.toContain('wizard.finish.repeat');
  });

  it('the check command names only what differs from the defaults', () => {
    expect(checkCommandLine({ ...ANSWERS, from: 'alerts@contoso.com', smtpHost: '127.0.0.1', smtpPort: '2525', authorityHost: 'https://127.0.0.1:8443' }, secret())).toBe(
      `npx smtp-oauth-setup check --tenant-id ${IDS.tenantId} --client-id ${IDS.clientId} --mailbox alerts@contoso.com --to it@contoso.com --authority-host https://127.0.0.1:8443 --smtp-host 127.0.0.1 --smtp-port 2525`,
    );
  });
});

describe('the end with a certificate credential', () => {
  const certificate = async (options: { password?: string } = {}): Promise<Credential & { kind: 'certificate' }> => {
    const dir = scratchDir('finish-cert');
    const made = createSelfSignedCertificate({ commonName: 'finish', validDays: 365 });
    let key = made.privateKeyPem;
    if (options.password) {
      const { createPrivateKey } = await import('node:crypto');
      key = createPrivateKey(made.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: options.password }).toString();
    }
    const path = join(dir, 'sender pem.pem');
    writeFileSync(path, key + made.certificatePem, { mode: 0o600 });
    const loaded = await loadClientCertificate({ certificatePath: path, ...(options.password && { password: new Secret(options.password, 'test') }) });
    return { kind: 'certificate', certificate: loaded.certificate! };
  };
  const answers = { ...ANSWERS, secretExpires: '' };

  it('shows the certificate file, both thumbprints and its expiry instead of a secret; no secret questions', async () => {
    const credential = await certificate();
    const { outcome, screen, prompter } = run({ saveSettings: false, writeEnv: false }, { credential, answers });
    expect(await outcome).toEqual({ saveSecret: false, files: [] });
    const rows = rowsOf(screen.results);
    expect(rows).toMatchObject({
      Authentication: 'OAuth 2.0 (XOAUTH2), client credentials with a certificate',
      'Certificate file': `${credential.certificate.path} (private key and certificate, PEM)`,
      Thumbprint: `${credential.certificate.thumbprintSha1} (SHA-1, as the portal lists it)`,
      'Thumbprint SHA-256': credential.certificate.thumbprintSha256,
      'Certificate expires': credential.certificate.notAfter.toISOString().slice(0, 10),
    });
    expect(rows).not.toHaveProperty('Client secret');
    expect(rows).not.toHaveProperty('Secret expires');
    expect(prompter.asked.map((q) => q.name)).toEqual(['saveSettings', 'writeEnv']);
    expect(screen.results).toContain(`--certificate '${credential.certificate.path}'`);
    expect(screen.paramsOf('wizard.finish.certificate-expires')).toEqual([{ date: credential.certificate.notAfter }]);
    expect(screen.results).toContain(`The certificate expires on ${credential.certificate.notAfter.toISOString().slice(0, 10)}`);
    expect(screen.text).not.toContain('PRIVATE KEY');
  });

  it('the settings JSON names the certificate file and never copies the key', async () => {
    const credential = await certificate();
    const { outcome } = run({ saveSettings: true, settingsPath: ENTER, writeEnv: false }, { credential, answers });
    const [path] = (await outcome).files;
    const text = readFileSync(path!, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      certificatePath: credential.certificate.path,
      certificateThumbprint: credential.certificate.thumbprintSha1,
      certificateThumbprintSha256: credential.certificate.thumbprintSha256,
    });
    expect(text).not.toContain('PRIVATE KEY');
    expect(JSON.parse(settingsJson(answers, credential, true))).not.toHaveProperty('clientSecret');
  });

  it('the .env names the file as AZURE_CLIENT_CERTIFICATE_PATH, and `check` accepts it from there', async () => {
    const credential = await certificate();
    const text = envFile(answers, credential);
    const read = execFileSync('sh', ['-c', `set -a; eval "$1"; printf '%s|%s' "$AZURE_CLIENT_CERTIFICATE_PATH" "\${AZURE_CLIENT_SECRET-unset}"`, 'sh', text], { encoding: 'utf8', env: {} });
    expect(read).toBe(`${credential.certificate.path}|unset`);
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain('PASSWORD');
  });

  it('an encrypted key: the password is named, never written', async () => {
    const credential = await certificate({ password: 'correct horse' });
    expect(credential.certificate.passwordProtected).toBe(true);
    const text = envFile(answers, credential);
    expect(text).toContain('set AZURE_CLIENT_CERTIFICATE_PASSWORD too');
    expect(text).not.toContain('correct horse');
    const { outcome, screen } = run({ saveSettings: false, writeEnv: false }, { credential, answers });
    await outcome;
    expect(screen.paramsOf('wizard.finish.repeat')).toEqual([{ credentialFrom: 'certificate-password' }]);
    expect(checkCommandLine(answers, credential)).toContain(`--certificate '${credential.certificate.path}'`);
  });
});

describe('before the start', () => {
  it('says what is needed, that Security Defaults block SMTP AUTH, and recommends Conditional Access', async () => {
    const screen = recordingScreen();
    expect(await beforeStart({ progressFile: '/p/config.json', sandbox: false }, { prompter: scriptedPrompter({ start: ENTER }), screen })).toEqual({ kind: 'next' });
    const blocks = screen.shown.map(({ block }) => block);
    expect(blocks).toContainEqual({ kind: 'list', items: [msg('wizard.intro.need-admin'), msg('wizard.intro.need-powershell'), msg('wizard.intro.need-mailbox')] });
    expect(blocks).toContainEqual({
      kind: 'list',
      items: [
        msg('wizard.intro.security-defaults'),
        msg('wizard.intro.conditional-access'),
        msg('wizard.intro.nothing-changed'),
        msg('wizard.intro.progress-saved', { path: '/p/config.json' }),
      ],
    });
    expect(screen.ids()).not.toContain('wizard.intro.demo');
    const demo = recordingScreen();
    expect(await beforeStart({ progressFile: null, sandbox: true }, { prompter: scriptedPrompter({ start: false }), screen: demo })).toEqual({ kind: 'stop' });
    expect(demo.ids()).toEqual(expect.arrayContaining(['wizard.intro.progress-not-saved', 'wizard.intro.demo']));
  });
});

describe('the end on Windows: commands for PowerShell', () => {
  it('repeats the check with PowerShell quoting and loads the .env with Get-Content, not set -a', async () => {
    const workDir = scratchDir('finish-ps');
    const { outcome, screen } = run({ saveSettings: false, writeEnv: true, envPath: ENTER, keepSecret: false }, { workDir, shell: 'powershell', os: 'win32' });
    await outcome;
    const path = join(workDir, '.env');
    const text = screen.results;
    expect(text).not.toContain('set -a');
    expect(text).not.toContain('export ');
    expect(text).toContain(`  Get-Content -LiteralPath '${path}' -Encoding UTF8 | Where-Object { $_ -match '^\\w+=' } | ForEach-Object { `);
    expect(text).toContain(`Set-Item -Path "env:$name" -Value $value }`);
    // npx.cmd: PowerShell on Windows would pick npx.ps1, which the default execution policy refuses.
    expect(text).toContain(`  npx.cmd smtp-oauth-setup check --tenant-id ${IDS.tenantId} --client-id ${IDS.clientId} --mailbox alerts@contoso.com --from noreply@contoso.com --to it@contoso.com`);
  });

  it('quotes a certificate path the PowerShell way (single quotes, a quote doubled)', () => {
    const answers = { ...ANSWERS, from: 'alerts@contoso.com' };
    const credential = { kind: 'certificate', certificate: { path: "C:\\Users\\o'brien\\My Certs\\smtp.pem" } } as unknown as Credential;
    const posix = checkCommandLine(answers, credential);
    const powershell = checkCommandLine(answers, credential, 'powershell');
    expect(posix).toContain(`--certificate 'C:\\Users\\o'\\''brien\\My Certs\\smtp.pem'`);
    expect(powershell).toContain(`--certificate 'C:\\Users\\o''brien\\My Certs\\smtp.pem'`);
  });
});
