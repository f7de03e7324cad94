import { commandLine, numbered } from '../../diagnose/layout.js';
import type { DiagnosisView } from '../../diagnose/view.js';
import type { Translations } from '../define.js';
import type { diagnosisSmtpEn } from '../en/diagnosis-smtp.js';
import { formatterFor } from '../format.js';
import { vocabularyDe as w } from '../vocabulary/de.js';
import {
  cap,
  CLOUD_TITLE,
  consentPath,
  dasPostfach,
  diagnosisText as d,
  dieAbsenderadresse,
  during,
  FRESH_TOKEN,
  GRANT_CONSENT,
  IN_EXO,
  portal,
  PROPAGATION,
  said,
  SECURITY_DEFAULTS_PATH,
  server,
  servicePrincipalSteps,
  smtpAuthSteps,
  smtpSettings,
  woDativ,
  woNominativ,
} from './diagnosis.js';

const f = formatterFor('de');

/** Wo Einträge „Bedingter Zugriff“ als Ort im Portal nennen: die Richtlinien liegen dort. */
const CONDITIONAL_ACCESS_POLICIES = `Richtlinien unter ${f.quote(w.conditionalAccess)}`;
const TAKES_EFFECT = 'Die Änderung wird nach 15–30\u00a0Minuten wirksam.';
const PERMISSIONS_TAKE_EFFECT = 'Änderungen an Berechtigungen werden nach 15–30\u00a0Minuten wirksam.';
/**
 * Die Liste der eingeschränkten Absender im Microsoft Defender-Portal. Nicht im Vokabular (das nennt
 * nur Entra- und Exchange-Orte); wie Microsoft Learn (de-de) sie nennt, mit dem englischen Namen der
 * Liste dahinter, damit der Satz auch hilft, wenn das Portal die Orte etwas anders benennt.
 */
const RESTRICTED_ENTITIES = 'Microsoft Defender-Portal → E-Mail & Zusammenarbeit → Überprüfen → Eingeschränkte Entitäten (Restricted entities)';

// Beugung, die die gemeinsamen Wörter (diagnosis.ts) nicht haben: ein bekannter oder unbekannter Wert wählt die Worte.
/** „des angemeldeten Postfachs ⟦mailbox⟧“ / „des angemeldeten Postfachs“ (Genitiv). */
const desAngemeldetenPostfachs = (v: DiagnosisView) => (v.mailbox ? `des angemeldeten Postfachs ${v.mailbox}` : 'des angemeldeten Postfachs');
/**
 * Wo der Fehler auftrat, mit der Präposition davor, damit „zum“ und „vom“ zusammengezogen werden:
 * „zu host:port“, „zum Token-Endpunkt (host)“, „zum Server“.
 */
function mitPraeposition(v: DiagnosisView, praeposition: 'zu' | 'von'): string {
  const [vorAdresse, vorBeschreibung] = praeposition === 'zu' ? ['zu', 'zum'] : ['von', 'vom'];
  switch (v.where.kind) {
    case 'address':
    case 'smtp-endpoint':
      return `${vorAdresse} ${v.where.address}`;
    case 'token-endpoint':
      return `${vorBeschreibung} Token-Endpunkt (${v.where.authority})`;
    case 'unknown':
      return `${vorBeschreibung} Server`;
  }
}
const zu = (v: DiagnosisView) => mitPraeposition(v, 'zu');
/** Wo der Fehler auftrat, am Satzanfang: Eine Beschreibung beginnt groß, ein Hostname bleibt, wie er ist. */
const woAmSatzanfang = (v: DiagnosisView) =>
  v.where.kind === 'address' || v.where.kind === 'smtp-endpoint' ? v.where.address : cap(woNominativ(v));
/** „der Absenderadresse ⟦from⟧“ / „der Absenderadresse“ (Dativ). */
const derAbsenderadresse = (v: DiagnosisView) => (v.from ? `der Absenderadresse ${v.from}` : 'der Absenderadresse');

