// Start-up cost: `--version` and `--help` against bare `node -e 0` (budget: within 1.3×).
import { fileURLToPath } from 'node:url';
import { compare, printTable, timeOnce } from './lib.mjs';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 21);
const node = process.execPath;

export async function benchStartup() {
  const rows = await compare(
    [
      { name: 'node -e 0 (baseline)', run: () => timeOnce(node, ['-e', '0']) },
      { name: 'smtp-oauth-setup --version', run: () => timeOnce(node, [bin, '--version']) },
      { name: 'smtp-oauth-setup --help', run: () => timeOnce(node, [bin, '--help']) },
    ],
    runs,
  );
  printTable(`Start-up, median of ${runs} runs (ratio to bare node)`, rows, rows[0]);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchStartup();
