import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertFreshBuild } from './support/fresh-build.js';

/**
 * Heavy libraries load only inside the commands that need them. Held twice, by the same rules:
 * - the compiled modules (dist/<folder>/…): which ES modules each entry point pulls in, seen through
 *   a resolve hook in a child process;
 * - the bundle that dist/bin.cjs runs (dist/program/, scripts/bundle.mjs): which modules end up in the
 *   chunks an entry point's chunk imports statically, from esbuild's metafile. A bundler that merged
 *   a command's chunk into the program's would fail here, not only in a benchmark.
 * Start-up time itself is measured by bench/, not here.
 */
const root = join(import.meta.dirname, '..');
const hook = join(import.meta.dirname, 'support', 'resolve-log.mjs');

/** What loading one entry point (a path under dist/, as `commands/check.js`) brings in. */
interface Loaded {
  /** The tool's own modules, as paths under dist/. */
  own: string[];
  /** Package name → number of its modules. */
  packages: Map<string, number>;
}

const packageOf = (path: string): string | undefined => path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];

function count(paths: Iterable<string>): Map<string, number> {
  const packages = new Map<string, number>();
  for (const path of paths) {
    const name = packageOf(path);
    if (name) packages.set(name, (packages.get(name) ?? 0) + 1);
  }
  return packages;
}

function compiled(entry: string): Loaded {
  assertFreshBuild();
  const url = pathToFileURL(join(root, 'dist', entry)).href;
  const run = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', `await import(${JSON.stringify(url)})`], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  // The log is complete or the test says so: a lost line would make every "does not load" pass.
  expect(run.stderr, 'the resolve log names the entry point itself').toContain(`resolved ${url}\n`);
  const urls = [...run.stderr.matchAll(/^resolved (file:\/\/\S+)$/gm)].map((m) => m[1]!);
  const prefix = pathToFileURL(join(root, 'dist')).href + '/';
  return { own: urls.filter((u) => u.startsWith(prefix)).map((u) => u.slice(prefix.length)), packages: count(urls) };
}

interface Metafile {
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string; external?: boolean }[] }>;
}

let metafile: Metafile | undefined;
/** esbuild's metafile of the bundle (scripts/bundle.mjs), read once. */
const bundleMetafile = (): Metafile => {
  assertFreshBuild();
  return (metafile ??= JSON.parse(readFileSync(join(root, 'dist', 'program', 'meta.json'), 'utf8')) as Metafile);
};

function bundled(entry: string): Loaded {
  const outputs = bundleMetafile().outputs;
  const start = Object.keys(outputs).find((out) => outputs[out]!.entryPoint === `dist/${entry}`);
  // Every entry point named here is an `import()` of the program, so the bundle gives it a chunk.
  expect(start, `dist/${entry} has a chunk of its own in the bundle`).toBeDefined();
  const seen = new Set<string>([start!]);
  const inputs: string[] = [];
  const externals: string[] = [];
  for (const out of seen) {
    inputs.push(...Object.keys(outputs[out]!.inputs));
    for (const edge of outputs[out]!.imports) {
      // What loads with the chunk: its static imports; an `import()` waits for its command.
      if (edge.kind !== 'import-statement') continue;
      if (edge.external) {
        if (!isBuiltin(edge.path)) externals.push(`node_modules/${edge.path}/`);
      } else seen.add(edge.path);
    }
  }
  const packages = count(inputs);
  // An external package imported statically loads with the chunk as well (the native binding).
  for (const [name, n] of count(externals)) packages.set(name, (packages.get(name) ?? 0) + n);
  return { own: inputs.filter((path) => path.startsWith('dist/')).map((path) => path.slice('dist/'.length)), packages };
}

// The credential store's modules are entry points only of the compiled view: in the bundle they are
// parts of the commands' chunks, held through those.
const compiledStoreModules = ['config/store.js', 'config/secret-store.js'];

