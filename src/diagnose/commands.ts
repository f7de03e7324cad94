/**
 * The commands a diagnosis' fix tells the admin to run, built ONCE in code from the failure's values,
 * whatever the language: every language's text shows these very strings. Values are quoted as
 * PowerShell or a POSIX shell reads them back exactly; an unknown value stays a bare `<placeholder>`
 * (the language's word for it, given by the caller) to be replaced by hand.
 */
import { psArgument } from '../powershell-quote.js';
import { shellQuote } from '../shell.js';
import { commandLine } from './layout.js';

/** A known value, or the placeholder that stands in for it. */
export interface Shown {
  readonly value: string | undefined;
  readonly placeholder: string;
}

const ps = (s: Shown) => (s.value === undefined ? s.placeholder : psArgument(s.value));
const raw = (s: Shown) => s.value ?? s.placeholder;

export interface CommandInputs {
  tenant: Shown;
  client: Shown;
  mailbox: Shown;
  sender: Shown;
  servicePrincipal: Shown;
  /** The authority host in use (or the cloud's). */
  authority: string;
  /** Host and port a port test and a DNS lookup concern: the failure's own, else the cloud's SMTP endpoint. */
  testHost: string;
  testPort: number;
  /** The AADSTS number recognised, for Microsoft's error lookup page. */
  aadsts?: string;
}

export interface DiagnosisCommands {
  readonly getServicePrincipal: string;
  readonly removeServicePrincipal: string;
  readonly newServicePrincipal: string;
  readonly addMailboxPermission: string;
  readonly getMailboxPermission: string;
  readonly getCasMailbox: string;
  readonly getTransportConfig: string;
  readonly setCasMailbox: string;
  readonly setTransportConfig: string;
  readonly addRecipientPermission: string;
  readonly setOrganizationConfigSendFromAlias: string;
  readonly azSpCreate: string;
  readonly newMgServicePrincipal: string;
  readonly azSpEnable: string;
  /** `Test-NetConnection` and `nc` lines, each on its own line with the shell it is for. */
  readonly portTest: string;
  readonly nslookup: string;
  /** Setting NODE_EXTRA_CA_CERTS, on their own lines with the shell each is for. */
  readonly extraCaCerts: string;
  /** `https://<authority>/<tenant>`: the authority URL of the client-credentials flow. */
  readonly authorityUrl: string;
  readonly openIdConfigurationUrl: string;
  /** Microsoft's page for an AADSTS number, when one was recognised. */
  readonly errorLookupUrl?: string;
}

export function diagnosisCommands(v: CommandInputs): DiagnosisCommands {
  const client = ps(v.client);
  const mailbox = ps(v.mailbox);
  const sp = ps(v.servicePrincipal);
  const commands: DiagnosisCommands = {
    getServicePrincipal: `Get-ServicePrincipal -Identity ${client} | Format-List AppId,ObjectId`,
    removeServicePrincipal: `Remove-ServicePrincipal -Identity ${client}`,
    newServicePrincipal: `New-ServicePrincipal -AppId ${client} -ObjectId ${sp}`,
    addMailboxPermission: `Add-MailboxPermission -Identity ${mailbox} -User ${sp} -AccessRights FullAccess`,
    getMailboxPermission: `Get-MailboxPermission -Identity ${mailbox} | Format-List User,AccessRights`,
    getCasMailbox: `Get-CASMailbox -Identity ${mailbox} | Format-List SmtpClientAuthenticationDisabled`,
    getTransportConfig: 'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled',
    setCasMailbox: `Set-CASMailbox -Identity ${mailbox} -SmtpClientAuthenticationDisabled $false`,
    setTransportConfig: 'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
    addRecipientPermission: `Add-RecipientPermission -Identity ${ps(v.sender)} -Trustee ${sp} -AccessRights SendAs`,
    setOrganizationConfigSendFromAlias: 'Set-OrganizationConfig -SendFromAliasEnabled $true',
    azSpCreate: `az ad sp create --id ${raw(v.client)}`,
    newMgServicePrincipal: `New-MgServicePrincipal -AppId ${client}`,
    azSpEnable: `az ad sp update --id ${raw(v.servicePrincipal)} --set accountEnabled=true`,
    portTest:
      `${commandLine(`Test-NetConnection ${psArgument(v.testHost)} -Port ${v.testPort}`)}   (Windows PowerShell)` +
      `${commandLine(`nc -vz ${shellQuote(v.testHost)} ${v.testPort}`)}   (Linux, macOS)`,
    nslookup: `nslookup ${v.testHost}`,
    extraCaCerts:
      `${commandLine('export NODE_EXTRA_CA_CERTS=/path/to/proxy-ca.pem')}   (Linux, macOS)` +
      `${commandLine("$env:NODE_EXTRA_CA_CERTS = 'C:\\path\\to\\proxy-ca.pem'")}   (Windows PowerShell)`,
    authorityUrl: `https://${v.authority}/${raw(v.tenant)}`,
    openIdConfigurationUrl: `https://${v.authority}/${raw(v.tenant)}/v2.0/.well-known/openid-configuration`,
  };
  return v.aadsts ? { ...commands, errorLookupUrl: `https://login.microsoftonline.com/error?code=${v.aadsts}` } : commands;
}
