import { defineMessages, message, samples } from '../define.js';
import { formatterFor } from '../format.js';

const f = formatterFor('en');
const targets = (n: number) => f.plural(n, { one: '# target', other: '# targets' });
const tokens = (n: number) => f.plural(n, { one: '# token', other: '# tokens' });

/** `check --targets` and `report merge`: the targets file, shards, the run's lines and its summary. */
export const fleetEn = defineMessages({
  'fleet.start': message(
    { targets: 'number', tokens: 'number', concurrency: 'number' },
    (p) => `Checking ${targets(p.targets)} with ${tokens(p.tokens)}, ${f.number(p.concurrency)} at a time`,
  ),
  'fleet.start-shard': message(
    { index: 'number', count: 'number', targets: 'number', inFile: 'number', tokens: 'number', concurrency: 'number' },
    (p) => `Shard ${p.index} of ${p.count}: checking ${f.number(p.targets)} of ${targets(p.inFile)} with ${tokens(p.tokens)}, ${f.number(p.concurrency)} at a time`,
  ),

  // Flags and the targets file.
  'fleet.flag-per-target': message(
    { flag: 'string', columns: 'strings' },
    (p) => `${p.flag}: not with --targets; each target takes it from the ${f.list(p.columns, 'disjunction')} column`,
  ),
  'fleet.wait-not-with-targets': '--wait: not with --targets (a fleet run retries temporary failures itself; use --wait with a single check)',
  'fleet.verbose-not-with-targets': '--verbose: not with --targets (it shows one SMTP dialogue; run a single check for that)',
  'fleet.concurrency-range': message({ max: 'number' }, (p) => `--concurrency: must be a whole number from 1 to ${p.max}`),
  'fleet.targets-unreadable': message({ path: 'string', reason: 'string' }, (p) => `--targets: ${p.path}: ${p.reason}`),
  'fleet.variable-not-set': message(
    { origin: 'string', name: 'string', column: 'string', variable: 'string' },
    (p) => `${p.origin} (${p.name}): ${p.column}: the environment variable ${p.variable} is not set`,
  ),
  'fleet.target-problem': message({ origin: 'string', name: 'string', problem: 'string' }, (p) => `${p.origin} (${p.name}): ${p.problem}`),
  'fleet.origin.row': message({ file: 'string', row: 'number' }, (p) => `${p.file} row ${p.row}`),
  'fleet.origin.entry': message({ file: 'string', entry: 'number' }, (p) => `${p.file} entry ${p.entry}`),
  'fleet.targets.secret-column': message(
    { origin: 'string', column: 'string' },
    (p) => `${p.origin}: '${p.column}': a targets file never holds secrets; name the variable (secretEnv) or file (secretFile) that holds it`,
  ),
  'fleet.targets.unknown-column': message({ origin: 'string', column: 'string', known: 'strings' }, (p) => `${p.origin}: unknown column '${p.column}' (known: ${p.known.join(', ')})`),
  'fleet.targets.missing': message({ origin: 'string', column: 'string' }, (p) => `${p.origin}: ${p.column} is missing`),
  'fleet.targets.invalid': message({ origin: 'string', column: 'string', problem: 'string' }, (p) => `${p.origin}: ${p.column}: ${p.problem}`),
  'fleet.targets.env-name': message({ origin: 'string', column: 'string' }, (p) => `${p.origin}: ${p.column}: must be an environment variable name such as CONTOSO_SMTP_SECRET`),
  'fleet.targets.goes-with-certificate': message({ origin: 'string', column: 'string' }, (p) => `${p.origin}: ${p.column}: goes with certificateFile`),
  'fleet.targets.one-credential': message(
    { origin: 'string', given: 'strings' },
    (p) => `${p.origin}: give one of ${p.given.join(', ')}, not ${p.given.length === 2 ? 'both' : 'several'}`,
  ),
  'fleet.targets.no-credential': message({ origin: 'string' }, (p) => `${p.origin}: secretEnv, secretFile or certificateFile is missing (the variable or file that holds the client secret, or the certificate)`),
  'fleet.targets.duplicate-name': message({ origin: 'string', name: 'string', earlier: 'string' }, (p) => `${p.origin}: name '${p.name}' is used by ${p.earlier} too`),
  'fleet.targets.empty': message({ file: 'string' }, (p) => `${p.file}: no targets`),
  'fleet.targets.not-json': message({ file: 'string', reason: 'string' }, (p) => `${p.file}: not valid JSON (${p.reason})`),
  'fleet.targets.not-list': message({ file: 'string' }, (p) => `${p.file}: expected a JSON array of objects, or { "targets": [ … ] }`),
  'fleet.targets.not-csv': message({ file: 'string', reason: 'string' }, (p) => `${p.file}: not valid CSV (${p.reason})`),

  // --shard.
  'fleet.shard.form': message(
    { value: 'string' },
    (p) => `--shard: '${p.value}' must be <index>/<count>, such as 2/5 (the 2nd of 5 shards, counted from 1)`,
  ),
  'fleet.shard.count': message({ value: 'string', max: 'number' }, (p) => `--shard: the count in '${p.value}' must be a whole number from 1 to ${p.max}`),
  'fleet.shard.index': message(
    { value: 'string', count: 'number' },
    (p) => `--shard: the index in '${p.value}' must be a whole number from 1 to ${p.count} (shards are counted from 1)`,
  ),
  'fleet.shard.without-targets': '--shard: only with --targets (it splits a targets file between CI jobs)',

  // report merge.
  'fleet.merge.no-files': 'report merge: name the JSON files to merge (the output of check --targets --json of each shard)',
  'fleet.merge.unreadable': message({ file: 'string', reason: 'string' }, (p) => `${p.file}: ${p.reason}`),
  'fleet.merge.not-json': message({ file: 'string', reason: 'string' }, (p) => `${p.file}: not valid JSON (${p.reason})`),
  'fleet.merge.not-fleet': message({ file: 'string', violation: 'string' }, (p) => `${p.file}: not the JSON of check --targets --json (${p.violation})`),
  'fleet.merge.merged': message(
    { files: 'number', targets: 'number' },
    (p) => `Merged ${f.plural(p.files, { one: '# report', other: '# reports' })}: ${targets(p.targets)}`,
  ),
  'fleet.merge.not-finished': message(
    { file: 'string', exitCode: 'number', reason: 'string' },
    (p) => `${p.file}: the report of a run that did not check its targets (exit ${p.exitCode}: ${p.reason}); run that shard again, then merge`,
  ),
  'fleet.merge.mixed-counts': message({ shards: 'strings' }, (p) => `the files are shards of different splits (${p.shards.join(', ')}); merge the shards of one run`),
  'fleet.merge.overlap': message(
    { index: 'number', count: 'number', first: 'string', second: 'string' },
    (p) => `shard ${p.index} of ${p.count} is in both ${p.first} and ${p.second}`,
  ),
  'fleet.merge.missing': message(
    { missing: samples([3], [2, 4]), count: 'number' },
    (p) => `${f.plural(p.missing.length, { one: 'shard', other: 'shards' })} ${p.missing.join(', ')} of ${p.count} missing: merge the JSON of every shard`,
  ),
  'fleet.merge.twice-in-file': message({ name: 'string', file: 'string' }, (p) => `target '${p.name}' is in ${p.file} twice`),
  'fleet.merge.twice': message(
    { name: 'string', first: 'string', second: 'string' },
    (p) => `target '${p.name}' was checked twice: in ${p.first} and in ${p.second}`,
  ),

  // The summary and the progress lines.
  'fleet.column.target': 'target',
  'fleet.column.mailbox': 'mailbox',
  'fleet.column.result': 'result',
  'fleet.column.exit': 'exit',
  'fleet.column.step': 'step',
  'fleet.result.sent': 'ok, message queued',
  'fleet.result.authenticated': 'ok, AUTH accepted',
  'fleet.result.failed': 'failed',
  'fleet.result.warning': 'warning',
  'fleet.summary.passed': message({ passed: 'number', targets: 'number' }, (p) => `${f.number(p.passed)} of ${f.number(p.targets)} passed`),
  'fleet.summary.failed': message({ failed: 'number', byExitCode: samples([{ exitCode: 4, count: 2 }], [{ exitCode: 3, count: 1 }, { exitCode: 6, count: 12 }]) }, (p) =>
    `${f.number(p.failed)} failed (${p.byExitCode.map((e) => `${f.number(e.count)} × exit ${e.exitCode}`).join(', ')})`,
  ),
  'fleet.summary.tokens': message({ tokens: 'number' }, (p) => tokens(p.tokens)),
  'fleet.summary.retries': message({ retries: 'number' }, (p) => f.plural(p.retries, { one: '# retry', other: '# retries' })),
  'fleet.summary.exit': message(
    { exitCode: 'number', kind: ['internal', 'input', 'token', 'smtp-auth', 'smtp-message', 'network', 'failed'] },
    (p) =>
      `Exit ${p.exitCode}: the most serious failure (${
        {
          internal: 'internal error',
          input: 'invalid input',
          token: 'Entra ID token',
          'smtp-auth': 'Exchange refused AUTH',
          'smtp-message': 'Exchange refused the message',
          network: 'network or temporary failure',
          failed: 'failed',
        }[p.kind]
      }).`,
  ),
  'fleet.progress.status': message(
    { checked: 'number', total: 'number', failed: 'number' },
    (p) => `checked ${f.number(p.checked)} of ${f.number(p.total)}${p.failed ? `, ${f.number(p.failed)} failed` : ''}`,
  ),
  'fleet.progress.failure': message({ name: 'string', code: 'string', exitCode: 'number' }, (p) => `${p.name}: ${p.code} (exit ${p.exitCode})`),
});
