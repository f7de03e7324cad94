import { defineMessages, message } from '../define.js';
import { link, strong } from '../emphasis.js';
import { formatterFor, portalPath } from '../format.js';
import { vocabularyEn as v } from '../vocabulary/en.js';
import { commonEn } from './common.js';

const f = formatterFor('en');

/** The places a walk can stop at or resume from (the wizard's step ids). */
export const WIZARD_PLACES = ['before-start', 'entra-app', 'service-principal', 'smtp-auth', 'test-mail', 'finish'] as const;

/** Where the walk stopped or resumes, as the sentences around it name it. */
function place(at: (typeof WIZARD_PLACES)[number]): string {
  switch (at) {
    case 'before-start':
      return 'the introduction';
    case 'entra-app':
      return `step 1 of 4 (${commonEn['step.1.title']})`;
    case 'service-principal':
      return `step 2 of 4 (${commonEn['step.2.title']})`;
    case 'smtp-auth':
      return `step 3 of 4 (${commonEn['step.3.title']})`;
    case 'test-mail':
      return `step 4 of 4 (${commonEn['step.4.title'].toLowerCase()})`;
    case 'finish':
      return 'the final settings';
  }
}

/** A countdown as a clock shows it (`4:05`): the same in every language. */
export function countdownClock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const CREDENTIAL = ['secret', 'certificate'] as const;

/** How often: "every minute", "every 5 min". */
function every(ms: number): string {
  if (ms === 60_000) return 'every minute';
  if (ms === 3_600_000) return 'every hour';
  return `every ${f.duration(ms)}`;
}

