import type { TokenFailure } from '../diagnose/types.js';
import type { Credential } from '../inputs/credential.js';
import { authorityConfig } from './authority.js';
import { TokenNetworkClient } from './network-client.js';
import { msal } from './msal.js';
import { t } from '../messages/index.js';

export interface TokenRequest {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  credential: Credential;
  scope: string;
  timeoutMs: number;
  extraCaPem?: string;
  /** `--proxy`; without it HTTPS_PROXY / NO_PROXY decide. */
  proxy?: string | null;
  /** Force static metadata even for a host that is not Microsoft's (used to prove the one-request cost). */
  staticMetadata?: boolean;
  /** A stop signal: its abort ends the request in flight. */
  signal?: AbortSignal;
}

export interface AcquiredToken {
  accessToken: string;
  expiresOn: Date | null;
  /** The token endpoint requests this acquisition made (method, URL, status), for the report. */
  requests: Array<{ method: string; url: string; status: number | null }>;
}

/** The token endpoint refused, or could not be reached; `failure` feeds the diagnosis. */
export class TokenRequestError extends Error {
  constructor(readonly failure: TokenFailure) {
    super(failure.kind === 'server' ? failure.description : failure.message);
    this.name = 'TokenRequestError';
  }
}

/**
 * Client-credentials token through MSAL. A new application object per call: MSAL caches tokens per
 * instance, and a check after admin consent must see a fresh token, never a cached one without roles.
 */
export async function acquireToken(request: TokenRequest): Promise<AcquiredToken> {
  // One turn of the event loop first: loading MSAL blocks it for some 50 ms, and a connection
  // started just before (check's SMTP leg) would otherwise not even send its SYN until then.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const networkClient = new TokenNetworkClient({
    timeoutMs: request.timeoutMs,
    ...(request.extraCaPem && { extraCaPem: request.extraCaPem }),
    ...(request.proxy && { proxy: request.proxy }),
    ...(request.signal && { signal: request.signal }),
  });
  const authority = authorityConfig(request.authorityHost, request.tenantId, { ...(request.staticMetadata !== undefined && { staticMetadata: request.staticMetadata }) });
  const app = new (msal().ConfidentialClientApplication)({
    auth: {
      clientId: request.clientId,
      // A certificate signs a client assertion (PS256, `x5t#S256` header); MSAL builds and signs it.
      ...(request.credential.kind === 'secret'
        ? { clientSecret: request.credential.secret.reveal() }
        : { clientCertificate: { thumbprintSha256: request.credential.certificate.thumbprintSha256, privateKey: request.credential.certificate.privateKey.reveal() } }),
      ...authority,
    },
    system: { networkClient },
  });
  try {
    const result = await app.acquireTokenByClientCredential({ scopes: [request.scope], skipCache: true });
    if (!result?.accessToken) {
      throw new TokenRequestError({ kind: 'server', description: t('token.no-access-token') });
    }
    return { accessToken: result.accessToken, expiresOn: result.expiresOn ?? null, requests: networkClient.requests };
  } catch (error) {
    if (error instanceof TokenRequestError) throw error;
    throw new TokenRequestError(toTokenFailure(error, networkClient));
  }
}

/** Turns MSAL's error (and what our network client saw) into the diagnosis engine's input. */
export function toTokenFailure(error: unknown, seen: Pick<TokenNetworkClient, 'lastTransportFailure' | 'lastErrorResponse'>): TokenFailure {
  const e = (error ?? {}) as { errorCode?: string; errorNo?: string | number; status?: number; errorMessage?: string; message?: string };
  const errorCode = e.errorCode ?? '';

  if (errorCode === 'network_error' || (errorCode.includes('endpoints_resolution') && seen.lastTransportFailure)) {
    if (seen.lastTransportFailure) return { kind: 'transport', ...seen.lastTransportFailure };
  }
  // A failed discovery GET (e.g. AADSTS90002 for an unknown tenant) is reported by MSAL without its body.
  if (seen.lastErrorResponse && (errorCode.includes('endpoints_resolution') || errorCode === 'openid_config_error' || e.status === undefined)) {
    const fromBody = failureFromBody(seen.lastErrorResponse.body, seen.lastErrorResponse.status, seen.lastErrorResponse.headers);
    if (fromBody) return fromBody;
  }
  const aadsts = Number(e.errorNo ?? /AADSTS(\d+)/.exec(e.errorMessage ?? e.message ?? '')?.[1]);
  const retryAfter = Number(seen.lastErrorResponse?.headers['retry-after']);
  return {
    kind: 'server',
    ...(errorCode && { error: errorCode }),
    ...(Number.isFinite(aadsts) && aadsts > 0 && { aadsts }),
    ...(typeof e.status === 'number' ? { status: e.status } : seen.lastErrorResponse ? { status: seen.lastErrorResponse.status } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 && { retryAfterSeconds: retryAfter }),
    description: e.errorMessage || e.message || String(error),
  };
}

function failureFromBody(body: string, status: number, headers: Record<string, string>): TokenFailure | null {
  try {
    const parsed = JSON.parse(body) as { error?: string; error_description?: string; error_codes?: number[] };
    if (!parsed.error && !parsed.error_description) return null;
    const retryAfter = Number(headers['retry-after']);
    return {
      kind: 'server',
      ...(parsed.error && { error: parsed.error }),
      ...(parsed.error_codes?.[0] !== undefined && { aadsts: parsed.error_codes[0] }),
      status,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 && { retryAfterSeconds: retryAfter }),
      description: parsed.error_description ?? parsed.error ?? '',
    };
  } catch {
    return { kind: 'server', status, description: t('token.http-status', { status }) };
  }
}
