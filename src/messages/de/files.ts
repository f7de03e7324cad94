import type { Translations } from '../define.js';
import type { filesEn } from '../en/files.js';
import { vocabularyDe as v } from '../vocabulary/de.js';
import { commonDe } from './common.js';

export const filesDe: Translations<typeof filesEn> = {
  'files.ps1.header': (p) => `smtp-oauth-setup: Einrichtung von Exchange Online für die App ${p.clientId} (${p.displayName})`,
  'files.ps1.for': (p) =>
    p.from ? `Für den Mandanten ${p.tenant}, Postfach ${p.mailbox}, Absender ${p.from}.` : `Für den Mandanten ${p.tenant}, Postfach ${p.mailbox}.`,
  'files.ps1.run-it':
    'In PowerShell ausführen, Zeile für Zeile oder als Ganzes. Bis die Einstellungen in Exchange Online wirksam sind, dauert es 15–30\u00a0Minuten.',
  'files.ps1.policy-blocked':
    'Meldet PowerShell, dass die Ausführung von Skripts auf diesem System deaktiviert ist (Ausführungsrichtlinie), führen Sie nur diese Datei so aus:',
  'files.ps1.policy-pwsh': '(pwsh statt powershell für PowerShell 7; die Richtlinie des Computers bleibt, wie sie ist.)',
  'files.ps1.this-file': '<diese Datei>',
  'files.ps1.section-2': `Schritt 2: ${commonDe['step.2.title']} und Postfachberechtigung`,
  'files.ps1.section-3': `Schritt 3: ${commonDe['step.3.title']}`,
  'files.ps1.install-module':
    'Einmal pro Rechner: das Modul Exchange Online PowerShell. Wenn Install-Module unter Windows Server 2016\n(Windows PowerShell 5.1) mit einem Download- oder TLS-Fehler abbricht, führen Sie zuerst aus:',
  'files.ps1.sign-in': (p) =>
    `Melden Sie sich mit Exchange-Administratorrechten für den Mandanten ${p.tenant} an (-UserPrincipalName <konto@domäne> wählt das Konto).`,
  'files.ps1.object-id': `-ObjectId ist der oid-Claim des Tokens: die Objekt-ID der Unternehmensanwendung, NICHT die ${v.objectId}\nunter ${v.appRegistrations} (der klassische Fehler, auf den Exchange mit 535 5.7.3 antwortet).`,
  'files.ps1.check-object-id': (p) => `Prüfen: ObjectId muss ${p.objectId} lauten.`,
  'files.ps1.full-access': 'Die App darf sich an diesem Postfach anmelden (der XOAUTH2-Benutzer).',
  'files.ps1.send-as': (p) => `Die Absenderadresse ${p.from} ist nicht das Postfach: Die App braucht dafür auch SendAs.`,
  'files.ps1.smtp-auth': 'SMTP AUTH für dieses Postfach (überschreibt die Einstellung der Organisation).',
  'files.ps1.check-smtp-auth':
    'Prüfen: Das Postfach muss False zeigen. Die Einstellung der Organisation darunter darf True\nbleiben: Die Postfacheinstellung hat Vorrang. Leer beim Postfach heißt, es übernimmt die\nEinstellung der Organisation.',
  'files.env.secret': (p) => `smtp-oauth-setup: ${p.mailbox}. Enthält den geheimen Clientschlüssel: vertraulich halten (Modus 0600).`,
  'files.env.certificate': (p) =>
    `smtp-oauth-setup: ${p.mailbox}. Der private Schlüssel des Zertifikats bleibt in seiner eigenen Datei (Modus 0600).`,
  'files.env.certificate-password':
    'Sein Schlüssel ist verschlüsselt: Setzen Sie auch AZURE_CLIENT_CERTIFICATE_PASSWORD (wird hier nicht geschrieben).',
};
