import { defineMessages, message, samples } from '../define.js';
import { formatterFor, portalPath } from '../format.js';
import { vocabularyEn as v } from '../vocabulary/en.js';

const f = formatterFor('en');
const DECIMAL = ['empty', 'not-decimal', 'not-whole', 'too-small', 'too-big'] as const;

/**
 * Where a refused value came from, put in front of the problem: the flag or environment variable
 * (`--tenant-id: …`), or the saved configuration's key. Without a field (a prompt's answer) nothing.
 */
const on = (p: { field?: string | undefined; saved?: boolean | undefined }) =>
  p.field === undefined ? '' : p.saved ? `saved configuration: ${p.field}: ` : `${p.field}: `;
const FIELD = { field: 'string?', saved: 'boolean?' } as const;

/** A value not given: its flag and the environment variable that also gives it, or `client-secret` (which has several sources). */
export interface MissingField {
  readonly field: string;
  readonly env?: string;
}
const MISSING = samples<readonly MissingField[]>(
  [{ field: '--tenant-id', env: 'AZURE_TENANT_ID' }],
  [{ field: '--mailbox', env: 'SMTP_OAUTH_MAILBOX' }, { field: 'client-secret' }, { field: '--to' }],
);

/** Where a client secret came from, in the problems about its value. */
const SECRET_SOURCE = ['file', 'stdin', 'env', 'saved', 'prompt'] as const;
const secretSource = (p: { source: (typeof SECRET_SOURCE)[number]; path?: string | undefined }) =>
  p.source === 'file'
    ? `client secret (file ${p.path ?? ''}): `
    : p.source === 'stdin'
      ? 'client secret (standard input): '
      : p.source === 'env'
        ? 'client secret (AZURE_CLIENT_SECRET): '
        : p.source === 'saved'
          ? 'client secret (saved configuration): '
          : '';

