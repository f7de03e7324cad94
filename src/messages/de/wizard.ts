import type { Translations } from '../define.js';
import { link, strong } from '../emphasis.js';
import type { WIZARD_PLACES, wizardEn } from '../en/wizard.js';
import { countdownClock } from '../en/wizard.js';
import { formatterFor, portalPath } from '../format.js';
import { vocabularyDe as v } from '../vocabulary/de.js';
import { commonDe } from './common.js';

const f = formatterFor('de');
const q = f.quote;

/** Wie oft: „jede Minute“, „alle 5 Min.“. */
function every(ms: number): string {
  if (ms === 60_000) return 'jede Minute';
  if (ms === 3_600_000) return 'jede Stunde';
  return `alle ${f.duration(ms)}`;
}

/** Wo der Durchgang angehalten hat oder weitergeht (nach „bei“ bzw. „mit“: Dativ). */
function place(at: (typeof WIZARD_PLACES)[number]): string {
  switch (at) {
    case 'before-start':
      return 'der Einführung';
    case 'entra-app':
      return `Schritt 1 von 4 (${commonDe['step.1.title']})`;
    case 'service-principal':
      return `Schritt 2 von 4 (${commonDe['step.2.title']})`;
    case 'smtp-auth':
      return `Schritt 3 von 4 (${commonDe['step.3.title']})`;
    case 'test-mail':
      return `Schritt 4 von 4 (${commonDe['step.4.title']})`;
    case 'finish':
      return 'den abschließenden Einstellungen';
  }
}

