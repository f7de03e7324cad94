import { commandLine } from '../../diagnose/layout.js';
import type { DiagnosisView, Placeholders } from '../../diagnose/view.js';
import type { SmtpPhase } from '../../diagnose/types.js';
import type { Translations } from '../define.js';
import type { diagnosisEn } from '../en/diagnosis.js';
import { formatterFor, portalPath } from '../format.js';
import { vocabularyDe as w } from '../vocabulary/de.js';

const f = formatterFor('de');

/**
 * The diagnosis catalog's shared German words (placeholders, SMTP phases, clouds) and the sentences
 * several entries share. The entries' own texts are in diagnosis-token.ts (domains token and claim)
 * and diagnosis-smtp.ts (smtp, network, run, internal), which import these helpers.
 */

const PLACEHOLDERS: Placeholders = {
  tenant: '<Mandanten-ID>',
  client: '<Client-ID>',
  mailbox: '<Postfach>',
  sender: '<Absenderadresse>',
  servicePrincipal: '<Objekt-ID der Unternehmensanwendung>',
};

/** A text of a diagnosis: a function of the view (src/diagnose/view.ts). */
export const diagnosisText =
  (text: (v: DiagnosisView) => string) =>
  (p: { readonly v: DiagnosisView }): string =>
    text(p.v);

// ---------------------------------------------------------------------------------------------
// Words several entries share. German inflects: each helper gives the form of its case (nominative,
// accusative, dative) and chooses between a known and an unknown value; a text picks the helper of
// the case its sentence needs.

/** „die App ⟦client⟧“ / „die App“ (nominative and accusative). */
export const dieApp = (v: DiagnosisView) => (v.clientId ? `die App ${v.clientId}` : 'die App');
/** „der App ⟦client⟧“ / „der App“ (dative and genitive). */
export const derApp = (v: DiagnosisView) => (v.clientId ? `der App ${v.clientId}` : 'der App');
/** „den Mandanten ⟦tenant⟧“ / „den Mandanten“ (accusative). */
export const denMandanten = (v: DiagnosisView) => (v.tenantId ? `den Mandanten ${v.tenantId}` : 'den Mandanten');
/** „dem Mandanten ⟦tenant⟧“ / „dem Mandanten“ (dative). */
export const demMandanten = (v: DiagnosisView) => (v.tenantId ? `dem Mandanten ${v.tenantId}` : 'dem Mandanten');
/** „im Mandanten ⟦tenant⟧“ / „im Mandanten“. */
export const imMandanten = (v: DiagnosisView) => (v.tenantId ? `im Mandanten ${v.tenantId}` : 'im Mandanten');
/** „der Mandant ⟦tenant⟧“ / „der Mandant“ (nominative). */
export const derMandant = (v: DiagnosisView) => (v.tenantId ? `der Mandant ${v.tenantId}` : 'der Mandant');
/** „das Postfach ⟦mailbox⟧“ / „das Postfach“ (nominative and accusative). */
export const dasPostfach = (v: DiagnosisView) => (v.mailbox ? `das Postfach ${v.mailbox}` : 'das Postfach');
/** „dem Postfach ⟦mailbox⟧“ / „dem Postfach“ (dative). */
export const demPostfach = (v: DiagnosisView) => (v.mailbox ? `dem Postfach ${v.mailbox}` : 'dem Postfach');
/** „die Absenderadresse ⟦from⟧“ / „die Absenderadresse“ (nominative and accusative). */
export const dieAbsenderadresse = (v: DiagnosisView) => (v.from ? `die Absenderadresse ${v.from}` : 'die Absenderadresse');
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const PHASE: Record<SmtpPhase, string> = {
  connect: 'beim Verbindungsaufbau',
  greeting: 'beim Warten auf die Begrüßung des Servers',
  ehlo: 'nach EHLO',
  starttls: 'bei STARTTLS',
  auth: 'bei AUTH',
  mail: 'bei MAIL FROM',
  rcpt: 'bei RCPT TO',
  data: 'beim Senden der Nachricht (DATA)',
};
/** ` bei AUTH` when the phase is known. */
export const during = (v: DiagnosisView) => (v.phase ? ` ${PHASE[v.phase]}` : '');
/** `: „<reply>“` when there is one, else the sentence's full stop. */
export const said = (v: DiagnosisView) => (v.quoted ? `: ${f.quote(v.quoted)}` : '.');

/** Where the failure happened, nominative: `host:port`, `der Token-Endpunkt (host)`, `der Server`. */
export function woNominativ(v: DiagnosisView): string {
  switch (v.where.kind) {
    case 'address':
    case 'smtp-endpoint':
      return v.where.address;
    case 'token-endpoint':
      return `der Token-Endpunkt (${v.where.authority})`;
    case 'unknown':
      return 'der Server';
  }
}
/** The same in the dative: `host:port`, `dem Token-Endpunkt (host)`, `dem Server`. */
export function woDativ(v: DiagnosisView): string {
  switch (v.where.kind) {
    case 'address':
    case 'smtp-endpoint':
      return v.where.address;
    case 'token-endpoint':
      return `dem Token-Endpunkt (${v.where.authority})`;
    case 'unknown':
      return 'dem Server';
  }
}
/** Who answered (nominative, starting a sentence): Exchange Online, or another server. */
export const server = (v: DiagnosisView) => (v.exchangeAnswered ? 'Exchange Online' : `Der Server ${v.host}`);