/** The problems of the values a user gives (flags, environment, saved configuration, prompts) and of the credential's files. */
export const inputsEn = defineMessages({
  // One per field's schema; `field` names where the value came from.
  'input.empty': message(FIELD, (p) => `${on(p)}is empty`),
  'input.not-a-value': message({ ...FIELD, detail: 'string' }, (p) => `${on(p)}${p.detail}`),
  'input.tenant.alias': message(
    { ...FIELD, value: 'string' },
    (p) =>
      `${on(p)}'${p.value}' is not a tenant: client credentials need your own tenant's ID (a GUID, ${portalPath(v.entraId, v.overview)} → Tenant ID) or a verified domain such as contoso.onmicrosoft.com`,
  ),
  'input.tenant.invalid': message(FIELD, (p) => `${on(p)}must be the tenant ID (a GUID, ${portalPath(v.entraId, v.overview)} → Tenant ID) or a verified domain such as contoso.onmicrosoft.com`),
  'input.client-id.invalid': message(FIELD, (p) => `${on(p)}must be the ${v.applicationClientId}, a GUID shown on the app registration's ${v.overview} page`),
  'input.address.invalid': message(FIELD, (p) => `${on(p)}must be an email address such as alerts@contoso.com`),
  'input.address.local-too-long': message({ ...FIELD, octets: 'number', max: 'number' }, (p) => `${on(p)}has a local part (before the @) of ${p.octets} characters; at most ${p.max} are allowed (RFC 5321)`),
  'input.address.domain-too-long': message({ ...FIELD, octets: 'number', max: 'number' }, (p) => `${on(p)}has a domain of ${p.octets} characters; at most ${p.max} are allowed (RFC 5321)`),
  'input.address.too-long': message({ ...FIELD, octets: 'number', max: 'number' }, (p) => `${on(p)}is ${p.octets} characters long; an address has at most ${p.max} (RFC 5321)`),
  'input.host.invalid': message(FIELD, (p) => `${on(p)}must be a host name such as smtp.office365.com`),
  'input.port.invalid': message({ ...FIELD, problem: DECIMAL, min: 'number', max: 'number' }, (p) =>
    p.problem === 'empty'
      ? `${on(p)}is empty`
      : p.problem === 'not-decimal'
        ? `${on(p)}must be a number from ${p.min} to ${p.max}, in decimal digits`
        : p.problem === 'not-whole'
          ? `${on(p)}must be a whole number from ${p.min} to ${p.max}`
          : `${on(p)}must be a number from ${p.min} to ${p.max}`,
  ),
  'input.timeout.invalid': message({ ...FIELD, problem: DECIMAL, max: 'number' }, (p) =>
    p.problem === 'empty'
      ? `${on(p)}is empty`
      : p.problem === 'not-decimal'
        ? `${on(p)}must be a number of seconds, in decimal digits`
        : p.problem === 'too-big'
          ? `${on(p)}must be at most ${p.max} seconds`
          : `${on(p)}must be a positive number of seconds`,
  ),
  'input.warn-days.invalid': message({ ...FIELD, problem: DECIMAL, max: 'number', months: 'number' }, (p) =>
    p.problem === 'empty'
      ? `${on(p)}is empty`
      : p.problem === 'not-decimal'
        ? `${on(p)}must be a number of days, in decimal digits`
        : p.problem === 'not-whole'
          ? `${on(p)}must be a whole number of days`
          : p.problem === 'too-small'
            ? `${on(p)}must be 0 or more days`
            : `${on(p)}must be at most ${p.max} days (portal secrets last at most ${p.months} months)`,
  ),
  'input.authority.not-url': message(FIELD, (p) => `${on(p)}must be an https URL such as https://login.microsoftonline.com`),
  'input.authority.not-https': message(FIELD, (p) => `${on(p)}must use https (tokens are never requested over cleartext)`),
  'input.authority.not-host-only': message(FIELD, (p) => `${on(p)}must be the host only, such as https://login.microsoftonline.com (no tenant or path)`),
  'input.cloud.invalid': message({ ...FIELD, clouds: 'strings' }, (p) => `${on(p)}must be one of ${p.clouds.join(', ')}`),
  'input.proxy.invalid': message(FIELD, (p) => `${on(p)}must be a proxy URL such as http://proxy.contoso.com:8080`),
  'input.wait.invalid': message(FIELD, (p) => `${on(p)}must be a duration such as 90s, 30m or 1h`),
  'input.wait.range': message(FIELD, (p) => `${on(p)}must be between 1s and 24h`),
  'input.secret-expires.invalid': message(
    FIELD,
    (p) => `${on(p)}must be a date such as 2026-03-31 (the ${v.expires} column under ${v.certificatesAndSecrets}), or an ISO 8601 date and time`,
  ),
  'input.file-path.empty': message(FIELD, (p) => `${on(p)}must name a file`),
  'input.file-path.nul': message(FIELD, (p) => `${on(p)}is not a file name`),
  'input.file-path.other-home': message(FIELD, (p) => `${on(p)}only ~ and ~/… are expanded (not ~name, another user's home): give the full path`),

  // The client secret's value, by where it came from.
  'input.secret.empty': message({ source: SECRET_SOURCE, path: 'string?' }, (p) => `${secretSource(p)}is empty`),
  'input.secret.too-long': message({ source: SECRET_SOURCE, path: 'string?' }, (p) => `${secretSource(p)}is too long to be a client secret`),
  'input.secret.white-space': message({ source: SECRET_SOURCE, path: 'string?' }, (p) => `${secretSource(p)}contains white space; copy the secret's ${v.valueColumn} again`),
  'input.secret.looks-like-id': `The client secret looks like a GUID: that is probably the secret's ID, not its ${v.valueColumn}. In ${portalPath(v.entraId, v.appRegistrations, 'your app', v.certificatesAndSecrets)}, copy the ${v.valueColumn} column (shown only when the secret is created).`,
  'input.secret.given-as-file':
    "--client-secret-file: no such file, and the value given looks like a client secret itself (not shown). Put the secret's Value in a file and give that file's path, or pipe it with --client-secret-stdin.",
  'input.secret.file-and-stdin': '--client-secret-file and --client-secret-stdin: give the secret one way only',
  'input.secret.stdin-unavailable': message({ field: ['--client-secret-stdin', '--client-secret-file -'] }, (p) => `${p.field}: standard input cannot be read here`),
  'input.secret.stdin-unreadable': message({ field: ['--client-secret-stdin', '--client-secret-file -'], reason: 'string' }, (p) => `${p.field}: standard input: ${p.reason}`),
  'input.secret.file-unreadable': message({ field: ['--client-secret-file'], path: 'string', reason: 'string' }, (p) => `${p.field}: ${p.path}: ${p.reason}`),

  // Credentials: one of two, and what is missing.
  'input.private-key-alone': message({ field: ['--private-key'] }, (p) => `${p.field}: goes with --certificate`),
  'input.certificate-and-secret': message(
    { field: 'string', saved: 'boolean?', secrets: 'strings' },
    (p) => `${p.saved ? 'saved configuration (certificate)' : p.field} and ${p.secrets.join(', ')}: give a certificate or a client secret, not both`,
  ),
  'input.missing': message({ fields: MISSING }, (p) =>
    `Missing: ${p.fields.map((m) => (m.env ? `${m.field} (or ${m.env})` : m.field === 'client-secret' ? 'client secret (AZURE_CLIENT_SECRET, --client-secret-file <path|->, or --client-secret-stdin)' : m.field)).join(', ')}.`,
  ),
  'input.missing-hint': message({ prompting: 'boolean' }, (p) =>
    p.prompting
      ? 'Give them as flags or environment variables.'
      : 'Not prompting (no terminal, or --no-input): give them as flags or environment variables; see `smtp-oauth-setup check --help`.',
  ),

  // The questions `check` asks on a terminal when a required value is not given.
  'input.question.tenant-id': `${v.directoryTenantId}, or a verified domain such as contoso.onmicrosoft.com`,
  'input.question.client-id': v.applicationClientId,
  'input.question.mailbox': 'Mailbox to send from (the user name of the SMTP login)',
  'input.question.client-secret': `Client secret (its ${v.valueColumn}, not the ${v.secretId})`,
  'input.question.certificate-password': message({ path: 'string' }, (p) => `Password of the private key in ${p.path} (not saved)`),
  'input.secret-source.typed-password': 'the password typed',

  // How the plan shows the credential (never its value).
  'input.credential.secret': message({ source: 'string', length: 'number' }, (p) => `client secret from ${p.source} (${f.plural(p.length, { one: '# character', other: '# characters' })}, not shown)`),
  'input.credential.certificate': message(
    { thumbprint: 'string', source: 'string', subject: 'string', notAfter: 'date' },
    (p) => `certificate ${p.thumbprint} from ${p.source} (${p.subject}, valid until ${f.date(p.notAfter)})`,
  ),
  'input.source.file': message({ path: 'string' }, (p) => `file ${p.path}`),
  'input.source.stdin': 'standard input',
  'input.source.saved': 'saved configuration',
  'input.source.prompt': 'prompt',
  'input.origin.saved': message({ key: 'string' }, (p) => `saved configuration: ${p.key}`),
  'input.origin.saved-certificate': 'saved configuration (certificate)',
});


