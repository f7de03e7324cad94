import type { CheckReport, CheckTimings, WaitAttempt } from '../check/run.js';
import type { CheckPlan } from '../check/plan.js';
import { type DiagnosisJson, diagnosisJson } from '../diagnose/json.js';
import { diagnoseCancelled, diagnoseInputProblems, diagnoseInternalError } from '../diagnose/index.js';
import { whatIsLookedFor } from '../diagnose/looked-for.js';
import type { Diagnosis } from '../diagnose/types.js';
import { CancelledError, CliError, DiagnosedError, InputError, internalErrorMessage } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { currentLanguage, t } from '../messages/index.js';
import type { Language } from '../messages/language.js';

export { type DiagnosisJson, diagnosisJson };

/**
 * The JSON contract of every `--json` output, written down in schema/*.schema.json: one module builds
 * the object of every outcome, so a script never needs to know which kind of failure happened before
 * it reads one. The rules: the same top-level fields in every outcome (success, a refusal, an input
 * error, a cancelled run, an internal error); a field that does not apply is `null`, never absent;
 * `attempts` and `warnings` are always arrays. Fields are copied one by one (never spread), so that a
 * new field reaches the output only together with a change of the schema.
 *
 * Every code, key and enum is English and stable in every language; the top level of each output
 * names its language (`lang`), and only the words meant for a person (a diagnosis's `summary` and
 * `fix`, warnings, `suggestion`, error messages) follow it.
 */

/** A diagnosis as every JSON output shows it (schema/diagnosis.schema.json). */

/** The error beside the diagnosis when a command could not run (kept from the first JSON contract). */
export interface ErrorJson {
  message: string;
  problems: string[];
}

/** The report of one check as JSON: a check's fields, also each result of a fleet (schema/check.schema.json#/$defs/report). */
export interface CheckReportJson {
  ok: boolean;
  exitCode: number;
  diagnosis: DiagnosisJson | null;
  error: ErrorJson | null;
  /** Null when the command could not start a check (invalid input, …). */
  plan: CheckPlan | null;
  token: CheckReport['token'];
  smtp: Omit<CheckReport['smtp'], 'host' | 'port'> & { host: string | null; port: number | null };
  attempts: WaitAttempt[];
  warnings: string[];
  timings: CheckTimings;
}

/** `check --json` (schema/check.schema.json): the report, and the language its words are in. */
export type CheckJson = { lang: Language } & CheckReportJson;

/** `demo --json` (schema/demo.schema.json): a check's JSON and what the sandbox received. */
export type DemoJson = CheckJson & { sandbox: { scenario: string; received: unknown[] } | null };

export type JsonShape = 'check' | 'demo' | 'explain' | 'fleet';


/** `check --json` of a check that ran (whatever it found). */
export function checkJson(report: CheckReport): CheckJson {
  return { lang: currentLanguage(), ...checkReportJson(report) };
}

/** `demo --json`: the check against the sandbox, and what the sandbox received. */
export function demoJson(report: CheckReport, sandbox: DemoJson['sandbox']): DemoJson {
  return { ...checkJson(report), sandbox };
}

/** The report of a check that ran, without the language (a fleet's result; the fleet's top level has it). */
export function checkReportJson(report: CheckReport): CheckReportJson {
  const { token, smtp } = report;
  return {
    ok: report.ok,
    exitCode: report.exitCode,
    diagnosis: report.diagnosis && diagnosisJson(report.diagnosis),
    error: null,
    plan: report.plan,
    token: {
      acquired: token.acquired,
      expiresOn: token.expiresOn,
      claims: token.claims && {
        aud: token.claims.aud,
        roles: token.claims.roles,
        tid: token.claims.tid,
        appid: token.claims.appid,
        oid: token.claims.oid,
        exp: token.claims.exp,
        appDisplayName: token.claims.appDisplayName,
      },
      servicePrincipalObjectId: token.servicePrincipalObjectId,
    },
    smtp: {
      host: smtp.host,
      port: smtp.port,
      reachable: smtp.reachable,
      tlsVersion: smtp.tlsVersion,
      authMechanisms: smtp.authMechanisms && [...smtp.authMechanisms],
      authenticated: smtp.authenticated,
      response: smtp.response,
      messageId: smtp.messageId,
    },
    attempts: report.attempts.map((a) => ({ at: a.at, exitCode: a.exitCode, diagnosisCode: a.diagnosisCode })),
    warnings: [...report.warnings],
    timings: {
      tokenMs: report.timings.tokenMs,
      smtpConnectMs: report.timings.smtpConnectMs,
      authMs: report.timings.authMs,
      sendMs: report.timings.sendMs,
      totalMs: report.timings.totalMs,
    },
  };
}

