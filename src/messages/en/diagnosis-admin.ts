import { numbered } from '../../diagnose/layout.js';
import type { AdminOperation, AdminRole } from '../../diagnose/types.js';
import type { DiagnosisView } from '../../diagnose/view.js';
import { defineMessages } from '../define.js';
import { formatterFor } from '../format.js';
import { vocabularyEn as w } from '../vocabulary/en.js';
import { diagnosisText as d, minutes, said } from './diagnosis.js';

const f = formatterFor('en');

/** The Entra roles by the names Microsoft gives them. */
export const ROLE_NAMES: Record<AdminRole, string> = {
  globalAdministrator: w.roleGlobalAdministrator,
  applicationAdministrator: w.roleApplicationAdministrator,
  cloudApplicationAdministrator: w.roleCloudApplicationAdministrator,
  privilegedRoleAdministrator: w.rolePrivilegedRoleAdministrator,
  exchangeAdministrator: w.roleExchangeAdministrator,
  globalReader: w.roleGlobalReader,
  securityReader: w.roleSecurityReader,
  securityAdministrator: w.roleSecurityAdministrator,
};

/** "Application Administrator, Cloud Application Administrator or Global Administrator". */
const roles = (v: DiagnosisView) => f.list((v.admin?.neededRoles ?? []).map((r) => ROLE_NAMES[r]), 'disjunction');
const scopes = (v: DiagnosisView) => f.list(v.admin?.missingScopes ?? [], 'conjunction');

/** What the refused operation does, as the object of "needed to …" (one whole phrase per operation). */
const TO_DO: Record<AdminOperation, string> = {
  'sign-in': 'sign in',
  'read-applications': 'read app registrations and service principals',
  'write-applications': "create or change the app registration, its service principal and its credentials",
  'grant-permission': `grant the ${w.applicationPermission} SMTP.SendAsApp (${w.adminConsent})`,
  'read-policy': `read the ${w.securityDefaults} setting`,
  'exchange-admin': "run the Exchange cmdlets of steps 2–3 through Exchange Online's admin endpoint",
};
const toDo = (v: DiagnosisView) => TO_DO[v.admin?.operation ?? 'write-applications'];

const NOTHING_CHANGED = 'Nothing was changed in the tenant by this step.';
const GUIDED = 'If you would rather not let a tool change the tenant, the guided setup (portal and PowerShell) does the same steps by hand.';

