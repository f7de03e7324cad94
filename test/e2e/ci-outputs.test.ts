import { execFileSync } from 'node:child_process';
import { closeSync, constants, lstatSync, openSync, readlinkSync, readSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.js';
import { runCli } from '../support/cli.js';
import { sandboxEnv, sandboxSmtpArgs } from '../support/sandbox-env.js';
import { parseValid } from '../support/json-schema.js';

/** The CI outputs of a single `check` (a fleet of one, named after its mailbox), spawned against the sandbox. */
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = await mkdtemp(join(tmpdir(), 'ci-outputs-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return sandboxEnv(sandbox, { NO_COLOR: '1', ...extra });
}

const smtp = () => [...sandboxSmtpArgs(sandbox), '--timeout', '10'];
const annotations = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('::'));

function parseJunit(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' || n === 'testsuite' }).parse(xml).testsuites;
}

describe('check under GitHub Actions and with --junit', () => {
  it('a failure: an ::error annotation with the fix, a summary appended, one failing test case', async () => {
    sandbox.applyScenario('smtp-auth-disabled-mailbox');
    const summaryPath = join(dir, 'failure-summary.md');
    await writeFile(summaryPath, 'before\n');
    const junitPath = join(dir, 'failure.xml');
    await writeFile(junitPath, 'stale content that must be replaced');
    const run = await runCli(['check', ...smtp(), '--junit', junitPath], { env: env({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryPath }) });
    expect(run.status, run.stderr).toBe(4);
    const mailbox = sandbox.client.mailbox;
    expect(annotations(run.stderr)).toEqual([
      expect.stringMatching(new RegExp(`^::error title=${mailbox.replace(/\./g, '\\.')}%3A smtp-auth-disabled-mailbox \\(setup step 3\\)::SMTP AUTH is turned off .*%0A.*Set-CASMailbox -Identity ${mailbox.replace(/\./g, '\\.')}`)),
    ]);
    const summary = await readFile(summaryPath, 'utf8');
    expect(summary).toMatch(/^before\n### smtp-oauth-setup: 0 of 1 passed\n/);
    expect(summary).toContain(`| ${mailbox} | ❌ smtp-auth-disabled-mailbox | 3 | 4 |`);

    const xml = await readFile(junitPath, 'utf8');
    const suites = parseJunit(xml);
    expect(suites).toMatchObject({ tests: '1', failures: '1' });
    const [testcase] = suites.testsuite[0].testcase;
    expect(testcase).toMatchObject({ name: mailbox, classname: `smtp-oauth-setup.${mailbox}` });
    expect(testcase.failure.type).toBe('smtp-auth-disabled-mailbox');
    // 0644 under the usual umask: readable by the CI's other steps, not executable (it holds no secret).
    const mode = (await stat(junitPath)).mode;
    expect([mode & 0o600, mode & 0o111]).toEqual([0o600, 0]);
    // Written atomically: no temporary file is left next to it.
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const text of [run.stdout, run.stderr, summary, xml]) {
      expect(text).not.toContain(sandbox.client.clientSecret);
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    }
  });

  it('a pass with an expiring secret: a ::warning annotation and a passing test case', async () => {
    sandbox.applyScenario('healthy');
    const summaryPath = join(dir, 'pass-summary.md');
    const junitPath = join(dir, 'pass.xml');
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const run = await runCli(['check', ...smtp(), '--secret-expires', soon, '--junit', junitPath], {
      env: env({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryPath }),
    });
    expect(run.status, run.stderr).toBe(0);
    expect(annotations(run.stderr)).toEqual([expect.stringMatching(/^::warning title=.*%3A warning::The client secret expires on \d{4}-\d{2}-\d{2} \(in 5 days\)/)]);
    expect(await readFile(summaryPath, 'utf8')).toContain('### smtp-oauth-setup: 1 of 1 passed');
    const suites = parseJunit(await readFile(junitPath, 'utf8'));
    expect(suites).toMatchObject({ tests: '1', failures: '0' });
    expect(suites.testsuite[0].testcase[0].failure).toBeUndefined();
  });

  it('a job summary that cannot be written is a warning: the check\'s exit code stands', async () => {
    sandbox.applyScenario('healthy');
    const notAFile = join(dir, 'a-directory');
    await mkdir(notAFile, { recursive: true });
    const unwritable = await runCli(['check', ...smtp()], { env: env({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: notAFile }) });
    expect(unwritable.status, unwritable.stderr).toBe(0);
    expect(annotations(unwritable.stderr)).toEqual([`::warning title=smtp-oauth-setup::could not append the job summary to ${notAFile}: it is a directory`]);

    const unset = await runCli(['check', ...smtp()], { env: env({ GITHUB_ACTIONS: 'true' }) });
    expect(unset.status).toBe(0);
    expect(annotations(unset.stderr)).toEqual(['::warning title=smtp-oauth-setup::GITHUB_STEP_SUMMARY is not set: no job summary written']);
  });

  it('outside GitHub Actions: no annotations; --junit alone still writes the file; a bad --junit path is refused first', async () => {
    sandbox.applyScenario('no-admin-consent');
    const junitPath = join(dir, 'plain.xml');
    const run = await runCli(['check', ...smtp(), '--json', '--junit', junitPath], { env: env() });
    expect(run.status).toBe(3);
    expect(annotations(run.stderr)).toEqual([]);
    expect(parseValid('check', run.stdout)).toMatchObject({ exitCode: 3, diagnosis: { code: 'token-missing-role' } });
    expect(parseJunit(await readFile(junitPath, 'utf8')).testsuite[0].testcase[0].failure.type).toBe('token-missing-role');

    const posts = sandbox.requestLog.length;
    const refused = await runCli(['check', ...smtp(), '--junit', dir], { env: env() });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`--junit: ${dir}: it is a directory`);
    const alone = await runCli(['check', ...smtp(), '--concurrency', '4'], { env: env() });
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--concurrency: only with --targets');
    expect(sandbox.requestLog.length).toBe(posts);
    sandbox.applyScenario('healthy');
  });

  it('--junit follows a symbolic link (the link stays, its target gets the report) and writes into /dev/null and a FIFO in place', async () => {
    sandbox.applyScenario('no-admin-consent');
    const reports = join(dir, 'reports');
    await mkdir(reports, { recursive: true });
    const target = join(reports, 'latest.xml');
    const link = join(dir, 'junit-link.xml');
    await symlink(target, link);
    const linked = await runCli(['check', ...smtp(), '--junit', link], { env: env() });
    expect(linked.status, linked.stderr).toBe(3);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(parseJunit(await readFile(target, 'utf8')).testsuite[0].testcase[0].failure.type).toBe('token-missing-role');
    expect(await readdir(reports)).toEqual(['latest.xml']);

    // /dev/null: a device, written in place (as root, a rename would have replaced the device).
    const devNull = statSync('/dev/null');
    const discarded = await runCli(['check', ...smtp(), '--junit', '/dev/null'], { env: env() });
    expect(discarded.status, discarded.stderr).toBe(3);
    expect(discarded.stderr).not.toContain('JUnit');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(statSync('/dev/null').ino).toBe(devNull.ino);

    // A FIFO with its reader already there (as `--junit /dev/stdout | tee` is): the XML comes through it.
    const fifo = join(dir, 'junit.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const piped = await runCli(['check', ...smtp(), '--junit', fifo], { env: env() });
      expect(piped.status, piped.stderr).toBe(3);
      const buffer = Buffer.alloc(1 << 16);
      const xml = buffer.subarray(0, readSync(reader, buffer, 0, buffer.length, null)).toString('utf8');
      expect(parseJunit(xml).testsuite[0].testcase[0].failure.type).toBe('token-missing-role');
    } finally {
      closeSync(reader);
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);

    // The same FIFO with nobody reading: one warning line at once (no hang), the check's own exit code stands.
    const unread = await runCli(['check', ...smtp(), '--junit', fifo], { env: env(), timeoutMs: 20_000 });
    expect(unread.status).toBe(3);
    expect(unread.stderr).toContain(`! could not write the JUnit report ${fifo}: nothing is reading it (start the reader of the named pipe first)`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    sandbox.applyScenario('healthy');
  });
});
