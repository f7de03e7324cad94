import { commandLine, numbered } from '../../diagnose/layout.js';
import { defineMessages } from '../define.js';
import { vocabularyEn as w } from '../vocabulary/en.js';
import {
  cap,
  CLOUD_TITLE,
  consentPath,
  diagnosisText as d,
  during,
  EXO_CONNECT,
  FRESH_TOKEN,
  GRANT_CONSENT,
  portal,
  PROPAGATION,
  said,
  SECURITY_DEFAULTS_PATH,
  server,
  servicePrincipalSteps,
  smtpAuthSteps,
  smtpSettings,
  theMailbox,
  theSender,
  where,
} from './diagnosis.js';

/** The diagnoses of the SMTP conversation (catalog B), the network and TLS, the run itself and internal errors. */
export const diagnosisSmtpEn = defineMessages({
  // ===== B. SMTP replies of Exchange Online
  'diagnosis.smtp-auth-unsuccessful.title': 'Authentication unsuccessful (XOAUTH2 rejected; token role not known)',
  'diagnosis.smtp-auth-unsuccessful.summary': d(
    (v) =>
      `Exchange Online refused the XOAUTH2 login for ${theMailbox(v)} (535 5.7.3) without saying why. Most often the token lacks SMTP.SendAsApp (step 1), or the Exchange service principal is missing, has the wrong object id or lacks FullAccess (step 2).`,
  ),
  'diagnosis.smtp-auth-unsuccessful.fix': d((v) =>
    [
      "First look at the token's roles claim (decode the token): does it contain SMTP.SendAsApp?",
      'If not (step 1):',
      numbered(consentPath(v), GRANT_CONSENT, FRESH_TOKEN),
      'If it does (step 2):',
      numbered(...servicePrincipalSteps(v)),
    ].join('\n'),
  ),

  'diagnosis.smtp-auth-service-principal.title':
    'Authentication unsuccessful with a valid SMTP.SendAsApp token: Exchange service principal or mailbox permission',
  'diagnosis.smtp-auth-service-principal.summary': d(
    (v) =>
      `Exchange Online refused the XOAUTH2 login for ${theMailbox(v)} although the token carries SMTP.SendAsApp. The Exchange service principal is missing or was created with the app registration's object id instead of the Enterprise application's, or it lacks FullAccess to the mailbox — or a recent change has not propagated yet.`,
  ),
  'diagnosis.smtp-auth-service-principal.fix': d((v) => numbered(...servicePrincipalSteps(v))),

  'diagnosis.smtp-auth-missing-role.title': 'Authentication unsuccessful: the token lacks SMTP.SendAsApp',
  'diagnosis.smtp-auth-missing-role.summary': d(
    (v) =>
      `Exchange Online refused the XOAUTH2 login for ${theMailbox(v)} because the token has no SMTP.SendAsApp role: the application permission is missing or admin consent was not granted.`,
  ),
  'diagnosis.smtp-auth-missing-role.fix': d((v) =>
    numbered(
      consentPath(v),
      GRANT_CONSENT,
      FRESH_TOKEN,
      `Make sure step 2 is done too:${commandLine(v.cmd.newServicePrincipal)}${commandLine(v.cmd.addMailboxPermission)}`,
    ),
  ),

  'diagnosis.smtp-auth-disabled-tenant.title': 'SMTP AUTH disabled for the organization',
  'diagnosis.smtp-auth-disabled-tenant.summary': d(
    (v) =>
      `SMTP AUTH is turned off for the organization, and ${theMailbox(v)} does not override it, so Exchange Online refuses every SMTP login.`,
  ),
  'diagnosis.smtp-auth-disabled-tenant.fix': d((v) => numbered(...smtpAuthSteps(v, 'tenant'))),

  'diagnosis.smtp-auth-disabled-mailbox.title': 'SMTP AUTH disabled for the mailbox',
  'diagnosis.smtp-auth-disabled-mailbox.summary': d((v) => `SMTP AUTH is turned off for ${theMailbox(v)}.`),
  'diagnosis.smtp-auth-disabled-mailbox.fix': d((v) => numbered(...smtpAuthSteps(v, 'mailbox'))),

  'diagnosis.smtp-basic-auth-disabled.title': 'Basic authentication disabled (the client used a password, not XOAUTH2)',
  'diagnosis.smtp-basic-auth-disabled.summary': d(
    () =>
      'The sending application logged in with a user name and password (AUTH LOGIN/PLAIN), which the tenant blocks; it must use XOAUTH2 with an access token.',
  ),
  'diagnosis.smtp-basic-auth-disabled.fix': d((v) =>
    numbered(
      'Switch the sending application to OAuth 2.0 / XOAUTH2 (not "password", and do not put the client secret into the password field).',
      smtpSettings(v),
    ),
  ),

  'diagnosis.smtp-basic-auth-credentials.title': 'User credentials incorrect (basic authentication attempted)',
  'diagnosis.smtp-basic-auth-credentials.summary': d(
    () =>
      'The sending application logged in with a user name and password (basic authentication) and Exchange Online rejected them; this setup uses XOAUTH2 instead.',
  ),
  'diagnosis.smtp-basic-auth-credentials.fix': d((v) =>
    numbered('Switch the sending application to OAuth 2.0 / XOAUTH2 with an access token.', smtpSettings(v)),
  ),

  'diagnosis.smtp-auth-policy-blocked.title': 'Request did not meet the criteria to be authenticated (tenant policy)',
  'diagnosis.smtp-auth-policy-blocked.summary': d(
    (v) =>
      `A tenant policy (Conditional Access, an authentication policy or security defaults) blocked the SMTP login for ${theMailbox(v)}.`,
  ),
  'diagnosis.smtp-auth-policy-blocked.fix': d((v) =>
    numbered(
      `${portal(w.entraId, w.monitoringHealth, w.signInLogs)} (and ${w.servicePrincipalSignIns} for app ${v.show.client}): the failed sign-in names the policy; exclude this app or mailbox from it.`,
      ...smtpAuthSteps(v, 'either').slice(-2),
    ),
  ),

  'diagnosis.smtp-auth-security-defaults.title': 'Blocked by security defaults',
  'diagnosis.smtp-auth-security-defaults.summary': d(() => 'Security defaults are on in this tenant, and they block SMTP AUTH.'),
  'diagnosis.smtp-auth-security-defaults.fix': d(() =>
    numbered(
      `${SECURITY_DEFAULTS_PATH}, and put ${w.conditionalAccess} policies (MFA for users) in their place.`,
      'The change takes effect after 15–30 minutes.',
    ),
  ),

  'diagnosis.smtp-auth-blocked.title': 'Authentication unsuccessful for a policy reason (other wording)',
  'diagnosis.smtp-auth-blocked.summary': d((v) => `Exchange Online refused the SMTP login for a policy reason${said(v)}`),
  'diagnosis.smtp-auth-blocked.fix': d((v) => numbered(...smtpAuthSteps(v, 'either'))),

  'diagnosis.smtp-basic-auth-not-supported.title': 'Basic authentication not supported for client submission',
  'diagnosis.smtp-basic-auth-not-supported.summary': d(
    () => 'Exchange Online no longer accepts a user name and password for SMTP; the sending application must log in with XOAUTH2.',
  ),
  'diagnosis.smtp-basic-auth-not-supported.fix': d((v) => numbered('Switch the sending application to OAuth 2.0 / XOAUTH2.', smtpSettings(v))),

  'diagnosis.smtp-not-authenticated.title': 'Client not authenticated to send mail',
  'diagnosis.smtp-not-authenticated.summary': d(
    () => 'The sending application tried to send without a successful login: it did not authenticate at all, or carried on after a failed AUTH.',
  ),
  'diagnosis.smtp-not-authenticated.fix': d((v) =>
    numbered(
      'Turn authentication on in the sending application (XOAUTH2) and look at the reply to AUTH: its error is the real cause.',
      smtpSettings(v),
    ),
  ),

  'diagnosis.smtp-starttls-required.title': 'STARTTLS is required to send mail',
  'diagnosis.smtp-starttls-required.summary': d(
    () => 'The sending application did not switch the connection to TLS (STARTTLS) before logging in or sending.',
  ),
  'diagnosis.smtp-starttls-required.fix': d((v) =>
    numbered(`Enable STARTTLS (often called "TLS" or "STARTTLS required") for port ${v.smtpPort} in the sending application.`, smtpSettings(v)),
  ),

  'diagnosis.smtp-auth-mechanism-unsupported.title': 'Unrecognized authentication type',
  'diagnosis.smtp-auth-mechanism-unsupported.summary': d(
    () =>
      'Exchange Online did not accept the login method: AUTH was sent before STARTTLS, or with a mechanism it does not offer (it offers only LOGIN and XOAUTH2).',
  ),
  'diagnosis.smtp-auth-mechanism-unsupported.fix': d((v) => numbered('Use STARTTLS first, then AUTH XOAUTH2.', smtpSettings(v))),

  'diagnosis.smtp-send-hello-first.title': 'Send hello first',
  'diagnosis.smtp-send-hello-first.summary': d(
    () =>
      'The sending application sent a command before EHLO — typically it did not repeat EHLO after STARTTLS — which is a fault of that SMTP client.',
  ),
  'diagnosis.smtp-send-hello-first.fix': d(() =>
    numbered('Update or reconfigure the sending application so that it sends EHLO again after STARTTLS; use a maintained SMTP library.'),
  ),

  'diagnosis.smtp-xoauth2-user-invalid.title': 'Invalid XOAUTH2 auth data: user address not valid',
  'diagnosis.smtp-xoauth2-user-invalid.summary': d(() => 'The user= value in the XOAUTH2 login is empty or not a valid email address.'),
  'diagnosis.smtp-xoauth2-user-invalid.fix': d((v) =>
    numbered(`Set the SMTP user name to the mailbox address (${v.show.mailbox}) in the sending application.`),
  ),

  'diagnosis.smtp-tls-version-too-old.title': 'TLS 1.0 and 1.1 are not supported',
  'diagnosis.smtp-tls-version-too-old.summary': d(
    () => 'The sending application negotiated TLS 1.0 or 1.1; Exchange Online requires TLS 1.2 or newer.',
  ),
  'diagnosis.smtp-tls-version-too-old.fix': d(() =>
    numbered('Update the sending application, its runtime (.NET, Java, OpenSSL) or the operating system so that it uses TLS 1.2 or 1.3.'),
  ),

  'diagnosis.smtp-temporary-server-error.title': 'Temporary server error',
  'diagnosis.smtp-temporary-server-error.summary': d((v) => `Exchange Online had a temporary failure${during(v)}; this is on Microsoft's side.`),
  'diagnosis.smtp-temporary-server-error.fix': d(() => numbered('Try again in a few minutes on a new connection; retry with increasing pauses.')),

  'diagnosis.smtp-concurrent-connections.title': 'Too many concurrent connections for the mailbox',
  'diagnosis.smtp-concurrent-connections.summary': d(
    (v) => `${cap(theMailbox(v))} already has the maximum of 3 simultaneous SMTP submissions, so Exchange Online refused another one.`,
  ),
  'diagnosis.smtp-concurrent-connections.fix': d(() =>
    numbered('Send through fewer parallel connections (ideally one per mailbox) and reuse it for several messages.', 'Retry after a short pause.'),
  ),

  'diagnosis.smtp-mailbox-logon-failure.title': 'Mailbox logon failure at submission',
  'diagnosis.smtp-mailbox-logon-failure.summary': d(
    (v) =>
      `Exchange Online accepted the login but could not open ${theMailbox(v)} to submit the message: the service principal has no FullAccess to it, or a recent change has not propagated yet.`,
  ),
  'diagnosis.smtp-mailbox-logon-failure.fix': d((v) =>
    numbered(
      `${EXO_CONNECT} give the service principal access to the mailbox:${commandLine(v.cmd.addMailboxPermission)}`,
      `Check it:${commandLine(v.cmd.getMailboxPermission)}`,
      PROPAGATION,
    ),
  ),

  'diagnosis.smtp-send-as-denied.title': 'Client does not have permissions to send as this sender',
  'diagnosis.smtp-send-as-denied.summary': d((v) => `${cap(theSender(v))} is not the authenticated ${theMailbox(v)}, and the app may not send as it.`),
  'diagnosis.smtp-send-as-denied.fix': d((v) =>
    numbered(
      `Send from the mailbox's own address (${v.show.mailbox}), or`,
      `${EXO_CONNECT} allow the app to send as ${v.show.sender}:${commandLine(v.cmd.addRecipientPermission)}`,
      `If ${v.show.sender} is an alias (proxy address) of the mailbox itself, allow sending from aliases instead:${commandLine(v.cmd.setOrganizationConfigSendFromAlias)}`,
      'Permission changes take 15–30 minutes to apply.',
    ),
  ),

  'diagnosis.smtp-send-as-denied-submission.title': 'SendAsDenied at submission',
  'diagnosis.smtp-send-as-denied-submission.summary': d(
    (v) =>
      `Exchange Online refused to send as ${theSender(v)}: it is not the authenticated ${theMailbox(v)} and the app has no SendAs permission for it.`,
  ),
  'diagnosis.smtp-send-as-denied-submission.fix': d((v) =>
    numbered(
      `Send from the mailbox's own address (${v.show.mailbox}), or`,
      `${EXO_CONNECT} allow the app to send as ${v.show.sender}:${commandLine(v.cmd.addRecipientPermission)}`,
      'Permission changes take 15–30 minutes to apply.',
    ),
  ),

  'diagnosis.smtp-submission-quota-exceeded.title': 'Daily recipient limit (submission quota) exceeded',
  'diagnosis.smtp-submission-quota-exceeded.summary': d(
    (v) =>
      `${cap(theMailbox(v))} has sent to more than 10,000 recipients in the last 24 hours, so Exchange Online refuses further messages for now.`,
  ),
  'diagnosis.smtp-submission-quota-exceeded.fix': d(() =>
    numbered(
      'Wait until the rolling 24-hour window drops below the limit, then send again.',
      'For bulk mail use a service built for it (for example Azure Communication Services Email), or spread sending over several mailboxes.',
    ),
  ),

  'diagnosis.smtp-sender-mailbox-full.title': 'Sender mailbox full',
  'diagnosis.smtp-sender-mailbox-full.summary': d(
    (v) => `${cap(theMailbox(v))} is full, so the sent message cannot be stored and Exchange Online refuses it.`,
  ),
  'diagnosis.smtp-sender-mailbox-full.fix': d((v) =>
    numbered(`Free space in ${v.show.mailbox} (empty Sent Items and Deleted Items, or archive), or raise its quota.`),
  ),

  'diagnosis.smtp-ip-blocked.title': 'Tenant or IP blocked by Microsoft',
  'diagnosis.smtp-ip-blocked.summary': d(
    () =>
      'Microsoft is refusing mail from this tenant or sending IP range (often a new or trial tenant, or one with suspicious sending); no setting on your side changes that.',
  ),
  'diagnosis.smtp-ip-blocked.fix': d(() =>
    numbered('Open a support request in the Microsoft 365 admin center (Support → New service request) quoting the reply.'),
  ),

  'diagnosis.smtp-sender-banned.title': 'Sender blocked for spam (restricted sender)',
  'diagnosis.smtp-sender-banned.summary': d((v) => `Microsoft has blocked ${theMailbox(v)} from sending because of suspected spam.`),
  'diagnosis.smtp-sender-banned.fix': d(() =>
    numbered(
      'Microsoft Defender portal → Email & collaboration → Review → Restricted entities: check the sender, find out why it sent spam (a leaked secret?), then release it.',
    ),
  ),

  'diagnosis.smtp-tenant-recipient-limit.title': 'Tenant external recipient rate limit exceeded',
  'diagnosis.smtp-tenant-recipient-limit.summary': d(
    () => 'The tenant has reached its daily limit of external recipients, so Exchange Online refuses more for now.',
  ),
  'diagnosis.smtp-tenant-recipient-limit.fix': d(() =>
    numbered('Wait until the daily window frees up, then send again; reduce external bulk sending.'),
  ),

  // ===== Network, TLS and local failures
  'diagnosis.connection-refused.title': 'Connection refused',
  'diagnosis.connection-refused.summary': d(
    (v) => `The connection to ${where(v)} was refused: nothing accepted it on that port, or a firewall rejected it.`,
  ),
  'diagnosis.connection-refused.fix': d((v) =>
    v.target === 'token'
      ? numbered(`Check the authority host (${v.authority}) and that HTTPS (port 443) to it is allowed, directly or through the proxy.`)
      : numbered(
          `Check host and port: Exchange Online takes SMTP client submission at ${v.cloudSmtpHost} port ${v.cloudSmtpPort} with STARTTLS (step 4).`,
          `Outbound port ${v.testPort} is often blocked by a firewall, an ISP or a hosting provider; ask for it to be opened. Test from this machine:${v.cmd.portTest}`,
        ),
  ),

  'diagnosis.host-not-found.title': 'Host name not found (DNS)',
  'diagnosis.host-not-found.summary': d((v) =>
    v.host ? `The host name ${v.host} could not be resolved in DNS.` : 'A host name could not be resolved in DNS.',
  ),
  'diagnosis.host-not-found.fix': d((v) =>
    numbered(
      v.target === 'token'
        ? `Check the authority host (${v.authority}): ${CLOUD_TITLE[v.cloud]} uses ${v.cloudAuthority} (step 4).`
        : `Check the spelling of the SMTP host: Exchange Online uses ${v.cloudSmtpHost} (step 4).`,
      `Test name resolution on this machine; if it fails, check the DNS servers or proxy settings:${commandLine(v.cmd.nslookup)}`,
    ),
  ),

  'diagnosis.dns-temporary-failure.title': 'DNS lookup failed temporarily',
  'diagnosis.dns-temporary-failure.summary': d((v) => `The DNS lookup of ${v.host ?? 'the host'} failed temporarily: the DNS server did not answer.`),
  'diagnosis.dns-temporary-failure.fix': d((v) =>
    numbered(`Check the network connection and DNS servers, then try again:${commandLine(v.cmd.nslookup)}`),
  ),

  'diagnosis.connection-timeout.title': 'Timed out',
  'diagnosis.connection-timeout.summary': d((v) =>
    v.target === 'token' && !v.phase
      ? `${where(v)} did not answer in time: a firewall or proxy may be holding the connection, or the service is slow.`
      : !v.phase || v.phase === 'connect'
        ? `No connection to ${where(v)} could be made in time: the packets are probably dropped by a firewall, or the host is unreachable.`
        : `${where(v)} stopped answering${during(v)}.`,
  ),
  'diagnosis.connection-timeout.fix': d((v) =>
    v.phase && v.phase !== 'connect'
      ? numbered('Try again; if it keeps happening at the same point, a proxy or antivirus that inspects SMTP may be holding the connection.')
      : numbered(
          v.target === 'token'
            ? `Check that HTTPS (port 443) to ${v.host ?? v.authority} is allowed, directly or through the proxy.`
            : `Many networks and hosting providers block outbound SMTP ports. Check that port ${v.testPort} to ${v.testHost} is open:${v.cmd.portTest}`,
          'Then try again.',
        ),
  ),

  'diagnosis.connection-reset.title': 'Connection reset or closed unexpectedly',
  'diagnosis.connection-reset.summary': d((v) => `The connection to ${where(v)} was closed unexpectedly${during(v)}.`),
  'diagnosis.connection-reset.fix': d(() =>
    numbered(
      'Try again; short interruptions happen.',
      'If it repeats, a firewall, proxy or antivirus that inspects mail traffic may be cutting the connection: exempt this host from inspection.',
    ),
  ),

  'diagnosis.network-unreachable.title': 'Network or host unreachable',
  'diagnosis.network-unreachable.summary': d((v) => `${where(v)} cannot be reached from this machine: there is no network route to it.`),
  'diagnosis.network-unreachable.fix': d(() => numbered('Check the network connection, VPN and routing (and IPv6 versus IPv4), then try again.')),

  'diagnosis.tls-certificate-untrusted.title': 'Untrusted TLS certificate (often a TLS-inspecting proxy)',
  'diagnosis.tls-certificate-untrusted.summary': d(
    (v) =>
      `The TLS certificate presented for ${where(v)} is not signed by a trusted authority; usually a firewall, proxy or antivirus on the way is inspecting TLS with its own certificate.`,
  ),
  'diagnosis.tls-certificate-untrusted.fix': d((v) =>
    numbered(
      `Ask the network team for the inspecting device's root CA certificate (PEM file) and let this program trust it by setting NODE_EXTRA_CA_CERTS before starting it:${v.cmd.extraCaCerts}`,
      `Or exempt Microsoft's hosts (${v.cloudAuthority}, ${v.cloudSmtpHost}) from TLS inspection.`,
      'Do not switch certificate checks off: the connection carries your access token.',
    ),
  ),

  'diagnosis.tls-certificate-wrong-host.title': 'TLS certificate is for another host name',
  'diagnosis.tls-certificate-wrong-host.summary': d(
    (v) =>
      `The TLS certificate presented by ${where(v)} is for another host name: the host is configured by IP address or an alias, or a proxy intercepts the connection.`,
  ),
  'diagnosis.tls-certificate-wrong-host.fix': d((v) =>
    numbered(
      v.target === 'token'
        ? `Use the authority host by its real name (${v.cloudAuthority}) (step 4).`
        : `Use the host name ${v.cloudSmtpHost} itself, not an IP address or your own alias (step 4).`,
      'If the name is right, a proxy or antivirus is intercepting TLS: exempt this host from inspection.',
    ),
  ),

  'diagnosis.tls-certificate-expired.title': 'TLS certificate expired or not yet valid',
  'diagnosis.tls-certificate-expired.summary': d(
    (v) =>
      `The TLS certificate presented for ${where(v)} is expired or not yet valid; usually the clock of this machine is wrong, or a proxy presents an outdated certificate.`,
  ),
  'diagnosis.tls-certificate-expired.fix': d(() =>
    numbered(
      'Check the date and time of this machine and synchronise it (NTP).',
      'If the clock is right, a TLS-inspecting proxy or antivirus is presenting an old certificate: exempt this host from inspection.',
    ),
  ),

  'diagnosis.tls-wrong-mode.title': 'Implicit TLS used on a STARTTLS port',
  'diagnosis.tls-wrong-mode.summary': d(
    (v) => `The client started TLS immediately on ${where(v)}, but that port expects plain SMTP followed by STARTTLS.`,
  ),
  'diagnosis.tls-wrong-mode.fix': d((v) =>
    numbered(
      'Set the security mode to STARTTLS (in nodemailer: secure: false, requireTLS: true; in .NET/MailKit: SecureSocketOptions.StartTls), not "SSL/TLS" (step 4).',
      smtpSettings(v),
    ),
  ),

  'diagnosis.tls-handshake-failed.title': 'TLS handshake failed',
  'diagnosis.tls-handshake-failed.summary': d((v) => `The TLS handshake with ${where(v)} failed${said(v)}`),
  'diagnosis.tls-handshake-failed.fix': d(() =>
    numbered(
      'Make sure TLS 1.2 or newer is allowed on this machine (no policy or old OpenSSL configuration restricting it).',
      'A proxy or antivirus inspecting TLS can also break the handshake: exempt this host from inspection.',
    ),
  ),

  'diagnosis.starttls-not-offered.title': 'Server does not offer STARTTLS',
  'diagnosis.starttls-not-offered.summary': d(
    (v) =>
      `${where(v)} did not offer STARTTLS, so the connection stayed unencrypted and no token was sent (this tool never sends a token over cleartext).`,
  ),
  'diagnosis.starttls-not-offered.fix': d((v) =>
    numbered(
      `Check host and port: Exchange Online offers STARTTLS at ${v.cloudSmtpHost} port ${v.cloudSmtpPort} (step 4).`,
      `If they are right, a proxy, firewall or antivirus is stripping STARTTLS from the conversation ("SMTP inspection"): exempt ${v.testHost} from it.`,
    ),
  ),

  'diagnosis.network-error.title': 'Network failure',
  'diagnosis.network-error.summary': d((v) => `The connection to ${where(v)} failed${during(v)}${said(v)}`),
  'diagnosis.network-error.fix': d(() =>
    numbered('Check the network connection, proxy and firewall, then try again.', 'If a proxy is required, make sure it allows this connection.'),
  ),

  'diagnosis.response-too-large.title': 'Answer too large: not Entra ID answering',
  'diagnosis.response-too-large.summary': d(
    (v) =>
      `${where(v)} sent an answer larger than any answer of Entra ID (a token or its metadata is a few kilobytes), so it was cut off: something other than Entra ID answered, such as a proxy, a captive portal or another web server.`,
  ),
  'diagnosis.response-too-large.fix': d((v) =>
    numbered(
      `Check the authority host (${v.authority}): Entra ID answers tokens of this cloud at ${v.cloudAuthority} (step 4).`,
      'If it is right, a proxy or filter on the way answers in its place: check the proxy settings (HTTPS_PROXY, --proxy) and open the authority URL in a browser on this machine to see who answers.',
    ),
  ),

  // ===== Fallbacks for unrecognised SMTP replies
  'diagnosis.smtp-auth-refused.title': 'Exchange Online refused the login (unrecognised reply)',
  'diagnosis.smtp-auth-refused.summary': d((v) => `${server(v)} refused the login for ${theMailbox(v)}${said(v)}`),
  'diagnosis.smtp-auth-refused.fix': d((v) =>
    numbered(
      `Check that the token has the SMTP.SendAsApp role (step 1), that the Exchange service principal exists with FullAccess to ${v.show.mailbox} (step 2), and that SMTP AUTH is on for the mailbox (step 3).`,
      smtpSettings(v),
    ),
  ),

  'diagnosis.smtp-message-refused.title': 'Exchange Online refused the message (unrecognised reply)',
  'diagnosis.smtp-message-refused.summary': d((v) => `${server(v)} refused the message${during(v)}${said(v)}`),
  'diagnosis.smtp-message-refused.fix': d((v) =>
    numbered(
      `Check the sender (${v.show.sender}: the mailbox itself, or an address the app may send as) and the recipients.`,
      "Look the status code up in Microsoft's list of non-delivery report codes.",
    ),
  ),

  'diagnosis.smtp-temporary-failure.title': 'Temporary SMTP failure (unrecognised 4xx reply)',
  'diagnosis.smtp-temporary-failure.summary': d((v) => `${server(v)} reported a temporary failure${during(v)}${said(v)}`),
  'diagnosis.smtp-temporary-failure.fix': d(() => numbered('Try again in a few minutes; retry with increasing pauses.')),

  'diagnosis.smtp-session-refused.title': 'SMTP server refused the session before login (unrecognised reply)',
  'diagnosis.smtp-session-refused.summary': d((v) => `${where(v)} refused the SMTP session${during(v)}${said(v)}`),
  'diagnosis.smtp-session-refused.fix': d((v) =>
    numbered(
      `Check that the host is Exchange Online (${v.cloudSmtpHost}, port ${v.cloudSmtpPort}) and not another server or a proxy (step 4).`,
      smtpSettings(v),
    ),
  ),

  // ===== Internal errors, and the run itself
  'diagnosis.internal-error.title': 'Internal error of smtp-oauth-setup',
  'diagnosis.internal-error.summary': d(
    (v) => `smtp-oauth-setup could not diagnose this failure${v.quoted ? ` (${v.quoted})` : ''}; this is a bug in the tool.`,
  ),
  'diagnosis.internal-error.fix': d(() => numbered('Please report it with the output of the run (it contains no secrets).')),

  'diagnosis.input-invalid.title': 'A value given to smtp-oauth-setup is not valid',
  'diagnosis.input-invalid.summary': d((v) => `A value given to smtp-oauth-setup is not valid${firstProblem(v)}. Nothing was sent to Microsoft.`),
  'diagnosis.input-invalid.fix': d(() =>
    numbered(
      'Correct each value listed under problems: a flag, an environment variable, the saved configuration, or a row of the targets file.',
      'Run the command again; `smtp-oauth-setup check --help` lists every flag and environment variable.',
    ),
  ),

  'diagnosis.input-missing.title': 'A value smtp-oauth-setup needs was not given',
  'diagnosis.input-missing.summary': d(
    (v) => `smtp-oauth-setup was not given every value it needs${firstProblem(v)}. Nothing was sent to Microsoft.`,
  ),
  'diagnosis.input-missing.fix': d(() =>
    numbered(
      'Give each value listed under problems as a flag or an environment variable (a script or CI job never gets a question).',
      'Or run `smtp-oauth-setup setup` once: `check` reads the answers it saves.',
    ),
  ),

  'diagnosis.cancelled.title': 'The run was cancelled',
  'diagnosis.cancelled.summary': d(
    (v) => `The run was cancelled${v.quoted ? ` (${v.quoted})` : ''} before it finished: it says nothing about the setup.`,
  ),
  'diagnosis.cancelled.fix': d(() =>
    numbered(
      'Run the command again and let it finish.',
      'A network step that hangs ends by itself after --timeout seconds (default 20) with its own diagnosis.',
    ),
  ),
});

/** `: "<the first problem>" (and 2 more)` for an input error; empty when the problems are not known. */
function firstProblem(v: { quoted?: string; problemCount?: number }): string {
  if (!v.quoted) return '';
  const more = (v.problemCount ?? 1) - 1;
  return `: "${v.quoted}"${more > 0 ? ` (and ${more} more)` : ''}`;
}
