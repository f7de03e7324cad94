import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseSmtpFailure } from '../../src/diagnose/index.js';
import type { Diagnosis, DiagnosisContext, SmtpFailure } from '../../src/diagnose/types.js';
import { diagnosisSmtpDe } from '../../src/messages/de/diagnosis-smtp.js';
import { VIEW } from '../../src/messages/en/diagnosis.js';
import { useLanguage } from '../../src/messages/index.js';

/**
 * The German words of the SMTP, network, run and internal diagnoses, as a German admin reads them:
 * a few real diagnoses rendered through the diagnose functions with German in use (snapshots, so the
 * words stay honest), and a scan of every text for English left behind.
 */

const CTX: DiagnosisContext = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f',
  mailbox: 'alerts@contoso.com',
  from: 'noreply@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  servicePrincipalObjectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
};

const reply = (response: string, phase: SmtpFailure['phase']): SmtpFailure => ({
  phase,
  responseCode: Number(response.slice(0, 3)),
  response,
  message: response,
  host: 'smtp.office365.com',
  port: 587,
});

/** Summary and fix as printed; a no-break space shown as ⍽ so the snapshot shows where one is. */
const shown = (d: Diagnosis) => `${d.code}\n${d.summary}\n\n${d.fix}`.replaceAll('\u00a0', '⍽');

