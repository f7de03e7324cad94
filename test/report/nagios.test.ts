import { describe, expect, it } from 'vitest';
import { msg, render } from '../../src/messages/index.js';
import { secretExpiryStatus } from '../../src/check/secret-expiry.js';
import { CancelledError, InputError } from '../../src/errors.js';
import { errorOutcome } from '../../src/report/json.js';
import { nagiosCheck, nagiosError, nagiosFleet, nagiosState } from '../../src/report/nagios.js';
import { parsePluginOutput, validPerfdata } from '../support/nagios-output.js';
import { CHECKED_AT, expiryIn, fixtureReport, SMTP_AUTH_DISABLED, THROTTLED } from './monitoring-fixtures.js';

/** `check --format nagios`: exact text for fixture reports, the plugin exit codes, and the perfdata grammar. */

const TIMINGS = 'token_ms=412ms;;;0 smtp_ms=366ms;;;0 total_ms=790ms;;;0';

function expectValidPerfdata(text: string): string[] {
  const perfdata = Object.entries(validPerfdata(text)).map(([label, value]) => `${label}=${value}`);
  expect(perfdata.length).toBeGreaterThan(0);
  return perfdata;
}

describe('nagiosCheck', () => {
  it('a pass: OK, exit 0, what was accepted, the three timings', () => {
    expect(nagiosCheck(fixtureReport())).toEqual({
      text: `SMTP-OAUTH OK - alerts@contoso.com: token, AUTH XOAUTH2 and the test message accepted by smtp.office365.com:587 | ${TIMINGS}`,
      exitCode: 0,
    });
    expect(nagiosCheck(fixtureReport({ messageId: null, timings: { sendMs: null } })).text).toBe(
      'SMTP-OAUTH OK - alerts@contoso.com: token and AUTH XOAUTH2 accepted by smtp.office365.com:587 (no test message sent) | token_ms=412ms;;;0 smtp_ms=271ms;;;0 total_ms=790ms;;;0',
    );
  });

  it('an expiring secret: WARNING, exit 1, the date and days on the status line, days left as perfdata with --warn-days as the threshold', () => {
    const warning = 'The client secret expires on 2026-12-25 (in 25 days); after that Entra ID refuses it (AADSTS7000222).';
    const out = nagiosCheck(fixtureReport({ secret: expiryIn(24.5), warnings: [warning] }));
    expect(out).toEqual({
      text: `SMTP-OAUTH WARNING - alerts@contoso.com: sending works, but the client secret expires on 2026-12-25 (in 25 days) | ${TIMINGS} secret_days_left=24.50;30:;0:\nWarning: ${warning}`,
      exitCode: 1,
    });
    expectValidPerfdata(out.text);
  });

  it('an expiring certificate: WARNING with certificate_days_left; a far expiry stays OK with its days', () => {
    const out = nagiosCheck(fixtureReport({ certificate: expiryIn(0.5, 14) }));
    expect(out.exitCode).toBe(1);
    expect(out.text).toBe(
      `SMTP-OAUTH WARNING - alerts@contoso.com: sending works, but the certificate expires on 2026-12-01 (within a day) | ${TIMINGS} certificate_days_left=0.50;14:;0:`,
    );
    const far = nagiosCheck(fixtureReport({ secret: expiryIn(200) }));
    expect(far.exitCode).toBe(0);
    expect(far.text).toMatch(/^SMTP-OAUTH OK - .* secret_days_left=200\.00;30:;0:$/);
  });

  it('a refusal: CRITICAL, exit 2, code and step on the status line; summary, the fix and the server reply as long output; no | in the text', () => {
    const reply = '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.';
    const out = nagiosCheck(fixtureReport({ diagnosis: SMTP_AUTH_DISABLED, response: reply, timings: { authMs: null, sendMs: null } }));
    expect(out).toEqual({
      text: [
        'SMTP-OAUTH CRITICAL - alerts@contoso.com: smtp-auth-disabled-mailbox at setup step 3 | token_ms=412ms;;;0 smtp_ms=230ms;;;0 total_ms=790ms;;;0',
        'SMTP AUTH is turned off for the mailbox alerts@contoso.com.',
        'Waiting helps only if someone changed the setup in the last hour (propagation).',
        'Fix:',
        '  Set-CASMailbox -Identity alerts@contoso.com -SmtpClientAuthenticationDisabled $false',
        '  Get-CASMailbox alerts@contoso.com ¦ Format-List SmtpClientAuthenticationDisabled',
        `Server said: ${reply}`,
      ].join('\n'),
      exitCode: 2,
    });
    parsePluginOutput(out.text);
  });

  it('a transient failure is CRITICAL too (mail is not going out now), saying that the next check may pass', () => {
    const out = nagiosCheck(fixtureReport({ diagnosis: THROTTLED, exitCode: 6 }));
    expect(out.exitCode).toBe(2);
    expect(out.text.split('\n').slice(0, 3)).toEqual([
      `SMTP-OAUTH CRITICAL - alerts@contoso.com: exchange-temporary-error | ${TIMINGS}`,
      'Exchange Online answered with a temporary server error.',
      "Temporary: the next check may pass; the monitoring system's retries (max_check_attempts) ride out a blip.",
    ]);
  });

  it('a leg not reached is U (undetermined), as the guidelines allow', () => {
    const out = nagiosCheck(fixtureReport({ diagnosis: { ...SMTP_AUTH_DISABLED, code: 'token-unknown-tenant', step: 1 }, exitCode: 3, timings: { smtpConnectMs: null, authMs: null, sendMs: null } }));
    expect(expectValidPerfdata(out.text)).toEqual(['token_ms=412ms;;;0', 'smtp_ms=U', 'total_ms=790ms;;;0']);
  });

  it('a secret past its date: CRITICAL (its diagnosis) with negative days left, below the critical threshold 0', () => {
    const expired = { ...SMTP_AUTH_DISABLED, code: 'client-secret-expired', step: 1 as const };
    const out = nagiosCheck(fixtureReport({ diagnosis: expired, exitCode: 3, secret: expiryIn(-3.214) }));
    expect(out.exitCode).toBe(2);
    expect(parsePluginOutput(out.text).perfdata.at(-1)).toBe('secret_days_left=-3.22;30:;0:');
  });

  it('the days-left value is below the WARNING threshold exactly when the check warns (the Nagios range N: alerts below N)', () => {
    for (const days of [29.999, 30, 30.001, 30.004, 30.01, 31, 0.001, 12.345]) {
      const expiresOn = new Date(Date.parse(CHECKED_AT) + days * 86_400_000).toISOString();
      const { state } = secretExpiryStatus(expiresOn, new Date(CHECKED_AT), 30);
      const secret = { expiresAt: expiresOn, state, warnDays: 30 };
      const datum = parsePluginOutput(nagiosCheck(fixtureReport({ secret })).text).perfdata.at(-1) ?? '';
      const value = Number(/=(-?[\d.]+);/.exec(datum)?.[1]);
      // `30` exactly is the one instant where "within 30 days" and "below 30" part: the check warns.
      if (days !== 30) expect(value < 30, `${days} days: ${datum} (${state})`).toBe(state === 'expiring');
    }
  });

  it('input errors, internal errors and stopped runs are UNKNOWN', () => {
    expect(nagiosState(fixtureReport({ diagnosis: THROTTLED, exitCode: 2 }))).toBe('UNKNOWN');
    expect(nagiosState(fixtureReport({ diagnosis: THROTTLED, exitCode: 1 }))).toBe('UNKNOWN');
    expect(nagiosState(fixtureReport({ diagnosis: THROTTLED, exitCode: 143 }))).toBe('UNKNOWN');
    expect(nagiosState(fixtureReport({ diagnosis: THROTTLED, exitCode: 5 }))).toBe('CRITICAL');
  });
});

