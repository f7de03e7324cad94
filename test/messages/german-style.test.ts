import { describe, expect, it } from 'vitest';
import type { Definitions } from '../../src/messages/define.js';
import { en } from '../../src/messages/en/index.js';
import { loadLanguage, type MessageId } from '../../src/messages/index.js';
import { sampleParams } from '../support/message-samples.js';

/**
 * The German house style, checked on every German message rendered with the parity test's sample
 * values: formal address, „…“ quotes, "–" as a dash, no-break spaces in abbreviations and between a
 * number and its unit, "…" as the ellipsis, and Microsoft's German words instead of anglicisms.
 * Commands, JSON and Microsoft's own (English) error texts are not German prose: they are masked
 * before the checks, so `Set-CASMailbox`, `{ "targets": … }` or "… disabled for the Mailbox" pass.
 */

/** Replaces what is not German prose by spaces of the same length (so positions stay readable). */
export function proseOf(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return (
    text
      // A command on its own indented line (src/diagnose/layout.ts commandLine) and inline code.
      .replace(/^ {5,}\S.*$/gm, blank)
      .replace(/`[^`\n]*`/g, blank)
      // JSON: keys with their colon, and objects or arrays written inline.
      .replace(/"[\w$-]+"\s*:/g, blank)
      .replace(/\{[^{}\n]*\}/g, blank)
      // Microsoft's reply after an SMTP status code, to the end of its sentence, line or bracket.
      .replace(/\b[245]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b.*?(?=\.\s+\p{Lu}\p{Ll}|\s\(|\s–\s|$)/gmu, blank)
      // English quoted inside German quotes: Microsoft's words, kept as Microsoft wrote them.
      .replace(/„([^“\n]*)“/g, (m, inner: string) => (/\b(?:the|is|was|for|not|of|to|did|has|are)\b/.test(inner) ? blank(m) : m))
      // Header and option names that contain an English word: names, not prose.
      .replace(/\bRetry-After\b/g, blank)
  );
}

const RULES: readonly { readonly rule: string; readonly pattern: RegExp }[] = [
  { rule: 'informal address (du, dein, dich, dir)', pattern: /(?<![\p{L}\p{N}_-])(?:[Dd]u|[Dd]ein\p{L}*|[Dd]ich|[Dd]ir)(?![\p{L}\p{N}_-])/u },
  { rule: 'straight double quotes around words', pattern: /"[^"\n]*\p{L}[^"\n]*"/u },
  { rule: 'English curly quotes', pattern: /”|(?:^|[\s(])“(?=\p{L})/mu },
  { rule: '" - " used as a dash', pattern: /\S - \S/ },
  {
    rule: 'a normal space between a number and its unit',
    pattern: /\d (?:Minuten?|Stunden?|Sekunden?|Tage?n?|Monate?n?|Jahre?n?|MiB|KiB|MB|KB|Bytes?|ms|Min\.|Sek\.|Std\.)(?![\p{L}])/u,
  },
  { rule: 'z. B., d. h., u. a. without a no-break space', pattern: /\b(?:z\.[ ]?B|d\.[ ]?h|u\.[ ]?a)\./ },
  { rule: 'three dots instead of an ellipsis', pattern: /\.\.\./ },
  {
    rule: 'an anglicism where Microsoft\'s German has a word',
    pattern:
      /(?<![\p{L}\p{N}_.$/-])(?:Mailbox(?:en|es)?|Tenants?|Setups?|Consents?|Secrets?|Checks?|gecheckt\p{L}*|Retry|Retries|Retrys|Steps?)(?![\p{L}\p{N}_])/u,
  },
];

export function styleProblems(text: string): string[] {
  const prose = proseOf(text);
  return RULES.flatMap(({ rule, pattern }) => {
    const found = prose.match(pattern);
    return found ? [`${rule}: ${JSON.stringify(text.slice(Math.max(0, found.index! - 30), found.index! + found[0].length + 30))}`] : [];
  });
}

describe('German house style', async () => {
  const de = await loadLanguage('de');
  const definitions = en as Definitions;

  it('holds for every German message with every sample value', () => {
    const problems = new Set<string>();
    for (const id of Object.keys(definitions) as MessageId[]) {
      const def = definitions[id]!;
      const sets = typeof def === 'string' ? [{}] : sampleParams(def);
      for (const params of sets) for (const problem of styleProblems(de.t(id as never, params as never))) problems.add(`${id}: ${problem}`);
    }
    expect([...problems]).toEqual([]);
  });

  it.each([
    ['informal address', 'Prüfe dein Postfach, bevor du sendest.'],
    ['informal address', 'Du musst die App registrieren.'],
    ['straight double quotes around words', 'Klicken Sie auf "Speichern".'],
    ['English curly quotes', 'Klicken Sie auf “Speichern”.'],
    ['" - " used as a dash', 'Das Token ist gültig - Exchange lehnt es trotzdem ab.'],
    ['a normal space between a number and its unit', 'Warten Sie 30 Minuten.'],
    ['a normal space between a number and its unit', 'Bei einem neuen Postfach bis zu 24 Stunden.'],
    ['a normal space between a number and its unit', 'Die Datei ist größer als 1 MiB.'],
    ['a normal space between a number and its unit', 'Warten Sie 15–30 Minuten.'],
    ['z. B., d. h., u. a. without a no-break space', 'Ein Wert, z. B. eine GUID.'],
    ['three dots instead of an ellipsis', 'Token wird angefordert...'],
    ['an anglicism', 'Die Mailbox des Absenders ist voll.'],
    ['an anglicism', 'Der Tenant ist unbekannt.'],
    ['an anglicism', 'Das Setup ist fertig.'],
    ['an anglicism', 'Der Consent fehlt.'],
    ['an anglicism', 'Das Secret ist abgelaufen.'],
    ['an anglicism', 'Der Check ist fehlgeschlagen.'],
    ['an anglicism', 'Das Postfach wurde gecheckt.'],
    ['an anglicism', 'Retry in 5\u00a0Minuten.'],
    ['an anglicism', 'Step 2 fehlt noch.'],
    ['an anglicism', 'aus der CLI eines Secret-Managers'],
  ])('fails on %s: %s', (rule, text) => {
    const problems = styleProblems(text);
    expect(problems.length, text).toBe(1);
    expect(problems[0]).toContain(rule);
  });

  it.each([
    'Warten Sie 15–30\u00a0Minuten, z.\u00a0B. bis Exchange „Gewährt für“ zeigt – dann erneut.',
    'Sehen Sie sich die Einstellungen an:\n     Get-CASMailbox -Identity "alerts@contoso.com" | Format-List SmtpClientAuthenticationDisabled',
    'Rufen Sie `smtp-oauth-setup explain "535 5.7.3"` oder `smtp-oauth-setup setup` auf.',
    'erwartet wird ein JSON-Array oder { "targets": [ … ] }; Fehlercodes wie "error_codes": [ … ]',
    'AUTH erhält 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.',
    'Entra ID meldete: „The tenant for tenant guid does not exist“.',
    'Warten Sie (Retry-After von Microsoft); Add-MailboxPermission, Set-CASMailbox, $GITHUB_STEP_SUMMARY, Checkmk.',
    'Weitere Probleme:\n- das erste\n- das zweite',
  ])('passes commands, JSON, Microsoft text and list bullets: %s', (text) => {
    expect(styleProblems(text)).toEqual([]);
  });
});
