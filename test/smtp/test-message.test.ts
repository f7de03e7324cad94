import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../src/messages/index.js';
import { composeTestMessage } from '../../src/smtp/test-message.js';

/** The test message in the language of the admin who ran the check; its settings and time as they are. */

const facts = {
  from: 'alerts@contoso.com',
  to: 'it@contoso.com',
  mailbox: 'alerts@contoso.com',
  tenantId: '11111111-2222-4333-8444-555555555555',
  clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  now: new Date('2026-12-01T10:00:00Z'),
  toolVersion: '9.9.9',
};

afterEach(() => useLanguage('en'));

/** The message's text part, decoded from quoted-printable. */
function body(raw: Buffer): string {
  const text = raw.toString('utf8');
  const part = text.slice(text.indexOf('\r\n\r\n') + 4);
  return Buffer.from(part.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8');
}

describe('composeTestMessage', () => {
  it('English: says what it is and lists the settings', async () => {
    const message = await composeTestMessage(facts);
    expect(message.subject).toMatch(/^smtp-oauth-setup test message from /);
    const text = body(message.raw);
    expect(text).toContain('This is a test message from smtp-oauth-setup');
    expect(text).toContain('Sent at:        2026-12-01T10:00:00Z');
    expect(text).toContain(`Client ID:      ${facts.clientId}`);
  });

  it('German: the same facts in German words, every value unchanged', async () => {
    await useLanguage('de');
    const message = await composeTestMessage(facts);
    expect(message.subject).toMatch(/^smtp-oauth-setup: Test-E-Mail von /);
    const text = body(message.raw);
    expect(text).toContain('Dies ist eine Test-E-Mail des Programms smtp-oauth-setup');
    expect(text).toContain('Gesendet am:         01.12.2026, 10:00:00 UTC');
    expect(text).toContain('SMTP-Server:         smtp.office365.com:587 (STARTTLS, XOAUTH2)');
    expect(text).toContain(`Mandanten-ID:        ${facts.tenantId}`);
    expect(text).toContain('Eine Antwort ist nicht nötig.');
  });
});
