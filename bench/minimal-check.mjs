// The least a script can do for the same check: MSAL client credentials, then nodemailer with
// STARTTLS and XOAUTH2 sending one message. No validation, no claims check, no diagnosis.
// Settings come from the environment the benchmark sets; NODE_EXTRA_CA_CERTS trusts the sandbox.
import { ConfidentialClientApplication } from '@azure/msal-node';
import nodemailer from 'nodemailer';

const env = process.env;
const authorityHost = new URL(env.AZURE_AUTHORITY_HOST);
const app = new ConfidentialClientApplication({
  auth: {
    clientId: env.AZURE_CLIENT_ID,
    clientSecret: env.AZURE_CLIENT_SECRET,
    authority: `${authorityHost.origin}/${env.AZURE_TENANT_ID}`,
    knownAuthorities: [authorityHost.host],
  },
});
const { accessToken } = await app.acquireTokenByClientCredential({ scopes: ['https://outlook.office365.com/.default'] });
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
