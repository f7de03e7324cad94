import { request } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { AuthError, ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import nodemailer from 'nodemailer';
import { EXCHANGE_SCOPE, type Sandbox } from '../../src/sandbox/index.js';

/** Plain HTTPS request trusting the sandbox CA; answers are returned whatever their status. */
export function httpsRequest(
  url: string,
  options: { ca: string; method?: string; body?: string; headers?: Record<string, string>; timeoutMs?: number },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        ca: options.ca,
        agent: false,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 5000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** POSTs a client-credentials request with raw form fields (no MSAL), for body-shape checks. */
export function postToken(sandbox: Sandbox, tenant: string, form: Record<string, string>) {
  return httpsRequest(`${sandbox.authorityHost}/${encodeURIComponent(tenant)}/oauth2/v2.0/token`, {
    ca: sandbox.caPem,
    method: 'POST',
    body: new URLSearchParams(form).toString(),
  });
}

/** A token for the current client settings, fetched without MSAL (fast; for SMTP tests). */
export async function fetchAccessToken(sandbox: Sandbox, overrides: Partial<Record<string, string>> = {}): Promise<string> {
  const res = await postToken(sandbox, overrides.tenantId ?? sandbox.client.tenantId, {
    client_id: overrides.clientId ?? sandbox.client.clientId,
    client_secret: overrides.clientSecret ?? sandbox.client.clientSecret,
    scope: overrides.scope ?? EXCHANGE_SCOPE,
    grant_type: 'client_credentials',
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}

/**
 * MSAL network client over node:https that trusts the sandbox CA (MSAL's default fetch client cannot
 * take a CA in-process). Non-2xx answers are returned, transport failures thrown as network_error.
 */
export class SandboxNetworkClient implements INetworkModule {
  constructor(
    private readonly ca: string,
    private readonly timeoutMs = 5000,
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: string, url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    try {
      const res = await httpsRequest(url, {
        ca: this.ca,
        method,
        body: options?.body,
        headers: options?.headers,
        timeoutMs: this.timeoutMs,
      });
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      let body: unknown = {};
      try {
        body = JSON.parse(res.body);
      } catch {
        body = {};
      }
      return { status: res.status, headers, body: body as T };
    } catch (err) {
      throw new AuthError('network_error', (err as Error).message);
    }
  }
}

export interface MsalOptions {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Give MSAL the endpoint metadata up front (no discovery GET), as a CLI with static metadata would. */
  staticMetadata?: boolean;
  timeoutMs?: number;
  scopes?: string[];
}

/** A fresh ConfidentialClientApplication per call (MSAL throttles an instance after 5xx/429). */
export function msalApp(sandbox: Sandbox, options: MsalOptions = {}): ConfidentialClientApplication {
  const tenantId = options.tenantId ?? sandbox.client.tenantId;
  const authority = `${sandbox.authorityHost}/${tenantId}`;
  const knownAuthority = new URL(sandbox.authorityHost).host;
  const metadata = {
    token_endpoint: `${authority}/oauth2/v2.0/token`,
    issuer: `${authority}/v2.0`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
  };
  return new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId ?? sandbox.client.clientId,
      clientSecret: options.clientSecret ?? sandbox.client.clientSecret,
      authority,
      knownAuthorities: [knownAuthority],
      ...(options.staticMetadata ? { authorityMetadata: JSON.stringify(metadata) } : {}),
    },
    system: {
      networkClient: new SandboxNetworkClient(sandbox.caPem, options.timeoutMs),
      loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
    },
  });
}

export async function msalToken(sandbox: Sandbox, options: MsalOptions = {}) {
  const result = await msalApp(sandbox, options).acquireTokenByClientCredential({
    scopes: options.scopes ?? [EXCHANGE_SCOPE],
    skipCache: true,
  });
  if (!result) throw new Error('MSAL returned no result');
  return result;
}

/** nodemailer as the CLI configures it: STARTTLS required, TLS ≥ 1.2, XOAUTH2. */
export function mailer(
  sandbox: Sandbox,
  auth: { user: string; accessToken: string },
  extra: Record<string, unknown> = {},
) {
  return nodemailer.createTransport({
    host: sandbox.smtp.host,
    port: sandbox.smtp.port,
    secure: false,
    requireTLS: true,
    tls: { ca: sandbox.caPem, minVersion: 'TLSv1.2' },
    auth: { type: 'OAuth2', user: auth.user, accessToken: auth.accessToken },
    connectionTimeout: 5000,
    greetingTimeout: 5000,
    socketTimeout: 5000,
    ...extra,
  });
}

export interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

/** Runs `fn`, expecting it to reject; returns the rejection. */
export async function rejectionOf<E = SmtpError>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (err) {
    return err as E;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/**
 * A minimal line-level SMTP client for wire checks: sends commands verbatim and returns whole
 * (possibly multi-line) replies. `startTls()` upgrades the socket after a 220.
 */
export class RawSmtp {
  private socket: Socket | TLSSocket;
  private buffer = '';
  private waiters: ((line: string) => void)[] = [];
  private lines: string[] = [];

  private constructor(socket: Socket) {
    this.socket = socket;
    this.attach(socket);
  }

  static async connect(sandbox: Sandbox): Promise<{ client: RawSmtp; greeting: string }> {
    const socket = netConnect(sandbox.smtp.port, sandbox.smtp.host);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('error', reject);
    });
    const client = new RawSmtp(socket);
    const greeting = await client.reply();
    return { client, greeting };
  }

  private attach(socket: Socket | TLSSocket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let i: number;
      while ((i = this.buffer.indexOf('\r\n')) !== -1) {
        const line = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 2);
        const waiter = this.waiters.shift();
        if (waiter) waiter(line);
        else this.lines.push(line);
      }
    });
    socket.on('error', () => undefined);
  }

  private nextLine(timeoutMs = 5000): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no reply from server')), timeoutMs);
      this.waiters.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  }

  /** Reads one reply; multi-line replies are joined with \n. */
  async reply(): Promise<string> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.nextLine();
      lines.push(line);
      if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) return lines.join('\n');
    }
  }

  async command(line: string): Promise<string> {
    this.socket.write(line + '\r\n');
    return this.reply();
  }

  async startTls(ca: string): Promise<void> {
    const plain = this.socket as Socket;
    plain.removeAllListeners('data');
    const secure = tlsConnect({ socket: plain, ca, servername: 'localhost', minVersion: 'TLSv1.2' });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', () => resolve());
      secure.once('error', reject);
    });
    this.socket = secure;
    this.attach(secure);
  }

  /** Resolves when the connection is closed (by either side). */
  whenClosed(): Promise<void> {
    const socket = this.socket;
    if (socket.closed) return Promise.resolve();
    return new Promise((resolve) => socket.once('close', () => resolve()));
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The XOAUTH2 initial response (catalog §0.2). */
export function xoauth2Blob(user: string, token: string): string {
  return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`).toString('base64');
}
