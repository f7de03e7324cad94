import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { parseValid } from '../support/json-schema.js';

/**
 * `explain`, spawned as users run it, for a representative set of texts (every catalog text and
 * wrapping goes through the same engine in-process in test/diagnose).
 */

interface ExplainJson {
  recognized: boolean;
  diagnosis: { code: string; step: number | null; transient: boolean; propagation: boolean; summary: string; fix: string; source: string | null; learnMore?: string } | null;
  others?: Array<{ code: string }>;
  lookedFor?: Array<{ kind: string; known: number; examples: string[] }>;
  suggestion?: string;
}

const env = { NO_COLOR: '1' };

describe('explain: recognised texts (exit 0)', () => {
  const cases: Array<[name: string, text: string, code: string, step: number | null, transient: boolean, propagation: boolean, source: string]> = [
    [
      'nodemailer, modern suffix',
      'Error: Invalid login: 535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com 2024-03-20T10:27:56.998Z 08DC48BEE95C08E5]',
      'smtp-auth-unsuccessful',
      2,
      false,
      true,
      '535 5.7.3',
    ],
    [
      'Python smtplib, tenant-wide SMTP AUTH off',
      "smtplib.SMTPAuthenticationError: (535, b'5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [TY1PR01CA0183.jpnprd01.prod.outlook.com]')",
      'smtp-auth-disabled-tenant',
      3,
      false,
      true,
      '535 5.7.139',
    ],
    [
      'MailKit, basic authentication',
      'MailKit.Security.AuthenticationException: 535: 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PH7P220CA0132.NAMP220.PROD.OUTLOOK.COM 2024-11-11T21:51:32.927Z 08DD021D9EEB05BC]',
      'smtp-basic-auth-disabled',
      4,
      false,
      false,
      '535 5.7.139',
    ],
    [
      'log line with a date, end of DATA',
      '2025-01-17T08:15:02.114Z ERROR [mailer] send failed: 550 5.7.60 SMTP; Client does not have permissions to send as this sender [MW2PR1901MB2155.namprd19.prod.outlook.com]',
      'smtp-send-as-denied',
      2,
      false,
      true,
      '550 5.7.60',
    ],
    [
      'MSAL.NET, application not found',
      "Microsoft.Identity.Client.MsalServiceException: AADSTS700016: Application with identifier '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f' was not found in the directory 'contoso.onmicrosoft.com'.",
      'app-not-found-in-tenant',
      4,
      false,
      false,
      'AADSTS700016',
    ],
    [
      'msal-node ServerError, expired secret (number only in Error(s))',
      'ServerError: invalid_client: Error(s): 7000222 - Timestamp: 2024-12-03 13:51:30Z - Description: The provided client secret keys are expired. - Correlation ID: x - Trace ID: y',
      'client-secret-expired',
      1,
      false,
      false,
      'AADSTS7000222',
    ],
    [
      'PHP mailer, the reply repeated in its own format (,451,5.7.3) is not a 535 5.7.3',
      '2026-12-01 09:14:11 SMTP ERROR: MAIL FROM command failed: 451 5.7.3 STARTTLS is required to send mail [AM0PR01CA0001.eurprd01.prod.exchangelabs.com] ,451,5.7.3',
      'smtp-starttls-required',
      4,
      false,
      false,
      '451 5.7.3',
    ],
  ];

  it.each(cases)('%s → %s', async (_name, text, code, step, transient, propagation, source) => {
    const run = await runCli(['explain', text, '--json'], { env });
    expect(run.status, run.stderr).toBe(0);
    const body = parseValid<ExplainJson>('explain', run.stdout);
    expect(body.recognized).toBe(true);
    expect(body.diagnosis).toMatchObject({ code, step, transient, propagation, source });
    // The contract's fields, every one present (learnMore and problems null when they do not apply); nothing else.
    expect(Object.keys(body.diagnosis ?? {}).sort()).toEqual(['code', 'fix', 'learnMore', 'problems', 'propagation', 'source', 'step', 'summary', 'transient']);
  });

  it('prints the diagnosis for a person in the style of check, with the values given filled in', async () => {
    const run = await runCli(
      ['explain', 'Invalid login: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]', '--mailbox', 'alerts@contoso.com'],
      { env: { ...env, AZURE_CLIENT_ID: '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f' } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('✖ Exchange Online refused the XOAUTH2 login for mailbox alerts@contoso.com');
    expect(run.stdout).toContain('Setup step: 2 of 4, Exchange service principal');
    // 535 5.7.3 is a propagation answer: waiting helps only after a recent change; it is not "temporary".
    expect(run.stdout).toContain('Waiting may help if you changed this in the last hour');
    expect(run.stdout).not.toContain('try again later');
    expect(run.stdout).toContain('Add-MailboxPermission -Identity alerts@contoso.com');
    expect(run.stdout).toContain('Get-ServicePrincipal -Identity 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f');
    expect(run.stdout).toContain('Recognised: 535 5.7.3');
    expect(run.stdout).not.toMatch(/\x1b\[/);
  });

  it('reads a pasted log from standard input with -', async () => {
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description:
        "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f'.\r\nTrace ID: 6ee9ec92-6726-422a-85ce-86a1a6502800\r\nCorrelation ID: 521b9148-40bc-455a-ace1-c13802e053eb\r\nTimestamp: 2024-12-03 13:51:30Z",
      error_codes: [7000215],
    });
    const run = await runCli(['explain', '-', '--json'], { env, input: `[2024-12-03 13:51:31,004] ERROR token request failed\n${body}\n` });
    expect(run.status, run.stderr).toBe(0);
    expect((parseValid<ExplainJson>('explain', run.stdout)).diagnosis).toMatchObject({ code: 'client-secret-invalid', step: 1, source: 'AADSTS7000215' });
  });

  it('several codes in one text: the most specific wins, the others are listed', async () => {
    const text = [
      "10:00:01 token: AADSTS7000222: The provided client secret keys for app 'x' are expired.",
      '10:00:02 smtp: 535 5.7.3 Authentication unsuccessful [SN2PR00CA0018.namprd00.prod.outlook.com]',
    ].join('\n');
    const json = await runCli(['explain', text, '--json'], { env });
    const body = parseValid<ExplainJson>('explain', json.stdout);
    expect(body.diagnosis?.code).toBe('client-secret-expired');
    expect(body.others?.map((o) => o.code)).toEqual(['smtp-auth-unsuccessful']);
    const human = await runCli(['explain', text], { env });
    expect(human.stdout).toContain('Also found in this text');
    expect(human.stdout).toContain('- smtp-auth-unsuccessful (535 5.7.3):');
  });

  it('never echoes the client secret of this machine from a pasted text', async () => {
    const secret = 'Zq18Q~pasted.secret-value_0123456789abcdef';
    const run = await runCli(['explain', `AADSTS9999999: something failed for ${secret} here`], { env: { ...env, AZURE_CLIENT_SECRET: secret } });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(secret);
    expect(run.stdout).toContain('AADSTS9999999');
  });
});

describe('explain: nothing recognised (exit 2)', () => {
  it('says what it looked for and suggests check', async () => {
    const run = await runCli(['explain', 'The printer says: could not send the scan.'], { env });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nothing in this text was recognised');
    expect(run.stderr).toContain('AADSTS');
    expect(run.stderr).toContain('535 5.7.3');
    expect(run.stderr).toContain('ECONNREFUSED');
    expect(run.stderr).toContain('smtp-oauth-setup check');
  });

  it('keeps the one-object JSON contract', async () => {
    const run = await runCli(['explain', 'all good here', '--json'], { env });
    expect(run.status).toBe(2);
    const body = parseValid<ExplainJson>('explain', run.stdout);
    expect(body).toMatchObject({ recognized: false, diagnosis: null });
    expect(body.lookedFor?.length).toBeGreaterThanOrEqual(4);
    expect(body.lookedFor?.every((l) => l.known > 0 && l.examples.length > 0)).toBe(true);
    expect(body.suggestion).toContain('smtp-oauth-setup check');
  });

  it('empty standard input and invalid values are input errors (exit 2, one line each)', async () => {
    const empty = await runCli(['explain', '-'], { env, input: '' });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('standard input was empty');
    const bad = await runCli(['explain', '535 5.7.3', '--mailbox', 'not-an-address'], { env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--mailbox: must be an email address');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('with --json an input error is the recognized:false object too, with its diagnosis and the error', async () => {
    const [empty, bad, unrecognised] = await Promise.all([
      runCli(['explain', '', '--json'], { env }),
      runCli(['explain', '535 5.7.3', '--json', '--mailbox', 'not-an-address'], { env }),
      runCli(['explain', 'all good here', '--json'], { env }),
    ]);
    expect([empty.status, bad.status]).toEqual([2, 2]);
    const emptyBody = parseValid('explain', empty.stdout);
    expect(emptyBody).toMatchObject({ recognized: false, exitCode: 2, diagnosis: { code: 'input-invalid', step: 4 }, others: [], error: { problems: [expect.stringContaining('nothing to explain')] } });
    const badBody = parseValid('explain', bad.stdout);
    expect(badBody.diagnosis).toMatchObject({ code: 'input-invalid', problems: [expect.stringContaining('--mailbox: must be an email address')] });
    // The same top level as a text that was not recognised.
    expect(Object.keys(emptyBody)).toEqual(Object.keys(parseValid('explain', unrecognised.stdout)));
  });
});
