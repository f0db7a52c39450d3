import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Bitset } from '../../../src/data/engine/bitset';
import { bitsetOrder, rangeOrder, type RowOrder } from '../../../src/data/engine/row-order';

/** Everything a RowOrder says, read through each of its methods, against the rows it should hold. */
function expectOrder(order: RowOrder, want: readonly number[]) {
  expect(order.length).toBe(want.length);
  const read: Array<number | undefined> = [];
  for (let p = 0; p < want.length; p++) read.push(order.at(p));
  expect(read).toEqual(want);
  const seen: number[] = [];
  order.forEach((row) => seen.push(row));
  expect(seen).toEqual(want);
  // Past either end, from the end, and not whole numbers: as Array#at reads them.
  const n = want.length;
  for (const p of [n, n + 1, -1, -3, -n, -n - 1, 0.5, n - 0.5, -0.5, Number.NaN, Infinity, -Infinity]) {
    expect(order.at(p), `at(${p})`).toBe(want.at(p));
  }
}

/** Sizes across several 1,024-row blocks of the rank directory, with dense runs and scattered rows. */
const bitsets = fc
  .integer({ min: 0, max: 5000 })
  .chain((size) =>
    fc.tuple(
      fc.constant(size),
      fc.array(fc.tuple(fc.nat({ max: 5000 }), fc.nat({ max: 1500 })), { maxLength: 3 }),
      fc.array(fc.nat({ max: 5000 }), { maxLength: 200 }),
    ),
  )
  .map(([size, runs, scattered]) => {
    const rows = new Set<number>();
    for (const [start, length] of runs)
      for (let i = start; i < Math.min(size, start + length); i++) rows.add(i);
    for (const i of scattered) if (i < size) rows.add(i);
    return { size, rows: [...rows].sort((a, b) => a - b) };
  });

describe('bitsetOrder', () => {
  it('reads the set rows in ascending order, by position and in turn', () => {
    fc.assert(
      fc.property(bitsets, ({ size, rows }) => {
        expectOrder(bitsetOrder(Bitset.fromIndices(size, rows)), rows);
      }),
      { numRuns: 150 },
    );
  });

  it.each([0, 1, 1023, 1024, 1025, 33 * 32, 4096])('reads a full set of %i rows', (size) => {
    expectOrder(
      bitsetOrder(Bitset.full(size)),
      Array.from({ length: size }, (_, i) => i),
    );
  });

  it('finds the position of the first row that passes a test, or -1', () => {
    fc.assert(
      fc.property(bitsets, fc.integer({ min: 1, max: 50 }), fc.nat({ max: 49 }), ({ size, rows }, k, r) => {
        const test = (row: number) => row % k === r % k;
        expect(bitsetOrder(Bitset.fromIndices(size, rows)).findIndex(test)).toBe(rows.findIndex(test));
      }),
      { numRuns: 150 },
    );
  });
});

describe('rangeOrder', () => {
  it.each([0, 1, 7, 2000])('holds rows 0 … %i − 1 in table order', (count) => {
    const want = Array.from({ length: count }, (_, i) => i);
    const order = rangeOrder(count);
    expectOrder(order, want);
    expect(order.findIndex((row) => row === count - 1)).toBe(count - 1);
    expect(order.findIndex((row) => row === count)).toBe(-1);
  });
});
