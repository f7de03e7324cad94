import type { Translations } from '../define.js';
import type { removeEn } from '../en/remove.js';
import { formatterFor } from '../format.js';
import { vocabularyDe as v } from '../vocabulary/de.js';

const f = formatterFor('de');
const q = f.quote;

export const removeDe: Translations<typeof removeEn> = {
  'remove.plan.heading': 'Entfernen: der Plan',
  'remove.plan.dry-run': 'Probelauf: Es gab keine Anmeldung, und nichts wurde geändert.',
  'remove.plan.app': (p) => `App-Registrierung, ${v.applicationClientId} ${p.clientId}`,
  'remove.plan.mailbox': (p) => (p.same ? `${v.mailbox} und Absender: ${p.mailbox}` : `${v.mailbox}: ${p.mailbox}, Absender (${q('Senden als')}): ${p.from}`),
  'remove.plan.tenant': (p) => (p.tenant ? `Im Mandanten ${p.tenant}` : `Im Mandanten, bei dem sich der Administrator anmeldet`),
  'remove.plan.endpoints': (p) => `Cloud ${p.cloud}: Microsoft Graph ${p.graphUrl}, Exchange Online ${p.exchangeUrl}`,
  'remove.step.exchange-cmdlet': (p) => `Ausführen: ${p.command} (entfällt, wenn es schon entfernt ist)`,
  'remove.step.delete-app': (p) =>
    `Die App-Registrierung ${p.clientId} löschen; damit wird auch ihr ${v.servicePrincipal} unter ${q(v.enterpriseApplications)} entfernt. Entra ID bewahrt sie ${p.days}\u00a0Tage lang unter ${q('Gelöschte Anwendungen')} auf; dort lässt sie sich wiederherstellen.`,
  'remove.step.forget-saved': 'Die gespeicherten Antworten zu dieser App vergessen, und ihren geheimen Clientschlüssel im Anmeldeinformationsspeicher, falls er dort gespeichert wurde.',
  'remove.plan.later-value': 'Werte in <…> stammen von der App, sobald sie gefunden ist.',
  'remove.plan.tag-rule': 'Entfernt wird nur eine App, die das Tool angelegt hat (Tag smtp-oauth-setup), außer mit --force.',
  'remove.client-id-missing': 'remove braucht --client-id <ID> (keine angegeben und keine in der gespeicherten Konfiguration)',
  'remove.mailbox-missing': 'remove braucht --mailbox <Adresse> (keine angegeben und keine in der gespeicherten Konfiguration)',
  'remove.client-id-invalid': (p) => `--client-id: ${q(p.value)} ist keine Anwendungs-ID (Client-ID, eine GUID)`,
  'remove.confirm-needed': 'remove ändert den Mandanten: Bestätigen Sie mit --yes (mit --no-input wird nie gefragt)',
  'remove.confirm-question': 'All das jetzt entfernen? [j/N] ',
  'remove.cancelled': 'Es wurde nichts entfernt.',
  'remove.refused-untagged': (p) =>
    `Der App ${p.clientId} (${q(p.name)}) fehlt das Tag smtp-oauth-setup: Das Tool hat sie nicht angelegt, daher wird sie nicht entfernt. Mit --force wird sie trotzdem entfernt.`,
  'remove.app-not-found': (p) => `Keine App-Registrierung ${p.clientId} in diesem Mandanten: In Entra ID gibt es nichts zu entfernen; was Exchange noch dafür hält, wird entfernt.`,
  'remove.event.removed': (p) => `Entfernt: ${p.step}`,
  'remove.event.already-gone': (p) => `Schon entfernt: ${p.step}`,
  'remove.stopped': (p) =>
    `Exchange hat auf ${p.step} in unbekannter Form geantwortet: Abgebrochen, und die App-Registrierung wurde behalten (damit in Exchange nichts auf eine gelöschte App verweist). Führen Sie diese Zeilen in Exchange Online PowerShell aus und entfernen Sie danach erneut:`,
  'remove.stopped-exit': (p) => `remove wurde bei ${p.step} abgebrochen; führen Sie die Zeilen oben aus und entfernen Sie danach erneut`,
  'remove.done': (p) => `Die App ${p.clientId} wurde entfernt. Entra ID bewahrt sie ${p.days}\u00a0Tage lang unter ${q('Gelöschte Anwendungen')} auf; dort lässt sie sich wiederherstellen.`,
  'remove.done-exchange-only': 'Was Exchange für die App hielt, wurde entfernt.',
  'remove.forgot-saved': 'Die gespeicherte Konfiguration nennt diese App nicht mehr.',
  'remove.forgot-secret': 'Ihr geheimer Clientschlüssel wurde aus dem Anmeldeinformationsspeicher entfernt.',

  'remove.help.description': 'Entfernt, was die automatische Einrichtung angelegt hat: Exchange-Berechtigungen, den Exchange-Dienstprinzipal, die App-Registrierung',
  'remove.help.client-id': 'Anwendungs-ID (Client-ID) der zu entfernenden App (Standard: die gespeicherte)',
  'remove.help.mailbox': 'Postfach, auf das die App Zugriff bekam (Standard: das gespeicherte)',
  'remove.help.from': 'Absenderadresse mit „Senden als“ (Standard: die gespeicherte, sonst das Postfach)',
  'remove.help.tenant-id': 'Mandanten-ID (GUID) oder überprüfte Domäne für die Anmeldung (Standard: die gespeicherte, sonst der Heimmandant des Administrators)',
  'remove.help.cloud': 'Microsoft-Cloud: global, usgov, usgovdod, china (Standard: die gespeicherte, sonst global)',
  'remove.help.authority-host': 'Entra-ID-Autoritätshost (Standard: der der Cloud)',
  'remove.help.admin-client-id': 'Client-ID, mit der sich der Administrator anmeldet (Standard: Azure CLI)',
  'remove.help.browser': 'im Browser anmelden statt mit einem Gerätecode',
  'remove.help.force': 'auch eine App ohne das Tag des Tools entfernen',
  'remove.help.dry-run': 'den Plan ausgeben und ohne Anmeldung beenden',
  'remove.help.yes': 'das Entfernen ohne Rückfrage bestätigen',
  'remove.help.no-input': 'nie fragen (ohne --yes: ablehnen)',
  'remove.help.json': 'Plan und Ergebnisse als JSON ausgeben',
};
