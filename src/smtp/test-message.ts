import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { t } from '../messages/index.js';

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
 * Its words are in the language in use (the admin who runs the check reads it); the time stays ISO 8601 UTC.
 */
export async function composeTestMessage(facts: TestMessageFacts): Promise<{ raw: Buffer; messageId: string; subject: string }> {
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer');
  const domain = facts.from.split('@')[1] ?? 'localhost';
  const messageId = `<${randomUUID()}@${domain}>`;
  const host = hostname();
  const subject = t('smtp.test-message.subject', { host });
  const text = t('smtp.test-message.body', {
    sentAt: facts.now,
    host,
    smtpHost: facts.smtpHost,
    smtpPort: facts.smtpPort,
    mailbox: facts.mailbox,
    from: facts.from,
    tenantId: facts.tenantId,
    clientId: facts.clientId,
    toolVersion: facts.toolVersion,
  });
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