describe.each([
  ['compiled modules', compiled, compiledStoreModules],
  ['the bundle', bundled, []],
] as const)('what each entry point loads: %s', (_, load, storeModules) => {
  const packagesLoadedBy = (entry: string) => load(entry).packages;
  const ownModulesLoadedBy = (entry: string) => load(entry).own;

  it('main.js (after --version) loads no library: the parser and the command come later', () => {
    expect([...packagesLoadedBy('main.js').keys()]).toEqual([]);
  });

  it('the check command loads zod, not MSAL\'s ES build, the sandbox, the prompts or the CSV parser', () => {
    const packages = packagesLoadedBy('commands/check.js');
    expect(packages.has('zod')).toBe(true);
    // MSAL comes from its CommonJS bundle when a token is requested (src/token/msal.ts): its ES build
    // is some 470 modules. (CommonJS loads are out of this hook's sight, as nodemailer's are.)
    for (const esBuild of ['@azure/msal-node', '@azure/msal-common']) expect(packages.has(esBuild), esBuild).toBe(false);
    for (const heavy of ['smtp-server', '@inquirer/prompts', '@inquirer/core', 'csv-parse']) expect(packages.has(heavy), heavy).toBe(false);
    // ajv (report merge's schema check) is CommonJS, out of the hook's sight: its module is not loaded.
    expect(ownModulesLoadedBy('commands/check.js')).not.toContain('report/schema-check.js');
    expect(ownModulesLoadedBy('commands/check.js')).not.toContain('fleet/merge.js');
    // Decoding the token's claims takes jose's decode entry, not the whole library (about 180 modules).
    expect(packages.get('jose') ?? 0).toBeLessThan(20);
    // The SMTP connection opens before nodemailer loads, the token's libraries load when the token
    // leg starts (issue 14: nothing the connection does not need comes before it).
    expect(packages.has('nodemailer'), 'nodemailer').toBe(false);
    for (const lazy of ['token/acquire.js', 'token/claims.js', 'token/msal.js']) expect(ownModulesLoadedBy('commands/check.js'), lazy).not.toContain(lazy);
  });

  it('the credential store\'s native binding loads only when a secret is stored or read, not with check or setup', () => {
    for (const entry of ['main.js', 'commands/check.js', 'commands/setup.js', ...storeModules]) {
      expect(packagesLoadedBy(entry).has('@napi-rs/keyring'), entry).toBe(false);
    }
  });

  it('report merge loads neither MSAL, nodemailer, the sandbox nor the prompts: it reads files only', () => {
    const packages = packagesLoadedBy('commands/report.js');
    for (const network of ['@azure/msal-node', '@azure/msal-common', 'nodemailer', 'jose', 'smtp-server', '@inquirer/prompts', 'csv-parse']) {
      expect(packages.has(network), network).toBe(false);
    }
    expect(ownModulesLoadedBy('commands/report.js')).toContain('report/schema-check.js');
    expect(ownModulesLoadedBy('commands/report.js')).not.toContain('check/run.js');
  });

  it('explain loads neither MSAL nor nodemailer: it is offline', () => {
    const packages = packagesLoadedBy('commands/explain.js');
    for (const network of ['@azure/msal-node', '@azure/msal-common', 'nodemailer', 'jose']) expect(packages.has(network), network).toBe(false);
  });

  it('setup --automatic (the dry run) loads neither MSAL, nodemailer, the sandbox nor the prompts: it prints a plan', () => {
    const packages = packagesLoadedBy('commands/automatic.js');
    for (const heavy of ['@azure/msal-node', '@azure/msal-common', 'nodemailer', 'smtp-server', '@inquirer/prompts', '@inquirer/core']) {
      expect(packages.has(heavy), heavy).toBe(false);
    }
    // MSAL's and nodemailer's CommonJS loads are out of the hook's sight: the tool's modules that load them are not loaded.
    const own = ownModulesLoadedBy('commands/automatic.js');
    for (const module of own) expect(module, module).not.toMatch(/^(token\/msal|smtp\/|sandbox\/|wizard\/)/);
    expect(own).toContain('automatic/plan.js');
  });

  it('remove (its dry run) loads neither MSAL, nodemailer, the sandbox nor the prompts up front', () => {
    const packages = packagesLoadedBy('commands/remove.js');
    for (const heavy of ['@azure/msal-node', '@azure/msal-common', 'nodemailer', 'smtp-server', '@inquirer/prompts', '@inquirer/core']) {
      expect(packages.has(heavy), heavy).toBe(false);
    }
    const own = ownModulesLoadedBy('commands/remove.js');
    for (const module of own) expect(module, module).not.toMatch(/^(token\/msal|smtp\/|sandbox\/|wizard\/|admin\/sign-in)/);
    expect(own).toContain('remove/plan.js');
  });
});

describe('the bundle', () => {
  it("keeps of zod what the schemas use: not its 60-odd locales (with `import * as z` esbuild can drop what is never named; `import { z }` kept all of them, some 570 KB)", () => {
    const bundledInputs = new Set(Object.values(bundleMetafile().outputs).flatMap((out) => Object.keys(out.inputs)));
    const locales = [...bundledInputs].filter((path) => path.includes('node_modules/zod/v4/locales/'));
    expect(locales.length, locales.join(', ')).toBeLessThanOrEqual(1);
    expect([...bundledInputs].some((path) => path.includes('node_modules/zod/v4/core/')), 'zod itself is bundled').toBe(true);
  });
});
