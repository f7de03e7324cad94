import { describe, expect, it } from 'vitest';
import { certificateExpiryMessage, expiryInstant, secretExpiryMessage, secretExpiryStatus, secretExpiryWarning } from '../../src/check/secret-expiry.js';
import { loadLanguage } from '../../src/messages/index.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const CLIENT = '5c9d2a5e-1f3b-4c7d-9e8f-0a1b2c3d4e5f';

describe('secretExpiryStatus (pure, injected now)', () => {
  it.each([
    ['2027-01-01', 30, 'valid', 306],
    ['2026-03-31', 30, 'expiring', 30],
    ['2026-03-31', 29, 'valid', 30],
    ['2026-03-02', 30, 'expiring', 1],
    ['2026-03-02', 0, 'valid', 1],
    // A date alone counts from the start of that day: on the day itself the secret may already be gone.
    ['2026-03-01', 30, 'expired', 0],
    ['2025-12-24', 30, 'expired', 0],
    ['2026-03-01T12:00:01Z', 30, 'expiring', 1],
    ['2026-03-01T11:59:59Z', 30, 'expired', 0],
  ] as const)('%s with --warn-days %i → %s (%i days left)', (expiresOn, warnDays, state, daysLeft) => {
    expect(secretExpiryStatus(expiresOn, NOW, warnDays)).toEqual({ state, expiresOn, daysLeft });
  });

  it('reads a date alone as midnight UTC', () => {
    expect(new Date(expiryInstant('2026-03-31')).toISOString()).toBe('2026-03-31T00:00:00.000Z');
  });
});

describe('secretExpiryMessage: what the warning says, as a message', () => {
  it('carries the instant, the days left and the client id', () => {
    expect(secretExpiryMessage(secretExpiryStatus('2026-03-13', NOW, 30), CLIENT)).toEqual({
      id: 'check.secret-expiring',
      params: { expiresOn: new Date('2026-03-13T00:00:00Z'), daysLeft: 12, clientId: CLIENT },
    });
    expect(secretExpiryMessage(secretExpiryStatus('2026-03-02', NOW, 30))?.params).toEqual({ expiresOn: new Date('2026-03-02T00:00:00Z'), daysLeft: 1 });
  });

  it('in German: the date, the days and the portal path in the German portal\'s words', async () => {
    const de = await loadLanguage('de');
    const warning = de.render(secretExpiryMessage(secretExpiryStatus('2026-03-13', NOW, 30), CLIENT)!);
    expect(warning).toContain('läuft am 13.03.2026 ab (in 12\u00a0Tagen)');
    expect(warning).toContain(`Anwendungs-ID (Client) ${CLIENT} → Zertifikate & Geheimnisse → Geheime Clientschlüssel → Neuer geheimer Clientschlüssel`);
  });
});

describe('secretExpiryWarning (rendered, English)', () => {
  it('names the date, the days left and the portal path to the next secret', () => {
    const warning = secretExpiryWarning(secretExpiryStatus('2026-03-13', NOW, 30), CLIENT);
    expect(warning).toContain('expires on 2026-03-13 (in 12 days)');
    expect(warning).toContain('AADSTS7000222');
    expect(warning).toContain(`Application (client) ID ${CLIENT} → Certificates & secrets → Client secrets → New client secret`);
    expect(warning).toContain('--secret-expires');
  });

  it('says "within a day" on the last day, and uses a placeholder without a client id', () => {
    const warning = secretExpiryWarning(secretExpiryStatus('2026-03-02', NOW, 30));
    expect(warning).toContain('(within a day)');
    expect(warning).toContain('<client id>');
  });

  it('warns only while expiring: not when valid, not when expired (that is a diagnosis)', () => {
    expect(secretExpiryWarning(secretExpiryStatus('2027-01-01', NOW, 30), CLIENT)).toBeNull();
    expect(secretExpiryWarning(secretExpiryStatus('2026-01-01', NOW, 30), CLIENT)).toBeNull();
  });
});

describe('certificateExpiryMessage: a certificate carries its own date', () => {
  const certificate = (notAfter: string) => ({ notAfter: new Date(notAfter), thumbprintSha1: 'AB12' });

  it('warns within --warn-days, naming the thumbprint, the date and where to upload the next one', async () => {
    const warning = certificateExpiryMessage(certificate('2026-03-20T00:00:00Z'), NOW, 30, CLIENT);
    expect(warning).toEqual({ id: 'check.certificate-expiring', params: { thumbprint: 'AB12', expiresOn: new Date('2026-03-20T00:00:00Z'), daysLeft: 19, clientId: CLIENT } });
    const en = await loadLanguage('en');
    expect(en.render(warning!)).toContain('The certificate AB12 expires on 2026-03-20 (in 19 days)');
    expect(en.render(warning!)).toContain(`Application (client) ID ${CLIENT} → Certificates & secrets → Certificates → Upload certificate`);
  });

  it('says nothing outside the window', () => {
    expect(certificateExpiryMessage(certificate('2026-03-20T00:00:00Z'), NOW, 10, CLIENT)).toBeNull();
    expect(certificateExpiryMessage(certificate('2027-03-20T00:00:00Z'), NOW, 30, CLIENT)).toBeNull();
  });
});
