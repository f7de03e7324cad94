import { defineMessages, message } from '../define.js';
import { vocabularyEn as v } from '../vocabulary/en.js';

/** `remove`: the removal plan in plain words, its refusals and the options' help. Cmdlets stay as they are. */
export const removeEn = defineMessages({
  'remove.plan.heading': 'Remove: the plan',
  'remove.plan.dry-run': 'Dry run: nothing was signed in to and nothing was changed.',
  'remove.plan.app': message({ clientId: 'string' }, (p) => `App registration, ${v.applicationClientId} ${p.clientId}`),
  'remove.plan.mailbox': message({ mailbox: 'string', from: 'string', same: 'boolean' }, (p) =>
    p.same ? `Mailbox and sender: ${p.mailbox}` : `Mailbox: ${p.mailbox}, sender (Send As): ${p.from}`,
  ),
  'remove.plan.tenant': message({ tenant: 'string?' }, (p) => (p.tenant ? `In the ${v.tenant} ${p.tenant}` : `In the ${v.tenant} the administrator signs in to`)),
  'remove.plan.endpoints': message({ cloud: 'string', graphUrl: 'string', exchangeUrl: 'string' }, (p) => `Cloud ${p.cloud}: Microsoft Graph ${p.graphUrl}, Exchange Online ${p.exchangeUrl}`),
  'remove.step.exchange-cmdlet': message({ command: 'string' }, (p) => `Run ${p.command} (skipped if it is already gone)`),
  'remove.step.delete-app': message({ clientId: 'string', days: 'number' }, (p) =>
    `Delete the app registration ${p.clientId}; this also removes its ${v.servicePrincipal} under ${v.enterpriseApplications}. Entra ID keeps it in "Deleted applications" for ${p.days} days, where it can be restored.`,
  ),
  'remove.step.forget-saved': "Forget the saved configuration's answers for this app, and its client secret in the credential store if one was saved.",
  'remove.plan.later-value': 'Values in <…> come from the app once it has been found.',
  'remove.plan.tag-rule': 'Only an app the tool created (tag smtp-oauth-setup) is removed, unless --force is given.',
  'remove.client-id-missing': 'remove needs --client-id <id> (none given and none in the saved configuration)',
  'remove.mailbox-missing': 'remove needs --mailbox <address> (none given and none in the saved configuration)',
  'remove.client-id-invalid': message({ value: 'string' }, (p) => `--client-id: "${p.value}" is not an application (client) id (a GUID)`),
  'remove.confirm-needed': 'remove changes the tenant: confirm with --yes (with --no-input it never asks)',
  'remove.confirm-question': 'Remove all of this now? [y/N] ',
  'remove.cancelled': 'Nothing was removed.',
  'remove.refused-untagged': message({ clientId: 'string', name: 'string' }, (p) =>
    `The app ${p.clientId} ("${p.name}") lacks the tag smtp-oauth-setup: the tool did not create it, so it is not removed. Add --force to remove it anyway.`,
  ),
  'remove.app-not-found': message({ clientId: 'string' }, (p) => `No app registration ${p.clientId} in this ${v.tenant}: nothing to remove in Entra ID; what Exchange still holds for it is removed.`),
  'remove.event.removed': message({ step: 'string' }, (p) => `Removed: ${p.step}`),
  'remove.event.already-gone': message({ step: 'string' }, (p) => `Already gone: ${p.step}`),
  'remove.stopped': message({ step: 'string' }, (p) =>
    `Exchange gave an answer of no known shape to ${p.step}: stopped, and the app registration was kept (so nothing in Exchange points to a deleted app). Run these lines in Exchange Online PowerShell, then remove again:`,
  ),
  'remove.stopped-exit': message({ step: 'string' }, (p) => `remove stopped at ${p.step}; run the lines above, then remove again`),
  'remove.done': message({ clientId: 'string', days: 'number' }, (p) => `Removed the app ${p.clientId}. Entra ID keeps it restorable in "Deleted applications" for ${p.days} days.`),
  'remove.done-exchange-only': 'Removed what Exchange held for the app.',
  'remove.forgot-saved': 'The saved configuration no longer names this app.',
  'remove.forgot-secret': 'Its client secret was removed from the credential store.',

  // Help.
  'remove.help.description': 'Remove what the automatic setup created: Exchange permissions, the Exchange service principal, the app registration',
  'remove.help.client-id': 'application (client) id of the app to remove (default: the saved one)',
  'remove.help.mailbox': 'mailbox the app was given (default: the saved one)',
  'remove.help.from': 'sender address with Send As (default: the saved one, else the mailbox)',
  'remove.help.tenant-id': 'tenant ID (GUID) or verified domain to sign in to (default: the saved one, else the administrator\'s home tenant)',
  'remove.help.cloud': 'Microsoft cloud: global, usgov, usgovdod, china (default: the saved one, else global)',
  'remove.help.authority-host': 'Entra ID authority host (default: the cloud\'s)',
  'remove.help.admin-client-id': 'client id the administrator signs in with (default: Azure CLI)',
  'remove.help.browser': 'sign in in the browser instead of with a device code',
  'remove.help.force': 'also remove an app that lacks the tool\'s tag',
  'remove.help.dry-run': 'print the plan and stop, without signing in',
  'remove.help.yes': 'confirm the removal without asking',
  'remove.help.no-input': 'never ask (without --yes: refuse)',
  'remove.help.json': 'print the plan and results as JSON',
});
