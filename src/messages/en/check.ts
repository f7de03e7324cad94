import { defineMessages, message } from '../define.js';
import { formatterFor, portalPath } from '../format.js';
import { vocabularyEn as v } from '../vocabulary/en.js';

const f = formatterFor('en');

/** "in 12 days" / "within a day": how soon a credential expires. */
const soon = (days: number) => (days <= 1 ? 'within a day' : f.plural(days, { one: 'in # day', other: 'in # days' }));
/** The app's place in the portal: by its client id, a placeholder when not known. */
const app = (clientId: string | undefined) => portalPath(v.entraAdminCenter, v.appRegistrations, `the app with ${v.applicationClientId} ${clientId ?? '<client id>'}`);

/**
 * `check`: its stage lines, the report a person reads (claims, SMTP facts, the diagnosis), the
 * warnings about an expiring credential, and the lines of `--wait`.
 */
export const checkEn = defineMessages({
  'check.stage.token': message({ authority: 'string' }, (p) => `Token from ${p.authority}`),
  'check.stage.claims': message({ role: 'string' }, (p) => `Token claims (role ${p.role}, audience, tenant, app)`),
  'check.stage.smtp-auth': message(
    { host: 'string', port: 'number', mailbox: 'string' },
    (p) => `SMTP ${p.host}:${p.port}: STARTTLS and AUTH XOAUTH2 as ${p.mailbox}`,
  ),
  'check.stage.smtp-send': message({ from: 'string', to: 'string' }, (p) => `Test message from ${p.from} to ${p.to}`),
  'check.stage.skipped': message({ label: 'string' }, (p) => `${p.label} (skipped)`),
  'check.flag-without-targets': message({ flag: 'string' }, (p) => `${p.flag}: only with --targets`),

  // The human report.
  'check.report.message-accepted': 'The test message was accepted by the server.',
  'check.report.reply': message({ response: 'string' }, (p) => `Reply: ${p.response}`),
  'check.report.token-accepted': message({ mailbox: 'string' }, (p) => `The server accepted the token for ${p.mailbox}.`),
  'check.report.nothing-sent': 'Nothing was sent: add --to <address> to send a test message.',
  'check.report.tls': message({ version: 'string' }, (p) => `TLS: ${p.version}`),
  'check.report.server-said': message({ response: 'string' }, (p) => `Server said: ${p.response}`),
  'check.report.warnings': 'Warnings',

  // The token's claims (check's report; the wizard shows the same rows).
  'check.claims.heading': 'Token claims',
  'check.claims.none': '(none)',
  'check.claims.no-roles': `(none: no ${v.applicationPermission} has ${v.adminConsent})`,
  'check.claims.oid-note': "← the Enterprise application's object id, for New-ServicePrincipal -ObjectId (step 2)",
  'check.claims.role-missing': message({ role: 'string' }, (p) => `✖ no ${p.role}`),
  'check.claims.expires': 'expires',
  'check.claims.expires-at': message({ at: 'date' }, (p) => f.dateTime(p.at)),

  // What the SMTP server showed without a token.
  'check.smtp-facts.heading': message({ host: 'string', port: 'number' }, (p) => `SMTP server ${p.host}:${p.port}`),
  'check.smtp-facts.reachable': 'reachable',
  'check.smtp-facts.reachable-yes': 'yes, it answered with its greeting',
  'check.smtp-facts.tls-not-started': 'not started',
  'check.smtp-facts.no-mechanisms': '(none)',
  'check.smtp-facts.no-xoauth2': 'XOAUTH2 is not offered: this server does not take OAuth tokens',

  // A diagnosis for a person (check, fleet, explain).
  'check.diagnosis.step-label': 'Setup step',
  'check.diagnosis.step': message({ step: ['1', '2', '3', '4'], name: 'string' }, (p) => `${p.step} of 4, ${p.name}`),
  'check.diagnosis.no-step': 'none of the four (see below)',
  'check.diagnosis.transient-label': 'Temporary',
  'check.diagnosis.transient': 'try again later; the same request may succeed in a few minutes.',
  'check.diagnosis.propagation-label': 'Waiting may help if you changed this in the last hour',
  'check.diagnosis.propagation':
    'Microsoft applies changes of steps 1–3 after minutes to an hour, and answers like this until then; otherwise fix it as below.',
  'check.diagnosis.fix-label': 'Fix',
  'check.diagnosis.recognised': message({ source: 'string' }, (p) => `Recognised: ${p.source}`),
  'check.diagnosis.more': message({ url: 'string' }, (p) => `More: ${p.url}`),

  // Warnings about the credential's expiry.
  'check.secret-expiring': message(
    { expiresOn: 'date', daysLeft: 'number', clientId: 'string?' },
    (p) =>
      `The client secret expires on ${f.date(p.expiresOn)} (${soon(p.daysLeft)}); after that Entra ID refuses it (AADSTS7000222). ` +
      `Create the next one now: ${portalPath(app(p.clientId), v.certificatesAndSecrets, v.clientSecrets, v.newClientSecret)}; copy the ${v.valueColumn} column at once (it is shown only once). ` +
      'Put it into the sending application, then run check with --secret-expires <its expiry date>.',
  ),
  'check.secret-also-expired': message(
    { expiresOn: 'date' },
    (p) => `The client secret is also past the expiry date given (${f.date(p.expiresOn)}): create a new one before it stops working.`,
  ),
  'check.certificate-expiring': message(
    { thumbprint: 'string', expiresOn: 'date', daysLeft: 'number', clientId: 'string?' },
    (p) =>
      `The certificate ${p.thumbprint} expires on ${f.date(p.expiresOn)} (${soon(p.daysLeft)}); after that Entra ID refuses it. ` +
      `Create the next one (\`smtp-oauth-setup setup\` can), upload it: ${portalPath(app(p.clientId), v.certificatesAndSecrets, v.certificates, v.uploadCertificate)} → the public .cer/.pem/.crt file → ${v.add}. ` +
      'Then switch the sending application to it.',
  ),

  // `check --wait`.
  'check.wait.failure-exit': message({ exitCode: 'number' }, (p) => `exit ${p.exitCode}`),
  'check.wait.retry': message(
    { attempt: 'number', failure: 'string', delayMs: 'number', remainingMs: 'number' },
    (p) => `attempt ${p.attempt} failed: ${p.failure}; next try in ${f.duration(p.delayMs)}, ${f.duration(p.remainingMs)} left`,
  ),
  'check.wait.passed': message(
    { attempts: 'number', spanMs: 'number?' },
    (p) => `attempt ${p.attempts} passed (${f.plural(p.attempts, { one: '# attempt', other: '# attempts' })}${p.spanMs === undefined ? '' : ` over ${f.duration(p.spanMs)}`})`,
  ),
  'check.wait.timed-out': message(
    { attempts: 'number', failure: 'string', spanMs: 'number?' },
    (p) =>
      `attempt ${p.attempts} failed: ${p.failure}; no time left, giving up after ${f.plural(p.attempts, { one: '# attempt', other: '# attempts' })}${p.spanMs === undefined ? '' : ` over ${f.duration(p.spanMs)}`}`,
  ),
  'check.wait.not-retryable': message(
    { attempts: 'number', failure: 'string', spanMs: 'number?' },
    (p) =>
      `attempt ${p.attempts} failed: ${p.failure}; waiting will not fix this, stopping after ${f.plural(p.attempts, { one: '# attempt', other: '# attempts' })}${p.spanMs === undefined ? '' : ` over ${f.duration(p.spanMs)}`}`,
  ),
});
