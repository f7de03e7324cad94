import { defineMessages, message } from '../define.js';
import { formatterFor } from '../format.js';

const f = formatterFor('en');

/**
 * The sandbox's console: what `smtp-oauth-setup sandbox` prints about itself (its settings, each
 * message it receives, its refusals). Microsoft's own words the sandbox answers with stay in
 * src/sandbox/*-errors.ts and exchange-replies.ts, in English, as Microsoft sends them.
 */
export const sandboxEn = defineMessages({
  'sandbox.running': message({ scenario: 'string' }, (p) => `Sandbox running: scenario ${p.scenario}`),
  'sandbox.stopped': 'Sandbox stopped.',
  // The settings block: a label column (aligned by the code) and its value.
  'sandbox.label.token-endpoint': 'Entra ID token endpoint',
  'sandbox.label.smtp-server': 'Exchange SMTP server',
  'sandbox.label.latency': 'Round trip added',
  'sandbox.label.ca': 'Throw-away CA',
  'sandbox.label.secret-file': 'Client secret (file)',
  'sandbox.label.certificate': 'Certificate uploaded',
  'sandbox.value.latency': message({ ms: 'number' }, (p) => `${p.ms} ms in front of both (latency proxies; the ports above are theirs)`),
  'sandbox.value.certificate': message({ thumbprint: 'string', path: 'string' }, (p) => `${p.thumbprint} (check --certificate ${p.path} instead of the secret)`),
  'sandbox.identities': message({ tenantId: 'string', clientId: 'string', mailbox: 'string' }, (p) => `Tenant ${p.tenantId}, app ${p.clientId}, mailbox ${p.mailbox}`),
  'sandbox.check-with-flags': 'Check against it from another terminal (NODE_EXTRA_CA_CERTS makes Node trust the sandbox CA):',
  'sandbox.check-with-env': 'or with environment variables:',
  'sandbox.messages-below': 'Messages the sandbox receives are shown below. Ctrl-C stops it.',
  'sandbox.received-by': message({ mailbox: 'string', app: 'string' }, (p) => `(authenticated as ${p.mailbox} by app ${p.app})`),
  // Refusals of its flags.
  'sandbox.same-port': message({ port: 'number' }, (p) => `--token-port and --smtp-port: both are ${p.port}; the two servers need two ports`),
  'sandbox.port-unusable': message({ field: ['--token-port', '--smtp-port'], port: 'number', reason: ['in-use', 'privileged', 'other'], detail: 'string?' }, (p) =>
    p.reason === 'in-use'
      ? `${p.field} ${p.port}: the port is in use by another program; choose another, or leave the flag out for a free one`
      : p.reason === 'privileged'
        ? `${p.field} ${p.port}: this user may not listen on that port (below 1024 needs privileges); choose a port from 1024 up`
        : `${p.field} ${p.port}: the port cannot be used (${p.detail ?? ''})`,
  ),
  'sandbox.ca-dir-unusable': message({ path: 'string', reason: 'string' }, (p) => `--ca-dir: ${p.path}: ${p.reason}`),
  'sandbox.ca-dir-is-file': 'a file is in the way: it must be a directory (or not exist yet)',
  'sandbox.certificate-unreadable': message({ path: 'string', reason: 'string' }, (p) => `--certificate: ${p.path}: ${p.reason}`),
  'sandbox.certificate-missing': message({ path: 'string' }, (p) => `--certificate: ${p.path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`),
  'sandbox.certificate-unparsable': message({ path: 'string', detail: 'string' }, (p) => `--certificate: the certificate in ${p.path} cannot be read (${p.detail})`),
  'sandbox.unknown-scenario': message(
    { name: 'string', known: 'strings' },
    (p) => `unknown scenario '${p.name}'; one of: ${p.known.join(', ')} (see \`smtp-oauth-setup sandbox --list-scenarios\`)`,
  ),
  'sandbox.device-code.how': message({ keys: 'boolean', afterMs: 'number?' }, (p) =>
    p.afterMs !== undefined
      ? `An administrator sign-in (setup --automatic) is approved by the sandbox's administrator after ${f.duration(p.afterMs)}.`
      : 'An administrator sign-in (setup --automatic) waits for you here: press a to approve its device code, d to decline it.',
  ),
  'sandbox.device-code.none': 'No administrator sign-in is waiting for approval.',
  'sandbox.device-code.answered': message({ code: 'string', approved: 'boolean' }, (p) => (p.approved ? `Device code ${p.code} approved.` : `Device code ${p.code} declined.`)),
});
