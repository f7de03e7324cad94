import type { ExitCode } from '../exit-codes.js';

/**
 * The four setup steps every diagnosis points back to:
 * 1 Entra ID app (permission SMTP.SendAsApp, admin consent, client secret),
 * 2 Exchange service principal (New-ServicePrincipal, Add-MailboxPermission),
 * 3 SMTP AUTH on the mailbox (Set-CASMailbox), 4 the sending application's settings.
 */
export type SetupStep = 1 | 2 | 3 | 4;

export interface Diagnosis {
  /** Stable identifier, kebab-case (e.g. `client-secret-invalid`). Scripts match on it: never rename. */
  code: string;
  /** The setup step whose fix applies, or null when none does (network, Microsoft-side). */
  step: SetupStep | null;
  /**
   * True when the same request, unchanged, with nobody doing anything, may succeed later (throttling,
   * Microsoft-side temporary failures, timeouts). Every retry policy retries these.
   */
  transient: boolean;
  /**
   * True when this is also the answer while a change of steps 1–3 made in the last minutes to hours
   * is not in effect yet: waiting helps only if someone just made one (`check --wait`, the wizard).
   */
  propagation: boolean;
  /** Also answered for some seconds right after the credential was added (catalog `freshCredential`). */
  freshCredential?: boolean;
  /** What happened, in one or two plain sentences. */
  summary: string;
  /** The exact command or portal action, with the user's values filled in where known. */
  fix: string;
  /** The process exit code this failure maps to. */
  exitCode: ExitCode;
  /** What was recognised, e.g. `AADSTS7000215` or `535 5.7.139`; null for local checks. */
  source: string | null;
  /** A Microsoft Learn page about it, when there is one. */
  learnMore?: string;
}

/** Values known at the time of the failure, used to fill commands in the fix. All optional. */
export interface DiagnosisContext {
  tenantId?: string;
  clientId?: string;
  mailbox?: string;
  from?: string;
  smtpHost?: string;
  smtpPort?: number;
  authorityHost?: string;
  /** The `--cloud` in use (global, usgov, usgovdod, china), to name the right one after a wrong-cloud answer. */
  cloud?: string;
  /** `oid` claim of the token: the Exchange service principal's object id for New-ServicePrincipal. */
  servicePrincipalObjectId?: string;
  /** Whether the token used for AUTH carried the SMTP.SendAsApp role (sharpens 535 5.7.3). */
  tokenHasSendAsRole?: boolean;
  /** The client secret's expiry date as the user gave it (`--secret-expires`, YYYY-MM-DD or ISO 8601). */
  secretExpiresOn?: string;
}

/** A failure reported by the token endpoint (or the way to it), normalised from MSAL's errors. */
export type TokenFailure =
  | {
      kind: 'server';
      /** OAuth error class, e.g. `invalid_client`, `unauthorized_client`, `temporarily_unavailable`. */
      error?: string;
      /** The AADSTS number when known (from `error_codes` or the description). */
      aadsts?: number;
      /** HTTP status when known. */
      status?: number;
      /** `error_description` or the library's message: free text that may embed `AADSTS…`. */
      description: string;
      /** Seconds from a Retry-After header, when given. */
      retryAfterSeconds?: number;
    }
  | {
      kind: 'transport';
      /** Node/OpenSSL error code: ECONNREFUSED, ENOTFOUND, ETIMEDOUT, SELF_SIGNED_CERT_IN_CHAIN, … */
      code: string;
      message: string;
      host: string;
      port: number;
    };

/** The SMTP dialogue phase in which a failure happened. */
export type SmtpPhase = 'connect' | 'greeting' | 'ehlo' | 'starttls' | 'auth' | 'mail' | 'rcpt' | 'data';

export interface SmtpFailure {
  phase: SmtpPhase;
  /** nodemailer's error code (ECONNECTION, ETIMEDOUT, ESOCKET, ETLS, EAUTH, EENVELOPE, EMESSAGE, …) or a Node code. */
  code?: string;
  /** The underlying Node/OpenSSL code when nodemailer wrapped one (e.g. SELF_SIGNED_CERT_IN_CHAIN). */
  causeCode?: string;
  /** Numeric SMTP reply code when the server answered (535, 550, …). */
  responseCode?: number;
  /** The server's full reply line(s) when it answered. */
  response?: string;
  message: string;
  host: string;
  port: number;
}

