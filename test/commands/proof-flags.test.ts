import { describe, expect, it } from 'vitest';
import { DEFAULT_PROOF_WAIT_SECONDS, readProofFlags } from '../../src/commands/proof-flags.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../../src/defaults.js';
import { flagReader } from '../../src/inputs/schemas.js';
import type { Message } from '../../src/messages/index.js';

/** The flags `setup --automatic` and `rotate-secret` share, read by one function. */
function read(values: Parameters<typeof readProofFlags>[0]) {
  const problems: Message[] = [];
  return { flags: readProofFlags(values, flagReader(problems), problems), problems };
}

describe('readProofFlags', () => {
  it('nothing given: the defaults, no problem', () => {
    expect(read({})).toEqual({
      flags: { authorityHost: undefined, smtpHost: undefined, smtpPort: undefined, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, waitSeconds: DEFAULT_PROOF_WAIT_SECONDS, secretMonths: undefined },
      problems: [],
    });
  });

  it('every value parsed: a port and a timeout given as numbers (saved answers) or text (flags)', () => {
    const { flags, problems } = read({ authorityHost: 'https://login.microsoftonline.us', smtpHost: 'smtp.office365.us', smtpPort: 587, timeout: '45', wait: '2m', secretMonths: '6' });
    expect(problems).toEqual([]);
    expect(flags).toMatchObject({ smtpHost: 'smtp.office365.us', smtpPort: 587, timeoutSeconds: 45, waitSeconds: 120, secretMonths: 6 });
    expect(flags.authorityHost).toContain('login.microsoftonline.us');
  });

  it('every refusal listed, each naming its flag, or where the authority host came from', () => {
    const { problems } = read({ authorityHost: 'not a url', authorityHostField: 'AZURE_AUTHORITY_HOST', smtpPort: '0x24b', timeout: 'soon', wait: 'forever', secretMonths: '99' });
    const text = JSON.stringify(problems);
    for (const name of ['AZURE_AUTHORITY_HOST', '--smtp-port', '--timeout', '--wait']) expect(text).toContain(name);
    expect(problems.map((p) => p.id)).toContain('automatic.secret-months-invalid');
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });
});
