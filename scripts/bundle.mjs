// Runs after the compile (`npm run build`): dist/program/, the program as dist/bin.cjs loads it.
//
// Why a bundle: Node 20 has no compile cache, and every ES module costs it a resolve, a stat, a read
// and a compile of its own. A check loads some 200 of them (the tool's, zod's 95, chalk, nodemailer)
// before its SMTP connection can start; bundled into a few chunks, the connection starts about 60 ms
// sooner (bench/latency.mjs: the 50 ms goal of issue 14). The tsc output stays in dist/ beside it for
// the tests and benchmarks that import single modules (dist/sandbox/index.js, dist/cli.js).
//
// What stays as it was:
// - each `import()` stays a boundary (splitting): a command's libraries still load only when that
//   command runs; test/module-graph.test.ts holds the bundle, from the metafile written here
//   (dist/program/meta.json, not packaged), to the same rules as the compiled modules;
// - what the tool loads with createRequire (MSAL's and commander's CommonJS bundles, ajv) is loaded
//   from node_modules at run time, as before: esbuild does not follow those calls;
// - the credential store's native binding (@napi-rs/keyring) cannot be bundled: it stays external.
// These four are the package's dependencies; the libraries bundled here are build inputs
// (devDependencies), and their licences ship beside the bundle (dist/program/THIRD-PARTY-LICENSES.txt).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
// Chunk names carry a hash of their content: yesterday's would stay beside today's.
rmSync(new URL('program/', dist), { recursive: true, force: true });

const result = await build({
  absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
  entryPoints: { main: 'dist/main.js', io: 'dist/io.js' },
  outdir: 'dist/program',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // package.json's engines: nothing newer than Node 20.17 understands may be emitted.
  target: 'node20.17',
  external: ['@napi-rs/keyring'],
  // CommonJS packages inside an ES bundle (nodemailer, parts of the prompts) call require() for
  // Node's own modules; an ES module has no `require`, so each chunk makes one for itself.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Stack traces of an internal error still name the source file (tsc's maps are followed).
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(new URL('program/meta.json', dist), JSON.stringify(result.metafile));

// The licences of what was bundled: each package's name, version, licence and licence text, once.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (match && !packages.has(match[1])) packages.set(match[1], JSON.parse(readFileSync(new URL(`../${match[1]}/package.json`, import.meta.url), 'utf8')));
}
const notices = [...packages]
  .sort(([, a], [, b]) => a.name.localeCompare(b.name))
  .map(([folder, pkg]) => {
    const dir = new URL(`../${folder}/`, import.meta.url);
    const file = readdirSync(dir).find((name) => /^(licen[cs]e|copying)([.-]|$)/i.test(name));
    const text = file ? readFileSync(new URL(file, dir), 'utf8').trim() : `(no licence file; package.json says ${pkg.license})`;
    return `${pkg.name} ${pkg.version} (${pkg.license})\n\n${text}\n`;
  });
writeFileSync(
  new URL('program/THIRD-PARTY-LICENSES.txt', dist),
  `smtp-oauth-setup bundles these packages into dist/program/ (scripts/bundle.mjs).\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);