describe('German diagnoses of SMTP, network and TLS failures', () => {
  beforeAll(() => useLanguage('de'));
  afterAll(() => useLanguage('en'));

  it('535 5.7.139: SMTP AUTH disabled for the tenant', () => {
    const d = diagnoseSmtpFailure(
      reply(
        '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]',
        'auth',
      ),
      CTX,
    );
    expect(shown(d)).toMatchInlineSnapshot(`
      "smtp-auth-disabled-tenant
      SMTP AUTH ist für die Organisation deaktiviert, und für das Postfach alerts@contoso.com ist nichts Abweichendes eingestellt – deshalb lehnt Exchange Online jede SMTP-Anmeldung ab.

      1. Sehen Sie sich die Einstellungen in Exchange Online PowerShell (Connect-ExchangeOnline) an:
           Get-CASMailbox -Identity alerts@contoso.com | Format-List SmtpClientAuthenticationDisabled
           Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled
      2. Schalten Sie SMTP AUTH für das Postfach ein (das hat Vorrang vor der Einstellung der Organisation):
           Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false
      3. Oder für alle Postfächer der Organisation:
           Set-TransportConfig -SmtpClientAuthenticationDisabled $false
      4. Solange die Sicherheitsstandards aktiv sind, bleibt SMTP AUTH blockiert: Microsoft Entra Admin Center → Entra ID → Übersicht → Eigenschaften → Sicherheitsstandards verwalten → Deaktiviert (ersetzen Sie sie durch Richtlinien für bedingten Zugriff unter Microsoft Entra Admin Center → Entra ID → Bedingter Zugriff).
      5. Die Änderung wird nach 15–30⍽Minuten wirksam."
    `);
  });

  it('550 5.7.60: the app may not send as the sender address', () => {
    const d = diagnoseSmtpFailure(reply('550 5.7.60 SMTP; Client does not have permissions to send as this sender [MW2PR1901MB2155.namprd19.prod.outlook.com]', 'data'), CTX);
    expect(shown(d)).toMatchInlineSnapshot(`
      "smtp-send-as-denied
      Die Absenderadresse noreply@contoso.com ist nicht die Adresse des angemeldeten Postfachs alerts@contoso.com, und die App darf nicht unter dieser Adresse senden (keine SendAs-Berechtigung).

      1. Verwenden Sie als Absender die Adresse des Postfachs selbst (alerts@contoso.com), oder
      2. Erlauben Sie der App in Exchange Online PowerShell (Connect-ExchangeOnline), als noreply@contoso.com zu senden:
           Add-RecipientPermission -Identity noreply@contoso.com -Trustee 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d -AccessRights SendAs
      3. Ist noreply@contoso.com ein Alias (Proxyadresse) desselben Postfachs, erlauben Sie stattdessen das Senden von Aliasadressen:
           Set-OrganizationConfig -SendFromAliasEnabled $true
      4. Änderungen an Berechtigungen werden nach 15–30⍽Minuten wirksam."
    `);
  });

  it('ECONNREFUSED on the SMTP port', () => {
    const d = diagnoseSmtpFailure(
      { phase: 'connect', code: 'ESOCKET', causeCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 52.98.1.2:587', host: 'smtp.office365.com', port: 587 },
      CTX,
    );
    expect(shown(d)).toMatchInlineSnapshot(`
      "connection-refused
      Die Verbindung zu smtp.office365.com:587 wurde abgelehnt: Auf diesem Port hat nichts die Verbindung angenommen, oder eine Firewall hat sie abgewiesen.

      1. Prüfen Sie Host und Port: Exchange Online nimmt SMTP-Clientübermittlungen unter smtp.office365.com, Port 587 mit STARTTLS an (Schritt 4).
      2. Ausgehender Port 587 wird oft von einer Firewall, dem Internetanbieter oder dem Hoster blockiert; lassen Sie ihn freigeben. Testen Sie von diesem Rechner aus:
           Test-NetConnection smtp.office365.com -Port 587   (Windows PowerShell)
           nc -vz smtp.office365.com 587   (Linux, macOS)"
    `);
  });

  it('an untrusted certificate at STARTTLS (a TLS-inspecting proxy)', () => {
    const d = diagnoseSmtpFailure(
      { phase: 'starttls', code: 'ESOCKET', causeCode: 'SELF_SIGNED_CERT_IN_CHAIN', message: 'self-signed certificate in certificate chain', host: 'smtp.office365.com', port: 587 },
      CTX,
    );
    expect(shown(d)).toMatchInlineSnapshot(`
      "tls-certificate-untrusted
      Das TLS-Zertifikat, das smtp.office365.com:587 vorgelegt hat, ist nicht von einer vertrauenswürdigen Zertifizierungsstelle signiert; meist prüft unterwegs eine Firewall, ein Proxy oder ein Virenschutz den TLS-Verkehr mit einem eigenen Zertifikat.

      1. Lassen Sie sich vom Netzwerkteam das Stammzertifikat (Root-CA) des prüfenden Geräts als PEM-Datei geben, und lassen Sie dieses Programm ihm vertrauen, indem Sie vor dem Start NODE_EXTRA_CA_CERTS setzen:
           export NODE_EXTRA_CA_CERTS=/path/to/proxy-ca.pem   (Linux, macOS)
           $env:NODE_EXTRA_CA_CERTS = 'C:\\path\\to\\proxy-ca.pem'   (Windows PowerShell)
      2. Oder nehmen Sie die Hosts von Microsoft (login.microsoftonline.com, smtp.office365.com) von der TLS-Prüfung aus.
      3. Schalten Sie die Zertifikatsprüfung nicht ab: Über diese Verbindung geht Ihr Zugriffstoken."
    `);
  });
});

describe('the German texts of these diagnoses', () => {
  // Words that give away an English sentence left behind.
  const ENGLISH = [' the ', ' mailbox', ' tenant', 'Exchange applies', ' and ', ' or ', ' is ', ' not ', ' step ', ' please ', ' your '];

  /** The text without what stays as it is in every language: command lines, `commands`, „quoted“ words and the samples' markers. */
  const prose = (text: string) =>
    text
      .split('\n')
      .filter((line) => !/^ {5}\S/.test(line))
      .join('\n')
      .replace(/`[^`]*`/g, '')
      .replace(/„[^“]*“/g, '')
      .replace(/⟦[^⟧]*⟧/g, '');

  it('contain no English left behind, with every sample view', () => {
    const leftovers: string[] = [];
    for (const [id, text] of Object.entries(diagnosisSmtpDe)) {
      const rendered = typeof text === 'string' ? [text] : VIEW.v.samples.map((v) => (text as (p: { v: typeof v }) => string)({ v }));
      for (const words of rendered) {
        const lower = ` ${prose(words).toLowerCase()} `;
        for (const english of ENGLISH) if (lower.includes(english.toLowerCase())) leftovers.push(`${id}: ${JSON.stringify(english)} in ${JSON.stringify(words)}`);
      }
    }
    expect([...new Set(leftovers)]).toEqual([]);
  });

  it('the scan finds an English sentence when one is left', () => {
    const lower = ` ${prose('Exchange Online refused the XOAUTH2 login for mailbox x.').toLowerCase()} `;
    expect(ENGLISH.filter((english) => lower.includes(english.toLowerCase()))).toEqual([' the ', ' mailbox']);
  });
});
