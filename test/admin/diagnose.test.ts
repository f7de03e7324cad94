import { describe, expect, it } from 'vitest';
import { diagnoseAdmin } from '../../src/admin/errors.js';
import { wordsForFacts } from '../../src/diagnose/words.js';
import { diagnoseAdminFailure } from '../../src/diagnose/index.js';
import { loadLanguage } from '../../src/messages/index.js';
import { adminFixtures } from '../diagnose/fixtures.js';

// The administrator's failures through the diagnosis engine: by AADSTS number or OAuth class of the
// sign-in, Graph's error code, the HTTP status and key phrase; local checks built directly.

describe('admin failures → catalog entries', () => {
  it.each(adminFixtures)('$name', (f) => {
    const d = diagnoseAdminFailure(f.failure, {}, f.admin);
    expect({ code: d.code, step: d.step, transient: d.transient, propagation: d.propagation, exitCode: d.exitCode }).toEqual(f.expect);
    expect(d.summary.trim()).not.toBe('');
    expect(d.fix.trim()).not.toBe('');
  });

  it('a refusal names the roles of the refused operation (diagnoseAdmin fills them from the requirements)', () => {
    const d = diagnoseAdmin({ kind: 'answer', service: 'graph', operation: 'grant-permission', status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    expect(d.code).toBe('admin-role-missing');
    expect(d.summary).toBe(
      'The signed-in account may not grant the application permission SMTP.SendAsApp (admin consent): "Insufficient privileges to complete the operation." That needs one of the roles Privileged Role Administrator, Global Administrator, Cloud Application Administrator, or Application Administrator.',
    );
  });

  it('a throttled answer says how long to wait (Retry-After), and is transient', () => {
    const d = diagnoseAdmin({ kind: 'answer', service: 'exchange', operation: 'exchange-admin', cmdlet: 'Add-MailboxPermission', status: 429, message: '', retryAfterSeconds: 90 });
    expect(d).toMatchObject({ code: 'admin-throttled', transient: true });
    expect(d.summary).toContain('90 seconds');
  });

  it('a transport failure is a network diagnosis, as for the token endpoint', () => {
    const d = diagnoseAdmin({ kind: 'transport', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1', host: 'graph.microsoft.com', port: 443 });
    expect(d.exitCode).toBe(6);
    expect(d.code).not.toMatch(/^admin-/);
  });
});

describe('the words in English and German (a few real renderings)', () => {
  const missingScope = { admin: { operation: 'read-policy' as const, missingScopes: ['Policy.Read.All'], signInClient: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' } };
  const roleMissing = { quoted: 'Insufficient privileges to complete the operation.', admin: { operation: 'write-applications' as const, neededRoles: ['applicationAdministrator' as const, 'cloudApplicationAdministrator' as const, 'globalAdministrator' as const] } };

  it('English', async () => {
    const en = await loadLanguage('en');
    expect(wordsForFacts('admin-scope-missing', missingScope, en.render).summary).toBe(
      "The administrator's token does not carry the delegated permission Policy.Read.All, needed to read the Security defaults setting. The token was checked before any change: nothing was changed.",
    );
    expect(wordsForFacts('admin-role-missing', roleMissing, en.render).summary).toBe(
      'The signed-in account may not create or change the app registration, its service principal and its credentials: "Insufficient privileges to complete the operation." That needs one of the roles Application Administrator, Cloud Application Administrator, or Global Administrator.',
    );
  });

  it('German', async () => {
    const de = await loadLanguage('de');
    expect(wordsForFacts('admin-scope-missing', missingScope, de.render).summary).toBe(
      'Das Token des Administrators enthält die delegierte Berechtigung Policy.Read.All nicht, die nötig ist, um die Einstellung „Sicherheitsstandards“ zu lesen. Das Token wurde vor jeder Änderung geprüft: Es wurde nichts geändert.',
    );
    expect(wordsForFacts('admin-role-missing', roleMissing, de.render).summary).toBe(
      'Das angemeldete Konto darf die App-Registrierung, ihren Dienstprinzipal und ihre Anmeldeinformationen nicht anlegen oder ändern: „Insufficient privileges to complete the operation.“ Dafür ist eine dieser Rollen nötig: Anwendungsadministrator (Application Administrator), Cloudanwendungsadministrator (Cloud Application Administrator) oder Globaler Administrator (Global Administrator).',
    );
    expect(de.t('admin.sign-in.default-client', { clientName: 'Microsoft Azure CLI', clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' })).toBe(
      'Sie melden sich als Administrator über Microsoft Azure CLI (04b07795-8ddb-461a-bbee-02f9e1bf7b46) an, einen öffentlichen Client von Microsoft: Dieses Werkzeug hat in Ihrem Mandanten noch keine eigene App. Um sich stattdessen über Ihren eigenen öffentlichen Client anzumelden, geben Sie dessen Client-ID an.',
    );
  });
});