/** The setup wizard: what each step shows, asks and answers. */
export const wizardEn = defineMessages({
  // The introduction.
  'wizard.intro.title': 'smtp-oauth-setup: send mail through Exchange Online with OAuth2',
  'wizard.intro.what':
    'This walk sets up an application to send mail as a mailbox with OAuth2 (XOAUTH2) instead of a password, in the four steps that must happen in this order, and checks each one as soon as it can:',
  'wizard.intro.step-1': `${commonEn['step.1.title']}: an app registration with the SMTP.SendAsApp permission and a client secret`,
  'wizard.intro.step-2': `${commonEn['step.2.title']}: Exchange Online's record of that app, with access to the mailbox`,
  'wizard.intro.step-3': 'SMTP AUTH: switched on for the mailbox',
  'wizard.intro.step-4': 'A test message, then the exact values for your sending application',
  'wizard.intro.need': 'You need',
  'wizard.intro.need-admin': 'An Entra ID administrator who can grant admin consent (Global or Privileged Role Administrator)',
  'wizard.intro.need-powershell': `${v.exchangeOnlinePowerShell} and an Exchange administrator to run a few commands`,
  'wizard.intro.need-mailbox': 'A licensed mailbox to send from',
  'wizard.intro.good-to-know': 'Good to know',
  'wizard.intro.security-defaults': `${v.securityDefaults} block SMTP AUTH for the whole tenant. If they are on, replace them with ${v.conditionalAccess} policies before step 4 (${portalPath(v.entraAdminCenter, v.overview, v.properties)}).`,
  'wizard.intro.conditional-access': `Protect the new app with ${v.conditionalAccess}, for example a policy that allows it only from the IP addresses of the sending server (${v.conditionalAccess} for workload identities).`,
  'wizard.intro.nothing-changed': 'Nothing is changed in your tenant by this tool: it shows what to do and checks the result.',
  'wizard.intro.progress-saved': message(
    { path: 'string' },
    (p) => `Your answers are saved as you go (never the client secret) in ${p.path}; Ctrl-C stops, and a new run continues.`,
  ),
  'wizard.intro.progress-not-saved': 'Progress is not saved in this run.',
  'wizard.intro.demo': 'Demo: everything below runs against the built-in sandbox on this machine. Press Enter to accept each value.',
  'wizard.intro.start': 'Start with step 1?',

  // Step 1.
  'wizard.entra.where': message({ url: 'string' }, (p) => `In ${link(p.url)}`),
  'wizard.entra.where-path': `(${portalPath(v.entraAdminCenter, v.identity, v.applications, v.appRegistrations)}):`,
  'wizard.entra.register': `${strong(v.newRegistration)} → a name such as "SMTP sender" → ${v.supportedAccountTypes}: ${strong(v.singleTenant)} → ${strong(v.register)}.`,
  'wizard.entra.permission': message(
    { role: 'string' },
    (p) =>
      `${portalPath(strong(v.apiPermissions), strong(v.addPermission), strong(v.apisMyOrganizationUses), strong(v.exchangeOnlineApi), strong(v.applicationPermissions), strong(p.role), strong(v.addPermissions))}.`,
  ),
  'wizard.entra.consent': message(
    { role: 'string' },
    (p) => `${strong(v.grantAdminConsentForTenant)} → ${v.yes}. The status of ${p.role} must read "${v.grantedFor} …", type "${v.typeApplication}".`,
  ),
  'wizard.entra.credential': `${strong(v.certificatesAndSecrets)}: either ${portalPath(strong(v.clientSecrets), strong(v.newClientSecret), v.add)}, then copy the ${strong(v.valueColumn)} at once (it is shown only once, and the ${v.secretId} next to it is not the secret); or a certificate, which this wizard can create for you in a moment.`,
  'wizard.entra.overview': `${strong(v.overview)}: the ${v.applicationClientId} and the ${v.directoryTenantId} are the next two answers.`,
  'wizard.entra.getting-token': message({ clientId: 'string' }, (p) => `Getting a fresh token for app ${p.clientId} (never a cached one)…`),
  'wizard.entra.done': message({ role: 'string' }, (p) => `${strong('Step 1 done:')} the app gets tokens for Exchange Online with ${p.role}.`),
  'wizard.entra.consent-explained': message(
    { role: 'string' },
    (p) =>
      `Admin consent is what turns the ${p.role} permission into a role in the token. Until an administrator grants it, Entra ID issues tokens without the role and Exchange refuses them. Once it is granted, a fresh token carries the role at once: this walk never reuses a cached token.`,
  ),
  'wizard.entra.retry-after-consent': 'I have granted admin consent: try again with a fresh token',
  'wizard.entra.retry': 'Try again with a fresh token',
  'wizard.entra.change': message({ credential: CREDENTIAL }, (p) =>
    p.credential === 'secret' ? 'Change the tenant ID, client ID or secret' : 'Change the tenant ID, client ID or certificate',
  ),
  'wizard.entra.secret-expired': message(
    { date: 'string' },
    (p) => `${p.date} has passed: Entra ID refuses an expired secret (AADSTS7000222). Create a new one and enter its ${v.valueColumn} and date.`,
  ),
  'wizard.entra.no-oid': `The token names no object id (oid). Copy the ${v.objectId} from ${portalPath(v.enterpriseApplications, 'the app', v.overview)} (not from ${v.appRegistrations}).`,
  'wizard.entra.object-id-invalid': `must be a GUID, from ${portalPath(v.enterpriseApplications, 'the app', v.overview, v.objectId)}`,

  // The claims of step 1's token (claim names are the token's own keys).
  'wizard.claims.title': "The token's claims",

  // The credential (step 1, and "change a value").
  'wizard.credential.given-secret': message(
    { source: 'string', length: 'number' },
    (p) => `The client secret from ${p.source} (${f.plural(p.length, { one: '# character', other: '# characters' })}, not shown)`,
  ),
  'wizard.credential.given-certificate': message(
    { source: 'string', thumbprint: 'string' },
    (p) => `The certificate from ${p.source} (thumbprint ${p.thumbprint})`,
  ),
  'wizard.credential.secret': `A client secret: paste its ${v.valueColumn}`,
  'wizard.credential.secret-about': `${portalPath(v.certificatesAndSecrets, v.clientSecrets)}. What most sending applications ask for; it expires after at most 2 years.`,
  'wizard.credential.new-certificate': 'A certificate: create a key pair and a self-signed certificate now',
  'wizard.credential.new-certificate-about': 'Recommended by Microsoft over secrets, if the sending application accepts a certificate (a PEM private key).',
  'wizard.credential.certificate': 'A certificate I already have (one PEM with the certificate and its private key)',
  'wizard.credential.certificate-about': "For example one issued by your organisation's certificate authority.",
  'wizard.credential.secret-again': 'The client secret is not saved between runs; enter it once more.',
  'wizard.certificate.validity': message({ months: 'number' }, (p) =>
    p.months < 12 ? f.plural(p.months, { one: '# month', other: '# months' }) : f.plural(p.months / 12, { one: '# year', other: '# years' }),
  ),
  'wizard.certificate.no-upload-file': message(
    { keyPath: 'string' },
    (p) => `Without the public certificate there is nothing to upload; ${p.keyPath} holds the private key and must not be uploaded. Choose again.`,
  ),
  'wizard.certificate.key-file': message(
    { path: 'string' },
    (p) => `${strong(p.path)}: the private key and the certificate. It stays with the sending application; never upload or mail it.`,
  ),
  'wizard.certificate.upload-file': message({ path: 'string' }, (p) => `${strong(p.path)}: the public certificate. Upload it now:`),
  'wizard.certificate.thumbprint': v.thumbprint,
  'wizard.certificate.thumbprint-note': '(the portal lists the certificate with this one)',
  'wizard.certificate.sha256-note': '(x5t#S256, what each token request names)',
  'wizard.certificate.expires': v.expires,
  'wizard.certificate.uploaded': 'Uploaded: get a token with it',
  'wizard.certificate.stop': 'Stop here (the files and answers are kept; run again and choose "a certificate I already have")',
  'wizard.certificate.loaded': message({ subject: 'string', path: 'string' }, (p) => `Certificate ${p.subject}, from ${p.path}`),
  'wizard.certificate.must-be-listed': `It must be listed under ${portalPath(v.certificatesAndSecrets, v.certificates)} with that thumbprint; if not:`,
  'wizard.certificate.again': message({ path: 'string', thumbprint: 'string' }, (p) => `Certificate: ${p.path} (thumbprint ${p.thumbprint})`),
  'wizard.certificate.label-file': 'certificate file',
  'wizard.certificate.label-key': 'private key file',
  'wizard.certificate.label-password': 'the password given',
  'wizard.certificate.label-missing-key':
    'the wizard needs one PEM with both: append the key to the certificate (e.g. cat certificate.pem private-key.pem > sender.pem)',
  'wizard.secret.secret-id-pasted': `this looks like the ${v.secretId} (a GUID); copy the ${v.valueColumn} column instead (it is shown only once, right after the secret is created)`,

  // Step 2.
  'wizard.sp.why':
    'Exchange Online does not read app permissions from Entra ID for SMTP: it needs its own service principal for the app, and that service principal needs access to the mailbox it sends from.',
  'wizard.sp.object-id': message(
    { objectId: 'string' },
    (p) =>
      `The object id it needs is the Enterprise application's, ${strong(p.objectId)}, taken from the token's oid claim. The ${v.objectId} on the ${v.appRegistrations} page is a different one; using it is the classic mistake behind "535 5.7.3 Authentication unsuccessful", and it cannot happen here.`,
  ),
  'wizard.sp.run': message({ sendAs: 'boolean' }, (p) => (p.sendAs ? 'Run this in PowerShell (SendAs because the sender is not the mailbox):' : 'Run this in PowerShell:')),
  'wizard.sp.continue': 'Continue to step 3',
  'wizard.sender-name.too-long': message({ max: 'number' }, (p) => `must be at most ${f.plural(p.max, { one: '# character', other: '# characters' })}`),
  'wizard.sender-name.one-line': 'must be one line without " < >',

  // Step 3.
  'wizard.smtp-auth.why': message(
    { mailbox: 'string' },
    (p) =>
      `SMTP AUTH must be on for ${strong(p.mailbox)}. Newer tenants have it off for everyone; the mailbox setting below overrides that for this mailbox only, which is what you want.`,
  ),
  'wizard.smtp-auth.run': message({ scriptPath: 'string?' }, (p) =>
    p.scriptPath ? `In the same PowerShell session (these lines are in ${p.scriptPath} too):` : 'In the same PowerShell session:',
  ),
  'wizard.smtp-auth.security-defaults': `If ${v.securityDefaults} are on, SMTP AUTH stays blocked whatever these settings say.`,
  'wizard.smtp-auth.propagation':
    'Exchange applies changes of steps 2 and 3 after 15–30 minutes (a new mailbox can take up to a day); step 4 can wait and retry for you.',
  'wizard.smtp-auth.continue': 'Continue to step 4: send a test message',

  // Step 4.
  'wizard.test.what': 'A real test: a fresh token, its claims, STARTTLS and XOAUTH2 login to Exchange Online, and a short message that says what it is.',
  'wizard.test.testing': message({ to: 'string' }, (p) => `Testing with a fresh token and a message to ${p.to}:`),
  'wizard.test.done': message(
    { to: 'string?' },
    (p) => `${strong('Step 4 done:')} Exchange accepted the test message. ${p.to ? `Look for it in the inbox of ${p.to}.` : 'Look for it in the inbox.'}`,
  ),
  'wizard.test.server-reply': message({ reply: 'string' }, (p) => `Server reply: ${p.reply}`),
  'wizard.test.connection': message({ tls: 'string' }, (p) => `Connection: ${p.tls}`),
  'wizard.test.retry': 'Retry now',
  'wizard.test.retry-about': 'after fixing what the diagnosis says',
  'wizard.test.wait': message({ intervalMs: 'number', totalMs: 'number' }, (p) => `Wait and retry ${every(p.intervalMs)} for up to ${f.duration(p.totalMs)}`),
  'wizard.test.wait-about': 'changes of steps 2 and 3 take 15–30 minutes to apply; a new mailbox up to a day',
  'wizard.test.change': 'Change a value',
  'wizard.test.waiting': message(
    { intervalMs: 'number', totalMs: 'number' },
    (p) => `Waiting, then retrying ${every(p.intervalMs)} for up to ${f.duration(p.totalMs)}; it stops early on success or on a failure waiting cannot fix.`,
  ),
  'wizard.wait.plan': message({ intervalMs: 'number', totalMs: 'number' }, (p) => `${every(p.intervalMs)} for up to ${f.duration(p.totalMs)}`),
  'wizard.wait.countdown': message(
    { attempt: 'number', attempts: 'number', secondsLeft: 'number' },
    (p) => `Attempt ${p.attempt} of ${p.attempts} in ${countdownClock(p.secondsLeft)}  (Ctrl-C stops; your answers are saved)`,
  ),
  'wizard.wait.still-failing': message({ attempt: 'number', attempts: 'number', code: 'string?' }, (p) =>
    p.code ? `Attempt ${p.attempt} of ${p.attempts}: still ${p.code}.` : `Attempt ${p.attempt} of ${p.attempts}: still failing.`,
  ),

  // Changing a value after a failure (steps 1 and 4).
  'wizard.change.tenant-id': message({ value: 'string' }, (p) => `Tenant ID (${p.value})`),
  'wizard.change.client-id': message({ value: 'string' }, (p) => `Client ID (${p.value})`),
  'wizard.change.credential': 'Client secret or certificate',
  'wizard.change.secret-expires': message({ value: 'string?' }, (p) => (p.value ? `Secret expiry date (${p.value})` : 'Secret expiry date (not given)')),
  'wizard.change.mailbox': message({ value: 'string' }, (p) => `Mailbox (${p.value})`),
  'wizard.change.from': message({ value: 'string' }, (p) => `Sender address (${p.value})`),
  'wizard.change.to': message({ value: 'string' }, (p) => `Test recipient (${p.value})`),
  'wizard.choice.stop': 'Stop here (answers are saved; run again to continue)',

  // The questions (their prompt names are the stable ids tests answer by).
  'wizard.ask.credential-kind': 'How does the app prove itself to Entra ID?',
  'wizard.ask.secret-expires': `When does the secret expire? (its ${v.expires} column, e.g. 2027-05-31; Enter to skip)`,
  'wizard.ask.certificate-validity': 'How long should the certificate be valid?',
  'wizard.ask.certificate-key-file': 'File for the private key and the certificate (it stays with the sending application)',
  'wizard.ask.certificate-upload-file': 'File for the public certificate (to upload)',
  'wizard.ask.certificate-uploaded': 'Uploaded?',
  'wizard.ask.certificate-path': 'PEM file with the certificate and its private key',
  'wizard.ask.certificate-password-again': 'Wrong password; try again',
  'wizard.ask.object-id': `${v.objectId} of the Enterprise application`,
  'wizard.ask.what-now': 'What now?',
  'wizard.ask.which-value': 'Which value?',
  'wizard.ask.from': 'Sender address (From)',
  'wizard.way.question': 'How do you want to set up steps 1–3?',
  'wizard.way.automatic': 'Let this tool do them: sign in as an administrator, confirm a plan, done in minutes',
  'wizard.way.guided': 'Guide me through the portal and PowerShell (the tool changes nothing in the tenant)',
  'wizard.way.automatic-intro': 'The automatic setup shows its plan first and changes nothing before you confirm it.',
  'wizard.ask.sender-name': 'Sender name shown to recipients (Enter to skip)',
  'wizard.ask.save-script': 'Save the PowerShell for steps 2 and 3 to a .ps1 file?',
  'wizard.ask.file-name': 'File name',
  'wizard.ask.continue-when-run': 'Continue when the commands have run',
  'wizard.ask.to': 'Send the test message to',
  'wizard.ask.save-settings': 'Save these settings to a JSON file?',
  'wizard.ask.settings-include-secret': 'Include the client secret in that file?',
  'wizard.ask.write-env': message({ credential: CREDENTIAL }, (p) =>
    p.credential === 'secret'
      ? 'Write a .env file with AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (readable by you only)?'
      : 'Write a .env file with AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH (readable by you only)?',
  ),
  'wizard.ask.keep-secret': message(
    { path: 'string' },
    (p) => `Keep the client secret in the OS credential store (where there is none: in ${p.path}, readable by you only), so \`check\` needs no AZURE_CLIENT_SECRET?`,
  ),
  'wizard.ask.resume': message({ at: WIZARD_PLACES }, (p) => `Continue where you stopped, at ${place(p.at)}?`),

  // Answers given without asking.
  'wizard.answered.yes': '(--yes)',
  'wizard.answered.command-line': '(from the command line)',
  'wizard.answered.skipped': '(skipped)',

  // Files the wizard writes.
  'wizard.files.enter-to-skip': message({ question: 'string' }, (p) => `${p.question} (Enter to skip)`),
  'wizard.files.cannot-write': message({ path: 'string', problem: 'string' }, (p) => `${p.path}: ${p.problem}`),
  'wizard.files.replace': message({ path: 'string' }, (p) => `${p.path} exists. Replace it?`),
  'wizard.files.wrote': message({ path: 'string', private: 'boolean' }, (p) => (p.private ? `Wrote ${p.path} (readable by you only)` : `Wrote ${p.path}`)),

  // The end.
  'wizard.finish.all-work': `${strong('All four steps work.')} Enter these settings in the sending application:`,
  'wizard.settings.smtp-server': 'SMTP server',
  'wizard.settings.port': 'Port',
  'wizard.settings.encryption': 'Encryption',
  'wizard.settings.implicit-tls': 'SSL/TLS (implicit)',
  'wizard.settings.authentication': 'Authentication',
  'wizard.settings.authentication-value': message({ credential: CREDENTIAL }, (p) =>
    p.credential === 'secret' ? 'OAuth 2.0 (XOAUTH2), client credentials with a client secret' : 'OAuth 2.0 (XOAUTH2), client credentials with a certificate',
  ),
  'wizard.settings.sender-address': 'Sender address',
  'wizard.settings.sender-name': 'Sender name',
  'wizard.settings.none': '(none)',
  'wizard.settings.username': 'Username',
  'wizard.settings.tenant-id': 'Tenant ID',
  'wizard.settings.client-id': 'Client ID',
  'wizard.settings.client-secret': 'Client secret',
  'wizard.settings.client-secret-value': message({ mask: 'string' }, (p) => `${p.mask} (the ${v.valueColumn} from step 1, not shown)`),
  'wizard.settings.certificate-file': 'Certificate file',
  'wizard.settings.certificate-file-value': message({ path: 'string' }, (p) => `${p.path} (private key and certificate, PEM)`),
  'wizard.settings.thumbprint': v.thumbprint,
  'wizard.settings.thumbprint-value': message({ thumbprint: 'string' }, (p) => `${p.thumbprint} (SHA-1, as the portal lists it)`),
  'wizard.settings.thumbprint-sha256': `${v.thumbprint} SHA-256`,
  'wizard.settings.certificate-expires': 'Certificate expires',
  'wizard.settings.token-endpoint': 'Token endpoint',
  'wizard.settings.scope': 'Scope',
  'wizard.settings.secret-expires': 'Secret expires',
  'wizard.date': message({ date: 'date' }, (p) => f.date(p.date)),
  'wizard.finish.next-own-tenant': `Next: run ${strong('smtp-oauth-setup')} (without demo) to walk through the same steps for your own tenant.`,
  'wizard.finish.repeat': message(
    { credentialFrom: ['certificate', 'certificate-password', 'env-file', 'saved', 'environment'], envPath: 'string?' },
    (p) => {
      switch (p.credentialFrom) {
        case 'certificate':
        case 'saved':
          return 'To repeat the test later:';
        case 'certificate-password':
          return "To repeat the test later, with the key's password in AZURE_CLIENT_CERTIFICATE_PASSWORD:";
        case 'env-file':
          return p.envPath ? `To repeat the test later (the secret from ${p.envPath}):` : 'To repeat the test later (the secret from the .env file):';
        case 'environment':
          return 'To repeat the test later, with the client secret in AZURE_CLIENT_SECRET:';
      }
    },
  ),
  'wizard.finish.certificate-expires': message(
    { date: 'date' },
    (p) => `The certificate expires on ${f.date(p.date)}: create and upload the next one before then and update the sending application; \`check\` warns 30 days ahead.`,
  ),
  'wizard.finish.secret-expires': message(
    { date: 'string' },
    (p) => `The client secret expires on ${p.date}: create a new one before then and update the sending application.`,
  ),

  // Stopping, resuming, saving.
  'wizard.stopped.saved': message(
    { at: WIZARD_PLACES, path: 'string' },
    (p) => `Stopped at ${place(p.at)}. Your answers are saved in ${p.path} (not the client secret); run smtp-oauth-setup again to continue.`,
  ),
  'wizard.stopped.not-saved': message({ at: WIZARD_PLACES }, (p) => `Stopped at ${place(p.at)}. Nothing was saved.`),
  'wizard.not-saving': message({ reason: 'string' }, (p) => `Progress is not being saved: ${p.reason}`),

  // `setup` before the walk.
  'wizard.setup.not-a-terminal':
    'The setup wizard asks questions, so it needs a terminal (and no --no-input). Without one, pass the values as flags to `smtp-oauth-setup check` (see `smtp-oauth-setup check --help`), or run `smtp-oauth-setup` in a terminal.',
  'wizard.setup.secret-from-stdin':
    'The wizard reads your answers from the terminal, so the secret cannot come from standard input here: use --client-secret-file <path> or AZURE_CLIENT_SECRET, or type it when asked.',
  'wizard.setup.no-config-directory': message(
    { variable: ['HOME', 'APPDATA'] },
    (p) => `No config directory (${p.variable} is not set): progress will not be saved. Set SMTP_OAUTH_SETUP_CONFIG_DIR to keep it.`,
  ),
  'wizard.setup.given-refused': message({ origin: 'string', problem: 'string' }, (p) => `${p.origin}: ${p.problem}; the wizard will ask for it.`),
  'wizard.setup.credential-refused': message({ problem: 'string' }, (p) => `${p.problem}; the wizard will ask for it.`),
  'wizard.setup.secret-refused': message(
    { source: 'string', problem: 'string' },
    (p) => `client secret (${p.source}): ${p.problem}; the wizard will ask for it.`,
  ),
  'wizard.setup.unreadable-config': message({ problem: 'string' }, (p) => `${p.problem} Starting without it.`),
});
