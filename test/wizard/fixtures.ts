import { buildCheckPlan } from '../../src/check/plan.js';
import type { CheckReport, TokenCheck } from '../../src/check/run.js';
import { diagnosisJson } from '../../src/report/json.js';
import { diagnoseClaimProblems, diagnoseSmtpFailure, diagnoseTokenFailure } from '../../src/diagnose/index.js';
import type { Diagnosis } from '../../src/diagnose/types.js';
import type { CheckInputs } from '../../src/inputs/check-inputs.js';

/**
 * Results of the real diagnosis engine for the step tests: the steps receive what the pipeline would
 * return, built from the same catalog, without a network.
 */
export const IDS = {
  tenantId: '11111111-2222-4333-8444-555555555555',
  clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  servicePrincipalObjectId: 'e71f0b36-9d24-4c8a-8b51-5a4db0c5e004',
  secret: 'Abc8Q~not.a.real.secret_value-0123456789',
  secretId: '6a0c3e58-b2d7-4f91-8c46-5a4db0c5e005',
};

const context = { tenantId: IDS.tenantId, clientId: IDS.clientId };

function claims(roles: string[]) {
  return { aud: 'https://outlook.office365.com', roles, tid: IDS.tenantId, appid: IDS.clientId, oid: IDS.servicePrincipalObjectId, exp: 1_900_000_000, appDisplayName: 'SMTP sender' };
}

export function tokenUsable(): TokenCheck {
  return {
    token: { acquired: true, expiresOn: null, claims: claims(['SMTP.SendAsApp']), servicePrincipalObjectId: IDS.servicePrincipalObjectId },
    warnings: [],
    diagnosis: null,
    accessToken: 'not-a-real-token',
    context,
  };
}

export function tokenWithoutRole(): TokenCheck {
  return {
    token: { acquired: true, expiresOn: null, claims: claims([]), servicePrincipalObjectId: IDS.servicePrincipalObjectId },
    warnings: [],
    diagnosis: diagnoseClaimProblems([{ kind: 'missing-role', roles: [] }], context),
    accessToken: null,
    context,
  };
}

export function tokenRefusedSecret(): TokenCheck {
  return {
    token: { acquired: false, expiresOn: null, claims: null, servicePrincipalObjectId: null },
    warnings: [],
    diagnosis: diagnoseTokenFailure(
      { kind: 'server', error: 'invalid_client', aadsts: 7000215, status: 401, description: 'AADSTS7000215: Invalid client secret provided.' },
      context,
    ),
    accessToken: null,
    context,
  };
}

function report(inputs: CheckInputs, diagnosis: Diagnosis | null): CheckReport {
  return {
    ok: diagnosis === null,
    exitCode: diagnosis?.exitCode ?? 0,
    diagnosis: diagnosis && diagnosisJson(diagnosis),
    plan: buildCheckPlan(inputs),
    token: { acquired: true, expiresOn: null, claims: claims(['SMTP.SendAsApp']), servicePrincipalObjectId: IDS.servicePrincipalObjectId },
    smtp: {
      host: inputs.smtpHost,
      port: inputs.smtpPort,
      reachable: true,
      tlsVersion: 'TLSv1.3',
      authMechanisms: ['LOGIN', 'XOAUTH2'],
      authenticated: diagnosis === null,
      response: diagnosis ? '535 5.7.3 Authentication unsuccessful' : '250 2.0.0 OK <id@test> [Hostname=test]',
      messageId: diagnosis ? null : '<m@test>',
    },
    attempts: [],
    warnings: [],
    timings: { tokenMs: null, smtpConnectMs: null, authMs: null, sendMs: null, totalMs: null },
    expiry: { secret: null, certificate: null },
  };
}

export function reportSent(inputs: CheckInputs): CheckReport {
  return report(inputs, null);
}

/** 535 5.7.3 with a token that has the role: step 2, may be propagation. */
export function reportServicePrincipalMissing(inputs: CheckInputs): CheckReport {
  return report(
    inputs,
    diagnoseSmtpFailure(
      { phase: 'auth', code: 'EAUTH', responseCode: 535, response: '535 5.7.3 Authentication unsuccessful [SBX1]', message: 'Invalid login', host: inputs.smtpHost, port: inputs.smtpPort },
      { ...context, mailbox: inputs.mailbox, tokenHasSendAsRole: true, servicePrincipalObjectId: IDS.servicePrincipalObjectId },
    ),
  );
}

/** A secret the token endpoint refuses: step 1, waiting never helps. */
export function reportSecretRefused(inputs: CheckInputs): CheckReport {
  return report(inputs, tokenRefusedSecret().diagnosis);
}
