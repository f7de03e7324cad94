import { commandLine, continuation, numbered } from '../../diagnose/layout.js';
import type { Translations } from '../define.js';
import type { diagnosisTokenEn } from '../en/diagnosis-token.js';
import { formatterFor } from '../format.js';
import { vocabularyDe as w } from '../vocabulary/de.js';
import {
  appPath,
  cap,
  cloudChoices,
  cloudSettings,
  consentPath,
  denMandanten,
  derApp,
  derMandant,
  diagnosisText as d,
  dieApp,
  imMandanten,
  FRESH_TOKEN,
  GRANT_CONSENT,
  listOrNone,
  minutes,
  newSecret,
  portal,
  said,
  USE_SECRET,
} from './diagnosis.js';

const f = formatterFor('de');
const q = f.quote;

/** The diagnoses of the token endpoint (catalog A) and of the token's claims (catalog C), in German. */
export const diagnosisTokenDe: Translations<typeof diagnosisTokenEn> = {
  // ===== A. Entra ID token endpoint
  'diagnosis.client-secret-invalid.title': 'Ungültiger geheimer Clientschlüssel (Geheimnis-ID statt des Werts verwendet oder falscher Wert)',
  'diagnosis.client-secret-invalid.summary': d(
    (v) =>
      `Entra ID hat den geheimen Clientschlüssel für ${dieApp(v)} abgelehnt. Meist wurde die ID des geheimen Schlüssels (eine GUID) statt seines Werts eingegeben, oder der Wert ist abgeschnitten oder gehört zu einer anderen App.`,
  ),
  'diagnosis.client-secret-invalid.fix': d((v) =>
    numbered(
      newSecret(v.show.client),
      USE_SECRET,
      'Ein gerade erst erstellter geheimer Schlüssel kann bis zu einer Minute brauchen, bis Entra ID ihn annimmt.',
    ),
  ),

  'diagnosis.client-secret-expired.title': 'Geheimer Clientschlüssel abgelaufen',
  'diagnosis.client-secret-expired.summary': d((v) =>
    v.secretStillAccepted
      ? `${
          v.secretExpiresOn
            ? `Der geheime Clientschlüssel ${derApp(v)} ist am ${v.secretExpiresOn} abgelaufen (das von Ihnen angegebene Ablaufdatum).`
            : `Der geheime Clientschlüssel ${derApp(v)} ist laut dem von Ihnen angegebenen Ablaufdatum abgelaufen.`
        } Entra ID hat damit trotzdem noch ein Token ausgestellt – das kommt kurz nach dem Ablauf vor (oder das Datum stimmt nicht) –, wird den Schlüssel aber jeden Moment mit AADSTS7000222 ablehnen.`
      : v.secretExpiresOn
        ? `Der geheime Clientschlüssel ${derApp(v)} ist abgelaufen (angegebenes Ablaufdatum: ${v.secretExpiresOn}); Entra ID stellt damit keine Token mehr aus.`
        : `Der geheime Clientschlüssel ${derApp(v)} ist abgelaufen; Entra ID stellt damit keine Token mehr aus.`,
  ),
  'diagnosis.client-secret-expired.fix': d((v) =>
    numbered(
      newSecret(v.show.client),
      USE_SECRET,
      'Notieren Sie das neue Ablaufdatum (im Portal erstellte geheime Schlüssel gelten höchstens 24\u00a0Monate), übergeben Sie es check mit --secret-expires <Datum>, damit rechtzeitig gewarnt wird, und löschen Sie den abgelaufenen Schlüssel.',
    ),
  ),

  'diagnosis.client-secret-missing.title': 'Kein geheimer Clientschlüssel gesendet',
  'diagnosis.client-secret-missing.summary': d(
    () =>
      'Die Tokenanforderung enthielt keinen geheimen Clientschlüssel: Die entsprechende Einstellung der sendenden Anwendung ist leer oder wurde nicht weitergegeben.',
  ),
  'diagnosis.client-secret-missing.fix': d((v) =>
    numbered(
      `Tragen Sie den geheimen Clientschlüssel (den ${q(w.valueColumn)} aus ${appPath(v.show.client)} → ${w.certificatesAndSecrets}) in der sendenden Anwendung ein; wird er aus einer Umgebungsvariablen oder einer Datei gelesen, prüfen Sie, ob sie für den Prozess gesetzt ist, der die E-Mails sendet.`,
      `Wenn Sie den Wert nicht mehr haben, erstellen Sie einen neuen geheimen Schlüssel: ${newSecret(v.show.client)}`,
    ),
  ),

  'diagnosis.app-not-found-in-tenant.title': 'Anwendung im Mandanten nicht gefunden',
  'diagnosis.app-not-found-in-tenant.summary': d(
    (v) =>
      `${
        v.clientId
          ? `Entra ID hat ${imMandanten(v)} keine Anwendung mit der Client-ID ${v.clientId} gefunden`
          : `Entra ID hat ${imMandanten(v)} keine Anwendung mit der konfigurierten Client-ID gefunden`
      }: Die Client-ID oder die Mandanten-ID ist falsch, oder die App wurde gelöscht.`,
  ),
  'diagnosis.app-not-found-in-tenant.fix': d((v) =>
    numbered(
      `${portal(w.appRegistrations, w.allApplications, 'die App öffnen', w.overview)}: Vergleichen Sie ${q(w.applicationClientId)} mit ${v.show.client} und ${q(w.directoryTenantId)} mit ${v.show.tenant}.`,
      'Korrigieren Sie die Client-ID oder die Mandanten-ID in der sendenden Anwendung (Schritt 4).',
      `Ist die App in einem anderen Mandanten registriert, registrieren Sie im Mandanten, dem das Postfach gehört, eine App mit dem Kontotyp ${q(w.singleTenant)} (Schritt 1).`,
    ),
  ),

  'diagnosis.app-service-principal-missing.title': 'Anwendung hat im Mandanten keinen Dienstprinzipal (keine Unternehmensanwendung)',
  'diagnosis.app-service-principal-missing.summary': d(
    (v) =>
      `${cap(dieApp(v))} ist registriert, hat aber ${imMandanten(v)} keine Unternehmensanwendung (keinen Dienstprinzipal); das passiert, wenn eine App per Skript oder API angelegt wird.`,
  ),
  'diagnosis.app-service-principal-missing.fix': d((v) =>
    numbered(
      `Legen Sie sie mit der Azure CLI an:${commandLine(v.cmd.azSpCreate)}${continuation('oder mit Microsoft Graph PowerShell:')}${commandLine(v.cmd.newMgServicePrincipal)}`,
      `Erteilen Sie die Administratorzustimmung: ${appPath(v.show.client)} → ${w.apiPermissions} → ${w.grantAdminConsentForTenant}.`,
      `Führen Sie dann Schritt 2 mit der ${w.objectId} der neuen Unternehmensanwendung aus:${commandLine(v.cmd.newServicePrincipal)}`,
    ),
  ),

  'diagnosis.tenant-not-found.title': 'Mandant nicht gefunden',
  'diagnosis.tenant-not-found.summary': d(
    (v) =>
      `Entra ID kennt ${denMandanten(v)} unter ${v.authority} nicht: Die Mandanten-ID ist falsch geschrieben, oder der Mandant gehört zu einer anderen Microsoft-Cloud.`,
  ),
  'diagnosis.tenant-not-found.fix': d((v) =>
    numbered(
      `${portal(w.entraId, w.overview)}: Kopieren Sie die Mandanten-ID (eine GUID), und verwenden Sie sie in der sendenden Anwendung (Schritt 4).`,
      `Prüfen Sie die Cloud: ${cloudChoices(v)}. Diese Anforderung ging an ${v.authority}${v.cloudGiven ? ` (--cloud ${v.cloudGiven})` : ''}.`,
    ),
  ),

  'diagnosis.tenant-id-invalid.title': 'Mandanten-ID ist weder eine GUID noch eine Domäne',
  'diagnosis.tenant-id-invalid.summary': d((v) =>
    v.tenantId
      ? `Die Mandanten-ID ${q(v.tenantId)} ist weder eine gültige GUID noch ein Domänenname; Entra ID kann daher nicht erkennen, welcher Mandant gemeint ist.`
      : 'Die Mandanten-ID ist weder eine gültige GUID noch ein Domänenname; Entra ID kann daher nicht erkennen, welcher Mandant gemeint ist.',
  ),
  'diagnosis.tenant-id-invalid.fix': d(() =>
    numbered(
      `Verwenden Sie die ${w.directoryTenantId} aus ${portal(w.entraId, w.overview)} (eine GUID) oder eine verifizierte Domäne wie contoso.onmicrosoft.com.`,
      'Entfernen Sie Anführungszeichen, Leerzeichen, URLs oder eine versehentlich eingefügte Client-ID aus dem Feld für den Mandanten.',
    ),
  ),

  'diagnosis.tenant-missing.title': 'Kein Mandant in der Anforderung (Authority /common oder /organizations)',
  'diagnosis.tenant-missing.summary': d(
    () =>
      'Die Tokenanforderung nannte keinen Mandanten (z.\u00a0B. eine Authority, die auf /common oder /organizations endet); reine App-Token brauchen die Mandanten-ID.',
  ),
  'diagnosis.tenant-missing.fix': d((v) =>
    numbered(
      `Verwenden Sie die Authority ${v.cmd.authorityUrl} mit Ihrer Mandanten-GUID oder verifizierten Domäne, nicht /common oder /organizations (Schritt 4).`,
    ),
  ),

  'diagnosis.scope-not-default.title': 'Scope ist nicht <Ressource>/.default',
  'diagnosis.scope-not-default.summary': d(
    () =>
      'Die Tokenanforderung verlangte einen Scope, der nicht auf /.default endet; der Flow mit Clientanmeldeinformationen akzeptiert nur „<Ressource>/.default“.',
  ),
  'diagnosis.scope-not-default.fix': d((v) =>
    numbered(
      `Setzen Sie den Scope in der sendenden Anwendung auf genau ${v.scope} (nicht SMTP.Send, SMTP.SendAsApp oder offline_access) (Schritt 4).`,
      'Die Berechtigung SMTP.SendAsApp kommt aus der Anwendungsberechtigung mit Administratorzustimmung (Schritt 1), nicht aus dem Scope.',
    ),
  ),

  'diagnosis.scope-invalid.title': 'Ungültiger Scope',
  'diagnosis.scope-invalid.summary': d(() => 'Entra ID hat den angeforderten Scope als fehlerhaft abgelehnt.'),
  'diagnosis.scope-invalid.fix': d((v) =>
    numbered(`Setzen Sie den Scope auf genau ${v.scope} – eine Ressource, keine zusätzlichen Scopes wie offline_access (Schritt 4).`),
  ),

  'diagnosis.resource-not-found.title': 'Ressourcenprinzipal im Mandanten nicht gefunden',
  'diagnosis.resource-not-found.summary': d(
    (v) =>
      `Entra ID hat ${imMandanten(v)} keine Ressource für den angeforderten Scope gefunden: Der Scope enthält einen Tippfehler oder gehört zu einer anderen Cloud.`,
  ),
  'diagnosis.resource-not-found.fix': d((v) =>
    numbered(
      `Setzen Sie den Scope auf genau ${v.scope} (Schritt 4); Scopes von Microsoft Graph funktionieren für SMTP nicht.`,
      'Hat der Mandant kein Abonnement für Exchange Online, kann er nicht über Exchange Online per SMTP senden.',
    ),
  ),

  'diagnosis.conditional-access-blocked.title': 'Durch bedingten Zugriff blockiert',
  'diagnosis.conditional-access-blocked.summary': d(
    // Microsoft's term, inflected in the sentence; the blade is „Bedingter Zugriff“ (vocabulary).
    (v) => `Eine Richtlinie für bedingten Zugriff hat das Token für ${dieApp(v)} blockiert.`,
  ),
  'diagnosis.conditional-access-blocked.fix': d((v) =>
    numbered(
      `${portal(w.entraId, w.monitoringHealth, w.signInLogs, w.servicePrincipalSignIns)}, nach der Anwendungs-ID ${v.show.client} filtern: Die fehlgeschlagene Anmeldung nennt die Richtlinie.`,
      `${portal(w.entraId, w.conditionalAccess, w.policies)}: Nehmen Sie diese App von der Richtlinie aus, oder lassen Sie den Standort zu, von dem sie sendet.`,
    ),
  ),

  'diagnosis.app-disabled.title': 'Anwendung deaktiviert',
  'diagnosis.app-disabled.summary': d(
    (v) =>
      `${cap(dieApp(v))} ist ${imMandanten(v)} deaktiviert: Die zugehörige Unternehmensanwendung ist nicht für die Anmeldung aktiviert, oder Microsoft hat sie deaktiviert.`,
  ),
  'diagnosis.app-disabled.fix': d((v) =>
    numbered(
      `${portal(w.enterpriseApplications, 'die App', w.properties, q(w.enabledForUsersToSignIn), w.yes, w.save)}; oder mit der Azure CLI:${commandLine(v.cmd.azSpEnable)}`,
      'Hat Microsoft die App deaktiviert, können Sie sie nicht wieder aktivieren: Registrieren Sie eine neue App (Schritt 1), oder eröffnen Sie einen Supportfall.',
    ),
  ),

  'diagnosis.exchange-service-principal-disabled.title': 'Dienstprinzipal der Ressource (Office 365 Exchange Online) deaktiviert',
  'diagnosis.exchange-service-principal-disabled.summary': d(
    () =>
      'Die Ressource, für die das Token gilt, ist in diesem Mandanten deaktiviert – für SMTP ist das die Unternehmensanwendung „Office 365 Exchange Online“ (appId 00000002-0000-0ff1-ce00-000000000000).',
  ),
  'diagnosis.exchange-service-principal-disabled.fix': d(() =>
    numbered(
      `${portal(w.enterpriseApplications, `den Filter ${q(w.applicationTypeFilter)} entfernen und nach ${q(w.exchangeOnlineApi)} suchen`, w.properties, q(w.enabledForUsersToSignIn), w.yes, w.save)}.`,
    ),
  ),

  'diagnosis.client-assertion-invalid.title': 'Zertifikatassertion des Clients hat eine ungültige Signatur',
  'diagnosis.client-assertion-invalid.summary': d(
    (v) =>
      `Entra ID konnte die Zertifikatassertion für ${dieApp(v)} nicht prüfen: Das verwendete Zertifikat ist bei dieser App nicht hochgeladen.`,
  ),
  'diagnosis.client-assertion-invalid.fix': d((v) =>
    numbered(
      `${appPath(v.show.client)} → ${w.certificatesAndSecrets} → ${w.certificates}: Laden Sie den öffentlichen Teil des Zertifikats hoch, das die sendende Anwendung verwendet, oder konfigurieren Sie die Anwendung mit einem der dort aufgeführten Zertifikate (vergleichen Sie die Fingerabdrücke).`,
    ),
  ),

  'diagnosis.client-assertion-expired.title': 'Zertifikatassertion des Clients außerhalb ihrer Gültigkeitsdauer',
  'diagnosis.client-assertion-expired.summary': d(
    () => 'Die Zertifikatassertion lag nicht in ihrem gültigen Zeitraum; meist geht die Uhr des sendenden Rechners falsch.',
  ),
  'diagnosis.client-assertion-expired.fix': d(() =>
    numbered('Synchronisieren Sie die Systemuhr des sendenden Rechners (NTP), und versuchen Sie es erneut.'),
  ),

  'diagnosis.token-request-malformed.title': 'In der Tokenanforderung fehlt ein erforderlicher Parameter',
  'diagnosis.token-request-malformed.summary': d((v) =>
    v.quoted
      ? `In der Tokenanforderung fehlte ein erforderlicher Parameter (Entra ID meldete: ${q(v.quoted)}).`
      : 'In der Tokenanforderung fehlte ein erforderlicher Parameter.',
  ),
  'diagnosis.token-request-malformed.fix': d((v) =>
    numbered(
      `Prüfen Sie, ob in der sendenden Anwendung eine Client-ID (${v.show.client}), eine Mandanten-ID (${v.show.tenant}), ein geheimer Clientschlüssel und der Scope ${v.scope} eingetragen sind (Schritt 4).`,
    ),
  ),

  'diagnosis.app-is-public-client.title': 'Anwendung ist ein öffentlicher Client',
  'diagnosis.app-is-public-client.summary': d(
    (v) =>
      `${cap(dieApp(v))} ist als öffentlicher Client gekennzeichnet, daher lehnt Entra ID einen geheimen Clientschlüssel für sie ab; der Flow mit Clientanmeldeinformationen braucht einen vertraulichen Client.`,
  ),
  'diagnosis.app-is-public-client.fix': d((v) =>
    numbered(`${appPath(v.show.client)} → ${w.authentication} → ${w.advancedSettings} → ${q(w.allowPublicClientFlows)} → ${w.no} → ${w.save}.`),
  ),

  'diagnosis.tenant-in-national-cloud.title': 'Mandant liegt in einer nationalen Cloud (z.\u00a0B. US Government)',
  'diagnosis.tenant-in-national-cloud.summary': d(
    (v) => `${cap(derMandant(v))} liegt in einer nationalen Cloud, das Token wurde aber bei ${v.authority} angefordert.`,
  ),
  'diagnosis.tenant-in-national-cloud.fix': d((v) =>
    numbered(
      `Für Mandanten in GCC High verwenden Sie ${cloudSettings(v, 'usgov')}, für DoD-Mandanten ${cloudSettings(v, 'usgovdod')} (Schritt 4).`,
    ),
  ),

  'diagnosis.tenant-in-public-cloud.title': 'Mandant der weltweiten Cloud an eine Authority von US Government gesendet',
  'diagnosis.tenant-in-public-cloud.summary': d(
    (v) => `${cap(derMandant(v))} liegt in der weltweiten Cloud, das Token wurde aber bei ${v.authority} angefordert.`,
  ),
  'diagnosis.tenant-in-public-cloud.fix': d((v) => numbered(`Verwenden Sie ${cloudSettings(v, 'global')} (die Voreinstellung; Schritt 4).`)),

  'diagnosis.cross-cloud-request.title': 'Vertraulicher Client cloudübergreifend verwendet',
  'diagnosis.cross-cloud-request.summary': d(
    (v) =>
      `Die App und die Authority ${v.authority} gehören zu verschiedenen Microsoft-Clouds; das unterstützt der Flow mit Clientanmeldeinformationen nicht.`,
  ),
  'diagnosis.cross-cloud-request.fix': d((v) => numbered(`Verwenden Sie die Cloud, in der der Mandant liegt: ${cloudChoices(v)} (Schritt 4).`)),

  'diagnosis.user-sign-in-used.title': 'Fehler einer Benutzeranmeldung: Die Anwendung verwendet keine Clientanmeldeinformationen',
  'diagnosis.user-sign-in-used.summary': d(
    () =>
      'Das ist ein Fehler einer Benutzeranmeldung (Benutzername und Kennwort, MFA oder Einwilligung eines Benutzers); die sendende Anwendung verwendet also nicht den reinen App-Flow mit Clientanmeldeinformationen, für den diese Einrichtung gedacht ist.',
  ),
  'diagnosis.user-sign-in-used.fix': d((v) =>
    numbered(
      `Konfigurieren Sie die sendende Anwendung für OAuth 2.0 mit Clientanmeldeinformationen: Mandant ${v.show.tenant}, Client-ID ${v.show.client}, der ${q(w.valueColumn)} des geheimen Clientschlüssels und der Scope ${v.scope} – kein Benutzerkennwort (Schritt 4).`,
      'Die App braucht die Anwendungsberechtigung SMTP.SendAsApp mit Administratorzustimmung (Schritt 1), nicht die delegierte Berechtigung SMTP.Send.',
    ),
  ),

  'diagnosis.token-service-unavailable.title': 'Entra ID vorübergehend nicht verfügbar oder drosselt',
  'diagnosis.token-service-unavailable.summary': d(
    (v) =>
      `Der Token-Endpunkt unter ${v.authority} ist ausgelastet oder vorübergehend nicht verfügbar${v.status ? ` (HTTP ${v.status})` : ''}; die Ursache liegt bei Microsoft.`,
  ),
  'diagnosis.token-service-unavailable.fix': d((v) =>
    numbered(
      v.retryAfterSeconds
        ? `Warten Sie ${minutes(v.retryAfterSeconds)} (Retry-After von Microsoft), und versuchen Sie es dann erneut.`
        : 'Warten Sie eine Minute, und versuchen Sie es erneut; wiederholen Sie den Versuch mit zunehmenden Pausen.',
      'Hält der Fehler an, prüfen Sie https://status.cloud.microsoft und die Seite „Dienstintegrität“ im Microsoft 365 Admin Center.',
    ),
  ),

  'diagnosis.authority-metadata-unavailable.title': 'Token-Endpunkt konnte nicht ermittelt werden',
  'diagnosis.authority-metadata-unavailable.summary': d(
    (v) =>
      `${
        v.tenantId
          ? `Der Token-Endpunkt des Mandanten ${v.tenantId} unter ${v.authority} konnte nicht abgerufen werden`
          : `Der Token-Endpunkt des Mandanten unter ${v.authority} konnte nicht abgerufen werden`
      }: Die Mandanten-ID oder der Authority-Host ist falsch, oder das Netzwerk hat die Anfrage blockiert.`,
  ),
  'diagnosis.authority-metadata-unavailable.fix': d((v) =>
    numbered(
      `Öffnen Sie ${v.cmd.openIdConfigurationUrl} in einem Browser auf demselben Rechner: Ein Fehler dort bedeutet, dass die Mandanten-ID oder der Authority-Host falsch ist (Schritt 4); keine Antwort bedeutet ein Netzwerk- oder Proxyproblem.`,
    ),
  ),

  'diagnosis.client-authentication-failed.title': 'Clientauthentifizierung fehlgeschlagen (ohne AADSTS-Code)',
  'diagnosis.client-authentication-failed.summary': d((v) => `Entra ID hat die Anmeldeinformationen ${derApp(v)} nicht akzeptiert${said(v)}`),
  'diagnosis.client-authentication-failed.fix': d((v) =>
    numbered(
      `Vergleichen Sie die Client-ID ${v.show.client} und den Mandanten ${v.show.tenant} mit ${appPath(v.show.client)} → ${w.overview} (Schritt 4).`,
      `Im Zweifel erstellen Sie einen neuen geheimen Schlüssel und verwenden seinen ${q(w.valueColumn)}: ${newSecret(v.show.client)}`,
    ),
  ),

  'diagnosis.token-request-failed.title': 'Tokenanforderung aus einem nicht erkannten Grund fehlgeschlagen',
  'diagnosis.token-request-failed.summary': d(
    (v) =>
      `Entra ID hat die Tokenanforderung abgelehnt${v.status ? ` (HTTP ${v.status})` : ''}${v.quoted ? `: ${q(v.quoted)}` : ', ohne einen Grund zu nennen.'}`,
  ),
  'diagnosis.token-request-failed.fix': d((v) =>
    numbered(
      v.cmd.errorLookupUrl && `Schlagen Sie ${v.matched} bei Microsoft nach: ${v.cmd.errorLookupUrl}`,
      `Prüfen Sie Mandant ${v.show.tenant}, Client-ID ${v.show.client}, den ${q(w.valueColumn)} des geheimen Clientschlüssels und den Scope ${v.scope} (Schritt 4) und ob die App unter ${portal(w.appRegistrations)} existiert (Schritt 1).`,
    ),
  ),

  // ===== C. Claims of the access token
  'diagnosis.token-missing-role.title': 'Dem Token fehlt die Rolle SMTP.SendAsApp',
  'diagnosis.token-missing-role.summary': d((v) => {
    const roles = v.claim?.kind === 'missing-role' ? v.claim.roles : undefined;
    return `Das Zugriffstoken hat keine Rolle SMTP.SendAsApp (Rollen: ${listOrNone(roles)}), daher würde Exchange Online die Anmeldung ablehnen: Die Anwendungsberechtigung wurde nicht hinzugefügt, oder die Administratorzustimmung wurde nicht erteilt.`;
  }),
  'diagnosis.token-missing-role.fix': d((v) => numbered(consentPath(v), GRANT_CONSENT, FRESH_TOKEN)),

  'diagnosis.token-wrong-audience.title': 'Token gilt nicht für Exchange Online (falsche Zielgruppe)',
  'diagnosis.token-wrong-audience.summary': d((v) => {
    const c = v.claim?.kind === 'audience' ? v.claim : undefined;
    const aud = c?.aud.slice(0, 120);
    const graph = c && /graph\.microsoft/i.test(c.aud) ? ' Token für Microsoft Graph (Mail.Send) funktionieren für SMTP nicht.' : '';
    return `${aud ? `Das Token gilt für ${q(aud)}` : 'Das Token gilt für eine unbekannte Zielgruppe'}, nicht für Exchange Online (${listOrNone(c?.expected)}).${graph}`;
  }),
  'diagnosis.token-wrong-audience.fix': d((v) => numbered(`Fordern Sie das Token mit dem Scope ${v.scope} an (Schritt 4).`)),

  'diagnosis.token-wrong-tenant.title': 'Token von einem anderen Mandanten ausgestellt',
  'diagnosis.token-wrong-tenant.summary': d((v) => {
    const c = v.claim?.kind === 'tenant-mismatch' ? v.claim : undefined;
    return `Das Token wurde vom Mandanten ${c?.tid || '(unbekannt)'} ausgestellt, konfiguriert ist aber der Mandant ${c?.expected || '(unbekannt)'}.`;
  }),
  'diagnosis.token-wrong-tenant.fix': d((v) =>
    numbered(
      `Tragen Sie in der sendenden Anwendung als Mandanten die ${w.directoryTenantId} des Mandanten ein, dem das Postfach ${v.show.mailbox} gehört (${portal(w.entraId, w.overview)}) (Schritt 4).`,
    ),
  ),

  'diagnosis.token-wrong-app.title': 'Token für eine andere Anwendung ausgestellt',
  'diagnosis.token-wrong-app.summary': d((v) => {
    const c = v.claim?.kind === 'app-mismatch' ? v.claim : undefined;
    return `Das Token gehört zur Anwendung ${c?.appid || '(unbekannt)'}, nicht zur konfigurierten Client-ID ${c?.expected || '(unbekannt)'}.`;
  }),
  'diagnosis.token-wrong-app.fix': d(() =>
    numbered(
      'Verwenden Sie durchgehend dieselbe App: Die Client-ID in der sendenden Anwendung, die App mit SMTP.SendAsApp (Schritt 1) und die AppId des Exchange-Dienstprinzipals (Schritt 2) müssen übereinstimmen.',
    ),
  ),

  'diagnosis.token-expired.title': 'Token abgelaufen',
  'diagnosis.token-expired.summary': d((v) => {
    const c = v.claim?.kind === 'expired' ? v.claim : undefined;
    if (!c) return 'Das Zugriffstoken ist abgelaufen.';
    const ago = Math.max(0, Math.round((c.now - c.exp) / 60));
    const at = new Date(c.exp * 1000);
    const when = Number.isNaN(at.getTime()) ? String(c.exp) : f.dateTime(at);
    return `Das Zugriffstoken ist am ${when} abgelaufen (vor ${f.plural(ago, { one: '#\u00a0Minute', other: '#\u00a0Minuten' })}).`;
  }),
  'diagnosis.token-expired.fix': d(() =>
    numbered(
      'Fordern Sie ein neues Token an; Token gelten 60–90\u00a0Minuten.',
      'Ist schon ein ganz neues Token abgelaufen, geht die Uhr dieses Rechners falsch: Synchronisieren Sie sie (NTP).',
    ),
  ),

  'diagnosis.token-delegated.title': 'Delegiertes (Benutzer-)Token statt eines reinen App-Tokens',
  'diagnosis.token-delegated.summary': d((v) => {
    const c = v.claim?.kind === 'delegated' ? v.claim : undefined;
    const detail = [c?.scp && `scp ${q(c.scp.slice(0, 100))}`, c?.upn && `Benutzer ${c.upn.slice(0, 100)}`].filter(Boolean).join(', ');
    return `Das Token wurde für einen angemeldeten Benutzer ausgestellt${detail ? ` (${detail})` : ''}; diese Einrichtung sendet aber als Anwendung und braucht ein reines App-Token aus dem Flow mit Clientanmeldeinformationen.`;
  }),
  'diagnosis.token-delegated.fix': d((v) =>
    numbered(
      `Fordern Sie das Token mit dem Flow mit Clientanmeldeinformationen an: Mandant ${v.show.tenant}, Client-ID ${v.show.client}, geheimer Clientschlüssel, Scope ${v.scope} (Schritt 4).`,
      'Geben Sie der App die Anwendungsberechtigung SMTP.SendAsApp mit Administratorzustimmung (Schritt 1), nicht die delegierte Berechtigung SMTP.Send.',
    ),
  ),

  'diagnosis.token-undecodable.title': 'Zugriffstoken kann nicht dekodiert werden',
  'diagnosis.token-undecodable.summary': d((v) => {
    const c = v.claim?.kind === 'undecodable' ? v.claim : undefined;
    return `Das Zugriffstoken ist kein lesbares JWT${c?.reason ? ` (${c.reason.slice(0, 120)})` : ''}, daher lassen sich seine Berechtigungen nicht prüfen.`;
  }),
  'diagnosis.token-undecodable.fix': d((v) =>
    numbered(
      `Stellen Sie sicher, dass das Token vom Token-Endpunkt des Mandanten ${v.show.tenant} für den Scope ${v.scope} stammt und vollständig weitergegeben wird (nicht abgeschnitten und nicht in Anführungszeichen) (Schritt 4).`,
    ),
  ),
};
