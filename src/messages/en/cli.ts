import { defineMessages, message } from '../define.js';
import { formatterFor, portalPath } from '../format.js';
import { LANGUAGES } from '../language.js';
import { vocabularyEn as v } from '../vocabulary/en.js';

const f = formatterFor('en');

/**
 * The command line: its help (every description, option text and after-text, and commander's own
 * words), the errors of parsing, the refusals around it, and the last-resort lines of the entry point.
 * Flags, env names and commands inside the texts stay as they are in every language.
 */
export const cliEn = defineMessages({
  'cli.lang-unknown': message(
    { from: ['--lang', 'SMTP_OAUTH_LANG'], value: 'string' },
    (p) => `${p.from} '${p.value}': not a language this tool speaks (${LANGUAGES.join(', ')})`,
  ),

  // commander's own words (its help layout and its built-in options).
  'cli.help.title.usage': 'Usage:',
  'cli.help.title.options': 'Options:',
  'cli.help.title.commands': 'Commands:',
  'cli.help.title.arguments': 'Arguments:',
  'cli.help.title.global-options': 'Global Options:',
  'cli.help.option.help': 'display help for command',
  'cli.help.option.version': 'output the version number',
  'cli.help.command.help': 'display help for command',
  'cli.help.default': message({ value: 'string' }, (p) => `default: ${p.value}`),
  'cli.help.choices': message({ values: 'strings' }, (p) => `choices: ${p.values.join(', ')}`),
  'cli.help.usage.options': '[options]',
  'cli.help.usage.command': '[command]',
  'cli.option.lang': `language of the output: ${LANGUAGES.join(' or ')} [env SMTP_OAUTH_LANG; else LC_ALL, LC_MESSAGES, LANG, the system's locale]`,

  // The program.
  'cli.program.description': 'Set up and check OAuth2 (XOAUTH2) SMTP sending through Exchange Online, with a diagnosis for every failure.',
  'cli.program.after':
    '\nRun `smtp-oauth-setup` (no command) in a terminal for the setup wizard; `smtp-oauth-setup demo` walks it against the built-in sandbox.\nExit codes: 0 ok · 1 internal error · 2 invalid input · 3 Entra ID token · 4 Exchange refused AUTH · 5 Exchange refused the message · 6 network/TLS/timeout/temporary · 130 cancelled · 143 SIGTERM · 129 SIGHUP · 149 Ctrl-Break (Windows)',

  // check
  'cli.check.description': 'Get a token, check its claims, authenticate to SMTP and optionally send a test message',
  'cli.check.cloud': 'Microsoft cloud: global (also GCC), usgov (GCC High), usgovdod, china [env SMTP_OAUTH_CLOUD] (default: global)',
  'cli.check.tenant-id': 'tenant ID (GUID) or verified domain [env AZURE_TENANT_ID]',
  'cli.check.client-id': 'application (client) ID [env AZURE_CLIENT_ID]',
  'cli.check.client-secret-file': 'read the client secret from a file, or - for stdin [or env AZURE_CLIENT_SECRET]',
  'cli.check.client-secret-stdin': 'read the client secret from standard input',
  'cli.check.certificate': 'certificate credential: certificate and private key in one PEM [env AZURE_CLIENT_CERTIFICATE_PATH; key password in AZURE_CLIENT_CERTIFICATE_PASSWORD]',
  'cli.check.private-key': "the certificate's private key, when not in the --certificate PEM",
  'cli.check.mailbox': 'the mailbox the app sends as; the XOAUTH2 user [env SMTP_OAUTH_MAILBOX]',
  'cli.check.from': 'sender address (default: the mailbox)',
  'cli.check.to': 'send a test message here; without it the check stops after AUTH (nothing sent)',
  'cli.check.authority-host': 'Entra ID authority host [env AZURE_AUTHORITY_HOST] (default: https://login.microsoftonline.com)',
  'cli.check.smtp-host': 'SMTP server (default: smtp.office365.com)',
  'cli.check.smtp-port': message({ port: 'number' }, (p) => `SMTP port (default: ${p.port})`),
  'cli.check.timeout': message({ seconds: 'number' }, (p) => `limit for each network step (default: ${p.seconds})`),
  'cli.check.proxy': 'HTTP proxy for the token endpoint (default: HTTPS_PROXY/NO_PROXY); SMTP always connects directly',
  'cli.check.wait': 'retry with a fresh token while the failure may be propagation or temporary, up to e.g. 90s, 30m, 1h',
  'cli.check.secret-expires': "the client secret's expiry date (YYYY-MM-DD): warn before it, diagnose after it [env SMTP_OAUTH_SECRET_EXPIRES]",
  'cli.check.warn-days': message({ days: 'number' }, (p) => `warn this many days before --secret-expires or the certificate's expiry (default: ${p.days})`),
  'cli.check.targets': 'check every mailbox listed in a JSON or CSV file (secrets by environment variable or file name only); exit code: the most serious failure',
  'cli.check.concurrency': message({ n: 'number', max: 'number' }, (p) => `with --targets: targets checked at a time, 1 to ${p.max} (default: ${p.n}); one token per app, one SMTP session per mailbox at a time`),
  'cli.check.no-connect-ahead':
    'with --targets: open a mailbox\'s SMTP connection only when a slot is free (at most --concurrency connections), instead of while other mailboxes authenticate and send (up to twice as many)',
  'cli.check.shard': 'with --targets: check only shard i of n (counted from 1), split by app; merge the JSON of all shards with `report merge`',
  'cli.check.junit': 'also write JUnit XML, one test case per target (GitLab, Jenkins, Azure DevOps)',
  'cli.option.json': 'print exactly one JSON object on stdout',
  'cli.check.format': 'human, json (the same as --json), or nagios: a Nagios/Icinga/Checkmk plugin status line with performance data and the plugin exit codes 0-3',
  'cli.check.metrics-file': "also write Prometheus metrics for node_exporter's textfile collector (atomically; no secrets)",
  'cli.check.verbose': 'show the SMTP dialogue on stderr (the AUTH payload and tokens replaced)',
  'cli.check.no-input': 'never prompt (implied when stdin is not a terminal)',
  'cli.check.after':
    "\nWith --format nagios the exit code is the plugin's instead: 0 OK, 1 WARNING (the secret or certificate expires within --warn-days), 2 CRITICAL (any diagnosis), 3 UNKNOWN (the check could not run).\nWith --targets the exit code is the most serious failure among the targets, the earliest stage first: 1 > 2 > 3 > 4 > 5 > 6 > 0.\nUnder GitHub Actions (GITHUB_ACTIONS=true) failures and warnings also become annotations, and a summary is appended to $GITHUB_STEP_SUMMARY.",

  // explain
  'cli.explain.description': 'Diagnose a pasted error message or log excerpt (offline: nothing is sent anywhere)',
  'cli.explain.text': 'the error text (quote it), or - to read it from standard input',
  'cli.explain.tenant-id': 'fill the tenant into the fix [env AZURE_TENANT_ID]',
  'cli.explain.client-id': 'fill the application (client) ID into the fix [env AZURE_CLIENT_ID]',
  'cli.explain.mailbox': 'fill the mailbox into the fix [env SMTP_OAUTH_MAILBOX]',
  'cli.explain.from': 'fill the sender address into the fix',

  // report merge
  'cli.report.description': 'Work with the JSON reports of earlier runs (offline)',
  'cli.report-merge.description': 'Merge the --json reports of the shards of check --targets --shard into one fleet report; exit code: the most serious failure',
  'cli.report-merge.files': 'the JSON files of check --targets --json, one per shard',
  'cli.report-merge.junit': 'also write JUnit XML of the merged results, one test case per target',
  'cli.report-merge.json': 'print the merged report as one JSON object (the shape of check --targets --json)',

  // setup
  'cli.setup.description': 'The interactive setup wizard (the default command): from an empty tenant to a working sender, step by step',
  'cli.setup.cloud': 'Microsoft cloud: global, usgov, usgovdod, china [env SMTP_OAUTH_CLOUD]',
  'cli.setup.tenant-id': 'prefill the tenant ID (GUID) or verified domain [env AZURE_TENANT_ID]',
  'cli.setup.client-id': 'prefill the application (client) ID [env AZURE_CLIENT_ID]',
  'cli.setup.client-secret-file': 'read the client secret from a file [or env AZURE_CLIENT_SECRET]',
  'cli.setup.certificate': 'offer this certificate credential (certificate and private key in one PEM) [env AZURE_CLIENT_CERTIFICATE_PATH]',
  'cli.setup.mailbox': 'prefill the mailbox to send from [env SMTP_OAUTH_MAILBOX]',
  'cli.setup.from': 'prefill the sender address',
  'cli.setup.to': 'prefill the recipient of the test message',
  'cli.setup.secret-expires': "prefill the client secret's expiry date (YYYY-MM-DD) [env SMTP_OAUTH_SECRET_EXPIRES]",
  'cli.setup.authority-host': 'Entra ID authority host [env AZURE_AUTHORITY_HOST]',
  'cli.setup.smtp-host': "SMTP server (default: the cloud's, smtp.office365.com)",
  'cli.setup.proxy': 'HTTP proxy for the token endpoint (default: HTTPS_PROXY/NO_PROXY)',
  'cli.setup.yes': 'accept every default that is safe to accept (prefilled values, "continue")',
  'cli.setup.save-secret':
    'keep the client secret in the OS credential store (where there is none: in the saved configuration, mode 0600) without asking; never stored otherwise',
  'cli.setup.no-input': 'never prompt: the wizard then refuses to start (use `check` with flags)',

  // demo
  'cli.demo.description': 'Run the whole check against the built-in sandbox (no tenant needed); on a terminal, the setup wizard against it',
  'cli.demo.scenario': 'a sandbox scenario that shows a failure and its diagnosis (see `sandbox --list-scenarios`)',
  'cli.demo.no-input': 'the non-interactive demo even on a terminal',
  'cli.demo.automatic': 'the automatic setup: steps 1–3 after an administrator sign-in, against the sandbox',

  // sandbox
  'cli.sandbox.description': 'Start an offline emulator of the Entra ID token endpoint and Exchange Online SMTP on 127.0.0.1',
  'cli.sandbox.scenario': 'preset the tenant in a broken state (default: healthy)',
  'cli.sandbox.list-scenarios': 'list the scenarios and exit',
  'cli.sandbox.token-port': 'port of the HTTPS token endpoint (default: random)',
  'cli.sandbox.smtp-port': 'port of the SMTP server (default: random)',
  'cli.sandbox.ca-dir': 'where to write the throw-away CA certificate (default: a new temporary directory)',
  'cli.sandbox.certificate': `upload this certificate to the app (as ${portalPath(v.certificatesAndSecrets, v.uploadCertificate)} does), to try check --certificate`,
  'cli.sandbox.latency': "add this round trip in front of both servers, as a network to Microsoft has (a delaying TCP proxy each; the ports shown are the proxies')",
  'cli.sandbox.replication-delay': 'hide each new object and refuse each new secret for this long, as Microsoft replicates them (1500 or 1500ms, 30s, 2m; at most 10m)',
  'cli.sandbox.approve-after': "approve each administrator sign-in's device code after this long, for scripts (1500 or 1500ms, 30s, 2m; at most 10m)",
  'cli.sandbox.json': 'print the connection settings as one JSON object, then the messages as JSON lines',

  // Refusals while parsing.
  'cli.secret-on-argv': [
    'The client secret is never taken on the command line (it would stay in shell history and process lists). Use one of:',
    '  AZURE_CLIENT_SECRET=<value> in the environment',
    '  --client-secret-file <path>   a file holding only the secret',
    "  --client-secret-stdin         read it from standard input (e.g. from a secret manager's CLI)",
  ].join('\n'),
  'cli.json-with-format': message({ format: 'string' }, (p) => `--json: not with --format ${p.format} (--json is --format json)`),
  'cli.port-invalid': message(
    { flag: ['--token-port', '--smtp-port'], value: 'string', problem: ['empty', 'not-decimal', 'not-whole', 'too-small', 'too-big'] },
    (p) =>
      p.problem === 'empty'
        ? `${p.flag}: the port is empty`
        : p.problem === 'not-decimal'
          ? `${p.flag} '${p.value}': the port must be a number from 0 to 65535, in decimal digits`
          : `${p.flag} '${p.value}': the port must be a number from 0 to 65535`,
  ),
  'cli.latency-invalid': message(
    { value: 'string', max: 'number', problem: ['empty', 'not-decimal', 'not-whole', 'too-small', 'too-big'] },
    (p) =>
      p.problem === 'empty'
        ? `--latency '${p.value}' is empty`
        : p.problem === 'not-decimal'
          ? `--latency '${p.value}' must be a number of milliseconds from 0 to ${p.max}, in decimal digits`
          : p.problem === 'not-whole'
            ? `--latency '${p.value}' must be a whole number of milliseconds`
            : `--latency '${p.value}' must be a number of milliseconds from 0 to ${p.max}`,
  ),
  'cli.delay-invalid': message(
    { flag: 'string', value: 'string', problem: ['empty', 'not-a-delay', 'too-big'] },
    (p) =>
      p.problem === 'empty'
        ? `${p.flag} '${p.value}' is empty`
        : p.problem === 'too-big'
          ? `${p.flag} '${p.value}' is longer than 10 minutes`
          : `${p.flag} '${p.value}' must be milliseconds (1500 or 1500ms), seconds (30s) or minutes (2m)`,
  ),
  'cli.subcommand-missing': message({ command: 'string' }, (p) => `${p.command}: name what to do, e.g. \`${p.command} merge <files…>\` (see \`smtp-oauth-setup ${p.command} --help\`)`),
  // commander's parse errors, by its error code; `suggestion` is its "Did you mean" candidate.
  'cli.unknown-option': message({ option: 'string', suggestion: 'string?' }, (p) =>
    p.suggestion ? `unknown option '${p.option}' (Did you mean ${p.suggestion}?) (see --help)` : `unknown option '${p.option}' (see --help)`,
  ),
  'cli.unknown-command': message({ command: 'string', suggestion: 'string?' }, (p) =>
    p.suggestion ? `unknown command '${p.command}' (Did you mean ${p.suggestion}?) (see --help)` : `unknown command '${p.command}' (see --help)`,
  ),
  'cli.missing-argument': message({ argument: 'string' }, (p) => `missing required argument '${p.argument}' (see --help)`),
  'cli.option-missing-argument': message({ option: 'string' }, (p) => `option '${p.option}' argument missing (see --help)`),
  'cli.option-invalid-choice': message({ option: 'string', value: 'string', choices: 'strings' }, (p) =>
    `option '${p.option}' argument '${p.value}' is invalid. Allowed choices are ${p.choices.join(', ')}. (see --help)`,
  ),
  'cli.excess-arguments': message({ command: 'string?', expected: 'number', received: 'number' }, (p) =>
    `too many arguments${p.command ? ` for '${p.command}'` : ''}. Expected ${f.plural(p.expected, { one: '# argument', other: '# arguments' })} but got ${p.received}. (see --help)`,
  ),
  'cli.parse-error': message({ text: 'string' }, (p) => `${p.text} (see --help)`),

  // The entry point's last resort, and the stops.
  'cli.internal-error': message(
    { detail: 'string' },
    (p) => `Internal error: ${p.detail}\nThis is a bug in smtp-oauth-setup; please report it with the command you ran (without secrets).`,
  ),
  'cli.cancelled': 'Cancelled.',
  'cli.stopped-by-break': 'Stopped by Ctrl-Break (SIGBREAK).',
  'cli.stopped-by': message({ signal: ['SIGTERM', 'SIGHUP'] }, (p) => `Stopped by ${p.signal}.`),
});
