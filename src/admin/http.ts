import { sendBounded, TransportError, type NetworkClientOptions } from '../token/network-client.js';
import type { Secret } from '../inputs/secret.js';
import { AdminApiError } from './errors.js';

/**
 * How Graph and the admin endpoint are reached: the token client's bounded request (timeout, 1 MiB
 * answer limit, TLS 1.2+, extra CA, `--proxy` / HTTPS_PROXY, the stop signal).
 */
export type AdminHttpOptions = NetworkClientOptions;

export interface AdminAnswer {
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  json: unknown;
}

/** One JSON request with the administrator's bearer token. The token goes into the header only. */
export async function adminRequest(
  method: string,
  url: string,
  token: Secret,
  options: AdminHttpOptions,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<AdminAnswer> {
  try {
    const answer = await sendBounded(
      {
        method,
        url,
        headers: {
          authorization: `Bearer ${token.reveal()}`,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      },
      options,
    );
    return { status: answer.status, headers: answer.headers, json: parseJson(answer.text) };
  } catch (error) {
    if (error instanceof TransportError) throw new AdminApiError({ kind: 'transport', ...error.failure });
    throw error;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Seconds from `Retry-After` (seconds or an HTTP date), when given and sensible. */
export function retryAfterSeconds(headers: Record<string, string>, now = Date.now()): number | undefined {
  const value = headers['retry-after'];
  if (value === undefined) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Number.isFinite(seconds) && seconds > 0 && seconds < 86_400 ? Math.ceil(seconds) : undefined;
}
