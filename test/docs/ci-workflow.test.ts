import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

/**
 * .github/workflows/ci.yml cannot run here: it is parsed instead, its matrix expanded as GitHub
 * Actions does (the base combinations, then each `include` entry that overwrites a base value becomes
 * a combination of its own), and its steps checked for what the Windows and macOS runners lack.
 */
const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8');

function parsedWorkflow(): any {
  const document = parseDocument(text, { uniqueKeys: true, strict: true });
  expect(document.errors.map((e) => e.message)).toEqual([]);
  expect(document.warnings.map((e) => e.message)).toEqual([]);
  return document.toJS();
}

type Combination = Record<string, unknown>;

function expandMatrix(matrix: Record<string, unknown>): Combination[] {
  const { include = [], exclude = [], ...axes } = matrix as { include?: Combination[]; exclude?: Combination[] } & Record<string, unknown[]>;
  let combinations: Combination[] = [{}];
  for (const [axis, values] of Object.entries(axes)) combinations = combinations.flatMap((c) => (values as unknown[]).map((v) => ({ ...c, [axis]: v })));
  const matches = (c: Combination, pattern: Combination) => Object.entries(pattern).every(([k, v]) => c[k] === v);
  combinations = combinations.filter((c) => !exclude.some((pattern) => matches(c, pattern)));
  const base = combinations.map((c) => ({ ...c }));
  for (const entry of include) {
    const extendable = base.filter((c) => Object.entries(entry).every(([k, v]) => !(k in axes) || c[k] === v));
    if (extendable.length === 0) combinations.push({ ...entry });
    else for (const c of extendable) Object.assign(combinations[base.indexOf(c)]!, entry);
  }
  return combinations;
}

const workflow = parsedWorkflow();
const LINUX_ONLY = /\b(apt-get|dpkg-deb|sudo)\b/;

describe('.github/workflows/ci.yml', () => {
  it('runs the suite on Linux (Node 20, 22, 24), Windows and macOS (Node 22)', () => {
    const test = workflow.jobs.test;
    expect(test['runs-on']).toBe('${{ matrix.os }}');
    expect(test.strategy['fail-fast']).toBe(false);
    const combinations = expandMatrix(test.strategy.matrix).map((c) => `${c.os}/${c.node}`);
    expect(combinations.sort()).toEqual(['macos-latest/22', 'ubuntu-latest/20', 'ubuntu-latest/22', 'ubuntu-latest/24', 'windows-latest/22']);
    expect(test.steps.at(-1).run).toBe('npm test');
    expect(test.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/setup-node')).with['node-version']).toBe('${{ matrix.node }}');
  });

  it('installs tmux, D-Bus, GNOME Keyring and promtool on Linux only', () => {
    const steps: Array<{ if?: string; run?: string }> = workflow.jobs.test.steps;
    const linuxOnly = steps.filter((s) => s.run && LINUX_ONLY.test(s.run));
    expect(linuxOnly.map((s) => s.run).join('\n')).toMatch(/tmux[\s\S]*dbus[\s\S]*gnome-keyring[\s\S]*prometheus/);
    for (const step of linuxOnly) expect(step.if, step.run).toBe("runner.os == 'Linux'");
    // Everything else runs on every system: no step is left out of the Windows or macOS jobs unexplained.
    const conditioned = steps.filter((s) => s.if !== undefined && !linuxOnly.includes(s));
    expect(conditioned.map((s) => s.if)).toEqual(["runner.os == 'Windows'"]);
  });

  it('runs the packaging smoke test on Windows too (npm\'s .cmd shim for the bin)', () => {
    const pack = workflow.jobs.package;
    expect(pack['runs-on']).toBe('${{ matrix.os }}');
    expect(expandMatrix(pack.strategy.matrix).map((c) => c.os)).toEqual(['ubuntu-latest', 'windows-latest']);
    expect(pack.steps.at(-1).run).toBe('node scripts/pack-smoke.mjs');
  });

  it('matrix expansion as GitHub does it: an include that overwrites a base value adds a combination, one that does not extends them', () => {
    expect(expandMatrix({ os: ['a'], node: [1, 2], include: [{ os: 'b', node: 2 }, { extra: true }] })).toEqual([
      { os: 'a', node: 1, extra: true },
      { os: 'a', node: 2, extra: true },
      { os: 'b', node: 2 },
    ]);
  });
});

/**
 * "Nothing else skipped without a written reason": every conditional skip in the suite either names a
 * condition that carries its reason (a variable such as `unavailable` or `missing` holding the why, or
 * PROMTOOL) or has a comment right above it.
 */
describe('skipped tests in the suite', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.test.ts')) files.push(join(dir, entry.name));
    }
  };
  walk(join(root, 'test'));

  it('every skipIf/runIf/skip has a written reason', () => {
    const unexplained: string[] = [];
    let skips = 0;
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!/\b(?:it|describe|test)\.(?:skipIf|runIf|skip|todo)\b/.test(line)) return;
        skips++;
        const above = lines.slice(Math.max(0, i - 3), i).join('\n');
        const reasoned = /\/\/|\*\//.test(above) || /\b(?:unavailable|missing|PROMTOOL)\b/.test(line);
        if (!reasoned) unexplained.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(skips).toBeGreaterThan(0);
    expect(unexplained).toEqual([]);
  });
});
