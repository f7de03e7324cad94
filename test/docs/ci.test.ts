import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseArgv } from '../../src/cli.js';
import { parseShard } from '../../src/fleet/shard.js';

/**
 * docs/ci.md: every YAML block parses, and the matrix examples do what the text says: each shard
 * passes a valid `--shard`, uploads its JSON and JUnit, and a last job merges the JSON.
 */
const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'ci.md'), 'utf8');
const blocks = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

function parsed(block: string): any {
  const document = parseDocument(block, { uniqueKeys: true, strict: true });
  expect(document.errors.map((e) => e.message)).toEqual([]);
  expect(document.warnings.map((e) => e.message)).toEqual([]);
  return document.toJS();
}

const workflow = (marker: string) => {
  const block = blocks.find((b) => b.startsWith(marker));
  expect(block, marker).toBeDefined();
  return parsed(block!);
};

/** A `run:`/`script:` line as the CLI's parser reads it, the CI system's variables filled in. */
function argvOf(command: string, vars: Record<string, string>): string[] {
  let line = command.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_m, name: string) => vars[name] ?? `<${name}>`).replace(/\$(\w+)/g, (_m, name: string) => vars[name] ?? `<${name}>`);
  line = line.replace(/\s+>\s+\S+\s*$/, '').replace(/"/g, '');
  const words = line.trim().split(/\s+/);
  expect(words.slice(0, 3)).toEqual(['npx', '--yes', 'smtp-oauth-setup@0.1.0']);
  return words.slice(3);
}

describe('docs/ci.md', () => {
  it('has only YAML that parses (no duplicate keys, no tabs)', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) parsed(block);
  });

  it('GitHub Actions: a shard matrix that keeps each shard\'s JSON and JUnit, and a merge job that runs also after a failure', () => {
    const wf = workflow('# .github/workflows/smtp-oauth-fleet.yml');
    const check = wf.jobs.check;
    expect(check.strategy['fail-fast']).toBe(false);
    const shards: number[] = check.strategy.matrix.shard;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    const run: string = check.steps.find((s: { run?: string }) => s.run?.includes('--shard')).run;
    for (const shard of shards) {
      const argv = argvOf(run, { 'matrix.shard': String(shard) });
      const command = parseArgv(argv);
      expect(command).toMatchObject({ command: 'check', options: { targets: 'smtp-targets.csv', json: true, junit: `smtp-oauth-${shard}.xml` } });
      expect(parseShard((command as { options: { shard: string } }).options.shard)).toEqual({ index: shard, count: shards.length });
    }
    expect(run).toMatch(/> smtp-oauth-\$\{\{ matrix\.shard \}\}\.json\s*$/);
    const upload = check.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload.if).toBe('always()');
    expect(upload.with.path).toContain('smtp-oauth-${{ matrix.shard }}.json');
    expect(upload.with.path).toContain('smtp-oauth-${{ matrix.shard }}.xml');

    const report = wf.jobs.report;
    expect(report).toMatchObject({ needs: 'check', if: 'always()' });
    const download = report.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/download-artifact'));
    expect(download.with).toMatchObject({ pattern: 'smtp-oauth-shard-*', 'merge-multiple': true });
    const merge: string = report.steps.find((s: { run?: string }) => s.run?.includes('report merge')).run;
    expect(parseArgv(argvOf(merge, {}))).toEqual({ command: 'report-merge', options: { files: ['smtp-oauth-*.json'], junit: 'smtp-oauth-check.xml', json: false } });
  });

  it('GitLab: parallel: with CI_NODE_INDEX/CI_NODE_TOTAL, artifacts kept on failure, and a merge job that always runs', () => {
    const ci = workflow('# .gitlab-ci.yml');
    const check = ci['smtp-oauth-check'];
    const total: number = check.parallel;
    expect(total).toBeGreaterThan(1);
    const script: string = check.script.find((s: string) => s.includes('--shard'));
    expect(script).toContain('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    for (let index = 1; index <= total; index++) {
      const command = parseArgv(argvOf(script, { CI_NODE_INDEX: String(index), CI_NODE_TOTAL: String(total) }));
      expect(parseShard((command as { options: { shard: string } }).options.shard)).toEqual({ index, count: total });
    }
    expect(check.artifacts).toMatchObject({ when: 'always', reports: { junit: 'smtp-oauth-*.xml' } });
    expect(check.artifacts.paths).toEqual(expect.arrayContaining(['smtp-oauth-*.json', 'smtp-oauth-*.xml']));

    const report = ci['smtp-oauth-report'];
    expect(ci.stages.indexOf(report.stage)).toBeGreaterThan(ci.stages.indexOf(check.stage));
    expect(report.rules[0].when).toBe('always');
    expect(parseArgv(argvOf(report.script[0], {}))).toMatchObject({ command: 'report-merge', options: { files: ['smtp-oauth-*.json'] } });
  });
});
