import { describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_SECONDS, DEFAULT_WARN_DAYS, MAX_CONCURRENCY } from '../src/defaults.js';
import { InputError } from '../src/errors.js';
import { parseConcurrency } from '../src/fleet/inputs.js';
import { resolveCheckInputs } from '../src/inputs/check-inputs.js';

/** The defaults module is the one the code applies (the help texts name the same constants). */

const T = '11111111-2222-4333-8444-555555555555';
const C = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

describe('src/defaults.ts', () => {
  it('has the documented values', () => {
    expect({ DEFAULT_TIMEOUT_SECONDS, DEFAULT_WARN_DAYS, DEFAULT_CONCURRENCY, MAX_CONCURRENCY }).toEqual({
      DEFAULT_TIMEOUT_SECONDS: 20,
      DEFAULT_WARN_DAYS: 30,
      DEFAULT_CONCURRENCY: 4,
      MAX_CONCURRENCY: 64,
    });
  });

  it('is what check applies when no flag says otherwise', async () => {
    const { inputs } = await resolveCheckInputs({
      flags: { tenantId: T, clientId: C, mailbox: 'a@contoso.com' },
      env: { AZURE_CLIENT_SECRET: 'Abc8Q~aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
      prompter: null,
    });
    expect(inputs.timeoutSeconds).toBe(DEFAULT_TIMEOUT_SECONDS);
    expect(inputs.warnDays).toBe(DEFAULT_WARN_DAYS);
  });

  it('bounds --concurrency', () => {
    expect(parseConcurrency(undefined)).toBe(DEFAULT_CONCURRENCY);
    expect(parseConcurrency(String(MAX_CONCURRENCY))).toBe(MAX_CONCURRENCY);
    expect(() => parseConcurrency(String(MAX_CONCURRENCY + 1))).toThrow(InputError);
  });
});
