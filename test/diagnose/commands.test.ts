import { describe, expect, it } from 'vitest';
import { diagnosisCommands } from '../../src/diagnose/commands.js';

const unknown = (placeholder: string) => ({ value: undefined, placeholder });
const known = (value: string) => ({ value, placeholder: '<unused>' });

describe('the commands of a fix', () => {
  const base = {
    tenant: unknown('<tenant id>'),
    client: known('5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f'),
    mailbox: known('-a@contoso.com'),
    sender: unknown('<sender address>'),
    servicePrincipal: unknown('<object id>'),
    authority: 'login.microsoftonline.com',
    testHost: 'smtp.office365.com',
    testPort: 587,
  };

  it('quote known values as PowerShell reads them back and leave placeholders bare', () => {
    const c = diagnosisCommands(base);
    expect(c.addMailboxPermission).toBe("Add-MailboxPermission -Identity '-a@contoso.com' -User <object id> -AccessRights FullAccess");
    expect(c.addRecipientPermission).toBe('Add-RecipientPermission -Identity <sender address> -Trustee <object id> -AccessRights SendAs');
    expect(c.authorityUrl).toBe('https://login.microsoftonline.com/<tenant id>');
  });

  it('test the port from both shells, each line under the step', () => {
    expect(diagnosisCommands({ ...base, testHost: '1e5' }).portTest).toBe(
      "\n     Test-NetConnection '1e5' -Port 587   (Windows PowerShell)\n     nc -vz 1e5 587   (Linux, macOS)",
    );
  });

  it("give Microsoft's lookup page only for a recognised AADSTS number", () => {
    expect(diagnosisCommands(base).errorLookupUrl).toBeUndefined();
    expect(diagnosisCommands({ ...base, aadsts: '9999999' }).errorLookupUrl).toBe('https://login.microsoftonline.com/error?code=9999999');
  });
});
