import type { Translations } from '../define.js';
import type { adminEn } from '../en/admin.js';
import { formatterFor } from '../format.js';
import { vocabularyDe as w } from '../vocabulary/de.js';

const f = formatterFor('de');
const q = f.quote;

/** Die Administratorseite der automatischen Einrichtung, auf Deutsch. */
export const adminDe: Translations<typeof adminEn> = {
  'admin.sign-in.default-client': (p) =>
    `Sie melden sich als Administrator über ${p.clientName} (${p.clientId}) an, einen öffentlichen Client von Microsoft: Dieses Werkzeug hat in Ihrem Mandanten noch keine eigene App. Um sich stattdessen über Ihren eigenen öffentlichen Client anzumelden, geben Sie dessen Client-ID an.`,
  'admin.sign-in.exchange-client': (p) =>
    `Der Admin-Endpunkt von Exchange Online nimmt den Client dieser Anmeldung nicht an. Melden Sie sich bitte noch einmal als derselbe Administrator an, über ${p.clientName} (${p.clientId}), den öffentlichen Client von Microsoft für das Modul ${w.exchangeOnlinePowerShell}.`,
  'admin.sign-in.own-client': (p) => `Sie melden sich als Administrator über Ihren eigenen öffentlichen Client ${p.clientId} an.`,
  'admin.sign-in.device-code': (p) =>
    `Um sich als Administrator anzumelden, öffnen Sie ${p.url} in einem Browser und geben Sie den Code ${p.code} ein. Der Code gilt bis ${f.dateTime(p.expiresAt)}.`,
  'admin.sign-in.browser': (p) => `Zur Anmeldung als Administrator öffnet sich ein Browser mit ${p.url}. Öffnet sich keiner, rufen Sie die Adresse selbst auf.`,
  'admin.browser.success': 'Angemeldet. Sie können dieses Fenster schließen und zum Terminal zurückkehren.',
  'admin.browser.error': 'Die Anmeldung ist nicht gelungen. Was geschehen ist, steht im Terminal.',
  'admin.replication.waiting': (p) =>
    p.lag === 'exchange-not-seeing-service-principal'
      ? `Exchange Online sieht den neuen ${w.servicePrincipal} noch nicht; nächster Versuch in ${f.duration(p.waitMs)} (Versuch ${p.attempt}).`
      : p.lag === 'reference-not-valid'
        ? `Entra ID nimmt einen Verweis auf den neuen ${w.servicePrincipal} noch nicht an; nächster Versuch in ${f.duration(p.waitMs)} (Versuch ${p.attempt}).`
        : `Entra ID zeigt das neue Objekt noch nicht; nächster Versuch in ${f.duration(p.waitMs)} (Versuch ${p.attempt}).`,
  'admin.security-defaults.enabled': `${q(w.securityDefaults)}: aktiviert. Sie sperren SMTP AUTH für die App.`,
  'admin.security-defaults.disabled': `${q(w.securityDefaults)}: deaktiviert.`,
  'admin.security-defaults.unknown': `${q(w.securityDefaults)}: konnte nicht geprüft werden (diese Anmeldung darf die Richtlinie möglicherweise nicht lesen). Sind sie aktiviert, sperren sie SMTP AUTH.`,
};
