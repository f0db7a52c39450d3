import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { SORT_COLUMNS, sortRows, type SortColumn } from '../../../src/data/engine/sort';
import type { SpecTable } from '../../../src/data/spec-table';
import { rowsOf, spec, tableArb, tableArbOf, tableOf } from './fixtures';
import { refSort } from './reference';
import { SMALL, labels } from './small-table';

const ALL = Uint32Array.from([0, 1, 2, 3, 4]);
const sorted = (column: SortColumn, desc: boolean, rows = ALL) =>
  labels(SMALL, sortRows(SMALL, rows, column, desc));

describe('sortRows on a small table', () => {
  it.each<[SortColumn, boolean, string[]]>([
    ['package', false, ['hdfone', 'hdftwo', 'zlibone', 'zlibtwo', 'zlibrel']],
    ['package', true, ['zlibone', 'zlibtwo', 'zlibrel', 'hdfone', 'hdftwo']],
    ['version', false, ['zlibtwo', 'zlibone', 'zlibrel', 'hdftwo', 'hdfone']],
    ['version', true, ['hdfone', 'hdftwo', 'zlibone', 'zlibrel', 'zlibtwo']],
    ['size', false, ['hdfone', 'zlibone', 'hdftwo', 'zlibtwo', 'zlibrel']],
    ['size', true, ['hdftwo', 'zlibone', 'hdfone', 'zlibrel', 'zlibtwo']],
    ['stacks', false, ['hdftwo', 'zlibtwo', 'zlibrel', 'hdfone', 'zlibone']],
    ['hash', false, ['hdfone', 'hdftwo', 'zlibone', 'zlibrel', 'zlibtwo']],
    ['hash', true, ['zlibtwo', 'zlibrel', 'zlibone', 'hdftwo', 'hdfone']],
    ['tag', true, ['zlibrel', 'hdfone', 'hdftwo', 'zlibone', 'zlibtwo']],
    ['compiler', false, ['zlibtwo', 'hdfone', 'zlibone', 'zlibrel', 'hdftwo']],
    ['variants', false, ['zlibone', 'zlibrel', 'hdfone', 'hdftwo', 'zlibtwo']],
  ])('sorts by %s (desc: %s)', (column, desc, expected) => {
    expect(sorted(column, desc)).toEqual(expected);
  });

  it('sorts a subset and keeps ties in the order given', () => {
    expect(sorted('package', false, Uint32Array.from([4, 3, 0, 2]))).toEqual([
      'hdfone',
      'zlibrel',
      'zlibtwo',
      'zlibone',
    ]);
    expect(sorted('os', true, Uint32Array.from([4, 3, 2]))).toEqual(['zlibrel', 'zlibone', 'zlibtwo']);
  });

  it('does not modify its input and handles no rows', () => {
    const rows = Uint32Array.from([4, 0]);
    sortRows(SMALL, rows, 'hash', false);
    expect(Array.from(rows)).toEqual([4, 0]);
    expect(sortRows(SMALL, new Uint32Array(0), 'size', true)).toHaveLength(0);
    expect(sortRows(tableOf([]), new Uint32Array(0), 'stacks', false)).toHaveLength(0);
  });

  it('orders versions numerically and packages naturally', () => {
    const t = tableOf([
      [
        'develop',
        ['1.10', '1.9', '1.2.11', '1.2', '1.develop'].map((v, i) =>
          spec({ hash: `${'bcdefg'[i] ?? 'z'}`.repeat(32), package: `a${10 - i}`, versions: [v] }),
        ),
      ],
    ]);
    const versions = (desc: boolean) =>
      Array.from(
        sortRows(t, Uint32Array.from([0, 1, 2, 3, 4]), 'version', desc),
        (r) => t.dicts.version[t.versions.values[r] ?? 0],
      );
    expect(versions(false)).toEqual(['1.2', '1.2.11', '1.9', '1.10', '1.develop']);
    const pkgs = Array.from(
      sortRows(t, Uint32Array.from([0, 1, 2, 3, 4]), 'package', false),
      (r) => t.dicts.package[t.package[r] ?? 0],
    );
    expect(pkgs).toEqual(['a6', 'a7', 'a8', 'a9', 'a10']);
  });
});

describe('sortRows (properties)', () => {
  const caseOf = (tables: fc.Arbitrary<SpecTable>, maxRows: number) =>
    tables.chain((table) =>
      fc.tuple(
        fc.constant(table),
        fc.array(fc.nat({ max: Math.max(0, table.count - 1) }), {
          maxLength: table.count === 0 ? 0 : maxRows,
        }),
        fc.constantFrom(...SORT_COLUMNS),
        fc.boolean(),
      ),
    );
  const caseArb = caseOf(tableArb, 40);

  it('matches a stable brute-force sort over records, for every column and direction', () => {
    fc.assert(
      fc.property(caseArb, ([table, rows, column, desc]) => {
        const got = sortRows(table, Uint32Array.from(rows), column, desc);
        expect(Array.from(got)).toEqual(refSort(rowsOf(table), rows, column, desc));
      }),
      { numRuns: 300 },
    );
  });

  it('matches the brute-force sort on larger tables, where ranks come from radix passes over many rows', () => {
    fc.assert(
      fc.property(caseOf(tableArbOf(200, 60), 300), ([table, rows, column, desc]) => {
        const got = sortRows(table, Uint32Array.from(rows), column, desc);
        expect(Array.from(got)).toEqual(refSort(rowsOf(table), rows, column, desc));
      }),
      { numRuns: 40 },
    );
  });
});
