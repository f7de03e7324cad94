import { createHash, randomBytes } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';

/**
 * Issues and verifies access tokens shaped like Exchange Online app-only tokens.
 *
 * Exchange Online receives v1.0 tokens even from the v2.0 endpoint, because the token version follows
 * the resource (catalog C): `iss` is `https://sts.windows.net/<tid>/`, `ver` is "1.0", the client is in
 * `appid` (not `azp`). The signature is RS256 with a key published in the sandbox JWKS.
 */

export interface IssueTokenParams {
  tenantId: string;
  clientId: string;
  appDisplayName: string;
  /** The service principal (enterprise application) object id → `oid` and `sub` (catalog C). */
  servicePrincipalObjectId: string;
  /** `https://outlook.office365.com` etc., without `/.default`. */
  audience: string;
  /** Admin-consented application permissions. Empty → no `roles` claim at all (catalog A.0, C). */
  roles: readonly string[];
  lifetimeSeconds: number;
  now?: Date;
  /** Added to (or replacing) the standard claims, e.g. `scp`/`upn` of a delegated token. */
  extraClaims?: Record<string, string>;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
}

/** Claims of an app-only Exchange Online token as the sandbox issues them. */
export interface SandboxTokenClaims extends JWTPayload {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  app_displayname: string;
  appid: string;
  appidacr: string;
  idp: string;
  idtyp: string;
  oid: string;
  roles?: string[];
  sub: string;
  tid: string;
  uti: string;
  ver: string;
}

/** A delegated (user) token: an administrator signed in through a public client (device code flow). */
export interface IssueDelegatedTokenParams {
  tenantId: string;
  /** The public client the user signed in with → `appid`. */
  clientId: string;
  appDisplayName: string;
  user: { objectId: string; userPrincipalName: string; displayName: string };
  /** Without `/.default`, e.g. `https://graph.microsoft.com`. */
  audience: string;
  /** Delegated permissions → `scp`, space-separated as Entra writes it. */
  scopes: readonly string[];
  /** Directory role template ids of the user → `wids`. */
  roleTemplateIds: readonly string[];
  lifetimeSeconds: number;
  now?: Date;
}

export interface TokenIssuer {
  /** Key id (`kid` header, and the JWKS entry's `kid`/`x5t`). */
  readonly kid: string;
  /** The JSON Web Key Set a client fetches from `…/discovery/v2.0/keys`. */
  jwks(issuer: string): { keys: JWK[] };
  issue(params: IssueTokenParams): Promise<IssuedToken>;
  /** A v1.0 delegated access token (`idtyp` user, `scp`, `upn`, `wids`), signed like the app-only ones. */
  issueDelegated(params: IssueDelegatedTokenParams): Promise<IssuedToken>;
  /** An id token (v2.0, for MSAL's account) for the same sign-in; `issuer` is the authority's `…/v2.0`. */
  issueIdToken(params: IssueDelegatedTokenParams, issuer: string): Promise<string>;
  /** Verifies the signature and time claims (exp/nbf, no clock tolerance); throws on failure. */
  verify(token: string): Promise<JWTPayload>;
}

/** v1 issuer (catalog C). */
export function v1Issuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

export async function createTokenIssuer(): Promise<TokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  // Entra's kid (and x5t) is the base64url SHA-1 thumbprint of the signing certificate (27 characters).
  // There is no certificate here, so the thumbprint is taken over the public key instead: same shape.
  const spki = await exportSPKI(publicKey);
  const kid = createHash('sha1').update(spki).digest('base64url');

  return {
    kid,
    jwks(issuer: string) {
      return { keys: [{ kty: 'RSA', use: 'sig', kid, x5t: kid, n: publicJwk.n, e: publicJwk.e, issuer } as JWK] };
    },
    async issue(params: IssueTokenParams): Promise<IssuedToken> {
      const iat = Math.floor((params.now ?? new Date()).getTime() / 1000);
      const exp = iat + params.lifetimeSeconds;
      const claims: Omit<SandboxTokenClaims, 'aud' | 'iss' | 'iat' | 'nbf' | 'exp' | 'sub'> = {
        app_displayname: params.appDisplayName,
        appid: params.clientId,
        // "1": the client authenticated with a secret (catalog C, appidacr).
        appidacr: '1',
        idp: v1Issuer(params.tenantId),
        idtyp: 'app',
        oid: params.servicePrincipalObjectId,
        tid: params.tenantId,
        uti: randomBytes(16).toString('base64url').slice(0, 22),
        ver: '1.0',
      };
      // Only add `roles` when there is something in it: without consent Entra omits the claim (catalog C).
      if (params.roles.length > 0) claims.roles = [...params.roles];
      const accessToken = await new SignJWT({ ...claims, ...params.extraClaims })
        .setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: kid, kid })
        .setAudience(params.audience)
        .setIssuer(v1Issuer(params.tenantId))
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(exp)
        .setSubject(params.servicePrincipalObjectId)
        .sign(privateKey as CryptoKey);
      return { accessToken, expiresIn: params.lifetimeSeconds };
    },
    async issueDelegated(params: IssueDelegatedTokenParams): Promise<IssuedToken> {
      const iat = Math.floor((params.now ?? new Date()).getTime() / 1000);
      // Claims of a v1.0 user token (Microsoft identity platform "access token claims reference"):
      // `appidacr` 0 = public client, `amr` how the user signed in, `wids` the directory roles.
      const accessToken = await new SignJWT({
        acr: '1',
        amr: ['pwd', 'mfa'],
        app_displayname: params.appDisplayName,
        appid: params.clientId,
        appidacr: '0',
        idtyp: 'user',
        name: params.user.displayName,
        oid: params.user.objectId,
        scp: params.scopes.join(' '),
        tid: params.tenantId,
        unique_name: params.user.userPrincipalName,
        upn: params.user.userPrincipalName,
        uti: randomBytes(16).toString('base64url').slice(0, 22),
        ver: '1.0',
        wids: [...params.roleTemplateIds],
      })
        .setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: kid, kid })
        .setAudience(params.audience)
        .setIssuer(v1Issuer(params.tenantId))
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + params.lifetimeSeconds)
        .setSubject(params.user.objectId)
        .sign(privateKey as CryptoKey);
      return { accessToken, expiresIn: params.lifetimeSeconds };
    },
    async issueIdToken(params: IssueDelegatedTokenParams, issuer: string): Promise<string> {
      const iat = Math.floor((params.now ?? new Date()).getTime() / 1000);
      return new SignJWT({
        name: params.user.displayName,
        oid: params.user.objectId,
        preferred_username: params.user.userPrincipalName,
        tid: params.tenantId,
        ver: '2.0',
      })
        .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid })
        .setAudience(params.clientId)
        .setIssuer(issuer)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(iat + 3600)
        .setSubject(params.user.objectId)
        .sign(privateKey as CryptoKey);
    },
    async verify(token: string): Promise<JWTPayload> {
      const { payload } = await jwtVerify(token, publicKey, { algorithms: ['RS256'] });
      return payload;
    },
  };
}
