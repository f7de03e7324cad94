import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { psStringLiteral } from '../powershell-quote.js';
import { type Message, type MessageId, msg, t } from '../messages/index.js';
import { shellQuote } from '../shell.js';

/**
 * Files that hold a secret (the saved client secret, a certificate's private key, a .env) are for
 * their user alone: mode 0600 on POSIX systems, and on Windows — where the mode bits mean nothing —
 * an ACL that grants the current user alone, with the entries inherited from the folder removed.
 *
 * Windows, and why these tools:
 * - Setting: `icacls <file> /inheritance:r /grant:r *<SID>:(F)`. icacls is on every Windows since
 *   Vista / Server 2008; `/inheritance:r` removes the inherited entries, `/grant:r` replaces any
 *   explicit grant for that trustee. The trustee is the user's SID (from `whoami /user /fo csv /nh`),
 *   never a name: account names are localized and may be ambiguous, a `*S-1-…` SID is neither.
 * - Reading: `(Get-Acl -LiteralPath …).Sddl` in Windows PowerShell (present on every supported Windows).
 *   icacls's and Get-Acl's Access listings name trustees and rights in the system's language
 *   ("VORDEFINIERT\Benutzer", "Vollzugriff"); the SDDL string has SIDs and fixed codes on every system
 *   (Microsoft Learn, "Security Descriptor String Format" and "ACE Strings"), so it is what is parsed.
 * Both are run with execFile (no shell) through an injected runner, so that tests feed fixed outputs.
 */

/** Runs a program (no shell) and gives its standard output; rejects when it fails or times out. */
export type CommandRunner = (file: string, args: readonly string[], env?: Readonly<Record<string, string>>) => Promise<string>;

const RUN_TIMEOUT_MS = 15_000;

export const runCommand: CommandRunner = (file, args, env) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: RUN_TIMEOUT_MS, windowsHide: true, maxBuffer: 1024 * 1024, ...(env && { env: { ...process.env, ...env } }) },
      (error, stdout) => (error ? reject(error) : resolve(String(stdout))),
    );
  });

export interface PrivacyOptions {
  platform?: NodeJS.Platform;
  run?: CommandRunner;
  /** The path named in a warning (the final file, when the ACL is set on its temporary file before the rename). */
  shownPath?: string;
}

/** What a private file holds, for the refusal that names it. */
export type PrivateContent = 'client-secret' | 'private-key';

/**
 * A file holding a secret that other users can read is refused, as ssh refuses such a key: using it
 * would hide the exposure. Returns the one line to show, with the command that fixes it, or null when
 * the file is private. On Windows an ACL that cannot be read (no PowerShell) is not judged: null.
 */
export async function readableByOthersProblem(
  path: string,
  holds: PrivateContent,
  platform: NodeJS.Platform = process.platform,
  run: CommandRunner = runCommand,
): Promise<Message | null> {
  const content = holds;
  if (platform === 'win32') return windowsReadableByOthers(path, content, run);
  const { mode } = await stat(path);
  if ((mode & 0o077) === 0) return null;
  return msg('file.readable-by-others', { path, holds: content, mode: (mode & 0o777).toString(8).padStart(4, '0'), fix: `chmod 600 ${shellQuote(path)}` });
}

// ---------------------------------------------------------------------------------------------
// Windows: the current user's SID, setting the ACL, reading it back as SDDL.

/** The SID in `whoami /user /fo csv /nh` output: `"contoso\alice","S-1-5-21-…"` (the name is localized, the SID is not). */
export function parseWhoamiSid(output: string): string | null {
  return /"?(S-1-\d+(?:-\d+)+)"?\s*$/m.exec(output.trim())?.[1] ?? null;
}

let currentSid: Promise<string> | null = null;

