import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Message, render, useLanguage } from '../../src/messages/index.js';
import {
  type CommandRunner,
  icaclsPrivateArgs,
  otherReaders,
  parseSddlDacl,
  parseWhoamiSid,
  readableByOthersProblem,
  restrictToCurrentUser,
} from '../../src/fs/private-mode.js';
import { writeUserFile } from '../../src/fs/write-file.js';

// Outputs as Windows gives them (written from the documented formats, not captured on a machine here):
// `whoami /user /fo csv /nh` (the name is localized, the SID is not) and
// `(Get-Acl <file>).Sddl` for the cases a saved secret meets (SDDL as in Microsoft Learn's
// "Security Descriptor String Format" and "ACE Strings"; the user's SID below is this fixture's).
const USER = 'S-1-5-21-1004336348-1177238915-682003330-1001';
const WHOAMI = `"desktop-7q1k2\\alice","${USER}"\r\n`;
const OWNER = `O:${USER}G:S-1-5-21-1004336348-1177238915-682003330-513`;
const SDDL = {
  // In the user's profile (C:\Users\alice\AppData\Roaming\…): inherited SYSTEM, Administrators, the user.
  profile: `${OWNER}D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;FA;;;${USER})`,
  // After icacls /inheritance:r /grant:r *SID:(F): protected (P), the user alone.
  restricted: `${OWNER}D:PAI(A;;FA;;;${USER})`,
  // In a folder such as C:\apps\sender: Users may read and execute, Authenticated Users modify.
  sharedFolder: `${OWNER}D:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)(A;ID;0x1200a9;;;BU)(A;ID;0x1301bf;;;AU)`,
  // An explicit read for Everyone added by hand, inheritance already off.
  everyone: `${OWNER}D:PAI(A;;FA;;;${USER})(A;;FR;;;WD)`,
  // Entries that give no reading: a deny for Everyone, an inherit-only entry for CREATOR OWNER, write-only for Users.
  harmless: `${OWNER}D:PAI(A;;FA;;;${USER})(D;;FA;;;WD)(A;OICIIO;GA;;;CO)(A;;0x100116;;;BU)`,
  // A null DACL: everyone may do everything.
  nullDacl: `${OWNER}D:NO_ACCESS_CONTROL`,
  // A readable-data bit given as a letter code (CC is 0x1, FILE_READ_DATA) to a domain group's SID.
  letterCodes: `${OWNER}D:PAI(A;;FA;;;${USER})(A;;CCLCRPRC;;;S-1-5-21-1004336348-1177238915-682003330-1105)`,
};

function recorder(outputs: { whoami?: string | Error; sddl?: string | Error; icacls?: string | Error; onIcacls?: (args: readonly string[]) => void } = {}) {
  const calls: Array<{ file: string; args: readonly string[]; env?: Readonly<Record<string, string>> }> = [];
  const answer = (value: string | Error | undefined) => (value instanceof Error ? Promise.reject(value) : Promise.resolve(value ?? ''));
  const run: CommandRunner = (file, args, env) => {
    calls.push({ file, args, ...(env && { env }) });
    if (file === 'whoami') return answer(outputs.whoami ?? WHOAMI);
    if (file === 'powershell.exe') return answer(outputs.sddl ?? SDDL.profile);
    if (file === 'icacls') {
      outputs.onIcacls?.(args);
      return answer(outputs.icacls ?? 'processed file: x\r\nSuccessfully processed 1 files; Failed processing 0 files\r\n');
    }
    return Promise.reject(new Error(`unexpected ${file}`));
  };
  return { run, calls };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'private-mode-'));
  dirs.push(dir);
  return dir;
};

describe('SDDL: who may read a file on Windows', () => {
  it('reads the SID from whoami /user /fo csv /nh whatever the account name', () => {
    expect(parseWhoamiSid(WHOAMI)).toBe(USER);
    expect(parseWhoamiSid('"nt-autorität\\system","S-1-5-18"')).toBe('S-1-5-18');
    expect(parseWhoamiSid('')).toBeNull();
  });

  it.each([
    ['profile', []],
    ['restricted', []],
    ['harmless', []],
    ['sharedFolder', ['BU', 'AU']],
    ['everyone', ['WD']],
    ['nullDacl', ['WD']],
    ['letterCodes', ['S-1-5-21-1004336348-1177238915-682003330-1105']],
  ] as const)('%s: other readers %j', (name, readers) => {
    const aces = parseSddlDacl(SDDL[name]);
    expect(aces).not.toBeNull();
    expect(otherReaders(aces!, USER).map((ace) => ace.trustee)).toEqual(readers);
  });

  it('is not SDDL: not judged', () => {
    expect(parseSddlDacl('Get-Acl : Der Pfad wurde nicht gefunden.')).toBeNull();
    expect(parseSddlDacl(`${OWNER}D:(A;;ZZ;;;WD)`)).toBeNull();
  });
});

/** The refusal's words in the language in use (the function reports a message). */
const wordsOf = (problem: Message | null) => (problem ? render(problem) : null);

