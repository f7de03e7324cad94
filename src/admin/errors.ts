import { diagnoseAdminFailure } from '../diagnose/index.js';
import type { AdminFacts, AdminFailure, Diagnosis, DiagnosisContext } from '../diagnose/types.js';
import { REQUIREMENTS } from './requirements.js';

/**
 * A failure of the administrator's side (sign-in, Graph, the admin endpoint) as a typed error: its
 * `failure` feeds the diagnosis. Its message names the service, status and code only: never a token,
 * never a secret, never a request body.
 */
export class AdminApiError extends Error {
  constructor(readonly failure: AdminFailure) {
    super(summaryOf(failure));
    this.name = 'AdminApiError';
  }
}

function summaryOf(f: AdminFailure): string {
  switch (f.kind) {
    case 'answer':
      return `${f.service} ${f.operation}${f.cmdlet ? ` ${f.cmdlet}` : ''}: HTTP ${f.status}${f.code ? ` ${f.code}` : ''}`;
    case 'sign-in':
      return `sign-in: ${f.error ?? ''}${f.aadsts ? ` AADSTS${f.aadsts}` : ''}`.trim();
    case 'transport':
      return `${f.code} ${f.host}:${f.port}`;
    case 'unexpected':
      return `exchange ${f.cmdlet}: unexpected answer (HTTP ${f.status})`;
    case 'permissions':
      return `permissions ${f.operation}: ${[...f.missingScopes, ...f.neededRoles].join(', ')}`;
  }
}

export interface AdminDiagnosisContext extends DiagnosisContext {
  /** The public client signed in with, for the words of a refused sign-in or a missing scope. */
  signInClient?: string;
  /** How long the replication retry waited before giving up, in seconds. */
  waitedSeconds?: number;
}

/** The diagnosis of an administrator failure, with the roles the refused operation needs filled in. */
export function diagnoseAdmin(failure: AdminFailure, ctx: AdminDiagnosisContext = {}): Diagnosis {
  const { signInClient, waitedSeconds, ...context } = ctx;
  const operation = failure.kind === 'answer' || failure.kind === 'permissions' ? failure.operation : undefined;
  const roles = operation && operation !== 'sign-in' ? REQUIREMENTS[operation].roles : null;
  const admin: AdminFacts = {
    ...(signInClient && { signInClient }),
    ...(waitedSeconds !== undefined && { waitedSeconds }),
    ...(failure.kind === 'answer' && roles && { neededRoles: [...roles] }),
  };
  return diagnoseAdminFailure(failure, context, admin);
}

/** The diagnosis of a thrown AdminApiError; a replication retry that gave up adds how long it waited. */
export function diagnoseAdminError(error: AdminApiError, ctx: AdminDiagnosisContext = {}): Diagnosis {
  const waitedMs = (error as AdminApiError & { waitedMs?: unknown }).waitedMs;
  return diagnoseAdmin(error.failure, { ...(typeof waitedMs === 'number' && { waitedSeconds: waitedMs / 1000 }), ...ctx });
}
