// `check` against the sandbox vs a minimal MSAL + nodemailer script doing the same work
// (budget: within 1.15×). Both are spawned processes that get a token and send one message.
import { fileURLToPath } from 'node:url';
import { compare, printTable, sandboxCheckEnv, timeOnce } from './lib.mjs';

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));
const minimal = fileURLToPath(new URL('./minimal-check.mjs', import.meta.url));
const runs = Number(process.env.BENCH_RUNS_CHECK ?? 11);

export async function benchCheck() {
  const { startSandbox } = await import('../dist/sandbox/index.js');
  const sandbox = await startSandbox();
  try {
    const { client } = sandbox;
    const env = sandboxCheckEnv(sandbox, process.env);
    const checkArgs = [bin, 'check', '--json', '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port), '--to', client.to];
    const rows = await compare(
      [
        { name: 'minimal MSAL + nodemailer script (baseline)', run: () => timeOnce(process.execPath, [minimal], { env }) },
        { name: 'smtp-oauth-setup check --to … (sandbox)', run: () => timeOnce(process.execPath, checkArgs, { env }) },
      ],
      runs,
    );
    printTable(`check against the sandbox, median of ${runs} runs (ratio to the minimal script)`, rows, rows[0]);
    return rows;
  } finally {
    await sandbox.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchCheck();
