// The decode-only entry of jose: the package root loads all of it (about 180 modules), a real share of
// `check`'s start-up (bench/check.mjs); the sandbox, which signs and verifies, takes the root.
import { decodeJwt } from 'jose/jwt/decode';
import type { ClaimProblem } from '../diagnose/types.js';
import { isGuid } from '../inputs/schemas.js';
import { t } from '../messages/index.js';
// A v1 token may carry Exchange Online's app id as `aud` (catalog C, unobserved).
import { EXCHANGE_ONLINE_APP_ID, SEND_AS_APP_ROLE } from '../exchange-online.js';

/** The claims of an Exchange Online app-only token that the check reports (catalog section C). */
export interface TokenClaims {
  aud: string | null;
  /** Application permissions granted with admin consent; absent claim → empty list. */
  roles: string[];
  tid: string | null;
  /** The application (client) id: `appid` in v1 tokens (Exchange's), `azp` in v2. */
  appid: string | null;
  /** The service principal's object id: exactly what `New-ServicePrincipal -ObjectId` needs. */
  oid: string | null;
  exp: number | null;
  /** Present only in delegated tokens; their presence means the wrong flow was used. */
  scp?: string;
  upn?: string;
  ver?: string;
  appDisplayName?: string;
}

export { SEND_AS_APP_ROLE };

export class UndecodableTokenError extends Error {}

export function decodeClaims(accessToken: string): TokenClaims {
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(accessToken);
  } catch (error) {
    throw new UndecodableTokenError(t('token.undecodable', { reason: (error as Error).message }));
  }
  const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const aud = Array.isArray(payload.aud) ? str(payload.aud[0]) : str(payload.aud);
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  const scp = str(payload.scp);
  const upn = str(payload.upn) ?? str(payload.unique_name);
  const ver = str(payload.ver);
  const name = str(payload.app_displayname);
  return {
    aud,
    roles,
    tid: str(payload.tid),
    appid: str(payload.appid) ?? str(payload.azp),
    oid: str(payload.oid),
    exp: typeof payload.exp === 'number' ? payload.exp : null,
    ...(scp !== null && { scp }),
    ...(upn !== null && { upn }),
    ...(ver !== null && { ver }),
    ...(name !== null && { appDisplayName: name }),
  };
}

export interface ClaimExpectations {
  tenantId: string;
  clientId: string;
  audiences: readonly string[];
  nowSeconds: number;
}

export interface ClaimCheck {
  problems: ClaimProblem[];
  warnings: string[];
}

/**
 * What can be known before AUTH: a token that fails one of these cannot work for SMTP, and sending it
 * would only earn an opaque `535 5.7.3`.
 */
export function checkClaims(claims: TokenClaims, expected: ClaimExpectations): ClaimCheck {
  const problems: ClaimProblem[] = [];
  const warnings: string[] = [];

  if (claims.scp !== undefined || claims.upn !== undefined) {
    problems.push({ kind: 'delegated', ...(claims.scp !== undefined && { scp: claims.scp }), ...(claims.upn !== undefined && { upn: claims.upn }) });
  }
  if (!claims.roles.includes(SEND_AS_APP_ROLE)) problems.push({ kind: 'missing-role', roles: claims.roles });

  const aud = (claims.aud ?? '').replace(/\/+$/, '').toLowerCase();
  if (aud === EXCHANGE_ONLINE_APP_ID) {
    warnings.push(t('token.audience-app-id', { appId: EXCHANGE_ONLINE_APP_ID }));
  } else if (!expected.audiences.some((a) => a.toLowerCase() === aud)) {
    problems.push({ kind: 'audience', aud: claims.aud ?? '', expected: [...expected.audiences] });
  }

  // A tenant given as a domain cannot be compared with the GUID in `tid`.
  if (isGuid(expected.tenantId) && claims.tid && claims.tid.toLowerCase() !== expected.tenantId.toLowerCase()) {
    problems.push({ kind: 'tenant-mismatch', tid: claims.tid, expected: expected.tenantId });
  }
  if (claims.appid && claims.appid.toLowerCase() !== expected.clientId.toLowerCase()) {
    problems.push({ kind: 'app-mismatch', appid: claims.appid, expected: expected.clientId });
  }
  if (claims.exp !== null && claims.exp <= expected.nowSeconds) {
    problems.push({ kind: 'expired', exp: claims.exp, now: expected.nowSeconds });
  }
  return { problems, warnings };
}
