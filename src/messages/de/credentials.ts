import type { Translations } from '../define.js';
import type { credentialsEn } from '../en/credentials.js';

export const credentialsDe: Translations<typeof credentialsEn> = {
  'credentials.delivered.credential-store': (p) => `Der neue geheime Clientschlüssel wurde im Anmeldeinformationsspeicher des Betriebssystems gespeichert, die Einstellungen in ${p.path}.`,
  'credentials.delivered.config-file': (p) => `Der neue geheime Clientschlüssel wurde in ${p.path} gespeichert (nur für Sie lesbar).`,
  'credentials.delivered.env-file': (p) => `Der neue geheime Clientschlüssel wurde für die sendende Anwendung in ${p.path} geschrieben (nur für Sie lesbar).`,
  'credentials.delivered.secret-file': (p) => `Der neue geheime Clientschlüssel wurde in ${p.path} geschrieben (nur für Sie lesbar).`,
  'credentials.delivered.shown': 'Der neue geheime Clientschlüssel wird unten einmal angezeigt und danach nie wieder. Kopieren Sie ihn jetzt.',
  'credentials.delivered.no-config': 'Es gibt keine gespeicherte Konfiguration, in der der geheime Clientschlüssel aufbewahrt werden könnte.',
  'credentials.settings.where-heading': 'Der geheime Clientschlüssel liegt hier:',
  'credentials.settings.where-credential-store': 'im Anmeldeinformationsspeicher des Betriebssystems (check liest ihn über die gespeicherte Konfiguration)',
  'credentials.settings.where-file': (p) => p.path,
  'credentials.settings.where-shown': 'einmal im Terminal angezeigt',
  'credentials.answers.saved': (p) => `Die Einstellungen wurden in ${p.path} gespeichert; check verwendet sie ohne Optionen.`,
  'credentials.rotate.plan.app': (p) => `App-Registrierung ${p.displayName} (Client-ID ${p.appId}):`,
  'credentials.rotate.plan.add': (p) => `Einen neuen geheimen Clientschlüssel „${p.displayName}“ hinzufügen, gültig bis ${p.endDate}.`,
  'credentials.rotate.plan.deliver': (p) =>
    p.kind === 'saved-config'
      ? 'Ihn in der gespeicherten Konfiguration aufbewahren (im Anmeldeinformationsspeicher, wo es einen gibt).'
      : p.kind === 'show'
        ? 'Ihn einmal im Terminal anzeigen.'
        : `Ihn in ${p.path ?? ''} schreiben (nur für Sie lesbar).`,
  'credentials.rotate.plan.prove': 'Prüfen, dass er funktioniert: ein Token und SMTP AUTH, mit Warten, bis der neue Schlüssel gilt.',
  'credentials.rotate.plan.remove': (p) =>
    `Danach den alten geheimen Clientschlüssel ${p.keyId}${p.hint ? ` (beginnt mit ${p.hint})` : ''}${p.endDate ? `, gültig bis ${p.endDate}` : ''} entfernen, nur wenn die Prüfung bestanden ist.`,
  'credentials.rotate.plan.keep': (p) =>
    p.count === 1
      ? 'Der alte geheime Clientschlüssel bleibt (--remove-old entfernt ihn nach der Prüfung).'
      : `Die ${p.count} alten geheimen Clientschlüssel bleiben (--remove-old entfernt sie nach der Prüfung).`,
  'rotate.help.description': 'einen neuen geheimen Clientschlüssel hinzufügen, prüfen und dort ablegen, wo der alte lag; den alten danach entfernen (--remove-old)',
  'rotate.help.remove-old': 'nachdem der neue Schlüssel funktioniert hat und nach Ihrer Bestätigung die alten entfernen',
  'rotate.help.save-secret': 'den neuen Schlüssel in der gespeicherten Konfiguration aufbewahren (in der Anmeldeinformationsverwaltung, wo es eine gibt)',
  'rotate.help.json': 'das Ergebnis des Nachweises als JSON ausgeben (wie check); nie einen geheimen Schlüssel',
  'rotate.missing': (p) => `rotate-secret benötigt ${p.flag} (oder eine gespeicherte Konfiguration, die es enthält)`,
  'rotate.no-destination': 'rotate-secret: kein Ort für den neuen Schlüssel: Es ist nichts gespeichert, geben Sie also --save-secret, --env-file, --secret-file oder --show-secret an',
  'rotate.needs-yes': 'rotate-secret ohne Terminal benötigt --yes zur Bestätigung',
  'rotate.app-not-found': (p) => `Keine App-Registrierung mit der Client-ID ${p.clientId} in diesem Mandanten: Es wurde nichts geändert.`,
  'rotate.confirm': 'Den neuen geheimen Clientschlüssel wie geplant hinzufügen?',
  'rotate.declined': 'Es wurde nichts geändert.',
  'rotate.added': (p) => `Neuer geheimer Clientschlüssel hinzugefügt (Geheimnis-ID ${p.keyId}).`,
  'rotate.kept-old': 'Der neue Schlüssel funktioniert noch nicht: Alle alten geheimen Clientschlüssel bleiben erhalten. Führen Sie rotate-secret später erneut aus, oder lesen Sie die Diagnose oben.',
  'rotate.confirm-remove': (p) => (p.count === 1 ? 'Der neue Schlüssel funktioniert. Den alten geheimen Clientschlüssel jetzt entfernen?' : `Der neue Schlüssel funktioniert. Die ${p.count} alten geheimen Clientschlüssel jetzt entfernen?`),
  'rotate.removed': (p) => `Alter geheimer Clientschlüssel entfernt (Geheimnis-ID ${p.keyId}).`,
};
