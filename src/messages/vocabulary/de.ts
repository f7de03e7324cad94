import type { Vocabulary } from './en.js';

/**
 * The German portal's words (Microsoft Entra Admin Center in German; Microsoft Learn /de-de/).
 * Source: ../shared/reference/german-portal-terms.md, where each label has its source. Labels marked
 * "not confirmed" there (Beschreibung, Gültig bis, Geheimnis-ID, Fingerabdruck as a column) are used
 * only in sentences that also name the blade or the column's content, so they help even if the
 * portal words them slightly differently. Not in that reference, and written as Microsoft Learn's
 * German pages name them: Eigenschaften, Delegierte Berechtigungen, Typ, Anwendung, Delegiert,
 * Sicherheitsstandards verwalten, Deaktiviert, and the navigation Identität → Anwendungen (used only
 * beside the blade's address).
 */
export const vocabularyDe: Vocabulary = {
  learnLocale: 'de-de',
  entraAdminCenter: 'Microsoft Entra Admin Center',
  entraId: 'Entra ID',
  overview: 'Übersicht',
  identity: 'Identität',
  applications: 'Anwendungen',
  properties: 'Eigenschaften',
  appRegistrations: 'App-Registrierungen',
  newRegistration: 'Neue Registrierung',
  name: 'Name',
  supportedAccountTypes: 'Unterstützte Kontotypen',
  singleTenant: 'Nur Konten in diesem Organisationsverzeichnis (einzelner Mandant)',
  register: 'Registrieren',
  applicationClientId: 'Anwendungs-ID (Client)',
  directoryTenantId: 'Verzeichnis-ID (Mandant)',
  objectId: 'Objekt-ID',
  apiPermissions: 'API-Berechtigungen',
  addPermission: 'Berechtigung hinzufügen',
  apisMyOrganizationUses: 'Von meiner Organisation verwendete APIs',
  exchangeOnlineApi: 'Office 365 Exchange Online',
  applicationPermissions: 'Anwendungsberechtigungen',
  delegatedPermissions: 'Delegierte Berechtigungen',
  addPermissions: 'Berechtigungen hinzufügen',
  grantAdminConsent: 'Administratorzustimmung erteilen',
  grantAdminConsentForTenant: 'Administratorzustimmung für „<Mandantenname>“ erteilen',
  grantedFor: 'Gewährt für',
  typeColumn: 'Typ',
  statusColumn: 'Status',
  typeApplication: 'Anwendung',
  typeDelegated: 'Delegiert',
  yes: 'Ja',
  certificatesAndSecrets: 'Zertifikate & Geheimnisse',
  clientSecrets: 'Geheime Clientschlüssel',
  newClientSecret: 'Neuer geheimer Clientschlüssel',
  description: 'Beschreibung',
  expires: 'Gültig bis',
  add: 'Hinzufügen',
  valueColumn: 'Wert',
  secretId: 'Geheimnis-ID',
  certificates: 'Zertifikate',
  uploadCertificate: 'Zertifikat hochladen',
  thumbprint: 'Fingerabdruck',
  enterpriseApplications: 'Unternehmensanwendungen',
  allApplications: 'Alle Anwendungen',
  manageSecurityDefaults: 'Sicherheitsstandards verwalten',
  securityDefaults: 'Sicherheitsstandards',
  securityDefaultsDisabled: 'Deaktiviert',
  conditionalAccess: 'Bedingter Zugriff',
  // Places the diagnoses name; not in the reference, written as Microsoft Learn's German pages name
  // them: the sentences using them also say what the place is for.
  monitoringHealth: 'Überwachung und Integrität',
  signInLogs: 'Anmeldeprotokolle',
  servicePrincipalSignIns: 'Dienstprinzipalanmeldungen',
  policies: 'Richtlinien',
  authentication: 'Authentifizierung',
  advancedSettings: 'Erweiterte Einstellungen',
  allowPublicClientFlows: 'Öffentliche Clientflows zulassen',
  enabledForUsersToSignIn: 'Aktiviert für die Anmeldung durch Benutzer?',
  applicationTypeFilter: 'Anwendungstyp',
  save: 'Speichern',
  no: 'Nein',
  tenant: 'Mandant',
  servicePrincipal: 'Dienstprinzipal',
  mailbox: 'Postfach',
  applicationPermission: 'Anwendungsberechtigung',
  adminConsent: 'Administratorzustimmung',
  exchangeOnlinePowerShell: 'Exchange Online PowerShell',
  // Microsoft Entra built-in roles. Confirmed in Learn's German "Integrierte Microsoft Entra-Rollen":
  // Anwendungsadministrator. The others are Microsoft's usual German role names, not confirmed here:
  // the admin texts add the English name in parentheses, so a differently worded portal still matches.
  roleGlobalAdministrator: 'Globaler Administrator',
  roleApplicationAdministrator: 'Anwendungsadministrator',
  roleCloudApplicationAdministrator: 'Cloudanwendungsadministrator',
  rolePrivilegedRoleAdministrator: 'Administrator für privilegierte Rollen',
  roleExchangeAdministrator: 'Exchange-Administrator',
  roleGlobalReader: 'Globaler Leser',
  roleSecurityReader: 'Sicherheitsleseberechtigter',
  roleSecurityAdministrator: 'Sicherheitsadministrator',
};
