import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: the whole run gets its own temporary folder (TMPDIR, which os.tmpdir() reads
 * in every worker and in every CLI the tests spawn), and at the end no file in it may hold a private
 * key: a test that writes a PEM or key into the temporary folder must remove it (afterAll/afterEach).
 * A folder of its own, so that other runs on the same machine are neither blamed nor touched.
 */

const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/**
 * Node ≥ 22.1 keeps V8's compiled code of the CLI in `<tmpdir>/node-compile-cache` (bin.cjs enables
 * it). That folder is Node's, not the tool's: it holds compiled source (whose PEM labels look like a
 * key to the scan) and outlives every run by design.
 */
export const NODE_COMPILE_CACHE = 'node-compile-cache';

/** What a run left in a temporary folder, Node's compile cache aside. */
export function leftIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name !== NODE_COMPILE_CACHE);
}

/** Files under `dir` that hold a private key, relative to `dir`. */
export function privateKeysUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      if (relative === '' && entry.name === NODE_COMPILE_CACHE) continue;
      const path = join(relative, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && PRIVATE_KEY.test(readFileSync(join(dir, path), 'latin1'))) found.push(path);
    }
  };
  walk('');
  return found.sort();
}

export default function setup(): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'smtp-oauth-test-run-'));
  process.env.TMPDIR = runDir;
  return () => {
    let leftovers: string[];
    try {
      leftovers = privateKeysUnder(runDir);
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
    if (leftovers.length > 0) {
      // Vitest reports an error thrown here but keeps its exit status: set the run's failure too.
      process.exitCode = 1;
      throw new Error(`The tests left private keys in the temporary folder (remove them in afterAll/afterEach): ${leftovers.join(', ')}`);
    }
  };
}
