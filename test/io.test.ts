import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readErrorReason } from '../src/fs-errors.js';
import { InputTooLargeError, readAll, readTextFile } from '../src/io.js';

const dir = mkdtempSync(join(tmpdir(), 'io-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bounded reads', () => {
  it('reads a stream up to the limit, and stops an endless one right after it', async () => {
    expect(await readAll(Readable.from([Buffer.from('ab'), 'cd']), 4)).toBe('abcd');
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024, 'x'));
      },
    });
    await expect(readAll(endless, 10 * 1024)).rejects.toBeInstanceOf(InputTooLargeError);
    expect(endless.destroyed).toBe(true);
    expect(produced).toBeLessThan(64 * 1024);
  });

  it('reads files; /dev/zero stops at the limit', async () => {
    const file = join(dir, 'secret');
    writeFileSync(file, 'value\n');
    expect(await readTextFile(file, 64)).toBe('value\n');
    const error = await readTextFile('/dev/zero', 64 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputTooLargeError);
    expect(readErrorReason(error)).toBe('larger than 64 KiB, more than any real one');
  });

  it('a FIFO (as `<(…)` gives) still works: read as a stream, not by its size', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf 'from a pipe' > '${fifo}'`]);
    const written = new Promise((resolve) => writer.on('close', resolve));
    expect(await readTextFile(fifo, 1024)).toBe('from a pipe');
    await written;
  });

  it('a missing file keeps its reason', async () => {
    const error = await readTextFile(join(dir, 'nope'), 10).catch((e: unknown) => e);
    expect(readErrorReason(error)).toBe('no such file');
    expect(readErrorReason(await readTextFile(dir, 10).catch((e: unknown) => e))).toBe('it is a directory');
  });
});
