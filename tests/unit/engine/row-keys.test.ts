import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Bitset } from '../../../src/data/engine/bitset';
import {
  countKeyPairs,
  ListKeysJob,
  listKeys,
  scalarKeys,
  spreadKeyCounts,
  type RowKeys,
} from '../../../src/data/engine/row-keys';

/** A CSR list column from plain lists of codes. */
function listOf(rows: readonly (readonly number[])[]) {
  const offsets = new Uint32Array(rows.length + 1);
  rows.forEach((row, r) => (offsets[r + 1] = (offsets[r] ?? 0) + row.length));
  return { offsets, values: Uint32Array.from(rows.flat()) };
}

const identity = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

/** The ids a row's key stands for. */
const idsOfRow = (keys: RowKeys, row: number) => {
  const key = keys.keys[row] ?? 0;
  return Array.from(keys.ids.subarray(keys.offsets[key], keys.offsets[key + 1]));
};

const distinct = (row: readonly number[]) => [...new Set(row)];

describe('listKeys', () => {
  it.each([
    { name: 'equal lists share a key', rows: [[1, 2], [3], [1, 2]], keys: [0, 1, 0] },
    {
      name: 'order matters',
      rows: [
        [1, 2],
        [2, 1],
      ],
      keys: [0, 1],
    },
    {
      name: 'a repeat within a row is dropped',
      rows: [
        [1, 1, 2],
        [1, 2],
      ],
      keys: [0, 0],
    },
    { name: 'an empty list is a key of its own', rows: [[], [4], []], keys: [0, 1, 0] },
  ])('$name', ({ rows, keys }) => {
    const got = listKeys(listOf(rows), identity(5), rows.length, 10);
    expect(got).not.toBeNull();
    if (!got) return;
    expect(Array.from(got.keys)).toEqual(keys);
    rows.forEach((row, r) => expect(idsOfRow(got, r)).toEqual(distinct(row)));
  });

  it('maps codes to value ids first, so two codes of one string are one id', () => {
    // Codes 0 and 1 are the same string (id 0); code 2 is id 1.
    const got = listKeys(
      listOf([
        [0, 1, 2],
        [1, 2],
      ]),
      Uint32Array.from([0, 0, 1]),
      2,
      10,
    );
    expect(got && Array.from(got.keys)).toEqual([0, 0]);
    expect(got && idsOfRow(got, 0)).toEqual([0, 1]);
  });

  it('gives up past the limit of distinct lists, and not at it', () => {
    const rows = [[0], [1], [2], [0]];
    expect(listKeys(listOf(rows), identity(3), rows.length, 3)).not.toBeNull();
    expect(listKeys(listOf(rows), identity(3), rows.length, 2)).toBeNull();
  });

  it("every row's key stands for exactly its distinct ids, over thousands of lists", () => {
    // Enough distinct lists to grow the hash table several times.
    const rowArb = fc.array(fc.array(fc.nat(40), { maxLength: 6 }), { minLength: 1, maxLength: 3000 });
    fc.assert(
      fc.property(rowArb, (rows) => {
        const got = listKeys(listOf(rows), identity(41), rows.length, rows.length);
        expect(got).not.toBeNull();
        if (!got) return;
        rows.forEach((row, r) => expect(idsOfRow(got, r)).toEqual(distinct(row)));
        // Keys are distinct lists: no two keys stand for the same ids.
        const lists = new Set<string>();
        for (let k = 0; k + 1 < got.offsets.length; k++) {
          lists.add(Array.from(got.ids.subarray(got.offsets[k], got.offsets[k + 1])).join(','));
        }
        expect(lists.size).toBe(got.offsets.length - 1);
      }),
      { numRuns: 30 },
    );
  });
});

describe('ListKeysJob', () => {
  it('keys the rows a range at a time as listKeys does in one go, or gives up past the limit as it does', () => {
    const rowArb = fc.array(fc.array(fc.nat(12), { maxLength: 5 }), { maxLength: 300 });
    fc.assert(
      fc.property(rowArb, fc.integer({ min: 1, max: 40 }), fc.nat(60), (rows, budget, limit) => {
        const list = listOf(rows);
        const whole = listKeys(list, identity(13), rows.length, limit);
        const job = new ListKeysJob(list, identity(13), rows.length, limit);
        // Each call goes through at most `budget` rows: all but the last of these calls leave rows to
        // key, unless the job gave up past the limit.
        const calls = Math.max(1, Math.ceil(rows.length / budget));
        let done = false;
        for (let i = 1; i < calls && !done; i++) done = job.run(budget);
        expect(done && whole !== null).toBe(false);
        expect(done || job.run(budget)).toBe(true);
        expect(job.result()).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('names the rows not keyed yet when asked for its keys too soon', () => {
    const job = new ListKeysJob(listOf([[0], [1], [0]]), identity(2), 3, 10);
    expect(job.run(2)).toBe(false);
    expect(() => job.result()).toThrow('row keys: 1 of 3 rows not keyed yet');
  });
});

describe('spreadKeyCounts', () => {
  it('adds each key total to every id of the key', () => {
    const keys = listKeys(listOf([[0, 2], [1], []]), identity(3), 3, 10);
    expect(keys).not.toBeNull();
    if (!keys) return;
    const out = spreadKeyCounts(keys, Uint32Array.from([5, 2, 7]), new Uint32Array(3));
    expect(Array.from(out)).toEqual([5, 2, 5]);
  });

  it('sums the codes of one string for a scalar column', () => {
    const keys = scalarKeys(Uint32Array.from([0, 1, 2]), Uint32Array.from([0, 1, 0]));
    expect(Array.from(spreadKeyCounts(keys, Uint32Array.from([1, 2, 3]), new Uint32Array(2)))).toEqual([
      4, 2,
    ]);
  });
});

describe('countKeyPairs', () => {
  it('counts rows per key pair over the set rows, or over the rows left out', () => {
    const caseArb = fc
      .array(fc.tuple(fc.nat(3), fc.nat(2), fc.boolean()), { maxLength: 100 })
      .map((rows) => rows.map(([a, b, on]) => ({ a, b, on })));
    fc.assert(
      fc.property(caseArb, fc.boolean(), (rows, invert) => {
        const a = scalarKeys(Uint32Array.from(rows.map((r) => r.a)), identity(4));
        const b = scalarKeys(Uint32Array.from(rows.map((r) => r.b)), identity(3));
        const set = Bitset.fromIndices(
          rows.length,
          rows.flatMap((r, i) => (r.on ? [i] : [])),
        );
        const want = new Array<number>(12).fill(0);
        for (const r of rows) if (r.on !== invert) want[r.a * 3 + r.b] = (want[r.a * 3 + r.b] ?? 0) + 1;
        expect(Array.from(countKeyPairs(set, invert, a, b))).toEqual(want);
      }),
    );
  });
});
