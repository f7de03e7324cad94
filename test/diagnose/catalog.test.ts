import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/diagnose/index.js';
import { wordsForFacts } from '../../src/diagnose/words.js';
import { loadLanguage } from '../../src/messages/index.js';
import { LANGUAGES } from '../../src/messages/language.js';
import type { Facts } from '../../src/diagnose/types.js';
import {
  claimFixtures,
  runFixtures,
  adminFixtures,
  smtpFailureFixtures,
  smtpFixtures,
  textFixtures,
  tokenFailureFixtures,
  tokenFixtures,
} from './fixtures.js';
import { HOSTILE_VALUES } from '../support/hostile-values.js';
import { commandsOf } from '../support/powershell-tokens.js';

const RICH: Facts = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f',
  mailbox: 'alerts@contoso.com',
  from: 'noreply@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  authorityHost: 'https://login.microsoftonline.com',
  servicePrincipalObjectId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  target: 'smtp',
  host: 'smtp.office365.com',
  port: 587,
  phase: 'auth',
  quoted: '535 5.7.3 Authentication unsuccessful',
  matched: '535 5.7.3',
  status: 401,
};

const ALLOWED_LEARN_PREFIXES = ['https://learn.microsoft.com/en-us/', 'https://techcommunity.microsoft.com/'];

/** Exit codes allowed per domain (see src/exit-codes.ts). */
const EXIT_BY_DOMAIN: Record<string, number[]> = {
  token: [3, 6],
  claim: [3],
  smtp: [4, 5, 6],
  network: [6],
  internal: [1],
  run: [2, 130],
  admin: [3, 6],
};

