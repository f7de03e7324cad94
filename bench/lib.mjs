// Shared helpers for the benchmarks: run a command N times, interleaved with its baseline so that
// machine load affects both alike, and report medians and their ratio. Ratios, not absolute times.
import { spawnSync } from 'node:child_process';

export function timeOnce(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== (options.expectStatus ?? 0)) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs each case `runs` times, round-robin, after one warm-up each. Returns medians in ms. */
export function compare(cases, runs) {
  const samples = cases.map(() => []);
  for (const c of cases) c.run();
  for (let i = 0; i < runs; i++) cases.forEach((c, j) => samples[j].push(c.run()));
  return cases.map((c, j) => ({ name: c.name, median: median(samples[j]) }));
}

export function printTable(title, rows, baseline) {
  console.log(`\n${title}`);
  for (const row of rows) {
    const ratio = row.median / baseline.median;
    console.log(`  ${row.name.padEnd(44)} ${row.median.toFixed(1).padStart(8)} ms   ${ratio.toFixed(2)}×`);
  }
}
