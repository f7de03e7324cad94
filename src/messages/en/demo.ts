import { defineMessages, message } from '../define.js';
import { strong } from '../emphasis.js';
import { formatterFor } from '../format.js';

const f = formatterFor('en');

/** `demo`: the check (or the walk) against the built-in sandbox. */
export const demoEn = defineMessages({
  'demo.title': message({ scenario: 'string' }, (p) => `smtp-oauth-setup demo: scenario ${p.scenario}`),
  'demo.sandbox-only':
    'Everything runs against the built-in sandbox on 127.0.0.1: an emulator of the Entra ID token endpoint and of Exchange Online SMTP. No tenant is needed and nothing leaves this machine.',
  'demo.identity': message(
    { tenantId: 'string', clientId: 'string', mailbox: 'string' },
    (p) => `Tenant ${p.tenantId} · app ${p.clientId} · mailbox ${p.mailbox}`,
  ),
  'demo.endpoints': message({ authorityHost: 'string', smtp: 'string' }, (p) => `Token endpoint ${p.authorityHost} · SMTP ${p.smtp}`),
  'demo.next': `Next: run ${strong('smtp-oauth-setup demo --scenario <name>')} to see a failure diagnosed (${strong('smtp-oauth-setup sandbox --list-scenarios')} lists them), or ${strong('smtp-oauth-setup check --help')} for your own tenant.`,
  'demo.staged': message(
    { scenario: 'string', description: 'string' },
    (p) => `This failure was staged by the sandbox scenario '${p.scenario}': ${p.description}`,
  ),
  'demo.received': 'The sandbox received this message',
  /** Where the demo's client secret comes from, as the credential menu names it ("The client secret from …"). */
  'demo.secret-source': 'the sandbox',
  'demo.repaired': message({ scenario: 'string' }, (p) => `(demo) The sandbox now plays the administrator who fixed '${p.scenario}'.`),
  'demo.automatic.intro': message({ admin: 'string', waitMs: 'number' }, (p) =>
    `(demo) The automatic setup against the built-in sandbox: its administrator ${p.admin} approves each sign-in after ${f.duration(p.waitMs)}, as you would in the browser.`,
  ),
  'demo.uploaded': '(demo) The sandbox plays the administrator who uploaded the certificate to the app.',
  'demo.files-removed': message(
    { workDir: 'string' },
    (p) => `(demo) The files saved in ${p.workDir} are removed with the demo: they were for the sandbox only.`,
  ),
});