/** The certificate credential's files: reading them, and what they hold. `field` is the flag or question that named the file. */
export const certificateEn = defineMessages({
  'input.certificate.unreadable': message({ field: 'string', path: 'string', reason: 'string' }, (p) => `${p.field}: ${p.path}: ${p.reason}`),
  'input.certificate.no-certificate': message({ field: 'string', path: 'string' }, (p) => `${p.field}: ${p.path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`),
  'input.certificate.no-key-in-key-file': message({ field: 'string', path: 'string' }, (p) => `${p.field}: ${p.path} holds no PEM private key`),
  'input.certificate.no-key': message({ field: 'string', path: 'string' }, (p) => `${p.field}: ${p.path} holds no private key; give it in the same PEM or with --private-key <pem>`),
  'input.certificate.no-key-hint': message({ field: 'string', path: 'string', hint: 'string' }, (p) => `${p.field}: ${p.path} holds no private key; ${p.hint}`),
  'input.certificate.key-exposed': message({ field: 'string', problem: 'string' }, (p) => `${p.field}: ${p.problem}`),
  'input.certificate.unparsable': message({ field: 'string', detail: 'string' }, (p) => `${p.field}: the certificate cannot be read (${p.detail})`),
  'input.certificate.key-encrypted': message({ field: 'string', password: 'string' }, (p) => `${p.field}: the private key is encrypted: set ${p.password}`),
  'input.certificate.wrong-password': message({ field: 'string', password: 'string' }, (p) => `${p.field}: the private key cannot be decrypted with ${p.password} (wrong password?)`),
  'input.certificate.key-unreadable': message({ field: 'string' }, (p) => `${p.field}: the private key cannot be read`),
  'input.certificate.not-rsa': message({ field: 'string', keyType: 'string?' }, (p) =>
    p.keyType ? `${p.field}: the key is ${p.keyType}; Entra ID certificate credentials need an RSA key` : `${p.field}: the key is not RSA; Entra ID certificate credentials need an RSA key`,
  ),
  'input.certificate.key-mismatch': message({ field: 'string' }, (p) => `${p.field}: the private key does not belong to the certificate`),
  'input.certificate.expired': message(
    { field: 'string', notAfter: 'date' },
    (p) => `${p.field}: the certificate expired on ${f.date(p.notAfter)}; create and upload a new one (${portalPath(v.certificatesAndSecrets, v.certificates, v.uploadCertificate)})`,
  ),
});

