import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertFreshBuild } from './support/fresh-build.js';

/**
 * Heavy libraries load only inside the commands that need them: which ES modules each built entry
 * point pulls in, seen through a resolve hook in a child process (what a user's `node` would load).
 * Start-up time itself is measured by bench/, not here.
 */
const root = join(import.meta.dirname, '..');
const hook = join(import.meta.dirname, 'support', 'resolve-log.mjs');

function resolvedBy(entry: string): string {
  assertFreshBuild();
  const url = pathToFileURL(join(root, 'dist', entry)).href;
  const run = spawnSync(process.execPath, ['--import', hook, '--input-type=module', '-e', `await import(${JSON.stringify(url)})`], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  // The log is complete or the test says so: a lost line would make every "does not load" pass.
  expect(run.stderr, 'the resolve log names the entry point itself').toContain(`resolved ${url}\n`);
  return run.stderr;
}

/** The tool's own modules (paths under dist/) resolved when `entry` is imported. */
function ownModulesLoadedBy(entry: string): string[] {
  const prefix = pathToFileURL(join(root, 'dist')).href + '/';
  return [...resolvedBy(entry).matchAll(/^resolved (file:\/\/\S+)$/gm)].map((m) => m[1]!).filter((u) => u.startsWith(prefix)).map((u) => u.slice(prefix.length));
}

/** Package name → number of its modules resolved when `entry` (under dist/) is imported. */
function packagesLoadedBy(entry: string): Map<string, number> {
  const run = { stderr: resolvedBy(entry) };
  const packages = new Map<string, number>();
  for (const match of run.stderr.matchAll(/^resolved file:\/\/.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) {
    packages.set(match[1]!, (packages.get(match[1]!) ?? 0) + 1);
  }
  return packages;
}

describe('what each entry point loads', () => {
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
  });

  it('the credential store\'s native binding loads only when a secret is stored or read, not with check or setup', () => {
    for (const entry of ['main.js', 'commands/check.js', 'commands/setup.js', 'config/store.js', 'config/secret-store.js']) {
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
