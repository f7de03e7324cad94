import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalKeys } from '../../src/commands/sandbox.js';
import { parseArgv } from '../../src/cli.js';
import type { CliIO } from '../../src/io.js';
import type { Message } from '../../src/messages/index.js';
import { PUBLIC_CLIENT_IDS, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { GRAPH_DEFAULT, requestDeviceCode } from '../sandbox/admin-helpers.js';

// The administrator's side of the device code flow in `sandbox`: a keystroke approves or declines.
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

function terminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, raw: false, setRawMode(on: boolean) { stdin.raw = on; return stdin; } });
  return { stdin, io: { stdin, stdout: new PassThrough(), stderr: new PassThrough(), env: {} } as unknown as CliIO };
}

describe('approvalKeys', () => {
  it('a approves the newest pending code, d declines it, with nothing pending it says so; raw mode is undone', async () => {
    const { stdin, io } = terminal();
    const shown: Message[] = [];
    const keys = approvalKeys(sandbox, io, (m) => shown.push(m));
    expect(keys).not.toBeNull();
    expect(stdin.raw).toBe(true);
    const first = JSON.parse((await requestDeviceCode(sandbox, PUBLIC_CLIENT_IDS.azureCli, GRAPH_DEFAULT)).body) as { user_code: string };
    stdin.write('a');
    await new Promise((r) => setImmediate(r));
    expect(shown.at(-1)).toMatchObject({ id: 'sandbox.device-code.answered', params: { code: first.user_code, approved: true } });
    const second = JSON.parse((await requestDeviceCode(sandbox, PUBLIC_CLIENT_IDS.azureCli, GRAPH_DEFAULT)).body) as { user_code: string };
    stdin.write('d');
    await new Promise((r) => setImmediate(r));
    expect(shown.at(-1)).toMatchObject({ id: 'sandbox.device-code.answered', params: { code: second.user_code, approved: false } });
    stdin.write('a');
    await new Promise((r) => setImmediate(r));
    expect(shown.at(-1)?.id).toBe('sandbox.device-code.none');
    keys?.dispose();
    expect(stdin.raw).toBe(false);
  });

  it('not a terminal: no keys (scripts use --approve-after)', () => {
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {} } as unknown as CliIO;
    expect(approvalKeys(sandbox, io, () => undefined)).toBeNull();
  });

  it('--approve-after takes a duration in milliseconds; a bad one is refused', () => {
    const parsed = parseArgv(['sandbox', '--approve-after', '3s']);
    expect(parsed).toMatchObject({ command: 'sandbox', options: { approveAfter: 3000 } });
    expect(() => parseArgv(['sandbox', '--approve-after', 'soon'])).toThrow(/--approve-after/);
  });
});
