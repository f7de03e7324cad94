import { request as httpsRequest, type RequestOptions } from 'node:https';
import { rootCertificates } from 'node:tls';
import { proxyAgent, proxyFor } from './proxy.js';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { msal } from './msal.js';
import { t } from '../messages/index.js';

/** The last transport failure, kept because MSAL swallows it into `endpoints_resolution_error`. */
export interface TransportFailure {
  code: string;
  message: string;
  host: string;
  port: number;
}

/** The last non-2xx answer, kept because a failed discovery GET is reported without its body. */
export interface ErrorResponse {
  url: string;
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * The most read of any answer (token, discovery, any later endpoint). Entra ID's largest answers,
 * a token response or an openid-configuration, are a few kilobytes; an endless body (a proxy or
 * another server in Entra ID's place) would otherwise be buffered until the timeout, gigabytes.
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** The transport failure code of an answer cut off at MAX_RESPONSE_BYTES (catalog: response-too-large). */
export const RESPONSE_TOO_LARGE = 'ERESPONSETOOLARGE';

export interface NetworkClientOptions {
  /** Whole-request limit in milliseconds: connect, TLS, request and response together. */
  timeoutMs: number;
  /** Extra trusted CA (PEM), added to Node's roots; NODE_EXTRA_CA_CERTS is honoured anyway. */
  extraCaPem?: string;
  /** `--proxy`; without it HTTPS_PROXY / NO_PROXY decide. */
  proxy?: string | null;
  /** The most read of an answer; default MAX_RESPONSE_BYTES (smaller in tests). */
  maxResponseBytes?: number;
  /** A stop signal (Ctrl-C, SIGTERM, SIGHUP): its abort ends the request in flight and closes its connection. */
  signal?: AbortSignal;
}

/**
 * MSAL's default client uses fetch, which has no timeout (a dead endpoint hangs about five minutes)
 * and reports every failure as `network_error: fetch failed`. This one bounds each request and keeps
 * the real cause and the last error body for the diagnosis. Contract (msal-common INetworkModule):
 * non-2xx answers are *returned*; transport failures throw AuthError('network_error').
 */
export class TokenNetworkClient implements INetworkModule {
  lastTransportFailure: TransportFailure | null = null;
  lastErrorResponse: ErrorResponse | null = null;
  readonly requests: Array<{ method: string; url: string; status: number | null }> = [];
  /** The proxy the last request went through, if any (for the transport failure's host and port). */
  lastProxy: string | null = null;

  constructor(private readonly options: NetworkClientOptions) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: 'GET' | 'POST', url: string, options: NetworkRequestOptions = {}): Promise<NetworkResponse<T>> {
    const entry: { method: string; url: string; status: number | null } = { method, url, status: null };
    this.requests.push(entry);
    try {
      const answer = await sendBounded(
        { method, url, ...(options.headers && { headers: options.headers }), ...(options.body !== undefined && { body: options.body }) },
        this.options,
        (proxy) => {
          this.lastProxy = proxy;
        },
      );
      entry.status = answer.status;
      if (answer.status < 200 || answer.status >= 300) this.lastErrorResponse = { url, status: answer.status, body: answer.text, headers: answer.headers };
      return { status: answer.status, headers: answer.headers, body: parseBody(answer.text) as T };
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      this.lastTransportFailure = error.failure;
      const target = new URL(url);
      throw new (msal().AuthError)('network_error', `${method} ${target.origin}${target.pathname}: ${error.failure.message}`);
    }
  }
}

/** One HTTPS request. */
export interface BoundedRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Its answer: any status (non-2xx answers are answers, not failures), headers in lower case, the body as text. */
export interface BoundedAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** The request never got a whole answer: refused, timed out, stopped, or cut off at the size limit. */
export class TransportError extends Error {
  constructor(readonly failure: TransportFailure) {
    super(failure.message);
    this.name = 'TransportError';
  }
}

/**
 * The one bounded HTTPS request of the tool (token endpoint, Microsoft Graph, Exchange's admin
 * endpoint): TLS 1.2 or later, the extra CA, `--proxy` or HTTPS_PROXY / NO_PROXY, one limit for the
 * whole request, the body capped at `maxResponseBytes`, and the stop signal.
 */
export async function sendBounded(request: BoundedRequest, options: NetworkClientOptions, onProxy?: (proxy: string | null) => void): Promise<BoundedAnswer> {
  const { method, url } = request;
  const target = new URL(url);
  const tls = {
    ...(options.extraCaPem && { ca: [...rootCertificates, options.extraCaPem] }),
    // TLS 1.2 is the floor Microsoft's endpoints require; anything older is refused here too.
    minVersion: 'TLSv1.2' as const,
  };
  const proxy = await proxyFor(url, options.proxy);
  onProxy?.(proxy);
  // A failure to reach the proxy is reported with the proxy's address: that is what to fix.
  const via = proxy ? new URL(proxy) : null;
  const host = via ? via.hostname : target.hostname;
  const port = via ? Number(via.port || (via.protocol === 'https:' ? 443 : 80)) : Number(target.port || 443);
  const requestOptions: RequestOptions = {
    method,
    headers: { ...request.headers, ...(request.body !== undefined && { 'content-length': String(Buffer.byteLength(request.body)) }) },
    ...tls,
    ...(proxy && { agent: await proxyAgent(proxy, tls) }),
  };

  return new Promise<BoundedAnswer>((resolve, reject) => {
    let settled = false;
    const signal = options.signal;
    const onAbort = () => fail('ABORT_ERR', 'stopped');
    const fail = (code: string, message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      req.destroy();
      reject(new TransportError({ code, message, host, port }));
    };
    const limit = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
    const tooLarge = () => fail(RESPONSE_TOO_LARGE, t('token.answer-too-large', { limitBytes: limit }));
    const req = httpsRequest(target, requestOptions, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      // A declared length over the limit is refused before its body is read.
      if (Number(res.headers['content-length']) > limit) return tooLarge();
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) tooLarge();
        else chunks.push(chunk);
      });
      res.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ECONNRESET', error.message));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const timer = setTimeout(() => fail('ETIMEDOUT', t('token.no-answer', { timeoutMs: options.timeoutMs })), options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ECONNRESET', error.message));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

/** MSAL reads fields off the body; a proxy's HTML page or an empty answer becomes an empty object. */
function parseBody(text: string): unknown {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}