describe('the catalog', () => {
  it('has unique, kebab-case codes', () => {
    const codes = catalog.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(catalog.map((e) => ({ code: e.code, e })))('$code: valid step, exit code, transient, propagation, learnMore', ({ e }) => {
    expect([1, 2, 3, 4, null]).toContain(e.step);
    expect(typeof e.transient).toBe('boolean');
    expect(typeof e.propagation).toBe('boolean');
    expect(EXIT_BY_DOMAIN[e.domain]).toContain(e.exitCode);
    expect(wordsForFacts(e.code, {}).title.trim()).not.toBe('');
    if (e.learnMore !== undefined) {
      expect(ALLOWED_LEARN_PREFIXES.some((p) => e.learnMore?.startsWith(p))).toBe(true);
    }
  });

  it.each(catalog.map((e) => ({ code: e.code, e })))('$code: summary and fix are non-empty, with and without values, in every language', async ({ e }) => {
    const renderers = await Promise.all(LANGUAGES.map((l) => loadLanguage(l)));
    for (const [facts, renderer] of [{}, RICH, { ...RICH, target: 'token' as const, phase: undefined }].flatMap((f) => renderers.map((r) => [f, r] as const))) {
      const { summary, fix } = wordsForFacts(e.code, facts, renderer.render);
      expect(summary.trim().length).toBeGreaterThan(20);
      expect(fix.trim().length).toBeGreaterThan(20);
      for (const text of [summary, fix]) {
        expect(text).not.toMatch(/undefined|\bnull\b|NaN|\[object /);
      }
      expect(summary.length).toBeLessThan(450);
    }
  });

  it.each(catalog.map((e) => ({ code: e.code, e })))('$code: phrases are case-insensitive and stateless', ({ e }) => {
    for (const r of [e.recognise, ...(e.recognise.or ?? [])]) {
      for (const re of r.phrases ?? []) {
        expect(re.flags).toContain('i');
        expect(re.flags).not.toMatch(/[gy]/);
      }
    }
  });

  it('entries that are not fallbacks declare something to recognise them by', () => {
    for (const e of catalog) {
      const r = e.recognise;
      const declared = [r.aadsts, r.oauthError, r.httpStatus, r.smtpReply, r.enhanced, r.phrases, r.nodeCodes, r.claim].some(
        (g) => g !== undefined,
      );
      // The admin side's local checks (scope check, the admin endpoint's unknown answer) are built directly.
      const localAdminCheck = e.domain === 'admin' && ['admin-scope-missing', 'admin-endpoint-unexpected'].includes(e.code);
      if (!e.generic && !localAdminCheck) expect(declared, e.code).toBe(true);
    }
  });

  it('PowerShell commands are written as Microsoft documents them', () => {
    for (const e of catalog) {
      const fix = wordsForFacts(e.code, RICH).fix;
      if (fix.includes('Set-CASMailbox')) expect(fix).toContain('Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false');
      if (fix.includes('New-ServicePrincipal')) {
        expect(fix).toContain('New-ServicePrincipal -AppId 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f -ObjectId 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d');
      }
      if (fix.includes('Add-MailboxPermission')) {
        expect(fix).toContain('Add-MailboxPermission -Identity alerts@contoso.com -User 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d -AccessRights FullAccess');
      }
      if (fix.includes('Add-RecipientPermission')) {
        expect(fix).toContain('Add-RecipientPermission -Identity noreply@contoso.com -Trustee 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d -AccessRights SendAs');
      }
    }
  });

  it("PowerShell commands in fixes pass the user's values exactly, however they are written; unknown values stay placeholders", () => {
    // Which parameter of which cmdlet carries which value.
    const expected = (cmdlet: string, f: Facts): Record<string, string | undefined> => {
      const identity = /ServicePrincipal$/.test(cmdlet) ? f.clientId : cmdlet === 'Add-RecipientPermission' ? f.from : f.mailbox;
      return { Identity: identity, AppId: f.clientId, ObjectId: f.servicePrincipalObjectId, User: f.servicePrincipalObjectId, Trustee: f.servicePrincipalObjectId };
    };
    const CMDLET = /^(?:Get|Set|Add|New|Remove)-(?:Mg)?(?:ServicePrincipal|MailboxPermission|CASMailbox|RecipientPermission)\b/;
    let checked = 0;
    const hostileFacts: Facts[] = [
      { ...RICH, mailbox: '-a@contoso.com', from: "o'brien@contoso.com", servicePrincipalObjectId: 'Contoso’s $(evil); #x' },
      // Line breaks and control characters never reach a fix (diagnose cleans the context first).
      ...HOSTILE_VALUES.filter((v) => !/[\p{Cc}\u2028\u2029]/u.test(v)).map((v) => ({ ...RICH, mailbox: v, from: v, servicePrincipalObjectId: v })),
    ];
    for (const f of hostileFacts) {
      for (const e of catalog) {
        for (const line of wordsForFacts(e.code, f).fix.split('\n').map((l) => l.trim()).filter((l) => CMDLET.test(l))) {
          const [command] = commandsOf(line);
          for (const [parameter, value] of Object.entries(command!.parameters)) {
            const want = expected(command!.name, f)[parameter];
            if (want !== undefined) expect(value, `${e.code}: ${line}`).toBe(want);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // A host name that reads as a number when bare (1e5 is 100000) reaches Test-NetConnection as it is.
    const portTests = catalog.flatMap((e) => wordsForFacts(e.code, { ...RICH, host: '1e5', smtpHost: '1e5' }).fix.split('\n')).filter((l) => l.trim().startsWith('Test-NetConnection'));
    expect(portTests.length).toBeGreaterThan(0);
    for (const line of portTests) expect(commandsOf(line.trim().replace(/\s+\(Windows PowerShell\)$/, ''))[0]!.positional).toEqual(['1e5']);
    const placeholders = catalog.map((e) => wordsForFacts(e.code, {}).fix).join('\n');
    expect(placeholders).toContain('Add-MailboxPermission -Identity <mailbox> -User <object id of the Enterprise application> -AccessRights FullAccess');
  });

  it('every entry is hit by at least one fixture (adding an entry without a test fails here)', () => {
    const expected = new Set<string>([
      ...tokenFixtures.map((f) => f.expect.code),
      ...smtpFixtures.map((f) => f.expect.code),
      ...smtpFailureFixtures.map((f) => f.expect.code),
      ...tokenFailureFixtures.map((f) => f.expect.code),
      ...claimFixtures.map((f) => f.expect.code),
      ...textFixtures.map((f) => f.expect.code),
      ...runFixtures.map((f) => f.expect.code),
      ...adminFixtures.map((f) => f.expect.code),
    ]);
    const missing = catalog.map((e) => e.code).filter((c) => !expected.has(c));
    expect(missing).toEqual([]);
  });
});
