import { describe, expect, it } from 'vitest';
import { checkClaims, decodeClaims, UndecodableTokenError } from '../../src/token/claims.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const OID = '99999999-8888-4777-8666-555555555555';
const NOW = 1_800_000_000;

/** An unsigned JWT with the given payload: decoding does not verify, Exchange does. */
function jwt(payload: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(payload)}.c2ln`;
}

const good = { aud: 'https://outlook.office365.com', iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT, appid: CLIENT, oid: OID, roles: ['SMTP.SendAsApp'], exp: NOW + 3600, ver: '1.0', app_displayname: 'Printer relay' };
const expectations = { tenantId: TENANT, clientId: CLIENT, audiences: ['https://outlook.office365.com', 'https://outlook.office.com'], nowSeconds: NOW };

describe('decodeClaims', () => {
  it('reads the claims the check reports', () => {
    expect(decodeClaims(jwt(good))).toEqual({ aud: good.aud, roles: ['SMTP.SendAsApp'], tid: TENANT, appid: CLIENT, oid: OID, exp: NOW + 3600, ver: '1.0', appDisplayName: 'Printer relay' });
  });
  it('treats an absent roles claim (no admin consent) as no roles', () => {
    const { roles: _r, ...noRoles } = good;
    expect(decodeClaims(jwt(noRoles)).roles).toEqual([]);
  });
  it('reads azp when a v2 token has no appid', () => {
    const { appid: _a, ...v2 } = good;
    expect(decodeClaims(jwt({ ...v2, azp: CLIENT })).appid).toBe(CLIENT);
  });
  it('throws a typed error for a token that is not a JWT', () => {
    expect(() => decodeClaims('not-a-jwt')).toThrow(UndecodableTokenError);
  });
});

describe('checkClaims', () => {
  it('finds nothing wrong with a good token', () => {
    expect(checkClaims(decodeClaims(jwt(good)), expectations)).toEqual({ problems: [], warnings: [] });
  });
  it('accepts a trailing slash and outlook.office.com', () => {
    expect(checkClaims(decodeClaims(jwt({ ...good, aud: 'https://outlook.office365.com/' })), expectations).problems).toEqual([]);
    expect(checkClaims(decodeClaims(jwt({ ...good, aud: 'https://outlook.office.com' })), expectations).problems).toEqual([]);
  });
  it('warns but does not fail on the Exchange app id as audience', () => {
    const result = checkClaims(decodeClaims(jwt({ ...good, aud: '00000002-0000-0ff1-ce00-000000000000' })), expectations);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toHaveLength(1);
  });
  it.each([
    ['missing role', { roles: ['IMAP.AccessAsApp'] }, { kind: 'missing-role', roles: ['IMAP.AccessAsApp'] }],
    ['Graph audience', { aud: 'https://graph.microsoft.com' }, { kind: 'audience', aud: 'https://graph.microsoft.com', expected: expectations.audiences }],
    ['other tenant', { tid: '00000000-0000-4000-8000-000000000000' }, { kind: 'tenant-mismatch', tid: '00000000-0000-4000-8000-000000000000', expected: TENANT }],
    ['other app', { appid: '00000000-0000-4000-8000-000000000001' }, { kind: 'app-mismatch', appid: '00000000-0000-4000-8000-000000000001', expected: CLIENT }],
    ['expired', { exp: NOW - 1 }, { kind: 'expired', exp: NOW - 1, now: NOW }],
    ['delegated', { scp: 'SMTP.Send', upn: 'someone@contoso.com' }, { kind: 'delegated', scp: 'SMTP.Send', upn: 'someone@contoso.com' }],
  ])('%s', (_name, change, problem) => {
    expect(checkClaims(decodeClaims(jwt({ ...good, ...change })), expectations).problems).toContainEqual(problem);
  });
  it('does not compare tid when the tenant was given as a domain', () => {
    const result = checkClaims(decodeClaims(jwt(good)), { ...expectations, tenantId: 'contoso.onmicrosoft.com' });
    expect(result.problems).toEqual([]);
  });
});
