import type { Translations } from '../define.js';
import { strong } from '../emphasis.js';
import type { demoEn } from '../en/demo.js';
import { formatterFor } from '../format.js';

const f = formatterFor('de');
const q = f.quote;

export const demoDe: Translations<typeof demoEn> = {
  'demo.title': (p) => `smtp-oauth-setup demo: Szenario ${p.scenario}`,
  'demo.sandbox-only':
    'Alles läuft gegen die eingebaute Sandbox auf 127.0.0.1: eine Nachbildung des Token-Endpunkts von Entra ID und des SMTP-Dienstes von Exchange Online. Es wird kein Mandant benötigt, und nichts verlässt diesen Rechner.',
  'demo.identity': (p) => `Mandant ${p.tenantId} · App ${p.clientId} · Postfach ${p.mailbox}`,
  'demo.endpoints': (p) => `Token-Endpunkt ${p.authorityHost} · SMTP ${p.smtp}`,
  'demo.next': `Als Nächstes: Mit ${strong('smtp-oauth-setup demo --scenario <Name>')} sehen Sie, wie ein Fehler diagnostiziert wird (${strong('smtp-oauth-setup sandbox --list-scenarios')} listet die Szenarien auf); für Ihren eigenen Mandanten lesen Sie ${strong('smtp-oauth-setup check --help')}.`,
  'demo.staged': (p) => `Diesen Fehler hat das Sandbox-Szenario ${q(p.scenario)} herbeigeführt: ${p.description}`,
  'demo.received': 'Die Sandbox hat diese E-Mail empfangen',
  'demo.secret-source': 'der Sandbox',
  'demo.repaired': (p) => `(Demo) Die Sandbox spielt jetzt die Administratorin, die ${q(p.scenario)} behoben hat.`,
  'demo.automatic.intro': (p) =>
    `(Demo) Die automatische Einrichtung gegen die eingebaute Sandbox: Ihr Administrator ${p.admin} bestätigt jede Anmeldung nach ${f.duration(p.waitMs)}, wie Sie es im Browser täten.`,
  'demo.uploaded': '(Demo) Die Sandbox spielt die Administratorin, die das Zertifikat zur App hochgeladen hat.',
  'demo.files-removed': (p) => `(Demo) Die in ${p.workDir} gespeicherten Dateien werden mit der Demo entfernt, denn sie galten nur für die Sandbox.`,
};
