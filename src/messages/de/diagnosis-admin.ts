import { numbered } from '../../diagnose/layout.js';
import type { AdminOperation, AdminRole } from '../../diagnose/types.js';
import type { DiagnosisView } from '../../diagnose/view.js';
import type { Translations } from '../define.js';
import type { diagnosisAdminEn } from '../en/diagnosis-admin.js';
import { ROLE_NAMES as ROLE_NAMES_EN } from '../en/diagnosis-admin.js';
import { formatterFor } from '../format.js';
import { vocabularyDe as w } from '../vocabulary/de.js';
import { diagnosisText as d, minutes, said } from './diagnosis.js';

const f = formatterFor('de');
const q = f.quote;

/**
 * Die Entra-Rollen mit ihrem deutschen Namen und, in Klammern, dem englischen: nur
 * „Anwendungsadministrator“ ist hier bestätigt (vocabulary/de.ts), so findet der Administrator die
 * Rolle auch in einem anders benannten oder englischen Portal.
 */
export const ROLE_NAMES: Record<AdminRole, string> = {
  globalAdministrator: w.roleGlobalAdministrator,
  applicationAdministrator: w.roleApplicationAdministrator,
  cloudApplicationAdministrator: w.roleCloudApplicationAdministrator,
  privilegedRoleAdministrator: w.rolePrivilegedRoleAdministrator,
  exchangeAdministrator: w.roleExchangeAdministrator,
  globalReader: w.roleGlobalReader,
  securityReader: w.roleSecurityReader,
  securityAdministrator: w.roleSecurityAdministrator,
};
const role = (r: AdminRole) => `${ROLE_NAMES[r]} (${ROLE_NAMES_EN[r]})`;
const roles = (v: DiagnosisView) => f.list((v.admin?.neededRoles ?? []).map(role), 'disjunction');
const scopes = (v: DiagnosisView) => f.list(v.admin?.missingScopes ?? [], 'conjunction');

/** Was der abgelehnte Vorgang tut, als Infinitivgruppe nach „um … zu“ (je Vorgang eine ganze Wendung). */
const TO_DO: Record<AdminOperation, string> = {
  'sign-in': 'sich anzumelden',
  'read-applications': 'App-Registrierungen und Dienstprinzipale zu lesen',
  'write-applications': 'die App-Registrierung, ihren Dienstprinzipal und ihre Anmeldeinformationen anzulegen oder zu ändern',
  'grant-permission': `die ${w.applicationPermission} SMTP.SendAsApp zu erteilen (${w.adminConsent})`,
  'read-policy': `die Einstellung ${q(w.securityDefaults)} zu lesen`,
  'exchange-admin': 'die Exchange-Cmdlets der Schritte 2–3 über den Verwaltungsendpunkt von Exchange Online auszuführen',
};
const toDo = (v: DiagnosisView) => TO_DO[v.admin?.operation ?? 'write-applications'];

/** Was das angemeldete Konto nicht darf, als ganzer Satz ohne Schlusspunkt (je Vorgang einer). */
const MAY_NOT: Record<AdminOperation, string> = {
  'sign-in': 'Das angemeldete Konto darf sich nicht anmelden',
  'read-applications': 'Das angemeldete Konto darf keine App-Registrierungen und Dienstprinzipale lesen',
  'write-applications': 'Das angemeldete Konto darf die App-Registrierung, ihren Dienstprinzipal und ihre Anmeldeinformationen nicht anlegen oder ändern',
  'grant-permission': `Das angemeldete Konto darf die ${w.applicationPermission} SMTP.SendAsApp nicht erteilen (${w.adminConsent})`,
  'read-policy': `Das angemeldete Konto darf die Einstellung ${q(w.securityDefaults)} nicht lesen`,
  'exchange-admin': 'Das angemeldete Konto darf die Exchange-Cmdlets der Schritte 2–3 nicht über den Verwaltungsendpunkt von Exchange Online ausführen',
};
const mayNot = (v: DiagnosisView) => MAY_NOT[v.admin?.operation ?? 'write-applications'];

