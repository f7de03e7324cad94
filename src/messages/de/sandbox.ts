import type { Translations } from '../define.js';
import type { sandboxEn } from '../en/sandbox.js';
import { formatterFor } from '../format.js';

const f = formatterFor('de');

export const sandboxDe: Translations<typeof sandboxEn> = {
  'sandbox.running': (p) => `Sandbox läuft: Szenario ${p.scenario}`,
  'sandbox.stopped': 'Sandbox beendet.',
  'sandbox.label.token-endpoint': 'Token-Endpunkt (Entra ID)',
  'sandbox.label.smtp-server': 'SMTP-Server (Exchange)',
  'sandbox.label.latency': 'Zusätzliche Umlaufzeit',
  'sandbox.label.ca': 'Wegwerf-CA',
  'sandbox.label.secret-file': 'Geheimer Clientschlüssel (Datei)',
  'sandbox.label.certificate': 'Hochgeladenes Zertifikat',
  'sandbox.value.latency': (p) => `${f.number(p.ms)}\u00a0ms vor beiden Servern (Latenz-Proxys; die Ports oben gehören zu ihnen)`,
  'sandbox.value.certificate': (p) => `${p.thumbprint} (check --certificate ${p.path} statt des geheimen Clientschlüssels)`,
  'sandbox.identities': (p) => `Mandant ${p.tenantId}, App ${p.clientId}, Postfach ${p.mailbox}`,
  'sandbox.check-with-flags': 'Prüfen Sie von einem anderen Terminal aus dagegen (mit NODE_EXTRA_CA_CERTS vertraut Node der CA der Sandbox):',
  'sandbox.check-with-env': 'oder mit Umgebungsvariablen:',
  'sandbox.messages-below': 'Nachrichten, die die Sandbox empfängt, erscheinen unten. Strg+C beendet sie.',
  'sandbox.received-by': (p) => `(angemeldet als ${p.mailbox} durch die App ${p.app})`,
  'sandbox.same-port': (p) => `--token-port und --smtp-port: beide sind ${p.port}; die zwei Server brauchen zwei Ports`,
  'sandbox.port-unusable': (p) =>
    p.reason === 'in-use'
      ? `${p.field} ${p.port}: Der Port wird von einem anderen Programm verwendet; wählen Sie einen anderen, oder lassen Sie die Option weg, um einen freien zu erhalten`
      : p.reason === 'privileged'
        ? `${p.field} ${p.port}: Dieser Benutzer darf an diesem Port nicht lauschen (unter 1024 sind Rechte nötig); wählen Sie einen Port ab 1024`
        : `${p.field} ${p.port}: Der Port kann nicht verwendet werden (${p.detail ?? ''})`,
  'sandbox.ca-dir-unusable': (p) => `--ca-dir: ${p.path}: ${p.reason}`,
  'sandbox.ca-dir-is-file': 'dort liegt eine Datei: Es muss ein Ordner sein (oder noch nicht existieren)',
  'sandbox.certificate-unreadable': (p) => `--certificate: ${p.path}: ${p.reason}`,
  'sandbox.certificate-missing': (p) => `--certificate: ${p.path} enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----)`,
  'sandbox.certificate-unparsable': (p) => `--certificate: Das Zertifikat in ${p.path} kann nicht gelesen werden (${p.detail})`,
  'sandbox.unknown-scenario': (p) =>
    `Unbekanntes Szenario „${p.name}“; eines von: ${p.known.join(', ')} (siehe \`smtp-oauth-setup sandbox --list-scenarios\`)`,
  'sandbox.device-code.how': (p) =>
    p.afterMs !== undefined
      ? `Eine Administratoranmeldung (setup --automatic) wird nach ${f.duration(p.afterMs)} vom Administrator der Sandbox bestätigt.`
      : 'Eine Administratoranmeldung (setup --automatic) wartet hier auf Sie: Drücken Sie a, um ihren Gerätecode zu bestätigen, d, um ihn abzulehnen.',
  'sandbox.device-code.none': 'Keine Administratoranmeldung wartet auf Bestätigung.',
  'sandbox.device-code.answered': (p) => (p.approved ? `Gerätecode ${p.code} bestätigt.` : `Gerätecode ${p.code} abgelehnt.`),
};
