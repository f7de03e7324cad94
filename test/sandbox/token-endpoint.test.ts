import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServerError } from '@azure/msal-node';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { EXCHANGE_SCOPE, SANDBOX_IDS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { httpsRequest, msalToken, postToken, rejectionOf } from './helpers.js';

// Entra's A.0 error body: description with \r\n-separated trailer, timestamp without milliseconds.
const DESCRIPTION_TRAILER =
  /\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/;

interface EntraBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.applyScenario('healthy');
});

describe('discovery and keys', () => {
  it('serves an OpenID configuration MSAL accepts, by tenant id or any domain (case-insensitive)', async () => {
    for (const tenant of [SANDBOX_IDS.tenantId, 'CONTOSO-SANDBOX.onmicrosoft.com', 'contoso-sandbox.test']) {
      const res = await httpsRequest(`${sandbox.authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`, {
        ca: sandbox.caPem,
      });
      expect(res.status).toBe(200);
      const config = JSON.parse(res.body) as Record<string, unknown>;
      expect(config.token_endpoint).toBe(`${sandbox.authorityHost}/${SANDBOX_IDS.tenantId}/oauth2/v2.0/token`);
      expect(config.issuer).toBe(`${sandbox.authorityHost}/${SANDBOX_IDS.tenantId}/v2.0`);
      expect(config.jwks_uri).toBe(`${sandbox.authorityHost}/${SANDBOX_IDS.tenantId}/discovery/v2.0/keys`);
      expect(config.authorization_endpoint).toMatch(/\/oauth2\/v2\.0\/authorize$/);
      expect(config.response_modes_supported).toContain('form_post');
    }
  });

  it('answers discovery for an unknown tenant with 400 invalid_tenant AADSTS90002', async () => {
    const res = await httpsRequest(
      `${sandbox.authorityHost}/${SANDBOX_IDS.unknownTenantId}/v2.0/.well-known/openid-configuration`,
      { ca: sandbox.caPem },
    );
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as EntraBody;
    expect(body.error).toBe('invalid_tenant');
    expect(body.error_codes).toEqual([90002]);
    expect(body.error_description).toContain(`AADSTS90002: Tenant '${SANDBOX_IDS.unknownTenantId}' not found.`);
  });

  it('answers a malformed tenant identifier with AADSTS900023', async () => {
    const res = await httpsRequest(`${sandbox.authorityHost}/contoso%20sandbox/v2.0/.well-known/openid-configuration`, {
      ca: sandbox.caPem,
    });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as EntraBody;
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(
      /^AADSTS900023: Specified tenant identifier 'contoso sandbox' is neither a valid DNS name, nor a valid external domain\.\r\n/,
    );
  });

  it('publishes the signing key: issued tokens verify against the JWKS', async () => {
    const res = await httpsRequest(`${sandbox.authorityHost}/${SANDBOX_IDS.tenantId}/discovery/v2.0/keys`, {
      ca: sandbox.caPem,
    });
    expect(res.status).toBe(200);
    const jwks = JSON.parse(res.body) as { keys: { kid: string; kty: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.kty).toBe('RSA');
    const result = await msalToken(sandbox);
    const header = decodeProtectedHeader(result.accessToken);
    expect(header).toMatchObject({ typ: 'JWT', alg: 'RS256', kid: jwks.keys[0]?.kid });
    await expect(jwtVerify(result.accessToken, createLocalJWKSet(jwks as never))).resolves.toBeTruthy();
  });
});

describe('client credentials with real MSAL', () => {
  it('issues an Exchange Online app-only v1 token with the service principal as oid', async () => {
    const before = sandbox.stats().tokenRequests;
    const result = await msalToken(sandbox);
    expect(result.tokenType).toBe('Bearer');
    const claims = decodeJwt(result.accessToken);
    expect(claims).toMatchObject({
      aud: 'https://outlook.office365.com',
      iss: `https://sts.windows.net/${SANDBOX_IDS.tenantId}/`,
      idp: `https://sts.windows.net/${SANDBOX_IDS.tenantId}/`,
      appid: SANDBOX_IDS.clientId,
      appidacr: '1',
      idtyp: 'app',
      oid: SANDBOX_IDS.servicePrincipalObjectId,
      sub: SANDBOX_IDS.servicePrincipalObjectId,
      tid: SANDBOX_IDS.tenantId,
      ver: '1.0',
      roles: ['SMTP.SendAsApp'],
      app_displayname: sandbox.tenant.apps[0]?.displayName,
    });
    // The classic mistake is using the app registration's object id: it must not be the oid.
    expect(claims.oid).not.toBe(SANDBOX_IDS.appObjectId);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3599);
    expect(claims.nbf).toBe(claims.iat);
    expect(sandbox.stats().tokenRequests).toBe(before + 1);
    expect(sandbox.requestLog.at(-1)).toMatchObject({
      method: 'POST',
      path: `/${SANDBOX_IDS.tenantId}/oauth2/v2.0/token`,
      status: 200,
    });
  });

  it('accepts a verified domain instead of the tenant id', async () => {
    const result = await msalToken(sandbox, { tenantId: 'contoso-sandbox.onmicrosoft.com' });
    expect(decodeJwt(result.accessToken).tid).toBe(SANDBOX_IDS.tenantId);
  });

  it('issues a token WITHOUT a roles claim when admin consent is missing', async () => {
    sandbox.applyScenario('no-admin-consent');
    const result = await msalToken(sandbox);
    const claims = decodeJwt(result.accessToken);
    expect(claims).not.toHaveProperty('roles');
    expect(claims.oid).toBe(SANDBOX_IDS.servicePrincipalObjectId);
  });

  const cases: { scenario: string; status: number; errorCode: string; errorNo: number; text: RegExp }[] = [
    {
      scenario: 'secret-id-instead-of-value',
      status: 401,
      errorCode: 'invalid_client',
      errorNo: 7000215,
      text: new RegExp(
        `AADSTS7000215: Invalid client secret provided\\. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${SANDBOX_IDS.clientId}'\\.`,
      ),
    },
    { scenario: 'wrong-secret', status: 401, errorCode: 'invalid_client', errorNo: 7000215, text: /AADSTS7000215: / },
    {
      scenario: 'expired-secret',
      status: 401,
      errorCode: 'invalid_client',
      errorNo: 7000222,
      text: new RegExp(
        `AADSTS7000222: The provided client secret keys for app '${SANDBOX_IDS.clientId}' are expired\\. Visit the Azure portal`,
      ),
    },
    {
      scenario: 'unknown-app',
      status: 400,
      errorCode: 'unauthorized_client',
      errorNo: 700016,
      text: new RegExp(
        `AADSTS700016: Application with identifier '${SANDBOX_IDS.unknownClientId}' was not found in the directory '${SANDBOX_IDS.tenantId}'\\.`,
      ),
    },
    {
      scenario: 'app-disabled',
      status: 400,
      errorCode: 'unauthorized_client',
      errorNo: 7000112,
      text: new RegExp(`AADSTS7000112: Application '${SANDBOX_IDS.clientId}'\\(SMTP OAuth sender \\(sandbox\\)\\) is disabled\\.`),
    },
    {
      scenario: 'no-enterprise-app',
      status: 401,
      errorCode: 'invalid_client',
      errorNo: 7000229,
      text: /AADSTS7000229: The client application .* is missing service principal in the tenant /,
    },
  ];

  for (const c of cases) {
    it(`${c.scenario} → HTTP ${c.status} ${c.errorCode} AADSTS${c.errorNo}`, async () => {
      sandbox.applyScenario(c.scenario);
      const err = await rejectionOf<ServerError>(msalToken(sandbox));
      expect(err).toBeInstanceOf(ServerError);
      expect(err.errorCode).toBe(c.errorCode);
      expect(Number(err.errorNo)).toBe(c.errorNo);
      expect(err.status).toBe(c.status);
      expect(err.errorMessage).toMatch(c.text);
      expect(sandbox.requestLog.at(-1)?.status).toBe(c.status);
    });
  }

  it('unknown-tenant → AADSTS90002 from the token endpoint (static metadata)', async () => {
    sandbox.applyScenario('unknown-tenant');
    const err = await rejectionOf<ServerError>(msalToken(sandbox, { staticMetadata: true }));
    expect(err).toBeInstanceOf(ServerError);
    expect(err.errorCode).toBe('invalid_tenant');
    expect(Number(err.errorNo)).toBe(90002);
    expect(err.status).toBe(400);
    expect(err.errorMessage).toContain(`AADSTS90002: Tenant '${SANDBOX_IDS.unknownTenantId}' not found.`);
  });

  it('unknown-tenant with discovery: MSAL fails to resolve the endpoints (the 400 comes from discovery)', async () => {
    sandbox.applyScenario('unknown-tenant');
    const posts = sandbox.stats().tokenRequests;
    const err = await rejectionOf<{ errorCode: string }>(msalToken(sandbox));
    expect(err.errorCode).toBe('endpoints_resolution_error');
    expect(sandbox.stats().tokenRequests).toBe(posts);
    expect(sandbox.requestLog.at(-1)).toMatchObject({
      method: 'GET',
      path: `/${SANDBOX_IDS.unknownTenantId}/v2.0/.well-known/openid-configuration`,
      status: 400,
    });
  });

  it('token-endpoint-unavailable → 503 temporarily_unavailable with Retry-After', async () => {
    sandbox.applyScenario('token-endpoint-unavailable');
    const err = await rejectionOf<ServerError>(msalToken(sandbox));
    expect(err.errorCode).toBe('temporarily_unavailable');
    const raw = await postToken(sandbox, SANDBOX_IDS.tenantId, { client_id: SANDBOX_IDS.clientId });
    expect(raw.status).toBe(503);
    expect(raw.headers['retry-after']).toBe('30');
    expect(JSON.parse(raw.body)).toMatchObject({ error: 'temporarily_unavailable' });
  });
});

