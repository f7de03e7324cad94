import type { Translations } from '../define.js';
import type { cliEn } from '../en/cli.js';
import { formatterFor, portalPath } from '../format.js';
import { LANGUAGES } from '../language.js';
import { vocabularyDe as v } from '../vocabulary/de.js';

const f = formatterFor('de');
const q = f.quote;

export const cliDe: Translations<typeof cliEn> = {
  'cli.lang-unknown': (p) => `${p.from} „${p.value}“: Diese Sprache wird nicht unterstützt (${LANGUAGES.join(', ')}).`,

  'cli.help.title.usage': 'Aufruf:',
  'cli.help.title.options': 'Optionen:',
  'cli.help.title.commands': 'Befehle:',
  'cli.help.title.arguments': 'Argumente:',
  'cli.help.title.global-options': 'Globale Optionen:',
  'cli.help.option.help': 'Hilfe zum Befehl anzeigen',
  'cli.help.option.version': 'Versionsnummer ausgeben',
  'cli.help.command.help': 'Hilfe zum Befehl anzeigen',
  'cli.help.default': (p) => `Standard: ${p.value}`,
  'cli.help.choices': (p) => `Auswahl: ${p.values.join(', ')}`,
  'cli.help.usage.options': '[Optionen]',
  'cli.help.usage.command': '[Befehl]',
  'cli.option.lang': `Sprache der Ausgabe: ${LANGUAGES.join(' oder ')} [env SMTP_OAUTH_LANG; sonst LC_ALL, LC_MESSAGES, LANG, das Gebietsschema des Systems]`,

  'cli.program.description':
    'OAuth2-SMTP-Versand (XOAUTH2) über Exchange Online einrichten und prüfen – mit einer Diagnose für jeden Fehler.',
  'cli.program.after':
    '\nStarten Sie `smtp-oauth-setup` (ohne Befehl) in einem Terminal für den Einrichtungsassistenten; `smtp-oauth-setup demo` führt ihn gegen die eingebaute Sandbox vor.\nExit-Codes: 0 OK · 1 interner Fehler · 2 ungültige Eingabe · 3 Entra-ID-Token · 4 Exchange lehnt AUTH ab · 5 Exchange lehnt die Nachricht ab · 6 Netzwerk/TLS/Zeitüberschreitung/vorübergehend · 130 abgebrochen · 143 SIGTERM · 129 SIGHUP · 149 Strg+Untbr (Windows)',

  'cli.check.description': 'Token abrufen, seine Claims prüfen, sich am SMTP-Server anmelden und optional eine Test-E-Mail senden',
  'cli.check.cloud': 'Microsoft-Cloud: global (auch GCC), usgov (GCC High), usgovdod, china [env SMTP_OAUTH_CLOUD] (Standard: global)',
  'cli.check.tenant-id': 'Mandanten-ID (GUID) oder verifizierte Domäne [env AZURE_TENANT_ID]',
  'cli.check.client-id': 'Anwendungs-ID (Client) [env AZURE_CLIENT_ID]',
  'cli.check.client-secret-file': 'geheimen Clientschlüssel aus einer Datei lesen oder mit „-“ von stdin [oder env AZURE_CLIENT_SECRET]',
  'cli.check.client-secret-stdin': 'geheimen Clientschlüssel von der Standardeingabe lesen',
  'cli.check.certificate':
    'Zertifikat als Anmeldeinformation: Zertifikat und privater Schlüssel in einer PEM-Datei [env AZURE_CLIENT_CERTIFICATE_PATH; Kennwort des Schlüssels in AZURE_CLIENT_CERTIFICATE_PASSWORD]',
  'cli.check.private-key': 'der private Schlüssel des Zertifikats, wenn er nicht in der PEM-Datei von --certificate steht',
  'cli.check.mailbox': 'das Postfach, als das die App sendet; der XOAUTH2-Benutzer [env SMTP_OAUTH_MAILBOX]',
  'cli.check.from': 'Absenderadresse (Standard: das Postfach)',
  'cli.check.to': 'eine Test-E-Mail an diese Adresse senden; ohne sie endet die Prüfung nach AUTH (nichts wird gesendet)',
  'cli.check.authority-host': 'Authority-Host von Entra ID [env AZURE_AUTHORITY_HOST] (Standard: https://login.microsoftonline.com)',
  'cli.check.smtp-host': 'SMTP-Server (Standard: smtp.office365.com)',
  'cli.check.smtp-port': (p) => `SMTP-Port (Standard: ${p.port})`,
  'cli.check.timeout': (p) => `Zeitlimit für jeden Netzwerkschritt in Sekunden (Standard: ${p.seconds})`,
  'cli.check.proxy': 'HTTP-Proxy für den Token-Endpunkt (Standard: HTTPS_PROXY/NO_PROXY); SMTP verbindet sich immer direkt',
  'cli.check.wait':
    'mit einem neuen Token erneut versuchen, solange der Fehler vorübergehend sein oder an einer noch nicht übernommenen Änderung liegen kann, höchstens so lange wie angegeben, etwa 90s, 30m, 1h',
  'cli.check.secret-expires':
    'Ablaufdatum des geheimen Clientschlüssels (JJJJ-MM-TT): vorher warnen, danach diagnostizieren [env SMTP_OAUTH_SECRET_EXPIRES]',
  'cli.check.warn-days': (p) => `so viele Tage vor --secret-expires oder dem Ablauf des Zertifikats warnen (Standard: ${p.days})`,
  'cli.check.targets':
    'jedes Postfach aus einer JSON- oder CSV-Datei prüfen (geheime Schlüssel nur über Umgebungsvariable oder Dateiname); Exit-Code: der schwerwiegendste Fehler',
  'cli.check.concurrency': (p) =>
    `mit --targets: gleichzeitig geprüfte Ziele, 1 bis ${p.max} (Standard: ${p.n}); ein Token pro App, je Postfach eine SMTP-Sitzung zur Zeit`,
  'cli.check.no-connect-ahead':
    'mit --targets: die SMTP-Verbindung eines Postfachs erst öffnen, wenn ein Platz frei ist (höchstens --concurrency Verbindungen), statt schon während sich andere Postfächer anmelden und senden (bis zu doppelt so viele)',
  'cli.check.shard':
    'mit --targets: nur Teil i von n prüfen (ab 1 gezählt), nach App aufgeteilt; das JSON aller Teile mit `report merge` zusammenführen',
  'cli.check.junit': 'zusätzlich JUnit-XML schreiben, ein Testfall pro Ziel (GitLab, Jenkins, Azure DevOps)',
  'cli.option.json': 'genau ein JSON-Objekt auf stdout ausgeben',
  'cli.check.format':
    'human, json (wie --json) oder nagios: eine Statuszeile für Nagios/Icinga/Checkmk mit Leistungsdaten und den Plugin-Exit-Codes 0–3',
  'cli.check.metrics-file': 'zusätzlich Prometheus-Metriken für den Textfile-Collector von node_exporter schreiben (atomar; ohne Geheimnisse)',
  'cli.check.verbose': 'den SMTP-Dialog auf stderr zeigen (AUTH-Daten und Token unkenntlich gemacht)',
  'cli.check.no-input': 'nie nachfragen (gilt auch, wenn stdin kein Terminal ist)',
  'cli.check.after':
    '\nMit --format nagios gilt stattdessen der Exit-Code des Plugins: 0 OK, 1 WARNING (der geheime Clientschlüssel oder das Zertifikat läuft innerhalb von --warn-days ab), 2 CRITICAL (jede Diagnose), 3 UNKNOWN (die Prüfung konnte nicht laufen).\nMit --targets ist der Exit-Code der schwerwiegendste Fehler unter den Zielen, die früheste Stufe zuerst: 1 > 2 > 3 > 4 > 5 > 6 > 0.\nUnter GitHub Actions (GITHUB_ACTIONS=true) werden Fehler und Warnungen zusätzlich zu Annotationen, und eine Zusammenfassung wird an $GITHUB_STEP_SUMMARY angehängt.',

  'cli.explain.description': 'Eine eingefügte Fehlermeldung oder einen Log-Auszug diagnostizieren (offline: nichts wird gesendet)',
  'cli.explain.text': 'der Fehlertext (in Anführungszeichen) oder -, um ihn von der Standardeingabe zu lesen',
  'cli.explain.tenant-id': 'den Mandanten in die Lösung einsetzen [env AZURE_TENANT_ID]',
  'cli.explain.client-id': 'die Anwendungs-ID (Client) in die Lösung einsetzen [env AZURE_CLIENT_ID]',
  'cli.explain.mailbox': 'das Postfach in die Lösung einsetzen [env SMTP_OAUTH_MAILBOX]',
  'cli.explain.from': 'die Absenderadresse in die Lösung einsetzen',

  'cli.report.description': 'Mit den JSON-Berichten früherer Läufe arbeiten (offline)',
  'cli.report-merge.description':
    'Die --json-Berichte der Teile von check --targets --shard zu einem Gesamtbericht zusammenführen; Exit-Code: der schwerwiegendste Fehler',
  'cli.report-merge.files': 'die JSON-Dateien von check --targets --json, eine pro Teil',
  'cli.report-merge.junit': 'zusätzlich JUnit-XML der zusammengeführten Ergebnisse schreiben, ein Testfall pro Ziel',
  'cli.report-merge.json': 'den zusammengeführten Bericht als ein JSON-Objekt ausgeben (in der Form von check --targets --json)',

  'cli.setup.description': 'Der interaktive Einrichtungsassistent (der Standardbefehl): vom leeren Mandanten bis zum funktionierenden Versand, Schritt für Schritt',
  'cli.setup.cloud': 'Microsoft-Cloud: global, usgov, usgovdod, china [env SMTP_OAUTH_CLOUD]',
  'cli.setup.tenant-id': 'Mandanten-ID (GUID) oder verifizierte Domäne vorausfüllen [env AZURE_TENANT_ID]',
  'cli.setup.client-id': 'Anwendungs-ID (Client) vorausfüllen [env AZURE_CLIENT_ID]',
  'cli.setup.client-secret-file': 'geheimen Clientschlüssel aus einer Datei lesen [oder env AZURE_CLIENT_SECRET]',
  'cli.setup.certificate': 'dieses Zertifikat als Anmeldeinformation anbieten (Zertifikat und privater Schlüssel in einer PEM-Datei) [env AZURE_CLIENT_CERTIFICATE_PATH]',
  'cli.setup.mailbox': 'das Postfach vorausfüllen, von dem gesendet wird [env SMTP_OAUTH_MAILBOX]',
  'cli.setup.from': 'die Absenderadresse vorausfüllen',
  'cli.setup.to': 'den Empfänger der Test-E-Mail vorausfüllen',
  'cli.setup.secret-expires': 'das Ablaufdatum des geheimen Clientschlüssels vorausfüllen (JJJJ-MM-TT) [env SMTP_OAUTH_SECRET_EXPIRES]',
  'cli.setup.authority-host': 'Authority-Host von Entra ID [env AZURE_AUTHORITY_HOST]',
  'cli.setup.smtp-host': 'SMTP-Server (Standard: der der Cloud, smtp.office365.com)',
  'cli.setup.proxy': 'HTTP-Proxy für den Token-Endpunkt (Standard: HTTPS_PROXY/NO_PROXY)',
  'cli.setup.yes': `jede Vorgabe übernehmen, die sich sicher übernehmen lässt (vorausgefüllte Werte, ${q('Weiter')})`,
  'cli.setup.save-secret':
    'den geheimen Clientschlüssel ohne Nachfrage im Anmeldeinformationsspeicher des Betriebssystems ablegen (wo es keinen gibt: in der gespeicherten Konfiguration, Modus 0600); sonst wird er nie gespeichert',
  'cli.setup.no-input': 'nie nachfragen: der Assistent startet dann nicht (verwenden Sie `check` mit Optionen)',

  'cli.demo.description':
    'Die ganze Prüfung gegen die eingebaute Sandbox ausführen (kein Mandant nötig); in einem Terminal startet stattdessen der Einrichtungsassistent gegen sie',
  'cli.demo.scenario': 'ein Sandbox-Szenario, das einen Fehler und seine Diagnose zeigt (siehe `sandbox --list-scenarios`)',
  'cli.demo.no-input': 'die nicht interaktive Demo auch in einem Terminal',
  'cli.demo.automatic': 'die automatische Einrichtung: Schritte 1–3 nach einer Administratoranmeldung, gegen die Sandbox',

  'cli.sandbox.description': 'Einen Offline-Emulator des Token-Endpunkts von Entra ID und des SMTP von Exchange Online auf 127.0.0.1 starten',
  'cli.sandbox.scenario': 'den Mandanten in einem fehlerhaften Zustand vorbereiten (Standard: healthy)',
  'cli.sandbox.list-scenarios': 'die Szenarien auflisten und beenden',
  'cli.sandbox.token-port': 'Port des HTTPS-Token-Endpunkts (Standard: zufällig)',
  'cli.sandbox.smtp-port': 'Port des SMTP-Servers (Standard: zufällig)',
  'cli.sandbox.ca-dir': 'wohin das Wegwerf-CA-Zertifikat geschrieben wird (Standard: ein neuer temporärer Ordner)',
  'cli.sandbox.certificate': `dieses Zertifikat zur App hochladen (wie ${portalPath(v.certificatesAndSecrets, v.uploadCertificate)}), um check --certificate auszuprobieren`,
  'cli.sandbox.latency':
    'diese Umlaufzeit vor beide Server setzen, wie sie ein Netzwerk zu Microsoft hat (je ein verzögernder TCP-Proxy; die angezeigten Ports sind die der Proxys)',
  'cli.sandbox.replication-delay':
    'jedes neue Objekt so lange verbergen und jeden neuen Schlüssel so lange ablehnen, wie Microsoft sie repliziert (1500 oder 1500ms, 30s, 2m; höchstens 10m)',
  'cli.sandbox.approve-after': 'den Gerätecode jeder Administratoranmeldung nach dieser Zeit bestätigen, für Skripte (1500 oder 1500ms, 30s, 2m; höchstens 10m)',
  'cli.sandbox.json': 'die Verbindungseinstellungen als ein JSON-Objekt ausgeben, danach die Meldungen als JSON-Zeilen',

  'cli.secret-on-argv': [
    'Der geheime Clientschlüssel wird nie auf der Befehlszeile entgegengenommen (er bliebe im Shell-Verlauf und in Prozesslisten). Verwenden Sie eine dieser Möglichkeiten:',
    '  AZURE_CLIENT_SECRET=<Wert> in der Umgebung',
    '  --client-secret-file <Pfad>   eine Datei, die nur den Schlüssel enthält',
    '  --client-secret-stdin         ihn von der Standardeingabe lesen (z.\u00a0B. aus der CLI eines Schlüsseltresors)',
  ].join('\n'),
  'cli.json-with-format': (p) => `--json: nicht zusammen mit --format ${p.format} (--json ist --format json)`,
  'cli.port-invalid': (p) =>
    p.problem === 'empty'
      ? `${p.flag}: Der Port ist leer.`
      : p.problem === 'not-decimal'
        ? `${p.flag} „${p.value}“: Der Port muss eine Zahl von 0 bis 65535 in Dezimalziffern sein.`
        : `${p.flag} „${p.value}“: Der Port muss eine Zahl von 0 bis 65535 sein.`,
  'cli.latency-invalid': (p) =>
    p.problem === 'empty'
      ? `--latency „${p.value}“ ist leer.`
      : p.problem === 'not-decimal'
        ? `--latency „${p.value}“ muss eine Anzahl Millisekunden von 0 bis ${f.number(p.max)} in Dezimalziffern sein.`
        : p.problem === 'not-whole'
          ? `--latency „${p.value}“ muss eine ganze Anzahl Millisekunden sein.`
          : `--latency „${p.value}“ muss eine Anzahl Millisekunden von 0 bis ${f.number(p.max)} sein.`,
  'cli.delay-invalid': (p) =>
    p.problem === 'empty'
      ? `${p.flag} „${p.value}“ ist leer.`
      : p.problem === 'too-big'
        ? `${p.flag} „${p.value}“ ist länger als 10\u00a0Minuten.`
        : `${p.flag} „${p.value}“ muss Millisekunden (1500 oder 1500ms), Sekunden (30s) oder Minuten (2m) angeben.`,
  'cli.subcommand-missing': (p) =>
    `${p.command}: Geben Sie an, was zu tun ist, z.\u00a0B. \`${p.command} merge <Dateien…>\` (siehe \`smtp-oauth-setup ${p.command} --help\`).`,
  'cli.unknown-option': (p) =>
    p.suggestion
      ? `Unbekannte Option „${p.option}“ (meinten Sie ${p.suggestion}?) (siehe --help)`
      : `Unbekannte Option „${p.option}“ (siehe --help)`,
  'cli.unknown-command': (p) =>
    p.suggestion
      ? `Unbekannter Befehl „${p.command}“ (meinten Sie ${p.suggestion}?) (siehe --help)`
      : `Unbekannter Befehl „${p.command}“ (siehe --help)`,
  'cli.missing-argument': (p) => `Das erforderliche Argument „${p.argument}“ fehlt (siehe --help).`,
  'cli.option-missing-argument': (p) => `Für die Option „${p.option}“ fehlt der Wert (siehe --help).`,
  'cli.option-invalid-choice': (p) =>
    `Option „${p.option}“: Der Wert „${p.value}“ ist ungültig. Erlaubt sind ${p.choices.join(', ')} (siehe --help).`,
  'cli.excess-arguments': (p) =>
    `Zu viele Argumente${p.command ? ` für „${p.command}“` : ''}: erwartet ${f.plural(p.expected, { one: '# Argument', other: '# Argumente' })}, angegeben ${f.number(p.received)} (siehe --help).`,
  'cli.parse-error': (p) => `${p.text} (siehe --help)`,

  'cli.internal-error': (p) =>
    `Interner Fehler: ${p.detail}\nDies ist ein Fehler in smtp-oauth-setup; bitte melden Sie ihn mit dem Befehl, den Sie ausgeführt haben (ohne Geheimnisse).`,
  'cli.cancelled': 'Abgebrochen.',
  'cli.stopped-by-break': 'Durch Strg+Untbr beendet (SIGBREAK).',
  'cli.stopped-by': (p) => `Durch ${p.signal} beendet.`,
};
