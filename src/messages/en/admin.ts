import { defineMessages, message } from '../define.js';
import { formatterFor } from '../format.js';
import { vocabularyEn as w } from '../vocabulary/en.js';

const f = formatterFor('en');

/**
 * The automatic setup's administrator side (src/admin/): which client signs in, the device code to
 * enter, the pages the browser sign-in shows, the waits for replication, a policy that could not be read.
 */
export const adminEn = defineMessages({
  'admin.sign-in.default-client': message(
    { clientName: 'string', clientId: 'string' },
    (p) =>
      `You sign in as an administrator through ${p.clientName} (${p.clientId}), a public client of Microsoft's: this tool has no app of its own in your tenant yet. To sign in through your own public client instead, give its client id.`,
  ),
  'admin.sign-in.exchange-client': message(
    { clientName: 'string', clientId: 'string' },
    (p) =>
      `Exchange Online's admin endpoint does not accept that sign-in's client. Sign in once more, as the same administrator, through ${p.clientName} (${p.clientId}), the ${w.exchangeOnlinePowerShell} module's public client of Microsoft's.`,
  ),
  'admin.sign-in.own-client': message({ clientId: 'string' }, (p) => `You sign in as an administrator through your own public client ${p.clientId}.`),
  'admin.sign-in.device-code': message(
    { url: 'string', code: 'string', expiresAt: 'date' },
    (p) => `To sign in as an administrator, open ${p.url} in a browser and enter the code ${p.code}. The code is valid until ${f.dateTime(p.expiresAt)}.`,
  ),
  'admin.sign-in.browser': message({ url: 'string' }, (p) => `To sign in as an administrator, a browser opens ${p.url}. If none opens, open that address yourself.`),
  'admin.browser.success': 'Signed in. You can close this window and go back to the terminal.',
  'admin.browser.error': 'The sign-in did not succeed. The terminal says what happened.',
  'admin.replication.waiting': message(
    { lag: ['object-not-visible', 'reference-not-valid', 'exchange-not-seeing-service-principal'], waitMs: 'number', attempt: 'number' },
    (p) =>
      p.lag === 'exchange-not-seeing-service-principal'
        ? `Exchange Online does not see the new ${w.servicePrincipal} yet; trying again in ${f.duration(p.waitMs)} (attempt ${p.attempt}).`
        : p.lag === 'reference-not-valid'
          ? `Entra ID does not accept a reference to the new ${w.servicePrincipal} yet; trying again in ${f.duration(p.waitMs)} (attempt ${p.attempt}).`
          : `Entra ID does not show the new object yet; trying again in ${f.duration(p.waitMs)} (attempt ${p.attempt}).`,
  ),
  'admin.security-defaults.enabled': `${w.securityDefaults}: on. They block SMTP AUTH for the app.`,
  'admin.security-defaults.disabled': `${w.securityDefaults}: off.`,
  'admin.security-defaults.unknown': `${w.securityDefaults}: could not check (this sign-in may not read the policy). They block SMTP AUTH if they are on.`,
});
