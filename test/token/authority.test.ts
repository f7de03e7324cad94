import { describe, expect, it } from 'vitest';
import { authorityConfig } from '../../src/token/authority.js';

describe('authorityConfig', () => {
  it('gives Microsoft\'s host static metadata, so a token costs one request', () => {
    const config = authorityConfig('https://login.microsoftonline.com', 'contoso.onmicrosoft.com');
    expect(config.authority).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
    const metadata = JSON.parse(config.authorityMetadata!);
    expect(metadata.token_endpoint).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token');
    // MSAL refuses metadata without these (msal-common isOpenIdConfigResponse).
    for (const key of ['authorization_endpoint', 'token_endpoint', 'issuer', 'jwks_uri']) expect(metadata).toHaveProperty(key);
    const discovery = JSON.parse(config.cloudDiscoveryMetadata!);
    expect(discovery).toHaveProperty('tenant_discovery_endpoint');
    expect(discovery.metadata[0].aliases).toContain('login.microsoftonline.com');
  });
  it('treats another host as a known authority that is discovered (port included)', () => {
    expect(authorityConfig('https://127.0.0.1:8443', 'tenant')).toEqual({ authority: 'https://127.0.0.1:8443/tenant', knownAuthorities: ['127.0.0.1:8443'] });
  });
  it('can force static metadata for another host', () => {
    expect(authorityConfig('https://127.0.0.1:8443', 'tenant', { staticMetadata: true }).authorityMetadata).toContain('https://127.0.0.1:8443/tenant/oauth2/v2.0/token');
  });
});
