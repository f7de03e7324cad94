import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, constants, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWriteError, resolveWriteTarget, writePathProblem, writeUserFile } from '../../src/fs/write-file.js';
import { removeScratchDirs, scratchDir } from '../support/wizard.js';
import { POSIX_SPECIAL_FILES, expectMode } from '../support/platform.js';

afterAll(removeScratchDirs);

const mode = (path: string) => statSync(path).mode & 0o777;
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as NodeJS.ErrnoException);

function fifo(dir: string, name = 'pipe'): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

/** A reader of the FIFO in this process: opened without waiting for a writer, so it is there before the write starts. */
function openReader(path: string): { fd: number; drain: () => string } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  return {
    fd,
    /** What has arrived since the last call. */
    drain() {
      const chunks: Buffer[] = [];
      const buffer = Buffer.alloc(65_536);
      for (;;) {
        try {
          const n = readSync(fd, buffer, 0, buffer.length, null);
          if (n === 0) break;
          chunks.push(Buffer.from(buffer.subarray(0, n)));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EAGAIN') break;
          throw error;
        }
      }
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

describe('writeUserFile: regular files, replaced atomically', () => {
  it('creates a 0600 private file, replaces it whole (mode reset to 0600), and leaves no temporary file', async () => {
    const dir = scratchDir('write');
    const path = join(dir, 'f.txt');
    await writeUserFile(path, 'one', { private: true });
    expect(readFileSync(path, 'utf8')).toBe('one');
    expectMode(path, 0o600);
    chmodSync(path, 0o644);
    await writeUserFile(path, 'two', { private: true });
    expect(readFileSync(path, 'utf8')).toBe('two');
    expectMode(path, 0o600);
    expect(readdirSync(dir)).toEqual(['f.txt']);
  });

  it('writes public files 0644', async () => {
    const path = join(scratchDir('write-public'), 'upload.cer');
    await writeUserFile(path, 'cert', { private: false });
    expectMode(path, 0o644);
  });

  it('creates a missing directory (0700) only when asked (the config directory), never for a typed path', async () => {
    const base = scratchDir('write-dir');
    const missing = join(base, 'no', 'such', 'dir', 'x.ps1');
    const refused = await failure(writeUserFile(missing, 'x', { private: true }));
    expect(refused?.code).toBe('ENOENT');
    expect(describeWriteError(missing, refused)).toBe(`cannot write ${missing}: the directory does not exist`);
    expect(readdirSync(base)).toEqual([]);
    const config = join(base, 'cfg', 'config.json');
    await writeUserFile(config, '{}', { private: true, createDirectory: true });
    expectMode(join(base, 'cfg'), 0o700);
  });
});

describe('writeUserFile: a symbolic link is followed, and stays a link', () => {
  it('updates the target atomically next to the target (a dotfile manager\'s config.json)', async () => {
    const dotfiles = scratchDir('write-dotfiles');
    const configDir = scratchDir('write-linked');
    const target = join(dotfiles, 'config.json');
    writeFileSync(target, 'old', { mode: 0o644 });
    const link = join(configDir, 'config.json');
    symlinkSync(target, link);
    await writeUserFile(link, 'new', { private: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expectMode(target, 0o600);
    // The temporary file was renamed in the target's folder, and nothing was left in either.
    expect(readdirSync(dotfiles)).toEqual(['config.json']);
    expect(readdirSync(configDir)).toEqual(['config.json']);
  });

  it('follows a chain of relative links, and creates the target of a dangling one', async () => {
    const dir = scratchDir('write-chain');
    mkdirSync(join(dir, 'real'));
    symlinkSync('real/report.xml', join(dir, 'second'));
    symlinkSync('second', join(dir, 'first'));
    await writeUserFile(join(dir, 'first'), '<xml/>', { private: false });
    expect(readFileSync(join(dir, 'real', 'report.xml'), 'utf8')).toBe('<xml/>');
    expect(lstatSync(join(dir, 'first')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'second')).isSymbolicLink()).toBe(true);
  });

  it('refuses a loop of links with one line', async () => {
    const dir = scratchDir('write-loop');
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    const error = await failure(writeUserFile(join(dir, 'a'), 'x', { private: true }));
    expect(describeWriteError('a', error)).toBe('cannot write a: too many symbolic links');
  });
});

// FIFOs (mkfifo), /dev/null and /dev/stdout are POSIX things: Windows has no such files in a folder.
describe.runIf(POSIX_SPECIAL_FILES)('writeUserFile: FIFOs, devices and descriptors are written in place', () => {
  it('writes into a FIFO that has a reader, and the FIFO stays a FIFO', async () => {
    const path = fifo(scratchDir('write-fifo'));
    const reader = openReader(path);
    try {
      await writeUserFile(path, 'report\n', { private: true });
      expect(reader.drain()).toBe('report\n');
    } finally {
      closeSync(reader.fd);
    }
    expect(lstatSync(path).isFIFO()).toBe(true);
    // Not chmod-ed to 0600: its mode is the owner's business.
    expectMode(path, 0o644 & ~process.umask());
  });

  it('waits for a slow reader when the pipe is full (more than a pipe buffer)', async () => {
    const path = fifo(scratchDir('write-fifo-big'));
    const reader = openReader(path);
    const content = 'x'.repeat(300_000);
    try {
      let received = '';
      const writing = writeUserFile(path, content, { private: false });
      for (let i = 0; i < 2_000 && received.length < content.length; i++) {
        received += reader.drain();
        await new Promise((r) => setTimeout(r, 5));
      }
      await writing;
      expect(received.length).toBe(content.length);
    } finally {
      closeSync(reader.fd);
    }
  });

  it('refuses a FIFO nobody reads at once (no hang), with one line', async () => {
    const path = fifo(scratchDir('write-fifo-none'));
    const started = Date.now();
    const error = await failure(writeUserFile(path, 'report', { private: true }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error?.code).toBe('ENXIO');
    expect(describeWriteError(path, error)).toBe(`cannot write ${path}: nothing is reading it (start the reader of the named pipe first)`);
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('gives up on a reader that stopped reading', async () => {
    const path = fifo(scratchDir('write-fifo-stalled'));
    const reader = openReader(path);
    try {
      const error = await failure(writeUserFile(path, 'x'.repeat(300_000), { private: true, stallTimeoutMs: 200 }));
      expect(describeWriteError(path, error)).toBe(`cannot write ${path}: its reader stopped reading`);
    } finally {
      closeSync(reader.fd);
    }
  });

  it('writes to /dev/null without replacing or chmod-ing it', async () => {
    const before = statSync('/dev/null');
    await writeUserFile('/dev/null', 'anything', { private: true });
    const after = lstatSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.ino).toBe(before.ino);
    expect(after.mode).toBe(before.mode);
  });

  // /dev/full exists on Linux only (macOS and Windows have no such device).
  it.runIf(process.platform === 'linux')('reports /dev/full as one line (ENOSPC) and leaves the device alone', async () => {
    const before = statSync('/dev/full');
    const error = await failure(writeUserFile('/dev/full', 'report', { private: false }));
    expect(describeWriteError('/dev/full', error)).toBe('cannot write /dev/full: no space left on the device');
    const after = lstatSync('/dev/full');
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.ino).toBe(before.ino);
  });

  // /dev/fd/N as a link to the open file is Linux's (macOS's /dev/fd entries are devices; Windows has none).
  it.runIf(process.platform === 'linux')('appends to the file behind a descriptor link (/dev/fd/N, as /dev/stdout is) instead of replacing it', async () => {
    const path = join(scratchDir('write-fd'), 'out.txt');
    const fd = openSync(path, 'a');
    try {
      writeSync(fd, 'first\n');
      const inode = statSync(path).ino;
      expect(await resolveWriteTarget(`/dev/fd/${fd}`)).toEqual({ kind: 'in-place', path: `/dev/fd/${fd}` });
      await writeUserFile(`/dev/fd/${fd}`, 'second\n', { private: true });
      expect(readFileSync(path, 'utf8')).toBe('first\nsecond\n');
      expect(statSync(path).ino).toBe(inode);
      expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
    } finally {
      closeSync(fd);
    }
  });

  it('/dev/stdout is a descriptor: written in place, never renamed over', async () => {
    expect((await resolveWriteTarget('/dev/stdout')).kind).toBe('in-place');
  });
});

describe('writeUserFile: a directory is refused', () => {
  it('says it is a directory and leaves it alone', async () => {
    const dir = scratchDir('write-isdir');
    const error = await failure(writeUserFile(dir, 'x', { private: true }));
    expect(describeWriteError(dir, error)).toBe(`cannot write ${dir}: it is a directory`);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writePathProblem: the same decision, before anything is done', () => {
  // A FIFO (mkfifo) and /dev/null exist on POSIX systems only.
  it.runIf(POSIX_SPECIAL_FILES)('accepts a new file in an existing folder, a FIFO and a device', async () => {
    const dir = scratchDir('problem-ok');
    expect(await writePathProblem(join(dir, 'new.xml'))).toBeNull();
    expect(await writePathProblem(fifo(dir))).toBeNull();
    expect(await writePathProblem('/dev/null')).toBeNull();
  });

  it('names a directory, and a missing folder (the link\'s target folder when a link leads there)', async () => {
    const dir = scratchDir('problem-bad');
    expect(await writePathProblem(dir)).toBe('it is a directory');
    expect(await writePathProblem(join(dir, 'nope', 'x.xml'))).toBe(`the directory ${join(dir, 'nope')} does not exist`);
    symlinkSync(join(dir, 'gone', 'x.xml'), join(dir, 'link.xml'));
    expect(await writePathProblem(join(dir, 'link.xml'))).toBe(`the directory ${join(dir, 'gone')} does not exist`);
  });
});
