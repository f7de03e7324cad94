import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/run.js';
import { githubAnnotations, githubStepSummary, type TargetResult } from '../../src/report/github.js';
import { junitReport } from '../../src/report/junit.js';

function report(overrides: Partial<CheckReport> & { user?: string } = {}): CheckReport {
  const { user = 'alerts@contoso.com', ...rest } = overrides;
  return {
    ok: true,
    exitCode: 0,
    diagnosis: null,
    plan: { smtp: { user } } as CheckReport['plan'],
    token: { acquired: true, expiresOn: null, claims: null, servicePrincipalObjectId: null },
    smtp: { host: 'smtp.office365.com', port: 587, reachable: true, tlsVersion: 'TLSv1.3', authMechanisms: ['LOGIN', 'XOAUTH2'], authenticated: true, response: '235 2.7.0 Authentication successful', messageId: null },
    attempts: [],
    warnings: [],
    timings: { tokenMs: null, smtpConnectMs: null, authMs: null, sendMs: null, totalMs: null },
    expiry: { secret: null, certificate: null },
    ...rest,
  };
}

const failing = report({
  ok: false,
  exitCode: 4,
  user: 'billing@fabrikam.com',
  diagnosis: {
    code: 'smtp-auth-disabled-mailbox',
    step: 3,
    transient: false,
    propagation: true,
    summary: 'SMTP AUTH is turned off for mailbox billing@fabrikam.com, 100% sure: a <test> & "quote"',
    fix: '1. Set-CASMailbox -Identity billing@fabrikam.com -SmtpClientAuthenticationDisabled $false\n2. Wait, then retry.',
    source: '535 5.7.139',
    learnMore: null,
    problems: null,
  },
});
const results: TargetResult[] = [
  { name: 'contoso: alerts', report: report({ warnings: ['The client secret expires on 2026-12-01 (in 3 days).'] }) },
  { name: 'fabrikam, billing', report: failing },
];

describe('GitHub Actions annotations', () => {
  it('writes one ::error per failing target and one ::warning per warning, escaped', () => {
    const lines = githubAnnotations(results);
    expect(lines).toEqual([
      '::warning title=contoso%3A alerts%3A warning::The client secret expires on 2026-12-01 (in 3 days).',
      `::error title=fabrikam%2C billing%3A smtp-auth-disabled-mailbox (setup step 3)::SMTP AUTH is turned off for mailbox billing@fabrikam.com, 100%25 sure: a <test> & "quote"%0A1. Set-CASMailbox -Identity billing@fabrikam.com -SmtpClientAuthenticationDisabled $false%0A2. Wait, then retry.`,
    ]);
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  });

  it('summarises every target in Markdown with the fixes of the failures', () => {
    const md = githubStepSummary(results);
    expect(md).toContain('### smtp-oauth-setup: 1 of 2 passed');
    expect(md).toContain('| contoso: alerts | ✅ ok |');
    expect(md).toContain('| fabrikam, billing | ❌ smtp-auth-disabled-mailbox | 3 | 4 |');
    expect(md).toContain('Set-CASMailbox -Identity billing@fabrikam.com');
    expect(md).toContain('- **contoso: alerts**: The client secret expires on 2026-12-01');
  });
});

describe('JUnit XML', () => {
  const text = junitReport(results, { timestamp: new Date('2026-11-28T12:00:00Z'), durationsMs: [1200, 800] });
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(text)).toBe(true);
  });
  it('has the JUnit shape: testsuites > testsuite > testcase (+ failure), with consistent counts', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'testsuite' }).parse(text);
    const suites = doc.testsuites;
    expect(suites).toMatchObject({ name: 'smtp-oauth-setup', tests: '2', failures: '1', errors: '0', time: '2.000' });
    const suite = suites.testsuite[0];
    expect(suite).toMatchObject({ tests: '2', failures: '1', errors: '0', skipped: '0', timestamp: '2026-11-28T12:00:00' });
    expect(suite.testcase).toHaveLength(2);
    expect(suite.testcase[0]).toMatchObject({ name: 'contoso: alerts', time: '1.200' });
    expect(suite.testcase[0].failure).toBeUndefined();
    const failure = suite.testcase[1].failure;
    expect(failure.type).toBe('smtp-auth-disabled-mailbox');
    expect(failure.message).toBe('SMTP AUTH is turned off for mailbox billing@fabrikam.com, 100% sure: a <test> & "quote"');
    expect(failure['#text']).toContain('Set-CASMailbox -Identity billing@fabrikam.com');
    // Whether waiting may help, as the diagnosis says it: not by itself, but after a recent change.
    expect(failure['#text']).toContain('Transient: false\nPropagation: true\n');
    // Every testcase has the attributes the readers require.
    for (const tc of suite.testcase) for (const key of ['name', 'classname', 'time']) expect(tc).toHaveProperty(key);
  });
});