export const wizardDe: Translations<typeof wizardEn> = {
  // Die Einführung.
  'wizard.intro.title': 'smtp-oauth-setup: E-Mails über Exchange Online mit OAuth2 versenden',
  'wizard.intro.what':
    'Dieser Assistent richtet eine Anwendung so ein, dass sie E-Mails im Namen eines Postfachs mit OAuth2 (XOAUTH2) statt mit einem Kennwort versendet – in vier Schritten, die in dieser Reihenfolge erfolgen müssen. Jeder Schritt wird geprüft, sobald das möglich ist:',
  'wizard.intro.step-1': `${commonDe['step.1.title']}: eine App-Registrierung mit der Berechtigung SMTP.SendAsApp und einem geheimen Clientschlüssel`,
  'wizard.intro.step-2': `${commonDe['step.2.title']}: der Eintrag dieser App in Exchange Online, mit Zugriff auf das Postfach`,
  'wizard.intro.step-3': 'SMTP AUTH: für das Postfach eingeschaltet',
  'wizard.intro.step-4': 'Eine Test-E-Mail, danach die genauen Werte für Ihre sendende Anwendung',
  'wizard.intro.need': 'Sie benötigen',
  'wizard.intro.need-admin':
    'Ein Konto mit Administratorrechten in Entra ID, das die Administratorzustimmung erteilen darf (Globaler Administrator oder Administrator für privilegierte Rollen)',
  'wizard.intro.need-powershell': `${v.exchangeOnlinePowerShell} und Exchange-Administratorrechte, um einige Befehle auszuführen`,
  'wizard.intro.need-mailbox': 'Ein lizenziertes Postfach, von dem die E-Mails versendet werden',
  'wizard.intro.good-to-know': 'Gut zu wissen',
  'wizard.intro.security-defaults': `Die ${v.securityDefaults} sperren SMTP AUTH für den gesamten Mandanten. Wenn sie aktiviert sind, ersetzen Sie sie vor Schritt 4 durch Richtlinien unter ${q(v.conditionalAccess)} (${portalPath(v.entraAdminCenter, v.overview, v.properties)}).`,
  'wizard.intro.conditional-access': `Schützen Sie die neue App mit einer Richtlinie unter ${q(v.conditionalAccess)}, z.\u00a0B. einer, die sie nur von den IP-Adressen des sendenden Servers aus zulässt (${v.conditionalAccess} für Workload-Identitäten).`,
  'wizard.intro.nothing-changed': 'Dieses Tool ändert nichts in Ihrem Mandanten: Es zeigt, was zu tun ist, und prüft das Ergebnis.',
  'wizard.intro.progress-saved': (p) =>
    `Ihre Antworten werden laufend in ${p.path} gespeichert (niemals der geheime Clientschlüssel); Strg+C hält an, und ein neuer Aufruf setzt fort.`,
  'wizard.intro.progress-not-saved': 'Bei diesem Aufruf wird der Fortschritt nicht gespeichert.',
  'wizard.intro.demo':
    'Demo: Alles Folgende läuft gegen die eingebaute Sandbox auf diesem Rechner. Drücken Sie die Eingabetaste, um jeden Wert zu übernehmen.',
  'wizard.intro.start': 'Mit Schritt 1 beginnen?',

  // Schritt 1.
  'wizard.entra.where': (p) => `Unter ${link(p.url)}`,
  'wizard.entra.where-path': `(${portalPath(v.entraAdminCenter, v.identity, v.applications, v.appRegistrations)}):`,
  'wizard.entra.register': `${strong(v.newRegistration)} → ein Name wie ${q('SMTP-Versand')} → ${v.supportedAccountTypes}: ${strong(v.singleTenant)} → ${strong(v.register)}.`,
  'wizard.entra.permission': (p) =>
    `${portalPath(strong(v.apiPermissions), strong(v.addPermission), strong(v.apisMyOrganizationUses), strong(v.exchangeOnlineApi), strong(v.applicationPermissions), strong(p.role), strong(v.addPermissions))}.`,
  'wizard.entra.consent': (p) =>
    `${strong(v.grantAdminConsentForTenant)} → ${v.yes}. Der Status von ${p.role} muss ${q(`${v.grantedFor} …`)} lauten, der Typ ${q(v.typeApplication)}.`,
  'wizard.entra.credential': `${strong(v.certificatesAndSecrets)}: entweder ${portalPath(strong(v.clientSecrets), strong(v.newClientSecret), v.add)} und dann sofort den ${strong(v.valueColumn)} kopieren (er wird nur einmal angezeigt; die ${v.secretId} daneben ist nicht der Schlüssel) – oder ein Zertifikat, das dieser Assistent gleich für Sie erstellen kann.`,
  'wizard.entra.overview': `${strong(v.overview)}: Die ${v.applicationClientId} und die ${v.directoryTenantId} sind die nächsten beiden Antworten.`,
  'wizard.entra.getting-token': (p) => `Ein neues Token für die App ${p.clientId} wird angefordert (nie ein zwischengespeichertes) …`,
  'wizard.entra.done': (p) => `${strong('Schritt 1 erledigt:')} Die App erhält Token für Exchange Online mit ${p.role}.`,
  'wizard.entra.consent-explained': (p) =>
    `Erst die Administratorzustimmung macht aus der Berechtigung ${p.role} eine Rolle im Token. Solange sie nicht erteilt ist, stellt Entra ID Token ohne diese Rolle aus, und Exchange lehnt sie ab. Sobald sie erteilt ist, enthält ein neues Token die Rolle sofort: Dieser Assistent verwendet nie ein zwischengespeichertes Token.`,
  'wizard.entra.retry-after-consent': 'Ich habe die Administratorzustimmung erteilt: mit einem neuen Token erneut versuchen',
  'wizard.entra.retry': 'Mit einem neuen Token erneut versuchen',
  'wizard.entra.change': (p) =>
    p.credential === 'secret'
      ? 'Mandanten-ID, Client-ID oder geheimen Clientschlüssel ändern'
      : 'Mandanten-ID, Client-ID oder Zertifikat ändern',
  'wizard.entra.secret-expired': (p) =>
    `Das Ablaufdatum ${p.date} ist überschritten: Entra ID lehnt einen abgelaufenen geheimen Clientschlüssel ab (AADSTS7000222). Erstellen Sie einen neuen und geben Sie seinen ${v.valueColumn} und sein Ablaufdatum ein.`,
  'wizard.entra.no-oid': `Das Token nennt keine Objekt-ID (oid). Kopieren Sie die ${v.objectId} unter ${portalPath(v.enterpriseApplications, 'die App', v.overview)} (nicht unter ${v.appRegistrations}).`,
  'wizard.entra.object-id-invalid': `muss eine GUID sein, aus ${portalPath(v.enterpriseApplications, 'die App', v.overview, v.objectId)}`,

  // Die Claims des Tokens.
  'wizard.claims.title': 'Die Claims des Tokens',

  // Die Anmeldeinformation.
  'wizard.credential.given-secret': (p) =>
    `Der geheime Clientschlüssel aus ${p.source} (${f.plural(p.length, { one: '# Zeichen', other: '# Zeichen' })}, nicht angezeigt)`,
  'wizard.credential.given-certificate': (p) => `Das Zertifikat aus ${p.source} (Fingerabdruck ${p.thumbprint})`,
  'wizard.credential.secret': `Ein geheimer Clientschlüssel: seinen ${v.valueColumn} einfügen`,
  'wizard.credential.secret-about': `${portalPath(v.certificatesAndSecrets, v.clientSecrets)}. Das verlangen die meisten sendenden Anwendungen; er läuft nach höchstens 2\u00a0Jahren ab.`,
  'wizard.credential.new-certificate': 'Ein Zertifikat: jetzt ein Schlüsselpaar und ein selbstsigniertes Zertifikat erstellen',
  'wizard.credential.new-certificate-about':
    'Von Microsoft gegenüber geheimen Clientschlüsseln empfohlen, wenn die sendende Anwendung ein Zertifikat akzeptiert (einen privaten Schlüssel im PEM-Format).',
  'wizard.credential.certificate': 'Ein vorhandenes Zertifikat (eine PEM-Datei mit dem Zertifikat und seinem privaten Schlüssel)',
  'wizard.credential.certificate-about': 'Zum Beispiel eines, das die Zertifizierungsstelle Ihrer Organisation ausgestellt hat.',
  'wizard.credential.secret-again': 'Der geheime Clientschlüssel wird zwischen den Aufrufen nicht gespeichert; bitte geben Sie ihn noch einmal ein.',
  'wizard.certificate.validity': (p) =>
    p.months < 12
      ? f.plural(p.months, { one: '#\u00a0Monat', other: '#\u00a0Monate' })
      : f.plural(p.months / 12, { one: '#\u00a0Jahr', other: '#\u00a0Jahre' }),
  'wizard.certificate.no-upload-file': (p) =>
    `Ohne das öffentliche Zertifikat gibt es nichts hochzuladen; ${p.keyPath} enthält den privaten Schlüssel und darf nicht hochgeladen werden. Bitte wählen Sie erneut.`,
  'wizard.certificate.key-file': (p) =>
    `${strong(p.path)}: der private Schlüssel und das Zertifikat. Die Datei bleibt bei der sendenden Anwendung; laden Sie sie nie hoch und versenden Sie sie nie per E-Mail.`,
  'wizard.certificate.upload-file': (p) => `${strong(p.path)}: das öffentliche Zertifikat. Laden Sie es jetzt hoch:`,
  'wizard.certificate.thumbprint': v.thumbprint,
  'wizard.certificate.thumbprint-note': '(mit diesem Wert führt das Portal das Zertifikat auf)',
  'wizard.certificate.sha256-note': '(x5t#S256, den jede Tokenanforderung nennt)',
  'wizard.certificate.expires': v.expires,
  'wizard.certificate.uploaded': 'Hochgeladen: damit ein Token anfordern',
  'wizard.certificate.stop': `Hier anhalten (die Dateien und Antworten bleiben erhalten; rufen Sie das Tool erneut auf und wählen Sie ${q('Ein vorhandenes Zertifikat')})`,
  'wizard.certificate.loaded': (p) => `Zertifikat ${p.subject}, aus ${p.path}`,
  'wizard.certificate.must-be-listed': `Es muss unter ${portalPath(v.certificatesAndSecrets, v.certificates)} mit diesem Fingerabdruck aufgeführt sein; falls nicht:`,
  'wizard.certificate.again': (p) => `Zertifikat: ${p.path} (Fingerabdruck ${p.thumbprint})`,
  'wizard.certificate.label-file': 'Zertifikatsdatei',
  'wizard.certificate.label-key': 'Datei mit dem privaten Schlüssel',
  'wizard.certificate.label-password': 'das angegebene Kennwort',
  'wizard.certificate.label-missing-key':
    'der Assistent braucht eine PEM-Datei mit beidem: Hängen Sie den Schlüssel an das Zertifikat an (z.\u00a0B. cat certificate.pem private-key.pem > sender.pem)',
  'wizard.secret.secret-id-pasted': `das sieht nach der ${v.secretId} aus (eine GUID); kopieren Sie stattdessen die Spalte ${q(v.valueColumn)} (sie wird nur einmal angezeigt, direkt nach dem Erstellen des Schlüssels)`,

  // Schritt 2.
  'wizard.sp.why':
    'Exchange Online liest die App-Berechtigungen für SMTP nicht aus Entra ID: Es braucht einen eigenen Dienstprinzipal für die App, und dieser Dienstprinzipal braucht Zugriff auf das Postfach, von dem die E-Mails versendet werden.',
  'wizard.sp.object-id': (p) =>
    `Die benötigte Objekt-ID ist die der Unternehmensanwendung, ${strong(p.objectId)}, entnommen aus dem oid-Claim des Tokens. Die ${v.objectId} auf der Seite ${q(v.appRegistrations)} ist eine andere; sie zu verwenden ist der klassische Fehler hinter ${q('535 5.7.3 Authentication unsuccessful')}, und er kann hier nicht passieren.`,
  'wizard.sp.run': (p) =>
    p.sendAs ? 'Führen Sie dies in PowerShell aus (mit SendAs, weil die Absenderadresse nicht das Postfach ist):' : 'Führen Sie dies in PowerShell aus:',
  'wizard.sp.continue': 'Weiter mit Schritt 3',
  'wizard.sender-name.too-long': (p) => `darf höchstens ${f.plural(p.max, { one: '# Zeichen', other: '# Zeichen' })} lang sein`,
  'wizard.sender-name.one-line': 'muss eine einzige Zeile ohne die Zeichen " < > sein',

  // Schritt 3.
  'wizard.smtp-auth.why': (p) =>
    `SMTP AUTH muss für ${strong(p.mailbox)} eingeschaltet sein. In neueren Mandanten ist es für alle ausgeschaltet; die Postfacheinstellung unten überschreibt das nur für dieses Postfach – genau das, was Sie wollen.`,
  'wizard.smtp-auth.run': (p) =>
    p.scriptPath ? `In derselben PowerShell-Sitzung (diese Zeilen stehen auch in ${p.scriptPath}):` : 'In derselben PowerShell-Sitzung:',
  'wizard.smtp-auth.security-defaults': `Wenn die ${v.securityDefaults} aktiviert sind, bleibt SMTP AUTH gesperrt – unabhängig von diesen Einstellungen.`,
  'wizard.smtp-auth.propagation':
    'Es dauert eine Weile, bis die Einstellungen der Schritte 2 und 3 in Exchange Online wirksam sind (15–30\u00a0Minuten; bei einem neuen Postfach bis zu 24\u00a0Stunden); Schritt 4 kann für Sie warten und es erneut versuchen.',
  'wizard.smtp-auth.continue': 'Weiter mit Schritt 4: eine Test-E-Mail senden',

  // Schritt 4.
  'wizard.test.what':
    'Ein echter Test: ein neues Token, seine Claims, STARTTLS und XOAUTH2-Anmeldung bei Exchange Online und eine kurze E-Mail, die erklärt, worum es sich handelt.',
  'wizard.test.testing': (p) => `Test mit einem neuen Token und einer E-Mail an ${p.to}:`,
  'wizard.test.done': (p) =>
    `${strong('Schritt 4 erledigt:')} Exchange hat die Test-E-Mail angenommen. ${p.to ? `Sie finden sie im Posteingang von ${p.to}.` : 'Sie finden sie im Posteingang.'}`,
  'wizard.test.server-reply': (p) => `Antwort des Servers: ${p.reply}`,
  'wizard.test.connection': (p) => `Verbindung: ${p.tls}`,
  'wizard.test.retry': 'Jetzt erneut versuchen',
  'wizard.test.retry-about': 'nachdem Sie behoben haben, was die Diagnose nennt',
  'wizard.test.wait': (p) => `Warten und erneut versuchen, ${every(p.intervalMs)}, bis zu ${f.duration(p.totalMs)} lang`,
  'wizard.test.wait-about':
    'bis die Einstellungen in Exchange Online wirksam sind (15–30\u00a0Minuten; bei einem neuen Postfach bis zu 24\u00a0Stunden)',
  'wizard.test.change': 'Einen Wert ändern',
  'wizard.test.waiting': (p) =>
    `Warten und dann erneut versuchen, ${every(p.intervalMs)}, bis zu ${f.duration(p.totalMs)} lang; das Warten endet früher bei Erfolg oder bei einem Fehler, den Warten nicht behebt.`,
  'wizard.wait.plan': (p) => `${every(p.intervalMs)}, bis zu ${f.duration(p.totalMs)} lang`,
  'wizard.wait.countdown': (p) =>
    `Versuch ${p.attempt} von ${p.attempts} in ${countdownClock(p.secondsLeft)}  (Strg+C hält an; Ihre Antworten sind gespeichert)`,
  'wizard.wait.still-failing': (p) =>
    p.code ? `Versuch ${p.attempt} von ${p.attempts}: weiterhin ${p.code}.` : `Versuch ${p.attempt} von ${p.attempts}: weiterhin fehlgeschlagen.`,

  // Einen Wert ändern.
  'wizard.change.tenant-id': (p) => `Mandanten-ID (${p.value})`,
  'wizard.change.client-id': (p) => `Client-ID (${p.value})`,
  'wizard.change.credential': 'Geheimer Clientschlüssel oder Zertifikat',
  'wizard.change.secret-expires': (p) => (p.value ? `Ablaufdatum des Schlüssels (${p.value})` : 'Ablaufdatum des Schlüssels (nicht angegeben)'),
  'wizard.change.mailbox': (p) => `Postfach (${p.value})`,
  'wizard.change.from': (p) => `Absenderadresse (${p.value})`,
  'wizard.change.to': (p) => `Empfänger der Test-E-Mail (${p.value})`,
  'wizard.choice.stop': 'Hier anhalten (die Antworten sind gespeichert; rufen Sie das Tool erneut auf, um fortzusetzen)',

  // Die Fragen.
  'wizard.ask.credential-kind': 'Womit weist sich die App bei Entra ID aus?',
  'wizard.ask.secret-expires': `Wann läuft der Schlüssel ab? (Spalte ${q(v.expires)}, z.\u00a0B. 2027-05-31; Eingabetaste zum Überspringen)`,
  'wizard.ask.certificate-validity': 'Wie lange soll das Zertifikat gültig sein?',
  'wizard.ask.certificate-key-file': 'Datei für den privaten Schlüssel und das Zertifikat (sie bleibt bei der sendenden Anwendung)',
  'wizard.ask.certificate-upload-file': 'Datei für das öffentliche Zertifikat (zum Hochladen)',
  'wizard.ask.certificate-uploaded': 'Hochgeladen?',
  'wizard.ask.certificate-path': 'PEM-Datei mit dem Zertifikat und seinem privaten Schlüssel',
  'wizard.ask.certificate-password-again': 'Falsches Kennwort; bitte erneut versuchen',
  'wizard.ask.object-id': `${v.objectId} der Unternehmensanwendung`,
  'wizard.ask.what-now': 'Wie möchten Sie fortfahren?',
  'wizard.ask.which-value': 'Welchen Wert möchten Sie ändern?',
  'wizard.ask.from': 'Absenderadresse (From)',
  'wizard.way.question': 'Wie möchten Sie die Schritte 1–3 einrichten?',
  'wizard.way.automatic': 'Vom Tool erledigen lassen: als Administrator anmelden, einen Plan bestätigen, in wenigen Minuten fertig',
  'wizard.way.guided': 'Mich durch das Portal und PowerShell führen (das Tool ändert nichts im Mandanten)',
  'wizard.way.automatic-intro': 'Die automatische Einrichtung zeigt zuerst ihren Plan und ändert nichts, bevor Sie ihn bestätigen.',
  'wizard.ask.sender-name': 'Absendername, den die Empfänger sehen (Eingabetaste zum Überspringen)',
  'wizard.ask.save-script': 'Die PowerShell-Befehle für die Schritte 2 und 3 in einer .ps1-Datei speichern?',
  'wizard.ask.file-name': 'Dateiname',
  'wizard.ask.continue-when-run': 'Weiter, sobald die Befehle ausgeführt sind',
  'wizard.ask.to': 'Test-E-Mail senden an',
  'wizard.ask.save-settings': 'Diese Einstellungen in einer JSON-Datei speichern?',
  'wizard.ask.settings-include-secret': 'Den geheimen Clientschlüssel in diese Datei aufnehmen?',
  'wizard.ask.write-env': (p) =>
    p.credential === 'secret'
      ? 'Eine .env-Datei mit AZURE_TENANT_ID, AZURE_CLIENT_ID und AZURE_CLIENT_SECRET schreiben (nur für Sie lesbar)?'
      : 'Eine .env-Datei mit AZURE_TENANT_ID, AZURE_CLIENT_ID und AZURE_CLIENT_CERTIFICATE_PATH schreiben (nur für Sie lesbar)?',
  'wizard.ask.keep-secret': (p) =>
    `Den geheimen Clientschlüssel im Anmeldeinformationsspeicher des Betriebssystems aufbewahren (wo es keinen gibt: in ${p.path}, nur für Sie lesbar), damit \`check\` kein AZURE_CLIENT_SECRET braucht?`,
  'wizard.ask.resume': (p) => `Bei ${place(p.at)} fortsetzen, wo Sie angehalten haben?`,

  // Ohne Nachfrage beantwortet.
  'wizard.answered.yes': '(--yes)',
  'wizard.answered.command-line': '(von der Befehlszeile)',
  'wizard.answered.skipped': '(übersprungen)',

  // Dateien.
  'wizard.files.enter-to-skip': (p) => `${p.question} (Eingabetaste zum Überspringen)`,
  'wizard.files.cannot-write': (p) => `${p.path}: ${p.problem}`,
  'wizard.files.replace': (p) => `${p.path} ist bereits vorhanden. Ersetzen?`,
  'wizard.files.wrote': (p) => (p.private ? `${p.path} geschrieben (nur für Sie lesbar)` : `${p.path} geschrieben`),

  // Der Abschluss.
  'wizard.finish.all-work': `${strong('Alle vier Schritte funktionieren.')} Tragen Sie diese Einstellungen in der sendenden Anwendung ein:`,
  'wizard.settings.smtp-server': 'SMTP-Server',
  'wizard.settings.port': 'Port',
  'wizard.settings.encryption': 'Verschlüsselung',
  'wizard.settings.implicit-tls': 'SSL/TLS (implizit)',
  'wizard.settings.authentication': 'Authentifizierung',
  'wizard.settings.authentication-value': (p) =>
    p.credential === 'secret'
      ? 'OAuth 2.0 (XOAUTH2), Clientanmeldeinformationen mit geheimem Clientschlüssel'
      : 'OAuth 2.0 (XOAUTH2), Clientanmeldeinformationen mit Zertifikat',
  'wizard.settings.sender-address': 'Absenderadresse',
  'wizard.settings.sender-name': 'Absendername',
  'wizard.settings.none': '(keiner)',
  'wizard.settings.username': 'Benutzername',
  'wizard.settings.tenant-id': 'Mandanten-ID',
  'wizard.settings.client-id': 'Client-ID',
  'wizard.settings.client-secret': 'Geheimer Clientschlüssel',
  'wizard.settings.client-secret-value': (p) => `${p.mask} (der ${v.valueColumn} aus Schritt 1, nicht angezeigt)`,
  'wizard.settings.certificate-file': 'Zertifikatsdatei',
  'wizard.settings.certificate-file-value': (p) => `${p.path} (privater Schlüssel und Zertifikat, PEM)`,
  'wizard.settings.thumbprint': v.thumbprint,
  'wizard.settings.thumbprint-value': (p) => `${p.thumbprint} (SHA-1, wie das Portal ihn anzeigt)`,
  'wizard.settings.thumbprint-sha256': `${v.thumbprint} SHA-256`,
  'wizard.settings.certificate-expires': 'Zertifikat gültig bis',
  'wizard.settings.token-endpoint': 'Token-Endpunkt',
  'wizard.settings.scope': 'Bereich (Scope)',
  'wizard.settings.secret-expires': 'Schlüssel gültig bis',
  'wizard.date': (p) => f.date(p.date),
  'wizard.finish.next-own-tenant': `Als Nächstes: Rufen Sie ${strong('smtp-oauth-setup')} (ohne demo) auf, um dieselben Schritte für Ihren eigenen Mandanten zu durchlaufen.`,
  'wizard.finish.repeat': (p) => {
    switch (p.credentialFrom) {
      case 'certificate':
      case 'saved':
        return 'So wiederholen Sie den Test später:';
      case 'certificate-password':
        return 'So wiederholen Sie den Test später, mit dem Kennwort des Schlüssels in AZURE_CLIENT_CERTIFICATE_PASSWORD:';
      case 'env-file':
        return p.envPath
          ? `So wiederholen Sie den Test später (der geheime Clientschlüssel aus ${p.envPath}):`
          : 'So wiederholen Sie den Test später (der geheime Clientschlüssel aus der .env-Datei):';
      case 'environment':
        return 'So wiederholen Sie den Test später, mit dem geheimen Clientschlüssel in AZURE_CLIENT_SECRET:';
    }
  },
  'wizard.finish.certificate-expires': (p) =>
    `Das Zertifikat läuft am ${f.date(p.date)} ab: Erstellen Sie vorher das nächste, laden Sie es hoch und ändern Sie die sendende Anwendung; \`check\` warnt 30\u00a0Tage im Voraus.`,
  'wizard.finish.secret-expires': (p) =>
    `Der geheime Clientschlüssel läuft am ${p.date} ab: Erstellen Sie vorher einen neuen und ändern Sie die sendende Anwendung.`,

  // Anhalten, Fortsetzen, Speichern.
  'wizard.stopped.saved': (p) =>
    `Angehalten bei ${place(p.at)}. Ihre Antworten sind in ${p.path} gespeichert (nicht der geheime Clientschlüssel); rufen Sie smtp-oauth-setup erneut auf, um fortzusetzen.`,
  'wizard.stopped.not-saved': (p) => `Angehalten bei ${place(p.at)}. Es wurde nichts gespeichert.`,
  'wizard.not-saving': (p) => `Der Fortschritt wird nicht gespeichert: ${p.reason}`,

  // `setup` vor dem Durchgang.
  'wizard.setup.not-a-terminal':
    'Der Einrichtungsassistent stellt Fragen und braucht daher ein Terminal (und kein --no-input). Ohne Terminal übergeben Sie die Werte als Optionen an `smtp-oauth-setup check` (siehe `smtp-oauth-setup check --help`), oder rufen Sie `smtp-oauth-setup` in einem Terminal auf.',
  'wizard.setup.secret-from-stdin':
    'Der Assistent liest Ihre Antworten vom Terminal, daher kann der geheime Clientschlüssel hier nicht von der Standardeingabe kommen: Verwenden Sie --client-secret-file <Pfad> oder AZURE_CLIENT_SECRET, oder geben Sie ihn ein, wenn danach gefragt wird.',
  'wizard.setup.no-config-directory': (p) =>
    `Kein Konfigurationsverzeichnis (${p.variable} ist nicht gesetzt): Der Fortschritt wird nicht gespeichert. Setzen Sie SMTP_OAUTH_SETUP_CONFIG_DIR, um ihn zu behalten.`,
  'wizard.setup.given-refused': (p) => `${p.origin}: ${p.problem}; der Assistent fragt danach.`,
  'wizard.setup.credential-refused': (p) => `${p.problem}; der Assistent fragt danach.`,
  'wizard.setup.secret-refused': (p) => `Geheimer Clientschlüssel (${p.source}): ${p.problem}; der Assistent fragt danach.`,
  'wizard.setup.unreadable-config': (p) => `${p.problem} Der Assistent beginnt ohne diese Datei.`,
};