/** The diagnoses of the automatic setup: the administrator's sign-in, Microsoft Graph, Exchange's admin endpoint. */
export const diagnosisAdminEn = defineMessages({
  'diagnosis.admin-sign-in-expired.title': 'Administrator sign-in expired before it was completed',
  'diagnosis.admin-sign-in-expired.summary': d(
    () =>
      `The sign-in code was not entered and approved in time, so Entra ID no longer accepts it (a device code lasts about 15 minutes). ${NOTHING_CHANGED}`,
  ),
  'diagnosis.admin-sign-in-expired.fix': d(() =>
    numbered(
      'Start the automatic setup again and enter the new code at the address shown before it expires.',
      'On a computer with a browser, the browser sign-in avoids typing a code.',
    ),
  ),

  'diagnosis.admin-sign-in-declined.title': 'Administrator sign-in declined',
  'diagnosis.admin-sign-in-declined.summary': d(
    (v) => `The sign-in was declined on Microsoft's sign-in page, so the tool has no administrator token${said(v)} ${NOTHING_CHANGED}`,
  ),
  'diagnosis.admin-sign-in-declined.fix': d(() => numbered('Start the automatic setup again and approve the sign-in with an administrator account.', GUIDED)),

  'diagnosis.admin-client-not-authorized.title': 'The sign-in client cannot get this token in your tenant',
  'diagnosis.admin-client-not-authorized.summary': d((v) =>
    v.admin?.signInClient
      ? `Entra ID refused the public client ${v.admin.signInClient} the administrator signed in with: it is not known in the tenant, or not allowed to ask for this resource${said(v)}`
      : `Entra ID refused the public client the administrator signed in with: it is not known in the tenant, or not allowed to ask for this resource${said(v)}`,
  ),
  'diagnosis.admin-client-not-authorized.fix': d(() =>
    numbered(
      "Sign in with your own public client instead: an app registration in your tenant with public client flows allowed and the delegated permissions of Microsoft Graph and Exchange Online that the automatic setup needs, with admin consent.",
      'Check the client id you gave, if you gave one: a mistyped or deleted app is not known to the tenant.',
      GUIDED,
    ),
  ),

  'diagnosis.admin-scope-missing.title': 'The administrator token lacks a delegated permission',
  'diagnosis.admin-scope-missing.summary': d((v) => {
    const count = v.admin?.missingScopes?.length ?? 0;
    return count === 0
      ? `The administrator's token does not carry the delegated permission needed to ${toDo(v)}. The token was checked before any change: nothing was changed.`
      : f.plural(count, {
          one: `The administrator's token does not carry the delegated permission ${scopes(v)}, needed to ${toDo(v)}. The token was checked before any change: nothing was changed.`,
          other: `The administrator's token does not carry the delegated permissions ${scopes(v)}, needed to ${toDo(v)}. The token was checked before any change: nothing was changed.`,
        });
  }),
  'diagnosis.admin-scope-missing.fix': d((v) =>
    numbered(
      v.admin?.signInClient
        ? `The public client ${v.admin.signInClient} is not allowed these permissions: sign in with your own public client that has them (delegated, with admin consent).`
        : 'The public client signed in with is not allowed these permissions: sign in with your own public client that has them (delegated, with admin consent).',
      GUIDED,
    ),
  ),

  'diagnosis.admin-role-missing.title': 'The signed-in administrator lacks the role for this step',
  'diagnosis.admin-role-missing.summary': d((v) =>
    (v.admin?.neededRoles?.length ?? 0) > 0
      ? `The signed-in account may not ${toDo(v)}${said(v)} That needs one of the roles ${roles(v)}.`
      : `The signed-in account may not ${toDo(v)}${said(v)}`,
  ),
  'diagnosis.admin-role-missing.fix': d((v) =>
    numbered(
      (v.admin?.neededRoles?.length ?? 0) > 0
        ? `Sign in with an account that holds one of these roles: ${roles(v)}. With Privileged Identity Management, activate the role first, then sign in again.`
        : 'Sign in with an account that holds a role allowing this step. With Privileged Identity Management, activate the role first, then sign in again.',
      'A refusal is never retried: it does not pass by waiting.',
      GUIDED,
    ),
  ),

  'diagnosis.admin-token-refused.title': 'Microsoft refused the administrator token',
  'diagnosis.admin-token-refused.summary': d(
    (v) => `Microsoft Graph or Exchange's admin endpoint did not accept the administrator's token (expired, or for another resource)${said(v)}`,
  ),
  'diagnosis.admin-token-refused.fix': d(() => numbered('Start the automatic setup again: it signs in afresh. Objects made so far are found and reused.')),

  'diagnosis.admin-object-not-found.title': 'An object is not there (or not replicated yet)',
  'diagnosis.admin-object-not-found.summary': d((v) =>
    v.admin?.waitedSeconds !== undefined
      ? `An object the step refers to was not found, even after waiting ${minutes(v.admin.waitedSeconds)} for Entra ID's replication${said(v)}`
      : `An object the step refers to was not found. Right after it was created this is replication: Entra ID has no stated delay for it${said(v)}`,
  ),
  'diagnosis.admin-object-not-found.fix': d(() =>
    numbered(
      'If the object was created in the last minutes, wait a few minutes and run the automatic setup again: it finds and reuses what exists.',
      'If it was deleted meanwhile, run the automatic setup again to create it anew.',
    ),
  ),

  'diagnosis.admin-throttled.title': 'Microsoft is throttling the requests',
  'diagnosis.admin-throttled.summary': d((v) =>
    v.retryAfterSeconds !== undefined
      ? `Microsoft Graph or Exchange's admin endpoint asked the tool to slow down and wait ${minutes(v.retryAfterSeconds)}${said(v)}`
      : `Microsoft Graph or Exchange's admin endpoint asked the tool to slow down${said(v)}`,
  ),
  'diagnosis.admin-throttled.fix': d((v) =>
    numbered(
      v.retryAfterSeconds !== undefined
        ? `Wait ${minutes(v.retryAfterSeconds)}, then run the automatic setup again; it reuses what it made.`
        : 'Wait a few minutes, then run the automatic setup again; it reuses what it made.',
    ),
  ),

  'diagnosis.admin-service-unavailable.title': 'Microsoft Graph or the Exchange admin endpoint is temporarily unavailable',
  'diagnosis.admin-service-unavailable.summary': d((v) =>
    v.status !== undefined
      ? `The service answered HTTP ${v.status}, a temporary failure on Microsoft's side${said(v)}`
      : `The service answered with a temporary failure on Microsoft's side${said(v)}`,
  ),
  'diagnosis.admin-service-unavailable.fix': d(() => numbered('Wait a few minutes, then run the automatic setup again; it reuses what it made.')),

  'diagnosis.admin-endpoint-unexpected.title': "Exchange's admin endpoint gave an answer this tool does not know",
  'diagnosis.admin-endpoint-unexpected.summary': d((v) =>
    v.admin?.cmdlet
      ? `Exchange Online's admin endpoint answered ${v.admin.cmdlet} in a form this tool does not know. The endpoint is not documented by Microsoft and may change, so the tool stops steps 2–3 here instead of assuming they worked.`
      : "Exchange Online's admin endpoint answered in a form this tool does not know. The endpoint is not documented by Microsoft and may change, so the tool stops steps 2–3 here instead of assuming they worked.",
  ),
  'diagnosis.admin-endpoint-unexpected.fix': d(() =>
    numbered(
      `Do steps 2–3 with the generated PowerShell script in ${w.exchangeOnlinePowerShell}: it has the values of this setup filled in.`,
      'Then run check to prove the result.',
    ),
  ),

  'diagnosis.admin-request-failed.title': 'Microsoft Graph or the Exchange admin endpoint refused a request',
  'diagnosis.admin-request-failed.summary': d((v) =>
    v.status !== undefined
      ? `The request to ${toDo(v)} was refused with HTTP ${v.status}${said(v)}`
      : `The request to ${toDo(v)} was refused${said(v)}`,
  ),
  'diagnosis.admin-request-failed.fix': d(() =>
    numbered('Read Microsoft\'s words above: they name the value or the object at fault.', 'Run the automatic setup again once it is fixed; it reuses what it made.', GUIDED),
  ),
});
