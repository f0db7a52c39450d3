import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { countBy, crossCount } from '../../../src/data/engine/aggregate';
import { buildFacetIndex } from '../../../src/data/engine/facet-index-builder';
import { Bitset } from '../../../src/data/engine/bitset';
import { FACETS, rowsOf, tableArb } from './fixtures';
import { refCountBy, refCrossCount } from './reference';
import { SMALL } from './small-table';

describe('countBy and crossCount on a small table', () => {
  it('counts values over a bitset or an index list', () => {
    expect(countBy(SMALL, Bitset.full(SMALL.count), 'os')).toEqual([
      { value: 'ubuntu22.04', count: 4 },
      { value: 'rhel8', count: 1 },
    ]);
    expect(countBy(SMALL, Uint32Array.from([0, 1]), 'variant')).toEqual([
      { value: '+shared', count: 2 },
      { value: '+mpi', count: 1 },
      { value: '~mpi', count: 1 },
    ]);
    expect(countBy(SMALL, new Uint32Array(0), 'package')).toEqual([]);
  });

  it('builds a stack × target matrix', () => {
    expect(crossCount(SMALL, Bitset.full(SMALL.count), 'stack', 'target')).toEqual({
      a: ['root', 'e4s', 'e4s-oneapi'],
      b: ['x86_64_v3', 'neoverse_v2'],
      counts: [
        [3, 1],
        [1, 1],
        [1, 0],
      ],
    });
  });

  it('crosses a list facet with itself as co-occurrence', () => {
    expect(crossCount(SMALL, Bitset.full(SMALL.count), 'stack', 'stack').counts).toEqual([
      [4, 2, 0],
      [2, 2, 0],
      [0, 0, 1],
    ]);
  });
});

describe('countBy and crossCount (properties)', () => {
  const caseArb = tableArb.chain((table) =>
    fc.tuple(
      fc.constant(table),
      fc.array(fc.nat({ max: Math.max(0, table.count - 1) }), { maxLength: table.count === 0 ? 0 : 40 }),
      fc.constantFrom(...FACETS),
      fc.constantFrom(...FACETS),
    ),
  );

  it('countBy matches a brute-force count over records', () => {
    fc.assert(
      fc.property(caseArb, ([table, rows, facet]) => {
        expect(countBy(table, Uint32Array.from(rows), facet)).toEqual(refCountBy(rowsOf(table), rows, facet));
      }),
    );
  });

  it('crossCount matches a brute-force count over records', () => {
    fc.assert(
      fc.property(caseArb, ([table, rows, fa, fb]) => {
        expect(crossCount(table, Uint32Array.from(rows), fa, fb)).toEqual(
          refCrossCount(rowsOf(table), rows, fa, fb),
        );
      }),
    );
  });

  // Mostly-set masks make the complement path (count the rows left out) the one taken.
  const setArb = tableArb.chain((table) =>
    fc.tuple(
      fc.constant(table),
      fc.array(fc.boolean(), { minLength: table.count, maxLength: table.count }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: table.count,
        maxLength: table.count,
      }),
      fc.constantFrom(...FACETS),
      fc.constantFrom(...FACETS),
    ),
  );
  const maskOf = (flags: boolean[], skew: number[]) =>
    flags.flatMap((on, row) => (on || (skew[row] ?? 0) < 0.7 ? [row] : []));

  // keyLimit 0: list facets without row keys, as when a column's lists are too varied.
  it.each([{ keyLimit: undefined }, { keyLimit: 0 }])(
    'with the facet index (keyLimit $keyLimit) and a row set, countBy and crossCount still match the brute force',
    ({ keyLimit }) => {
      fc.assert(
        fc.property(setArb, ([table, flags, skew, fa, fb]) => {
          const rows = maskOf(flags, skew);
          const set = Bitset.fromIndices(table.count, rows);
          const index = buildFacetIndex(table, { keyLimit });
          expect(countBy(table, set, fa, index)).toEqual(refCountBy(rowsOf(table), rows, fa));
          // Twice: the second call reads the whole-table matrix kept from the first.
          for (let i = 0; i < 2; i++) {
            expect(crossCount(table, set, fa, fb, index)).toEqual(refCrossCount(rowsOf(table), rows, fa, fb));
          }
        }),
      );
    },
  );
});
