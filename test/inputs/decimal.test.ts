import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { resolveCheckInputs } from '../../src/inputs/check-inputs.js';
import { addressSchema, parseDecimal, portSchema, timeoutSecondsSchema, warnDaysSchema } from '../../src/inputs/schemas.js';

/**
 * Numbers as a person types them: decimal digits, in range, or exit 2 with the reason. Number()
 * alone took `0x94e9` as 38121 and ' ' as 0; an empty flag fell back to the default.
 */

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SECRET = 'Abc8Q~not.a.real.secret_value-0123456789';
const base = { tenantId: TENANT, clientId: CLIENT, mailbox: 'm@contoso.com' };
const env = { AZURE_CLIENT_SECRET: SECRET };

function problem(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ message: string }> } } }, value: string): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error?.issues.map((i) => i.message).join('; ') ?? '');
}

async function problemsOf(flags: Record<string, string>, saved: Record<string, string> = {}): Promise<readonly string[]> {
  const error = await resolveCheckInputs({ flags: { ...base, ...flags }, env, saved, prompter: null }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problems;
}

describe('parseDecimal: the one parser for numbers', () => {
  const range = { min: 1, max: 65535, expected: 'a number from 1 to 65535', tooSmall: 'too small', tooBig: 'too big' };
  it.each([['587', 587], [' 587 ', 587], ['0587', 587], ['65535', 65535]])('accepts %j', (text, n) => {
    expect(parseDecimal(text, range)).toEqual({ value: n });
  });
  it.each([
    ['0x94e9', 'must be a number from 1 to 65535, in decimal digits'],
    ['1e3', 'must be a number from 1 to 65535, in decimal digits'],
    ['0b11', 'must be a number from 1 to 65535, in decimal digits'],
    ['+587', 'must be a number from 1 to 65535, in decimal digits'],
    ['5 87', 'must be a number from 1 to 65535, in decimal digits'],
    ['Infinity', 'must be a number from 1 to 65535, in decimal digits'],
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['58.7', 'must be a whole number: a number from 1 to 65535'],
    ['0', 'too small'],
    ['-3', 'too small'],
    ['65536', 'too big'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseDecimal(text, range)).toEqual({ problem: reason });
  });
});

describe('the schemas of every numeric field use it', () => {
  it.each([
    [portSchema, '0x94e9', 'decimal digits'],
    [portSchema, ' ', 'is empty'],
    [timeoutSecondsSchema, '1e1', 'decimal digits'],
    [timeoutSecondsSchema, '0x10', 'decimal digits'],
    [warnDaysSchema, ' ', 'is empty'],
    [warnDaysSchema, '0x1e', 'decimal digits'],
  ])('%#: %j is refused (%s)', (schema, value, part) => {
    expect(problem(schema, value)).toContain(part);
  });
});

describe('check: lenient numbers and empty flags are input errors with the reason', () => {
  it('--smtp-port 0x94e9 is not port 38121', async () => {
    expect(await problemsOf({ smtpPort: '0x94e9' })).toEqual(['--smtp-port: must be a number from 1 to 65535, in decimal digits']);
  });

  it("--warn-days ' ' is not 0", async () => {
    expect(await problemsOf({ warnDays: ' ' })).toEqual(['--warn-days: is empty']);
  });

  it("--smtp-port '' does not mean 587, --wait '' does not mean no waiting", async () => {
    expect(await problemsOf({ smtpPort: '', wait: '' })).toEqual(['--smtp-port: is empty', '--wait: must be a duration such as 90s, 30m or 1h']);
  });

  it('an empty environment variable still counts as unset (CI systems set unset secrets to "")', async () => {
    const { inputs } = await resolveCheckInputs({ flags: base, env: { ...env, SMTP_OAUTH_SECRET_EXPIRES: '' }, prompter: null });
    expect(inputs.secretExpires).toBeNull();
  });

  it('a saved value is judged by the same parser, and the problem names its key', async () => {
    expect(await problemsOf({}, { timeout: '0x14', smtpPort: '5e2' })).toEqual([
      'saved configuration: smtpPort: must be a number from 1 to 65535, in decimal digits',
      'saved configuration: timeout: must be a number of seconds, in decimal digits',
    ]);
    expect(await problemsOf({}, { timeout: 'soon' })).toEqual(['saved configuration: timeout: must be a number of seconds, in decimal digits']);
  });
});

describe('mailbox addresses: RFC 5321 lengths', () => {
  it('a 64-octet local part passes, 65 do not, and a 5,000-character one is refused with the reason', () => {
    expect(problem(addressSchema, `${'a'.repeat(64)}@contoso.com`)).toBeNull();
    expect(problem(addressSchema, `${'a'.repeat(65)}@contoso.com`)).toBe('has a local part (before the @) of 65 characters; at most 64 are allowed (RFC 5321)');
    expect(problem(addressSchema, `${'a'.repeat(5000)}@contoso.com`)).toContain('at most 64 are allowed');
  });

  it('a whole address of more than 254 octets is refused', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(60)}.com`;
    expect(problem(addressSchema, `${'a'.repeat(5)}@${domain}`)).toBeNull();
    expect(problem(addressSchema, `${'a'.repeat(20)}@${domain}`)).toMatch(/^is 268 characters long; an address has at most 254/);
  });

  it('--mailbox with a 5,000-character local part is an input error', async () => {
    const problems = await problemsOf({ mailbox: `${'x'.repeat(5000)}@contoso.com` });
    expect(problems).toEqual(['--mailbox: has a local part (before the @) of 5000 characters; at most 64 are allowed (RFC 5321)']);
  });
});
