import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/**
 * The language chosen end to end (the built CLI): input errors and refusals in German and English,
 * exit 2 and one line each. The rule itself is tested in test/messages/language.test.ts.
 */
describe('the language of the command line', () => {
  it('SMTP_OAUTH_LANG=de: an input error is a German line, exit 2', async () => {
    const run = await runCli(['check', '--tenant-id', 'x', '--client-id', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', '--mailbox', 'm@contoso.com'], {
      env: { SMTP_OAUTH_LANG: 'de', AZURE_CLIENT_SECRET: 'Abc8Q~not.a.real.secret_value-0123456789' },
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'smtp-oauth-setup: --tenant-id: muss die Mandanten-ID (eine GUID, Entra ID → Übersicht → Mandanten-ID) oder eine verifizierte Domäne wie contoso.onmicrosoft.com sein\n',
    );
  });

  it('the same error in English without a language set', async () => {
    const run = await runCli(['check', '--tenant-id', 'x', '--client-id', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', '--mailbox', 'm@contoso.com'], {
      env: { AZURE_CLIENT_SECRET: 'Abc8Q~not.a.real.secret_value-0123456789', LANG: 'C.UTF-8' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'smtp-oauth-setup: --tenant-id: must be the tenant ID (a GUID, Entra ID → Overview → Tenant ID) or a verified domain such as contoso.onmicrosoft.com\n',
    );
  });

  it('LANG=de_DE.UTF-8: what is missing, in German', async () => {
    const run = await runCli(['check'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatchSnapshot();
  });

  it('--lang de: a parse error of commander in German', async () => {
    const run = await runCli(['check', '--jsn', '--lang', 'de']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('smtp-oauth-setup: Unbekannte Option „--jsn“ (meinten Sie --json?) (siehe --help)\n');
  });

  it('an unknown language is refused in one line, exit 2, before anything else', async () => {
    const flag = await runCli(['--lang', 'fr', 'check']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toBe("smtp-oauth-setup: --lang 'fr': not a language this tool speaks (en, de)\n");
    const env = await runCli(['--help'], { env: { SMTP_OAUTH_LANG: 'klingon' } });
    expect(env.status).toBe(2);
    expect(env.stderr).toBe("smtp-oauth-setup: SMTP_OAUTH_LANG 'klingon': not a language this tool speaks (en, de)\n");
  });
});
