/**
 * The words of Microsoft's English portals, as the admin sees them: the Microsoft Entra admin
 * center's blades, buttons and columns, and Microsoft's terms for the objects this tool deals with.
 * Texts name portal places through this vocabulary only, so each language has them in one place and
 * in the portal's own spelling. Another language's vocabulary has exactly these keys (vocabulary/de.ts).
 */
export const vocabularyEn = {
  /** Microsoft Learn pages exist per locale: `https://learn.microsoft.com/<locale>/…`. */
  learnLocale: 'en-us',
  entraAdminCenter: 'Microsoft Entra admin center',
  entraId: 'Entra ID',
  overview: 'Overview',
  /** The admin center's navigation to App registrations (Identity → Applications). */
  identity: 'Identity',
  applications: 'Applications',
  properties: 'Properties',
  appRegistrations: 'App registrations',
  newRegistration: 'New registration',
  name: 'Name',
  supportedAccountTypes: 'Supported account types',
  singleTenant: 'Accounts in this organizational directory only (Single tenant)',
  register: 'Register',
  applicationClientId: 'Application (client) ID',
  directoryTenantId: 'Directory (tenant) ID',
  objectId: 'Object ID',
  apiPermissions: 'API permissions',
  addPermission: 'Add a permission',
  apisMyOrganizationUses: 'APIs my organization uses',
  exchangeOnlineApi: 'Office 365 Exchange Online',
  applicationPermissions: 'Application permissions',
  delegatedPermissions: 'Delegated permissions',
  addPermissions: 'Add permissions',
  /** The button reads "Grant admin consent for <tenant name>". */
  grantAdminConsent: 'Grant admin consent',
  /** The button with the tenant's name in it, the name left as a placeholder. */
  grantAdminConsentForTenant: 'Grant admin consent for <tenant name>',
  /** The status column of a granted permission: "Granted for <tenant name>". */
  grantedFor: 'Granted for',
  typeColumn: 'Type',
  statusColumn: 'Status',
  typeApplication: 'Application',
  typeDelegated: 'Delegated',
  yes: 'Yes',
  certificatesAndSecrets: 'Certificates & secrets',
  clientSecrets: 'Client secrets',
  newClientSecret: 'New client secret',
  description: 'Description',
  expires: 'Expires',
  add: 'Add',
  valueColumn: 'Value',
  secretId: 'Secret ID',
  certificates: 'Certificates',
  uploadCertificate: 'Upload certificate',
  thumbprint: 'Thumbprint',
  enterpriseApplications: 'Enterprise applications',
  allApplications: 'All applications',
  manageSecurityDefaults: 'Manage security defaults',
  securityDefaults: 'Security defaults',
  securityDefaultsDisabled: 'Disabled',
  conditionalAccess: 'Conditional Access',
  // Places the diagnoses name (the sign-in logs, an app's Authentication and Properties pages).
  monitoringHealth: 'Monitoring & health',
  signInLogs: 'Sign-in logs',
  servicePrincipalSignIns: 'Service principal sign-ins',
  policies: 'Policies',
  authentication: 'Authentication',
  advancedSettings: 'Advanced settings',
  allowPublicClientFlows: 'Allow public client flows',
  enabledForUsersToSignIn: 'Enabled for users to sign in?',
  applicationTypeFilter: 'Application type',
  save: 'Save',
  no: 'No',
  // Microsoft's terms for the objects (not portal places).
  tenant: 'tenant',
  servicePrincipal: 'service principal',
  mailbox: 'mailbox',
  applicationPermission: 'application permission',
  adminConsent: 'admin consent',
  exchangeOnlinePowerShell: 'Exchange Online PowerShell',
  // Microsoft Entra built-in roles, as Learn's "Microsoft Entra built-in roles" names them.
  roleGlobalAdministrator: 'Global Administrator',
  roleApplicationAdministrator: 'Application Administrator',
  roleCloudApplicationAdministrator: 'Cloud Application Administrator',
  rolePrivilegedRoleAdministrator: 'Privileged Role Administrator',
  roleExchangeAdministrator: 'Exchange Administrator',
  roleGlobalReader: 'Global Reader',
  roleSecurityReader: 'Security Reader',
  roleSecurityAdministrator: 'Security Administrator',
} as const;

export type Vocabulary = { readonly [K in keyof typeof vocabularyEn]: string };