const READ_REASONS = ['no-such-file', 'permission-denied', 'directory', 'unreadable', 'too-large'] as const;
const WRITE_REASONS = ['permission-denied', 'no-directory', 'directory', 'no-space', 'read-only', 'no-reader', 'reader-stalled', 'reader-closed', 'link-loop', 'other'] as const;
const HOLDS = ['client-secret', 'private-key'] as const;

/** Why a file could not be read or written, in a few words after its name; the rules for private files. */
export const fileAccessEn = defineMessages({
  'file.too-large': message({ limitBytes: 'number' }, (p) => `larger than ${f.bytes(p.limitBytes)}`),
  'file.read-reason': message({ reason: READ_REASONS, limitBytes: 'number?' }, (p) => {
    switch (p.reason) {
      case 'no-such-file':
        return 'no such file';
      case 'permission-denied':
        return 'permission denied';
      case 'directory':
        return 'it is a directory';
      case 'unreadable':
        return 'cannot be read';
      case 'too-large':
        return `larger than ${f.bytes(p.limitBytes ?? 0)}, more than any real one`;
    }
  }),
  'file.write-reason': message({ reason: WRITE_REASONS, detail: 'string?' }, (p) => {
    switch (p.reason) {
      case 'permission-denied':
        return 'permission denied';
      case 'no-directory':
        return 'the directory does not exist';
      case 'directory':
        return 'it is a directory';
      case 'no-space':
        return 'no space left on the device';
      case 'read-only':
        return 'read-only file system';
      case 'no-reader':
        return 'nothing is reading it (start the reader of the named pipe first)';
      case 'reader-stalled':
        return 'its reader stopped reading';
      case 'reader-closed':
        return 'its reader closed it';
      case 'link-loop':
        return 'too many symbolic links';
      case 'other':
        return p.detail ?? 'cannot be written';
    }
  }),
  'file.cannot-write': message({ path: 'string', reason: 'string' }, (p) => `cannot write ${p.path}: ${p.reason}`),
  'file.write-path.directory-missing': message({ directory: 'string' }, (p) => `the directory ${p.directory} does not exist`),
  'file.write-path.directory-not-writable': message({ directory: 'string' }, (p) => `the directory ${p.directory} is not writable`),
  'file.readable-by-others': message(
    { path: 'string', holds: HOLDS, mode: 'string', fix: 'string' },
    (p) => `${p.path} holds ${p.holds === 'client-secret' ? 'the client secret' : 'a private key'} and other users can read it (mode ${p.mode}); refusing to use it. Fix: ${p.fix}`,
  ),
  'file.readable-by-others-windows': message(
    { path: 'string', holds: HOLDS, trustees: 'strings', fix: 'string' },
    (p) =>
      `${p.path} holds ${p.holds === 'client-secret' ? 'the client secret' : 'a private key'} and other accounts can read it (its ACL grants ${p.trustees.join(', ')}); refusing to use it. Fix (PowerShell): ${p.fix}`,
  ),
  'file.acl-not-set': message(
    { path: 'string', reason: 'string' },
    (p) => `could not restrict ${p.path} to your account (${p.reason}); other accounts on this computer may be able to read it.`,
  ),
  'file.unknown-error': 'unknown error',
  // Windows's own names of the well-known trustees of an ACL (the German Windows's names in German).
  'file.trustee.everyone': 'Everyone',
  'file.trustee.authenticated-users': 'Authenticated Users',
  'file.trustee.users': 'Users',
  'file.trustee.guests': 'Guests',
  'file.trustee.interactive': 'Interactive users',
  'file.trustee.network': 'Network logons',
  'file.trustee.anonymous': 'Anonymous',
  'file.trustee.domain-users': 'Domain Users',
  'file.trustee.creator-owner': 'Creator Owner',
  'file.trustee.owner-rights': 'Owner Rights',
  'file.trustee.power-users': 'Power Users',
  'file.trustee.remote-desktop-users': 'Remote Desktop Users',
});
