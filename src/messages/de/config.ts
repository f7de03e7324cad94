import type { Translations } from '../define.js';
import type { configEn } from '../en/config.js';

const fix = 'korrigieren Sie sie, oder rufen Sie `smtp-oauth-setup setup` auf, um eine neue zu schreiben.';

export const configDe: Translations<typeof configEn> = {
  'config.secret-in-file': (p) =>
    `Der Anmeldeinformationsspeicher des Betriebssystems ist hier nicht verfügbar (${p.reason}): Der geheime Clientschlüssel wird stattdessen in ${p.path} aufbewahrt (Modus 0600, nur für Sie lesbar).`,
  'config.secret-entry-missing': (p) =>
    `Gespeicherte Konfiguration: Der geheime Clientschlüssel, auf den sie verweist, ist nicht mehr im Anmeldeinformationsspeicher des Betriebssystems (Dienst ${p.service}, Konto ${p.account}); speichern Sie ihn erneut mit \`smtp-oauth-setup setup --save-secret\`, oder geben Sie ihn mit AZURE_CLIENT_SECRET oder --client-secret-file an.`,
  'config.secret-store-unavailable': (p) =>
    `Gespeicherte Konfiguration: Der geheime Clientschlüssel liegt im Anmeldeinformationsspeicher des Betriebssystems (Dienst ${p.service}, Konto ${p.account}), der hier nicht gelesen werden kann (${p.reason}); geben Sie ihn mit AZURE_CLIENT_SECRET oder --client-secret-file an, oder rufen Sie \`smtp-oauth-setup setup --save-secret\` dort auf, wo der Speicher verfügbar ist.`,
  'config.read-failed': (p) => `${p.path}: ${p.reason}`,
  'config.not-json': (p) =>
    `${p.path} ist keine Konfiguration, die smtp-oauth-setup lesen kann; löschen Sie die Datei, oder rufen Sie \`smtp-oauth-setup setup\` auf, um eine neue zu schreiben.`,
  'config.invalid.unreadable': (p) => `${p.path}: gespeicherte Konfiguration: nicht lesbar; ${fix}`,
  'config.invalid.type': (p) => {
    const must = p.expected === 'text' ? 'Text in Anführungszeichen sein ("30", nicht 30)' : p.expected === 'object' ? 'ein Objekt sein ({ … })' : `vom Typ ${p.type} sein`;
    return `${p.path}: gespeicherte Konfiguration: ${p.key ?? 'die Datei'}: muss ${must}; ${fix}`;
  },
  'config.invalid.unknown-key': (p) => `${p.path}: gespeicherte Konfiguration: ${p.key}: ist kein Schlüssel, den smtp-oauth-setup speichert; ${fix}`,
  'config.invalid.version': (p) => `${p.path}: gespeicherte Konfiguration: version: muss 1 sein; ${fix}`,
  'config.invalid.other': (p) => `${p.path}: gespeicherte Konfiguration: ${p.key ?? 'die Datei'}: ${p.problem}; ${fix}`,
  'config.ignored': (p) => `${p.problem} Die Datei wird nicht verwendet.`,
  'config.store.binding-incomplete': 'der Anbindung an den Anmeldeinformationsspeicher fehlt Entry',
  'config.store.binding-failed': (p) => `die Anbindung an den Anmeldeinformationsspeicher kann nicht geladen werden: ${p.reason}`,
  'config.store.unknown-error': 'unbekannter Fehler',
};
