import { defineMessages, message } from '../define.js';

/** Where a new client secret went (never the value), and the final settings' line about it. */
export const credentialsEn = defineMessages({
  'credentials.delivered.credential-store': message({ path: 'string' }, (p) => `Saved the new client secret in the operating system's credential store; the settings in ${p.path}.`),
  'credentials.delivered.config-file': message({ path: 'string' }, (p) => `Saved the new client secret in ${p.path} (readable by you only).`),
  'credentials.delivered.env-file': message({ path: 'string' }, (p) => `Wrote the new client secret to ${p.path} for the sending application (readable by you only).`),
  'credentials.delivered.secret-file': message({ path: 'string' }, (p) => `Wrote the new client secret to ${p.path} (readable by you only).`),
  'credentials.delivered.shown': 'The new client secret is shown once below; it is not shown again. Copy it now.',
  'credentials.delivered.no-config': 'There is no saved configuration to keep the client secret in.',
  'credentials.settings.where-heading': 'The client secret is kept here:',
  'credentials.settings.where-credential-store': "the operating system's credential store (check reads it from the saved configuration)",
  'credentials.settings.where-file': message({ path: 'string' }, (p) => p.path),
  'credentials.settings.where-shown': 'shown once on the terminal',
  'credentials.answers.saved': message({ path: 'string' }, (p) => `Saved the settings in ${p.path}; check runs with them without flags.`),
  'credentials.rotate.plan.app': message({ displayName: 'string', appId: 'string' }, (p) => `App registration ${p.displayName} (client id ${p.appId}):`),
  'credentials.rotate.plan.add': message({ displayName: 'string', endDate: 'string' }, (p) => `Add a new client secret "${p.displayName}", valid until ${p.endDate}.`),
  'credentials.rotate.plan.deliver': message({ kind: 'string', path: 'string?' }, (p) =>
    p.kind === 'saved-config' ? 'Keep it in the saved configuration (the credential store where there is one).' : p.kind === 'show' ? 'Show it once on the terminal.' : `Write it to ${p.path ?? ''} (readable by you only).`,
  ),
  'credentials.rotate.plan.prove': 'Prove that it works: a token and SMTP AUTH, waiting while the new secret becomes valid.',
  'credentials.rotate.plan.remove': message({ keyId: 'string', hint: 'string?', endDate: 'string?' }, (p) =>
    `Then remove the old client secret ${p.keyId}${p.hint ? ` (starts with ${p.hint})` : ''}${p.endDate ? `, valid until ${p.endDate}` : ''}, only if the proof passed.`,
  ),
  'credentials.rotate.plan.keep': message({ count: 'number' }, (p) => `The ${p.count === 1 ? 'old client secret stays' : `${p.count} old client secrets stay`} (--remove-old removes them after the proof).`),
});
