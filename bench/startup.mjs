// Start-up cost: `--version` and `--help` against bare `node -e 0` (budget: within 1.3×). dist/bin.cjs
// answers both from files written at build time, before the ES-module program loads.
// NODE_EXTRA_CA_CERTS matters: Node 20 reads the named file at every start (≈75 ms for a whole system
// bundle), which inflates the baseline and flatters every ratio; Node 22 and later read it lazily. When
// it is set, the table is printed a second time without it, as on a machine that does not set it.
import { fileURLToPath } from 'node:url';
import { compare, printTable, timeOnce } from './lib.mjs';

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 21);
const node = process.execPath;
const BUDGET = 1.3;

async function startupTable(title, env) {
  const options = { env };
  const rows = await compare(
    [
      { name: 'node -e 0 (baseline)', run: () => timeOnce(node, ['-e', '0'], options) },
      { name: 'smtp-oauth-setup --version', run: () => timeOnce(node, [bin, '--version'], options) },
      { name: 'smtp-oauth-setup --help', run: () => timeOnce(node, [bin, '--help'], options) },
    ],
    runs,
  );
  printTable(`${title}, median of ${runs} runs (ratio to bare node)`, rows, rows[0]);
  const over = rows.slice(1).filter((row) => row.median > BUDGET * rows[0].median);
  console.log(over.length ? `  over the ${BUDGET}× budget: ${over.map((row) => row.name).join(', ')}` : `  within the ${BUDGET}× budget`);
  return rows;
}

export async function benchStartup() {
  const rows = await startupTable('Start-up', process.env);
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const { NODE_EXTRA_CA_CERTS: _ignored, ...clean } = process.env;
    await startupTable('Start-up without NODE_EXTRA_CA_CERTS', clean);
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchStartup();
