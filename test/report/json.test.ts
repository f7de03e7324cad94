import { describe, expect, it } from 'vitest';
import { msg, render } from '../../src/messages/index.js';
import { buildCheckPlan } from '../../src/check/plan.js';
import type { CheckReport } from '../../src/check/run.js';
import { catalog, diagnoseAdminFailure, diagnoseCancelled, diagnoseClaimProblems, diagnoseInputProblems, diagnoseInternalError, diagnoseSmtpFailure, diagnoseText, diagnoseTokenFailure } from '../../src/diagnose/index.js';
import type { Diagnosis } from '../../src/diagnose/types.js';
import { CancelledError, CliError, DiagnosedError, InputError } from '../../src/errors.js';
import { ExitCode } from '../../src/exit-codes.js';
import { checkJson, diagnosisJson, errorJson, explainJsonOf, type JsonShape } from '../../src/report/json.js';
import { Secret } from '../../src/inputs/secret.js';
import { checkInputsOf } from '../../src/wizard/context.js';
import { IDS } from '../wizard/fixtures.js';
import { adminFixtures } from '../diagnose/fixtures.js';
import { expectValid, loadSchema, schemaErrors, SCHEMA_KINDS } from '../support/json-schema.js';

const inputs = checkInputsOf({ tenantId: IDS.tenantId, clientId: IDS.clientId, mailbox: 'alerts@contoso.com' }, { kind: 'secret', secret: new Secret(IDS.secret, 'prompt') });

/** A report as runCheck returns it after the diagnosis `d` (what `finish` copies), every field set. */
function reportWith(d: Diagnosis | null): CheckReport {
  return {
    ok: d === null,
    exitCode: d?.exitCode ?? 0,
    diagnosis: d && { ...diagnosisJson(d) },
    plan: buildCheckPlan(inputs),
    token: { acquired: false, expiresOn: null, claims: null, servicePrincipalObjectId: null },
    smtp: { host: inputs.smtpHost, port: inputs.smtpPort, reachable: null, tlsVersion: null, authMechanisms: null, authenticated: false, response: null, messageId: null },
    attempts: [{ at: '2026-12-01T10:00:00.000Z', exitCode: d?.exitCode ?? 0, diagnosisCode: d?.code ?? null }],
    warnings: [],
    timings: { tokenMs: null, smtpConnectMs: null, authMs: null, sendMs: null, totalMs: null },
    expiry: { secret: null, certificate: null },
  };
}

/** Every catalog entry as a diagnosis, built by the public function of its domain with the facts that select it. */
function everyCatalogDiagnosis(): Map<string, Diagnosis> {
  const built = new Map<string, Diagnosis>();
  const add = (d: Diagnosis | undefined) => d && built.set(d.code, d);
  for (const entry of catalog) {
    const examples = [entry.example, entry.source].filter((t): t is string => typeof t === 'string');
    for (const text of examples) {
      const r = diagnoseText(text);
      add(r?.diagnosis);
      for (const other of r?.others ?? []) add(other);
    }
    if (entry.recognise.claim) add(diagnoseClaimProblems([claimProblemOf(entry.recognise.claim)]));
  }
  add(diagnoseTokenFailure({ kind: 'server', error: 'invalid_request', aadsts: 99999999, description: 'AADSTS99999999: something new' }));
  add(diagnoseTokenFailure({ kind: 'transport', code: 'EWHATEVER', message: 'odd', host: 'login.microsoftonline.com', port: 443 }));
  add(diagnoseTokenFailure({ kind: 'server', error: 'temporarily_unavailable', status: 503, description: 'try later' }));
  for (const [phase, code] of [['auth', 535], ['rcpt', 550], ['ehlo', 554], ['auth', 454]] as const) {
    add(diagnoseSmtpFailure({ phase, responseCode: code, response: `${code} something unusual`, message: 'x', host: 'smtp.office365.com', port: 587 }));
  }
  for (const tokenHasSendAsRole of [true, false]) {
    const reply = '535 5.7.3 Authentication unsuccessful [VI1PR0902CA0036.eurprd09.prod.outlook.com]';
    add(diagnoseSmtpFailure({ phase: 'auth', code: 'EAUTH', responseCode: 535, response: reply, message: 'x', host: 'smtp.office365.com', port: 587 }, { tokenHasSendAsRole }));
  }
  add(diagnoseSmtpFailure({ phase: 'connect', code: 'EWHATEVER', message: 'odd', host: 'smtp.office365.com', port: 587 }));
  add(diagnoseSmtpFailure({ phase: 'starttls', code: 'ETLS', message: 'STARTTLS not offered', host: 'smtp.office365.com', port: 587 }));
  add(diagnoseSmtpFailure({ phase: 'rcpt', responseCode: 452, response: '452 4.5.3 Too many recipients', message: 'x', host: 'smtp.office365.com', port: 587 }));
  add(diagnoseSmtpFailure({ phase: 'data', responseCode: 421, response: '421 4.3.2 Service not available', message: 'x', host: 'smtp.office365.com', port: 587 }));
  add(diagnoseInputProblems(['--smtp-port: must be a number'], 'invalid'));
  add(diagnoseInputProblems(['Missing: --tenant-id.'], 'missing'));
  add(diagnoseCancelled('Cancelled.', 130));
  add(diagnoseInternalError('boom'));
  // The automatic setup's administrator side (built from src/admin/ failures only).
  for (const f of adminFixtures) add(diagnoseAdminFailure(f.failure, {}, f.admin));
  return built;
}