export const CLOUD_TITLE: Record<DiagnosisView['cloud'], string> = {
  global: 'Microsoft 365 weltweit (auch GCC)',
  usgov: 'Microsoft 365 GCC High',
  usgovdod: 'Microsoft 365 DoD',
  china: 'Microsoft 365, betrieben von 21Vianet',
};
/** „--cloud usgov (Authority-Host …, Scope …, SMTP-Host …)“ */
export const cloudSettings = (v: DiagnosisView, name: DiagnosisView['cloud']) => {
  const c = v.clouds[name];
  return `--cloud ${c.name} (Authority-Host ${c.authority}, Scope ${c.scope}, SMTP-Host ${c.smtpHost})`;
};
/** Every cloud with its authority host. */
export const cloudChoices = (v: DiagnosisView) =>
  Object.values(v.clouds)
    .map((c) => `${CLOUD_TITLE[c.name]}: --cloud ${c.name} (${c.authority})`)
    .join('; ');

export const portal = (...labels: string[]) => portalPath(w.entraAdminCenter, ...labels);
export const appPath = (client: string) => portal(w.appRegistrations, `die App mit der ${w.applicationClientId} ${client}`);

export const consentPath = (v: DiagnosisView) =>
  `${portalPath(appPath(v.show.client), w.apiPermissions, w.addPermission, w.apisMyOrganizationUses, w.exchangeOnlineApi, w.applicationPermissions, 'SMTP.SendAsApp', w.addPermissions)}.`;
/** A label that carries „…“ itself, quoted once more: the inner quotes become ‚…‘, as German nests them. */
const quoteLabel = (label: string) => f.quote(label.replace('„', '‚').replace('“', '‘'));
export const GRANT_CONSENT = `Klicken Sie auf derselben Seite auf die Schaltfläche ${quoteLabel(w.grantAdminConsentForTenant)}, und prüfen Sie, ob SMTP.SendAsApp in der Spalte ${f.quote(w.typeColumn)} den Wert ${f.quote(w.typeApplication)} (nicht ${f.quote(w.typeDelegated)}) und in der Spalte ${f.quote(w.statusColumn)} ${f.quote(`${w.grantedFor} <Mandantenname>`)} zeigt.`;
export const FRESH_TOKEN =
  'Fordern Sie ein neues Token an: Ein Token, das vor der Zustimmung ausgestellt wurde, behält seine alten Rollen, bis es abläuft (60–90\u00a0Minuten).';

export const newSecret = (client: string) =>
  `${portalPath(appPath(client), w.certificatesAndSecrets, w.clientSecrets, w.newClientSecret)}; kopieren Sie sofort den Inhalt der Spalte ${f.quote(w.valueColumn)} (er wird nur einmal angezeigt – die ${f.quote(w.secretId)} ist nicht der geheime Schlüssel).`;
export const USE_SECRET = 'Tragen Sie diesen Wert in der sendenden Anwendung als geheimen Clientschlüssel ein (Schritt 4).';
export const uploadCertificate = (client: string) =>
  `${portalPath(appPath(client), w.certificatesAndSecrets, w.certificates, w.uploadCertificate, 'die öffentliche .cer-, .pem- oder .crt-Datei', w.add)}.`;

/** `in Exchange Online PowerShell (Connect-ExchangeOnline)`, inside a sentence. */
export const IN_EXO = `in ${w.exchangeOnlinePowerShell} (Connect-ExchangeOnline)`;
export const PROPAGATION =
  'Exchange übernimmt solche Änderungen nach 15–30\u00a0Minuten (bei einem neuen Postfach bis zu 24\u00a0Stunden): Wenn Sie sie gerade erst vorgenommen haben, warten Sie und versuchen Sie es dann mit einem neuen Token erneut.';

export function servicePrincipalSteps(v: DiagnosisView): string[] {
  const oidNote = v.servicePrincipalObjectId ? ` (der oid-Claim des Tokens lautet ${v.servicePrincipalObjectId}: Das ist dieser Wert)` : '';
  return [
    `Prüfen Sie den Dienstprinzipal ${IN_EXO}:${commandLine(v.cmd.getServicePrincipal)}`,
    `Seine ObjectId muss die ${w.objectId} der Unternehmensanwendung sein (${portal(w.enterpriseApplications, 'die App', w.overview)}), nicht die unter ${w.appRegistrations} angezeigte ${w.objectId}${oidNote}.`,
    `Wenn er mit einer anderen ObjectId existiert, entfernen Sie ihn:${commandLine(v.cmd.removeServicePrincipal)}`,
    `Wenn er fehlt (oder gerade entfernt wurde), legen Sie ihn an:${commandLine(v.cmd.newServicePrincipal)}`,
    `Geben Sie ihm Zugriff auf das Postfach:${commandLine(v.cmd.addMailboxPermission)}`,
    `Der Name nach user= in der XOAUTH2-Anmeldung muss dieses Postfach sein (${v.show.mailbox}), kein Alias, keine Gruppe und nicht die Anwendung.`,
    PROPAGATION,
  ];
}

