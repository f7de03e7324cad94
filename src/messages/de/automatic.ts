import type { AdminRole } from '../../diagnose/types.js';
import type { Translations } from '../define.js';
import type { automaticEn } from '../en/automatic.js';
import { formatterFor } from '../format.js';
import { vocabularyDe as v } from '../vocabulary/de.js';
import { ROLE_NAMES } from './diagnosis-admin.js';

const f = formatterFor('de');
const q = f.quote;
const roles = (r: readonly AdminRole[]) => f.list(r.map((role) => ROLE_NAMES[role]), 'disjunction');

export const automaticDe: Translations<typeof automaticEn> = {
  'automatic.plan.heading': 'Automatische Einrichtung: der Plan',
  'automatic.plan.dry-run': 'Probelauf: Es gab keine Anmeldung, und nichts wurde geändert.',
  'automatic.plan.mailbox': (p) => (p.same ? `${v.mailbox} und Absender: ${p.mailbox}` : `${v.mailbox}: ${p.mailbox}, Absender („Senden als“): ${p.from}`),
  'automatic.plan.endpoints': (p) => `Cloud ${p.cloud}: Microsoft Graph ${p.graphUrl}, Exchange Online ${p.exchangeUrl}`,
  'automatic.plan.tenant': (p) => (p.tenant ? `Im Mandanten ${p.tenant}` : `Im Mandanten, bei dem sich der Administrator anmeldet`),
  'automatic.plan.section.read': 'Zuerst lesen (ändert nichts)',
  'automatic.plan.section.graph': 'Schritt 1 über Microsoft Graph',
  'automatic.plan.section.exchange': 'Schritte 2–3 über den Administrationsendpunkt von Exchange Online',
  'automatic.plan.section.check': 'Danach',
  'automatic.step.read-security-defaults': `Lesen, ob die ${v.securityDefaults} aktiviert sind (sie sperren SMTP AUTH; eine nicht lesbare Richtlinie wird als ${q('nicht prüfbar')} gemeldet).`,
  'automatic.step.read-smtp-auth-organization': 'Die SMTP-AUTH-Einstellung der Organisation lesen (Get-TransportConfig).',
  'automatic.step.read-smtp-auth-mailbox': (p) => `Die SMTP-AUTH-Einstellung des ${v.mailbox}s ${p.mailbox} lesen (Get-CASMailbox).`,
  'automatic.step.read-exchange-service-principal':
    `Nach einem vorhandenen Exchange-${v.servicePrincipal} der App suchen und dessen Objekt-ID vergleichen (Get-ServicePrincipal).`,
  'automatic.step.find-exchange-role': (p) => `Die App-Rolle ${p.role} von ${v.exchangeOnlineApi} in diesem Mandanten nachschlagen.`,
  'automatic.step.create-app': (p) =>
    `Die App-Registrierung ${q(p.name)} anlegen (${v.singleTenant}, Tag ${p.tag}), mit der ${v.applicationPermission} ${p.role} auf ihrer Seite ${q(v.apiPermissions)}.`,
  'automatic.step.create-service-principal': `Ihren ${v.servicePrincipal} anlegen (aufgeführt unter ${q(v.enterpriseApplications)}): Dessen Objekt-ID brauchen die Schritte 2–3.`,
  'automatic.step.grant-app-role': (p) => `Die ${v.adminConsent} für ${p.role} erteilen (eine App-Rollenzuweisung).`,
  'automatic.step.add-secret': (p) =>
    `Einen geheimen Clientschlüssel hinzufügen, gültig bis ${f.date(p.until)}; dieser Plan zeigt ihn nicht, denn er existiert noch nicht.`,
  'automatic.step.add-certificate': (p) =>
    `Ein Zertifikat erstellen, gültig bis ${f.date(p.until)}, und in die App hochladen (der private Schlüssel bleibt auf diesem Rechner).`,
  'automatic.step.exchange-cmdlet': (p) => `Ausführen: ${p.command}`,
  'automatic.step.check': (p) => `Das Ergebnis als App prüfen: ein Token, dann SMTP AUTH als ${p.mailbox}; die Verzögerung bis zur Übernahme wird abgewartet.`,
  'automatic.step.later-value': 'Werte in <…> liefert der Schritt, der sie anlegt.',
  'automatic.plan.from-step': (p) => `<aus ${p.step}: ${p.field}>`,
  'automatic.step.needs': (p) =>
    p.roles.length > 0 ? `benötigt ${f.list(p.scopes, 'conjunction')}, als ${roles(p.roles)}` : `benötigt ${f.list(p.scopes, 'conjunction')}`,
  'automatic.mailbox-missing': '--automatic benötigt --mailbox <Adresse>',
  'automatic.secret-months-invalid': (p) => `--secret-months: ${q(p.value)} ist keine ganze Zahl von Monaten zwischen ${p.min} und ${p.max}`,
  'automatic.url-invalid': (p) => `${p.flag}: ${q(p.value)} ist keine https-URL`,
  'automatic.app-name-empty': '--app-name: Der Name ist leer',
  'automatic.flag-needs-automatic': (p) => `${f.list(p.flags, 'conjunction')}: nur zusammen mit --automatic`,

  'automatic.help.app-name': `Anzeigename der neuen App-Registrierung (Standard: ${q('smtp-oauth-setup <Postfach>')})`,
  'automatic.help.credential': 'Anmeldeinformation der neuen App (Standard: secret)',
  'automatic.help.secret-months': (p) => `Gültigkeit der Anmeldeinformation in Monaten, ${p.min}–${p.max} (Standard: ${p.months})`,
  'automatic.help.dry-run': 'den Plan ausgeben und ohne Anmeldung beenden',
  'automatic.help.graph-url': 'v1.0-Stamm von Microsoft Graph (Standard: je nach Cloud)',
  'automatic.help.exchange-url': 'Administrationshost von Exchange Online (Standard: je nach Cloud)',
  'automatic.help.automatic': 'Schritte 1–3 nach einer Administratoranmeldung vom Tool erledigen lassen und das Ergebnis prüfen',
  'automatic.help.json': 'den Plan oder das Ergebnis (IDs, Prüfungen, Nachweis) als JSON ausgeben; nie einen geheimen Schlüssel',
  'automatic.help.browser': 'als Administrator im Browser statt mit Gerätecode anmelden',
  'automatic.help.admin-client-id': 'über Ihren eigenen öffentlichen Client (für Graph und Exchange vorab autorisiert) statt über Microsoft Azure CLI anmelden',
  'automatic.help.env-file': 'den neuen geheimen Clientschlüssel in diese .env-Datei für die sendende Anwendung schreiben (0600)',
  'automatic.help.secret-file': 'nur den neuen geheimen Clientschlüssel in diese Datei schreiben (0600)',
  'automatic.help.show-secret': 'den neuen geheimen Clientschlüssel einmal in diesem Terminal anzeigen',
  'automatic.help.wait': 'wie lange der Nachweis auf das Wirksamwerden der Änderungen wartet (Standard: 30m)',
  'automatic.confirm-plan': 'Diesen Plan in Ihrem Mandanten ausführen?',
  'automatic.needs-yes': '--automatic ohne Terminal benötigt --yes zur Bestätigung des Plans (oder --dry-run, um ihn zu sehen)',
  'automatic.secret-flags-with-certificate': '--save-secret, --env-file, --secret-file und --show-secret gelten für einen geheimen Clientschlüssel, nicht für --credential certificate',
  'automatic.show-secret-needs-terminal': '--show-secret: nur in einem Terminal (der geheime Schlüssel darf nie in ein Protokoll gelangen)',
  'automatic.run.declined': 'Es wurde nichts angemeldet und nichts geändert.',
  'automatic.run.resuming': (p) => `Die in ${p.path} gespeicherte Einrichtung wird fortgesetzt: Vorhandenes wird wiederverwendet, nichts wird doppelt angelegt.`,
  'automatic.run.creating': (p) =>
    p.what === 'app'
      ? 'Die App-Registrierung wird angelegt …'
      : p.what === 'service-principal'
        ? `Ihr ${v.servicePrincipal} wird angelegt …`
        : p.what === 'consent'
          ? `${v.adminConsent} für SMTP.SendAsApp wird erteilt …`
          : 'Ein geheimer Clientschlüssel wird hinzugefügt …',
  'automatic.run.proving': 'Das Ergebnis wird mit den neuen Anmeldedaten geprüft (Token und SMTP); falls nötig, wird gewartet, bis die Änderungen wirken …',
  'automatic.run.done': (p) =>
    `Fertig: Die App ${p.clientId} im ${v.tenant} ${p.tenantId} sendet über Exchange Online. Mit \`smtp-oauth-setup check\` können Sie das jederzeit erneut prüfen.`,
  'automatic.run.blocked': `Es wurde nichts geändert: ${q(v.securityDefaults)} sind aktiviert und würden SMTP AUTH ablehnen. Deaktivieren Sie sie (oder ersetzen Sie sie durch bedingten Zugriff) und führen Sie dies erneut aus.`,
  'automatic.run.repair-declined': (p) =>
    `In Exchange Online wurde nichts geändert: Sein ${v.servicePrincipal} der App behält die falsche Objekt-ID, daher wird SMTP AUTH scheitern. Er muss ${p.objectId} nennen; führen Sie dies erneut aus und bestätigen Sie die Reparatur.`,











};