function claimProblemOf(kind: NonNullable<(typeof catalog)[number]['recognise']['claim']>) {
  switch (kind) {
    case 'missing-role':
      return { kind, roles: [] };
    case 'audience':
      return { kind, aud: 'https://graph.microsoft.com', expected: ['https://outlook.office365.com'] };
    case 'tenant-mismatch':
      return { kind, tid: 'a', expected: 'b' };
    case 'app-mismatch':
      return { kind, appid: 'a', expected: 'b' };
    case 'expired':
      return { kind, exp: 1, now: 2 };
    case 'delegated':
      return { kind, scp: 'SMTP.Send' };
    case 'undecodable':
      return { kind, reason: 'not a JWT' };
  }
}

describe('the schemas (schema/)', () => {
  it.each(SCHEMA_KINDS)('%s: draft 2020-12, an $id, a description for every property', (kind) => {
    const schema = loadSchema(kind);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://smtp-oauth-setup.invalid/schema/${kind}.schema.json`);
    expect(typeof schema.description).toBe('string');
    // Every object lists all its properties as required: a field is present (null when it does not apply).
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        const names = Object.keys(n.properties);
        expect(n.required, `${path}: required`).toEqual(expect.arrayContaining(names));
        for (const [name, prop] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          expect(typeof prop.description === 'string' || typeof prop.$ref === 'string', `${path}.${name}: description`).toBe(true);
        }
      }
      for (const [key, child] of Object.entries(n)) walk(child, `${path}/${key}`);
    };
    walk(schema, kind);
  });

  it('rejects a check JSON with a field left out, or an unknown field at the top level', () => {
    const json = checkJson(reportWith(null));
    expect(schemaErrors('check', json)).toEqual([]);
    const { warnings: _w, ...withoutWarnings } = json;
    expect(schemaErrors('check', withoutWarnings).join()).toContain("must have required property 'warnings'");
    expect(schemaErrors('check', { ...json, extra: 1 }).join()).toContain('"unevaluatedProperty":"extra"');
    const d = diagnosisJson(diagnoseInputProblems(['x'], 'invalid'));
    const { learnMore: _l, ...withoutLearnMore } = d;
    expect(schemaErrors('diagnosis', withoutLearnMore).join()).toContain("must have required property 'learnMore'");
  });
});