async function currentUserSid(run: CommandRunner): Promise<string> {
  const lookUp = async () => {
    const sid = parseWhoamiSid(await run('whoami', ['/user', '/fo', 'csv', '/nh']));
    if (!sid) throw new Error('whoami gave no SID');
    return sid;
  };
  // Asked once per process (with the real runner): the user does not change while it runs.
  if (run !== runCommand) return lookUp();
  currentSid ??= lookUp().catch((error: unknown) => {
    currentSid = null;
    throw error;
  });
  return currentSid;
}

/** The icacls arguments that leave `path` readable by `sid` alone. */
export function icaclsPrivateArgs(path: string, sid: string): string[] {
  return [path, '/inheritance:r', '/grant:r', `*${sid}:(F)`];
}

/**
 * Restricts a new file to the current user on Windows (nothing elsewhere: the mode does it there).
 * Never throws: a failure returns the one line to warn with, null on success.
 */
export async function restrictToCurrentUser(path: string, options: PrivacyOptions = {}): Promise<string | null> {
  const { platform = process.platform, run = runCommand } = options;
  if (platform !== 'win32') return null;
  try {
    const sid = await currentUserSid(run);
    await run('icacls', icaclsPrivateArgs(path, sid));
    return null;
  } catch (error) {
    return t('file.acl-not-set', { path: options.shownPath ?? path, reason: firstLine(error) });
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/)[0]!.trim() || t('file.unknown-error');
}

/** One access control entry of an SDDL DACL: `(type;flags;rights;object;inherited object;trustee)`. */
export interface SddlAce {
  type: string;
  flags: string;
  rights: number;
  trustee: string;
}

// Access rights in ACE strings ("ACE Strings", Microsoft Learn): generic, standard, file and the
// directory-service letters Windows uses for file bits that have no file code (CC is bit 0x1, read data).
const RIGHT_CODES: Record<string, number> = {
  GA: 0x10000000, GX: 0x20000000, GW: 0x40000000, GR: 0x80000000,
  FA: 0x001f01ff, FR: 0x00120089, FW: 0x00120116, FX: 0x001200a0,
  RC: 0x00020000, SD: 0x00010000, WD: 0x00040000, WO: 0x00080000,
  CC: 0x1, DC: 0x2, LC: 0x4, SW: 0x8, RP: 0x10, WP: 0x20, DT: 0x40, LO: 0x80, CR: 0x100,
};
/** Rights that let a trustee read the file's content: FILE_READ_DATA, GENERIC_READ, GENERIC_ALL. */
const READS_CONTENT = 0x1 | 0x80000000 | 0x10000000;

// Well-known SID strings ("SID Strings", Microsoft Learn) for the trustees that may read a private
// file besides its user, as OpenSSH for Windows allows them for a private key: LocalSystem and the
// Administrators group.
const ALLOWED_ALIASES = new Set(['SY', 'BA', 'S-1-5-18', 'S-1-5-32-544']);
// The aliases most often met on files, as SIDs (icacls's /remove takes *SID).
const ALIAS_SIDS: Record<string, string> = {
  WD: 'S-1-1-0', AU: 'S-1-5-11', BU: 'S-1-5-32-545', BG: 'S-1-5-32-546', IU: 'S-1-5-4', NU: 'S-1-5-2',
  AN: 'S-1-5-7', CO: 'S-1-3-0', OW: 'S-1-3-4', PU: 'S-1-5-32-547', RD: 'S-1-5-32-555',
};
// The names Windows gives these trustees, in the language in use (file.trustee.*); SIDs in the fix.
const ALIAS_NAMES: Record<string, MessageId> = {
  WD: 'file.trustee.everyone', AU: 'file.trustee.authenticated-users', BU: 'file.trustee.users', BG: 'file.trustee.guests',
  IU: 'file.trustee.interactive', NU: 'file.trustee.network', AN: 'file.trustee.anonymous', DU: 'file.trustee.domain-users',
  CO: 'file.trustee.creator-owner', OW: 'file.trustee.owner-rights', PU: 'file.trustee.power-users', RD: 'file.trustee.remote-desktop-users',
};

