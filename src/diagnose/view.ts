/**
 * What a diagnosis' words are made from: ONE language-neutral view of the failure's facts, built
 * once per diagnosis. It holds the raw values (undefined when unknown: a text chooses between whole
 * sentences on that), each value again as shown in a fix (the value, or the placeholder that stands
 * in for it), the cloud's hosts and scope from the cloud table, and the commands, built once in code
 * (commands.ts). The message texts (src/messages/<language>/diagnosis*.ts) take this view.
 */
import { type Cloud, type CloudName, CLOUD_NAMES, CLOUDS, cloudOfAuthorityHost, GLOBAL_CLOUD } from '../cloud.js';
import type { Facts } from './types.js';
import { type DiagnosisCommands, diagnosisCommands } from './commands.js';
import type { AdminFacts, ClaimProblem, SmtpPhase } from './types.js';

/** The words that stand in for an unknown value in a fix (`<client id>`), in the language in use. */
export interface Placeholders {
  readonly tenant: string;
  readonly client: string;
  readonly mailbox: string;
  readonly sender: string;
  readonly servicePrincipal: string;
}

/** Where the failure happened, as a text names it. */
export type Where =
  | { readonly kind: 'address'; readonly address: string }
  | { readonly kind: 'token-endpoint'; readonly authority: string }
  | { readonly kind: 'smtp-endpoint'; readonly address: string }
  | { readonly kind: 'unknown' };

/** A cloud's values a text may name (`--cloud usgov: the authority …, the scope … and the SMTP host …`). */
export interface CloudView {
  readonly name: CloudName;
  readonly authority: string;
  readonly scope: string;
  readonly smtpHost: string;
}

export interface DiagnosisView {
  // The user's values, raw (undefined when not known).
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly mailbox?: string;
  readonly from?: string;
  readonly servicePrincipalObjectId?: string;
  /** The `--cloud` given, when one was. */
  readonly cloudGiven?: CloudName;
  readonly secretExpiresOn?: string;
  readonly secretStillAccepted: boolean;
  // The same values as a fix shows them: the value, or the placeholder.
  readonly show: Placeholders;
  // The failure.
  readonly target?: 'token' | 'smtp';
  readonly host?: string;
  readonly port?: number;
  readonly phase?: SmtpPhase;
  /** The server's or library's words, redacted and capped. */
  readonly quoted?: string;
  readonly matched?: string;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly claim?: ClaimProblem;
  readonly problemCount?: number;
  /** The administrator's side: the refused operation, the missing scopes, the roles that would allow it. */
  readonly admin?: AdminFacts;
  readonly where: Where;
  /** Exchange Online answered (false: another server the user is connected to, named by `host`). */
  readonly exchangeAnswered: boolean;
  // The cloud (from the cloud table, never a guess on a host name).
  readonly cloud: CloudName;
  /** The cloud's own authority host, as opposed to the one in use. */
  readonly cloudAuthority: string;
  readonly cloudSmtpHost: string;
  readonly cloudSmtpPort: number;
  /** The authority host in use, else the cloud's. */
  readonly authority: string;
  /** The SMTP host and port in use, else the cloud's. */
  readonly smtpHost: string;
  readonly smtpPort: number;
  /** The scope `check` requests in this cloud. */
  readonly scope: string;
  /** The host and port a port test concerns: the failure's, else the cloud's SMTP endpoint. */
  readonly testHost: string;
  readonly testPort: number;
  readonly clouds: Readonly<Record<CloudName, CloudView>>;
  readonly cmd: DiagnosisCommands;
}

const hostnameOf = (url: string) => new URL(url).hostname;

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]+)/i.exec(url.trim());
  return m?.[1];
}

/** The cloud of this failure: `--cloud` when known, else the one whose authority host was used, else worldwide. */
function cloudOf(f: Facts): Cloud {
  if (f.cloud && (CLOUD_NAMES as readonly string[]).includes(f.cloud)) return CLOUDS[f.cloud as CloudName];
  return (f.authorityHost && cloudOfAuthorityHost(f.authorityHost)) || GLOBAL_CLOUD;
}

