// The least a careful script does for the same check: MSAL client credentials, then nodemailer with
// STARTTLS and XOAUTH2 sending one message, one after the other. No validation, no claims check, no
// diagnosis. "Careful", so that the comparison with `check` is fair (issue 14):
// - MSAL's CommonJS bundle (one file; its ES build is some 470 modules, ≈ 90 ms slower on Node 20);
// - the authority given as a known authority (no instance discovery at Microsoft's host);
// - keep-alive: MSAL's own client (fetch) opened a second TLS connection for the token POST after the
//   openid-configuration GET (two round trips more, counted through the latency proxy); a keep-alive
//   agent sends both over one connection, as `check` does.
// Settings come from the environment the benchmark sets; NODE_EXTRA_CA_CERTS trusts the sandbox.
import { Agent, request } from 'node:https';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ConfidentialClientApplication } = require('@azure/msal-node');
const nodemailer = require('nodemailer');

const agent = new Agent({ keepAlive: true });
function send(method, url, options = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const networkClient = {
  sendGetRequestAsync: (url, options) => send('GET', url, options),
  sendPostRequestAsync: (url, options) => send('POST', url, options),
};

const env = process.env;
const authorityHost = new URL(env.AZURE_AUTHORITY_HOST);
const app = new ConfidentialClientApplication({
  auth: {
    clientId: env.AZURE_CLIENT_ID,
    clientSecret: env.AZURE_CLIENT_SECRET,
    authority: `${authorityHost.origin}/${env.AZURE_TENANT_ID}`,
    knownAuthorities: [authorityHost.host],
  },
  system: { networkClient },
});
const { accessToken } = await app.acquireTokenByClientCredential({ scopes: ['https://outlook.office365.com/.default'] });
agent.destroy();
const transport = nodemailer.createTransport({
  host: env.SMTP_HOST,
  port: Number(env.SMTP_PORT),
  secure: false,
  requireTLS: true,
  tls: { minVersion: 'TLSv1.2' },
  auth: { type: 'OAuth2', user: env.SMTP_OAUTH_MAILBOX, accessToken },
});
await transport.sendMail({ from: env.SMTP_OAUTH_MAILBOX, to: env.SMTP_TO, subject: 'bench', text: 'bench' });
transport.close();
