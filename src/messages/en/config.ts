import { defineMessages, message } from '../define.js';

/** The saved configuration and the OS credential store. */
export const configEn = defineMessages({
  'config.secret-in-file': message(
    { path: 'string', reason: 'string' },
    (p) => `The OS credential store is not available here (${p.reason}): the client secret is kept in ${p.path} instead (mode 0600, readable by you only).`,
  ),
  'config.secret-entry-missing': message(
    { service: 'string', account: 'string' },
    (p) =>
      `saved configuration: the client secret it refers to is no longer in the OS credential store (service ${p.service}, account ${p.account}); store it again with \`smtp-oauth-setup setup --save-secret\`, or give it with AZURE_CLIENT_SECRET or --client-secret-file.`,
  ),
  'config.secret-store-unavailable': message(
    { service: 'string', account: 'string', reason: 'string' },
    (p) =>
      `saved configuration: the client secret is in the OS credential store (service ${p.service}, account ${p.account}), which cannot be read here (${p.reason}); give it with AZURE_CLIENT_SECRET or --client-secret-file, or run \`smtp-oauth-setup setup --save-secret\` where the store is available.`,
  ),
  'config.read-failed': message({ path: 'string', reason: 'string' }, (p) => `${p.path}: ${p.reason}`),
  'config.not-json': message(
    { path: 'string' },
    (p) => `${p.path} is not a configuration smtp-oauth-setup can read; delete it, or run \`smtp-oauth-setup setup\` to write a new one.`,
  ),
  'config.invalid.unreadable': message(
    { path: 'string' },
    (p) => `${p.path}: saved configuration: cannot be read; correct it, or run \`smtp-oauth-setup setup\` to write a new one.`,
  ),
  'config.invalid.type': message({ path: 'string', key: 'string?', expected: ['text', 'object', 'other'], type: 'string' }, (p) => {
    const must = p.expected === 'text' ? 'text in quotes ("30", not 30)' : p.expected === 'object' ? 'an object ({ … })' : `of type ${p.type}`;
    return `${p.path}: saved configuration: ${p.key ?? 'the file'}: must be ${must}; correct it, or run \`smtp-oauth-setup setup\` to write a new one.`;
  }),
  'config.invalid.unknown-key': message(
    { path: 'string', key: 'string' },
    (p) => `${p.path}: saved configuration: ${p.key}: is not a key smtp-oauth-setup saves; correct it, or run \`smtp-oauth-setup setup\` to write a new one.`,
  ),
  'config.invalid.version': message(
    { path: 'string' },
    (p) => `${p.path}: saved configuration: version: must be 1; correct it, or run \`smtp-oauth-setup setup\` to write a new one.`,
  ),
  'config.invalid.other': message(
    { path: 'string', key: 'string?', problem: 'string' },
    (p) => `${p.path}: saved configuration: ${p.key ?? 'the file'}: ${p.problem}; correct it, or run \`smtp-oauth-setup setup\` to write a new one.`,
  ),
  'config.ignored': message({ problem: 'string' }, (p) => `${p.problem} Ignoring it.`),
  'config.store.binding-incomplete': 'the credential store binding has no Entry',
  'config.store.binding-failed': message({ reason: 'string' }, (p) => `the credential store binding cannot be loaded: ${p.reason}`),
  'config.store.unknown-error': 'unknown error',
});