describe('nagiosError', () => {
  it('an input error: UNKNOWN, exit 3, the code and the first problem on the status line, the others below', () => {
    const out = nagiosError(errorOutcome(new InputError([msg('input.tenant.invalid', { field: '--tenant-id' }), msg('input.port.invalid', { field: '--smtp-port', problem: 'too-big', min: 1, max: 65535 })])));
    expect(out).toEqual({
      text: `SMTP-OAUTH UNKNOWN - input-invalid: the check could not run: ${render(msg('input.tenant.invalid', { field: '--tenant-id' }))}\n--smtp-port: must be a number from 1 to 65535`,
      exitCode: 3,
    });
    expect(nagiosError(errorOutcome(new InputError([msg('input.missing', { fields: [{ field: '--client-secret-file <path|->' }] })], 'missing'))).text).toBe(
      'SMTP-OAUTH UNKNOWN - input-missing: the check could not run: Missing: --client-secret-file <path¦->.',
    );
  });

  it('a stopped run and a bug: UNKNOWN', () => {
    expect(nagiosError(errorOutcome(new CancelledError(msg('cli.stopped-by', { signal: 'SIGTERM' }), 'SIGTERM')))).toEqual({ text: 'SMTP-OAUTH UNKNOWN - cancelled: the check could not run: Stopped by SIGTERM.', exitCode: 3 });
    expect(nagiosError(errorOutcome(new Error('boom'))).text).toMatch(/^SMTP-OAUTH UNKNOWN - internal-error: the check could not run: Internal error: boom\n/);
  });
});

