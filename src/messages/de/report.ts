import type { Translations } from '../define.js';
import type { reportEn } from '../en/report.js';
import { formatterFor } from '../format.js';

const f = formatterFor('de');
const soon = (days: number) => (days <= 1 ? 'in weniger als einem Tag' : f.plural(days, { one: 'in #\u00a0Tag', other: 'in #\u00a0Tagen' }));
const yesNo = (value: boolean) => (value ? 'ja' : 'nein');

export const reportDe: Translations<typeof reportEn> = {
  'report.github.error-title': (p) => `${p.name}: ${p.code}${p.step ? ` (Einrichtungsschritt ${p.step})` : ''}`,
  'report.github.warning-title': (p) => `${p.name}: Warnung`,
  'report.github.heading': (p) => `smtp-oauth-setup: ${f.number(p.passed)} von ${f.number(p.total)} erfolgreich`,
  'report.github.column.target': 'Ziel',
  'report.github.column.result': 'Ergebnis',
  'report.github.column.step': 'Schritt',
  'report.github.column.exit': 'Exit',
  'report.github.column.details': 'Details',
  'report.github.ok': 'ok',
  'report.github.failed': 'fehlgeschlagen',
  'report.github.how-to-fix': (p) => `${p.name}: so beheben Sie es`,
  'report.github.warnings': 'Warnungen',
  'report.ci.no-step-summary': 'GITHUB_STEP_SUMMARY ist nicht gesetzt: keine Job-Zusammenfassung geschrieben',
  'report.ci.summary-unwritable': (p) => `Die Job-Zusammenfassung konnte nicht an ${p.path} angehängt werden: ${p.reason}`,
  'report.ci.junit-unwritable': (p) => `Der JUnit-Bericht ${p.path} konnte nicht geschrieben werden: ${p.reason}`,
  'report.ci.junit-path': (p) => `--junit: ${p.path}: ${p.problem}`,
  'report.metrics.path': (p) => `--metrics-file: ${p.path}: ${p.problem}`,
  'report.metrics.unwritable': (p) => `Die Metrikdatei ${p.path} konnte nicht geschrieben werden: ${p.reason}`,
  'report.junit.details': (p) =>
    `Einrichtungsschritt: ${p.step ?? 'keiner'}\nExit-Code: ${p.exitCode}\nVorübergehend: ${yesNo(p.transient)}\nVerzögerte Übernahme möglich: ${yesNo(p.propagation)}`,

  'report.nagios.passed-sent': (p) => `${p.mailbox}: Token, AUTH XOAUTH2 und Test-E-Mail von ${p.server} angenommen`,
  'report.nagios.passed-auth': (p) => `${p.mailbox}: Token und AUTH XOAUTH2 von ${p.server} angenommen (keine Test-E-Mail gesendet)`,
  'report.nagios.secret-expiring': (p) =>
    `${p.mailbox}: Das Senden funktioniert, aber der geheime Clientschlüssel läuft am ${f.date(p.expiresOn)} ab (${soon(p.daysLeft)})`,
  'report.nagios.certificate-expiring': (p) =>
    `${p.mailbox}: Das Senden funktioniert, aber das Zertifikat läuft am ${f.date(p.expiresOn)} ab (${soon(p.daysLeft)})`,
  'report.nagios.failed-at-step': (p) => `${p.mailbox}: ${p.code} in Einrichtungsschritt ${p.step}`,
  'report.nagios.failed': (p) => `${p.mailbox}: ${p.code}`,
  'report.nagios.transient':
    'Vorübergehend: Die nächste Prüfung kann gelingen; die Wiederholungen des Überwachungssystems (max_check_attempts) überbrücken eine kurze Störung.',
  'report.nagios.propagation': 'Warten hilft nur, wenn jemand die Einrichtung in der letzten Stunde geändert hat (Übernahme noch ausstehend).',
  'report.nagios.fix': 'Behebung:',
  'report.nagios.server-said': (p) => `Antwort des Servers: ${p.response}`,
  'report.nagios.warning': (p) => `Warnung: ${p.text}`,
  'report.nagios.could-not-run': (p) => `${p.code}: Die Prüfung konnte nicht ausgeführt werden: ${p.problem}`,
  'report.nagios.fleet-passed': (p) => f.plural(p.targets, { one: 'das Ziel war erfolgreich', other: 'alle #\u00a0Ziele waren erfolgreich' }),
  'report.nagios.fleet-counts': (p) =>
    `${f.number(p.passed)} von ${f.plural(p.targets, { one: '#\u00a0Ziel', other: '#\u00a0Zielen' })} erfolgreich; ${p.critical} kritisch, ${p.warning} Warnung, ${p.unknown} unbekannt; am schwerwiegendsten: ${p.worst}`,
  'report.nagios.fleet-empty': 'Die Zieldatei enthält keine Ziele',
};
