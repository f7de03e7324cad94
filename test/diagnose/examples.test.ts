import { describe, expect, it } from 'vitest';
import { catalog, diagnoseSecretPastExpiry, diagnoseText } from '../../src/diagnose/index.js';
import type { DiagnosisContext } from '../../src/diagnose/types.js';
import { smtpWrappers, tokenWrappers } from './fixtures.js';

/**
 * Every catalog entry's `example` (Microsoft's or Node's words, verbatim from the reference) goes
 * through `explain`'s engine, bare and wrapped the way other software wraps it, and must come back
 * as that very entry. The fixtures (fixtures.ts) add older wordings and every suffix format.
 */

// Admin entries are built from structured failures of src/admin/ only, never from pasted text.
const withExamples = catalog.filter((e) => e.example !== undefined && e.domain !== 'admin');

/** The 535 5.7.3 entries differ only by what the token carried: the context says it. */
function contextFor(sendAsRole: 'present' | 'absent' | 'unknown' | undefined): DiagnosisContext {
  if (sendAsRole === 'present') return { tokenHasSendAsRole: true };
  if (sendAsRole === 'absent') return { tokenHasSendAsRole: false };
  return {};
}

describe('catalog examples', () => {
  it('every entry Microsoft or the network can produce has an example (local checks and fallbacks excepted)', () => {
    const missing = catalog
      .filter((e) => e.domain !== 'claim' && e.domain !== 'internal' && e.domain !== 'admin' && !e.generic)
      .filter((e) => e.example === undefined)
      .map((e) => e.code);
    expect(missing).toEqual([]);
  });

  it.each(withExamples.map((e) => ({ code: e.code, e })))('$code: its example is recognised as itself', ({ e }) => {
    const r = diagnoseText(e.example ?? '', contextFor(e.recognise.sendAsRole));
    expect(r?.diagnosis.code).toBe(e.code);
    expect(r?.diagnosis.step).toBe(e.step);
    expect(r?.diagnosis.transient).toBe(e.transient);
    expect(r?.diagnosis.propagation).toBe(e.propagation);
  });

  const wrapped = withExamples.flatMap((e) => {
    const wrappers =
      e.domain === 'token'
        ? tokenWrappers
            .filter((w) => ['MSAL.NET', 'log line with date', 'lower-cased'].includes(w.name))
            .map((w) => ({ name: w.name, wrap: (text: string) => w.wrap({ name: '', text, error: '', aadsts: undefined, status: 0, expect: { code: '', step: null, transient: false, propagation: false, exitCode: 0 } }) }))
        : smtpWrappers.filter((w) => ['nodemailer', 'Java mail', 'PHPMailer', 'JSON-escaped log', 'upper-cased'].includes(w.name));
    return wrappers.map((w) => ({ label: `${e.code} / ${w.name}`, text: w.wrap(e.example ?? ''), e }));
  });
  it.each(wrapped)('$label', ({ text, e }) => {
    expect(diagnoseText(text, contextFor(e.recognise.sendAsRole))?.diagnosis.code).toBe(e.code);
  });
});

describe('a client secret past the expiry date given (local check)', () => {
  it('is client-secret-expired, step 1, with the date, saying Entra ID still accepted it', () => {
    const d = diagnoseSecretPastExpiry({ secretExpiresOn: '2026-02-01', clientId: '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f' });
    expect(d).toMatchObject({ code: 'client-secret-expired', step: 1, transient: false, propagation: false, exitCode: 3, source: null });
    expect(d.summary).toContain('expired on 2026-02-01');
    expect(d.summary).toContain('still issued a token');
    expect(d.fix).toContain('Application (client) ID 5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f → Certificates & secrets');
  });

  it('names the date in the diagnosis of AADSTS7000222 too', () => {
    const r = diagnoseText("AADSTS7000222: The provided client secret keys for app 'x' are expired.", { secretExpiresOn: '2026-02-01' });
    expect(r?.diagnosis.code).toBe('client-secret-expired');
    expect(r?.diagnosis.summary).toContain('2026-02-01');
    expect(r?.diagnosis.source).toBe('AADSTS7000222');
  });
});
