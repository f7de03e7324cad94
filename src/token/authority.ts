import { MICROSOFT_AUTHORITY_HOSTS } from '../cloud.js';

/**
 * How MSAL is told about the authority. For Microsoft's own hosts the metadata is static, so a
 * token costs one HTTP request (no instance discovery, no openid-configuration GET). For any other
 * host (the sandbox, a test double) MSAL treats it as a known authority and reads
 * `{host}/{tenant}/v2.0/.well-known/openid-configuration`, posting to the token_endpoint named there.
 */
export interface AuthorityConfig {
  authority: string;
  knownAuthorities: string[];
  authorityMetadata?: string;
  cloudDiscoveryMetadata?: string;
}

export function authorityConfig(authorityHost: string, tenant: string, options: { staticMetadata?: boolean } = {}): AuthorityConfig {
  const origin = new URL(authorityHost);
  const authority = `${origin.origin}/${tenant}`;
  const useStatic = options.staticMetadata ?? MICROSOFT_AUTHORITY_HOSTS.has(origin.hostname);
  if (!useStatic) return { authority, knownAuthorities: [origin.host] };
  return {
    authority,
    knownAuthorities: [origin.host],
    authorityMetadata: JSON.stringify(openIdConfiguration(origin.origin, tenant)),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${origin.origin}/{tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: origin.host, preferred_cache: origin.host, aliases: [origin.host] }],
    }),
  };
}

/**
 * The fields MSAL requires of an openid-configuration (msal-common `isOpenIdConfigResponse`), laid out
 * as Entra ID publishes them for a tenant. Only `token_endpoint` is used by client credentials.
 */
function openIdConfiguration(origin: string, tenant: string) {
  return {
    token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
    authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
    jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
    issuer: `${origin}/${tenant}/v2.0`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
  };
}
