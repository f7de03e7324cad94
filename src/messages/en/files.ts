import { defineMessages, message } from '../define.js';
import { vocabularyEn as v } from '../vocabulary/en.js';
import { commonEn } from './common.js';

/**
 * The comments of the files the wizard writes: the Exchange Online PowerShell (.ps1) and the .env.
 * A line break in a text is a new comment line. Commands stay in code, the same in every language.
 * Each comment with values keeps at least 10 characters of its own words (see wizard/powershell.ts:
 * a comment line close to "# SIG # Begin signature block" would end the script).
 */
export const filesEn = defineMessages({
  'files.ps1.header': message(
    { clientId: 'string', displayName: 'string' },
    (p) => `smtp-oauth-setup: Exchange Online setup for app ${p.clientId} (${p.displayName})`,
  ),
  'files.ps1.for': message({ tenant: 'string', mailbox: 'string', from: 'string?' }, (p) =>
    p.from ? `For tenant ${p.tenant}, mailbox ${p.mailbox}, sender ${p.from}.` : `For tenant ${p.tenant}, mailbox ${p.mailbox}.`,
  ),
  'files.ps1.run-it': 'Run it in PowerShell, line by line or as a whole. Changes take 15-30 minutes to apply.',
  'files.ps1.policy-blocked': 'If PowerShell says running scripts is disabled on this system (execution policy), run this one file with:',
  'files.ps1.policy-pwsh': "(pwsh instead of powershell for PowerShell 7; the computer's policy stays as it is.)",
  'files.ps1.this-file': '<this file>',
  'files.ps1.section-2': `Step 2: ${commonEn['step.2.title']} and mailbox permission`,
  'files.ps1.section-3': `Step 3: ${commonEn['step.3.title']}`,
  'files.ps1.install-module':
    'Once per machine: the Exchange Online PowerShell module. On Windows Server 2016 (Windows\nPowerShell 5.1), if Install-Module fails with a download or TLS error, first run:',
  'files.ps1.sign-in': message(
    { tenant: 'string' },
    (p) => `Sign in as an Exchange administrator of tenant ${p.tenant} (-UserPrincipalName <you@domain> picks the account).`,
  ),
  'files.ps1.object-id': `-ObjectId is the token's oid claim: the Enterprise application's object id, NOT the ${v.objectId}\nshown under ${v.appRegistrations} (the classic mistake, which makes Exchange answer 535 5.7.3).`,
  'files.ps1.check-object-id': message({ objectId: 'string' }, (p) => `Check: ObjectId must read ${p.objectId}.`),
  'files.ps1.full-access': 'The app may log in to this mailbox (the XOAUTH2 user).',
  'files.ps1.send-as': message({ from: 'string' }, (p) => `The sender ${p.from} is not the mailbox: the app also needs SendAs on it.`),
  'files.ps1.smtp-auth': 'SMTP AUTH for this mailbox (overrides the organization-wide setting).',
  'files.ps1.check-smtp-auth':
    'Check: the mailbox must show False. The organization setting below may stay True: the mailbox\nsetting wins. Empty for the mailbox means it inherits the organization setting.',
  'files.env.secret': message({ mailbox: 'string' }, (p) => `smtp-oauth-setup: ${p.mailbox}. Holds the client secret: keep it private (mode 0600).`),
  'files.env.certificate': message(
    { mailbox: 'string' },
    (p) => `smtp-oauth-setup: ${p.mailbox}. The certificate's private key stays in its own file (mode 0600).`,
  ),
  'files.env.certificate-password': 'Its key is encrypted: set AZURE_CLIENT_CERTIFICATE_PASSWORD too (not written here).',
});
