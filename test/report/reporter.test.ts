import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { msg, useLanguage } from '../../src/messages/index.js';
import { Output } from '../../src/output.js';
import { createReporter, recordingReporter, type ReportFormat } from '../../src/report/reporter.js';
import { schemaViolations } from '../../src/report/schema-check.js';
import { fixtureReport, SMTP_AUTH_DISABLED } from './monitoring-fixtures.js';

/** The one reporter: each format's form and exit code for the same structured result. */

function capture(format: ReportFormat) {
  const out = { stdout: '', stderr: '' };
  const output = new Output({ stdout: { write: (s) => ((out.stdout += s), true) }, stderr: { write: (s) => ((out.stderr += s), true) }, env: { NO_COLOR: '1' } });
  return { out, reporter: createReporter(format, output) };
}

afterEach(() => useLanguage('en'));

describe('createReporter: one result, three forms', () => {
  it('human: the report on stdout, the check\'s exit code', async () => {
    const { out, reporter } = capture('human');
    expect(await reporter.check(fixtureReport({ diagnosis: SMTP_AUTH_DISABLED }))).toBe(4);
    expect(out.stdout).toContain('✖ SMTP AUTH is turned off');
    expect(out.stderr).toBe('');
  });

  it('json: one object that follows the schema, with lang; the check\'s exit code', async () => {
    const { out, reporter } = capture('json');
    expect(await reporter.check(fixtureReport({ diagnosis: SMTP_AUTH_DISABLED }))).toBe(4);
    const json = JSON.parse(out.stdout);
    expect(json.lang).toBe('en');
    expect(json.diagnosis.code).toBe('smtp-auth-disabled-mailbox');
    expect(schemaViolations('check', json)).toEqual([]);
  });

  it('json under German: lang de, codes and keys as in English', async () => {
    await useLanguage('de');
    const { out, reporter } = capture('json');
    await reporter.check(fixtureReport());
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({ lang: 'de', ok: true, exitCode: 0 });
    expect(schemaViolations('check', json)).toEqual([]);
  });

  it('nagios: the plugin\'s exit code, not the check\'s', async () => {
    const { out, reporter } = capture('nagios');
    expect(await reporter.check(fixtureReport({ diagnosis: SMTP_AUTH_DISABLED }))).toBe(2);
    expect(out.stdout).toMatch(/^SMTP-OAUTH CRITICAL - /);
  });

  it('an error in each format: one line on stderr, the command\'s JSON shape, or UNKNOWN', async () => {
    const error = new InputError([msg('fleet.shard.without-targets')]);
    const human = capture('human');
    expect(await human.reporter.error(error, 'check')).toBe(2);
    expect(human.out.stderr).toBe('smtp-oauth-setup: --shard: only with --targets (it splits a targets file between CI jobs)\n');
    const json = capture('json');
    expect(await json.reporter.error(error, 'fleet')).toBe(2);
    expect(schemaViolations('fleet', JSON.parse(json.out.stdout))).toEqual([]);
    const nagios = capture('nagios');
    expect(await nagios.reporter.error(error, 'check')).toBe(3);
    expect(nagios.out.stdout).toMatch(/^SMTP-OAUTH UNKNOWN - input-invalid: /);
  });

  it('a notice goes to stderr in every format, styled by its tone', async () => {
    const { out, reporter } = capture('json');
    reporter.notice(msg('fleet.merge.merged', { files: 2, targets: 1 }), 'dim');
    expect(out).toEqual({ stdout: '', stderr: 'Merged 2 reports: 1 target\n' });
  });
});

describe('recordingReporter: what a command reported, structured', () => {
  it('records each result and notice, and passes them on', async () => {
    const { out, reporter: inner } = capture('human');
    const reporter = recordingReporter(inner);
    reporter.notice(msg('check.wait.passed', { attempts: 2 }), 'success');
    expect(await reporter.check(fixtureReport())).toBe(0);
    expect(reporter.entries.map((e) => e.kind)).toEqual(['notice', 'check']);
    expect(reporter.entries[0]).toEqual({ kind: 'notice', message: { id: 'check.wait.passed', params: { attempts: 2 } }, tone: 'success' });
    expect(out.stdout).toContain('✔ The test message was accepted by the server.');
  });
});

describe('createReporter: demo and sandbox in each form', () => {
  const intro = { scenario: { name: 'healthy', title: 'everything set up' }, tenantId: 't', clientId: 'c', mailbox: 'm@contoso.com', authorityHost: 'https://127.0.0.1:1', smtp: '127.0.0.1:2' };
  const received = [{ raw: 'Subject: hi\r\n\r\nbody', subject: 'hi' }] as never;

  it('demo, human: the intro before the check, then the report, the received message and the next step', async () => {
    const { out, reporter } = capture('human');
    await reporter.demoStarted(intro);
    expect(out.stderr).toContain('m@contoso.com');
    expect(await reporter.demo({ report: fixtureReport(), scenario: { name: 'healthy', description: 'd' }, received })).toBe(0);
    expect(out.stdout).toContain('│ Subject: hi');
  });

  it('demo, json: no intro, one object that follows the demo schema, the raw message left out', async () => {
    const { out, reporter } = capture('json');
    await reporter.demoStarted(intro);
    expect(out.stderr).toBe('');
    expect(await reporter.demo({ report: fixtureReport({ diagnosis: SMTP_AUTH_DISABLED }), scenario: { name: 'smtp-auth-disabled-mailbox', description: 'd' }, received: [] })).toBe(4);
    const json = JSON.parse(out.stdout);
    expect(json.sandbox).toEqual({ scenario: 'smtp-auth-disabled-mailbox', received: [] });
    expect(schemaViolations('demo', json)).toEqual([]);
  });

  it('sandbox: its scenarios as a table or as JSON, and its stop only for a person', async () => {
    const list = [{ name: 'healthy', title: 'all set', description: 'd', diagnosis: null }, { name: 'wrong-secret', title: 'bad secret', description: 'd', diagnosis: { code: 'client-secret-invalid', step: 1 } }];
    const human = capture('human');
    await human.reporter.scenarios(list);
    expect(human.out.stdout.split('\n')).toEqual(['healthy       all set', 'wrong-secret  bad secret', '']);
    human.reporter.sandboxStopped();
    expect(human.out.stderr).not.toBe('');
    const json = capture('json');
    await json.reporter.scenarios(list);
    expect(JSON.parse(json.out.stdout)).toEqual(list);
    json.reporter.sandboxStopped();
    expect(json.out.stderr).toBe('');
  });
});
