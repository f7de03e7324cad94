import type { AdminRole } from '../../diagnose/types.js';
import { defineMessages, message, samples } from '../define.js';
import { formatterFor } from '../format.js';
import { vocabularyEn as v } from '../vocabulary/en.js';
import { ROLE_NAMES } from './diagnosis-admin.js';

const f = formatterFor('en');
const roleSamples = samples<readonly AdminRole[]>(['applicationAdministrator', 'cloudApplicationAdministrator', 'globalAdministrator'], ['exchangeAdministrator'], []);
const roles = (r: readonly AdminRole[]) => f.list(r.map((role) => ROLE_NAMES[role]), 'disjunction');

/**
 * `setup --automatic`: the plan in plain words (what `--dry-run` prints), its options' help, and the
 * refusal while the execution is not built. Cmdlets, parameters and Graph names stay as they are.
 */
export const automaticEn = defineMessages({
  'automatic.plan.heading': 'Automatic setup: the plan',
  'automatic.plan.dry-run': 'Dry run: nothing was signed in to and nothing was changed.',
  'automatic.plan.mailbox': message({ mailbox: 'string', from: 'string', same: 'boolean' }, (p) =>
    p.same ? `Mailbox and sender: ${p.mailbox}` : `Mailbox: ${p.mailbox}, sender (Send As): ${p.from}`,
  ),
  'automatic.plan.endpoints': message({ cloud: 'string', graphUrl: 'string', exchangeUrl: 'string' }, (p) => `Cloud ${p.cloud}: Microsoft Graph ${p.graphUrl}, Exchange Online ${p.exchangeUrl}`),
  'automatic.plan.tenant': message({ tenant: 'string?' }, (p) =>
    p.tenant ? `In the ${v.tenant} ${p.tenant}` : `In the ${v.tenant} the administrator signs in to`,
  ),
  'automatic.plan.section.read': 'Read first (changes nothing)',
  'automatic.plan.section.graph': 'Step 1 through Microsoft Graph',
  'automatic.plan.section.exchange': "Steps 2–3 through Exchange Online's admin endpoint",
  'automatic.plan.section.check': 'Then',
  'automatic.step.read-security-defaults': `Read whether ${v.securityDefaults} are on (they block SMTP AUTH; an unreadable policy is reported as "could not check").`,
  'automatic.step.read-smtp-auth-organization': "Read the organisation's SMTP AUTH setting (Get-TransportConfig).",
  'automatic.step.read-smtp-auth-mailbox': message({ mailbox: 'string' }, (p) => `Read the SMTP AUTH setting of the ${v.mailbox} ${p.mailbox} (Get-CASMailbox).`),
  'automatic.step.read-exchange-service-principal': 'Look for an existing Exchange service principal of the app and compare its object id (Get-ServicePrincipal).',
  'automatic.step.find-exchange-role': message({ role: 'string' }, (p) => `Look up the app role ${p.role} of ${v.exchangeOnlineApi} in this ${v.tenant}.`),
  'automatic.step.create-app': message({ name: 'string', tag: 'string', role: 'string' }, (p) =>
    `Create the app registration "${p.name}" (${v.singleTenant}, tag ${p.tag}) with the ${v.applicationPermission} ${p.role} on its ${v.apiPermissions} page.`,
  ),
  'automatic.step.create-service-principal': `Create its ${v.servicePrincipal} (listed under ${v.enterpriseApplications}): its object id is the one steps 2–3 need.`,
  'automatic.step.grant-app-role': message({ role: 'string' }, (p) => `Grant ${v.adminConsent} for ${p.role} (an app role assignment).`),
  'automatic.step.add-secret': message({ until: 'date' }, (p) => `Add a client secret valid until ${f.date(p.until)}; it is shown to nobody in this plan, since it does not exist yet.`),
  'automatic.step.add-certificate': message({ until: 'date' }, (p) => `Create a certificate valid until ${f.date(p.until)} and upload it to the app (its private key stays on this machine).`),
  'automatic.step.exchange-cmdlet': message({ command: 'string' }, (p) => `Run ${p.command}`),
  'automatic.step.check': message({ mailbox: 'string' }, (p) => `Check the result as the app: a token, then SMTP AUTH as ${p.mailbox}, waiting out the propagation.`),
  'automatic.step.later-value': 'Values in <…> come from the step that creates them.',
  'automatic.plan.from-step': message({ step: ['create-app', 'create-service-principal'], field: 'string' }, (p) => `<from ${p.step}: ${p.field}>`),
  'automatic.step.needs': message({ scopes: 'strings', roles: roleSamples }, (p) =>
    p.roles.length > 0 ? `needs ${f.list(p.scopes, 'conjunction')}, as ${roles(p.roles)}` : `needs ${f.list(p.scopes, 'conjunction')}`,
  ),
  'automatic.mailbox-missing': '--automatic needs --mailbox <address>',
  'automatic.secret-months-invalid': message({ value: 'string', min: 'number', max: 'number' }, (p) => `--secret-months: "${p.value}" is not a whole number of months from ${p.min} to ${p.max}`),
  'automatic.url-invalid': message({ flag: 'string', value: 'string' }, (p) => `${p.flag}: "${p.value}" is not an https URL`),
  'automatic.app-name-empty': '--app-name: the name is empty',
  'automatic.flag-needs-automatic': message({ flags: 'strings' }, (p) => `${f.list(p.flags, 'conjunction')}: only with --automatic`),

  // Help of the options.
  'automatic.help.app-name': 'display name of the new app registration (default: "smtp-oauth-setup <mailbox>")',
  'automatic.help.credential': 'credential the new app gets (default: secret)',
  'automatic.help.secret-months': message({ min: 'number', max: 'number', months: 'number' }, (p) => `months the credential is valid, ${p.min}–${p.max} (default: ${p.months})`),
  'automatic.help.dry-run': 'print the plan and stop, without signing in',
  'automatic.help.graph-url': "Microsoft Graph's v1.0 root (default: the cloud's)",
  'automatic.help.exchange-url': "Exchange Online's admin host (default: the cloud's)",
  'automatic.help.automatic': 'let the tool do steps 1–3 after an administrator sign-in, then prove the result',
  'automatic.help.json': 'print the plan, or the result (ids, checks, the proof), as JSON; never a secret',
  'automatic.help.browser': 'sign in as an administrator in a browser instead of by device code',
  'automatic.help.admin-client-id': 'sign in through your own public client (pre-authorized for Graph and Exchange) instead of Microsoft Azure CLI',
  'automatic.help.env-file': 'write the new client secret into this .env file for the sending application (0600)',
  'automatic.help.secret-file': 'write the new client secret alone into this file (0600)',
  'automatic.help.show-secret': 'show the new client secret once on this terminal',
  'automatic.help.wait': 'how long the proof waits for the changes to take effect (default: 30m)',
  'automatic.confirm-plan': 'Carry out this plan in your tenant?',
  'automatic.needs-yes': '--automatic without a terminal needs --yes to confirm the plan (or --dry-run to see it)',
  'automatic.secret-flags-with-certificate': '--save-secret, --env-file, --secret-file and --show-secret are for a client secret, not for --credential certificate',
  'automatic.show-secret-needs-terminal': '--show-secret: only on a terminal (the secret must never reach a log)',
  'automatic.run.declined': 'Nothing was signed in to or changed.',
  'automatic.run.resuming': message({ path: 'string' }, (p) => `Continuing the setup recorded in ${p.path}: what exists is reused, nothing is made twice.`),
  'automatic.run.creating': message({ what: ['app', 'service-principal', 'consent', 'secret'] }, (p) =>
    p.what === 'app'
      ? 'Creating the app registration…'
      : p.what === 'service-principal'
        ? `Creating its ${v.servicePrincipal}…`
        : p.what === 'consent'
          ? `Granting ${v.adminConsent} for SMTP.SendAsApp…`
          : 'Adding a client secret…',
  ),
  'automatic.run.proving': 'Proving the result with the new credential (token and SMTP), waiting for the changes to take effect if needed…',
  'automatic.run.done': message({ clientId: 'string', tenantId: 'string' }, (p) =>
    `Done: the app ${p.clientId} in the ${v.tenant} ${p.tenantId} sends through Exchange Online. Run \`smtp-oauth-setup check\` at any time to check it again.`,
  ),
  'automatic.run.blocked': `Nothing was changed: ${v.securityDefaults} are on and would refuse SMTP AUTH. Turn them off (or replace them by Conditional Access) and run this again.`,
  'automatic.run.repair-declined': message({ objectId: 'string' }, (p) =>
    `Nothing was changed in Exchange Online: its ${v.servicePrincipal} of the app keeps the wrong object id, so SMTP AUTH will fail. It must name ${p.objectId}; run this again and confirm the repair.`,
  ),











});
