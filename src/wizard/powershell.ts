/**
 * The Exchange Online PowerShell for setup steps 2 and 3, with the admin's values filled in. Pure:
 * the wizard shows it, writes it to a .ps1 on request, and the tests compare its exact lines.
 *
 * Cmdlets and parameters: Microsoft's "Authenticate an IMAP, POP or SMTP connection using OAuth"
 * (New-ServicePrincipal, Add-MailboxPermission), the Set-CASMailbox / Get-TransportConfig references
 * (SmtpClientAuthenticationDisabled) and Add-RecipientPermission (SendAs).
 */
import { psArgument, psCommentText } from '../powershell-quote.js';

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
  const file = path === undefined ? '<this file>' : psArgument(path);
  return [
    `If PowerShell says running scripts is disabled on this system (execution policy), run this one file with:`,
    `  powershell -ExecutionPolicy Bypass -File ${file}`,
    '(pwsh instead of powershell for PowerShell 7; the computer\'s policy stays as it is.)',
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
    '# Once per machine: the Exchange Online PowerShell module. On Windows Server 2016 (Windows',
    '# PowerShell 5.1), if Install-Module fails with a download or TLS error, first run:',
    '# [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
    'Install-Module -Name ExchangeOnlineManagement -Scope CurrentUser',
    // Interactive sign-in takes no tenant: -Organization is for app-only (certificate) and managed
    // identity sign-in, with the .onmicrosoft.com domain (Connect-ExchangeOnline reference); the
    // admin's account decides the tenant, and -UserPrincipalName only preselects that account.
    `# Sign in as an Exchange administrator of tenant ${psCommentText(values.tenant)} (-UserPrincipalName <you@domain> picks the account).`,
    `Connect-ExchangeOnline${environment}`,
    '',
    "# -ObjectId is the token's oid claim: the Enterprise application's object id, NOT the Object ID",
    '# shown under App registrations (the classic mistake, which makes Exchange answer 535 5.7.3).',
    `New-ServicePrincipal -AppId ${app} -ObjectId ${sp} -DisplayName ${psArgument(values.displayName)}`,
    `# Check: ObjectId must read ${psCommentText(values.servicePrincipalObjectId)}.`,
    `Get-ServicePrincipal -Identity ${app} | Format-List DisplayName,AppId,ObjectId`,
    '',
    '# The app may log in to this mailbox (the XOAUTH2 user).',
    `Add-MailboxPermission -Identity ${psArgument(values.mailbox)} -User ${sp} -AccessRights FullAccess`,
  ];
  if (sendsAsAnotherAddress(values)) {
    lines.push(
      `# The sender ${psCommentText(values.from)} is not the mailbox: the app also needs SendAs on it.`,
      `Add-RecipientPermission -Identity ${psArgument(values.from)} -Trustee ${sp} -AccessRights SendAs -Confirm:$false`,
    );
  }
  return lines;
}

/** Step 3: SMTP AUTH on for the mailbox, and the two commands that show the result. */
export function smtpAuthLines(mailboxAddress: string): string[] {
  const mailbox = psArgument(mailboxAddress);
  return [
    '# SMTP AUTH for this mailbox (overrides the organization-wide setting).',
    `Set-CASMailbox -Identity ${mailbox} -SmtpClientAuthenticationDisabled $false`,
    '# Check: the mailbox must show False. The organization setting below may stay True: the mailbox',
    '# setting wins. Empty for the mailbox means it inherits the organization setting.',
    `Get-CASMailbox -Identity ${mailbox} | Format-List SmtpClientAuthenticationDisabled`,
    'Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled',
  ];
}

export function buildExchangeScript(values: ExchangeScriptValues): ExchangeScript {
  const servicePrincipal = servicePrincipalLines(values);
  const smtpAuth = smtpAuthLines(values.mailbox);

  const script = [
    `# smtp-oauth-setup: Exchange Online setup for app ${psCommentText(values.clientId)} (${psCommentText(values.displayName)})`,
    // A comment line close to "# SIG # Begin signature block" ends the valid script (tokenizer.cs,
    // ScanToEndOfCommentLine: edit distance < 10 without spaces): each comment with values keeps at least
    // 10 characters of its own text that no value can turn into that line ("For tenant , mailbox ." + line end: 13).
    `# For tenant ${psCommentText(values.tenant)}, mailbox ${psCommentText(values.mailbox)}${sendsAsAnotherAddress(values) ? `, sender ${psCommentText(values.from)}` : ''}.`,
    '# Run it in PowerShell, line by line or as a whole. Changes take 15-30 minutes to apply.',
    ...runScriptLines().map((line) => `# ${line}`),
    '',
    '# ---- Step 2: Exchange service principal and mailbox permission ----',
    ...servicePrincipal,
    '',
    '# ---- Step 3: SMTP AUTH on the mailbox ----',
    ...smtpAuth,
    '',
    'Disconnect-ExchangeOnline -Confirm:$false',
    '',
  ].join('\r\n');

  return { servicePrincipal, smtpAuth, script };
}
