import { startSandbox, type Sandbox, type SandboxEvent, type SandboxOptions } from '../../src/sandbox/index.js';

/**
 * The sandbox behind latency proxies (src/sandbox/latency-proxy.ts): every connection to its token
 * endpoint and SMTP server pays `latencyMs` per round trip, TCP and TLS handshakes included. Its
 * `authorityHost` and `smtp.port` name the proxies, so sandboxEnv()/sandboxSmtpArgs() go through them.
 */
export function startLatencySandbox(latencyMs: number, options: Omit<SandboxOptions, 'latencyMs'> = {}): Promise<Sandbox> {
  return startSandbox({ ...options, latencyMs });
}

/** What the sandbox's SMTP server saw, in order (the SMTP part of its one event log). */
export function smtpEvents(sandbox: Sandbox): Extract<SandboxEvent, { server: 'smtp' }>[] {
  return sandbox.eventLog.filter((e): e is Extract<SandboxEvent, { server: 'smtp' }> => e.server === 'smtp');
}

/** Position in the sandbox's event log (both servers, in the order they saw things) of the first event matching, or -1. */
export function firstEventIndex(sandbox: Sandbox, matches: (event: SandboxEvent) => boolean, from = 0): number {
  const i = sandbox.eventLog.slice(from).findIndex(matches);
  return i === -1 ? -1 : i + from;
}

/**
 * The order, from event `from` on, of what an overlap of token and SMTP is about: when the token POST
 * was answered, and when the SMTP server answered its first EHLO (and the EHLO inside TLS). Indexes
 * into `sandbox.eventLog`, -1 for what did not happen; `ehloBeforeTokenAnswered` is the proof of the
 * overlap (the SMTP leg had got as far as EHLO while the token request was still open).
 */
export function overlapEvidence(sandbox: Sandbox, from = 0) {
  const isTokenPost = (e: SandboxEvent) => e.server === 'token' && e.method === 'POST' && e.path.endsWith('/oauth2/v2.0/token');
  const tokenReceived = firstEventIndex(sandbox, (e) => isTokenPost(e) && e.event === 'request-received', from);
  const tokenAnswered = firstEventIndex(sandbox, (e) => isTokenPost(e) && e.event === 'request-answered', from);
  const firstEhlo = firstEventIndex(sandbox, (e) => e.server === 'smtp' && e.event === 'ehlo', from);
  const secureEhlo = firstEventIndex(sandbox, (e) => e.server === 'smtp' && e.event === 'ehlo' && e.secure, from);
  return {
    tokenReceived,
    tokenAnswered,
    firstEhlo,
    secureEhlo,
    ehloBeforeTokenAnswered: firstEhlo !== -1 && tokenAnswered !== -1 && firstEhlo < tokenAnswered,
  };
}
