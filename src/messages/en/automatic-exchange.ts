import { defineMessages, message } from '../define.js';

/**
 * `setup --automatic`, steps 2–3 through Exchange Online's admin endpoint and the read-only checks
 * before any change. Cmdlets and parameters stay as they are.
 */
export const automaticExchangeEn = defineMessages({
  'automatic-exchange.sp.reading': message({ appId: 'string' }, (p) => `Reading Exchange's service principal of the app ${p.appId} (Get-ServicePrincipal).`),
  'automatic-exchange.sp.creating': message({ objectId: 'string' }, (p) => `Creating Exchange's service principal with the Enterprise application's object id ${p.objectId} (New-ServicePrincipal).`),
  'automatic-exchange.sp.waiting': message({ seconds: 'number' }, (p) => `Exchange does not see the new service principal yet; waiting ${p.seconds} s and trying again.`),
  'automatic-exchange.sp.confirmed': 'Exchange service principal confirmed.',
  'automatic-exchange.sp.repair-question': message({ found: 'string', expected: 'string' }, (p) =>
    `Exchange's service principal of this app has the object id ${p.found}, but the Enterprise application's is ${p.expected}. Remove it and create it again with ${p.expected}?`,
  ),
  'automatic-exchange.sp.removing': message({ objectId: 'string' }, (p) => `Removing the wrong Exchange service principal ${p.objectId} (Remove-ServicePrincipal).`),
  'automatic-exchange.mailbox.granting': message({ mailbox: 'string' }, (p) => `Granting FullAccess on ${p.mailbox} (Add-MailboxPermission).`),
  'automatic-exchange.mailbox.confirmed': 'Mailbox access confirmed.',
  'automatic-exchange.send-as.granting': message({ mailbox: 'string', from: 'string' }, (p) => `Granting Send As on ${p.mailbox} for the sender ${p.from} (Add-RecipientPermission).`),
  'automatic-exchange.send-as.confirmed': 'Send As confirmed.',
  'automatic-exchange.smtp-auth.enabling': message({ mailbox: 'string' }, (p) => `Turning SMTP AUTH on for ${p.mailbox} (Set-CASMailbox).`),
  'automatic-exchange.smtp-auth.confirmed': "The mailbox's SMTP AUTH confirmed on.",
  'automatic-exchange.handover.warning':
    "Exchange Online's admin endpoint answered in a way this tool does not know. Nothing is assumed to have worked: do steps 2–3 with PowerShell, with the values below.",
  'automatic-exchange.check.security-defaults.on': 'Security Defaults are on: they block SMTP AUTH. Turn them off (or use Conditional Access) before the setup.',
  'automatic-exchange.check.security-defaults.off': 'Security Defaults are off.',
  'automatic-exchange.check.security-defaults.unknown': 'Could not check whether Security Defaults are on.',
  'automatic-exchange.check.organization.on': "The organisation's SMTP AUTH is on.",
  'automatic-exchange.check.organization.off-overridden': "The organisation's SMTP AUTH is off; the mailbox's own setting, which the setup turns on, overrides it.",
  'automatic-exchange.check.organization.unknown': "Could not read the organisation's SMTP AUTH setting.",
  'automatic-exchange.check.mailbox.on': message({ mailbox: 'string' }, (p) => `SMTP AUTH is on for ${p.mailbox}.`),
  'automatic-exchange.check.mailbox.will-change': message({ mailbox: 'string' }, (p) => `SMTP AUTH is not on for ${p.mailbox}: the setup turns it on.`),
  'automatic-exchange.check.mailbox.unknown': message({ mailbox: 'string' }, (p) => `Could not read the SMTP AUTH setting of ${p.mailbox}.`),
  'automatic-exchange.check.sp.ok': "Exchange's service principal of the app is missing or right.",
  'automatic-exchange.check.sp.wrong': message({ found: 'string', expected: 'string' }, (p) =>
    `Exchange's service principal of the app has the object id ${p.found} instead of ${p.expected}: the setup repairs it (after asking).`,
  ),
  'automatic-exchange.check.sp.unknown': "Could not read Exchange's service principal of the app.",
});
