import type { Translations } from '../define.js';
import type { checkEn } from '../en/check.js';
import { formatterFor, portalPath } from '../format.js';
import { vocabularyDe as v } from '../vocabulary/de.js';

const f = formatterFor('de');

const soon = (days: number) => (days <= 1 ? 'in weniger als einem Tag' : f.plural(days, { one: 'in #\u00a0Tag', other: 'in #\u00a0Tagen' }));
const app = (clientId: string | undefined) => portalPath(v.entraAdminCenter, v.appRegistrations, `die App mit der ${v.applicationClientId} ${clientId ?? '<Client-ID>'}`);
const attempts = (n: number) => f.plural(n, { one: '#\u00a0Versuch', other: '#\u00a0Versuchen' });
const over = (ms: number | undefined) => (ms === undefined ? '' : ` in ${f.duration(ms)}`);

export const checkDe: Translations<typeof checkEn> = {
  'check.stage.token': (p) => `Token von ${p.authority}`,
  'check.stage.claims': (p) => `Token-Claims (Rolle ${p.role}, Zielgruppe, ${v.tenant}, App)`,
  'check.stage.smtp-auth': (p) => `SMTP ${p.host}:${p.port}: STARTTLS und AUTH XOAUTH2 als ${p.mailbox}`,
  'check.stage.smtp-send': (p) => `Test-E-Mail von ${p.from} an ${p.to}`,
  'check.stage.skipped': (p) => `${p.label} (übersprungen)`,
  'check.flag-without-targets': (p) => `${p.flag}: nur zusammen mit --targets`,

  'check.report.message-accepted': 'Der Server hat die Test-E-Mail angenommen.',
  'check.report.reply': (p) => `Antwort: ${p.response}`,
  'check.report.token-accepted': (p) => `Der Server hat das Token für ${p.mailbox} angenommen.`,
  'check.report.nothing-sent': 'Es wurde nichts gesendet: Mit --to <Adresse> senden Sie eine Test-E-Mail.',
  'check.report.tls': (p) => `TLS: ${p.version}`,
  'check.report.server-said': (p) => `Antwort des Servers: ${p.response}`,
  'check.report.warnings': 'Warnungen',

  'check.claims.heading': 'Claims des Tokens',
  'check.claims.none': '(keine)',
  'check.claims.no-roles': `(keine: keine ${v.applicationPermission} mit ${v.adminConsent})`,
  'check.claims.oid-note': '← die Objekt-ID der Unternehmensanwendung, für New-ServicePrincipal -ObjectId (Schritt\u00a02)',
  'check.claims.role-missing': (p) => `✖ kein ${p.role}`,
  'check.claims.expires': 'gültig bis',
  'check.claims.expires-at': (p) => f.dateTime(p.at),

  'check.smtp-facts.heading': (p) => `SMTP-Server ${p.host}:${p.port}`,
  'check.smtp-facts.reachable': 'erreichbar',
  'check.smtp-facts.reachable-yes': 'ja, er hat mit seiner Begrüßung geantwortet',
  'check.smtp-facts.tls-not-started': 'nicht gestartet',
  'check.smtp-facts.no-mechanisms': '(keine)',
  'check.smtp-facts.no-xoauth2': 'XOAUTH2 wird nicht angeboten: Dieser Server nimmt keine OAuth-Token an',

  'check.diagnosis.step-label': 'Einrichtungsschritt',
  'check.diagnosis.step': (p) => `${p.step} von 4, ${p.name}`,
  'check.diagnosis.no-step': 'keiner der vier (siehe unten)',
  'check.diagnosis.transient-label': 'Vorübergehend',
  'check.diagnosis.transient': 'Versuchen Sie es später erneut; dieselbe Anfrage kann in wenigen Minuten gelingen.',
  'check.diagnosis.propagation-label': 'Warten kann helfen, wenn Sie dies in der letzten Stunde geändert haben',
  'check.diagnosis.propagation':
    'Microsoft übernimmt Änderungen der Schritte 1–3 erst nach Minuten bis zu einer Stunde und antwortet bis dahin so; andernfalls beheben Sie es wie unten beschrieben.',
  'check.diagnosis.fix-label': 'Behebung',
  'check.diagnosis.recognised': (p) => `Erkannt: ${p.source}`,
  'check.diagnosis.more': (p) => `Mehr dazu: ${p.url}`,

  'check.secret-expiring': (p) =>
    `Der geheime Clientschlüssel läuft am ${f.date(p.expiresOn)} ab (${soon(p.daysLeft)}); danach lehnt Entra ID ihn ab (AADSTS7000222). ` +
    `Erstellen Sie jetzt den nächsten: ${portalPath(app(p.clientId), v.certificatesAndSecrets, v.clientSecrets, v.newClientSecret)}; kopieren Sie sofort die Spalte „${v.valueColumn}“ (sie wird nur einmal angezeigt). ` +
    'Hinterlegen Sie ihn in der sendenden Anwendung und führen Sie dann check mit --secret-expires <sein Ablaufdatum> aus.',
  'check.secret-also-expired': (p) =>
    `Außerdem ist das angegebene Ablaufdatum des geheimen Clientschlüssels (${f.date(p.expiresOn)}) überschritten: Erstellen Sie einen neuen, bevor er nicht mehr funktioniert.`,
  'check.certificate-expiring': (p) =>
    `Das Zertifikat ${p.thumbprint} läuft am ${f.date(p.expiresOn)} ab (${soon(p.daysLeft)}); danach lehnt Entra ID es ab. ` +
    `Erstellen Sie das nächste (\`smtp-oauth-setup setup\` kann das) und laden Sie es hoch: ${portalPath(app(p.clientId), v.certificatesAndSecrets, v.certificates, v.uploadCertificate)} → die öffentliche .cer-/.pem-/.crt-Datei → ${v.add}. ` +
    'Stellen Sie dann die sendende Anwendung darauf um.',

  'check.wait.failure-exit': (p) => `Exit-Code ${p.exitCode}`,
  'check.wait.retry': (p) =>
    `Versuch ${p.attempt} fehlgeschlagen: ${p.failure}; nächster Versuch in ${f.duration(p.delayMs)}, noch ${f.duration(p.remainingMs)}`,
  'check.wait.passed': (p) => `Versuch ${p.attempts} erfolgreich (nach ${attempts(p.attempts)}${over(p.spanMs)})`,
  'check.wait.timed-out': (p) =>
    `Versuch ${p.attempts} fehlgeschlagen: ${p.failure}; keine Zeit mehr, Abbruch nach ${attempts(p.attempts)}${over(p.spanMs)}`,
  'check.wait.not-retryable': (p) =>
    `Versuch ${p.attempts} fehlgeschlagen: ${p.failure}; Warten behebt dies nicht, Abbruch nach ${attempts(p.attempts)}${over(p.spanMs)}`,
};