const NOTHING_CHANGED = 'Dieser Schritt hat im Mandanten nichts geändert.';
const GUIDED =
  'Wenn kein Werkzeug Ihren Mandanten ändern soll: Die geführte Einrichtung (Portal und PowerShell) erledigt dieselben Schritte von Hand.';

/** Die Diagnosen der automatischen Einrichtung: Anmeldung als Administrator, Microsoft Graph, Exchange-Verwaltungsendpunkt. */
export const diagnosisAdminDe: Translations<typeof diagnosisAdminEn> = {
  'diagnosis.admin-sign-in-expired.title': 'Die Anmeldung als Administrator ist abgelaufen, bevor sie abgeschlossen war',
  'diagnosis.admin-sign-in-expired.summary': d(
    () =>
      `Der Anmeldecode wurde nicht rechtzeitig eingegeben und bestätigt, daher nimmt Entra ID ihn nicht mehr an (ein Gerätecode gilt etwa 15\u00a0Minuten). ${NOTHING_CHANGED}`,
  ),
  'diagnosis.admin-sign-in-expired.fix': d(() =>
    numbered(
      'Starten Sie die automatische Einrichtung erneut und geben Sie den neuen Code unter der angezeigten Adresse ein, bevor er abläuft.',
      'Auf einem Rechner mit Browser erspart die Anmeldung im Browser das Eintippen eines Codes.',
    ),
  ),

  'diagnosis.admin-sign-in-declined.title': 'Die Anmeldung als Administrator wurde abgelehnt',
  'diagnosis.admin-sign-in-declined.summary': d(
    (v) => `Die Anmeldung wurde auf der Anmeldeseite von Microsoft abgelehnt, daher hat das Werkzeug kein Administrator-Token${said(v)} ${NOTHING_CHANGED}`,
  ),
  'diagnosis.admin-sign-in-declined.fix': d(() =>
    numbered('Starten Sie die automatische Einrichtung erneut und bestätigen Sie die Anmeldung mit einem Administratorkonto.', GUIDED),
  ),

  'diagnosis.admin-client-not-authorized.title': 'Der Anmeldeclient erhält dieses Token in Ihrem Mandanten nicht',
  'diagnosis.admin-client-not-authorized.summary': d((v) =>
    v.admin?.signInClient
      ? `Entra ID hat den öffentlichen Client ${v.admin.signInClient} abgelehnt, mit dem sich der Administrator angemeldet hat: Er ist im Mandanten unbekannt oder darf diese Ressource nicht anfordern${said(v)}`
      : `Entra ID hat den öffentlichen Client abgelehnt, mit dem sich der Administrator angemeldet hat: Er ist im Mandanten unbekannt oder darf diese Ressource nicht anfordern${said(v)}`,
  ),
  'diagnosis.admin-client-not-authorized.fix': d(() =>
    numbered(
      'Melden Sie sich stattdessen mit einem eigenen öffentlichen Client an: einer App-Registrierung in Ihrem Mandanten, die öffentliche Clientflows zulässt und die delegierten Berechtigungen von Microsoft Graph und Exchange Online hat, die die automatische Einrichtung braucht, mit Administratorzustimmung.',
      'Prüfen Sie die angegebene Client-ID, falls Sie eine angegeben haben: Eine falsch geschriebene oder gelöschte App kennt der Mandant nicht.',
      GUIDED,
    ),
  ),

  'diagnosis.admin-scope-missing.title': 'Dem Administrator-Token fehlt eine delegierte Berechtigung',
  'diagnosis.admin-scope-missing.summary': d((v) => {
    const count = v.admin?.missingScopes?.length ?? 0;
    return count === 0
      ? `Das Token des Administrators enthält nicht die delegierte Berechtigung, die nötig ist, um ${toDo(v)}. Das Token wurde vor jeder Änderung geprüft: Es wurde nichts geändert.`
      : f.plural(count, {
          one: `Das Token des Administrators enthält die delegierte Berechtigung ${scopes(v)} nicht, die nötig ist, um ${toDo(v)}. Das Token wurde vor jeder Änderung geprüft: Es wurde nichts geändert.`,
          other: `Das Token des Administrators enthält die delegierten Berechtigungen ${scopes(v)} nicht, die nötig sind, um ${toDo(v)}. Das Token wurde vor jeder Änderung geprüft: Es wurde nichts geändert.`,
        });
  }),
  'diagnosis.admin-scope-missing.fix': d((v) =>
    numbered(
      v.admin?.signInClient
        ? `Der öffentliche Client ${v.admin.signInClient} erhält diese Berechtigungen nicht: Melden Sie sich mit einem eigenen öffentlichen Client an, der sie hat (delegiert, mit Administratorzustimmung).`
        : 'Der öffentliche Client, mit dem Sie sich angemeldet haben, erhält diese Berechtigungen nicht: Melden Sie sich mit einem eigenen öffentlichen Client an, der sie hat (delegiert, mit Administratorzustimmung).',
      GUIDED,
    ),
  ),

  'diagnosis.admin-role-missing.title': 'Dem angemeldeten Administrator fehlt die Rolle für diesen Schritt',
  'diagnosis.admin-role-missing.summary': d((v) =>
    (v.admin?.neededRoles?.length ?? 0) > 0
      ? `${mayNot(v)}${said(v)} Dafür ist eine dieser Rollen nötig: ${roles(v)}.`
      : `${mayNot(v)}${said(v)}`,
  ),
  'diagnosis.admin-role-missing.fix': d((v) =>
    numbered(
      (v.admin?.neededRoles?.length ?? 0) > 0
        ? `Melden Sie sich mit einem Konto an, das eine dieser Rollen hat: ${roles(v)}. Mit Privileged Identity Management aktivieren Sie die Rolle zuerst und melden sich dann erneut an.`
        : 'Melden Sie sich mit einem Konto an, dessen Rolle diesen Schritt erlaubt. Mit Privileged Identity Management aktivieren Sie die Rolle zuerst und melden sich dann erneut an.',
      'Eine Ablehnung wird nie wiederholt: Warten ändert nichts an ihr.',
      GUIDED,
    ),
  ),

  'diagnosis.admin-token-refused.title': 'Microsoft hat das Administrator-Token abgelehnt',
  'diagnosis.admin-token-refused.summary': d(
    (v) => `Microsoft Graph oder der Exchange-Verwaltungsendpunkt hat das Token des Administrators nicht angenommen (abgelaufen oder für eine andere Ressource)${said(v)}`,
  ),
  'diagnosis.admin-token-refused.fix': d(() =>
    numbered('Starten Sie die automatische Einrichtung erneut: Sie meldet sich neu an und verwendet die bisher angelegten Objekte wieder.'),
  ),

  'diagnosis.admin-object-not-found.title': 'Ein Objekt fehlt (oder ist noch nicht repliziert)',
  'diagnosis.admin-object-not-found.summary': d((v) =>
    v.admin?.waitedSeconds !== undefined
      ? `Ein Objekt, auf das sich der Schritt bezieht, wurde auch nach ${minutes(v.admin.waitedSeconds)} Warten auf die Replikation von Entra ID nicht gefunden${said(v)}`
      : `Ein Objekt, auf das sich der Schritt bezieht, wurde nicht gefunden. Direkt nach dem Anlegen ist das die Replikation: Entra ID nennt dafür keine feste Dauer${said(v)}`,
  ),
  'diagnosis.admin-object-not-found.fix': d(() =>
    numbered(
      'Wurde das Objekt in den letzten Minuten angelegt, warten Sie einige Minuten und starten Sie die automatische Einrichtung erneut: Sie findet Vorhandenes und verwendet es wieder.',
      'Wurde es inzwischen gelöscht, legt ein erneuter Start der automatischen Einrichtung es neu an.',
    ),
  ),

  'diagnosis.admin-throttled.title': 'Microsoft drosselt die Anfragen',
  'diagnosis.admin-throttled.summary': d((v) =>
    v.retryAfterSeconds !== undefined
      ? `Microsoft Graph oder der Exchange-Verwaltungsendpunkt verlangt, langsamer zu werden und ${minutes(v.retryAfterSeconds)} zu warten${said(v)}`
      : `Microsoft Graph oder der Exchange-Verwaltungsendpunkt verlangt, langsamer zu werden${said(v)}`,
  ),
  'diagnosis.admin-throttled.fix': d((v) =>
    numbered(
      v.retryAfterSeconds !== undefined
        ? `Warten Sie ${minutes(v.retryAfterSeconds)} und starten Sie die automatische Einrichtung dann erneut; sie verwendet wieder, was sie angelegt hat.`
        : 'Warten Sie einige Minuten und starten Sie die automatische Einrichtung dann erneut; sie verwendet wieder, was sie angelegt hat.',
    ),
  ),

  'diagnosis.admin-service-unavailable.title': 'Microsoft Graph oder der Exchange-Verwaltungsendpunkt ist vorübergehend nicht verfügbar',
  'diagnosis.admin-service-unavailable.summary': d((v) =>
    v.status !== undefined
      ? `Der Dienst hat mit HTTP ${v.status} geantwortet, einem vorübergehenden Fehler auf der Seite von Microsoft${said(v)}`
      : `Der Dienst hat mit einem vorübergehenden Fehler auf der Seite von Microsoft geantwortet${said(v)}`,
  ),
  'diagnosis.admin-service-unavailable.fix': d(() =>
    numbered('Warten Sie einige Minuten und starten Sie die automatische Einrichtung dann erneut; sie verwendet wieder, was sie angelegt hat.'),
  ),

  'diagnosis.admin-endpoint-unexpected.title': 'Der Exchange-Verwaltungsendpunkt hat unerwartet geantwortet',
  'diagnosis.admin-endpoint-unexpected.summary': d((v) =>
    v.admin?.cmdlet
      ? `Der Verwaltungsendpunkt von Exchange Online hat auf ${v.admin.cmdlet} in einer Form geantwortet, die dieses Werkzeug nicht kennt. Microsoft dokumentiert den Endpunkt nicht, er kann sich ändern: Daher hält das Werkzeug die Schritte 2–3 hier an, statt anzunehmen, dass sie gelungen sind.`
      : 'Der Verwaltungsendpunkt von Exchange Online hat in einer Form geantwortet, die dieses Werkzeug nicht kennt. Microsoft dokumentiert den Endpunkt nicht, er kann sich ändern: Daher hält das Werkzeug die Schritte 2–3 hier an, statt anzunehmen, dass sie gelungen sind.',
  ),
  'diagnosis.admin-endpoint-unexpected.fix': d(() =>
    numbered(
      `Erledigen Sie die Schritte 2–3 mit dem erzeugten PowerShell-Skript in ${w.exchangeOnlinePowerShell}: Es enthält die Werte dieser Einrichtung.`,
      'Prüfen Sie das Ergebnis danach mit check.',
    ),
  ),

  'diagnosis.admin-request-failed.title': 'Microsoft Graph oder der Exchange-Verwaltungsendpunkt hat eine Anfrage abgelehnt',
  'diagnosis.admin-request-failed.summary': d((v) =>
    v.status !== undefined
      ? `Die Anfrage, um ${toDo(v)}, wurde mit HTTP ${v.status} abgelehnt${said(v)}`
      : `Die Anfrage, um ${toDo(v)}, wurde abgelehnt${said(v)}`,
  ),
  'diagnosis.admin-request-failed.fix': d(() =>
    numbered(
      'Lesen Sie die Worte von Microsoft oben: Sie nennen den fehlerhaften Wert oder das Objekt.',
      'Starten Sie die automatische Einrichtung erneut, sobald das behoben ist; sie verwendet wieder, was sie angelegt hat.',
      GUIDED,
    ),
  ),
};
