import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeLabelValue, prometheusMetrics } from '../../src/report/prometheus.js';
import { PROMTOOL, PROMTOOL_REQUIRED, promtoolCheck } from '../support/promtool.js';
import { IDS } from '../wizard/fixtures.js';
import { expiryIn, fixtureReport, SMTP_AUTH_DISABLED } from './monitoring-fixtures.js';

/** `--metrics-file`: the exposition format checked by Prometheus's own parser and linter, and exact text for the details. */

const RUN = { exitCode: 4, startedAt: new Date('2026-12-01T09:59:59.500Z') };
const LABELS = 'tenant="11111111-2222-4333-8444-555555555555",client_id="aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"';

const fleet = () => [
  { name: 'customer1-alerts', report: fixtureReport({ secret: expiryIn(3) }) },
  { name: 'customer2 "billing"\\eu\nline', report: fixtureReport({ mailbox: 'billing@contoso.com', diagnosis: SMTP_AUTH_DISABLED, timings: { tokenMs: null, sendMs: null } }) },
  { name: 'customer3-cert', report: fixtureReport({ mailbox: 'cert@contoso.com', certificate: expiryIn(200) }) },
];

/** Lines of one metric family's samples. */
const samples = (text: string, name: string) => text.split('\n').filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));

describe('prometheusMetrics', () => {
  it.runIf(PROMTOOL !== null || PROMTOOL_REQUIRED)('promtool check metrics finds nothing to complain about: a fleet, one check, and a run that could not start', () => {
    for (const text of [prometheusMetrics(fleet(), RUN), prometheusMetrics(fleet().slice(0, 1), { ...RUN, exitCode: 0 }), prometheusMetrics([], { ...RUN, exitCode: 2 })]) {
      expect(promtoolCheck(text)).toEqual({ status: 0, findings: '' });
    }
  });

  it.runIf(PROMTOOL !== null || PROMTOOL_REQUIRED)('promtool rejects what the tests would not notice otherwise (the check is a real one)', () => {
    const broken = prometheusMetrics(fleet(), RUN).replace('smtp_oauth_run_targets 3', 'smtp_oauth_run_targets 3x');
    expect(promtoolCheck(broken).status).not.toBe(0);
    expect(promtoolCheck('# TYPE smtp_oauth_x gauge\nsmtp_oauth_x{a="\\q"} 1\n').status).not.toBe(0);
  });

  it('each family once, with HELP and TYPE, one sample per target, the target\'s labels; never a secret', () => {
    const text = prometheusMetrics(fleet(), RUN);
    expect(text.endsWith('\n')).toBe(true);
    const helps = text.split('\n').filter((l) => l.startsWith('# HELP ')).map((l) => l.split(' ')[2]);
    expect(helps).toEqual([
      'smtp_oauth_check_success',
      'smtp_oauth_check_exit_code',
      'smtp_oauth_check_diagnosis_info',
      'smtp_oauth_check_warnings',
      'smtp_oauth_check_duration_seconds',
      'smtp_oauth_check_leg_duration_seconds',
      'smtp_oauth_secret_expiry_timestamp_seconds',
      'smtp_oauth_certificate_expiry_timestamp_seconds',
      'smtp_oauth_check_timestamp_seconds',
      'smtp_oauth_run_exit_code',
      'smtp_oauth_run_targets',
      'smtp_oauth_run_timestamp_seconds',
    ]);
    for (const name of helps) expect(text).toContain(`# TYPE ${name} gauge\n`);
    expect(samples(text, 'smtp_oauth_check_success')).toEqual([
      `smtp_oauth_check_success{target="customer1-alerts",${LABELS},mailbox="alerts@contoso.com"} 1`,
      `smtp_oauth_check_success{target="customer2 \\"billing\\"\\\\eu\\nline",${LABELS},mailbox="billing@contoso.com"} 0`,
      `smtp_oauth_check_success{target="customer3-cert",${LABELS},mailbox="cert@contoso.com"} 1`,
    ]);
    expect(text).not.toContain(IDS.secret);
  });

  it('exit class, diagnosis, base units (seconds), expiry and check timestamps', () => {
    const text = prometheusMetrics(fleet(), RUN);
    const second = `target="customer2 \\"billing\\"\\\\eu\\nline",${LABELS},mailbox="billing@contoso.com"`;
    expect(samples(text, 'smtp_oauth_check_exit_code')[1]).toBe(`smtp_oauth_check_exit_code{${second}} 4`);
    expect(samples(text, 'smtp_oauth_check_diagnosis_info')).toEqual([
      `smtp_oauth_check_diagnosis_info{target="customer1-alerts",${LABELS},mailbox="alerts@contoso.com",code="none",step="",transient="false",propagation="false"} 1`,
      `smtp_oauth_check_diagnosis_info{${second},code="smtp-auth-disabled-mailbox",step="3",transient="false",propagation="true"} 1`,
      `smtp_oauth_check_diagnosis_info{target="customer3-cert",${LABELS},mailbox="cert@contoso.com",code="none",step="",transient="false",propagation="false"} 1`,
    ]);
    expect(samples(text, 'smtp_oauth_check_duration_seconds')[0]).toMatch(/} 0\.79$/);
    // A leg not reached (a reused token, no message sent) has no sample rather than a 0.
    expect(samples(text, 'smtp_oauth_check_leg_duration_seconds').filter((l) => l.includes('billing@'))).toEqual([
      `smtp_oauth_check_leg_duration_seconds{${second},leg="smtp_connect"} 0.23`,
      `smtp_oauth_check_leg_duration_seconds{${second},leg="smtp_auth"} 0.041`,
    ]);
    expect(samples(text, 'smtp_oauth_secret_expiry_timestamp_seconds')).toEqual([
      `smtp_oauth_secret_expiry_timestamp_seconds{target="customer1-alerts",${LABELS},mailbox="alerts@contoso.com"} ${Date.parse('2026-12-04T10:00:00Z') / 1000}`,
    ]);
    expect(samples(text, 'smtp_oauth_certificate_expiry_timestamp_seconds')).toHaveLength(1);
    expect(samples(text, 'smtp_oauth_check_timestamp_seconds')[0]).toMatch(new RegExp(`} ${Date.parse('2026-12-01T10:00:00Z') / 1000}$`));
    expect(samples(text, 'smtp_oauth_run_exit_code')).toEqual(['smtp_oauth_run_exit_code 4']);
    expect(samples(text, 'smtp_oauth_run_timestamp_seconds')).toEqual(['smtp_oauth_run_timestamp_seconds 1796119199.5']);
  });

  it('a run that could not start has only the run\'s metrics', () => {
    expect(prometheusMetrics([], { exitCode: 2, startedAt: new Date('2026-12-01T10:00:00Z') })).toBe(
      [
        '# HELP smtp_oauth_run_exit_code The exit code of the whole run (a fleet\'s most serious failure; 2 when the input was invalid and nothing was checked).',
        '# TYPE smtp_oauth_run_exit_code gauge',
        'smtp_oauth_run_exit_code 2',
        '# HELP smtp_oauth_run_targets How many targets the run checked.',
        '# TYPE smtp_oauth_run_targets gauge',
        'smtp_oauth_run_targets 0',
        '# HELP smtp_oauth_run_timestamp_seconds When the run started, in seconds since the epoch.',
        '# TYPE smtp_oauth_run_timestamp_seconds gauge',
        'smtp_oauth_run_timestamp_seconds 1796119200',
        '',
      ].join('\n'),
    );
  });

  it('escapes label values as the format requires: backslash, double quote, line feed', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });
});

