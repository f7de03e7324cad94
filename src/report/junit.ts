import { t } from '../messages/index.js';
import type { TargetResult } from './github.js';

function xml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // XML 1.0 forbids most control characters even when escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/**
 * JUnit XML (the shape GitLab, Jenkins and Azure DevOps read): one test suite, one test case per
 * target; a failing target carries a <failure> whose type is the diagnosis code and whose text is the fix.
 */
export function junitReport(results: readonly TargetResult[], options: { timestamp: Date; durationsMs?: readonly number[] }): string {
  const failures = results.filter((r) => !r.report.ok).length;
  const seconds = (i: number) => ((options.durationsMs?.[i] ?? 0) / 1000).toFixed(3);
  const total = (options.durationsMs ?? []).reduce((a, b) => a + b, 0) / 1000;
  const cases = results.map(({ name, report }, i) => {
    const head = `    <testcase name="${xml(name)}" classname="smtp-oauth-setup.${xml(report.plan.smtp.user)}" time="${seconds(i)}"`;
    const d = report.diagnosis;
    if (!d) return `${head} />`;
    return [
      `${head}>`,
      `      <failure message="${xml(d.summary)}" type="${xml(d.code)}">${xml(`${t('report.junit.details', { ...(d.step && { step: d.step }), exitCode: report.exitCode, transient: d.transient, propagation: d.propagation })}\n\n${d.fix}`)}</failure>`,
      '    </testcase>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="smtp-oauth-setup" tests="${results.length}" failures="${failures}" errors="0" time="${total.toFixed(3)}">`,
    `  <testsuite name="smtp-oauth-setup check" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${total.toFixed(3)}" timestamp="${options.timestamp.toISOString().replace(/\.\d{3}Z$/, '')}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
