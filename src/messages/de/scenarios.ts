import type { Translations } from '../define.js';
import type { scenariosEn } from '../en/scenarios.js';
import { formatterFor } from '../format.js';
import { vocabularyDe as v } from '../vocabulary/de.js';

const q = formatterFor('de').quote;

const REPLAYED =
  '`check` prüft seine Eingaben und fordert immer https://outlook.office365.com/.default an, kann dies also nicht selbst verursachen: Die Sandbox beantwortet jede Tokenanforderung so, wie Entra ID die beschriebene Anforderung beantwortet.';
const REPLAYED_SMTP = 'Die Sandbox gibt diese Antwort in jeder Sitzung, in der Phase, in der Exchange Online sie gibt.';

export const scenariosDe: Translations<typeof scenariosEn> = {
  'sandbox.scenario.healthy.title': 'Alles richtig eingerichtet: Token, AUTH und Versand gelingen',
  'sandbox.scenario.secret-id-instead-of-value.title': 'Statt des Werts wurde die ID des geheimen Clientschlüssels eingegeben → AADSTS7000215',
  'sandbox.scenario.wrong-secret.title': 'Ein geheimer Clientschlüssel, der nicht zur App gehört → AADSTS7000215',
  'sandbox.scenario.expired-secret.title': 'Der geheime Clientschlüssel ist abgelaufen → AADSTS7000222',
  'sandbox.scenario.unknown-app.title': 'Die Client-ID nennt keine Anwendung im Mandanten → AADSTS700016',
  'sandbox.scenario.unknown-tenant.title': 'Die Mandanten-ID existiert nicht → AADSTS90002',
  'sandbox.scenario.app-disabled.title': 'Die Unternehmensanwendung ist deaktiviert → AADSTS7000112',
  'sandbox.scenario.no-enterprise-app.title': 'Die App-Registrierung hat keinen Dienstprinzipal im Mandanten → AADSTS7000229',
  'sandbox.scenario.no-admin-consent.title': 'Keine Administratorzustimmung für SMTP.SendAsApp: Token ohne Rollen → 535 5.7.3',
  'sandbox.scenario.no-service-principal.title': 'New-ServicePrincipal wurde in Exchange Online nicht ausgeführt → 535 5.7.3',
  'sandbox.scenario.wrong-object-id.title': 'New-ServicePrincipal erhielt die Objekt-ID der App-Registrierung → 535 5.7.3',
  'sandbox.scenario.no-mailbox-permission.title': 'Der Dienstprinzipal hat kein FullAccess auf das Postfach → 535 5.7.3',
  'sandbox.scenario.unknown-mailbox.title': 'Das Postfach (user=) ist kein Postfach des Mandanten → 535 5.7.3',
  'sandbox.scenario.smtp-auth-disabled-mailbox.title': 'SMTP AUTH ist für das Postfach deaktiviert → 535 5.7.139 … Mailbox',
  'sandbox.scenario.smtp-auth-disabled-tenant.title': 'SMTP AUTH ist organisationsweit deaktiviert, und das Postfach erbt es → 535 5.7.139 … Tenant',
  'sandbox.scenario.send-as-denied.title': 'Der Absender ist ein anderes Postfach ohne SendAs → 550 5.7.60 am Ende von DATA',
  'sandbox.scenario.sender-thread-limit.title': 'Zu viele gleichzeitige Sitzungen für das Postfach → 432 4.3.2 am Ende von DATA',
  'sandbox.scenario.no-starttls.title': 'Der SMTP-Server bietet kein STARTTLS an → der Client muss die Anmeldung verweigern',
  'sandbox.scenario.token-endpoint-unavailable.title': 'Der Token-Endpunkt antwortet mit 503 temporarily_unavailable',
  'sandbox.scenario.exchange-temporary-error.title': 'Exchange beantwortet AUTH mit 451 4.7.0 Temporary server error … PRX4',
  'sandbox.scenario.public-client.title': 'Die App-Registrierung erlaubt Flows für öffentliche Clients → AADSTS700025',
  'sandbox.scenario.conditional-access-blocked.title': 'Eine Richtlinie für bedingten Zugriff für Workload-Identitäten blockiert die App → AADSTS53003',
  'sandbox.scenario.exchange-online-disabled.title': 'Die Unternehmensanwendung „Office 365 Exchange Online“ des Mandanten ist deaktiviert → AADSTS500014',
  'sandbox.scenario.secret-not-sent.title': 'Die sendende Anwendung hat keinen geheimen Clientschlüssel gesendet → AADSTS7000218',
  'sandbox.scenario.tenant-id-malformed.title': 'Das Mandantenfeld enthält weder eine GUID noch eine Domäne → AADSTS900023',
  'sandbox.scenario.tenant-common.title': 'Die Authority nennt /common statt des Mandanten → AADSTS50059',
  'sandbox.scenario.scope-not-default.title': 'Der Scope ist SMTP.SendAsApp statt …/.default → AADSTS1002012',
  'sandbox.scenario.scope-invalid.title': 'Der Scope mischt Werte (…/.default offline_access) → AADSTS70011',
  'sandbox.scenario.resource-not-found.title': 'Der Scope nennt die Ressource einer anderen Cloud (outlook.office365.us) → AADSTS500011',
  'sandbox.scenario.certificate-not-uploaded.title': 'Das Clientzertifikat ist nicht zur App hochgeladen → AADSTS700027',
  'sandbox.scenario.certificate-clock-skew.title': 'Die Zertifikatassertion liegt außerhalb ihrer Gültigkeit (Uhrzeitabweichung) → AADSTS700024',
  'sandbox.scenario.missing-client-id.title': 'Die Tokenanforderung enthält keine client_id → AADSTS900144',
  'sandbox.scenario.national-cloud-tenant.title': 'Ein Mandant der US-Regierungscloud wurde bei der weltweiten Authority angefragt → AADSTS90038',
  'sandbox.scenario.worldwide-tenant-on-usgov.title': 'Ein weltweiter Mandant wurde bei der Authority der US-Regierungscloud angefragt → AADSTS900440',
  'sandbox.scenario.cross-cloud-request.title': 'Ein vertraulicher Client ruft die Authority einer anderen Cloud auf → AADSTS900432',
  'sandbox.scenario.graph-token.title': 'Das Token gilt für Microsoft Graph, nicht für Exchange Online → falsche Zielgruppe (aud)',
  'sandbox.scenario.token-from-other-tenant.title': 'Das Token wurde von einem anderen Mandanten ausgestellt → tid passt nicht',
  'sandbox.scenario.token-for-other-app.title': 'Das Token gehört zu einer anderen Anwendung → appid passt nicht',
  'sandbox.scenario.clock-skew-expired-token.title': 'Ein brandneues Token ist für diesen Rechner schon abgelaufen → Uhrzeitabweichung',
  'sandbox.scenario.delegated-token.title': 'Ein delegiertes (Benutzer-)Token mit scp SMTP.Send statt eines reinen App-Tokens',
  'sandbox.scenario.opaque-token.title': 'Das Zugriffstoken ist kein JWT → es lässt sich nicht dekodieren',
  'sandbox.scenario.basic-auth-disabled.title':
    'Eine Anmeldung mit Kennwort (AUTH LOGIN), wo die Standardauthentifizierung abgeschaltet ist → 535 5.7.139 … basic authentication is disabled',
  'sandbox.scenario.basic-auth-wrong-password.title': 'Eine Anmeldung mit Kennwort und falschen Anmeldedaten → 535 5.7.139 … credentials were incorrect',
  'sandbox.scenario.auth-policy-blocked.title': 'Eine Richtlinie des Mandanten blockiert die SMTP-Anmeldung → 535 5.7.139 … did not meet the criteria',
  'sandbox.scenario.security-defaults.title': 'Sicherheitsstandards blockieren SMTP AUTH → 535 5.7.139 … security defaults policy',
  'sandbox.scenario.account-locked.title': 'Die Anmeldung wird aus einem Richtliniengrund mit anderen Worten abgelehnt → 535 5.7.139 … account locked',
  'sandbox.scenario.basic-auth-retired.title': 'Eine Anmeldung mit Kennwort nach dem Ende der Standardauthentifizierung → 550 5.7.30',
  'sandbox.scenario.not-authenticated.title': 'MAIL FROM ohne erfolgreiche Anmeldung → 530 5.7.57',
  'sandbox.scenario.starttls-required.title': 'Senden ohne STARTTLS → 451 5.7.3 STARTTLS is required',
  'sandbox.scenario.auth-mechanism-unsupported.title': 'AUTH vor STARTTLS oder mit einem nicht unterstützten Verfahren → 504 5.7.4',
  'sandbox.scenario.send-hello-first.title': 'Ein Befehl vor EHLO (kein EHLO nach STARTTLS) → 503 5.5.2',
  'sandbox.scenario.xoauth2-user-invalid.title': 'user= in XOAUTH2 ist leer oder keine Adresse → 501 5.5.124',
  'sandbox.scenario.tls-version-too-old.title': 'Der Client hat TLS 1.0 oder 1.1 ausgehandelt → 421 4.7.66',
  'sandbox.scenario.mailbox-logon-failure.title': 'Das Postfach lässt sich bei der Übermittlung nicht öffnen → 430 4.2.0 am Ende von DATA',
  'sandbox.scenario.send-as-denied-submission.title': 'SendAs bei der Übermittlung abgelehnt → 554 5.2.0 … SendAsDenied am Ende von DATA',
  'sandbox.scenario.submission-quota-exceeded.title': 'Das Postfach hat heute an 10.000 Empfänger gesendet → 554 5.2.0 SubmissionQuotaExceeded',
  'sandbox.scenario.sender-mailbox-full.title': 'Das sendende Postfach ist voll → 554 5.2.2 am Ende von DATA',
  'sandbox.scenario.ip-blocked.title': 'Microsoft lehnt den Datenverkehr des Mandanten ab → 550 5.7.708 bei RCPT TO',
  'sandbox.scenario.sender-banned.title': 'Der Absender ist wegen Spam gesperrt → 550 5.7.501 am Ende von DATA',
  'sandbox.scenario.tenant-recipient-limit.title': 'Das tägliche Limit des Mandanten für externe Empfänger ist erreicht → 5.7.233',
  'sandbox.scenario.healthy.description':
    'App mit gültigem geheimem Clientschlüssel und SMTP.SendAsApp mit Administratorzustimmung; Exchange-Dienstprinzipal mit der Objekt-ID der Unternehmensanwendung registriert; FullAccess auf das Postfach; SMTP AUTH für das Postfach aktiviert (organisationsweit deaktiviert, wie in Mandanten, die nach Januar 2020 erstellt wurden).',
  'sandbox.scenario.secret-id-instead-of-value.description':
    `Schritt 4: Unter ${v.certificatesAndSecrets} wurde die Spalte ${q(v.secretId)} (eine GUID) statt der Spalte ${q(v.valueColumn)} kopiert. Entra ID antwortet mit 401 invalid_client AADSTS7000215.`,
  'sandbox.scenario.wrong-secret.description':
    'Schritt 4: Der Wert ist keiner der geheimen Clientschlüssel der App (Tippfehler, abgeschnitten kopiert, Schlüssel einer anderen App). Entra ID antwortet mit 401 invalid_client AADSTS7000215.',
  'sandbox.scenario.expired-secret.description':
    'Schritt 1: Das Ablaufdatum des geheimen Clientschlüssels ist überschritten (Schlüssel aus dem Portal gelten höchstens 24\u00a0Monate). Entra ID antwortet mit 401 invalid_client AADSTS7000222.',
  'sandbox.scenario.unknown-app.description':
    'Schritt 4: Die Anwendungs-ID (Client) ist falsch oder gehört zu einer App in einem anderen Mandanten. Entra ID antwortet mit 400 unauthorized_client AADSTS700016.',
  'sandbox.scenario.unknown-tenant.description':
    'Schritt 4: Die Verzeichnis-ID (Mandant) ist falsch (oder gehört zu einer anderen Cloud). Der Metadaten-Endpunkt (OpenID-Konfiguration) und der Token-Endpunkt antworten mit 400 invalid_tenant AADSTS90002.',
  'sandbox.scenario.app-disabled.description':
    'Schritt 1: Die Anmeldung ist für den Dienstprinzipal in seinen Eigenschaften abgeschaltet (accountEnabled false), oder Microsoft hat ihn deaktiviert. Entra ID antwortet mit 400 unauthorized_client AADSTS7000112.',
  'sandbox.scenario.no-enterprise-app.description':
    'Schritt 1: Die App wurde über eine API registriert, die keine Unternehmensanwendung (Dienstprinzipal) anlegt. Entra ID antwortet mit 401 invalid_client AADSTS7000229.',
  'sandbox.scenario.no-admin-consent.description':
    'Schritt 1: Die Anwendungsberechtigung wurde hinzugefügt, die Administratorzustimmung aber nicht erteilt. Entra ID stellt trotzdem ein Token aus, ohne roles-Claim; Exchange beantwortet AUTH mit 535 5.7.3 Authentication unsuccessful.',
  'sandbox.scenario.no-service-principal.description':
    'Schritt 2: Exchange kennt die App nicht (kein Dienstprinzipal, also auch keine Postfachberechtigung). Das Token ist in Ordnung; AUTH erhält 535 5.7.3 Authentication unsuccessful.',
  'sandbox.scenario.wrong-object-id.description':
    `Schritt 2: Der Exchange-Dienstprinzipal wurde mit der -ObjectId aus ${v.appRegistrations} statt aus ${v.enterpriseApplications} angelegt und passt daher nicht zur oid im Token. AUTH erhält 535 5.7.3 Authentication unsuccessful.`,
  'sandbox.scenario.no-mailbox-permission.description':
    'Schritt 2: Add-MailboxPermission -AccessRights FullAccess wurde für den Dienstprinzipal nicht ausgeführt. AUTH erhält 535 5.7.3 Authentication unsuccessful.',
  'sandbox.scenario.unknown-mailbox.description':
    'Schritt 4: Der Benutzername für AUTH ist nicht die primäre SMTP-Adresse des Postfachs (Tippfehler, eine Gruppe, eine Adresse, die es nicht gibt). AUTH erhält 535 5.7.3 Authentication unsuccessful.',
  'sandbox.scenario.smtp-auth-disabled-mailbox.description':
    'Schritt 3: Set-CASMailbox -SmtpClientAuthenticationDisabled $true für das Postfach. AUTH erhält 535 5.7.139 … SmtpClientAuthentication is disabled for the Mailbox.',
  'sandbox.scenario.smtp-auth-disabled-tenant.description':
    'Schritt 3: SmtpClientAuthenticationDisabled in Get-TransportConfig ist True (die Vorgabe seit 2020), und die Einstellung des Postfachs ist leer. AUTH erhält 535 5.7.139 … SmtpClientAuthentication is disabled for the Tenant.',
  'sandbox.scenario.send-as-denied.description':
    'Schritt 4 (oder die optionale SendAs-Berechtigung aus Schritt 2): Die Absenderadresse ist ein anderes Postfach des Mandanten, und der Dienstprinzipal hat dafür kein SendAs-Recht. AUTH gelingt; die Nachricht erhält am Ende von DATA 550 5.7.60.',
  'sandbox.scenario.sender-thread-limit.description':
    'Kein Einrichtungsschritt: Ein anderer Absender belegt bereits die 3 Sitzungen, die Exchange pro Postfach erlaubt. Die Nachricht erhält 432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded (vorübergehend).',
  'sandbox.scenario.no-starttls.description':
    'Schritt 4: Host/Port bietet kein STARTTLS an (falscher Endpunkt oder ein Gerät dazwischen, das es entfernt). Ein trotzdem gesendetes STARTTLS wird mit 500 (command not recognized) beantwortet; ein korrekter Client bricht dort ab, noch vor AUTH: Das Bearer-Token darf nie unverschlüsselt übertragen werden.',
  'sandbox.scenario.token-endpoint-unavailable.description':
    'Kein Einrichtungsschritt: Entra ID ist vorübergehend nicht erreichbar (HTTP 503, Fehler temporarily_unavailable, Retry-After). Vorübergehend: später erneut versuchen.',
  'sandbox.scenario.exchange-temporary-error.description':
    'Kein Einrichtungsschritt: ein Fehler eines Front-End-Proxys von Exchange. AUTH erhält 451 4.7.0 Temporary server error. Please try again later. PRX4 (vorübergehend: über eine neue Verbindung erneut versuchen).',
  'sandbox.scenario.public-client.description':
    'Schritt 1: Die App-Registrierung lässt unter Authentifizierung Flows für öffentliche Clients zu; Entra ID behandelt die App daher als öffentlichen Client und lehnt ihren geheimen Clientschlüssel ab: 401 invalid_client AADSTS700025.',
  'sandbox.scenario.conditional-access-blocked.description':
    'Richtlinie des Mandanten (Schritt 3 in den Begriffen dieses Tools): Eine Richtlinie für bedingten Zugriff für Dienstprinzipale (etwa nach Standort) blockiert die Ausstellung von Token für die App: 400 AADSTS53003.',
  'sandbox.scenario.exchange-online-disabled.description':
    'Schritt 1: Der Ressourcen-Dienstprinzipal von Exchange Online ist im Mandanten deaktiviert, daher stellt Entra ID kein Token dafür aus: 400 AADSTS500014.',
  'sandbox.scenario.secret-not-sent.description':
    `Schritt 4: Die Einstellung für den geheimen Clientschlüssel ist leer oder wird nicht weitergegeben (eine nicht gesetzte Umgebungsvariable). ${REPLAYED}`,
  'sandbox.scenario.tenant-id-malformed.description':
    `Schritt 4: Anführungszeichen, Leerzeichen, eine URL oder das Wort „tenant“ in der Mandanteneinstellung. ${REPLAYED}`,
  'sandbox.scenario.tenant-common.description':
    `Schritt 4: Reine App-Token brauchen die Mandanten-ID oder eine verifizierte Domäne in der Authority, nicht /common oder /organizations. ${REPLAYED}`,
  'sandbox.scenario.scope-not-default.description':
    `Schritt 4: Die sendende Anwendung fordert https://outlook.office365.com/SMTP.SendAsApp an. ${REPLAYED}`,
  'sandbox.scenario.scope-invalid.description':
    `Schritt 4: mehr als ein Wert im Scope einer Anforderung mit Clientanmeldeinformationen. ${REPLAYED}`,
  'sandbox.scenario.resource-not-found.description':
    `Schritt 4: ein GCC-High-Scope bei einem weltweiten Mandanten angefragt (oder ein Tippfehler in der Ressource). ${REPLAYED}`,
  'sandbox.scenario.certificate-not-uploaded.description':
    `Schritt 1: Ein Absender, der sich mit einem Zertifikat anmeldet, verwendet eines, das die App-Registrierung nicht hat. ${REPLAYED}`,
  'sandbox.scenario.certificate-clock-skew.description':
    `Schritt 4: Die Uhr eines Absenders, der sich mit einem Zertifikat anmeldet, geht falsch. ${REPLAYED}`,
  'sandbox.scenario.missing-client-id.description':
    `Schritt 4: Die Einstellung für die Client-ID der sendenden Anwendung ist leer. ${REPLAYED}`,
  'sandbox.scenario.national-cloud-tenant.description':
    `Schritt 4: Ein GCC-High- oder DoD-Mandant braucht login.microsoftonline.us (check --cloud usgov). ${REPLAYED}`,
  'sandbox.scenario.worldwide-tenant-on-usgov.description':
    `Schritt 4: Ein kommerzieller Mandant braucht login.microsoftonline.com. ${REPLAYED}`,
  'sandbox.scenario.cross-cloud-request.description':
    `Schritt 4: Der Authority-Host gehört zu einer anderen Microsoft-Cloud als die App. ${REPLAYED}`,
  'sandbox.scenario.graph-token.description':
    'Schritt 4: Das Token trägt aud https://graph.microsoft.com (es wurde ein Graph-Scope angefordert). Das Tool hält bei seiner Prüfung der Claims an; Exchange würde mit 535 5.7.3 antworten.',
  'sandbox.scenario.token-from-other-tenant.description':
    'Schritt 4: Die tid des Tokens ist nicht der konfigurierte Mandant (App und Mandanten-ID aus verschiedenen Verzeichnissen). Das Tool hält bei seiner Prüfung der Claims an; Exchange würde mit 535 5.7.3 antworten.',
  'sandbox.scenario.token-for-other-app.description':
    'Schritt 4: Die appid des Tokens ist nicht die konfigurierte Client-ID (zwei App-Registrierungen verwechselt). Das Tool hält bei seiner Prüfung der Claims an; Exchange würde mit 535 5.7.3 antworten.',
  'sandbox.scenario.clock-skew-expired-token.description':
    'Kein Einrichtungsschritt: Das Token wurde nach der Uhr dieses Rechners vor zwei Stunden ausgestellt (die Uhr geht vor). Das Tool hält bei seiner Prüfung der Claims an; Exchange würde mit 535 5.7.3 antworten.',
  'sandbox.scenario.delegated-token.description':
    'Schritt 4: Das Token trägt scp und upn (eine Benutzeranmeldung mit der delegierten Berechtigung SMTP.Send) und keine roles. Das Tool hält bei seiner Prüfung der Claims an; Exchange würde mit 535 5.7.3 antworten.',
  'sandbox.scenario.opaque-token.description':
    'Schritt 4: Der Token-Endpunkt antwortet mit 200 und einem Zugriffstoken, das kein JWT ist (ein falscher Endpunkt oder ein Proxy, der die Antwort umschreibt). Das Tool hält bei seiner Prüfung der Claims an; Exchange würde mit 535 5.7.3 antworten.',
  'sandbox.scenario.basic-auth-disabled.description':
    `Schritt 4: Die sendende Anwendung meldet sich mit Benutzername und Kennwort an, nicht mit XOAUTH2. Exchange gibt diese Antwort auf AUTH LOGIN/PLAIN. ${REPLAYED_SMTP}`,
  'sandbox.scenario.basic-auth-wrong-password.description':
    `Schritt 4: Die sendende Anwendung verwendet die Standardauthentifizierung (AUTH LOGIN). ${REPLAYED_SMTP}`,
  'sandbox.scenario.auth-policy-blocked.description':
    `Schritt 3 (Richtlinien des Mandanten): Bedingter Zugriff oder eine Authentifizierungsrichtlinie blockiert die Anmeldung. ${REPLAYED_SMTP}`,
  'sandbox.scenario.security-defaults.description':
    `Schritt 3: Die Sicherheitsstandards sind im Mandanten aktiviert. ${REPLAYED_SMTP}`,
  'sandbox.scenario.account-locked.description':
    `Schritt 3: eine andere Formulierung einer Sperre durch eine Richtlinie. ${REPLAYED_SMTP}`,
  'sandbox.scenario.basic-auth-retired.description':
    `Schritt 4: Exchange gibt diese Antwort auf AUTH LOGIN/PLAIN, sobald die Standardauthentifizierung für die Clientübermittlung eingestellt ist. ${REPLAYED_SMTP}`,
  'sandbox.scenario.not-authenticated.description':
    `Schritt 4: eine sendende Anwendung, die nach einem fehlgeschlagenen (oder ganz ohne) AUTH weitermacht. ${REPLAYED_SMTP}`,
  'sandbox.scenario.starttls-required.description':
    `Schritt 4: eine sendende Anwendung, die nicht zu TLS wechselt. ${REPLAYED_SMTP}`,
  'sandbox.scenario.auth-mechanism-unsupported.description':
    `Schritt 4: Exchange bietet nur LOGIN und XOAUTH2 an, und nur innerhalb von TLS. ${REPLAYED_SMTP}`,
  'sandbox.scenario.send-hello-first.description':
    `Schritt 4: ein Fehler im SMTP-Client der sendenden Anwendung. ${REPLAYED_SMTP}`,
  'sandbox.scenario.xoauth2-user-invalid.description':
    `Schritt 4: Der Benutzername der sendenden Anwendung ist nicht die Adresse des Postfachs. ${REPLAYED_SMTP}`,
  'sandbox.scenario.tls-version-too-old.description':
    `Schritt 4: eine alte Laufzeitumgebung oder ein altes Betriebssystem der sendenden Anwendung. ${REPLAYED_SMTP}`,
  'sandbox.scenario.mailbox-logon-failure.description':
    `Schritt 2: Der Dienstprinzipal hat kein FullAccess auf das Postfach, oder eine Änderung ist noch nicht wirksam. ${REPLAYED_SMTP}`,
  'sandbox.scenario.send-as-denied-submission.description':
    `Schritt 2 (SendAs) oder 4 (Absender): Die Absenderadresse ist nicht das Postfach, und die App darf nicht in ihrem Namen senden. ${REPLAYED_SMTP}`,
  'sandbox.scenario.submission-quota-exceeded.description':
    `Kein Einrichtungsschritt: das fortlaufende 24-Stunden-Empfängerlimit des Postfachs. ${REPLAYED_SMTP}`,
  'sandbox.scenario.sender-mailbox-full.description':
    `Kein Einrichtungsschritt: Das Postfach hat sein Kontingent überschritten, daher kann die gesendete Kopie nicht gespeichert werden. ${REPLAYED_SMTP}`,
  'sandbox.scenario.ip-blocked.description':
    `Kein Einrichtungsschritt: ein neuer Mandant oder ein Testmandant, der aus einem Pool mit geringer Reputation sendet (Microsoft-Support). ${REPLAYED_SMTP}`,
  'sandbox.scenario.sender-banned.description':
    `Kein Einrichtungsschritt: ein eingeschränkter Absender (Defender → Eingeschränkte Entitäten). ${REPLAYED_SMTP}`,
  'sandbox.scenario.tenant-recipient-limit.description':
    `Kein Einrichtungsschritt: das Limit des Mandanten für externe Empfänger (die genaue SMTP-Antwortzeile ist nicht bestätigt; der Text des Unzustellbarkeitsberichts ist der von Microsoft). ${REPLAYED_SMTP}`,
};
