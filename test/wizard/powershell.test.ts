import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressSchema, tenantIdSchema } from '../../src/inputs/schemas.js';
import { psArgument } from '../../src/powershell-quote.js';
import {
  buildExchangeScript,
  type ExchangeScriptValues,
  ps1FileContent,
  runScriptLines,
  sendsAsAnotherAddress,
  servicePrincipalLines,
  smtpAuthLines,
} from '../../src/wizard/powershell.js';
import { HOSTILE_VALUES } from '../support/hostile-values.js';
import { commandsOf } from '../support/powershell-tokens.js';

const VALUES = {
  tenant: 'contoso.onmicrosoft.com',
  clientId: '9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002',
  servicePrincipalObjectId: 'e71f0b36-9d24-4c8a-8b51-5a4db0c5e004',
  displayName: 'SMTP sender',
  mailbox: 'alerts@contoso.com',
  from: 'alerts@contoso.com',
};

/** The lines that are commands (comments and blank lines are for people). */
const commands = (lines: string[]) => lines.filter((line) => line !== '' && !line.startsWith('#'));

describe('the Exchange Online PowerShell for steps 2 and 3', () => {
  it('step 2: module, connection, service principal with the token oid, a check, and FullAccess', () => {
    expect(commands(servicePrincipalLines(VALUES))).toEqual([
      'Install-Module -Name ExchangeOnlineManagement -Scope CurrentUser',
      'Connect-ExchangeOnline',
      "New-ServicePrincipal -AppId 9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002 -ObjectId e71f0b36-9d24-4c8a-8b51-5a4db0c5e004 -DisplayName 'SMTP sender'",
      'Get-ServicePrincipal -Identity 9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002 | Format-List DisplayName,AppId,ObjectId',
      'Add-MailboxPermission -Identity alerts@contoso.com -User e71f0b36-9d24-4c8a-8b51-5a4db0c5e004 -AccessRights FullAccess',
    ]);
  });

  it('adds SendAs only when the sender differs from the mailbox (case-insensitively)', () => {
    expect(commands(servicePrincipalLines({ ...VALUES, from: 'ALERTS@contoso.com' })).some((l) => l.startsWith('Add-RecipientPermission'))).toBe(false);
    expect(commands(servicePrincipalLines({ ...VALUES, from: 'noreply@contoso.com' })).at(-1)).toBe(
      'Add-RecipientPermission -Identity noreply@contoso.com -Trustee e71f0b36-9d24-4c8a-8b51-5a4db0c5e004 -AccessRights SendAs -Confirm:$false',
    );
  });

  it('says why the object id is the token oid, not the app registration object id', () => {
    const comments = servicePrincipalLines(VALUES).filter((line) => line.startsWith('#')).join(' ');
    expect(comments).toContain("token's oid claim");
    expect(comments).toContain('NOT the Object ID');
    expect(comments).toContain('App registrations');
  });

  it('step 3: SMTP AUTH on for the mailbox, then the mailbox and organization settings', () => {
    expect(commands(smtpAuthLines('alerts@contoso.com'))).toEqual([
      'Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false',
      'Get-CASMailbox -Identity alerts@contoso.com | Format-List SmtpClientAuthenticationDisabled',
      'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled',
    ]);
  });

  it('names the sovereign cloud in Connect-ExchangeOnline, and not the worldwide default', () => {
    expect(servicePrincipalLines({ ...VALUES, exchangeEnvironmentName: 'O365USGovGCCHigh' })).toContain(
      'Connect-ExchangeOnline -ExchangeEnvironmentName O365USGovGCCHigh',
    );
    expect(servicePrincipalLines({ ...VALUES, exchangeEnvironmentName: 'O365Default' })).toContain('Connect-ExchangeOnline');
  });

  it('signs in interactively without -Organization (app-only and managed identity only), naming the tenant in a comment', () => {
    const lines = servicePrincipalLines(VALUES);
    expect(lines.join('\n')).not.toContain('-Organization');
    expect(lines).toContain(`# Sign in as an Exchange administrator of tenant ${VALUES.tenant} (-UserPrincipalName <you@domain> picks the account).`);
  });

  it('the .ps1: both steps in order, the Windows Server 2016 TLS 1.2 line commented, CRLF line ends', () => {
    const { script } = buildExchangeScript(VALUES);
    const lines = script.split('\r\n');
    expect(script).not.toMatch(/[^\r]\n/);
    expect(lines).toContain('# [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12');
    expect(lines.some((line) => line.startsWith('[Net.ServicePointManager]'))).toBe(false);
    const order = ['Install-Module', 'Connect-ExchangeOnline', 'New-ServicePrincipal', 'Add-MailboxPermission', 'Set-CASMailbox', 'Get-TransportConfig', 'Disconnect-ExchangeOnline'];
    const positions = order.map((cmdlet) => lines.findIndex((line) => line.startsWith(cmdlet)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(script.indexOf('Windows Server 2016')).toBeLessThan(script.indexOf('Install-Module'));
    // Once, and shown on screen with step 2 too.
    expect(script.split('SecurityProtocolType]::Tls12')).toHaveLength(2);
    expect(servicePrincipalLines(VALUES)).toContain('# [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12');
  });

  it('quotes values PowerShell would otherwise split or expand', () => {
    expect(psArgument('alerts@contoso.com')).toBe('alerts@contoso.com');
    expect(psArgument('SMTP sender')).toBe("'SMTP sender'");
    expect(psArgument("O'Brien $env:x")).toBe("'O''Brien $env:x'");
    expect(servicePrincipalLines({ ...VALUES, displayName: "Bob's app" })).toContain(
      "New-ServicePrincipal -AppId 9b2e7f41-3c6a-4e18-b5d2-5a4db0c5e002 -ObjectId e71f0b36-9d24-4c8a-8b51-5a4db0c5e004 -DisplayName 'Bob''s app'",
    );
  });
});

/** What the script must do, command by command, with exactly these values. */
function expectedCommands(v: ExchangeScriptValues) {
  const command = (name: string, parameters: Record<string, string> = {}, positional: string[] = []) => ({ name, parameters, positional });
  return [
    command('Install-Module', { Name: 'ExchangeOnlineManagement', Scope: 'CurrentUser' }),
    command('Connect-ExchangeOnline'),
    command('New-ServicePrincipal', { AppId: v.clientId, ObjectId: v.servicePrincipalObjectId, DisplayName: v.displayName }),
    command('Get-ServicePrincipal', { Identity: v.clientId }),
    command('Format-List', {}, ['DisplayName,AppId,ObjectId']),
    command('Add-MailboxPermission', { Identity: v.mailbox, User: v.servicePrincipalObjectId, AccessRights: 'FullAccess' }),
    ...(sendsAsAnotherAddress(v)
      ? [command('Add-RecipientPermission', { Identity: v.from, Trustee: v.servicePrincipalObjectId, AccessRights: 'SendAs', Confirm: '$false' })]
      : []),
    command('Set-CASMailbox', { Identity: v.mailbox, SmtpClientAuthenticationDisabled: '$false' }),
    command('Get-CASMailbox', { Identity: v.mailbox }),
    command('Format-List', {}, ['SmtpClientAuthenticationDisabled']),
    command('Get-TransportConfig'),
    command('Format-List', {}, ['SmtpClientAuthenticationDisabled']),
    command('Disconnect-ExchangeOnline', { Confirm: '$false' }),
  ];
}

/** The script read with PowerShell's rules as a whole and line by line: the same commands, the same line count. */
function expectScriptDoesWhatItSays(values: ExchangeScriptValues) {
  const { script, servicePrincipal, smtpAuth } = buildExchangeScript(values);
  expect(commandsOf(script)).toEqual(expectedCommands(values));
  // No value spans lines: each line alone reads as the same commands (lines are what the screen shows).
  const lines = script.split('\r\n');
  expect(lines.flatMap((line) => commandsOf(line))).toEqual(expectedCommands(values));
  expect([...servicePrincipal, ...smtpAuth].flatMap((line) => commandsOf(line))).toEqual(expectedCommands(values).slice(0, -1));
  const plain = buildExchangeScript({ ...values, displayName: 'x', servicePrincipalObjectId: 'x', tenant: VALUES.tenant });
  expect(lines).toHaveLength(plain.script.split('\r\n').length);
}

// Addresses the e-mail validation lets through that are not plain words for PowerShell.
const HOSTILE_MAILBOXES = ['-a@contoso.com', "o'brien@contoso.com", "''a@contoso.com", '-@contoso.com', '--@contoso.com', '1kb@contoso.com', 'if@contoso.com', '_x@contoso.com'];

describe('the script reads back exactly for every value validation lets through', () => {
  it('hostile mailboxes pass validation (so the script must cope with them)', () => {
    for (const mailbox of HOSTILE_MAILBOXES) expect(addressSchema.safeParse(mailbox)).toMatchObject({ success: true, data: mailbox });
  });

  it.each(HOSTILE_VALUES.map((value) => [JSON.stringify(value).slice(0, 40), value]))(
    'app display name and token oid %s (they come from the token, unvalidated)',
    (_label, value) => {
      expectScriptDoesWhatItSays({ ...VALUES, displayName: value, servicePrincipalObjectId: value });
      expectScriptDoesWhatItSays({ ...VALUES, displayName: value, from: 'noreply@contoso.com' });
    },
  );

  it.each(HOSTILE_MAILBOXES)('mailbox and sender %s', (mailbox) => {
    expectScriptDoesWhatItSays({ ...VALUES, mailbox, from: mailbox });
    expectScriptDoesWhatItSays({ ...VALUES, mailbox: 'alerts@contoso.com', from: mailbox });
  });

  it("an app named Contoso’s sender: quoted with the typographic quote doubled, the name shown as it is in the header", () => {
    const { script } = buildExchangeScript({ ...VALUES, displayName: 'Contoso’s sender' });
    expect(script).toContain("-DisplayName 'Contoso’’s sender'");
    expect(script).toContain('(Contoso’s sender)');
    expect(buildExchangeScript({ ...VALUES, mailbox: '-a@contoso.com', from: '-a@contoso.com' }).script).toContain("Set-CASMailbox -Identity '-a@contoso.com' ");
  });

  it('arbitrary names, object ids, tenants and addresses (fast-check)', () => {
    const local = fc.string({ unit: fc.constantFrom(..."abz09_'+-.".split('')), minLength: 1, maxLength: 12 });
    const address = fc
      .tuple(local, fc.constantFrom('contoso.com', 'mail.contoso.co.uk', 'x-y.io'))
      .map(([l, domain]) => addressSchema.safeParse(`${l}@${domain}`))
      .filter((r) => r.success)
      .map((r) => r.data!);
    const tenant = fc.oneof(fc.uuid(), fc.domain()).filter((t) => tenantIdSchema.safeParse(t).success);
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...HOSTILE_VALUES));
    fc.assert(
      fc.property(anyText, anyText, tenant, address, address, (displayName, servicePrincipalObjectId, tenantId, mailbox, from) => {
        expectScriptDoesWhatItSays({ ...VALUES, tenant: tenantId, displayName, servicePrincipalObjectId, mailbox, from });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the .ps1 file', () => {
  it('is UTF-8 with a byte order mark, so Windows PowerShell 5.1 reads a non-ASCII name right', () => {
    const content = ps1FileContent(buildExchangeScript({ ...VALUES, displayName: 'Müller Versand' }).script);
    const bytes = Buffer.from(content, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toContain("-DisplayName 'Müller Versand'");
  });

  it('says how to run it where the execution policy blocks scripts, for this one file', () => {
    const { script } = buildExchangeScript(VALUES);
    expect(script).toContain('# If PowerShell says running scripts is disabled on this system (execution policy), run this one file with:');
    expect(script).toContain('#   powershell -ExecutionPolicy Bypass -File <this file>');
    expect(runScriptLines("C:\\Users\\Renée O'Neil\\smtp.ps1")).toContain("  powershell -ExecutionPolicy Bypass -File 'C:\\Users\\Renée O''Neil\\smtp.ps1'");
  });
});
