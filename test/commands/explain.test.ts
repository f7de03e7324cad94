import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { explainCommand } from '../../src/commands/explain.js';
import { InputError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { Output } from '../../src/output.js';
import { recordingReporter } from '../../src/report/reporter.js';

/** `explain` reports what it found to the reporter: the diagnosis (by code), or nothing; its input errors are messages. */

function io(stdinText?: string) {
  const stdin = new PassThrough();
  if (stdinText !== undefined) stdin.end(stdinText);
  const sink = { write: () => true };
  return { stdout: sink, stderr: sink, stdin, env: {} as NodeJS.ProcessEnv };
}
const output = () => new Output({ stdout: { write: () => true }, stderr: { write: () => true }, env: {} });
const options = (text: string, extra: Record<string, string> = {}) => ({ text, json: false, ...extra });

describe('explainCommand', () => {
  it('reports the most specific diagnosis and exit 0', async () => {
    const reporter = recordingReporter();
    const code = await explainCommand(options('535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox.'), io(), output(), reporter);
    expect(code).toBe(0);
    const [entry] = reporter.entries;
    expect(entry?.kind === 'explain' && entry.outcome?.diagnosis.code).toBe('smtp-auth-disabled-mailbox');
  });

  it('reports nothing recognised: exit 2', async () => {
    const reporter = recordingReporter();
    expect(await explainCommand(options('all is well'), io(), output(), reporter)).toBe(2);
    expect(reporter.entries).toEqual([{ kind: 'explain', outcome: null }]);
  });

  it('input errors are messages: empty standard input, nothing given, an invalid value', async () => {
    const problems = async (run: Promise<unknown>) => ((await run.catch((e: unknown) => e)) as InputError).problemMessages;
    expect(await problems(explainCommand(options('-'), io(''), output(), recordingReporter()))).toEqual([msg('explain.stdin-empty')]);
    expect(await problems(explainCommand(options('  '), io(), output(), recordingReporter()))).toEqual([msg('explain.nothing-given')]);
    const [invalid] = await problems(explainCommand(options('535 5.7.3', { tenantId: 'not a tenant!' }), io(), output(), recordingReporter()));
    expect(invalid?.id).toBe('explain.invalid-value');
    expect(invalid?.params).toMatchObject({ source: '--tenant-id' });
  });
});
