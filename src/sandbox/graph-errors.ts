/**
 * Microsoft Graph's error answers as the sandbox gives them: the documented body shape
 * (`{error:{code,message,innerError:{date,request-id,client-request-id}}}`, Microsoft Graph "Error
 * responses and resource types") with the codes and texts of automation-notes.md §2 and §4 and the
 * public reports cited per entry. All Graph texts live here; graph-api.ts only picks one.
 */

export interface GraphError {
  status: number;
  code: string;
  message: string;
}

function g(status: number, code: string, message: string): GraphError {
  return { status, code, message };
}

export const GraphErrors = {
  /** No bearer token at all. */
  tokenMissing: () => g(401, 'InvalidAuthenticationToken', 'Access token is empty.'),
  /** A token that does not verify (signature, shape). */
  tokenInvalid: () => g(401, 'InvalidAuthenticationToken', 'Access token validation failure.'),
  /** A token for another resource (e.g. Exchange's). */
  tokenWrongAudience: () => g(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'),
  tokenExpired: () => g(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
  /**
   * automation-notes.md §4 "never retry a refusal": the token lacks the operation's permission, or
   * the signed-in administrator lacks the directory role.
   */
  insufficientPrivileges: () => g(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  /**
   * An object that does not exist or has not replicated yet (automation-notes.md §4, first row:
   * KelvinTegelaar/CIPP-API PR #1955, Azure/bicep#16811; "400/404": 404 is answered).
   */
  resourceNotFound: (id: string) =>
    g(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  /** automation-notes.md §4, second row (msgraph-bicep-types#193): the principal of an assignment is not visible yet. */
  notAValidReferenceUpdate: () => g(400, 'Request_BadRequest', 'Not a valid reference update.'),
  /** A second service principal for the same app (KelvinTegelaar/CIPP#1142: Request_MultipleObjectsWithSameKeyValue, 409). */
  servicePrincipalExists: (appId: string) =>
    g(
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      `The service principal cannot be created, updated, or restored because the service principal name ${appId} is already in use.`,
    ),
  /** An app role id the resource does not define [UNVERIFIED wording]. */
  appRoleNotFound: (resourceAppId: string) =>
    g(400, 'Request_BadRequest', `Permission being assigned was not found on application '${resourceAppId}'.`),
  /** The same assignment again [UNVERIFIED wording]. */
  assignmentExists: () => g(400, 'Request_BadRequest', 'Permission being assigned already exists on the object.'),
  /** A property value Graph refuses (tags with spaces, a certificate that does not parse) [UNVERIFIED wording]. */
  invalidProperty: (property: string, resource: string) =>
    g(400, 'Request_BadRequest', `Invalid value specified for property '${property}' of resource '${resource}'.`),
  missingProperty: (property: string) =>
    g(400, 'Request_BadRequest', `A value is required for property '${property}' of resource 'Application'.`),
  /** A body that is not JSON. */
  badBody: () => g(400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'),
  /** A $filter the sandbox (and for most forms Graph) does not support. */
  unsupportedQuery: () => g(400, 'Request_UnsupportedQuery', 'Unsupported Query.'),
  /** A path Graph v1.0 does not have. */
  noResource: (segment: string) => g(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: () => g(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request uri.'),
  /** removePassword with a keyId the app does not have [UNVERIFIED wording]. */
  noSuchPassword: (keyId: string) => g(404, 'Request_ResourceNotFound', `No password credential found with keyId '${keyId}'.`),
} as const;

/** `2024-05-01T12:00:00` as Graph writes innerError.date (no fraction, no zone). */
export function graphDate(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, '');
}

export function graphErrorBody(err: GraphError, requestId: string, clientRequestId: string, at: Date): string {
  return JSON.stringify({
    error: {
      code: err.code,
      message: err.message,
      innerError: { date: graphDate(at), 'request-id': requestId, 'client-request-id': clientRequestId },
    },
  });
}

/** Microsoft's example of the Security Defaults policy object (identitysecuritydefaultsenforcementpolicy-get). */
export const SECURITY_DEFAULTS_POLICY = {
  id: '00000000-0000-0000-0000-000000000005',
  displayName: 'Security Defaults',
  description:
    'Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, these recommendations will be automatically enforced in your organization. Administrators and users will be better protected from common identity related attacks.',
} as const;
