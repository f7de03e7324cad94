import { describe, expect, it } from 'vitest';
import { psArgument } from '../../src/powershell-quote.js';
import { buildExchangeScript, servicePrincipalLines, smtpAuthLines } from '../../src/wizard/powershell.js';

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
