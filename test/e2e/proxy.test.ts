import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { parseValid } from '../support/json-schema.js';

/**
 * The token request through a real local CONNECT proxy (the `proxy` package): HTTPS_PROXY and
 * --proxy are honoured, NO_PROXY is respected, and TLS stays end to end (the sandbox's CA is still
 * what is verified). SMTP never goes through the proxy.
 */
let sandbox: Sandbox;
let proxy: ProxyServer;
let proxyUrl: string;
const tunnels: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  proxy = createProxy(createHttpServer());
  proxy.on('connect', (req: { url?: string }) => tunnels.push(req.url ?? ''));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await sandbox.close();
});
beforeEach(() => {
  tunnels.length = 0;
  sandbox.applyScenario('healthy');
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return sandboxEnv(sandbox, extra);
}
const smtp = () => sandboxSmtpArgs(sandbox);
const tokenHost = () => new URL(sandbox.authorityHost).host;

describe('token endpoint through an HTTP proxy', () => {
  it('follows HTTPS_PROXY, tunnelling to the token endpoint only', async () => {
    const run = await runCli(['check', '--json', ...smtp()], { env: env({ HTTPS_PROXY: proxyUrl }) });
    expect(run.status, run.stderr).toBe(0);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(new Set(tunnels)).toEqual(new Set([tokenHost()]));
  });

  it('follows --proxy over the environment', async () => {
    const run = await runCli(['check', '--json', '--proxy', proxyUrl, ...smtp()], { env: env({ HTTPS_PROXY: 'http://127.0.0.1:9' }) });
    expect(run.status, run.stderr).toBe(0);
    expect(tunnels).toContain(tokenHost());
    expect(parseValid('check', run.stdout).plan.token.proxy).toBe(proxyUrl);
  });

  it('respects NO_PROXY', async () => {
    const run = await runCli(['check', '--json', ...smtp()], { env: env({ HTTPS_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' }) });
    expect(run.status, run.stderr).toBe(0);
    expect(tunnels).toEqual([]);
  });

  it('a proxy that refuses connections → exit 6 naming the proxy, password never shown', async () => {
    const closed = createNetServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await runCli(['check', '--json', '--proxy', `http://ops:pr0xy-pa55word@127.0.0.1:${port}`, ...smtp()], { env: env() });
    expect(run.status).toBe(6);
    const report = parseValid('check', run.stdout);
    expect(report.diagnosis.code).toBe('connection-refused');
    expect(report.diagnosis.summary).toContain(`127.0.0.1:${port}`);
    expect(run.stdout + run.stderr).not.toContain('pr0xy-pa55word');
  });
});
