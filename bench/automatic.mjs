// The automatic setup's requests: one `setup --automatic` against the in-process sandbox (a tenant as
// new ones are: SMTP AUTH off), then the same command again (the idempotent rerun). Prints how many
// Graph and Exchange admin endpoint requests each made, beside the least the plan needs: every change,
// the read that confirms it, the read-only checks, and the reads that find what already exists. A count,
// not a time: it is the same on every machine.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../dist/bin.cjs', import.meta.url));

/**
 * The least the plan needs, by hand from src/automatic/ (update it with them):
 * Graph, first run: Security Defaults, find the tool's app by its tag (a rerun without state), the
 * SMTP.SendAsApp role, create the app, look for its service principal, create it, list the
 * assignments, grant, add the secret = 9. Rerun with the saved state: Security Defaults and the role
 * = 2 (what the state names is not created again; the secret is read back from where it was kept,
 * and the proof shows that it all still works).
 * Exchange, first run: the organisation's and the mailbox's SMTP AUTH (read first), the service
 * principal read, made, confirmed; the mailbox permission read, granted, confirmed; SMTP AUTH set and
 * confirmed = 10 (step 3 takes the mailbox's SMTP AUTH from the read-only check instead of reading
 * it again). Rerun: the three read-only checks and the reads of steps 2–3 not yet known to be done:
 * the service principal (always read: a wrong one must not stay) = 4.
 */
export const MINIMUM = { first: { graph: 9, exchange: 10 }, rerun: { graph: 2, exchange: 4 } };

function run(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

export async function benchAutomatic() {
  const { startSandbox } = await import('../dist/sandbox/index.js');
  const sandbox = await startSandbox({ deviceCode: { intervalSeconds: 0, lifetimeSeconds: 900, autoApproveMs: 0 } });
  const configDir = await mkdtemp(join(tmpdir(), 'bench-automatic-'));
  try {
    sandbox.tenant.organization.smtpClientAuthenticationDisabled = true;
    for (const box of sandbox.tenant.mailboxes) box.smtpClientAuthenticationDisabled = null;
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', NODE_EXTRA_CA_CERTS: sandbox.caFile, SMTP_OAUTH_SETUP_CONFIG_DIR: configDir };
    const args = [
      'setup', '--automatic', '--yes', '--mailbox', sandbox.client.mailbox, '--tenant-id', sandbox.tenant.id,
      '--authority-host', sandbox.authorityHost, '--graph-url', sandbox.graphUrl, '--exchange-url', sandbox.exchangeUrl,
      '--smtp-host', sandbox.smtp.host, '--smtp-port', String(sandbox.smtp.port), '--secret-file', join(configDir, 'secret.txt'),
    ];
    const rows = [];
    for (const name of ['first', 'rerun']) {
      const before = sandbox.stats();
      const result = await run(args, env);
      if (result.status !== 0) throw new Error(`setup --automatic (${name}) ended with ${result.status}:\n${result.stderr}`);
      const after = sandbox.stats();
      rows.push({
        name,
        graph: after.graphRequests - before.graphRequests,
        exchange: after.exchangeAdminRequests - before.exchangeAdminRequests,
        signIns: after.deviceCodeRequests - before.deviceCodeRequests,
      });
    }
    console.log('\nAutomatic setup: requests against the sandbox (measured / the plan\'s least)');
    for (const row of rows) {
      const least = MINIMUM[row.name];
      console.log(`  ${row.name.padEnd(6)} Graph ${row.graph} / ${least.graph}   Exchange admin ${row.exchange} / ${least.exchange}   device codes ${row.signIns}`);
    }
    return rows;
  } finally {
    await sandbox.close();
    await rm(configDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAutomatic();