/** Die Diagnosen des SMTP-Dialogs (Katalog B), des Netzwerks und von TLS, des Laufs selbst und interner Fehler. */
export const diagnosisSmtpDe: Translations<typeof diagnosisSmtpEn> = {
  // ===== B. SMTP-Antworten von Exchange Online
  'diagnosis.smtp-auth-unsuccessful.title': 'Authentifizierung fehlgeschlagen (XOAUTH2 abgelehnt; Rollen des Tokens nicht bekannt)',
  'diagnosis.smtp-auth-unsuccessful.summary': d(
    (v) =>
      `Exchange Online hat die XOAUTH2-Anmeldung für ${dasPostfach(v)} abgelehnt (535 5.7.3), ohne einen Grund zu nennen. Meist fehlt dem Token die Rolle SMTP.SendAsApp (Schritt 1), oder der Exchange-Dienstprinzipal fehlt, hat die falsche ${w.objectId} oder kein FullAccess-Recht (Schritt 2).`,
  ),
  'diagnosis.smtp-auth-unsuccessful.fix': d((v) =>
    [
      'Sehen Sie sich zuerst den roles-Claim des Tokens an (dekodieren Sie das Token): Enthält er SMTP.SendAsApp?',
      'Wenn nicht (Schritt 1):',
      numbered(consentPath(v), GRANT_CONSENT, FRESH_TOKEN),
      'Wenn ja (Schritt 2):',
      numbered(...servicePrincipalSteps(v)),
    ].join('\n'),
  ),

  'diagnosis.smtp-auth-service-principal.title':
    'Authentifizierung trotz eines gültigen Tokens mit SMTP.SendAsApp fehlgeschlagen: Exchange-Dienstprinzipal oder Postfachberechtigung',
  'diagnosis.smtp-auth-service-principal.summary': d(
    (v) =>
      `Exchange Online hat die XOAUTH2-Anmeldung für ${dasPostfach(v)} abgelehnt, obwohl das Token die Rolle SMTP.SendAsApp enthält. Der Exchange-Dienstprinzipal fehlt oder wurde mit der ${w.objectId} der App-Registrierung statt mit der der Unternehmensanwendung angelegt, oder ihm fehlt das FullAccess-Recht für das Postfach – oder eine kürzlich vorgenommene Änderung ist noch nicht wirksam.`,
  ),
  'diagnosis.smtp-auth-service-principal.fix': d((v) => numbered(...servicePrincipalSteps(v))),

  'diagnosis.smtp-auth-missing-role.title': 'Authentifizierung fehlgeschlagen: Dem Token fehlt SMTP.SendAsApp',
  'diagnosis.smtp-auth-missing-role.summary': d(
    (v) =>
      `Exchange Online hat die XOAUTH2-Anmeldung für ${dasPostfach(v)} abgelehnt, weil das Token keine Rolle SMTP.SendAsApp enthält: Die ${w.applicationPermission} fehlt, oder die ${w.adminConsent} wurde nicht erteilt.`,
  ),
  'diagnosis.smtp-auth-missing-role.fix': d((v) =>
    numbered(
      consentPath(v),
      GRANT_CONSENT,
      FRESH_TOKEN,
      `Stellen Sie sicher, dass auch Schritt 2 erledigt ist:${commandLine(v.cmd.newServicePrincipal)}${commandLine(v.cmd.addMailboxPermission)}`,
    ),
  ),

  'diagnosis.smtp-auth-disabled-tenant.title': 'SMTP AUTH für die Organisation deaktiviert',
  'diagnosis.smtp-auth-disabled-tenant.summary': d(
    (v) =>
      `SMTP AUTH ist für die Organisation deaktiviert, und für ${dasPostfach(v)} ist nichts Abweichendes eingestellt – deshalb lehnt Exchange Online jede SMTP-Anmeldung ab.`,
  ),
  'diagnosis.smtp-auth-disabled-tenant.fix': d((v) => numbered(...smtpAuthSteps(v, 'tenant'))),

  'diagnosis.smtp-auth-disabled-mailbox.title': 'SMTP AUTH für das Postfach deaktiviert',
  'diagnosis.smtp-auth-disabled-mailbox.summary': d((v) => `SMTP AUTH ist für ${dasPostfach(v)} deaktiviert.`),
  'diagnosis.smtp-auth-disabled-mailbox.fix': d((v) => numbered(...smtpAuthSteps(v, 'mailbox'))),

  'diagnosis.smtp-basic-auth-disabled.title': 'Standardauthentifizierung deaktiviert (der Client hat ein Kennwort statt XOAUTH2 verwendet)',
  'diagnosis.smtp-basic-auth-disabled.summary': d(
    () =>
      'Die sendende Anwendung hat sich mit Benutzername und Kennwort angemeldet (AUTH LOGIN/PLAIN), und das blockiert der Mandant; sie muss XOAUTH2 mit einem Zugriffstoken verwenden.',
  ),
  'diagnosis.smtp-basic-auth-disabled.fix': d((v) =>
    numbered(
      'Stellen Sie die sendende Anwendung auf OAuth 2.0 / XOAUTH2 um (nicht auf „Kennwort“, und tragen Sie den geheimen Clientschlüssel nicht in das Kennwortfeld ein).',
      smtpSettings(v),
    ),
  ),

  'diagnosis.smtp-basic-auth-credentials.title': 'Anmeldeinformationen falsch (Standardauthentifizierung versucht)',
  'diagnosis.smtp-basic-auth-credentials.summary': d(
    () =>
      'Die sendende Anwendung hat sich mit Benutzername und Kennwort angemeldet (Standardauthentifizierung), und Exchange Online hat sie abgewiesen; diese Einrichtung verwendet stattdessen XOAUTH2.',
  ),
  'diagnosis.smtp-basic-auth-credentials.fix': d((v) =>
    numbered('Stellen Sie die sendende Anwendung auf OAuth 2.0 / XOAUTH2 mit einem Zugriffstoken um.', smtpSettings(v)),
  ),

  'diagnosis.smtp-auth-policy-blocked.title': 'Anfrage erfüllt die Kriterien für eine Authentifizierung nicht (Richtlinie des Mandanten)',
  'diagnosis.smtp-auth-policy-blocked.summary': d(
    (v) =>
      `Eine Richtlinie des Mandanten (${f.quote(w.conditionalAccess)}, eine Authentifizierungsrichtlinie oder die ${w.securityDefaults}) hat die SMTP-Anmeldung für ${dasPostfach(v)} blockiert.`,
  ),
  'diagnosis.smtp-auth-policy-blocked.fix': d((v) =>
    numbered(
      `${portal(w.entraId, w.monitoringHealth, w.signInLogs)} (dort auch ${f.quote(w.servicePrincipalSignIns)} für die App ${v.show.client}): Die fehlgeschlagene Anmeldung nennt die Richtlinie; nehmen Sie diese App oder dieses Postfach davon aus.`,
      ...smtpAuthSteps(v, 'either').slice(-2),
    ),
  ),

  'diagnosis.smtp-auth-security-defaults.title': `Durch die ${w.securityDefaults} blockiert`,
  'diagnosis.smtp-auth-security-defaults.summary': d(() => `In diesem Mandanten sind die ${w.securityDefaults} aktiviert, und sie blockieren SMTP AUTH.`),
  'diagnosis.smtp-auth-security-defaults.fix': d(() =>
    numbered(`${SECURITY_DEFAULTS_PATH}; ersetzen Sie die ${w.securityDefaults} durch ${CONDITIONAL_ACCESS_POLICIES} (MFA für Benutzer).`, TAKES_EFFECT),
  ),

  'diagnosis.smtp-auth-blocked.title': 'Authentifizierung wegen einer Richtlinie fehlgeschlagen (anderer Wortlaut)',
  'diagnosis.smtp-auth-blocked.summary': d((v) => `Exchange Online hat die SMTP-Anmeldung wegen einer Richtlinie abgelehnt${said(v)}`),
  'diagnosis.smtp-auth-blocked.fix': d((v) => numbered(...smtpAuthSteps(v, 'either'))),

  'diagnosis.smtp-basic-auth-not-supported.title': 'Standardauthentifizierung für die Clientübermittlung nicht unterstützt',
  'diagnosis.smtp-basic-auth-not-supported.summary': d(
    () => 'Exchange Online akzeptiert für SMTP keinen Benutzernamen mit Kennwort mehr; die sendende Anwendung muss sich mit XOAUTH2 anmelden.',
  ),
  'diagnosis.smtp-basic-auth-not-supported.fix': d((v) => numbered('Stellen Sie die sendende Anwendung auf OAuth 2.0 / XOAUTH2 um.', smtpSettings(v))),

  'diagnosis.smtp-not-authenticated.title': 'Client ist zum Senden von E-Mails nicht authentifiziert',
  'diagnosis.smtp-not-authenticated.summary': d(
    () =>
      'Die sendende Anwendung hat versucht zu senden, ohne sich erfolgreich angemeldet zu haben: Entweder hat sie sich gar nicht authentifiziert, oder sie hat nach einem fehlgeschlagenen AUTH einfach weitergemacht.',
  ),
  'diagnosis.smtp-not-authenticated.fix': d((v) =>
    numbered(
      'Schalten Sie in der sendenden Anwendung die Authentifizierung ein (XOAUTH2) und sehen Sie sich die Antwort auf AUTH an: Deren Fehler ist die eigentliche Ursache.',
      smtpSettings(v),
    ),
  ),

  'diagnosis.smtp-starttls-required.title': 'STARTTLS ist zum Senden erforderlich',
  'diagnosis.smtp-starttls-required.summary': d(
    () => 'Die sendende Anwendung hat die Verbindung vor der Anmeldung oder dem Senden nicht per STARTTLS auf TLS umgestellt.',
  ),
  'diagnosis.smtp-starttls-required.fix': d((v) =>
    numbered(
      `Aktivieren Sie in der sendenden Anwendung STARTTLS für Port ${v.smtpPort} (oft „TLS“ oder „STARTTLS erforderlich“ genannt).`,
      smtpSettings(v),
    ),
  ),

  'diagnosis.smtp-auth-mechanism-unsupported.title': 'Authentifizierungstyp nicht erkannt',
  'diagnosis.smtp-auth-mechanism-unsupported.summary': d(
    () =>
      'Exchange Online hat das Anmeldeverfahren nicht akzeptiert: AUTH wurde vor STARTTLS gesendet oder mit einem Verfahren, das der Server nicht anbietet (er bietet nur LOGIN und XOAUTH2 an).',
  ),
  'diagnosis.smtp-auth-mechanism-unsupported.fix': d((v) => numbered('Verwenden Sie zuerst STARTTLS und dann AUTH XOAUTH2.', smtpSettings(v))),

  'diagnosis.smtp-send-hello-first.title': 'Befehl vor EHLO gesendet („Send hello first“)',
  'diagnosis.smtp-send-hello-first.summary': d(
    () =>
      'Die sendende Anwendung hat einen Befehl vor EHLO gesendet – meist hat sie EHLO nach STARTTLS nicht wiederholt. Das ist ein Fehler dieses SMTP-Clients.',
  ),
  'diagnosis.smtp-send-hello-first.fix': d(() =>
    numbered(
      'Aktualisieren Sie die sendende Anwendung oder konfigurieren Sie sie so, dass sie nach STARTTLS erneut EHLO sendet; verwenden Sie eine gepflegte SMTP-Bibliothek.',
    ),
  ),

  'diagnosis.smtp-xoauth2-user-invalid.title': 'Ungültige XOAUTH2-Anmeldedaten: Benutzeradresse ungültig',
  'diagnosis.smtp-xoauth2-user-invalid.summary': d(() => 'Der Wert nach user= in der XOAUTH2-Anmeldung ist leer oder keine gültige E-Mail-Adresse.'),
  'diagnosis.smtp-xoauth2-user-invalid.fix': d((v) =>
    numbered(`Tragen Sie in der sendenden Anwendung als SMTP-Benutzernamen die Adresse des Postfachs ein (${v.show.mailbox}).`),
  ),

  'diagnosis.smtp-tls-version-too-old.title': 'TLS 1.0 und 1.1 werden nicht unterstützt',
  'diagnosis.smtp-tls-version-too-old.summary': d(
    () => 'Die sendende Anwendung hat TLS 1.0 oder 1.1 ausgehandelt; Exchange Online verlangt TLS 1.2 oder neuer.',
  ),
  'diagnosis.smtp-tls-version-too-old.fix': d(() =>
    numbered(
      'Aktualisieren Sie die sendende Anwendung, ihre Laufzeitumgebung (.NET, Java, OpenSSL) oder das Betriebssystem, damit sie TLS 1.2 oder 1.3 verwendet.',
    ),
  ),

  'diagnosis.smtp-temporary-server-error.title': 'Vorübergehender Serverfehler',
  'diagnosis.smtp-temporary-server-error.summary': d(
    (v) => `Exchange Online hatte${during(v)} einen vorübergehenden Fehler; die Ursache liegt bei Microsoft.`,
  ),
  'diagnosis.smtp-temporary-server-error.fix': d(() =>
    numbered('Versuchen Sie es in einigen Minuten über eine neue Verbindung erneut; lassen Sie zwischen den Versuchen immer längere Pausen.'),
  ),

  'diagnosis.smtp-concurrent-connections.title': 'Zu viele gleichzeitige Verbindungen für das Postfach',
  'diagnosis.smtp-concurrent-connections.summary': d(
    (v) =>
      `Für ${dasPostfach(v)} laufen bereits 3\u00a0SMTP-Übermittlungen gleichzeitig – mehr sind nicht erlaubt –, deshalb hat Exchange Online eine weitere abgelehnt.`,
  ),
  'diagnosis.smtp-concurrent-connections.fix': d(() =>
    numbered(
      'Senden Sie über weniger parallele Verbindungen (am besten eine pro Postfach) und verwenden Sie diese für mehrere Nachrichten.',
      'Versuchen Sie es nach einer kurzen Pause erneut.',
    ),
  ),

  'diagnosis.smtp-mailbox-logon-failure.title': 'Anmeldung am Postfach bei der Übermittlung fehlgeschlagen',
  'diagnosis.smtp-mailbox-logon-failure.summary': d(
    (v) =>
      `Exchange Online hat die Anmeldung angenommen, konnte aber ${dasPostfach(v)} nicht öffnen, um die Nachricht zu übermitteln: Der Dienstprinzipal hat kein FullAccess-Recht dafür, oder eine kürzlich vorgenommene Änderung ist noch nicht wirksam.`,
  ),
  'diagnosis.smtp-mailbox-logon-failure.fix': d((v) =>
    numbered(
      `Geben Sie dem Dienstprinzipal ${IN_EXO} Zugriff auf das Postfach:${commandLine(v.cmd.addMailboxPermission)}`,
      `Prüfen Sie das Ergebnis:${commandLine(v.cmd.getMailboxPermission)}`,
      PROPAGATION,
    ),
  ),

  'diagnosis.smtp-send-as-denied.title': 'Client hat keine Berechtigung, als dieser Absender zu senden',
  'diagnosis.smtp-send-as-denied.summary': d(
    (v) =>
      `${cap(dieAbsenderadresse(v))} ist nicht die Adresse ${desAngemeldetenPostfachs(v)}, und die App darf nicht unter dieser Adresse senden (keine SendAs-Berechtigung).`,
  ),
  'diagnosis.smtp-send-as-denied.fix': d((v) =>
    numbered(
      `Verwenden Sie als Absender die Adresse des Postfachs selbst (${v.show.mailbox}), oder`,
      `Erlauben Sie der App ${IN_EXO}, als ${v.show.sender} zu senden:${commandLine(v.cmd.addRecipientPermission)}`,
      `Ist ${v.show.sender} ein Alias (Proxyadresse) desselben Postfachs, erlauben Sie stattdessen das Senden von Aliasadressen:${commandLine(v.cmd.setOrganizationConfigSendFromAlias)}`,
      PERMISSIONS_TAKE_EFFECT,
    ),
  ),

  'diagnosis.smtp-send-as-denied-submission.title': 'SendAsDenied bei der Übermittlung',
  'diagnosis.smtp-send-as-denied-submission.summary': d(
    (v) =>
      `Exchange Online hat das Senden mit ${derAbsenderadresse(v)} abgelehnt: Diese Adresse ist nicht die ${desAngemeldetenPostfachs(v)}, und die App hat für sie keine SendAs-Berechtigung.`,
  ),
  'diagnosis.smtp-send-as-denied-submission.fix': d((v) =>
    numbered(
      `Verwenden Sie als Absender die Adresse des Postfachs selbst (${v.show.mailbox}), oder`,
      `Erlauben Sie der App ${IN_EXO}, als ${v.show.sender} zu senden:${commandLine(v.cmd.addRecipientPermission)}`,
      PERMISSIONS_TAKE_EFFECT,
    ),
  ),

  'diagnosis.smtp-submission-quota-exceeded.title': 'Tägliches Empfängerlimit (Übermittlungskontingent) überschritten',
  'diagnosis.smtp-submission-quota-exceeded.summary': d(
    (v) =>
      `${cap(dasPostfach(v))} hat in den letzten 24\u00a0Stunden an mehr als ${f.number(10_000)} Empfänger gesendet, deshalb lehnt Exchange Online vorerst weitere Nachrichten ab.`,
  ),
  'diagnosis.smtp-submission-quota-exceeded.fix': d(() =>
    numbered(
      'Warten Sie, bis die Zahl der Empfänger im gleitenden 24-Stunden-Zeitraum wieder unter dem Limit liegt, und senden Sie dann erneut.',
      'Verwenden Sie für Massen-E-Mails einen Dienst, der dafür gebaut ist (z.\u00a0B. Azure Communication Services Email), oder verteilen Sie den Versand auf mehrere Postfächer.',
    ),
  ),

  'diagnosis.smtp-sender-mailbox-full.title': 'Postfach des Absenders voll',
  'diagnosis.smtp-sender-mailbox-full.summary': d(
    (v) => `${cap(dasPostfach(v))} ist voll: Die gesendete Nachricht kann nicht gespeichert werden, deshalb lehnt Exchange Online sie ab.`,
  ),
  'diagnosis.smtp-sender-mailbox-full.fix': d((v) =>
    numbered(
      `Schaffen Sie Platz im Postfach ${v.show.mailbox} (leeren Sie „Gesendete Elemente“ und „Gelöschte Elemente“, oder archivieren Sie), oder erhöhen Sie sein Kontingent.`,
    ),
  ),

  'diagnosis.smtp-ip-blocked.title': 'Mandant oder IP-Adresse von Microsoft gesperrt',
  'diagnosis.smtp-ip-blocked.summary': d(
    () =>
      'Microsoft nimmt von diesem Mandanten oder diesem sendenden IP-Bereich keine E-Mails an (oft bei einem neuen oder einem Testmandanten oder nach verdächtigem Versand); daran ändert keine Einstellung auf Ihrer Seite etwas.',
  ),
  'diagnosis.smtp-ip-blocked.fix': d(() =>
    numbered('Erstellen Sie im Microsoft 365 Admin Center unter „Support“ eine neue Serviceanfrage und fügen Sie die Antwort des Servers wörtlich ein.'),
  ),

  'diagnosis.smtp-sender-banned.title': 'Absender wegen Spam gesperrt (eingeschränkter Absender)',
  'diagnosis.smtp-sender-banned.summary': d((v) => `Microsoft hat ${dasPostfach(v)} wegen Spamverdachts für das Senden gesperrt.`),
  'diagnosis.smtp-sender-banned.fix': d(() =>
    numbered(
      `${RESTRICTED_ENTITIES}: Prüfen Sie den Absender, finden Sie heraus, warum er Spam gesendet hat (ein offengelegter geheimer Clientschlüssel?), und geben Sie ihn dann frei.`,
    ),
  ),

  'diagnosis.smtp-tenant-recipient-limit.title': 'Ratenlimit des Mandanten für externe Empfänger überschritten',
  'diagnosis.smtp-tenant-recipient-limit.summary': d(
    () => 'Der Mandant hat sein tägliches Limit für externe Empfänger erreicht, deshalb lehnt Exchange Online vorerst weitere ab.',
  ),
  'diagnosis.smtp-tenant-recipient-limit.fix': d(() =>
    numbered('Warten Sie, bis im täglichen Zeitraum wieder Empfänger frei werden, und senden Sie dann erneut; verringern Sie den Massenversand an externe Empfänger.'),
  ),

  // ===== Netzwerk, TLS und Fehler auf diesem Rechner
  'diagnosis.connection-refused.title': 'Verbindung abgelehnt',
  'diagnosis.connection-refused.summary': d(
    (v) => `Die Verbindung ${zu(v)} wurde abgelehnt: Auf diesem Port hat nichts die Verbindung angenommen, oder eine Firewall hat sie abgewiesen.`,
  ),
  'diagnosis.connection-refused.fix': d((v) =>
    v.target === 'token'
      ? numbered(`Prüfen Sie den Authority-Host (${v.authority}) und ob HTTPS (Port 443) dorthin erlaubt ist, direkt oder über den Proxy.`)
      : numbered(
          `Prüfen Sie Host und Port: Exchange Online nimmt SMTP-Clientübermittlungen unter ${v.cloudSmtpHost}, Port ${v.cloudSmtpPort} mit STARTTLS an (Schritt 4).`,
          `Ausgehender Port ${v.testPort} wird oft von einer Firewall, dem Internetanbieter oder dem Hoster blockiert; lassen Sie ihn freigeben. Testen Sie von diesem Rechner aus:${v.cmd.portTest}`,
        ),
  ),

  'diagnosis.host-not-found.title': 'Hostname nicht gefunden (DNS)',
  'diagnosis.host-not-found.summary': d((v) =>
    v.host ? `Der Hostname ${v.host} konnte im DNS nicht aufgelöst werden.` : 'Ein Hostname konnte im DNS nicht aufgelöst werden.',
  ),
  'diagnosis.host-not-found.fix': d((v) =>
    numbered(
      v.target === 'token'
        ? `Prüfen Sie den Authority-Host (${v.authority}): ${CLOUD_TITLE[v.cloud]} verwendet ${v.cloudAuthority} (Schritt 4).`
        : `Prüfen Sie die Schreibweise des SMTP-Hosts: Exchange Online verwendet ${v.cloudSmtpHost} (Schritt 4).`,
      `Testen Sie die Namensauflösung auf diesem Rechner; schlägt sie fehl, prüfen Sie die DNS-Server oder die Proxyeinstellungen:${commandLine(v.cmd.nslookup)}`,
    ),
  ),

  'diagnosis.dns-temporary-failure.title': 'DNS-Abfrage vorübergehend fehlgeschlagen',
  'diagnosis.dns-temporary-failure.summary': d((v) =>
    v.host
      ? `Die DNS-Abfrage für ${v.host} ist vorübergehend fehlgeschlagen: Der DNS-Server hat nicht geantwortet.`
      : 'Die DNS-Abfrage für den Host ist vorübergehend fehlgeschlagen: Der DNS-Server hat nicht geantwortet.',
  ),
  'diagnosis.dns-temporary-failure.fix': d((v) =>
    numbered(`Prüfen Sie die Netzwerkverbindung und die DNS-Server und versuchen Sie es dann erneut:${commandLine(v.cmd.nslookup)}`),
  ),

  'diagnosis.connection-timeout.title': 'Zeitüberschreitung',
  'diagnosis.connection-timeout.summary': d((v) =>
    v.target === 'token' && !v.phase
      ? `${woAmSatzanfang(v)} hat nicht rechtzeitig geantwortet: Möglicherweise hält eine Firewall oder ein Proxy die Verbindung auf, oder der Dienst ist langsam.`
      : !v.phase || v.phase === 'connect'
        ? `${cap(zu(v))} konnte nicht rechtzeitig eine Verbindung aufgebaut werden: Wahrscheinlich verwirft eine Firewall die Pakete, oder der Host ist nicht erreichbar.`
        : `${woAmSatzanfang(v)} hat${during(v)} nicht mehr geantwortet.`,
  ),
  'diagnosis.connection-timeout.fix': d((v) =>
    v.phase && v.phase !== 'connect'
      ? numbered(
          'Versuchen Sie es erneut; passiert es immer an derselben Stelle, hält möglicherweise ein Proxy oder Virenschutz, der SMTP prüft, die Verbindung auf.',
        )
      : numbered(
          v.target === 'token'
            ? `Prüfen Sie, ob HTTPS (Port 443) zu ${v.host ?? v.authority} erlaubt ist, direkt oder über den Proxy.`
            : `Viele Netzwerke und Hoster blockieren ausgehende SMTP-Ports. Prüfen Sie, ob Port ${v.testPort} zu ${v.testHost} offen ist:${v.cmd.portTest}`,
          'Versuchen Sie es dann erneut.',
        ),
  ),

  'diagnosis.connection-reset.title': 'Verbindung unerwartet zurückgesetzt oder geschlossen',
  'diagnosis.connection-reset.summary': d((v) => `Die Verbindung ${zu(v)} wurde${during(v)} unerwartet geschlossen.`),
  'diagnosis.connection-reset.fix': d(() =>
    numbered(
      'Versuchen Sie es erneut; kurze Unterbrechungen kommen vor.',
      'Wiederholt es sich, trennt möglicherweise eine Firewall, ein Proxy oder ein Virenschutz, der den E-Mail-Verkehr prüft, die Verbindung: Nehmen Sie diesen Host von der Prüfung aus.',
    ),
  ),

  'diagnosis.network-unreachable.title': 'Netzwerk oder Host nicht erreichbar',
  'diagnosis.network-unreachable.summary': d(
    (v) => `${woAmSatzanfang(v)} ist von diesem Rechner aus nicht erreichbar: Es gibt keine Netzwerkroute dorthin.`,
  ),
  'diagnosis.network-unreachable.fix': d(() =>
    numbered('Prüfen Sie Netzwerkverbindung, VPN und Routing (auch IPv6 gegenüber IPv4) und versuchen Sie es dann erneut.'),
  ),

  'diagnosis.tls-certificate-untrusted.title': 'Nicht vertrauenswürdiges TLS-Zertifikat (oft ein Proxy, der TLS prüft)',
  'diagnosis.tls-certificate-untrusted.summary': d(
    (v) =>
      `Das TLS-Zertifikat, das ${woNominativ(v)} vorgelegt hat, ist nicht von einer vertrauenswürdigen Zertifizierungsstelle signiert; meist prüft unterwegs eine Firewall, ein Proxy oder ein Virenschutz den TLS-Verkehr mit einem eigenen Zertifikat.`,
  ),
  'diagnosis.tls-certificate-untrusted.fix': d((v) =>
    numbered(
      `Lassen Sie sich vom Netzwerkteam das Stammzertifikat (Root-CA) des prüfenden Geräts als PEM-Datei geben, und lassen Sie dieses Programm ihm vertrauen, indem Sie vor dem Start NODE_EXTRA_CA_CERTS setzen:${v.cmd.extraCaCerts}`,
      `Oder nehmen Sie die Hosts von Microsoft (${v.cloudAuthority}, ${v.cloudSmtpHost}) von der TLS-Prüfung aus.`,
      'Schalten Sie die Zertifikatsprüfung nicht ab: Über diese Verbindung geht Ihr Zugriffstoken.',
    ),
  ),

  'diagnosis.tls-certificate-wrong-host.title': 'TLS-Zertifikat gilt für einen anderen Hostnamen',
  'diagnosis.tls-certificate-wrong-host.summary': d(
    (v) =>
      `Das TLS-Zertifikat, das ${woNominativ(v)} vorgelegt hat, gilt für einen anderen Hostnamen: Der Host ist über seine IP-Adresse oder einen Alias eingetragen, oder ein Proxy fängt die Verbindung ab.`,
  ),
  'diagnosis.tls-certificate-wrong-host.fix': d((v) =>
    numbered(
      v.target === 'token'
        ? `Verwenden Sie den Authority-Host unter seinem richtigen Namen (${v.cloudAuthority}) (Schritt 4).`
        : `Verwenden Sie den Hostnamen ${v.cloudSmtpHost} selbst, keine IP-Adresse und keinen eigenen Alias (Schritt 4).`,
      'Stimmt der Name, fängt ein Proxy oder Virenschutz TLS ab: Nehmen Sie diesen Host von der Prüfung aus.',
    ),
  ),

  'diagnosis.tls-certificate-expired.title': 'TLS-Zertifikat abgelaufen oder noch nicht gültig',
  'diagnosis.tls-certificate-expired.summary': d(
    (v) =>
      `Das TLS-Zertifikat, das ${woNominativ(v)} vorgelegt hat, ist abgelaufen oder noch nicht gültig; meist geht die Uhr dieses Rechners falsch, oder ein Proxy legt ein veraltetes Zertifikat vor.`,
  ),
  'diagnosis.tls-certificate-expired.fix': d(() =>
    numbered(
      'Prüfen Sie Datum und Uhrzeit dieses Rechners und synchronisieren Sie die Uhr (NTP).',
      'Geht die Uhr richtig, legt ein Proxy oder Virenschutz, der TLS prüft, ein altes Zertifikat vor: Nehmen Sie diesen Host von der Prüfung aus.',
    ),
  ),

  'diagnosis.tls-wrong-mode.title': 'Implizites TLS auf einem STARTTLS-Port',
  'diagnosis.tls-wrong-mode.summary': d(
    (v) =>
      `Der Client hat die Verbindung ${zu(v)} sofort mit TLS begonnen, aber dieser Port erwartet zuerst unverschlüsseltes SMTP und dann STARTTLS.`,
  ),
  'diagnosis.tls-wrong-mode.fix': d((v) =>
    numbered(
      'Stellen Sie die Verschlüsselung auf STARTTLS (in nodemailer: secure: false, requireTLS: true; in .NET/MailKit: SecureSocketOptions.StartTls), nicht auf „SSL/TLS“ (Schritt 4).',
      smtpSettings(v),
    ),
  ),

  'diagnosis.tls-handshake-failed.title': 'TLS-Handshake fehlgeschlagen',
  'diagnosis.tls-handshake-failed.summary': d((v) => `Der TLS-Handshake mit ${woDativ(v)} ist fehlgeschlagen${said(v)}`),
  'diagnosis.tls-handshake-failed.fix': d(() =>
    numbered(
      'Stellen Sie sicher, dass TLS 1.2 oder neuer auf diesem Rechner erlaubt ist (keine Richtlinie und keine alte OpenSSL-Konfiguration, die es einschränkt).',
      'Auch ein Proxy oder Virenschutz, der TLS prüft, kann den Handshake stören: Nehmen Sie diesen Host von der Prüfung aus.',
    ),
  ),

  'diagnosis.starttls-not-offered.title': 'Server bietet kein STARTTLS an',
  'diagnosis.starttls-not-offered.summary': d(
    (v) =>
      `${woAmSatzanfang(v)} hat kein STARTTLS angeboten; deshalb blieb die Verbindung unverschlüsselt, und es wurde kein Token gesendet (dieses Programm sendet ein Token nie unverschlüsselt).`,
  ),
  'diagnosis.starttls-not-offered.fix': d((v) =>
    numbered(
      `Prüfen Sie Host und Port: Exchange Online bietet STARTTLS unter ${v.cloudSmtpHost}, Port ${v.cloudSmtpPort} an (Schritt 4).`,
      `Stimmen beide, entfernt ein Proxy, eine Firewall oder ein Virenschutz STARTTLS aus dem SMTP-Dialog („SMTP-Prüfung“): Nehmen Sie ${v.testHost} davon aus.`,
    ),
  ),

  'diagnosis.network-error.title': 'Netzwerkfehler',
  'diagnosis.network-error.summary': d((v) => `Die Verbindung ${zu(v)} ist${during(v)} fehlgeschlagen${said(v)}`),
  'diagnosis.network-error.fix': d(() =>
    numbered(
      'Prüfen Sie Netzwerkverbindung, Proxy und Firewall und versuchen Sie es dann erneut.',
      'Wenn ein Proxy nötig ist, stellen Sie sicher, dass er diese Verbindung zulässt.',
    ),
  ),

  'diagnosis.response-too-large.title': 'Antwort zu groß: Hier antwortet nicht Entra ID',
  'diagnosis.response-too-large.summary': d(
    (v) =>
      `${woAmSatzanfang(v)} hat eine Antwort gesendet, die größer ist als jede Antwort von Entra ID (ein Token oder seine Metadaten sind wenige Kilobyte groß), deshalb wurde sie abgeschnitten: Hier hat etwas anderes als Entra ID geantwortet, etwa ein Proxy, ein Captive Portal oder ein anderer Webserver.`,
  ),
  'diagnosis.response-too-large.fix': d((v) =>
    numbered(
      `Prüfen Sie den Authority-Host (${v.authority}): Entra ID stellt Token dieser Cloud unter ${v.cloudAuthority} aus (Schritt 4).`,
      'Stimmt er, antwortet unterwegs ein Proxy oder Filter an seiner Stelle: Prüfen Sie die Proxyeinstellungen (HTTPS_PROXY, --proxy), und öffnen Sie die Authority-URL auf diesem Rechner im Browser, um zu sehen, wer antwortet.',
    ),
  ),

  // ===== Rückfallebenen für nicht erkannte SMTP-Antworten
  'diagnosis.smtp-auth-refused.title': 'Exchange Online hat die Anmeldung abgelehnt (nicht erkannte Antwort)',
  'diagnosis.smtp-auth-refused.summary': d((v) => `${server(v)} hat die Anmeldung für ${dasPostfach(v)} abgelehnt${said(v)}`),
  'diagnosis.smtp-auth-refused.fix': d((v) =>
    numbered(
      `Prüfen Sie, ob das Token die Rolle SMTP.SendAsApp enthält (Schritt 1), ob der Exchange-Dienstprinzipal existiert und FullAccess-Recht für ${v.show.mailbox} hat (Schritt 2) und ob SMTP AUTH für das Postfach eingeschaltet ist (Schritt 3).`,
      smtpSettings(v),
    ),
  ),

  'diagnosis.smtp-message-refused.title': 'Exchange Online hat die Nachricht abgelehnt (nicht erkannte Antwort)',
  'diagnosis.smtp-message-refused.summary': d((v) => `${server(v)} hat die Nachricht${during(v)} abgelehnt${said(v)}`),
  'diagnosis.smtp-message-refused.fix': d((v) =>
    numbered(
      `Prüfen Sie den Absender (${v.show.sender}: das Postfach selbst oder eine Adresse, unter der die App senden darf) und die Empfänger.`,
      'Schlagen Sie den Statuscode in der Liste der Unzustellbarkeitsberichte (NDR-Codes) von Microsoft nach.',
    ),
  ),

  'diagnosis.smtp-temporary-failure.title': 'Vorübergehender SMTP-Fehler (nicht erkannte 4xx-Antwort)',
  'diagnosis.smtp-temporary-failure.summary': d((v) => `${server(v)} hat${during(v)} einen vorübergehenden Fehler gemeldet${said(v)}`),
  'diagnosis.smtp-temporary-failure.fix': d(() =>
    numbered('Versuchen Sie es in einigen Minuten erneut; lassen Sie zwischen den Versuchen immer längere Pausen.'),
  ),

  'diagnosis.smtp-session-refused.title': 'SMTP-Server hat die Sitzung vor der Anmeldung abgelehnt (nicht erkannte Antwort)',
  'diagnosis.smtp-session-refused.summary': d((v) => `${woAmSatzanfang(v)} hat die SMTP-Sitzung${during(v)} abgelehnt${said(v)}`),
  'diagnosis.smtp-session-refused.fix': d((v) =>
    numbered(
      `Prüfen Sie, ob der Host wirklich Exchange Online ist (${v.cloudSmtpHost}, Port ${v.cloudSmtpPort}) und nicht ein anderer Server oder ein Proxy (Schritt 4).`,
      smtpSettings(v),
    ),
  ),

  // ===== Interne Fehler und der Lauf selbst
  'diagnosis.internal-error.title': 'Interner Fehler von smtp-oauth-setup',
  'diagnosis.internal-error.summary': d(
    (v) => `smtp-oauth-setup konnte diesen Fehler nicht diagnostizieren${v.quoted ? ` (${v.quoted})` : ''}; das ist ein Fehler im Programm.`,
  ),
  'diagnosis.internal-error.fix': d(() => numbered('Bitte melden Sie ihn mit der Ausgabe des Laufs (sie enthält keine Geheimnisse).')),

  'diagnosis.input-invalid.title': 'Ein an smtp-oauth-setup übergebener Wert ist ungültig',
  'diagnosis.input-invalid.summary': d(
    (v) => `Ein an smtp-oauth-setup übergebener Wert ist ungültig${firstProblem(v)}. An Microsoft wurde nichts gesendet.`,
  ),
  'diagnosis.input-invalid.fix': d(() =>
    numbered(
      'Korrigieren Sie jeden unter „problems“ aufgeführten Wert: ein Flag, eine Umgebungsvariable, die gespeicherte Konfiguration oder eine Zeile der Zieldatei.',
      'Führen Sie den Befehl erneut aus; `smtp-oauth-setup check --help` listet alle Flags und Umgebungsvariablen auf.',
    ),
  ),

  'diagnosis.input-missing.title': 'Ein Wert, den smtp-oauth-setup braucht, wurde nicht angegeben',
  'diagnosis.input-missing.summary': d((v) => `Nicht alle Werte, die smtp-oauth-setup braucht, wurden angegeben${firstProblem(v)}. An Microsoft wurde nichts gesendet.`),
  'diagnosis.input-missing.fix': d(() =>
    numbered(
      'Geben Sie jeden unter „problems“ aufgeführten Wert als Flag oder Umgebungsvariable an (ein Skript oder CI-Job bekommt nie eine Rückfrage).',
      'Oder führen Sie einmal `smtp-oauth-setup setup` aus: `check` liest die Antworten, die es speichert.',
    ),
  ),

  'diagnosis.cancelled.title': 'Der Lauf wurde abgebrochen',
  'diagnosis.cancelled.summary': d(
    (v) => `Der Lauf wurde abgebrochen${v.quoted ? ` (${v.quoted})` : ''}, bevor er fertig war: Über den Zustand der Einrichtung sagt das nichts aus.`,
  ),
  'diagnosis.cancelled.fix': d(() =>
    numbered(
      'Führen Sie den Befehl erneut aus und lassen Sie ihn zu Ende laufen.',
      'Ein Netzwerkschritt, der hängt, endet nach --timeout Sekunden (Standard: 20) von selbst mit einer eigenen Diagnose.',
    ),
  ),
};

/** „: „<erstes Problem>“ (und 2 weitere)“ bei einem Eingabefehler; leer, wenn die Probleme nicht bekannt sind. */
function firstProblem(v: { quoted?: string; problemCount?: number }): string {
  if (!v.quoted) return '';
  const more = (v.problemCount ?? 1) - 1;
  return `: ${f.quote(v.quoted)}${more > 0 ? ` (und ${f.plural(more, { one: '# weiteres', other: '# weitere' })})` : ''}`;
}