describe('raw token endpoint behaviour', () => {
  const good = () => ({
    client_id: sandbox.client.clientId,
    client_secret: sandbox.client.clientSecret,
    scope: EXCHANGE_SCOPE,
    grant_type: 'client_credentials',
  });

  it('answers success exactly in Entra shape', async () => {
    const res = await postToken(sandbox, SANDBOX_IDS.tenantId, good());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'ext_expires_in', 'access_token']);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
  });

  it('answers errors exactly in Entra shape (catalog A.0), echoing client-request-id as correlation id', async () => {
    const correlation = '0b8f6c1e-2d3a-4b5c-9e8f-7a6b5c4d3e2f';
    const res = await httpsRequest(`${sandbox.authorityHost}/${SANDBOX_IDS.tenantId}/oauth2/v2.0/token`, {
      ca: sandbox.caPem,
      method: 'POST',
      body: new URLSearchParams({ ...good(), client_secret: SANDBOX_IDS.secretId }).toString(),
      headers: { 'client-request-id': correlation },
    });
    expect(res.status).toBe(401);
    const body = JSON.parse(res.body) as EntraBody;
    expect(Object.keys(body)).toEqual([
      'error',
      'error_description',
      'error_codes',
      'timestamp',
      'trace_id',
      'correlation_id',
      'error_uri',
    ]);
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided\./);
    expect(body.error_description).toMatch(DESCRIPTION_TRAILER);
    expect(body.error_description).toContain(`Trace ID: ${body.trace_id}\r\n`);
    expect(body.error_description).toContain(`Correlation ID: ${correlation}\r\n`);
    expect(body.error_description.endsWith(`Timestamp: ${body.timestamp}`)).toBe(true);
    expect(body.correlation_id).toBe(correlation);
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);
    expect(body.error_codes).toEqual([7000215]);
    expect(body.error_uri).toBe('https://login.microsoftonline.com/error?code=7000215');
  });

  const negative: { name: string; tenant?: string; form: () => Record<string, string>; status: number; error: string; code: number; text?: string }[] = [
    {
      name: 'unknown tenant',
      tenant: SANDBOX_IDS.unknownTenantId,
      form: () => good(),
      status: 400,
      error: 'invalid_tenant',
      code: 90002,
    },
    { name: 'malformed tenant', tenant: 'not a tenant', form: () => good(), status: 400, error: 'invalid_request', code: 900023 },
    { name: '/common', tenant: 'common', form: () => good(), status: 400, error: 'invalid_request', code: 50059 },
    {
      name: 'missing client_id',
      form: () => ({ ...good(), client_id: '' }),
      status: 400,
      error: 'invalid_request',
      code: 900144,
      text: "The request body must contain the following parameter: 'client_id'.",
    },
    {
      name: 'no secret and no assertion',
      form: () => {
        const { client_secret: _omit, ...rest } = good();
        return rest;
      },
      status: 401,
      error: 'invalid_client',
      code: 7000218,
      text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    },
    {
      name: 'secret of the right shape but wrong case',
      form: () => ({ ...good(), client_secret: sandbox.client.clientSecret.toUpperCase() }),
      status: 401,
      error: 'invalid_client',
      code: 7000215,
    },
    {
      name: 'scope not ending in /.default',
      form: () => ({ ...good(), scope: 'https://outlook.office365.com/SMTP.SendAsApp' }),
      status: 400,
      error: 'invalid_scope',
      code: 1002012,
      text: 'The provided value for scope https://outlook.office365.com/SMTP.SendAsApp is not valid. Client credential flows must have a scope value with /.default suffixed',
    },
    {
      name: "another cloud's resource",
      form: () => ({ ...good(), scope: 'https://outlook.office365.us/.default' }),
      status: 400,
      error: 'invalid_resource',
      code: 500011,
      text: 'The resource principal named https://outlook.office365.us was not found in the tenant named Contoso Sandbox.',
    },
    {
      name: 'several scope values',
      form: () => ({ ...good(), scope: `${EXCHANGE_SCOPE} offline_access` }),
      status: 400,
      error: 'invalid_scope',
      code: 70011,
    },
    {
      name: 'wrong grant type',
      form: () => ({ ...good(), grant_type: 'password' }),
      status: 400,
      error: 'unsupported_grant_type',
      code: 70003,
    },
  ];

  for (const n of negative) {
    it(`${n.name} → ${n.status} ${n.error} AADSTS${n.code}`, async () => {
      const res = await postToken(sandbox, n.tenant ?? SANDBOX_IDS.tenantId, n.form());
      expect(res.status).toBe(n.status);
      const body = JSON.parse(res.body) as EntraBody;
      expect(body.error).toBe(n.error);
      expect(body.error_codes).toEqual([n.code]);
      expect(body.error_description.startsWith(`AADSTS${n.code}: ${n.text ?? ''}`)).toBe(true);
      expect(body.error_description).toMatch(DESCRIPTION_TRAILER);
    });
  }

  it('checks the tenant before the client, and the client before the secret', async () => {
    const unknownEverything = {
      client_id: SANDBOX_IDS.unknownClientId,
      client_secret: 'x',
      scope: 'bad',
      grant_type: 'bad',
    };
    const a = await postToken(sandbox, SANDBOX_IDS.unknownTenantId, unknownEverything);
    expect((JSON.parse(a.body) as EntraBody).error_codes).toEqual([90002]);
    const b = await postToken(sandbox, SANDBOX_IDS.tenantId, unknownEverything);
    expect((JSON.parse(b.body) as EntraBody).error_codes).toEqual([700016]);
    const c = await postToken(sandbox, SANDBOX_IDS.tenantId, { ...unknownEverything, client_id: SANDBOX_IDS.clientId });
    expect((JSON.parse(c.body) as EntraBody).error_codes).toEqual([7000215]);
  });

  it('a Graph token is issued (it exists in every tenant) but carries no Exchange roles', async () => {
    const res = await postToken(sandbox, SANDBOX_IDS.tenantId, { ...good(), scope: 'https://graph.microsoft.com/.default' });
    expect(res.status).toBe(200);
    const claims = decodeJwt((JSON.parse(res.body) as { access_token: string }).access_token);
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expect(claims).not.toHaveProperty('roles');
  });

  it('fault injection: a 429 with Retry-After for one request, then normal service', async () => {
    sandbox.faults.tokenEndpoint = {
      kind: 'respond',
      status: 429,
      headers: { 'retry-after': '7' },
      body: { error: 'temporarily_unavailable' },
      remaining: 1,
    };
    const first = await postToken(sandbox, SANDBOX_IDS.tenantId, good());
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('7');
    const second = await postToken(sandbox, SANDBOX_IDS.tenantId, good());
    expect(second.status).toBe(200);
  });

  it('fault injection: a hanging token endpoint makes the client time out', async () => {
    sandbox.faults.tokenEndpoint = { kind: 'hang' };
    const started = Date.now();
    const err = await rejectionOf<{ errorCode: string }>(msalToken(sandbox, { staticMetadata: true, timeoutMs: 300 }));
    expect(err.errorCode).toBe('network_error');
    expect(Date.now() - started).toBeLessThan(3000);
    const last = sandbox.requestLog.at(-1);
    expect(last).toMatchObject({ method: 'POST', status: null });
  });
});
