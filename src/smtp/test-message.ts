import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export interface TestMessageFacts {
  from: string;
  to: string;
  mailbox: string;
  tenantId: string;
  clientId: string;
  smtpHost: string;
  smtpPort: number;
  /** Injected so that tests and the report agree on the time. */
  now: Date;
  toolVersion: string;
}

/**
 * The test message says what it is, when and from where it was sent, and with which settings, so an
 * admin who finds it in a mailbox (or in Exchange's message trace) knows where it came from. No secret.
 */
export async function composeTestMessage(facts: TestMessageFacts): Promise<{ raw: Buffer; messageId: string; subject: string }> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const domain = facts.from.split('@')[1] ?? 'localhost';
  const messageId = `<${randomUUID()}@${domain}>`;
  const host = hostname();
  const subject = `smtp-oauth-setup test message from ${host}`;
  const text = [
    // Lines stay under 76 characters so that quoted-printable does not fold them.
    'This is a test message from smtp-oauth-setup, which checks sending',
    'through Exchange Online with OAuth2 (XOAUTH2).',
    'If you received it, the settings below work.',
    '',
    `Sent at:        ${facts.now.toISOString()}`,
    `Sent from host: ${host}`,
    `SMTP server:    ${facts.smtpHost}:${facts.smtpPort} (STARTTLS, XOAUTH2)`,
    `Mailbox (user): ${facts.mailbox}`,
    `From:           ${facts.from}`,
    `Tenant ID:      ${facts.tenantId}`,
    `Client ID:      ${facts.clientId}`,
    `Tool:           smtp-oauth-setup ${facts.toolVersion}`,
    '',
    'No reply is needed.',
  ].join('\n');
  const composer = new MailComposer({
    from: facts.from,
    to: facts.to,
    subject,
    text,
    messageId,
    date: facts.now,
    headers: { 'X-Mailer': `smtp-oauth-setup ${facts.toolVersion}` },
  });
  const raw = await composer.compile().build();
  return { raw, messageId, subject };
}
