import type { Translations } from '../define.js';
import type { automaticExchangeEn } from '../en/automatic-exchange.js';
import { formatterFor } from '../format.js';
import { vocabularyDe as v } from '../vocabulary/de.js';

const f = formatterFor('de');
const q = f.quote;

export const automaticExchangeDe: Translations<typeof automaticExchangeEn> = {
  'automatic-exchange.sp.reading': (p) => `Der ${v.servicePrincipal} der App ${p.appId} in Exchange wird gelesen (Get-ServicePrincipal).`,
  'automatic-exchange.sp.creating': (p) => `Der ${v.servicePrincipal} in Exchange wird mit der Objekt-ID ${p.objectId} der Unternehmensanwendung angelegt (New-ServicePrincipal).`,
  'automatic-exchange.sp.waiting': (p) => `Exchange sieht den neuen ${v.servicePrincipal} noch nicht; in ${p.seconds} s wird es erneut versucht.`,
  'automatic-exchange.sp.confirmed': `${v.servicePrincipal} in Exchange bestätigt.`,
  'automatic-exchange.sp.repair-question': (p) =>
    `Der ${v.servicePrincipal} dieser App in Exchange hat die Objekt-ID ${p.found}, die Unternehmensanwendung aber ${p.expected}. Soll er entfernt und mit ${p.expected} neu angelegt werden?`,
  'automatic-exchange.sp.removing': (p) => `Der falsche ${v.servicePrincipal} ${p.objectId} wird in Exchange entfernt (Remove-ServicePrincipal).`,
  'automatic-exchange.mailbox.granting': (p) => `FullAccess auf ${p.mailbox} wird erteilt (Add-MailboxPermission).`,
  'automatic-exchange.mailbox.confirmed': 'Zugriff auf das Postfach bestätigt.',
  'automatic-exchange.send-as.granting': (p) => `${q('Senden als')} auf ${p.mailbox} für den Absender ${p.from} wird erteilt (Add-RecipientPermission).`,
  'automatic-exchange.send-as.confirmed': `${q('Senden als')} bestätigt.`,
  'automatic-exchange.smtp-auth.enabling': (p) => `SMTP AUTH wird für ${p.mailbox} eingeschaltet (Set-CASMailbox).`,
  'automatic-exchange.smtp-auth.confirmed': 'SMTP AUTH des Postfachs ist bestätigt eingeschaltet.',
  'automatic-exchange.handover.warning':
    'Der Administrationsendpunkt von Exchange Online hat auf eine Weise geantwortet, die dieses Werkzeug nicht kennt. Es wird nicht angenommen, dass etwas gelungen ist: Führen Sie die Schritte 2–3 mit PowerShell und den folgenden Werten aus.',
  'automatic-exchange.check.security-defaults.on': `Die ${v.securityDefaults} sind eingeschaltet: Sie sperren SMTP AUTH. Schalten Sie sie vor der Einrichtung aus (oder nutzen Sie bedingten Zugriff).`,
  'automatic-exchange.check.security-defaults.off': `Die ${v.securityDefaults} sind ausgeschaltet.`,
  'automatic-exchange.check.security-defaults.unknown': `Es konnte nicht geprüft werden, ob die ${v.securityDefaults} eingeschaltet sind.`,
  'automatic-exchange.check.organization.on': 'SMTP AUTH der Organisation ist eingeschaltet.',
  'automatic-exchange.check.organization.off-overridden': 'SMTP AUTH der Organisation ist ausgeschaltet; die eigene Einstellung des Postfachs, die die Einrichtung einschaltet, hat Vorrang.',
  'automatic-exchange.check.organization.unknown': 'Die SMTP-AUTH-Einstellung der Organisation konnte nicht gelesen werden.',
  'automatic-exchange.check.mailbox.on': (p) => `SMTP AUTH ist für ${p.mailbox} eingeschaltet.`,
  'automatic-exchange.check.mailbox.will-change': (p) => `SMTP AUTH ist für ${p.mailbox} nicht eingeschaltet: Die Einrichtung schaltet es ein.`,
  'automatic-exchange.check.mailbox.unknown': (p) => `Die SMTP-AUTH-Einstellung von ${p.mailbox} konnte nicht gelesen werden.`,
  'automatic-exchange.check.sp.ok': `Der ${v.servicePrincipal} der App in Exchange fehlt oder ist richtig.`,
  'automatic-exchange.check.sp.wrong': (p) =>
    `Der ${v.servicePrincipal} der App in Exchange hat die Objekt-ID ${p.found} statt ${p.expected}: Die Einrichtung repariert ihn (nach Rückfrage).`,
  'automatic-exchange.check.sp.unknown': `Der ${v.servicePrincipal} der App in Exchange konnte nicht gelesen werden.`,
};
