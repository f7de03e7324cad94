import { commandLine, continuation, numbered } from '../../diagnose/layout.js';
import { defineMessages } from '../define.js';
import { formatterFor } from '../format.js';
import { vocabularyEn as w } from '../vocabulary/en.js';
import {
  appPath,
  cap,
  cloudChoices,
  cloudSettings,
  consentPath,
  diagnosisText as d,
  FRESH_TOKEN,
  GRANT_CONSENT,
  listOrNone,
  minutes,
  newSecret,
  portal,
  said,
  theApp,
  theTenant,
  USE_SECRET,
} from './diagnosis.js';

const f = formatterFor('en');

/** The diagnoses of the token endpoint (catalog A) and of the token's claims (catalog C). */
export const diagnosisTokenEn = defineMessages({
  // ===== A. Entra ID token endpoint
  'diagnosis.client-secret-invalid.title': 'Invalid client secret (secret ID used instead of its Value, or a wrong value)',
  'diagnosis.client-secret-invalid.summary': d(
    (v) =>
      `Entra ID rejected the client secret for ${theApp(v)}. Usually the secret's ID (a GUID) was entered instead of its Value, or the value is cut short or belongs to another app.`,
  ),
  'diagnosis.client-secret-invalid.fix': d((v) =>
    numbered(newSecret(v.show.client), USE_SECRET, 'A secret created seconds ago can take a minute before Entra ID accepts it.'),
  ),

  'diagnosis.client-secret-expired.title': 'Client secret expired',
  'diagnosis.client-secret-expired.summary': d((v) =>
    v.secretStillAccepted
      ? `The client secret of ${theApp(v)} expired on ${v.secretExpiresOn ?? 'the date given'} (the expiry date you gave). Entra ID still issued a token with it, as it may for a short while (or the date is wrong), but it will refuse the secret with AADSTS7000222 any moment now.`
      : `The client secret of ${theApp(v)} has expired${v.secretExpiresOn ? ` (expiry date given: ${v.secretExpiresOn})` : ''}, so Entra ID no longer issues tokens with it.`,
  ),
  'diagnosis.client-secret-expired.fix': d((v) =>
    numbered(
      newSecret(v.show.client),
      USE_SECRET,
      'Note the new expiry date (portal secrets last at most 24 months), pass it to check with --secret-expires <date> so it warns in time, and delete the expired secret.',
    ),
  ),

  'diagnosis.client-secret-missing.title': 'No client secret sent',
  'diagnosis.client-secret-missing.summary': d(
    () => 'The token request carried no client secret: the secret setting of the sending application is empty or was not passed on.',
  ),
  'diagnosis.client-secret-missing.fix': d((v) =>
    numbered(
      `Set the client secret (the ${w.valueColumn} from ${appPath(v.show.client)} → ${w.certificatesAndSecrets}) in the sending application; if it is read from an environment variable or file, check that it is set for the process that sends mail.`,
      `If you no longer have the value, create a new secret: ${newSecret(v.show.client)}`,
    ),
  ),

  'diagnosis.app-not-found-in-tenant.title': 'Application not found in the tenant',
  'diagnosis.app-not-found-in-tenant.summary': d(
    (v) =>
      `Entra ID found no application ${v.clientId ? `with client id ${v.clientId}` : 'with the configured client id'} in ${theTenant(v)}: the client id or the tenant id is wrong, or the app was deleted.`,
  ),
  'diagnosis.app-not-found-in-tenant.fix': d((v) =>
    numbered(
      `${portal(w.appRegistrations, w.allApplications, 'open the app', w.overview)}: compare "${w.applicationClientId}" with ${v.show.client} and "${w.directoryTenantId}" with ${v.show.tenant}.`,
      'Correct the client id or tenant id in the sending application (step 4).',
      'If the app is registered in another tenant, register a single-tenant app in the tenant that owns the mailbox (step 1).',
    ),
  ),

  'diagnosis.app-service-principal-missing.title': 'Application has no service principal (Enterprise application) in the tenant',
  'diagnosis.app-service-principal-missing.summary': d(
    (v) =>
      `${cap(theApp(v))} is registered but has no Enterprise application (service principal) in ${theTenant(v)}, which happens when an app is created by script or API.`,
  ),
  'diagnosis.app-service-principal-missing.fix': d((v) =>
    numbered(
      `Create it with the Azure CLI:${commandLine(v.cmd.azSpCreate)}${continuation('or with Microsoft Graph PowerShell:')}${commandLine(v.cmd.newMgServicePrincipal)}`,
      `Grant admin consent: ${appPath(v.show.client)} → ${w.apiPermissions} → ${w.grantAdminConsent}.`,
      `Then do step 2 with the new Enterprise application's ${w.objectId}:${commandLine(v.cmd.newServicePrincipal)}`,
    ),
  ),

  'diagnosis.tenant-not-found.title': 'Tenant not found',
  'diagnosis.tenant-not-found.summary': d(
    (v) =>
      `Entra ID does not know ${theTenant(v)} at ${v.authority}: the tenant id is mistyped, or the tenant belongs to another Microsoft cloud.`,
  ),
  'diagnosis.tenant-not-found.fix': d((v) =>
    numbered(
      `${portal(w.entraId, w.overview)}: copy the Tenant ID (a GUID) and use it in the sending application (step 4).`,
      `Check the cloud: ${cloudChoices(v)}. This request went to ${v.authority}${v.cloudGiven ? ` (--cloud ${v.cloudGiven})` : ''}.`,
    ),
  ),

  'diagnosis.tenant-id-invalid.title': 'Tenant identifier is not a GUID or domain',
  'diagnosis.tenant-id-invalid.summary': d(
    (v) =>
      `The tenant id ${v.tenantId ? `${f.quote(v.tenantId)} ` : ''}is neither a valid GUID nor a domain name, so Entra ID cannot tell which tenant is meant.`,
  ),
  'diagnosis.tenant-id-invalid.fix': d(() =>
    numbered(
      `Use the ${w.directoryTenantId} from ${portal(w.entraId, w.overview)} (a GUID), or a verified domain such as contoso.onmicrosoft.com.`,
      'Remove quotes, spaces, URLs or a client id pasted into the tenant field.',
    ),
  ),

  'diagnosis.tenant-missing.title': 'No tenant in the request (authority /common or /organizations)',
  'diagnosis.tenant-missing.summary': d(
    () => 'The token request named no tenant (for example an authority ending in /common or /organizations); app-only tokens need the tenant id.',
  ),
  'diagnosis.tenant-missing.fix': d((v) =>
    numbered(`Use the authority ${v.cmd.authorityUrl} with your tenant GUID or verified domain, not /common or /organizations (step 4).`),
  ),

  'diagnosis.scope-not-default.title': 'Scope is not <resource>/.default',
  'diagnosis.scope-not-default.summary': d(
    () => 'The token request asked for a scope that does not end in /.default; the client-credentials flow only accepts "<resource>/.default".',
  ),
  'diagnosis.scope-not-default.fix': d((v) =>
    numbered(
      `Set the scope to exactly ${v.scope} (not SMTP.Send, SMTP.SendAsApp or offline_access) in the sending application (step 4).`,
      'The SMTP.SendAsApp permission comes from the admin-consented application permission (step 1), not from the scope.',
    ),
  ),

  'diagnosis.scope-invalid.title': 'Invalid scope value',
  'diagnosis.scope-invalid.summary': d(() => 'Entra ID rejected the requested scope as malformed.'),
  'diagnosis.scope-invalid.fix': d((v) => numbered(`Set the scope to exactly ${v.scope} — one resource, no extra scopes such as offline_access (step 4).`)),

  'diagnosis.resource-not-found.title': 'Resource principal not found in the tenant',
  'diagnosis.resource-not-found.summary': d(
    (v) => `Entra ID found no resource for the requested scope in ${theTenant(v)}: the scope has a typo or belongs to another cloud.`,
  ),
  'diagnosis.resource-not-found.fix': d((v) =>
    numbered(
      `Set the scope to exactly ${v.scope} (step 4); Microsoft Graph scopes do not work for SMTP.`,
      'If the tenant has no Exchange Online subscription, SMTP sending through Exchange Online is not available to it.',
    ),
  ),

  'diagnosis.conditional-access-blocked.title': 'Blocked by Conditional Access',
  'diagnosis.conditional-access-blocked.summary': d((v) => `A Conditional Access policy blocked the token for ${theApp(v)}.`),
  'diagnosis.conditional-access-blocked.fix': d((v) =>
    numbered(
      `${portal(w.entraId, w.monitoringHealth, w.signInLogs, w.servicePrincipalSignIns)}, filter by application ID ${v.show.client}: the failed sign-in names the policy.`,
      `${portal(w.entraId, w.conditionalAccess, w.policies)}: exclude this app from that policy, or allow the location it sends from.`,
    ),
  ),

  'diagnosis.app-disabled.title': 'Application disabled',
  'diagnosis.app-disabled.summary': d(
    (v) =>
      `${cap(theApp(v))} is disabled in ${theTenant(v)}: its Enterprise application is not enabled for sign-in, or Microsoft disabled it.`,
  ),
  'diagnosis.app-disabled.fix': d((v) =>
    numbered(
      `${portal(w.enterpriseApplications, 'the app', w.properties, `"${w.enabledForUsersToSignIn}"`, w.yes, w.save)}; or with the Azure CLI:${commandLine(v.cmd.azSpEnable)}`,
      'If Microsoft disabled the app, you cannot re-enable it: register a new app (step 1) or open a support case.',
    ),
  ),

  'diagnosis.exchange-service-principal-disabled.title': 'Resource service principal (Office 365 Exchange Online) disabled',
  'diagnosis.exchange-service-principal-disabled.summary': d(
    () =>
      'The resource the token is for is disabled in this tenant — for SMTP that is the "Office 365 Exchange Online" enterprise application (appId 00000002-0000-0ff1-ce00-000000000000).',
  ),
  'diagnosis.exchange-service-principal-disabled.fix': d(() =>
    numbered(
      `${portal(w.enterpriseApplications, `remove the "${w.applicationTypeFilter}" filter, search for "${w.exchangeOnlineApi}"`, w.properties, `"${w.enabledForUsersToSignIn}"`, w.yes, w.save)}.`,
    ),
  ),

  'diagnosis.client-assertion-invalid.title': 'Client certificate assertion has an invalid signature',
  'diagnosis.client-assertion-invalid.summary': d(
    (v) => `Entra ID could not verify the certificate assertion for ${theApp(v)}: the certificate used is not uploaded to this app.`,
  ),
  'diagnosis.client-assertion-invalid.fix': d((v) =>
    numbered(
      `${appPath(v.show.client)} → ${w.certificatesAndSecrets} → ${w.certificates}: upload the public part of the certificate the sending application uses, or configure the application with a certificate listed there (compare thumbprints).`,
    ),
  ),

  'diagnosis.client-assertion-expired.title': 'Client certificate assertion outside its validity time',
  'diagnosis.client-assertion-expired.summary': d(
    () => 'The certificate assertion was not within its valid time range, which usually means the clock of the sending machine is wrong.',
  ),
  'diagnosis.client-assertion-expired.fix': d(() => numbered('Synchronise the system clock of the sending machine (NTP) and try again.')),

  'diagnosis.token-request-malformed.title': 'Token request misses a required parameter',
  'diagnosis.token-request-malformed.summary': d(
    (v) => `The token request lacked a required parameter${v.quoted ? ` (Entra ID said: ${f.quote(v.quoted)})` : ''}.`,
  ),
  'diagnosis.token-request-malformed.fix': d((v) =>
    numbered(
      `Check that the sending application has a client id (${v.show.client}), a tenant id (${v.show.tenant}), a client secret and the scope ${v.scope} set (step 4).`,
    ),
  ),

  'diagnosis.app-is-public-client.title': 'Application is a public client',
  'diagnosis.app-is-public-client.summary': d(
    (v) =>
      `${cap(theApp(v))} is marked as a public client, so Entra ID refuses a client secret for it; the client-credentials flow needs a confidential client.`,
  ),
  'diagnosis.app-is-public-client.fix': d((v) =>
    numbered(`${appPath(v.show.client)} → ${w.authentication} → ${w.advancedSettings} → "${w.allowPublicClientFlows}" → ${w.no} → ${w.save}.`),
  ),

  'diagnosis.tenant-in-national-cloud.title': 'Tenant is in a national cloud (e.g. US Government)',
  'diagnosis.tenant-in-national-cloud.summary': d(
    (v) => `${cap(theTenant(v))} lives in a national cloud, but the token was requested from ${v.authority}.`,
  ),
  'diagnosis.tenant-in-national-cloud.fix': d((v) =>
    numbered(`For GCC High tenants run with ${cloudSettings(v, 'usgov')}; for DoD tenants with ${cloudSettings(v, 'usgovdod')} (step 4).`),
  ),

  'diagnosis.tenant-in-public-cloud.title': 'Public-cloud tenant sent to a US Government authority',
  'diagnosis.tenant-in-public-cloud.summary': d(
    (v) => `${cap(theTenant(v))} is in the worldwide cloud, but the token was requested from ${v.authority}.`,
  ),
  'diagnosis.tenant-in-public-cloud.fix': d((v) => numbered(`Run with ${cloudSettings(v, 'global')} (the default; step 4).`)),

  'diagnosis.cross-cloud-request.title': 'Confidential client used across clouds',
  'diagnosis.cross-cloud-request.summary': d(
    (v) =>
      `The app and the authority ${v.authority} belong to different Microsoft clouds, which the client-credentials flow does not support.`,
  ),
  'diagnosis.cross-cloud-request.fix': d((v) => numbered(`Use the cloud the tenant lives in: ${cloudChoices(v)} (step 4).`)),

  'diagnosis.user-sign-in-used.title': 'User sign-in error: the application is not using client credentials',
  'diagnosis.user-sign-in-used.summary': d(
    () =>
      'This is an error of a user sign-in (user name and password, MFA or user consent), so the sending application is not using the app-only client-credentials flow this setup is made for.',
  ),
  'diagnosis.user-sign-in-used.fix': d((v) =>
    numbered(
      `Configure the sending application for OAuth 2.0 client credentials: tenant ${v.show.tenant}, client id ${v.show.client}, the client secret ${w.valueColumn} and the scope ${v.scope} — no user password (step 4).`,
      'The app needs the application permission SMTP.SendAsApp with admin consent (step 1), not the delegated SMTP.Send.',
    ),
  ),

  'diagnosis.token-service-unavailable.title': 'Entra ID temporarily unavailable or throttling',
  'diagnosis.token-service-unavailable.summary': d(
    (v) =>
      `The token endpoint at ${v.authority} is busy or temporarily unavailable${v.status ? ` (HTTP ${v.status})` : ''}; this is on Microsoft's side.`,
  ),
  'diagnosis.token-service-unavailable.fix': d((v) =>
    numbered(
      v.retryAfterSeconds
        ? `Wait ${minutes(v.retryAfterSeconds)} (Microsoft's Retry-After) and try again.`
        : 'Wait a minute and try again; retry with increasing pauses.',
      'If it persists, check https://status.cloud.microsoft and the Service health page of the Microsoft 365 admin center.',
    ),
  ),

  'diagnosis.authority-metadata-unavailable.title': 'Token endpoint could not be discovered',
  'diagnosis.authority-metadata-unavailable.summary': d(
    (v) =>
      `The token endpoint of ${theTenant(v)} at ${v.authority} could not be looked up: the tenant id or authority host is wrong, or the network blocked the request.`,
  ),
  'diagnosis.authority-metadata-unavailable.fix': d((v) =>
    numbered(
      `Open ${v.cmd.openIdConfigurationUrl} in a browser on the same machine: an error there means the tenant id or authority host is wrong (step 4); no answer means a network or proxy problem.`,
    ),
  ),

  'diagnosis.client-authentication-failed.title': 'Client authentication failed (no AADSTS code given)',
  'diagnosis.client-authentication-failed.summary': d((v) => `Entra ID did not accept the credentials of ${theApp(v)}${said(v)}`),
  'diagnosis.client-authentication-failed.fix': d((v) =>
    numbered(
      `Check the client id ${v.show.client} and tenant ${v.show.tenant} against ${appPath(v.show.client)} → ${w.overview} (step 4).`,
      `If in doubt, create a new secret and use its ${w.valueColumn}: ${newSecret(v.show.client)}`,
    ),
  ),

  'diagnosis.token-request-failed.title': 'Token request failed for an unrecognised reason',
  'diagnosis.token-request-failed.summary': d(
    (v) => `Entra ID refused the token request${v.status ? ` (HTTP ${v.status})` : ''}${v.quoted ? `: ${f.quote(v.quoted)}` : ' without saying why.'}`,
  ),
  'diagnosis.token-request-failed.fix': d((v) =>
    numbered(
      v.cmd.errorLookupUrl && `Look up ${v.matched} at ${v.cmd.errorLookupUrl} .`,
      `Check tenant ${v.show.tenant}, client id ${v.show.client}, the client secret ${w.valueColumn} and the scope ${v.scope} (step 4), and that the app exists under ${portal(w.appRegistrations)} (step 1).`,
    ),
  ),

  // ===== C. Claims of the access token
  'diagnosis.token-missing-role.title': 'Token lacks the SMTP.SendAsApp role',
  'diagnosis.token-missing-role.summary': d((v) => {
    const roles = v.claim?.kind === 'missing-role' ? v.claim.roles : undefined;
    return `The access token has no SMTP.SendAsApp role (roles: ${listOrNone(roles)}), so Exchange Online would refuse the login: the application permission was not added or admin consent was not granted.`;
  }),
  'diagnosis.token-missing-role.fix': d((v) => numbered(consentPath(v), GRANT_CONSENT, FRESH_TOKEN)),

  'diagnosis.token-wrong-audience.title': 'Token is not for Exchange Online (wrong audience)',
  'diagnosis.token-wrong-audience.summary': d((v) => {
    const c = v.claim?.kind === 'audience' ? v.claim : undefined;
    const graph = c && /graph\.microsoft/i.test(c.aud) ? ' Microsoft Graph tokens (Mail.Send) do not work for SMTP.' : '';
    return `The token is for ${f.quote(c?.aud.slice(0, 120) || 'an unknown audience')}, not for Exchange Online (${listOrNone(c?.expected)}).${graph}`;
  }),
  'diagnosis.token-wrong-audience.fix': d((v) => numbered(`Request the token with the scope ${v.scope} (step 4).`)),

  'diagnosis.token-wrong-tenant.title': 'Token issued by another tenant',
  'diagnosis.token-wrong-tenant.summary': d((v) => {
    const c = v.claim?.kind === 'tenant-mismatch' ? v.claim : undefined;
    return `The token was issued by tenant ${c?.tid || '(unknown)'}, but the configured tenant is ${c?.expected || '(unknown)'}.`;
  }),
  'diagnosis.token-wrong-tenant.fix': d((v) =>
    numbered(
      `Use the ${w.directoryTenantId} of the tenant that owns mailbox ${v.show.mailbox} (${portal(w.entraId, w.overview)}) as the tenant in the sending application (step 4).`,
    ),
  ),

  'diagnosis.token-wrong-app.title': 'Token issued to another application',
  'diagnosis.token-wrong-app.summary': d((v) => {
    const c = v.claim?.kind === 'app-mismatch' ? v.claim : undefined;
    return `The token belongs to application ${c?.appid || '(unknown)'}, not to the configured client id ${c?.expected || '(unknown)'}.`;
  }),
  'diagnosis.token-wrong-app.fix': d(() =>
    numbered(
      'Use one app throughout: the client id in the sending application, the app that has SMTP.SendAsApp (step 1) and the AppId of the Exchange service principal (step 2) must be the same.',
    ),
  ),

  'diagnosis.token-expired.title': 'Token expired',
  'diagnosis.token-expired.summary': d((v) => {
    const c = v.claim?.kind === 'expired' ? v.claim : undefined;
    if (!c) return 'The access token has expired.';
    const ago = Math.max(0, Math.round((c.now - c.exp) / 60));
    const at = new Date(c.exp * 1000);
    const when = Number.isNaN(at.getTime()) ? String(c.exp) : f.dateTime(at);
    return `The access token expired at ${when} (${f.plural(ago, { one: '# minute', other: '# minutes' })} ago).`;
  }),
  'diagnosis.token-expired.fix': d(() =>
    numbered(
      'Request a new token; tokens last 60–90 minutes.',
      'If a brand-new token is already expired, the clock of this machine is wrong: synchronise it (NTP).',
    ),
  ),

  'diagnosis.token-delegated.title': 'Delegated (user) token where an app-only token is needed',
  'diagnosis.token-delegated.summary': d((v) => {
    const c = v.claim?.kind === 'delegated' ? v.claim : undefined;
    const detail = [c?.scp && `scp ${f.quote(c.scp.slice(0, 100))}`, c?.upn && `user ${c.upn.slice(0, 100)}`].filter(Boolean).join(', ');
    return `The token was issued for a signed-in user${detail ? ` (${detail})` : ''}, but this setup sends as an application and needs an app-only token from the client-credentials flow.`;
  }),
  'diagnosis.token-delegated.fix': d((v) =>
    numbered(
      `Request the token with the client-credentials flow: tenant ${v.show.tenant}, client id ${v.show.client}, client secret, scope ${v.scope} (step 4).`,
      'Give the app the application permission SMTP.SendAsApp with admin consent (step 1), not the delegated SMTP.Send.',
    ),
  ),

  'diagnosis.token-undecodable.title': 'Access token cannot be decoded',
  'diagnosis.token-undecodable.summary': d((v) => {
    const c = v.claim?.kind === 'undecodable' ? v.claim : undefined;
    return `The access token is not a readable JWT${c?.reason ? ` (${c.reason.slice(0, 120)})` : ''}, so its permissions cannot be checked.`;
  }),
  'diagnosis.token-undecodable.fix': d((v) =>
    numbered(
      `Make sure the token comes from the token endpoint of tenant ${v.show.tenant} for the scope ${v.scope}, and is passed on whole (not cut short or quoted) (step 4).`,
    ),
  ),
});
