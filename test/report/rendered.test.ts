import { Chalk } from 'chalk';
import { afterAll, describe, expect, it } from 'vitest';
import { fleetSummaryLines, fleetTotals } from '../../src/fleet/report.js';
import { currentLanguage, useLanguage } from '../../src/messages/index.js';
import type { Language } from '../../src/messages/language.js';
import { checkReportLines } from '../../src/report/human.js';
import { nagiosCheck, nagiosFleet } from '../../src/report/nagios.js';
import { expiryIn, fixtureReport, SMTP_AUTH_DISABLED } from './monitoring-fixtures.js';

/**
 * A few outputs rendered in full, in English and in German, so the words stay honest: logic tests
 * elsewhere assert ids, parameters and structured results. The diagnosis's own summary and fix are
 * the catalog's (fixtures here); everything around them is the message layer's.
 */

const plain = new Chalk({ level: 0 });

const claims = { aud: 'https://outlook.office365.com', roles: ['SMTP.SendAsApp'], tid: 'tid-1', appid: 'app-1', oid: 'oid-1', exp: 1_800_000_000, appDisplayName: null };
const passed = () => ({ ...fixtureReport(), token: { acquired: true, expiresOn: null, claims, servicePrincipalObjectId: 'oid-1' }, smtp: { ...fixtureReport().smtp, response: '250 2.0.0 OK queued' } });
const failed = () => ({ ...fixtureReport({ diagnosis: SMTP_AUTH_DISABLED, response: '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.' }), token: { acquired: true, expiresOn: null, claims: { ...claims, roles: [] }, servicePrincipalObjectId: 'oid-1' } });
const target = (name: string, report = fixtureReport()) => ({ name, report, attempts: report.attempts, durationMs: 800 });
const run = (targets: ReturnType<typeof target>[], tokens: number) => ({ results: targets, tokenAcquisitions: tokens });

async function inLanguage<T>(language: Language, render: () => T): Promise<T> {
  await useLanguage(language);
  return render();
}
afterAll(() => useLanguage('en'));

describe('check: the human report', () => {
  it('a success, in English and German', async () => {
    expect((await inLanguage('en', () => checkReportLines(passed(), plain))).join('\n')).toMatchInlineSnapshot(`
      "
      ✔ The test message was accepted by the server.
        Reply: 250 2.0.0 OK queued
        TLS: TLSv1.3

      Token claims
        roles   SMTP.SendAsApp  ✔
        aud     https://outlook.office365.com
        tid     tid-1
        appid   app-1
        oid     oid-1  ← the Enterprise application's object id, for New-ServicePrincipal -ObjectId (step 2)
        expires 2027-01-15T08:00:00Z"
    `);
    expect((await inLanguage('de', () => checkReportLines(passed(), plain))).join('\n')).toMatchInlineSnapshot(`
      "
      ✔ Der Server hat die Test-E-Mail angenommen.
        Antwort: 250 2.0.0 OK queued
        TLS: TLSv1.3

      Claims des Tokens
        roles      SMTP.SendAsApp  ✔
        aud        https://outlook.office365.com
        tid        tid-1
        appid      app-1
        oid        oid-1  ← die Objekt-ID der Unternehmensanwendung, für New-ServicePrincipal -ObjectId (Schritt 2)
        gültig bis 15.01.2027, 08:00:00 UTC"
    `);
  });

  it('a failure with the SMTP facts and a warning, in English and German', async () => {
    const report = { ...failed(), warnings: ['⟦a warning⟧'] };
    expect((await inLanguage('en', () => checkReportLines(report, plain))).join('\n')).toMatchInlineSnapshot(`
      "

      Token claims
        roles   (none: no application permission has admin consent)  ✖ no SMTP.SendAsApp
        aud     https://outlook.office365.com
        tid     tid-1
        appid   app-1
        oid     oid-1  ← the Enterprise application's object id, for New-ServicePrincipal -ObjectId (step 2)
        expires 2027-01-15T08:00:00Z

      SMTP server smtp.office365.com:587
        reachable  yes, it answered with its greeting
        TLS        TLSv1.3
        AUTH       XOAUTH2

      ✖ SMTP AUTH is turned off for the mailbox alerts@contoso.com.
        Setup step: 3 of 4, SMTP AUTH on the mailbox
        Waiting may help if you changed this in the last hour: Microsoft applies changes of steps 1–3 after minutes to an hour, and answers like this until then; otherwise fix it as below.
        Fix:
          Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false
          Get-CASMailbox alerts@contoso.com | Format-List SmtpClientAuthenticationDisabled
        Recognised: 535 5.7.139
        Server said: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.

      Warnings
        ! ⟦a warning⟧"
    `);
    expect((await inLanguage('de', () => checkReportLines(report, plain))).join('\n')).toMatchInlineSnapshot(`
      "

      Claims des Tokens
        roles      (keine: keine Anwendungsberechtigung mit Administratorzustimmung)  ✖ kein SMTP.SendAsApp
        aud        https://outlook.office365.com
        tid        tid-1
        appid      app-1
        oid        oid-1  ← die Objekt-ID der Unternehmensanwendung, für New-ServicePrincipal -ObjectId (Schritt 2)
        gültig bis 15.01.2027, 08:00:00 UTC

      SMTP-Server smtp.office365.com:587
        erreichbar  ja, er hat mit seiner Begrüßung geantwortet
        TLS         TLSv1.3
        AUTH        XOAUTH2

      ✖ SMTP AUTH is turned off for the mailbox alerts@contoso.com.
        Einrichtungsschritt: 3 von 4, SMTP AUTH für das Postfach
        Warten kann helfen, wenn Sie dies in der letzten Stunde geändert haben: Microsoft übernimmt Änderungen der Schritte 1–3 erst nach Minuten bis zu einer Stunde und antwortet bis dahin so; andernfalls beheben Sie es wie unten beschrieben.
        Behebung:
          Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false
          Get-CASMailbox alerts@contoso.com | Format-List SmtpClientAuthenticationDisabled
        Erkannt: 535 5.7.139
        Antwort des Servers: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.

      Warnungen
        ! ⟦a warning⟧"
    `);
    expect(currentLanguage()).toBe('de');
  });
});

