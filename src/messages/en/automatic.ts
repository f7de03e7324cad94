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
  'automatic.step.needs': message({ scopes: 'strings', roles: roleSamples }, (p) =>
    p.roles.length > 0 ? `needs ${f.list(p.scopes, 'conjunction')}, as ${roles(p.roles)}` : `needs ${f.list(p.scopes, 'conjunction')}`,
  ),
  'automatic.not-available':
    'The automatic setup cannot change the tenant yet: add --dry-run to see its plan, or run `smtp-oauth-setup setup` for the guided setup.',
  'automatic.mailbox-missing': '--automatic needs --mailbox <address>',
  'automatic.secret-months-invalid': message({ value: 'string', min: 'number', max: 'number' }, (p) => `--secret-months: "${p.value}" is not a whole number of months from ${p.min} to ${p.max}`),
  'automatic.url-invalid': message({ flag: 'string', value: 'string' }, (p) => `${p.flag}: "${p.value}" is not an https URL`),
  'automatic.app-name-empty': '--app-name: the name is empty',
  'automatic.flag-needs-automatic': message({ flags: 'strings' }, (p) => `${f.list(p.flags, 'conjunction')}: only with --automatic`),

  // Help of the options.
  'automatic.help.automatic': 'let the tool do steps 1–3 after one administrator sign-in (for now: only with --dry-run)',
  'automatic.help.app-name': 'display name of the new app registration (default: "smtp-oauth-setup <mailbox>")',
  'automatic.help.credential': 'credential the new app gets (default: secret)',
  'automatic.help.secret-months': message({ min: 'number', max: 'number', months: 'number' }, (p) => `months the credential is valid, ${p.min}–${p.max} (default: ${p.months})`),
  'automatic.help.dry-run': 'print the plan and stop, without signing in',
  'automatic.help.json': 'print the plan as JSON',
  'automatic.help.graph-url': "Microsoft Graph's v1.0 root (default: the cloud's)",
  'automatic.help.exchange-url': "Exchange Online's admin host (default: the cloud's)",
});
