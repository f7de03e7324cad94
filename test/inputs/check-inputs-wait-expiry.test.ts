import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { resolveCheckInputs } from '../../src/inputs/check-inputs.js';

const base = { tenantId: '11111111-2222-4333-8444-555555555555', clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', mailbox: 'm@contoso.com' };
const env = { AZURE_CLIENT_SECRET: 'Abc8Q~not.a.real.secret_value-0123456789' };

describe('resolveCheckInputs: --wait, --secret-expires, --warn-days', () => {
  it('defaults: one attempt, no expiry date, warn 30 days ahead', async () => {
    const { inputs } = await resolveCheckInputs({ flags: base, env, prompter: null });
    expect(inputs).toMatchObject({ waitSeconds: null, secretExpires: null, warnDays: 30 });
  });

  it('reads the flags', async () => {
    const { inputs } = await resolveCheckInputs({ flags: { ...base, wait: '1h30m', secretExpires: '2027-05-31', warnDays: '14' }, env, prompter: null });
    expect(inputs).toMatchObject({ waitSeconds: 5400, secretExpires: '2027-05-31', warnDays: 14 });
  });

  it('takes the expiry date from the environment, then from the wizard\'s saved configuration', async () => {
    const fromEnv = await resolveCheckInputs({ flags: base, env: { ...env, SMTP_OAUTH_SECRET_EXPIRES: '2027-01-31' }, saved: { secretExpires: '2026-12-31' }, prompter: null });
    expect(fromEnv.inputs.secretExpires).toBe('2027-01-31');
    const fromSaved = await resolveCheckInputs({ flags: base, env, saved: { secretExpires: '2026-12-31' }, prompter: null });
    expect(fromSaved.inputs.secretExpires).toBe('2026-12-31');
  });

  it('lists every bad value at once, named by where it came from (exit 2)', async () => {
    const error = (await resolveCheckInputs({
      flags: { ...base, wait: 'forever', warnDays: '-3' },
      env: { ...env, SMTP_OAUTH_SECRET_EXPIRES: '12/31/2026' },
      prompter: null,
    }).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.exitCode).toBe(2);
    expect(error.problemMessages).toEqual([
      { id: 'input.wait.invalid', params: { field: '--wait' } },
      { id: 'input.secret-expires.invalid', params: { field: 'SMTP_OAUTH_SECRET_EXPIRES' } },
      { id: 'input.warn-days.invalid', params: { field: '--warn-days', max: 730, months: 24, problem: 'too-small' } },
    ]);
  });
});