describe('docs/monitoring.md', () => {
  const doc = () => readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'monitoring.md'), 'utf8');
  const rulesBlock = (text: string) => /```yaml\n(# \/etc\/prometheus\/rules\/smtp-oauth\.yml\n[\s\S]*?)```/.exec(text)?.[1];

  it.runIf(PROMTOOL !== null || PROMTOOL_REQUIRED)('its alert rules pass promtool check rules', () => {
    const rules = rulesBlock(doc());
    expect(rules).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    try {
      const path = join(dir, 'smtp-oauth.yml');
      writeFileSync(path, rules!);
      const run = spawnSync(PROMTOOL!, ['check', 'rules', path], { encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('SUCCESS: 5 rules found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names only metrics the file has, and documents every one of them', () => {
    const written = new Set(prometheusMetrics(fleet(), RUN).split('\n').filter((l) => l.startsWith('# HELP ')).map((l) => l.split(' ')[2]));
    const text = doc().slice(doc().indexOf('## `--metrics-file`'));
    const named = new Set(text.match(/smtp_oauth_[a-z_]+/g)?.filter((n) => !n.endsWith('_')) ?? []);
    const documented = [...named].filter((n) => written.has(n));
    expect([...named].filter((n) => !written.has(n))).toEqual([]);
    expect(documented.sort()).toEqual([...written].sort());
  });
});
