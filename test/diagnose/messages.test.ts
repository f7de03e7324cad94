import { afterEach, describe, expect, it } from 'vitest';
import { catalog, diagnoseClaimProblems, diagnoseSmtpFailure, diagnoseTokenFailure } from '../../src/diagnose/index.js';
import { diagnosisMessageIds, wordsForFacts } from '../../src/diagnose/words.js';
import { de } from '../../src/messages/de/index.js';
import { en } from '../../src/messages/en/index.js';
import { loadLanguage, useLanguage } from '../../src/messages/index.js';
import { LANGUAGES } from '../../src/messages/language.js';
import type { Facts } from '../../src/diagnose/types.js';

/** The catalog's words are messages: every entry has them in every language, and the commands are the same in all. */

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP_ID = '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f';
const SP = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const CTX = { tenantId: TENANT, clientId: APP_ID, mailbox: 'alerts@contoso.com', from: 'noreply@contoso.com', servicePrincipalObjectId: SP };
const SECRET_INVALID = {
  kind: 'server',
  error: 'invalid_client',
  aadsts: 7000215,
  status: 401,
  description: "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f'.",
} as const;

/** The command lines of a fix: the lines indented under their step. */
const commandLines = (fix: string) => fix.split('\n').filter((l) => /^ {5}\S/.test(l)).map((l) => l.replace(/ {3}\(.*\)$/, ''));

afterEach(async () => {
  await useLanguage('en');
});

