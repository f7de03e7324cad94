import { commandLine, numbered } from '../../diagnose/layout.js';
import type { Definitions, Translations } from '../define.js';
import type { diagnosisSmtpEn } from '../en/diagnosis-smtp.js';
import { diagnosisSmtpEn as pendingEn } from '../en/diagnosis-smtp.js';
import { formatterFor } from '../format.js';
import { vocabularyDe as w } from '../vocabulary/de.js';
import {
  consentPath,
  dasPostfach,
  diagnosisText as d,
  FRESH_TOKEN,
  GRANT_CONSENT,
  portal,
  said,
  SECURITY_DEFAULTS_PATH,
  servicePrincipalSteps,
  smtpAuthSteps,
  smtpSettings,
} from './diagnosis.js';

const f = formatterFor('de');

// German pending for the entries below the translated ones: they still show their English texts.
const english = <D extends Definitions>(defs: D): Translations<D> =>
  Object.fromEntries(Object.entries(defs).map(([id, def]) => [id, typeof def === 'string' ? def : def.text])) as Translations<D>;

/** Wo Einträge „Bedingter Zugriff“ als Ort im Portal nennen: die Richtlinien liegen dort. */
const CONDITIONAL_ACCESS_POLICIES = `Richtlinien unter ${f.quote(w.conditionalAccess)}`;
const TAKES_EFFECT = 'Die Änderung wird nach 15–30\u00a0Minuten wirksam.';

/** Die Diagnosen des SMTP-Dialogs (Katalog B), des Netzwerks und von TLS, des Laufs selbst und interner Fehler. */
export const diagnosisSmtpDe: Translations<typeof diagnosisSmtpEn> = {
  ...english(pendingEn),
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
    'Authentifizierung trotz gültigem Token mit SMTP.SendAsApp fehlgeschlagen: Exchange-Dienstprinzipal oder Postfachberechtigung',
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
      'Die sendende Anwendung hat versucht zu senden, ohne sich erfolgreich angemeldet zu haben: Sie hat sich gar nicht authentifiziert oder nach einem fehlgeschlagenen AUTH einfach weitergemacht.',
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
};