function parseRights(text: string): number | null {
  if (/^0x[0-9a-f]+$/i.test(text)) return Number.parseInt(text.slice(2), 16);
  if (text.length % 2 !== 0) return null;
  let rights = 0;
  for (let i = 0; i < text.length; i += 2) {
    const code = RIGHT_CODES[text.slice(i, i + 2).toUpperCase()];
    if (code === undefined) return null;
    rights |= code;
  }
  return rights >>> 0;
}

/** The DACL's entries of an SDDL string (`O:…G:…D:PAI(A;;FA;;;SY)(A;ID;0x1200a9;;;BU)…S:…`); null when it is not SDDL. */
export function parseSddlDacl(sddl: string): SddlAce[] | null {
  const dacl = /D:([A-Z_]*)((?:\([^()]*\))*)/.exec(sddl.trim());
  if (!dacl) return null;
  // A null DACL ("D:NO_ACCESS_CONTROL") grants everyone everything.
  if (dacl[1]!.includes('NO_ACCESS_CONTROL')) return [{ type: 'A', flags: '', rights: RIGHT_CODES.GA!, trustee: 'WD' }];
  const aces: SddlAce[] = [];
  for (const [, body] of dacl[2]!.matchAll(/\(([^()]*)\)/g)) {
    const fields = body!.split(';');
    if (fields.length < 6) return null;
    const rights = parseRights(fields[2]!);
    if (rights === null) return null;
    aces.push({ type: fields[0]!, flags: fields[1]!, rights, trustee: fields[5]! });
  }
  return aces;
}

/**
 * The trustees other than `userSid`, LocalSystem and Administrators that an allow entry lets read the
 * file's content. Entries only inherited by children (flag IO) do not apply to the file itself; deny
 * entries never widen access. Object ACE types (OA) carry the same rights for a file.
 */
export function otherReaders(aces: readonly SddlAce[], userSid: string): SddlAce[] {
  return aces.filter(
    (ace) =>
      (ace.type === 'A' || ace.type === 'OA') &&
      !ace.flags.includes('IO') &&
      (ace.rights & READS_CONTENT) !== 0 &&
      ace.trustee !== userSid &&
      !ALLOWED_ALIASES.has(ace.trustee),
  );
}

/** The fix: icacls removing inheritance, granting the user, and removing each explicit reader shown. */
export function windowsFixCommand(path: string, readers: readonly SddlAce[]): string {
  const removals = [...new Set(readers.filter((ace) => !ace.flags.includes('ID')).map((ace) => ALIAS_SIDS[ace.trustee] ?? ace.trustee))]
    .filter((sid) => sid.startsWith('S-1-'))
    .map((sid) => ` /remove:g *${sid}`);
  return `icacls ${psStringLiteral(path)} /inheritance:r /grant:r "\${env:USERNAME}:(F)"${removals.join('')}`;
}

// The path goes to PowerShell in an environment variable, not in the command text: no quoting at all.
const ACL_PATH_VARIABLE = 'SMTP_OAUTH_SETUP_ACL_PATH';
const GET_SDDL = `(Get-Acl -LiteralPath $env:${ACL_PATH_VARIABLE}).Sddl`;

async function windowsReadableByOthers(path: string, holds: PrivateContent, run: CommandRunner): Promise<Message | null> {
  let aces: SddlAce[] | null;
  let sid: string;
  try {
    sid = await currentUserSid(run);
    aces = parseSddlDacl(await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', GET_SDDL], { [ACL_PATH_VARIABLE]: path }));
  } catch {
    // Without PowerShell or whoami the ACL cannot be judged: not a reason to refuse the file.
    return null;
  }
  if (!aces) return null;
  const readers = otherReaders(aces, sid);
  if (readers.length === 0) return null;
  const trustees = [...new Set(readers.map((ace) => (ALIAS_NAMES[ace.trustee] ? t(ALIAS_NAMES[ace.trustee] as 'file.trustee.everyone') : ace.trustee)))];
  return msg('file.readable-by-others-windows', { path, holds, trustees, fix: windowsFixCommand(path, readers) });
}
