/**
 * The Exchange Online PowerShell for setup steps 2 and 3, with the admin's values filled in. Pure:
 * the wizard shows it, writes it to a .ps1 on request, and the tests compare its exact lines.
 *
 * Cmdlets and parameters: Microsoft's "Authenticate an IMAP, POP or SMTP connection using OAuth"
 * (New-ServicePrincipal, Add-MailboxPermission), the Set-CASMailbox / Get-TransportConfig references
 * (SmtpClientAuthenticationDisabled) and Add-RecipientPermission (SendAs).
 */
import { msg, t } from '../messages/index.js';
import { psArgument, psCommentText } from '../powershell-quote.js';
import type { Block } from './show.js';

/**
 * A comment for people, in the language in use: one `#` line per line of the message. Values in it
 * go through psCommentText before they reach the message.
 */
function comment(text: string): string[] {
  return text.split('\n').map((line) => `# ${line}`);
}

/**
 * Every value in a command goes through psArgument and every value in a comment through psCommentText
 * (src/powershell-quote.ts): an app name such as "Contoso’s sender" (the token's app_displayname) or a
 * mailbox such as -a@contoso.com must reach the cmdlet as it is, and nothing may end a comment early.
 */
export interface ExchangeScriptValues {
  /** Tenant id (GUID) or its .onmicrosoft.com / verified domain. */
  tenant: string;
  clientId: string;
  /** The token's `oid`: the Enterprise application's (service principal's) object id. */
  servicePrincipalObjectId: string;
  /** Name of the service principal in Exchange (shown by Get-ServicePrincipal). */
  displayName: string;
  mailbox: string;
  /** Sender address; SendAs is granted only when it differs from the mailbox. */
  from: string;
  /** `-ExchangeEnvironmentName` for a sovereign cloud; omitted for the worldwide one. */
  exchangeEnvironmentName?: string;
}

export interface ExchangeScript {
  /** Step 2 lines: module, connection, service principal, mailbox permission (and SendAs). */
  servicePrincipal: string[];
  /** Step 3 lines: SMTP AUTH on the mailbox and the commands that verify it. */
  smtpAuth: string[];
  /** The whole .ps1 file: a header, both sections and the disconnect. */
  script: string;
}

/**
 * The .ps1 file as written: UTF-8 with a byte order mark. Windows PowerShell 5.1 reads a script
 * without a BOM in the system's ANSI code page, so a name such as "Müller Versand" would reach
 * Exchange garbled (about_Character_Encoding); PowerShell 7 reads either form as UTF-8.
 */
export function ps1FileContent(script: string): string {
  return `\uFEFF${script}`;
}

/**
 * How to run the saved script where the execution policy refuses scripts (the default on Windows
 * clients: Restricted; about_Execution_Policies). `-ExecutionPolicy Bypass` on the command line applies
 * to that one process only and changes no policy. `path` unknown: a placeholder.
 */
export function runScriptLines(path?: string): string[] {
  return [t('files.ps1.policy-blocked'), `  ${runScriptCommand(path)}`, t('files.ps1.policy-pwsh')];
}

function runScriptCommand(path?: string): string {
  return `powershell -ExecutionPolicy Bypass -File ${path === undefined ? t('files.ps1.this-file') : psArgument(path)}`;
}

/** The same on the wizard's screen, after the script is saved. */
export function runScriptBlocks(path: string): Block[] {
  return [
    { kind: 'note', text: msg('files.ps1.policy-blocked') },
    { kind: 'commands', lines: [runScriptCommand(path)], gap: false },
    { kind: 'note', text: msg('files.ps1.policy-pwsh') },
  ];
}

export function sendsAsAnotherAddress(values: Pick<ExchangeScriptValues, 'mailbox' | 'from'>): boolean {
  return values.from.trim().toLowerCase() !== values.mailbox.trim().toLowerCase();
}

