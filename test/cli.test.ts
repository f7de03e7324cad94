import { afterEach, describe, expect, it } from 'vitest';
import { parseArgv } from '../src/cli.js';
import { InputError } from '../src/errors.js';
import { useLanguage } from '../src/messages/index.js';

describe('parseArgv: argv → typed command', () => {
  const cases: Array<[string, string[], unknown]> = [
    ['check with every flag', ['check', '--cloud', 'usgov', '--tenant-id', 'contoso.onmicrosoft.com', '--client-id', 'c', '--client-secret-file', '-', '--mailbox', 'm@x.com', '--from', 'f@x.com', '--to', 't@x.com', '--authority-host', 'https://a', '--smtp-host', 'h', '--smtp-port', '25', '--timeout', '5', '--json', '--no-input'],
      { command: 'check', options: { cloud: 'usgov', tenantId: 'contoso.onmicrosoft.com', clientId: 'c', clientSecretFile: '-', mailbox: 'm@x.com', from: 'f@x.com', to: 't@x.com', authorityHost: 'https://a', smtpHost: 'h', smtpPort: '25', timeout: '5', json: true, input: false, connectAhead: true } }],
    ['check with nothing', ['check'], { command: 'check', options: { json: false, input: true, connectAhead: true } }],
    ['demo', ['demo'], { command: 'demo', options: { json: false, input: true } }],
    ['demo with a scenario', ['demo', '--scenario', 'no-admin-consent', '--json'], { command: 'demo', options: { scenario: 'no-admin-consent', json: true, input: true } }],
    ['demo --no-input', ['demo', '--no-input'], { command: 'demo', options: { json: false, input: false } }],
    ['no command: the setup wizard', [], { command: 'setup', options: { yes: false, input: true } }],
    ['setup with nothing', ['setup'], { command: 'setup', options: { yes: false, input: true } }],
    ['setup with prefilled answers', ['setup', '--cloud', 'usgov', '--tenant-id', 'contoso.onmicrosoft.com', '--client-id', 'c', '--client-secret-file', 's.txt', '--mailbox', 'm@x.com', '--from', 'f@x.com', '--to', 't@x.com', '--secret-expires', '2027-05-31', '--authority-host', 'https://a', '--smtp-host', 'h', '--smtp-port', '25', '--timeout', '5', '--proxy', 'http://p:8080', '--yes', '--no-input'],
      { command: 'setup', options: { cloud: 'usgov', tenantId: 'contoso.onmicrosoft.com', clientId: 'c', clientSecretFile: 's.txt', mailbox: 'm@x.com', from: 'f@x.com', to: 't@x.com', secretExpires: '2027-05-31', authorityHost: 'https://a', smtpHost: 'h', smtpPort: '25', timeout: '5', proxy: 'http://p:8080', yes: true, input: false } }],
    ['setup -y', ['setup', '-y'], { command: 'setup', options: { yes: true, input: true } }],
    ['setup --automatic with its flags', ['setup', '--automatic', '--mailbox', 'm@x.com', '--from', 'f@x.com', '--app-name', 'Alerts', '--credential', 'certificate', '--secret-months', '6', '--dry-run', '--json', '--cloud', 'usgov', '--graph-url', 'https://g', '--exchange-url', 'https://e'],
      { command: 'setup', options: { automatic: true, mailbox: 'm@x.com', from: 'f@x.com', appName: 'Alerts', credential: 'certificate', secretMonths: '6', dryRun: true, json: true, cloud: 'usgov', graphUrl: 'https://g', exchangeUrl: 'https://e', yes: false, input: true } }],
    ['remove with nothing', ['remove'], { command: 'remove', options: { yes: false, input: true, json: false } }],
    ['remove with its flags', ['remove', '--client-id', 'c', '--mailbox', 'm@x.com', '--from', 'f@x.com', '--tenant-id', 't', '--cloud', 'usgov', '--authority-host', 'https://a', '--graph-url', 'https://g', '--exchange-url', 'https://e', '--admin-client-id', 'a', '--browser', '--force', '--dry-run', '--yes', '--no-input', '--json'],
      { command: 'remove', options: { clientId: 'c', mailbox: 'm@x.com', from: 'f@x.com', tenantId: 't', cloud: 'usgov', authorityHost: 'https://a', graphUrl: 'https://g', exchangeUrl: 'https://e', adminClientId: 'a', browser: true, force: true, dryRun: true, yes: true, input: false, json: true } }],
    ['sandbox with ports', ['sandbox', '--token-port', '8443', '--smtp-port', '2587'], { command: 'sandbox', options: { tokenPort: 8443, smtpPort: 2587, listScenarios: false, json: false } }],
    ['sandbox --latency', ['sandbox', '--latency', '50'], { command: 'sandbox', options: { latency: 50, listScenarios: false, json: false } }],
    ['sandbox --replication-delay 30s', ['sandbox', '--replication-delay', '30s'], { command: 'sandbox', options: { replicationDelay: 30_000, listScenarios: false, json: false } }],
    ['sandbox --replication-delay 1500', ['sandbox', '--replication-delay', '1500'], { command: 'sandbox', options: { replicationDelay: 1500, listScenarios: false, json: false } }],
    ['sandbox --list-scenarios', ['sandbox', '--list-scenarios'], { command: 'sandbox', options: { listScenarios: true, json: false } }],
    ['sandbox --certificate', ['sandbox', '--certificate', 'app.pem'], { command: 'sandbox', options: { certificate: 'app.pem', listScenarios: false, json: false } }],
    ['check --wait, --secret-expires, --warn-days', ['check', '--wait', '30m', '--secret-expires', '2027-05-31', '--warn-days', '14'],
      { command: 'check', options: { wait: '30m', secretExpires: '2027-05-31', warnDays: '14', json: false, input: true, connectAhead: true } }],
    ['check --targets with the fleet-wide flags', ['check', '--targets', 'targets.csv', '--concurrency', '8', '--junit', 'out.xml', '--json'],
      { command: 'check', options: { targets: 'targets.csv', concurrency: '8', junit: 'out.xml', json: true, input: true, connectAhead: true } }],
    ['check --targets --shard', ['check', '--targets', 'targets.csv', '--shard', '2/5', '--json'],
      { command: 'check', options: { targets: 'targets.csv', shard: '2/5', json: true, input: true, connectAhead: true } }],
    ['report merge of the shards\' JSON', ['report', 'merge', 'fleet-1.json', 'fleet-2.json', '--junit', 'all.xml', '--json'],
      { command: 'report-merge', options: { files: ['fleet-1.json', 'fleet-2.json'], junit: 'all.xml', json: true } }],
    ['check --format nagios with --metrics-file', ['check', '--format', 'nagios', '--metrics-file', 'smtp.prom'],
      { command: 'check', options: { format: 'nagios', metricsFile: 'smtp.prom', json: false, input: true, connectAhead: true } }],
    ['check --targets --no-connect-ahead', ['check', '--targets', 't.csv', '--no-connect-ahead'], { command: 'check', options: { targets: 't.csv', json: false, input: true, connectAhead: false } }],
    ['check --format json is --json', ['check', '--format=json'], { command: 'check', options: { format: 'json', json: true, input: true, connectAhead: true } }],
    ['explain a quoted text', ['explain', '535 5.7.3 Authentication unsuccessful'], { command: 'explain', options: { text: '535 5.7.3 Authentication unsuccessful', json: false } }],
    ['explain unquoted words, joined', ['explain', '535', '5.7.3', 'Authentication', 'unsuccessful', '--json'], { command: 'explain', options: { text: '535 5.7.3 Authentication unsuccessful', json: true } }],
    ['explain - (standard input) with values for the fix', ['explain', '-', '--tenant-id', 't.onmicrosoft.com', '--client-id', 'c', '--mailbox', 'm@x.com', '--from', 'f@x.com'],
      { command: 'explain', options: { text: '-', tenantId: 't.onmicrosoft.com', clientId: 'c', mailbox: 'm@x.com', from: 'f@x.com', json: false } }],
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
    expect(parsed.text).toContain('setup');
    expect(parsed.text).toContain('report');
  });

  it('refuses a secret on the setup command line too', () => {
    expect(() => parseArgv(['setup', '--client-secret', 'abc'])).toThrow(InputError);
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
    [['explain']],
    [['check', '--bogus']],
    [['nonsense']],
    [['sandbox', '--smtp-port', 'x']],
    [['report']],
    [['report', 'merge']],
    [['report', 'split', 'a.json']],
    [['sandbox', '--latency', '-5']],
    [['sandbox', '--latency', '20000']],
    [['sandbox', '--latency', '1e2']],
    [['sandbox', '--replication-delay', 'soon']],
    [['sandbox', '--replication-delay', '1h']],
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

  /** The problems of the InputError `argv` is refused with, as ids and parameters. */
  function refusal(argv: string[]) {
    try {
      parseArgv(argv);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).problemMessages;
    }
    return expect.unreachable();
  }

  it('sandbox --latency: a number of milliseconds, said so when it is not', () => {
    expect(refusal(['sandbox', '--latency', 'fast'])).toEqual([{ id: 'cli.latency-invalid', params: { value: 'fast', max: 10_000, problem: 'not-decimal' } }]);
    expect(refusal(['sandbox', '--latency', '12.5'])).toEqual([{ id: 'cli.latency-invalid', params: { value: '12.5', max: 10_000, problem: 'not-whole' } }]);
    expect(refusal(['sandbox', '--latency', '20000'])).toEqual([{ id: 'cli.latency-invalid', params: { value: '20000', max: 10_000, problem: 'too-big' } }]);
    expect(refusal(['sandbox', '--smtp-port', '70000'])).toEqual([{ id: 'cli.port-invalid', params: { flag: '--smtp-port', value: '70000', problem: 'too-big' } }]);
  });

  it('sandbox --replication-delay: ms, s or m, said so when it is not', () => {
    expect(refusal(['sandbox', '--replication-delay', 'soon'])).toEqual([{ id: 'cli.delay-invalid', params: { flag: '--replication-delay', value: 'soon', problem: 'not-a-delay' } }]);
    expect(refusal(['sandbox', '--replication-delay', '11m'])).toEqual([{ id: 'cli.delay-invalid', params: { flag: '--replication-delay', value: '11m', problem: 'too-big' } }]);
    expect(refusal(['sandbox', '--approve-after', ''])).toEqual([{ id: 'cli.delay-invalid', params: { flag: '--approve-after', value: '', problem: 'empty' } }]);
  });

  it('--format: one of human, json, nagios; --json goes only with json', () => {
    expect(refusal(['check', '--format', 'xml'])).toEqual([
      { id: 'cli.option-invalid-choice', params: { option: '--format <format>', value: 'xml', choices: ['human', 'json', 'nagios'] } },
    ]);
    expect(refusal(['check', '--json', '--format', 'nagios'])).toEqual([{ id: 'cli.json-with-format', params: { format: 'nagios' } }]);
    expect(() => parseArgv(['check', '--json', '--format', 'human'])).toThrow(InputError);
    expect(parseArgv(['check', '--json', '--format', 'json'])).toMatchObject({ options: { json: true } });
  });

  it("commander's parse errors become messages of the catalogs, with commander's suggestion", () => {
    expect(refusal(['check', '--jsn'])).toEqual([{ id: 'cli.unknown-option', params: { option: '--jsn', suggestion: '--json' } }]);
    expect(refusal(['check', '--bogus'])).toEqual([{ id: 'cli.unknown-option', params: { option: '--bogus' } }]);
    expect(refusal(['chek'])).toEqual([{ id: 'cli.unknown-command', params: { command: 'chek', suggestion: 'check' } }]);
    expect(refusal(['explain'])).toEqual([{ id: 'cli.missing-argument', params: { argument: 'text' } }]);
    expect(refusal(['check', '--tenant-id'])).toEqual([{ id: 'cli.option-missing-argument', params: { option: '--tenant-id <id>' } }]);
    expect(refusal(['report'])).toEqual([{ id: 'cli.subcommand-missing', params: { command: 'report' } }]);
    expect(refusal(['--lang', 'de', 'report'])).toEqual([{ id: 'cli.subcommand-missing', params: { command: 'report' } }]);
    expect(refusal(['check', '--client-secret', 'abc'])).toEqual([{ id: 'cli.secret-on-argv', params: {} }]);
  });

  it('takes --lang on every command, before or after the command, and leaves it out of the options', () => {
    expect(parseArgv(['--lang', 'de', 'check'])).toEqual({ command: 'check', options: { json: false, input: true, connectAhead: true } });
    expect(parseArgv(['check', '--tenant-id', 't', '--lang', 'de'])).toEqual({ command: 'check', options: { tenantId: 't', json: false, input: true, connectAhead: true } });
    expect(parseArgv(['demo', '--lang=en'])).toEqual({ command: 'demo', options: { json: false, input: true } });
    expect(parseArgv(['sandbox', '--lang', 'de'])).toMatchObject({ command: 'sandbox' });
    expect(parseArgv(['setup', '--lang', 'de'])).toEqual({ command: 'setup', options: { yes: false, input: true } });
    expect(parseArgv(['explain', 'x', '--lang', 'de'])).toEqual({ command: 'explain', options: { text: 'x', json: false } });
    expect(parseArgv(['report', 'merge', 'a.json', '--lang', 'de'])).toEqual({ command: 'report-merge', options: { files: ['a.json'], json: false } });
    for (const command of [[], ['check'], ['explain'], ['report'], ['report', 'merge'], ['setup'], ['demo'], ['sandbox']]) {
      expect((parseArgv([...command, '--help']) as { text: string }).text, command.join(' ')).toContain('--lang <language>');
    }
  });
});

describe('the help in each language', () => {
  afterEach(() => useLanguage('en'));

  it('is English by default, and every word of it (commander\'s too) German in German', async () => {
    expect((parseArgv(['--help']) as { text: string }).text).toMatchSnapshot('en --help');
    expect((parseArgv(['check', '--help']) as { text: string }).text).toMatchSnapshot('en check --help');
    await useLanguage('de');
    const german = (parseArgv(['--help']) as { text: string }).text;
    expect(german).toMatchSnapshot('de --help');
    expect((parseArgv(['check', '--help']) as { text: string }).text).toMatchSnapshot('de check --help');
    for (const english of ['Usage:', 'Options:', 'Commands:', 'display help', 'output the version', 'default:']) expect(german).not.toContain(english);
  });

  it('renders a parse error in German', async () => {
    await useLanguage('de');
    expect(() => parseArgv(['check', '--jsn'])).toThrow('Unbekannte Option „--jsn“ (meinten Sie --json?) (siehe --help)');
  });
});
