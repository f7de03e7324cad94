import { defineMessages, message } from '../define.js';
import { formatterFor } from '../format.js';

const f = formatterFor('en');
const soon = (days: number) => (days <= 1 ? 'within a day' : f.plural(days, { one: 'in # day', other: 'in # days' }));

/**
 * The outputs for CI systems and monitoring: GitHub Actions annotations and job summary, JUnit, the
 * Nagios plugin's status and long output, and the warnings about files that could not be written.
 * Not here: the Prometheus metric names and HELP texts (a metrics contract, English; report/prometheus.ts).
 */
export const reportEn = defineMessages({
  'report.github.error-title': message({ name: 'string', code: 'string', step: 'number?' }, (p) => `${p.name}: ${p.code}${p.step ? ` (setup step ${p.step})` : ''}`),
  'report.github.warning-title': message({ name: 'string' }, (p) => `${p.name}: warning`),
  'report.github.heading': message({ passed: 'number', total: 'number' }, (p) => `smtp-oauth-setup: ${f.number(p.passed)} of ${f.number(p.total)} passed`),
  'report.github.column.target': 'target',
  'report.github.column.result': 'result',
  'report.github.column.step': 'step',
  'report.github.column.exit': 'exit',
  'report.github.column.details': 'details',
  'report.github.ok': 'ok',
  'report.github.failed': 'failed',
  'report.github.how-to-fix': message({ name: 'string' }, (p) => `${p.name}: how to fix`),
  'report.github.warnings': 'Warnings',
  'report.ci.no-step-summary': 'GITHUB_STEP_SUMMARY is not set: no job summary written',
  'report.ci.summary-unwritable': message({ path: 'string', reason: 'string' }, (p) => `could not append the job summary to ${p.path}: ${p.reason}`),
  'report.ci.junit-unwritable': message({ path: 'string', reason: 'string' }, (p) => `could not write the JUnit report ${p.path}: ${p.reason}`),
  'report.ci.junit-path': message({ path: 'string', problem: 'string' }, (p) => `--junit: ${p.path}: ${p.problem}`),
  'report.metrics.path': message({ path: 'string', problem: 'string' }, (p) => `--metrics-file: ${p.path}: ${p.problem}`),
  'report.metrics.unwritable': message({ path: 'string', reason: 'string' }, (p) => `could not write the metrics file ${p.path}: ${p.reason}`),
  'report.junit.details': message(
    { step: 'number?', exitCode: 'number', transient: 'boolean', propagation: 'boolean' },
    (p) => `Setup step: ${p.step ?? 'none'}\nExit code: ${p.exitCode}\nTransient: ${p.transient}\nPropagation: ${p.propagation}`,
  ),

  // Nagios: the status line after `SMTP-OAUTH <STATE> - `, and the long output.
  'report.nagios.passed-sent': message(
    { mailbox: 'string', server: 'string' },
    (p) => `${p.mailbox}: token, AUTH XOAUTH2 and the test message accepted by ${p.server}`,
  ),
  'report.nagios.passed-auth': message(
    { mailbox: 'string', server: 'string' },
    (p) => `${p.mailbox}: token and AUTH XOAUTH2 accepted by ${p.server} (no test message sent)`,
  ),
  'report.nagios.secret-expiring': message(
    { mailbox: 'string', expiresOn: 'date', daysLeft: 'number' },
    (p) => `${p.mailbox}: sending works, but the client secret expires on ${f.date(p.expiresOn)} (${soon(p.daysLeft)})`,
  ),
  'report.nagios.certificate-expiring': message(
    { mailbox: 'string', expiresOn: 'date', daysLeft: 'number' },
    (p) => `${p.mailbox}: sending works, but the certificate expires on ${f.date(p.expiresOn)} (${soon(p.daysLeft)})`,
  ),
  'report.nagios.failed-at-step': message({ mailbox: 'string', code: 'string', step: 'number' }, (p) => `${p.mailbox}: ${p.code} at setup step ${p.step}`),
  'report.nagios.failed': message({ mailbox: 'string', code: 'string' }, (p) => `${p.mailbox}: ${p.code}`),
  'report.nagios.transient': "Temporary: the next check may pass; the monitoring system's retries (max_check_attempts) ride out a blip.",
  'report.nagios.propagation': 'Waiting helps only if someone changed the setup in the last hour (propagation).',
  'report.nagios.fix': 'Fix:',
  'report.nagios.server-said': message({ response: 'string' }, (p) => `Server said: ${p.response}`),
  'report.nagios.warning': message({ text: 'string' }, (p) => `Warning: ${p.text}`),
  'report.nagios.could-not-run': message({ code: 'string', problem: 'string' }, (p) => `${p.code}: the check could not run: ${p.problem}`),
  'report.nagios.fleet-passed': message({ targets: 'number' }, (p) => f.plural(p.targets, { one: 'the # target passed', other: 'all # targets passed' })),
  'report.nagios.fleet-counts': message(
    { passed: 'number', targets: 'number', critical: 'number', warning: 'number', unknown: 'number', worst: 'string' },
    (p) =>
      `${f.number(p.passed)} of ${f.plural(p.targets, { one: '# target', other: '# targets' })} passed; ${p.critical} critical, ${p.warning} warning, ${p.unknown} unknown; worst: ${p.worst}`,
  ),
  'report.nagios.fleet-empty': 'the targets file has no targets',
});