const CLOUD_VIEWS = Object.fromEntries(
  Object.values(CLOUDS).map((c) => [c.name, { name: c.name, authority: hostnameOf(c.authorityHost), scope: c.scope, smtpHost: c.smtpHost }]),
) as Record<CloudName, CloudView>;

const EXCHANGE_HOST = /(?:office365|outlook)\.(?:com|us|cn)$/i;

/** The view of a failure's facts, with unknown values shown as the given placeholders. */
export function diagnosisView(f: Facts, placeholders: Placeholders): DiagnosisView {
  const cloud = cloudOf(f);
  const cloudAuthority = hostnameOf(cloud.authorityHost);
  const authority = hostOf(f.authorityHost) ?? cloudAuthority;
  const smtpHost = f.smtpHost ?? cloud.smtpHost;
  const smtpPort = f.smtpPort ?? cloud.smtpPort;
  const testHost = f.host ?? cloud.smtpHost;
  const testPort = f.port ?? cloud.smtpPort;
  const shown = (value: string | undefined, placeholder: string) => ({ value, placeholder });
  const show: Placeholders = {
    tenant: f.tenantId ?? placeholders.tenant,
    client: f.clientId ?? placeholders.client,
    mailbox: f.mailbox ?? placeholders.mailbox,
    sender: f.from ?? placeholders.sender,
    servicePrincipal: f.servicePrincipalObjectId ?? placeholders.servicePrincipal,
  };
  const where: Where = f.host
    ? { kind: 'address', address: f.port ? `${f.host}:${f.port}` : f.host }
    : f.target === 'token'
      ? { kind: 'token-endpoint', authority }
      : f.target === 'smtp'
        ? { kind: 'smtp-endpoint', address: `${smtpHost}:${smtpPort}` }
        : { kind: 'unknown' };
  const aadsts = f.matched?.startsWith('AADSTS') ? f.matched.slice(6) : undefined;
  return {
    ...(f.tenantId !== undefined && { tenantId: f.tenantId }),
    ...(f.clientId !== undefined && { clientId: f.clientId }),
    ...(f.mailbox !== undefined && { mailbox: f.mailbox }),
    ...(f.from !== undefined && { from: f.from }),
    ...(f.servicePrincipalObjectId !== undefined && { servicePrincipalObjectId: f.servicePrincipalObjectId }),
    ...(f.cloud && (CLOUD_NAMES as readonly string[]).includes(f.cloud) && { cloudGiven: f.cloud as CloudName }),
    ...(f.secretExpiresOn !== undefined && { secretExpiresOn: f.secretExpiresOn }),
    secretStillAccepted: f.secretStillAccepted === true,
    show,
    ...(f.target !== undefined && { target: f.target }),
    ...(f.host !== undefined && { host: f.host }),
    ...(f.port !== undefined && { port: f.port }),
    ...(f.phase !== undefined && { phase: f.phase }),
    ...(f.quoted !== undefined && { quoted: f.quoted }),
    ...(f.matched !== undefined && { matched: f.matched }),
    ...(f.status !== undefined && { status: f.status }),
    ...(f.retryAfterSeconds !== undefined && { retryAfterSeconds: f.retryAfterSeconds }),
    ...(f.claim !== undefined && { claim: f.claim }),
    ...(f.problemCount !== undefined && { problemCount: f.problemCount }),
    ...(f.admin !== undefined && { admin: f.admin }),
    where,
    exchangeAnswered: !f.host || EXCHANGE_HOST.test(f.host),
    cloud: cloud.name,
    cloudAuthority,
    cloudSmtpHost: cloud.smtpHost,
    cloudSmtpPort: cloud.smtpPort,
    authority,
    smtpHost,
    smtpPort,
    scope: cloud.scope,
    testHost,
    testPort,
    clouds: CLOUD_VIEWS,
    cmd: diagnosisCommands({
      tenant: shown(f.tenantId, placeholders.tenant),
      client: shown(f.clientId, placeholders.client),
      mailbox: shown(f.mailbox, placeholders.mailbox),
      sender: shown(f.from, placeholders.sender),
      servicePrincipal: shown(f.servicePrincipalObjectId, placeholders.servicePrincipal),
      authority,
      testHost,
      testPort,
      ...(aadsts !== undefined && { aadsts }),
    }),
  };
}
