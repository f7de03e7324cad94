import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { InputError } from '../../src/errors.js';
import { resolveCheckInputs } from '../../src/inputs/check-inputs.js';
import { addressSchema, issueMessages, portSchema, readDecimal, timeoutSecondsSchema, warnDaysSchema } from '../../src/inputs/schemas.js';
import type { Message } from '../../src/messages/index.js';

/**
 * Numbers as a person types them: decimal digits, in range, or exit 2 with the reason. Number()
 * alone took `0x94e9` as 38121 and ' ' as 0; an empty flag fell back to the default.
 */

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SECRET = 'Abc8Q~not.a.real.secret_value-0123456789';
const base = { tenantId: TENANT, clientId: CLIENT, mailbox: 'm@contoso.com' };
const env = { AZURE_CLIENT_SECRET: SECRET };

/** The first message a schema refuses `value` with (id and parameters), or null. */
function problem(schema: { safeParse(v: unknown): { success: boolean; error?: z.ZodError } }, value: string): Message | null {
  const r = schema.safeParse(value);
  return r.success ? null : issueMessages(r.error!)[0]!;
}

async function problemsOf(flags: Record<string, string>, saved: Record<string, string> = {}): Promise<readonly (Message | undefined)[]> {
  const error = await resolveCheckInputs({ flags: { ...base, ...flags }, env, saved, prompter: null }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problemMessages;
}

const PORT = { min: 1, max: 65535 };

describe('readDecimal: the one parser for numbers', () => {
  const limits = { min: 1, max: 65535 };
  it.each([['587', 587], [' 587 ', 587], ['0587', 587], ['65535', 65535]])('accepts %j', (text, n) => {
    expect(readDecimal(text, limits)).toEqual({ value: n });
  });
  it.each([
    ['0x94e9', 'not-decimal'],
    ['1e3', 'not-decimal'],
    ['0b11', 'not-decimal'],
    ['+587', 'not-decimal'],
    ['5 87', 'not-decimal'],
    ['Infinity', 'not-decimal'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['58.7', 'not-whole'],
    ['0', 'too-small'],
    ['-3', 'too-small'],
    ['65536', 'too-big'],
  ])('refuses %j: %s', (text, problem) => {
    expect(readDecimal(text, limits)).toEqual({ problem });
  });
  it('takes a fraction where the field allows one', () => {
    expect(readDecimal('0.5', { min: 0, max: 1, fraction: true })).toEqual({ value: 0.5 });
  });
});

describe('the schemas of every numeric field use it', () => {
  it.each([
    [portSchema, '0x94e9', 'not-decimal'],
    [portSchema, ' ', 'empty'],
    [timeoutSecondsSchema, '1e1', 'not-decimal'],
    [timeoutSecondsSchema, '0x10', 'not-decimal'],
    [warnDaysSchema, ' ', 'empty'],
    [warnDaysSchema, '0x1e', 'not-decimal'],
  ])('%#: %j is refused (%s)', (schema, value, kind) => {
    expect(problem(schema, value)?.params).toMatchObject({ problem: kind });
  });
});

describe('check: lenient numbers and empty flags are input errors with the reason', () => {
  it('--smtp-port 0x94e9 is not port 38121', async () => {
    expect(await problemsOf({ smtpPort: '0x94e9' })).toEqual([{ id: 'input.port.invalid', params: { ...PORT, problem: 'not-decimal', field: '--smtp-port' } }]);
  });

  it("--warn-days ' ' is not 0", async () => {
    expect(await problemsOf({ warnDays: ' ' })).toEqual([{ id: 'input.warn-days.invalid', params: { max: 730, months: 24, problem: 'empty', field: '--warn-days' } }]);
  });

  it("--smtp-port '' does not mean 587, --wait '' does not mean no waiting", async () => {
    expect(await problemsOf({ smtpPort: '', wait: '' })).toEqual([
      { id: 'input.port.invalid', params: { ...PORT, problem: 'empty', field: '--smtp-port' } },
      { id: 'input.wait.invalid', params: { field: '--wait' } },
    ]);
  });

  it('an empty environment variable still counts as unset (CI systems set unset secrets to "")', async () => {
    const { inputs } = await resolveCheckInputs({ flags: base, env: { ...env, SMTP_OAUTH_SECRET_EXPIRES: '' }, prompter: null });
    expect(inputs.secretExpires).toBeNull();
  });

  it('a saved value is judged by the same parser, and the problem names its key', async () => {
    expect(await problemsOf({}, { timeout: '0x14', smtpPort: '5e2' })).toEqual([
      { id: 'input.port.invalid', params: { ...PORT, problem: 'not-decimal', field: 'smtpPort', saved: true } },
      { id: 'input.timeout.invalid', params: { max: 600, problem: 'not-decimal', field: 'timeout', saved: true } },
    ]);
    expect(await problemsOf({}, { timeout: 'soon' })).toEqual([{ id: 'input.timeout.invalid', params: { max: 600, problem: 'not-decimal', field: 'timeout', saved: true } }]);
  });
});

describe('mailbox addresses: RFC 5321 lengths', () => {
  it('a 64-octet local part passes, 65 do not, and a 5,000-character one is refused with the reason', () => {
    expect(problem(addressSchema, `${'a'.repeat(64)}@contoso.com`)).toBeNull();
    expect(problem(addressSchema, `${'a'.repeat(65)}@contoso.com`)).toEqual({ id: 'input.address.local-too-long', params: { octets: 65, max: 64 } });
    expect(problem(addressSchema, `${'a'.repeat(5000)}@contoso.com`)).toEqual({ id: 'input.address.local-too-long', params: { octets: 5000, max: 64 } });
  });

  it('a whole address of more than 254 octets is refused', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(60)}.com`;
    expect(problem(addressSchema, `${'a'.repeat(5)}@${domain}`)).toBeNull();
    expect(problem(addressSchema, `${'a'.repeat(20)}@${domain}`)).toEqual({ id: 'input.address.too-long', params: { octets: 268, max: 254 } });
  });

  it('--mailbox with a 5,000-character local part is an input error', async () => {
    const problems = await problemsOf({ mailbox: `${'x'.repeat(5000)}@contoso.com` });
    expect(problems).toEqual([{ id: 'input.address.local-too-long', params: { octets: 5000, max: 64, field: '--mailbox' } }]);
  });
});