export const SECURITY_DEFAULTS_PATH = portal(w.entraId, w.overview, w.properties, w.manageSecurityDefaults, w.securityDefaultsDisabled);

export function smtpAuthSteps(v: DiagnosisView, scopeOf: 'mailbox' | 'tenant' | 'either'): (string | false)[] {
  return [
    `Sehen Sie sich die Einstellungen ${IN_EXO} an:${commandLine(v.cmd.getCasMailbox)}` + (scopeOf !== 'mailbox' ? commandLine(v.cmd.getTransportConfig) : ''),
    `Schalten Sie SMTP AUTH für das Postfach ein${scopeOf !== 'mailbox' ? ' (das hat Vorrang vor der Einstellung der Organisation)' : ''}:${commandLine(v.cmd.setCasMailbox)}`,
    scopeOf !== 'mailbox' && `Oder für alle Postfächer der Organisation:${commandLine(v.cmd.setTransportConfig)}`,
    `Solange die ${w.securityDefaults} aktiv sind, bleibt SMTP AUTH blockiert: ${SECURITY_DEFAULTS_PATH} (ersetzen Sie sie durch Richtlinien für bedingten Zugriff unter ${portal(w.entraId, w.conditionalAccess)}).`,
    'Die Änderung wird nach 15–30\u00a0Minuten wirksam.',
  ];
}

export const smtpSettings = (v: DiagnosisView) =>
  `Sendende Anwendung (Schritt 4): Host ${v.smtpHost}, Port ${v.smtpPort}, STARTTLS (kein implizites TLS), Authentifizierung XOAUTH2 mit user=${v.show.mailbox} und einem Token des Mandanten ${v.show.tenant} für die Client-ID ${v.show.client}.`;

/** `300` → `5 Minuten`; under two minutes in seconds. */
export const minutes = (seconds: number) =>
  seconds >= 120
    ? f.plural(Math.round(seconds / 60), { one: '#\u00a0Minute', other: '#\u00a0Minuten' })
    : f.plural(seconds, { one: '#\u00a0Sekunde', other: '#\u00a0Sekunden' });

/** A list of claim values, `keine` when empty; at most 8 shown. */
export function listOrNone(values: readonly string[] | undefined): string {
  if (!values || values.length === 0) return 'keine';
  const shown = values.slice(0, 8).map((x) => String(x).slice(0, 80));
  return shown.join(', ') + (values.length > 8 ? ', …' : '');
}

export const diagnosisDe: Translations<typeof diagnosisEn> = {
  'diagnosis.placeholder.tenant': PLACEHOLDERS.tenant,
  'diagnosis.placeholder.client': PLACEHOLDERS.client,
  'diagnosis.placeholder.mailbox': PLACEHOLDERS.mailbox,
  'diagnosis.placeholder.sender': PLACEHOLDERS.sender,
  'diagnosis.placeholder.service-principal': PLACEHOLDERS.servicePrincipal,
  'diagnosis.claims.also-wrong': (p) =>
    `Weitere Probleme dieses Tokens (beheben Sie sie nach den obigen Schritten):\n${p.summaries.map((s) => `- ${s}`).join('\n')}`,
  'diagnosis.last-resort.what-happened': 'smtp-oauth-setup konnte diesen Fehler nicht diagnostizieren; das ist ein Fehler im Programm.',
  'diagnosis.last-resort.what-to-do': '1. Bitte melden Sie ihn mit der Ausgabe des Laufs (sie enthält keine Geheimnisse).',
  'diagnosis.internal.no-token-failure': 'kein Fehler der Tokenanforderung übergeben',
  'diagnosis.internal.no-smtp-failure': 'kein SMTP-Fehler übergeben',
  'diagnosis.internal.no-claim-problem': 'kein Problem der Token-Claims übergeben',
  'diagnosis.action.new-client-secret': (p) => newSecret(p.clientId ?? PLACEHOLDERS.client),
  'diagnosis.action.upload-certificate': (p) => uploadCertificate(p.clientId ?? PLACEHOLDERS.client),
  'diagnosis.looked-for.aadsts': 'Fehlercodes von Entra ID (AADSTS<Nummer> oder "error_codes": [ … ] in der Antwort des Token-Endpunkts)',
  'diagnosis.looked-for.smtp-replies':
    'SMTP-Antworten: ein Antwortcode mit erweitertem Statuscode (jede andere 4xx- oder 5xx-Antwort erhält eine allgemeine Diagnose)',
  'diagnosis.looked-for.oauth-errors': 'OAuth-Fehlerklassen',
  'diagnosis.looked-for.network-codes': 'Netzwerk- und TLS-Fehlercodes',
  'diagnosis.looked-for.phrases': 'Schlüsselwörter aus den Meldungen von Microsoft und verbreiteten Bibliotheken',
};
