import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readErrorReason } from '../src/fs-errors.js';
import { InputTooLargeError, readAll, readTextFile } from '../src/io.js';
import { POSIX_SPECIAL_FILES } from './support/platform.js';

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

  // /dev/zero is a POSIX device (POSIX_SPECIAL_FILES).
  it.runIf(POSIX_SPECIAL_FILES)('reads files; /dev/zero stops at the limit', async () => {
    const file = join(dir, 'secret');
    writeFileSync(file, 'value\n');
    expect(await readTextFile(file, 64)).toBe('value\n');
    const error = await readTextFile('/dev/zero', 64 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputTooLargeError);
    expect(readErrorReason(error)).toBe('larger than 64 KiB, more than any real one');
  });

  // mkfifo and sh: POSIX only (POSIX_SPECIAL_FILES).
  it.runIf(POSIX_SPECIAL_FILES)('a FIFO (as `<(…)` gives) still works: read as a stream, not by its size', async () => {
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

describe('text files written on Windows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'io-bom-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const secret = 'Abc8Q~not.a.real.secret_value-0123456789';

  it.each([
    // `'…' > secret.txt` in Windows PowerShell 5.1: UTF-16LE with its BOM, CRLF.
    ['UTF-16LE with BOM (Windows PowerShell 5.1 >, Out-File)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${secret}\r\n`, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${secret}\r\n`, 'utf16le').swap16()])],
    // Notepad, or Set-Content -Encoding utf8 in 5.1.
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${secret}\r\n`)])],
    ['UTF-8 without BOM, CRLF', Buffer.from(`${secret}\r\n`)],
  ])('%s reads as the same text, without the mark', async (_name, bytes) => {
    const path = join(dir, `${_name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(path, bytes);
    expect(await readTextFile(path, 1024)).toBe(`${secret}\r\n`);
  });
});