describe('nagiosFleet', () => {
  const healthy = (name: string) => ({ name, report: fixtureReport({ mailbox: `${name}@contoso.com` }) });

  it('all passed: OK with the totals as perfdata', () => {
    expect(nagiosFleet([healthy('a'), healthy('b')], { durationMs: 1500.4 })).toEqual({
      text: 'SMTP-OAUTH OK - all 2 targets passed | targets=2;;;0 passed=2;;;0 critical=0;;;0 warning=0;;;0 unknown=0;;;0 total_ms=1500ms;;;0',
      exitCode: 0,
    });
  });

  it('the worst state wins (CRITICAL > WARNING > UNKNOWN > OK); one long-output line per target not OK, worst first; the soonest expiry', () => {
    const targets = [
      healthy('a'),
      { name: 'b', report: fixtureReport({ mailbox: 'b@contoso.com', secret: expiryIn(9.5) }) },
      { name: 'c', report: fixtureReport({ mailbox: 'c@contoso.com', diagnosis: SMTP_AUTH_DISABLED }) },
      { name: 'd', report: fixtureReport({ mailbox: 'd@contoso.com', secret: expiryIn(90) }) },
    ];
    const out = nagiosFleet(targets, { durationMs: 2000 });
    expect(out).toEqual({
      text: [
        'SMTP-OAUTH CRITICAL - 3 of 4 targets passed; 1 critical, 1 warning, 0 unknown; worst: c (c@contoso.com: smtp-auth-disabled-mailbox at setup step 3) | targets=4;;;0 passed=3;;;0 critical=1;;;0 warning=1;;;0 unknown=0;;;0 total_ms=2000ms;;;0 min_secret_days_left=9.50;30:;0:',
        '[CRITICAL] c (c@contoso.com: smtp-auth-disabled-mailbox at setup step 3) - SMTP AUTH is turned off for the mailbox alerts@contoso.com.',
        '[WARNING] b (b@contoso.com: sending works, but the client secret expires on 2026-12-10 (in 10 days))',
      ].join('\n'),
      exitCode: 2,
    });
    expectValidPerfdata(out.text);
    // WARNING outranks UNKNOWN; UNKNOWN outranks OK.
    expect(nagiosFleet([targets[1]!, { name: 'e', report: fixtureReport({ diagnosis: THROTTLED, exitCode: 2 }) }], { durationMs: 1 }).exitCode).toBe(1);
    expect(nagiosFleet([healthy('a'), { name: 'e', report: fixtureReport({ diagnosis: THROTTLED, exitCode: 2 }) }], { durationMs: 1 }).exitCode).toBe(3);
  });

  it('a target name with | or spaces never breaks the output: names stay out of the perfdata labels', () => {
    const out = nagiosFleet([{ name: "odd | name = 'x'", report: fixtureReport({ diagnosis: SMTP_AUTH_DISABLED }) }], { durationMs: 10 });
    expectValidPerfdata(out.text);
    expect(out.text.split('\n')[1]).toMatch(/^\[CRITICAL\] odd ¦ name = 'x' /);
  });
});
