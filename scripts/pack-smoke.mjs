// Packaging smoke test: what users get from `npx smtp-oauth-setup` must start and refuse bad input.
// npm pack → install the tarball into an empty folder → --version, --help, and `check` with no input and
// no terminal → exit 2 naming the missing inputs; `report merge` against the schemas the package ships;
// the demo, end to end against the sandbox.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const work = mkdtempSync(join(tmpdir(), 'smtp-oauth-setup-pack-'));
const fail = (message) => {
  console.error(`pack smoke test failed: ${message}`);
  process.exit(1);
};

// On Windows npm and the installed bin are .cmd files (npm's shim for "bin"), which Node runs only
// through cmd.exe (since Node 20.12 spawning a .cmd without a shell is refused, CVE-2024-27980): one
// command line with every argument in double quotes (none of ours holds a quote), so a path with a
// space stays one argument. Elsewhere both are run directly, without a shell.
const windows = process.platform === 'win32';
const quoted = (arg) => `"${arg}"`;
function run(file, args, options) {
  return windows ? spawnSync([file, ...args].map(quoted).join(' '), { ...options, shell: true }) : spawnSync(file, args, options);
}
function npm(args, options) {
  const result = run('npm', args, options);
  if (result.status !== 0) fail(`npm ${args[0]} exited ${result.status}${result.error ? ` (${result.error.message})` : ''}`);
  return result;
}

try {
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).stdout);
  const files = packed[0].files.map((f) => f.path);
  for (const needed of ['dist/bin.cjs', 'dist/help/en/index.txt', 'dist/help/de/index.txt', 'dist/messages/language.cjs', 'dist/program/main.js', 'dist/program/THIRD-PARTY-LICENSES.txt']) {
    if (!files.includes(needed)) fail(`the tarball has no ${needed}`);
  }
  // The program ships bundled (scripts/bundle.mjs): the compiled modules one by one and the bundler's metafile stay at home.
  const unbundled = files.filter((f) => (f.startsWith('dist/') && !/^dist\/(bin\.cjs|help\/|messages\/language\.cjs|program\/)/.test(f)) || f === 'dist/program/meta.json');
  if (unbundled.length) fail(`the tarball carries files the bundle replaces: ${unbundled.slice(0, 5).join(', ')}`);
  // The JSON contract ships with the package (README links it): every schema the repository has.
  const schemas = readdirSync(join(root, 'schema')).filter((f) => f.endsWith('.schema.json'));
  if (schemas.length === 0) fail('the repository has no schema/*.schema.json');
  for (const schema of schemas) if (!files.includes(`schema/${schema}`)) fail(`the tarball has no schema/${schema}`);
  const leaked = files.filter((f) => /^(src|test|bench|scripts|\.ci)\//.test(f) || f.endsWith('.map'));
  if (leaked.length) fail(`the tarball carries files users do not need: ${leaked.join(', ')}`);

  const app = join(work, 'app');
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-smoke', private: true }));
  npm(['install', '--no-audit', '--no-fund', join(work, packed[0].filename)], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  // What a user's shell runs: the shim npm made (smtp-oauth-setup.cmd on Windows).
  const bin = join(app, 'node_modules', '.bin', windows ? 'smtp-oauth-setup.cmd' : 'smtp-oauth-setup');
  const spawnBin = (args, options) => run(bin, args, options);

  const v = spawnBin(['--version'], { encoding: 'utf8' });
  if (v.status !== 0 || v.stdout.trim() !== version) fail(`--version printed ${JSON.stringify(v.stdout)} (exit ${v.status}), expected ${version}`);

  const help = spawnBin(['--help'], { encoding: 'utf8' });
  if (help.status !== 0 || !help.stdout.includes('Usage: smtp-oauth-setup')) fail(`--help printed ${JSON.stringify(help.stdout)} (exit ${help.status})`);

  // No terminal (stdin is a pipe), no inputs in the environment. Windows needs its system variables
  // to start cmd.exe and node at all (SystemRoot, ComSpec, PATHEXT); APPDATA is the config folder there.
  const env = { PATH: process.env.PATH, HOME: work };
  if (windows) Object.assign(env, { SystemRoot: process.env.SystemRoot, ComSpec: process.env.ComSpec, PATHEXT: process.env.PATHEXT, APPDATA: work, USERPROFILE: work });
  const check = spawnBin(['check'], { encoding: 'utf8', env, input: '' });
  if (check.status !== 2) fail(`check without inputs exited ${check.status}, expected 2\n${check.stderr}`);
  for (const name of ['--tenant-id', '--client-id', '--mailbox', 'AZURE_CLIENT_SECRET']) {
    if (!check.stderr.includes(name)) fail(`check without inputs did not name ${name}:\n${check.stderr}`);
  }
  if (/\n\s+at /.test(check.stderr)) fail(`check without inputs printed a stack trace:\n${check.stderr}`);
  // With --json the same refusal is the whole check object (schema/check.schema.json), diagnosis input-missing.
  const json = spawnBin(['check', '--json'], { encoding: 'utf8', env, input: '' });
  let code;
  try {
    code = JSON.parse(json.stdout).diagnosis?.code;
  } catch {
    fail(`check --json without inputs printed no JSON object:\n${json.stdout}`);
  }
  if (json.status !== 2 || code !== 'input-missing') fail(`check --json without inputs exited ${json.status} with diagnosis ${code}, expected 2 and input-missing`);
  // report merge holds each file to the shipped schema at run time (ajv, schema/ of the installed package).
  const fleetFile = join(work, 'fleet-1.json');
  const totals = { targets: 0, passed: 0, failed: 0, warned: 0, byExitCode: {}, tokens: 0, retries: 0, durationMs: 0 };
  writeFileSync(fleetFile, JSON.stringify({ lang: 'en', ok: true, exitCode: 0, diagnosis: null, error: null, shard: { index: 1, count: 1 }, totals, results: [] }));
  const merged = spawnBin(['report', 'merge', fleetFile], { encoding: 'utf8', env, input: '' });
  if (merged.status !== 0 || !merged.stdout.includes('0 of 0 passed')) fail(`report merge of an empty shard exited ${merged.status}:\n${merged.stdout}${merged.stderr}`);
  const notFleet = spawnBin(['report', 'merge', join(app, 'package.json')], { encoding: 'utf8', env, input: '' });
  if (notFleet.status !== 2 || !notFleet.stderr.includes('not the JSON of check --targets --json')) fail(`report merge of a package.json exited ${notFleet.status}:\n${notFleet.stderr}`);
  // The whole pipeline from the installed package: the demo runs the sandbox (smtp-server, a CA of its
  // own) and a check against it (MSAL, nodemailer, STARTTLS, XOAUTH2), so every library the bundle holds
  // or the package depends on is loaded for real, not only the ones a refusal needs.
  const demo = spawnBin(['demo', '--json'], { encoding: 'utf8', env, input: '' });
  let demoOk;
  try {
    demoOk = JSON.parse(demo.stdout).ok;
  } catch {
    fail(`demo --json printed no JSON object (exit ${demo.status}):\n${demo.stdout}${demo.stderr}`);
  }
  if (demo.status !== 0 || demoOk !== true) fail(`demo --json exited ${demo.status} with ok ${demoOk}:\n${demo.stderr}`);
  console.log(`pack smoke test ok: ${packed[0].filename} (${files.length} files), --version ${version}, --help, check without inputs → exit 2 (input-missing with --json), report merge against the shipped schemas, ${schemas.length} schemas, demo --json against the sandbox`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