/** A problem found in the access token's claims before it is used. */
export type ClaimProblem =
  | { kind: 'missing-role'; roles: string[] }
  | { kind: 'audience'; aud: string; expected: string[] }
  | { kind: 'tenant-mismatch'; tid: string; expected: string }
  | { kind: 'app-mismatch'; appid: string; expected: string }
  | { kind: 'expired'; exp: number; now: number }
  | { kind: 'delegated'; scp?: string; upn?: string }
  | { kind: 'undecodable'; reason: string };

/** Everything the wording functions may use: the user's values plus facts about this failure. */
export interface Facts extends DiagnosisContext {
  /** Which server the failure concerns. */
  target?: 'token' | 'smtp';
  host?: string;
  port?: number;
  phase?: SmtpPhase;
  /** The server's or library's words, already redacted and capped (about 300 characters). */
  quoted?: string;
  /** What was recognised: `AADSTS7000215`, `535 5.7.3`, `ECONNREFUSED`, … */
  matched?: string;
  status?: number;
  oauthError?: string;
  retryAfterSeconds?: number;
  claim?: ClaimProblem;
  /** The secret is past `secretExpiresOn`, yet Entra ID still issued a token with it (a local check). */
  secretStillAccepted?: boolean;
  /** How many problems the input had (`input-invalid`, `input-missing`); the first is in `quoted`. */
  problemCount?: number;
  /** The administrator's side (domain `admin`): the operation, the missing scopes, the roles that would do. */
  admin?: AdminFacts;
}

// ---------------------------------------------------------------------------------------------
// The administrator's side: the automatic setup's sign-in, Microsoft Graph, Exchange's admin endpoint

/** Entra ID directory roles the automatic setup's operations need (Microsoft Entra built-in roles). */
export type AdminRole =
  | 'globalAdministrator'
  | 'applicationAdministrator'
  | 'cloudApplicationAdministrator'
  | 'privilegedRoleAdministrator'
  | 'exchangeAdministrator'
  | 'globalReader'
  | 'securityReader'
  | 'securityAdministrator';

/** What the automatic setup does as the administrator, one name per kind of change or read. */
export type AdminOperation =
  | 'sign-in'
  | 'read-applications'
  | 'write-applications'
  | 'grant-permission'
  | 'read-policy'
  | 'exchange-admin';

/** A failure on the administrator's side, normalised for the diagnosis engine. */
export type AdminFailure =
  | {
      kind: 'sign-in';
      /** OAuth error class (`expired_token`, `authorization_declined`, `invalid_client`) or MSAL's error code. */
      error?: string;
      aadsts?: number;
      /** Entra ID's or MSAL's words (never a token). */
      description: string;
      /** The resource the sign-in was for (`https://graph.microsoft.com`). */
      resource?: string;
    }
  | {
      /** Graph or the admin endpoint answered with an error in its documented shape. */
      kind: 'answer';
      service: 'graph' | 'exchange';
      operation: AdminOperation;
      status: number;
      /** Graph's `error.code` (`Authorization_RequestDenied`), or the cmdlet error's .NET type. */
      code?: string;
      /** Microsoft's words, as answered. */
      message: string;
      cmdlet?: string;
      retryAfterSeconds?: number;
    }
  | {
      /** The admin endpoint answered in a shape automation-notes.md §3 does not describe. */
      kind: 'unexpected';
      cmdlet: string;
      status: number;
    }
  | {
      /** A local check of the administrator's token before anything is changed. */
      kind: 'permissions';
      operation: AdminOperation;
      /** Delegated permissions the token lacks (each entry: one of these would do). */
      missingScopes: string[];
      /** The directory roles of which the administrator holds none (empty: roles are fine or unknown). */
      neededRoles: AdminRole[];
    }
  | { kind: 'transport'; code: string; message: string; host: string; port: number };

/** The facts of an administrator's failure that its words name. */
export interface AdminFacts {
  operation?: AdminOperation;
  cmdlet?: string;
  missingScopes?: string[];
  /** Any one of these roles allows the operation. */
  neededRoles?: AdminRole[];
  /** The public client the administrator signed in with (its application id). */
  signInClient?: string;
  /** How long the replication retry waited before it gave up, in seconds. */
  waitedSeconds?: number;
}
