import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/cli.js';
import { checkCommand } from '../../src/commands/check.js';
import { InputError } from '../../src/errors.js';
import { msg } from '../../src/messages/index.js';
import { Output } from '../../src/output.js';
import { recordingReporter } from '../../src/report/reporter.js';

/** `check` refuses what it cannot do before anything runs: every problem a message id, nothing reported. */

const sink = { write: () => true };
const io = () => ({ stdout: sink, stderr: sink, stdin: new PassThrough(), env: {} as NodeJS.ProcessEnv });
const output = () => new Output({ stdout: sink, stderr: sink, env: {} });
const options = (extra: Partial<CheckOptions>): CheckOptions => ({ json: false, input: false, ...extra });

async function refusal(extra: Partial<CheckOptions>) {
  const reporter = recordingReporter();
  const error = await checkCommand(options(extra), io(), output(), reporter).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  expect(reporter.entries).toEqual([]);
  return (error as InputError).problemMessages;
}

describe('checkCommand: refusals before the run', () => {
  it('a single check: --concurrency, --no-connect-ahead and --shard only with --targets', async () => {
    expect(await refusal({ concurrency: '8', connectAhead: false, shard: '1/2' })).toEqual([
      msg('check.flag-without-targets', { flag: '--concurrency' }),
      msg('check.flag-without-targets', { flag: '--no-connect-ahead' }),
      msg('fleet.shard.without-targets'),
    ]);
  });

  it('a fleet: per-target flags, a bad concurrency and a bad shard, all listed', async () => {
    expect(await refusal({ targets: 't.csv', mailbox: 'a@contoso.com', concurrency: '0', shard: '3/2' })).toEqual([
      msg('fleet.flag-per-target', { flag: '--mailbox', columns: ['mailbox'] }),
      msg('fleet.concurrency-range', { max: 64 }),
      msg('fleet.shard.index', { value: '3/2', count: 2 }),
    ]);
  });
});
