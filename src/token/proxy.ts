import type { Agent } from 'node:http';

/**
 * Which proxy, if any, carries the request to the token endpoint: `--proxy` wins, then the usual
 * HTTPS_PROXY / HTTP_PROXY / ALL_PROXY with NO_PROXY (proxy-from-env, the same rules curl and most
 * Node tools follow). SMTP never goes through an HTTP proxy: Exchange Online needs a direct
 * connection to port 587 (or a firewall rule), which the docs explain.
 */
export async function proxyFor(url: string, explicit: string | null | undefined): Promise<string | null> {
  if (explicit) return explicit;
  const { getProxyForUrl } = await import('proxy-from-env');
  return getProxyForUrl(url) || null;
}

/** A CONNECT-tunnelling agent (https-proxy-agent); TLS to the token endpoint is end to end through it. */
export async function proxyAgent(proxyUrl: string, tls: { ca?: string[]; minVersion?: 'TLSv1.2' }): Promise<Agent> {
  const { HttpsProxyAgent } = await import('https-proxy-agent');
  return new HttpsProxyAgent(proxyUrl, { ...tls, keepAlive: false }) as unknown as Agent;
}

/** A proxy URL fit for printing: the password, if any, is replaced. */
export function displayProxy(proxyUrl: string): string {
  try {
    const url = new URL(proxyUrl);
    if (url.password) url.password = '****';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(invalid proxy URL)';
  }
}
