import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { type AppIdentity, appKey, MAX_SHARDS, parseShard, selectShard, shardOfApp } from '../../src/fleet/shard.js';

/** `--shard i/n`: the partition of a targets file between CI jobs, by app. */

interface Row extends AppIdentity {
  name: string;
}
const identify = (row: Row): AppIdentity => row;

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const guid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-'));
/** A few apps, so that most have several mailboxes (several rows). */
const apps = fc.uniqueArray(fc.record({ cloud: fc.constantFrom('global', 'usgov', 'china'), tenantId: guid, clientId: guid }), {
  minLength: 1,
  maxLength: 12,
  selector: (a) => appKey(a),
});
/** A targets list: rows of those apps in any order, each with its unique name. */
const targetLists = apps.chain((list) =>
  fc.array(fc.nat({ max: list.length - 1 }), { minLength: 1, maxLength: 60 }).map((picks) => picks.map((i, row): Row => ({ ...list[i]!, name: `t${row}` }))),
);

function shardsOf(rows: readonly Row[], count: number): Row[][] {
  return Array.from({ length: count }, (_, i) => selectShard(rows, { index: i + 1, count }, identify));
}

describe('--shard <index>/<count>', () => {
  it('reads i/n, counted from 1; 1/1 is the whole file', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseShard(' 3/3 ')).toEqual({ index: 3, count: 3 });
    expect(parseShard(`${MAX_SHARDS}/${MAX_SHARDS}`)).toEqual({ index: MAX_SHARDS, count: MAX_SHARDS });
    const rows: Row[] = [{ name: 'a', cloud: 'global', tenantId: 't1', clientId: 'c1' }, { name: 'b', cloud: 'global', tenantId: 't2', clientId: 'c2' }];
    expect(selectShard(rows, { index: 1, count: 1 }, identify)).toEqual(rows);
  });

  it('refuses every other value with one line that says what to write', () => {
    const refused = (value: string): string => {
      let error: unknown;
      try {
        parseShard(value);
      } catch (e) {
        error = e;
      }
      expect(error, value).toBeInstanceOf(InputError);
      const problems = (error as InputError).problems;
      expect(problems, value).toHaveLength(1);
      expect(problems[0]).not.toContain('\n');
      return problems[0]!;
    };
    for (const value of ['0/3', '4/3', '-1/3', '1.5/3']) expect(refused(value)).toBe(`--shard: the index in '${value}' must be a whole number from 1 to 3 (shards are counted from 1)`);
    for (const value of ['1/0', '1/257', '1/-2', '1/2.5']) expect(refused(value)).toBe(`--shard: the count in '${value}' must be a whole number from 1 to ${MAX_SHARDS}`);
    for (const value of ['a/b', '1/x', 'x/3', '', '/', '3', '1/2/3', '0x1/2', '1/1e1', '½/2', '1 / 2 3']) {
      expect(refused(value)).toBe(`--shard: '${value}' must be <index>/<count>, such as 2/5 (the 2nd of 5 shards, counted from 1)`);
    }
  });
});

describe('the partition', () => {
  it('puts every target in exactly one shard and all targets of an app in the same shard, in the file\'s order', () => {
    fc.assert(
      fc.property(targetLists, fc.integer({ min: 1, max: 10 }), (rows, count) => {
        const shards = shardsOf(rows, count);
        // Exactly once: the shards together are the file, no name twice, none left out.
        const names = shards.flat().map((r) => r.name);
        expect(names.slice().sort()).toEqual(rows.map((r) => r.name).sort());
        // Within a shard, the file's order.
        for (const shard of shards) expect(shard).toEqual(rows.filter((r) => shard.includes(r)));
        // One shard per app.
        const shardOfKey = new Map<string, number>();
        shards.forEach((shard, i) => {
          for (const row of shard) {
            const key = appKey(row);
            expect(shardOfKey.get(key) ?? i, key).toBe(i);
            shardOfKey.set(key, i);
          }
        });
      }),
    );
  });

  it('moves no target when a target of another app is added anywhere in the file', () => {
    fc.assert(
      fc.property(targetLists, fc.integer({ min: 1, max: 10 }), fc.record({ cloud: fc.constant('global'), tenantId: guid, clientId: guid }), fc.nat(), (rows, count, app, at) => {
        fc.pre(!rows.some((r) => appKey(r) === appKey(app)));
        const before = shardsOf(rows, count).map((shard) => shard.map((r) => r.name));
        const grown = [...rows];
        grown.splice(at % (rows.length + 1), 0, { ...app, name: 'added' });
        const after = shardsOf(grown, count).map((shard) => shard.map((r) => r.name).filter((name) => name !== 'added'));
        expect(after).toEqual(before);
      }),
    );
  });

  it('names an app without case, and by cloud, tenant and client id together', () => {
    const app = { cloud: 'global', tenantId: 'Contoso.onmicrosoft.com', clientId: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE' };
    expect(appKey(app)).toBe(appKey({ cloud: 'GLOBAL', tenantId: 'contoso.onmicrosoft.com', clientId: app.clientId.toLowerCase() }));
    expect(appKey(app)).not.toBe(appKey({ ...app, cloud: 'usgov' }));
    expect(appKey(app)).not.toBe(appKey({ ...app, clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeef' }));
  });

  it('is rendezvous hashing over SHA-256: the same shard in every run and every version of the tool', () => {
    // The rule written out again from docs/ci.md: score each shard i with SHA-256 of "i\n<key>", the highest wins.
    const byTheRule = (key: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({ index: i + 1, score: createHash('sha256').update(`${i + 1}\n${key}`).digest('hex') })).reduce((a, b) =>
        b.score > a.score ? b : a,
      ).index;
    fc.assert(
      fc.property(apps, fc.integer({ min: 1, max: 10 }), (list, count) => {
        for (const app of list) expect(shardOfApp(appKey(app), count)).toBe(byTheRule(appKey(app), count));
      }),
    );
  });

  it('going from n to n+1 shards moves an app only into the new shard', () => {
    fc.assert(
      fc.property(apps, fc.integer({ min: 1, max: 9 }), (list, count) => {
        for (const app of list) {
          const after = shardOfApp(appKey(app), count + 1);
          expect([shardOfApp(appKey(app), count), count + 1]).toContain(after);
        }
      }),
    );
  });

  it('spreads many apps evenly enough', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) counts[shardOfApp(appKey({ cloud: 'global', tenantId: `tenant${i}.onmicrosoft.com`, clientId: `app-${i}` }), 4) - 1]!++;
    for (const n of counts) expect(n).toBeGreaterThan(400);
  });
});