describe('readableByOthersProblem on Windows (platform injected, outputs fed in)', () => {
  it('accepts a file only its user, SYSTEM and Administrators can read', async () => {
    const { run, calls } = recorder({ sddl: SDDL.profile });
    expect(await readableByOthersProblem('C:\\Users\\alice\\AppData\\Roaming\\smtp-oauth-setup\\config.json', 'client-secret', 'win32', run)).toBeNull();
    // The path reaches PowerShell in the environment, never inside the command text.
    const ps = calls.find((c) => c.file === 'powershell.exe')!;
    expect(ps.args).toEqual(['-NoProfile', '-NonInteractive', '-Command', '(Get-Acl -LiteralPath $env:SMTP_OAUTH_SETUP_ACL_PATH).Sddl']);
    expect(ps.env).toEqual({ SMTP_OAUTH_SETUP_ACL_PATH: 'C:\\Users\\alice\\AppData\\Roaming\\smtp-oauth-setup\\config.json' });
  });

  it('refuses a file that Users can read, in one line with the icacls that fixes it', async () => {
    const { run } = recorder({ sddl: SDDL.sharedFolder });
    expect(wordsOf(await readableByOthersProblem("C:\\apps\\o'brien\\key.pem", 'private-key', 'win32', run))).toBe(
      "C:\\apps\\o'brien\\key.pem holds a private key and other accounts can read it (its ACL grants Users, Authenticated Users); refusing to use it. " +
        "Fix (PowerShell): icacls 'C:\\apps\\o''brien\\key.pem' /inheritance:r /grant:r \"${env:USERNAME}:(F)\"",
    );
  });

  it('in German: the refusal, and the trustees by the names a German Windows gives them (a snapshot of the words)', async () => {
    const { run } = recorder({ sddl: SDDL.sharedFolder });
    await useLanguage('de');
    try {
      expect(wordsOf(await readableByOthersProblem('C:\\apps\\key.pem', 'private-key', 'win32', run))).toBe(
        'C:\\apps\\key.pem enthält einen privaten Schlüssel, und andere Konten können die Datei lesen (ihre ACL berechtigt Benutzer, Authentifizierte Benutzer); sie wird nicht verwendet. ' +
          "Abhilfe (PowerShell): icacls 'C:\\apps\\key.pem' /inheritance:r /grant:r \"${env:USERNAME}:(F)\"",
      );
    } finally {
      await useLanguage('en');
    }
  });

  it('names an explicit entry in the fix, by SID', async () => {
    const { run } = recorder({ sddl: SDDL.everyone });
    expect(wordsOf(await readableByOthersProblem('C:\\s\\secret', 'client-secret', 'win32', run))).toMatch(/grants Everyone\).*\/remove:g \*S-1-1-0$/);
  });

  it('cannot read the ACL (no PowerShell): does not refuse the file', async () => {
    const { run } = recorder({ sddl: new Error('spawn powershell.exe ENOENT') });
    expect(await readableByOthersProblem('C:\\s\\secret', 'client-secret', 'win32', run)).toBeNull();
  });
});

describe('restricting a private file on Windows', () => {
  it('runs icacls with the user\'s SID: inheritance removed, full control for the user alone', async () => {
    const { run, calls } = recorder();
    expect(await restrictToCurrentUser('C:\\x\\.env', { platform: 'win32', run })).toBeNull();
    expect(calls.map((c) => [c.file, ...c.args])).toEqual([
      ['whoami', '/user', '/fo', 'csv', '/nh'],
      ['icacls', 'C:\\x\\.env', '/inheritance:r', '/grant:r', `*${USER}:(F)`],
    ]);
    expect(icaclsPrivateArgs('C:\\a b\\f', 'S-1-5-18')).toEqual(['C:\\a b\\f', '/inheritance:r', '/grant:r', '*S-1-5-18:(F)']);
  });

  it('does nothing elsewhere (the mode does it)', async () => {
    const { run, calls } = recorder();
    expect(await restrictToCurrentUser('/x/.env', { platform: 'linux', run })).toBeNull();
    expect(calls).toEqual([]);
  });

  it('a failure is one line to warn with, never an exception', async () => {
    const { run } = recorder({ icacls: new Error('Command failed: icacls\r\nZugriff verweigert') });
    expect(await restrictToCurrentUser('C:\\x\\.env.1.tmp', { platform: 'win32', run, shownPath: 'C:\\x\\.env' })).toBe(
      'could not restrict C:\\x\\.env to your account (Command failed: icacls); other accounts on this computer may be able to read it.',
    );
  });

  it('writeUserFile sets the ACL on the still empty temporary file, before the secret is in it', async () => {
    const dir = scratch();
    const path = join(dir, '.env');
    const seen: Array<{ file: string; content: string }> = [];
    const { run } = recorder({ onIcacls: (args) => seen.push({ file: args[0]!, content: readFileSync(args[0]!, 'utf8') }) });
    const warnings: string[] = [];
    await writeUserFile(path, 'AZURE_CLIENT_SECRET=s3cret\n', { private: true, platform: { os: 'win32' }, run, warn: (line) => warnings.push(line) });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.file).not.toBe(path);
    expect(seen[0]!.file.startsWith(join(dir, '..env.'))).toBe(true);
    expect(seen[0]!.content).toBe('');
    expect(readFileSync(path, 'utf8')).toBe('AZURE_CLIENT_SECRET=s3cret\n');
    expect(warnings).toEqual([]);
  });

  it('writeUserFile still writes the file when icacls fails, and warns once naming the file', async () => {
    const dir = scratch();
    const path = join(dir, 'config.json');
    const { run } = recorder({ whoami: new Error('spawn whoami ENOENT') });
    const warnings: string[] = [];
    await writeUserFile(path, '{}\n', { private: true, platform: { os: 'win32' }, run, warn: (line) => warnings.push(line) });
    expect(readFileSync(path, 'utf8')).toBe('{}\n');
    expect(warnings).toEqual([`could not restrict ${path} to your account (spawn whoami ENOENT); other accounts on this computer may be able to read it.`]);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('writeUserFile leaves a public file\'s ACL alone', async () => {
    const { run, calls } = recorder();
    await writeUserFile(join(scratch(), 'report.xml'), '<x/>', { private: false, platform: { os: 'win32' }, run });
    expect(calls).toEqual([]);
  });
});
