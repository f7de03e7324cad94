import { describe, expect, it } from 'vitest';
import { parseArgv } from '../src/cli.js';
import { InputError } from '../src/errors.js';

describe('parseArgv: argv → typed command', () => {
  const cases: Array<[string, string[], unknown]> = [
    ['check with every flag', ['check', '--cloud', 'usgov', '--tenant-id', 'contoso.onmicrosoft.com', '--client-id', 'c', '--client-secret-file', '-', '--mailbox', 'm@x.com', '--from', 'f@x.com', '--to', 't@x.com', '--authority-host', 'https://a', '--smtp-host', 'h', '--smtp-port', '25', '--timeout', '5', '--json', '--no-input'],
      { command: 'check', options: { cloud: 'usgov', tenantId: 'contoso.onmicrosoft.com', clientId: 'c', clientSecretFile: '-', mailbox: 'm@x.com', from: 'f@x.com', to: 't@x.com', authorityHost: 'https://a', smtpHost: 'h', smtpPort: '25', timeout: '5', json: true, input: false } }],
    ['check with nothing', ['check'], { command: 'check', options: { json: false, input: true } }],
    ['demo', ['demo'], { command: 'demo', options: { json: false } }],
    ['demo with a scenario', ['demo', '--scenario', 'no-admin-consent', '--json'], { command: 'demo', options: { scenario: 'no-admin-consent', json: true } }],
    ['sandbox with ports', ['sandbox', '--token-port', '8443', '--smtp-port', '2587'], { command: 'sandbox', options: { tokenPort: 8443, smtpPort: 2587, listScenarios: false, json: false } }],
    ['sandbox --list-scenarios', ['sandbox', '--list-scenarios'], { command: 'sandbox', options: { listScenarios: true, json: false } }],
  ];
  it.each(cases)('%s', (_name, argv, expected) => {
    expect(parseArgv(argv)).toEqual(expected);
  });

  it('prints the version', () => {
    const parsed = parseArgv(['--version']);
    expect(parsed).toMatchObject({ command: 'print' });
    expect((parsed as { text: string }).text.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints help listing the commands', () => {
    const parsed = parseArgv(['--help']) as { command: string; text: string };
    expect(parsed.command).toBe('print');
    expect(parsed.text).toContain('check');
    expect(parsed.text).toContain('demo');
    expect(parsed.text).toContain('sandbox');
  });

  it('refuses a secret on the command line and names the safe alternatives', () => {
    expect(() => parseArgv(['check', '--client-secret', 'abc'])).toThrow(InputError);
    try {
      parseArgv(['check', '--client-secret', 'abc']);
    } catch (error) {
      const message = (error as InputError).message;
      expect(message).toContain('AZURE_CLIENT_SECRET');
      expect(message).toContain('--client-secret-file <path>');
      expect(message).toContain('--client-secret-stdin');
      expect(message).not.toContain('abc');
      expect((error as InputError).exitCode).toBe(2);
    }
  });

  it.each([
    [['check', '--bogus']],
    [['nonsense']],
    [['sandbox', '--smtp-port', 'x']],
  ])('bad argv %j → exit 2 with a one-line reason', (argv) => {
    try {
      parseArgv(argv);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).exitCode).toBe(2);
      expect((error as InputError).message.split('\n')).toHaveLength(1);
    }
  });
});
