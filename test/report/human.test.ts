import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { diagnoseClaimProblems, diagnoseSmtpFailure, diagnoseTokenFailure } from '../../src/diagnose/index.js';
import { renderDiagnosis } from '../../src/report/human.js';

/** The lines a person reads about waiting: "try again later" for transient, "if you changed this" for propagation. */
const plain = new Chalk({ level: 0 });
const HOST = { host: 'smtp.office365.com', port: 587 };
const TRY_AGAIN = 'Temporary: try again later; the same request may succeed in a few minutes.';
const IF_CHANGED = 'Waiting may help if you changed this in the last hour:';

const text = (d: Parameters<typeof renderDiagnosis>[0]) => renderDiagnosis(d, plain).join('\n');

describe('renderDiagnosis: whether waiting may help', () => {
  it('a transient failure (451 4.7.0): try again later, nothing about recent changes', () => {
    const out = text(diagnoseSmtpFailure({ ...HOST, phase: 'auth', responseCode: 451, response: '451 4.7.0 Temporary server error. Please try again later. PRX4', message: '' }));
    expect(out).toContain(TRY_AGAIN);
    expect(out).not.toContain(IF_CHANGED);
  });

  it('a propagation answer (535 5.7.3 with a good token, a token without roles): waiting helps if you just changed something', () => {
    for (const d of [
      diagnoseSmtpFailure({ ...HOST, phase: 'auth', responseCode: 535, response: '535 5.7.3 Authentication unsuccessful', message: '' }, { tokenHasSendAsRole: true }),
      diagnoseClaimProblems([{ kind: 'missing-role', roles: [] }]),
    ]) {
      const out = text(d);
      expect(out).toContain(IF_CHANGED);
      expect(out).not.toContain(TRY_AGAIN);
    }
  });

  it('a configuration error (AADSTS7000215): neither line', () => {
    const out = text(diagnoseTokenFailure({ kind: 'server', status: 401, error: 'invalid_client', aadsts: 7000215, description: 'AADSTS7000215: Invalid client secret provided.' }));
    expect(out).not.toContain(TRY_AGAIN);
    expect(out).not.toContain(IF_CHANGED);
    expect(out).not.toMatch(/waiting/i);
  });
});