describe('the catalog words', () => {
  const texts = { en, de } as Record<(typeof LANGUAGES)[number], Record<string, unknown>>;

  it.each(LANGUAGES)('%s has the title, summary and fix of every catalog entry', (language) => {
    for (const entry of catalog) {
      const ids = diagnosisMessageIds(entry.code);
      expect(typeof texts[language][ids.title], `${language} ${ids.title}`).toBe('string');
      for (const id of [ids.summary, ids.fix]) expect(texts[language][id], `${language} ${id}`).toBeDefined();
    }
  });

  it('has no words for an entry that is not in the catalog', () => {
    const codes = new Set(catalog.map((e) => e.code));
    const orphans = Object.keys(en)
      .map((id) => /^diagnosis\.([a-z0-9-]+)\.(?:title|summary|fix)$/.exec(id)?.[1])
      .filter((code): code is string => code !== undefined && !codes.has(code));
    expect(orphans).toEqual([]);
  });

  it('builds every command once: the same command lines in every language', async () => {
    const renderers = await Promise.all(LANGUAGES.map((l) => loadLanguage(l)));
    const known: Facts = { ...CTX, smtpHost: 'smtp.office365.com', smtpPort: 587, target: 'smtp', host: 'smtp.office365.com', port: 587 };
    let compared = 0;
    for (const entry of catalog) {
      const [english, ...others] = renderers.map((r) => commandLines(wordsForFacts(entry.code, known, r.render).fix));
      for (const other of others) expect(other, entry.code).toEqual(english);
      compared += english!.length;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it("fills an unknown value with the language's placeholder, in the commands too", async () => {
    await useLanguage('de');
    const d = diagnoseTokenFailure({ kind: 'server', aadsts: 7000229, description: 'AADSTS7000229: missing service principal' });
    expect(d.code).toBe('app-service-principal-missing');
    expect(commandLines(d.fix)).toEqual([
      '     az ad sp create --id <Client-ID>',
      '     New-MgServicePrincipal -AppId <Client-ID>',
      '     New-ServicePrincipal -AppId <Client-ID> -ObjectId <Objekt-ID der Unternehmensanwendung>',
    ]);
    await useLanguage('en');
    const e = diagnoseTokenFailure({ kind: 'server', aadsts: 7000229, description: 'AADSTS7000229: missing service principal' });
    expect(commandLines(e.fix)).toContain('     New-ServicePrincipal -AppId <client id> -ObjectId <object id of the Enterprise application>');
  });

  it('gives the Learn link in the language in use (the JSON learnMore follows it)', async () => {
    expect(diagnoseTokenFailure(SECRET_INVALID, CTX).learnMore).toBe('https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes');
    await useLanguage('de');
    expect(diagnoseTokenFailure(SECRET_INVALID, CTX).learnMore).toBe('https://learn.microsoft.com/de-de/entra/identity-platform/reference-error-codes');
    // A link that is not Microsoft Learn stays as it is.
    const basic = diagnoseSmtpFailure({ phase: 'auth', responseCode: 550, response: '550 5.7.30 Basic authentication is not supported for Client Submission.', message: '', host: 'smtp.office365.com', port: 587 });
    expect(basic.learnMore).toMatch(/^https:\/\/techcommunity\.microsoft\.com\//);
  });
});

describe('snapshots: the words as an admin reads them', () => {
  it('English: client-secret-invalid', () => {
    const d = diagnoseTokenFailure(SECRET_INVALID, CTX);
    expect(`${d.summary}\n${d.fix}`).toMatchInlineSnapshot(`
      "Entra ID rejected the client secret for app 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f. Usually the secret's ID (a GUID) was entered instead of its Value, or the value is cut short or belongs to another app.
      1. Microsoft Entra admin center → App registrations → the app with Application (client) ID 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f → Certificates & secrets → Client secrets → New client secret; copy the Value column at once (it is shown only once — the Secret ID is not the secret).
      2. Put that value into the client secret setting of the sending application (step 4).
      3. A secret created seconds ago can take a minute before Entra ID accepts it."
    `);
  });

  it('German: client-secret-invalid', async () => {
    await useLanguage('de');
    const d = diagnoseTokenFailure(SECRET_INVALID, CTX);
    expect(d.code).toBe('client-secret-invalid');
    expect(`${d.summary}\n${d.fix}`).toMatchInlineSnapshot(`
      "Entra ID hat den geheimen Clientschlüssel für die App 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f abgelehnt. Meist wurde die ID des geheimen Schlüssels (eine GUID) statt seines Werts eingegeben, oder der Wert ist abgeschnitten oder gehört zu einer anderen App.
      1. Microsoft Entra Admin Center → App-Registrierungen → die App mit der Anwendungs-ID (Client) 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f → Zertifikate & Geheimnisse → Geheime Clientschlüssel → Neuer geheimer Clientschlüssel; kopieren Sie sofort den Inhalt der Spalte „Wert“ (er wird nur einmal angezeigt – die „Geheimnis-ID“ ist nicht der geheime Schlüssel).
      2. Tragen Sie diesen Wert in der sendenden Anwendung als geheimen Clientschlüssel ein (Schritt 4).
      3. Ein gerade erst erstellter geheimer Schlüssel kann bis zu einer Minute brauchen, bis Entra ID ihn annimmt."
    `);
  });

  it('German: token-missing-role, with the other problems of the token', async () => {
    await useLanguage('de');
    const d = diagnoseClaimProblems(
      [
        { kind: 'expired', exp: 1_700_000_000, now: 1_700_000_600 },
        { kind: 'missing-role', roles: ['IMAP.AccessAsApp'] },
      ],
      CTX,
    );
    expect(d.code).toBe('token-missing-role');
    expect(`${d.summary}\n${d.fix}`).toMatchInlineSnapshot(`
      "Das Zugriffstoken hat keine Rolle SMTP.SendAsApp (Rollen: IMAP.AccessAsApp), daher würde Exchange Online die Anmeldung ablehnen: Die Anwendungsberechtigung wurde nicht hinzugefügt, oder die Administratorzustimmung wurde nicht erteilt.
      1. Microsoft Entra Admin Center → App-Registrierungen → die App mit der Anwendungs-ID (Client) 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f → API-Berechtigungen → Berechtigung hinzufügen → Von meiner Organisation verwendete APIs → Office 365 Exchange Online → Anwendungsberechtigungen → SMTP.SendAsApp → Berechtigungen hinzufügen.
      2. Klicken Sie auf derselben Seite auf die Schaltfläche „Administratorzustimmung für ‚<Mandantenname>‘ erteilen“, und prüfen Sie, ob SMTP.SendAsApp in der Spalte „Typ“ den Wert „Anwendung“ (nicht „Delegiert“) und in der Spalte „Status“ „Gewährt für <Mandantenname>“ zeigt.
      3. Fordern Sie ein neues Token an: Ein Token, das vor der Zustimmung ausgestellt wurde, behält seine alten Rollen, bis es abläuft (60–90 Minuten).

      Weitere Probleme dieses Tokens (beheben Sie sie nach den obigen Schritten):
      - Das Zugriffstoken ist am 14.11.2023, 22:13:20 UTC abgelaufen (vor 10 Minuten)."
    `);
  });

  it('German: tenant-not-found, unknown values described or left as placeholders', async () => {
    await useLanguage('de');
    const d = diagnoseTokenFailure({ kind: 'server', aadsts: 90002, error: 'invalid_request', description: "AADSTS90002: Tenant 'contoso.onmicrosoft.de' not found." }, { cloud: 'usgov' });
    expect(d.code).toBe('tenant-not-found');
    expect(`${d.summary}\n${d.fix}`).toMatchInlineSnapshot(`
      "Entra ID kennt den Mandanten unter login.microsoftonline.us nicht: Die Mandanten-ID ist falsch geschrieben, oder der Mandant gehört zu einer anderen Microsoft-Cloud.
      1. Microsoft Entra Admin Center → Entra ID → Übersicht: Kopieren Sie die Mandanten-ID (eine GUID), und verwenden Sie sie in der sendenden Anwendung (Schritt 4).
      2. Prüfen Sie die Cloud: Microsoft 365 weltweit (auch GCC): --cloud global (login.microsoftonline.com); Microsoft 365 GCC High: --cloud usgov (login.microsoftonline.us); Microsoft 365 DoD: --cloud usgovdod (login.microsoftonline.us); Microsoft 365, betrieben von 21Vianet: --cloud china (login.partner.microsoftonline.cn). Diese Anforderung ging an login.microsoftonline.us (--cloud usgov)."
    `);
  });

  it('German: app-disabled, with a command under its step', async () => {
    await useLanguage('de');
    const d = diagnoseTokenFailure({ kind: 'server', aadsts: 7000112, error: 'unauthorized_client', description: "AADSTS7000112: Application '5c9d2a5e'(Mailer) is disabled." }, CTX);
    expect(d.code).toBe('app-disabled');
    expect(`${d.summary}\n${d.fix}`).toMatchInlineSnapshot(`
      "Die App 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f ist im Mandanten 72f988bf-86f1-41af-91ab-2d7cd011db47 deaktiviert: Die zugehörige Unternehmensanwendung ist nicht für die Anmeldung aktiviert, oder Microsoft hat sie deaktiviert.
      1. Microsoft Entra Admin Center → Unternehmensanwendungen → die App → Eigenschaften → „Aktiviert für die Anmeldung durch Benutzer?“ → Ja → Speichern; oder mit der Azure CLI:
           az ad sp update --id 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d --set accountEnabled=true
      2. Hat Microsoft die App deaktiviert, können Sie sie nicht wieder aktivieren: Registrieren Sie eine neue App (Schritt 1), oder eröffnen Sie einen Supportfall."
    `);
  });
});
