import type { Translations } from '../define.js';
import type { smtpEn } from '../en/smtp.js';
import { formatterFor } from '../format.js';

const f = formatterFor('de');

/** A label and its value, the values in one column. */
const row = (label: string, value: string) => `${`${label}:`.padEnd(21)}${value}`;

export const smtpDe: Translations<typeof smtpEn> = {
  'smtp.no-tls-upgrade': 'Der Server hat die Verbindung nicht auf TLS umgestellt',
  'smtp.test-message.subject': (p) => `smtp-oauth-setup: Test-E-Mail von ${p.host}`,
  'smtp.test-message.body': (p) =>
    [
      'Dies ist eine Test-E-Mail des Programms smtp-oauth-setup, das den',
      'Versand über Exchange Online mit OAuth2 (XOAUTH2) prüft.',
      'Wenn Sie sie erhalten haben, funktionieren die Einstellungen unten.',
      '',
      row('Gesendet am', f.dateTime(p.sentAt)),
      row('Gesendet von Host', p.host),
      row('SMTP-Server', `${p.smtpHost}:${p.smtpPort} (STARTTLS, XOAUTH2)`),
      row('Postfach (Benutzer)', p.mailbox),
      row('Absender', p.from),
      row('Mandanten-ID', p.tenantId),
      row('Client-ID', p.clientId),
      row('Programm', `smtp-oauth-setup ${p.toolVersion}`),
      '',
      'Eine Antwort ist nicht nötig.',
    ].join('\n'),
};
