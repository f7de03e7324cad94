import { createReadStream } from 'node:fs';
import { t } from './messages/index.js';
import type { OutputStream } from './output.js';

/** The process's streams and environment, injected so commands run the same in tests. */
export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * Whether a question can be asked: a person at a terminal. Prompts read stdin and draw on stderr, so
 * both must be terminals; with stderr redirected the question would wait for an answer to a prompt
 * nobody sees. `input` is false for --no-input.
 */
export function canPrompt(io: CliIO, input: boolean): boolean {
  return input && io.stdin.isTTY === true && io.stderr.isTTY === true;
}

/**
 * The most the tool reads of each input: far above any real one, so that a wrong file (a log, an
 * image, /dev/zero, `yes |`) ends with one line instead of filling memory.
 */
export const READ_LIMITS = {
  /** A client secret is 40 characters (Entra ID); a file or standard input holding one, with room to spare. */
  secret: 64 * 1024,
  /** A pasted error for `explain -`: a whole SMTP transcript or stack trace is a few kilobytes. */
  pastedText: 1024 * 1024,
  /** A certificate or key PEM: a key and a long chain are a few kilobytes each. */
  pem: 1024 * 1024,
  /** The saved configuration: a few hundred bytes. */
  config: 1024 * 1024,
  /** A targets file: about 200 bytes a target, so some 80,000 targets. */
  targets: 16 * 1024 * 1024,
  /** A fleet's JSON for `report merge`: about 3 KB a target, so some 40,000 targets in one file. */
  fleetReport: 128 * 1024 * 1024,
} as const;

/** A read stopped at its limit; fs-errors.ts words it like any other reason a file cannot be read. */
export class InputTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(t('file.too-large', { limitBytes }));
    this.name = 'InputTooLargeError';
  }
}

/** The whole stream as text, or InputTooLargeError once it passes `limitBytes` (the stream is then destroyed). */
export async function readAll(stream: NodeJS.ReadableStream, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    // Leaving the loop destroys the stream: an endless source is not read any further.
    if (size > limitBytes) throw new InputTooLargeError(limitBytes);
    chunks.push(buffer);
  }
  return decodeText(Buffer.concat(chunks));
}

/**
 * Text as its byte-order mark says, UTF-8 without one. Windows PowerShell 5.1 writes files with a BOM:
 * `>` and Out-File in UTF-16LE ("Unicode") unless told otherwise, `-Encoding utf8` with the UTF-8 BOM
 * (about_Character_Encoding), and Notepad adds the UTF-8 one too; a secret file made there
 * must read as the same secret. The mark itself is not part of the text.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2))).swap16().toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('utf8');
}

/**
 * A file as text, at most `limitBytes`. Read as a stream, not by size: a FIFO (`<(…)`) or a device
 * has no size, and a file can grow while it is read. Errors carry the file system's code (ENOENT, …).
 */
export function readTextFile(path: string, limitBytes: number): Promise<string> {
  return readAll(createReadStream(path), limitBytes);
}
