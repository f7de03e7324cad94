import type { IncomingMessage } from 'node:http';
import { errors as joseErrors } from 'jose';
import { findAdmin, type AdminUser, type EntraRole } from './directory.js';
import type { TenantState } from './tenant.js';
import type { TokenIssuer } from './token-issuer.js';

/**
 * The bearer token check shared by Graph and the Exchange admin endpoint: a delegated administrator
 * token (device-code.ts) signed by the sandbox, for the right resource and tenant, from an
 * administrator the tenant knows. automation-notes.md §1: "the `scp` claim must hold what the next
 * calls need".
 */

export type TokenRefusal = 'missing' | 'invalid' | 'expired' | 'audience';

export interface AdminCaller {
  admin: AdminUser;
  /** `scp`, split. */
  scopes: Set<string>;
  /** `appid`: the public client signed in with. */
  clientId: string;
}

export async function authenticateAdmin(
  req: IncomingMessage,
  issuer: TokenIssuer,
  audiences: readonly string[],
  tenantOf: (tenantId: string) => TenantState | undefined,
): Promise<{ caller: AdminCaller; tenant: TenantState } | { refused: TokenRefusal }> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return { refused: 'missing' };
  let claims: Record<string, unknown>;
  try {
    claims = (await issuer.verify(match[1])) as Record<string, unknown>;
  } catch (error) {
    return { refused: error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
  }
  if (typeof claims.aud !== 'string' || !audiences.includes(claims.aud.toLowerCase())) return { refused: 'audience' };
  const tenant = typeof claims.tid === 'string' ? tenantOf(claims.tid) : undefined;
  // An app-only token (no `scp`) or a user the tenant does not have cannot act as an administrator.
  const admin = tenant && typeof claims.oid === 'string' ? findAdmin(tenant.directory, claims.oid) : undefined;
  if (!tenant || !admin || typeof claims.scp !== 'string') return { refused: 'invalid' };
  return {
    caller: { admin, scopes: new Set(claims.scp.split(' ').filter(Boolean)), clientId: String(claims.appid ?? '') },
    tenant,
  };
}

/** Every group must be met by one of its permissions (Microsoft's tables: "A and B", each "or higher"). */
export function hasScopes(caller: AdminCaller, required: readonly (readonly string[])[]): boolean {
  return required.every((group) => group.some((scope) => caller.scopes.has(scope)));
}

export function hasRole(caller: AdminCaller, roles: readonly EntraRole[]): boolean {
  return caller.admin.roles.some((r) => roles.includes(r));
}