describe('fleet: the summary, with one and with many', () => {
  const one = run([target('alerts')], 1);
  const many = run([target('alerts'), target('billing', fixtureReport({ mailbox: 'billing@contoso.com', diagnosis: SMTP_AUTH_DISABLED })), target('hr', fixtureReport({ mailbox: 'hr@contoso.com' }))], 2);
  const summary = (r: typeof one) => fleetSummaryLines(r, { ...fleetTotals(r, 2_400), retries: r.results.length > 1 ? 1 : 0 }, plain);
  const lastLines = (lines: string[]) => lines.slice(lines.lastIndexOf('')).join('\n');

  it('English', async () => {
    expect(await inLanguage('en', () => summary(one).join('\n'))).toMatchInlineSnapshot(`
      "
      target  mailbox             result                exit  step
      alerts  alerts@contoso.com  ✔ ok, message queued     0

      1 of 1 passed · 1 token · 2 sec"
    `);
    expect(await inLanguage('en', () => lastLines(summary(many)))).toMatchInlineSnapshot(`
      "
      2 of 3 passed · 1 failed (1 × exit 4) · 2 tokens · 1 retry · 2 sec
      Exit 4: the most serious failure (Exchange refused AUTH)."
    `);
  });

  it('German', async () => {
    expect(await inLanguage('de', () => summary(one).join('\n'))).toMatchInlineSnapshot(`
      "
      Ziel    Postfach            Ergebnis                 Exit  Schritt
      alerts  alerts@contoso.com  ✔ ok, E-Mail angenommen     0

      1 von 1 erfolgreich · 1 Token · 2 Sek."
    `);
    expect(await inLanguage('de', () => lastLines(summary(many)))).toMatchInlineSnapshot(`
      "
      2 von 3 erfolgreich · 1 fehlgeschlagen (1 × Exit-Code 4) · 2 Token · 1 Wiederholung · 2 Sek.
      Exit-Code 4: der schwerwiegendste Fehler (Exchange hat AUTH abgelehnt)."
    `);
  });
});

describe('Nagios: the status line', () => {
  it('in English and German; the prefix, state, codes and perfdata stay as they are', async () => {
    const expiring = fixtureReport({ secret: expiryIn(24.5) });
    const fleet = [
      { name: 'a', report: fixtureReport() },
      { name: 'b', report: fixtureReport({ mailbox: 'b@contoso.com', diagnosis: SMTP_AUTH_DISABLED }) },
    ];
    expect(await inLanguage('en', () => nagiosCheck(expiring).text)).toMatchInlineSnapshot(`"SMTP-OAUTH WARNING - alerts@contoso.com: sending works, but the client secret expires on 2026-12-25 (in 25 days) | token_ms=412ms;;;0 smtp_ms=366ms;;;0 total_ms=790ms;;;0 secret_days_left=24.50;30:;0:"`);
    expect(await inLanguage('de', () => nagiosCheck(expiring).text)).toMatchInlineSnapshot(`"SMTP-OAUTH WARNING - alerts@contoso.com: Das Senden funktioniert, aber der geheime Clientschlüssel läuft am 25.12.2026 ab (in 25 Tagen) | token_ms=412ms;;;0 smtp_ms=366ms;;;0 total_ms=790ms;;;0 secret_days_left=24.50;30:;0:"`);
    expect(await inLanguage('en', () => nagiosFleet(fleet, { durationMs: 900 }).text.split('\n')[0])).toMatchInlineSnapshot(`"SMTP-OAUTH CRITICAL - 1 of 2 targets passed; 1 critical, 0 warning, 0 unknown; worst: b (b@contoso.com: smtp-auth-disabled-mailbox at setup step 3) | targets=2;;;0 passed=1;;;0 critical=1;;;0 warning=0;;;0 unknown=0;;;0 total_ms=900ms;;;0"`);
    expect(await inLanguage('de', () => nagiosFleet(fleet, { durationMs: 900 }).text.split('\n')[0])).toMatchInlineSnapshot(`"SMTP-OAUTH CRITICAL - 1 von 2 Zielen erfolgreich; 1 kritisch, 0 Warnung, 0 unbekannt; am schwerwiegendsten: b (b@contoso.com: smtp-auth-disabled-mailbox in Einrichtungsschritt 3) | targets=2;;;0 passed=1;;;0 critical=1;;;0 warning=0;;;0 unknown=0;;;0 total_ms=900ms;;;0"`);
    expect(await inLanguage('de', () => nagiosFleet([fleet[0]!], { durationMs: 900 }).text.split(' | ')[0])).toMatchInlineSnapshot(`"SMTP-OAUTH OK - das Ziel war erfolgreich"`);
  });
});
