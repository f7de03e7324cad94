/**
 * Microsoft cloud endpoints. Only the worldwide cloud (which GCC also uses) is selectable today;
 * the sovereign clouds of catalog section D come with `--cloud`.
 */
export interface Cloud {
  name: 'global';
  authorityHost: string;
  /** Client credentials must ask for `<resource>/.default` (catalog A.9; Microsoft's OAuth doc for SMTP). */
  scope: string;
  smtpHost: string;
  smtpPort: number;
  /**
   * `aud` values Exchange Online accepts for SMTP (catalog C: richfaj/SmtpClientDiag's list; a v1 token
   * may carry a trailing slash).
   */
  audiences: readonly string[];
  portal: string;
}

export const GLOBAL_CLOUD: Cloud = {
  name: 'global',
  authorityHost: 'https://login.microsoftonline.com',
  scope: 'https://outlook.office365.com/.default',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
  audiences: ['https://outlook.office365.com', 'https://outlook.office.com'],
  portal: 'https://entra.microsoft.com',
};

/** Authority hosts that belong to Microsoft: for these the tool uses static metadata (no discovery requests). */
export const MICROSOFT_AUTHORITY_HOSTS: ReadonlySet<string> = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
]);
