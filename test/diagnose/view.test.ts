import { describe, expect, it } from 'vitest';
import { diagnosisView, type Placeholders } from '../../src/diagnose/view.js';

const PH: Placeholders = { tenant: '<T>', client: '<C>', mailbox: '<M>', sender: '<S>', servicePrincipal: '<SP>' };

describe('the view of a failure', () => {
  it('keeps unknown values unknown and shows them as the given placeholders', () => {
    const v = diagnosisView({}, PH);
    expect(v.clientId).toBeUndefined();
    expect(v.show).toEqual(PH);
    expect(v.cmd.newServicePrincipal).toBe('New-ServicePrincipal -AppId <C> -ObjectId <SP>');
    expect(v.where).toEqual({ kind: 'unknown' });
    expect(v.exchangeAnswered).toBe(true);
  });

  it('shows known values as they are and quotes them in commands', () => {
    const v = diagnosisView({ clientId: 'abc', mailbox: "o'brien@contoso.com", servicePrincipalObjectId: 'x y' }, PH);
    expect(v.show.client).toBe('abc');
    expect(v.show.mailbox).toBe("o'brien@contoso.com");
    expect(v.cmd.addMailboxPermission).toBe("Add-MailboxPermission -Identity 'o''brien@contoso.com' -User 'x y' -AccessRights FullAccess");
  });

  it("takes the cloud's hosts and scope from the cloud table: --cloud first, then the authority host", () => {
    const dod = diagnosisView({ cloud: 'usgovdod' }, PH);
    expect([dod.cloud, dod.cloudGiven, dod.scope, dod.cloudSmtpHost, dod.authority]).toEqual([
      'usgovdod',
      'usgovdod',
      'https://outlook-dod.office365.us/.default',
      'outlook-dod.office365.us',
      'login.microsoftonline.us',
    ]);
    const china = diagnosisView({ authorityHost: 'https://login.partner.microsoftonline.cn' }, PH);
    expect([china.cloud, china.cloudGiven, china.scope]).toEqual(['china', undefined, 'https://partner.outlook.cn/.default']);
    expect(diagnosisView({ cloud: 'mars' }, PH).cloud).toBe('global');
  });

  it('says where the failure happened: the address, else the endpoint of the server concerned', () => {
    expect(diagnosisView({ host: 'relay.example.net', port: 2525 }, PH).where).toEqual({ kind: 'address', address: 'relay.example.net:2525' });
    expect(diagnosisView({ target: 'token' }, PH).where).toEqual({ kind: 'token-endpoint', authority: 'login.microsoftonline.com' });
    expect(diagnosisView({ target: 'smtp', smtpHost: 'smtp.office365.com', smtpPort: 587 }, PH).where).toEqual({ kind: 'smtp-endpoint', address: 'smtp.office365.com:587' });
  });

  it('tells Exchange Online from another server that answered', () => {
    expect(diagnosisView({ host: 'smtp.office365.com' }, PH).exchangeAnswered).toBe(true);
    expect(diagnosisView({ host: 'mail.example.net' }, PH).exchangeAnswered).toBe(false);
  });
});