/** What every error becomes: its exit code, a diagnosis from the catalog, and the error as before (also `--format nagios`). */
export function errorOutcome(error: unknown): { exitCode: number; diagnosis: DiagnosisJson; error: ErrorJson } {
  if (error instanceof InputError) {
    const problems = [...error.problems];
    return {
      exitCode: error.exitCode,
      diagnosis: diagnosisJson({ ...diagnoseInputProblems(problems, error.kind), problems }),
      error: { message: problems.join('\n'), problems },
    };
  }
  if (error instanceof CancelledError) {
    return { exitCode: error.exitCode, diagnosis: diagnosisJson(diagnoseCancelled(error.message, error.exitCode)), error: { message: error.message, problems: [error.message] } };
  }
  if (error instanceof DiagnosedError) {
    return { exitCode: error.exitCode, diagnosis: diagnosisJson(error.diagnosis), error: { message: error.message, problems: [error.message] } };
  }
  if (error instanceof CliError) {
    // A typed error without a diagnosis of its own: its exit code says which kind it is.
    const problems = [error.message];
    const diagnosis =
      error.exitCode === ExitCode.input
        ? { ...diagnoseInputProblems(problems, 'invalid'), problems }
        : error.exitCode > 128
          ? diagnoseCancelled(error.message, error.exitCode)
          : diagnoseInternalError(error.message);
    return { exitCode: error.exitCode, diagnosis: diagnosisJson(diagnosis), error: { message: error.message, problems } };
  }
  const detail = error instanceof Error ? error.message : String(error);
  const message = internalErrorMessage(error);
  return { exitCode: ExitCode.internal, diagnosis: diagnosisJson(diagnoseInternalError(detail)), error: { message, problems: [message] } };
}

/**
 * The JSON of a command that ended with an error instead of a result, in the shape of that
 * command's result: nothing ran, so every section is empty (null, false, empty arrays), and the
 * one attempt made is the failed one.
 */
export function errorJson(shape: JsonShape, error: unknown, now: Date = new Date()): object {
  const { exitCode, diagnosis, error: errorPart } = errorOutcome(error);
  switch (shape) {
    case 'explain':
      return explainJsonOf({ recognized: false, exitCode, diagnosis, others: [], error: errorPart });
    case 'fleet':
      return {
        lang: currentLanguage(),
        ok: false,
        exitCode,
        diagnosis,
        error: errorPart,
        shard: null,
        totals: { targets: 0, passed: 0, failed: 0, warned: 0, byExitCode: {}, tokens: 0, retries: 0, durationMs: 0 },
        results: [],
      };
    case 'check':
    case 'demo': {
      const check: CheckJson = {
        lang: currentLanguage(),
        ok: false,
        exitCode,
        diagnosis,
        error: errorPart,
        plan: null,
        token: { acquired: false, expiresOn: null, claims: null, servicePrincipalObjectId: null },
        smtp: { host: null, port: null, reachable: null, tlsVersion: null, authMechanisms: null, authenticated: false, response: null, messageId: null },
        attempts: [{ at: now.toISOString(), exitCode, diagnosisCode: diagnosis.code }],
        warnings: [],
        timings: { tokenMs: null, smtpConnectMs: null, authMs: null, sendMs: null, totalMs: null },
      };
      return shape === 'demo' ? { ...check, sandbox: null } : check;
    }
  }
}

/** `explain --json` (schema/explain.schema.json); `lookedFor` and `suggestion` only when nothing was recognised. */
export function explainJsonOf(result: {
  recognized: boolean;
  exitCode: number;
  diagnosis: DiagnosisJson | null;
  others: DiagnosisJson[];
  error?: ErrorJson | null;
}): object {
  return {
    lang: currentLanguage(),
    recognized: result.recognized,
    exitCode: result.exitCode,
    diagnosis: result.diagnosis,
    others: result.others,
    lookedFor: result.recognized ? null : whatIsLookedFor().map((l) => ({ kind: l.kind, known: l.known, examples: l.examples })),
    suggestion: result.recognized ? null : t('explain.suggestion'),
    error: result.error ?? null,
  };
}