/** Step 2: module, connection, the service principal with the token's object id, mailbox access. */
export function servicePrincipalLines(values: ExchangeScriptValues): string[] {
  const app = psArgument(values.clientId);
  const sp = psArgument(values.servicePrincipalObjectId);
  const environment =
    values.exchangeEnvironmentName && values.exchangeEnvironmentName !== 'O365Default' ? ` -ExchangeEnvironmentName ${psArgument(values.exchangeEnvironmentName)}` : '';
  const lines = [
    ...comment(t('files.ps1.install-module')),
    '# [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
    'Install-Module -Name ExchangeOnlineManagement -Scope CurrentUser',
    // Interactive sign-in takes no tenant: -Organization is for app-only (certificate) and managed
    // identity sign-in, with the .onmicrosoft.com domain (Connect-ExchangeOnline reference); the
    // admin's account decides the tenant, and -UserPrincipalName only preselects that account.
    ...comment(t('files.ps1.sign-in', { tenant: psCommentText(values.tenant) })),
    `Connect-ExchangeOnline${environment}`,
    '',
    ...comment(t('files.ps1.object-id')),
    `New-ServicePrincipal -AppId ${app} -ObjectId ${sp} -DisplayName ${psArgument(values.displayName)}`,
    ...comment(t('files.ps1.check-object-id', { objectId: psCommentText(values.servicePrincipalObjectId) })),
    `Get-ServicePrincipal -Identity ${app} | Format-List DisplayName,AppId,ObjectId`,
    '',
    ...comment(t('files.ps1.full-access')),
    `Add-MailboxPermission -Identity ${psArgument(values.mailbox)} -User ${sp} -AccessRights FullAccess`,
  ];
  if (sendsAsAnotherAddress(values)) {
    lines.push(
      ...comment(t('files.ps1.send-as', { from: psCommentText(values.from) })),
      `Add-RecipientPermission -Identity ${psArgument(values.from)} -Trustee ${sp} -AccessRights SendAs -Confirm:$false`,
    );
  }
  return lines;
}

/** Step 3: SMTP AUTH on for the mailbox, and the two commands that show the result. */
export function smtpAuthLines(mailboxAddress: string): string[] {
  const mailbox = psArgument(mailboxAddress);
  return [
    ...comment(t('files.ps1.smtp-auth')),
    `Set-CASMailbox -Identity ${mailbox} -SmtpClientAuthenticationDisabled $false`,
    ...comment(t('files.ps1.check-smtp-auth')),
    `Get-CASMailbox -Identity ${mailbox} | Format-List SmtpClientAuthenticationDisabled`,
    'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled',
  ];
}

export function buildExchangeScript(values: ExchangeScriptValues): ExchangeScript {
  const servicePrincipal = servicePrincipalLines(values);
  const smtpAuth = smtpAuthLines(values.mailbox);

  const script = [
    ...comment(t('files.ps1.header', { clientId: psCommentText(values.clientId), displayName: psCommentText(values.displayName) })),
    // A comment line close to "# SIG # Begin signature block" ends the valid script (tokenizer.cs,
    // ScanToEndOfCommentLine: edit distance < 10 without spaces): each comment with values keeps at least
    // 10 characters of its own text that no value can turn into that line ("For tenant , mailbox ." + line end: 13).
    ...comment(
      t('files.ps1.for', {
        tenant: psCommentText(values.tenant),
        mailbox: psCommentText(values.mailbox),
        ...(sendsAsAnotherAddress(values) && { from: psCommentText(values.from) }),
      }),
    ),
    ...comment(t('files.ps1.run-it')),
    ...runScriptLines().map((line) => `# ${line}`),
    '',
    `# ---- ${t('files.ps1.section-2')} ----`,
    ...servicePrincipal,
    '',
    `# ---- ${t('files.ps1.section-3')} ----`,
    ...smtpAuth,
    '',
    'Disconnect-ExchangeOnline -Confirm:$false',
    '',
  ].join('\r\n');

  return { servicePrincipal, smtpAuth, script };
}
