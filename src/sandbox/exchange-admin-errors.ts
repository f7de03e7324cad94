/**
 * What Exchange Online's admin endpoint (`/adminapi/beta/{tenant}/InvokeCommand`) answers when a
 * cmdlet fails, in the shapes automation-notes.md §3 lists: `error.details[].message` as
 * `Code|Type|Message`, `error.innererror.internalException.message`, and `error.message` — all three
 * in one body, so a client reading any of them finds the cmdlet's text. The endpoint is undocumented
 * (§3): the cmdlet texts are those Exchange PowerShell prints, cited per entry; the ids before the
 * first `|` are the sandbox's own.
 */

/** The domain controller Exchange names in "couldn't be found on …" (shaped like Exchange's, clearly not Microsoft's). */
export const DOMAIN_CONTROLLER = 'SBX1PR01DC0001.SBX1PR01.sandbox.outlook.test';

export interface CmdletError {
  status: number;
  /** .NET exception type, the middle part of `Code|Type|Message`. */
  type: string;
  message: string;
}

function c(type: string, message: string, status = 400): CmdletError {
  return { status, type, message };
}

export const ExchangeAdminErrors = {
  /** Get-/Remove-/Set-… of an object that does not exist (Exchange's ManagementObjectNotFoundException text). */
  objectNotFound: (identity: string) =>
    c(
      'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
      `The operation couldn't be performed because object '${identity}' couldn't be found on '${DOMAIN_CONTROLLER}'.`,
    ),
  /** Add-MailboxPermission / Add-RecipientPermission: the user or trustee does not resolve. */
  userNotFound: (user: string) =>
    c(
      'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
      `User or group "${user}" wasn't found. Please make sure you've typed it correctly.`,
    ),
  /**
   * New-ServicePrincipal before Entra ID's service principal has reached Exchange (automation-notes.md
   * §4: "not confirmed"; wording [UNVERIFIED]).
   */
  entraServicePrincipalNotFound: (appId: string) =>
    c(
      'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException',
      `The service principal with AppId '${appId}' couldn't be found in Azure Active Directory. If it was created recently, try again later.`,
    ),
  /** A second New-ServicePrincipal for the same app [UNVERIFIED wording]. */
  servicePrincipalExists: (appId: string) =>
    c('Microsoft.Exchange.Management.Tasks.ServicePrincipalAlreadyExistsException', `A service principal with AppId '${appId}' already exists.`),
  /** PowerShell's parameter binding text. */
  unknownParameter: (name: string) =>
    c('System.Management.Automation.ParameterBindingException', `A parameter cannot be found that matches parameter name '${name}'.`),
  missingParameter: (name: string, cmdlet: string) =>
    c(
      'System.Management.Automation.ParameterBindingException',
      `Cannot process command because of one or more missing mandatory parameters: ${name}. (${cmdlet})`,
    ),
  invalidParameter: (name: string, value: string) =>
    c('System.Management.Automation.ParameterBindingException', `Cannot bind parameter '${name}'. Cannot convert value "${value}".`),
  /** A cmdlet the endpoint does not run (PowerShell's CommandNotFoundException text). */
  unknownCmdlet: (name: string) =>
    c(
      'System.Management.Automation.CommandNotFoundException',
      `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program.`,
    ),
  /** The signed-in user is not an Exchange administrator [UNVERIFIED wording and status]. */
  notAnAdministrator: (upn: string) =>
    c('Microsoft.Exchange.Configuration.Authorization.AuthorizationException', `The user "${upn}" isn't assigned to any management roles.`, 403),
} as const;

/** Remove-MailboxPermission / Remove-RecipientPermission of an entry that is not there: a warning, not an error. */
export function aceDoesNotExistWarning(identity: string): string {
  return `Can't remove the access control entry on the object "${identity}" for account "${identity}" because the ACE doesn't exist on the object.`;
}

/** Add-MailboxPermission of an entry already there: Exchange warns and changes nothing. */
export function aceExistsWarning(): string {
  return 'The appropriate access control entry is already present on the object.';
}

export function cmdletErrorBody(err: CmdletError, cmdlet: string, requestId: string): Record<string, unknown> {
  const id = `Ex${requestId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
  return {
    error: {
      code: err.status === 403 ? 'Forbidden' : 'BadRequest',
      message: err.message,
      details: [{ code: 'Context', target: cmdlet, message: `${id}|${err.type}|${err.message}` }],
      innererror: {
        message: err.message,
        type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException',
        internalException: { message: err.message, type: err.type },
      },
    },
  };
}

/** A missing or unusable bearer token (the body shape `error.message` of automation-notes.md §3; the text is the sandbox's own). */
export function unauthorizedBody(): Record<string, unknown> {
  return { error: { code: 'InvalidToken', message: 'The access token is missing, expired or not valid for this resource.' } };
}

/** A path or method the endpoint does not serve (ASP.NET Web API's text). */
export function notFoundBody(path: string): Record<string, unknown> {
  return { error: { code: 'NotFound', message: `No HTTP resource was found that matches the request URI '${path}'.` } };
}

/**
 * The "unexpected answer" mode: 200 with a body in no shape automation-notes.md §3 describes (no
 * `value`), which a client must treat as "fall back to the generated PowerShell", never as success.
 */
export function unexpectedAnswerBody(cmdlet: string): Record<string, unknown> {
  return { Results: `The command ${cmdlet} was accepted.`, State: 'Completed' };
}
