import { defineMessages, message } from '../define.js';
import { formatterFor } from '../format.js';

const f = formatterFor('en');

/** The SMTP leg: the test message's subject and body (what an admin finds in the mailbox or the message trace). */
export const smtpEn = defineMessages({
  'smtp.no-tls-upgrade': 'The server did not upgrade the connection to TLS',
  'smtp.test-message.subject': message({ host: 'string' }, (p) => `smtp-oauth-setup test message from ${p.host}`),
  'smtp.test-message.body': message(
    {
      sentAt: 'date',
      host: 'string',
      smtpHost: 'string',
      smtpPort: 'number',
      mailbox: 'string',
      from: 'string',
      tenantId: 'string',
      clientId: 'string',
      toolVersion: 'string',
    },
    (p) =>
      [
        // Lines stay under 76 characters so that quoted-printable does not fold them.
        'This is a test message from smtp-oauth-setup, which checks sending',
        'through Exchange Online with OAuth2 (XOAUTH2).',
        'If you received it, the settings below work.',
        '',
        `Sent at:        ${f.dateTime(p.sentAt)}`,
        `Sent from host: ${p.host}`,
        `SMTP server:    ${p.smtpHost}:${p.smtpPort} (STARTTLS, XOAUTH2)`,
        `Mailbox (user): ${p.mailbox}`,
        `From:           ${p.from}`,
        `Tenant ID:      ${p.tenantId}`,
        `Client ID:      ${p.clientId}`,
        `Tool:           smtp-oauth-setup ${p.toolVersion}`,
        '',
        'No reply is needed.',
      ].join('\n'),
  ),
});
