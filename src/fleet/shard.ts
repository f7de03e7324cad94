import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import { readDecimal } from '../inputs/decimal.js';
import { msg } from '../messages/index.js';

/**
 * `check --targets <file> --shard <i>/<n>`: the CI system runs n jobs, each checks one part of the
 * targets file, and `report merge` puts their JSON back together. The part a target falls in depends
 * on its APP alone (the cloud, tenant and client id of its row), never on the other rows:
 *
 * - all mailboxes of one app are in one shard, so the fleet's "one token per app" holds across the
 *   whole run (n shards ask Entra ID for exactly as many tokens as one unsharded run);
 * - adding, removing or reordering rows of other apps moves no target: each app's shard is a function
 *   of its own key and n only (no sorting, no counting of the others, no Math.random);
 * - rendezvous (highest random weight) hashing picks the shard: each shard scores the app with
 *   SHA-256 of the app key and the shard's number, the highest score wins. Changing n moves only the
 *   apps whose winner changes (going from n to n+1 shards moves about 1/(n+1) of them), where
 *   `hash mod n` would move almost all.
 */

export interface Shard {
  /** 1-based, as GitLab's CI_NODE_INDEX. */
  index: number;
  count: number;
}

/** The most shards a run can be split into (a GitHub Actions matrix has at most 256 jobs, GitLab's `parallel:` 200). */
export const MAX_SHARDS = 256;

/** `--shard 2/5` → `{ index: 2, count: 5 }`; anything else is one input error line. */
export function parseShard(value: string): Shard {
  const parts = value.split('/');
  // Something that is not a number at all (`a/b`, `0x1/2`, `3`) is told the form; a number out of range its range.
  const numeric = (text: string) => /^\s*-?\d+(?:\.\d+)?\s*$/.test(text);
  if (parts.length !== 2 || !parts.every(numeric)) throw new InputError([msg('fleet.shard.form', { value })]);
  const [indexText, countText] = parts as [string, string];
  // Only whether it parses matters: the problem below says the range, whatever was wrong.
  const whole = (text: string, max: number) => readDecimal(text, { min: 1, max });
  const count = whole(countText, MAX_SHARDS);
  if ('problem' in count) throw new InputError([msg('fleet.shard.count', { value, max: MAX_SHARDS })]);
  const index = whole(indexText, count.value);
  if ('problem' in index) throw new InputError([msg('fleet.shard.index', { value, count: count.value })]);
  return { index: index.value, count: count.value };
}

/** What identifies an app for the partition: the fields of a targets row that name it. */
export interface AppIdentity {
  /** The row's cloud, else the run's (`--cloud`, SMTP_OAUTH_CLOUD, global). */
  cloud: string;
  tenantId: string;
  clientId: string;
}

/**
 * The name that is hashed. Tenant and client id are compared without case, as Entra ID does; the
 * credential is not part of it, so an app's mailboxes stay together even when rows name its secret
 * differently.
 */
export function appKey(app: AppIdentity): string {
  return [app.cloud.trim().toLowerCase(), app.tenantId.trim().toLowerCase(), app.clientId.trim().toLowerCase()].join('\n');
}

/** The shard (1-based) that checks this app when the run is split into `count` shards. */
export function shardOfApp(key: string, count: number): number {
  let best = 1;
  let bestScore: Buffer | null = null;
  for (let index = 1; index <= count; index++) {
    const score = createHash('sha256').update(`${index}\n${key}`).digest();
    // Ties would need a SHA-256 collision; the lower index wins them anyway, so the result is total.
    if (bestScore === null || Buffer.compare(score, bestScore) > 0) {
      best = index;
      bestScore = score;
    }
  }
  return best;
}

/** The targets of one shard, in the file's order. `1/1` is every target. */
export function selectShard<T>(targets: readonly T[], shard: Shard, identify: (target: T) => AppIdentity): T[] {
  if (shard.count === 1) return [...targets];
  const memo = new Map<string, number>();
  return targets.filter((target) => {
    const key = appKey(identify(target));
    let index = memo.get(key);
    if (index === undefined) memo.set(key, (index = shardOfApp(key, shard.count)));
    return index === shard.index;
  });
}
