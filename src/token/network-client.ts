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
    const target = new URL(url);
    const entry: { method: string; url: string; status: number | null } = { method, url, status: null };
    this.requests.push(entry);

    const tls = {
      ...(this.options.extraCaPem && { ca: [...rootCertificates, this.options.extraCaPem] }),
      // TLS 1.2 is the floor Microsoft's endpoints require; anything older is refused here too.
      minVersion: 'TLSv1.2' as const,
    };
    const proxy = await proxyFor(url, this.options.proxy);
    this.lastProxy = proxy;
    // A failure to reach the proxy is reported with the proxy's address: that is what to fix.
    const via = proxy ? new URL(proxy) : null;
    const host = via ? via.hostname : target.hostname;
    const port = via ? Number(via.port || (via.protocol === 'https:' ? 443 : 80)) : Number(target.port || 443);
    const requestOptions: RequestOptions = {
      method,
      headers: { ...options.headers, ...(options.body !== undefined && { 'content-length': String(Buffer.byteLength(options.body)) }) },
      ...tls,
      ...(proxy && { agent: await proxyAgent(proxy, tls) }),
    };

    return new Promise<NetworkResponse<T>>((resolve, reject) => {
      let settled = false;
      const signal = this.options.signal;
      const onAbort = () => fail('ABORT_ERR', 'stopped');
      const fail = (code: string, message: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.lastTransportFailure = { code, message, host, port };
        req.destroy();
        reject(new (msal().AuthError)('network_error', `${method} ${target.origin}${target.pathname}: ${message}`));
      };
      const limit = this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
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
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          entry.status = status;
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
          }
          if (status < 200 || status >= 300) this.lastErrorResponse = { url, status, body: text, headers };
          resolve({ status, headers, body: parseBody(text) as T });
        });
      });
      const timer = setTimeout(
        () => fail('ETIMEDOUT', t('token.no-answer', { timeoutMs: this.options.timeoutMs })),
        this.options.timeoutMs,
      );
      req.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ECONNRESET', error.message));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }
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
