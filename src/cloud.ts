/**
 * Microsoft clouds, per catalog section D (and Microsoft's national-cloud and Exchange endpoint pages
 * listed there). `--cloud` picks one; explicit `--authority-host` / `--smtp-host` still override.
 * GCC (moderate) is not a separate identity cloud: it uses `global`.
 */

export const CLOUD_NAMES = ['global', 'usgov', 'usgovdod', 'china'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

export interface Cloud {
  name: CloudName;
  // Its name for people is a message, `cloud.<name>.title`: the table stays data, loaded before any language.
  authorityHost: string;
  /** Client credentials must ask for `<resource>/.default` (catalog A.9; Microsoft's OAuth doc for SMTP). */
  scope: string;
  smtpHost: string;
  smtpPort: number;
  /**
   * `aud` values Exchange Online accepts for SMTP (catalog C: richfaj/SmtpClientDiag's list; a v1 token
   * may carry a trailing slash, which the claims check ignores).
   */
  audiences: readonly string[];
  /** Where admins manage app registrations in this cloud. */
  portal: string;
  /** `Connect-ExchangeOnline -ExchangeEnvironmentName` (Connect-ExchangeOnline reference). */
  exchangeEnvironmentName: string;
  /** Microsoft Graph's v1.0 root for step 1 of the automatic setup (Learn "National cloud deployments"). */
  graphUrl: string;
  /** The Exchange resource's origin whose `/adminapi/beta/` runs steps 2–3 (automation-notes.md §3, hosts per cloud). */
  exchangeAdminUrl: string;
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  global: {
    name: 'global',
    authorityHost: 'https://login.microsoftonline.com',
    scope: 'https://outlook.office365.com/.default',
    smtpHost: 'smtp.office365.com',
    smtpPort: 587,
    audiences: ['https://outlook.office365.com', 'https://outlook.office.com'],
    portal: 'https://entra.microsoft.com',
    exchangeEnvironmentName: 'O365Default',
    graphUrl: 'https://graph.microsoft.com/v1.0/',
    exchangeAdminUrl: 'https://outlook.office365.com',
  },
  usgov: {
    name: 'usgov',
    authorityHost: 'https://login.microsoftonline.us',
    scope: 'https://outlook.office365.us/.default',
    // Seen in a real GCC High session log (catalog D); Microsoft's endpoint list names outlook.office365.us on 587.
    smtpHost: 'smtp.office365.us',
    smtpPort: 587,
    audiences: ['https://outlook.office365.us'],
    portal: 'https://portal.azure.us',
    exchangeEnvironmentName: 'O365USGovGCCHigh',
    graphUrl: 'https://graph.microsoft.us/v1.0/',
    exchangeAdminUrl: 'https://outlook.office365.us',
  },
  usgovdod: {
    name: 'usgovdod',
    authorityHost: 'https://login.microsoftonline.us',
    // Catalog D rates this scope low-confidence; a DoD tenant that gets AADSTS500011 should try usgov's.
    scope: 'https://outlook-dod.office365.us/.default',
    smtpHost: 'outlook-dod.office365.us',
    smtpPort: 587,
    audiences: ['https://outlook-dod.office365.us', 'https://outlook.office365.us'],
    portal: 'https://portal.azure.us',
    exchangeEnvironmentName: 'O365USGovDoD',
    graphUrl: 'https://dod-graph.microsoft.us/v1.0/',
    exchangeAdminUrl: 'https://outlook-dod.office365.us',
  },
  china: {
    name: 'china',
    authorityHost: 'https://login.partner.microsoftonline.cn',
    scope: 'https://partner.outlook.cn/.default',
    smtpHost: 'smtp.partner.outlook.cn',
    smtpPort: 587,
    audiences: ['https://partner.outlook.cn'],
    portal: 'https://portal.azure.cn',
    exchangeEnvironmentName: 'O365China',
    graphUrl: 'https://microsoftgraph.chinacloudapi.cn/v1.0/',
    exchangeAdminUrl: 'https://partner.outlook.cn',
  },
};

export const GLOBAL_CLOUD: Cloud = CLOUDS.global;

/** Authority hosts that belong to Microsoft: for these the tool uses static metadata (no discovery requests). */
export const MICROSOFT_AUTHORITY_HOSTS: ReadonlySet<string> = new Set(
  Object.values(CLOUDS).map((cloud) => new URL(cloud.authorityHost).hostname),
);

/** The cloud whose authority host this is, if any (to suggest `--cloud` after a wrong-cloud answer). */
export function cloudOfAuthorityHost(authorityHost: string): Cloud | undefined {
  // A URL or a bare host (as a diagnosis context may hold it); what is neither belongs to no cloud.
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(authorityHost) ? authorityHost : `https://${authorityHost}`).hostname;
  } catch {
    return undefined;
  }
  return Object.values(CLOUDS).find((cloud) => new URL(cloud.authorityHost).hostname === host);
}