describe('every catalog entry, as a diagnosis inside a check report, follows the schema', () => {
  const built = everyCatalogDiagnosis();

  it('builds every entry of the catalog', () => {
    expect(catalog.map((e) => e.code).filter((code) => !built.has(code))).toEqual([]);
  });

  it.each(catalog.map((e) => e.code))('%s', (code) => {
    const d = built.get(code) as Diagnosis;
    const json = expectValid('check', checkJson(reportWith(d)));
    expect(json.diagnosis?.code).toBe(code);
    expect(json.diagnosis).toHaveProperty('learnMore');
    expect(json.diagnosis).toHaveProperty('propagation');
    expectValid('explain', explainJsonOf({ recognized: true, exitCode: 0, diagnosis: diagnosisJson(d), others: [] }));
  });

  it('learnMore is null, not absent, where an entry has no page (starttls-not-offered, smtp-temporary-server-error)', () => {
    for (const code of ['starttls-not-offered', 'smtp-temporary-server-error']) {
      const json = checkJson(reportWith(built.get(code) as Diagnosis));
      expect(json.diagnosis).toMatchObject({ code, learnMore: null });
      expect(JSON.parse(JSON.stringify(json)).diagnosis).toHaveProperty('learnMore', null);
    }
  });
});

describe('errorJson: an error in the shape of its command', () => {
  const errors: [string, unknown, number, string][] = [
    ['an invalid input', new InputError([msg('input.port.invalid', { field: '--smtp-port', problem: 'too-big', min: 1, max: 65535 })]), 2, 'input-invalid'],
    ['a missing input', new InputError([msg('input.missing', { fields: [{ field: '--tenant-id', env: 'AZURE_TENANT_ID' }] }), msg('input.missing-hint', { prompting: false })], 'missing'), 2, 'input-missing'],
    ['a cancelled run (SIGINT)', new CancelledError(), 130, 'cancelled'],
    ['a cancelled run (SIGTERM)', Object.assign(new CancelledError(msg('cli.stopped-by', { signal: 'SIGTERM' })), { exitCode: 143 }), 143, 'cancelled'],
    ['a diagnosed error', new DiagnosedError(diagnoseTokenFailure({ kind: 'server', error: 'invalid_client', aadsts: 7000215, description: 'AADSTS7000215: Invalid client secret provided.' })), 3, 'client-secret-invalid'],
    ['another typed input error', new CliError('--port: in use', ExitCode.input), 2, 'input-invalid'],
    ['a bug', new TypeError('cannot read properties of undefined'), 1, 'internal-error'],
  ];
  const kinds: [JsonShape, 'check' | 'demo' | 'explain' | 'fleet'][] = [['check', 'check'], ['demo', 'demo'], ['explain', 'explain'], ['fleet', 'fleet']];

  for (const [shape, kind] of kinds) {
    it.each(errors)(`${shape}: %s`, (_name, error, exitCode, code) => {
      const json = expectValid(kind, errorJson(shape, error, new Date('2026-12-01T10:00:00Z'))) as Record<string, any>;
      expect(json.exitCode).toBe(exitCode);
      expect(json.diagnosis.code).toBe(code);
      expect(json.error.problems.length).toBeGreaterThan(0);
      if (shape === 'check' || shape === 'demo') {
        expect(json.attempts).toEqual([{ at: '2026-12-01T10:00:00.000Z', exitCode, diagnosisCode: code }]);
        expect(json.ok).toBe(false);
      }
      if (shape === 'explain') expect(json.recognized).toBe(false);
      if (shape === 'fleet') expect(json.results).toEqual([]);
    });
  }

  it('lists the problems of an input error beside the diagnosis, and in error as before', () => {
    const problems = [msg('input.port.invalid', { field: '--smtp-port', problem: 'too-big', min: 1, max: 65535 }), msg('input.tenant.invalid', { field: '--tenant-id' })];
    const json = errorJson('check', new InputError(problems)) as Record<string, any>;
    const words = problems.map((p) => render(p));
    expect(json.diagnosis).toMatchObject({ code: 'input-invalid', step: 4, problems: words });
    expect(json.error).toEqual({ message: words.join('\n'), problems: words });
  });

  it('has the same top-level fields as a check that ran', () => {
    const ran = Object.keys(checkJson(reportWith(null)));
    for (const [, error] of errors) expect(Object.keys(errorJson('check', error))).toEqual(ran);
  });
});
