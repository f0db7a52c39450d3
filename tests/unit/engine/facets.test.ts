import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Bitset } from '../../../src/data/engine/bitset';
import { buildFacetIndex } from '../../../src/data/engine/facet-index-builder';
import {
  emptySelection,
  filterRows,
  type FacetKey,
  type FacetSelection,
} from '../../../src/data/engine/facets';
import { facetCountJob, facetCounts } from '../../../src/data/engine/facet-count-job';
import { FACETS, dictsOf, maskArb, maskFor, rowsOf, selectionArb, spec, tableArb, tableOf } from './fixtures';
import { refFacetCounts, refFilter } from './reference';
import { SMALL, labels } from './small-table';

type Partial2 = Partial<Record<FacetKey, { include?: string[]; exclude?: string[] }>>;

function sel(parts: Partial2): FacetSelection {
  const out = emptySelection();
  for (const facet of FACETS) {
    const f = parts[facet];
    if (f) out[facet] = { include: f.include ?? [], exclude: f.exclude ?? [] };
  }
  return out;
}

const index = buildFacetIndex(SMALL);
const filtered = (s: Partial2, extra?: Bitset) => labels(SMALL, filterRows(index, sel(s), extra).toIndices());

describe('filterRows on a small table', () => {
  it('has the rows in the expected order', () => {
    expect(labels(SMALL, [0, 1, 2, 3, 4])).toEqual(['hdfone', 'hdftwo', 'zlibone', 'zlibtwo', 'zlibrel']);
  });

  it.each<[string, Partial2, string[]]>([
    ['nothing selected', {}, ['hdfone', 'hdftwo', 'zlibone', 'zlibtwo', 'zlibrel']],
    ['one package', { package: { include: ['zlib'] } }, ['zlibone', 'zlibtwo', 'zlibrel']],
    [
      'two packages, OR',
      { package: { include: ['zlib', 'hdf5'] } },
      ['hdfone', 'hdftwo', 'zlibone', 'zlibtwo', 'zlibrel'],
    ],
    ['a list value', { stack: { include: ['e4s'] } }, ['hdfone', 'zlibone']],
    [
      'any of two list values',
      { stack: { include: ['e4s', 'e4s-oneapi'] } },
      ['hdfone', 'hdftwo', 'zlibone'],
    ],
    ['an excluded list value', { variant: { exclude: ['+shared'] } }, ['zlibtwo']],
    [
      'include and exclude in one facet',
      { variant: { include: ['+shared'], exclude: ['~mpi'] } },
      ['hdfone', 'zlibone', 'zlibrel'],
    ],
    [
      'AND across facets',
      { package: { include: ['zlib'] }, tag: { include: ['develop'] } },
      ['zlibone', 'zlibtwo'],
    ],
    ['a value both included and excluded', { package: { include: ['zlib'], exclude: ['zlib'] } }, []],
    ['an unknown include', { package: { include: ['nope'] } }, []],
    ['an unknown and a known include', { package: { include: ['nope', 'hdf5'] } }, ['hdfone', 'hdftwo']],
    [
      'an unknown exclude',
      { package: { exclude: ['nope'] } },
      ['hdfone', 'hdftwo', 'zlibone', 'zlibtwo', 'zlibrel'],
    ],
    ['a version', { version: { include: ['1.3'] } }, ['zlibone', 'zlibrel']],
    [
      'an excluded compiler',
      { compiler: { exclude: ['none', 'gcc@9.4.0'] } },
      ['hdfone', 'zlibone', 'zlibrel'],
    ],
  ])('filters by %s', (_, s, expected) => {
    expect(filtered(s)).toEqual(expected);
  });

  it('intersects with the extra mask and leaves the mask untouched', () => {
    const extra = Bitset.fromIndices(SMALL.count, [0, 2, 4]);
    expect(filtered({ package: { include: ['zlib'] } }, extra)).toEqual(['zlibone', 'zlibrel']);
    expect(Array.from(extra.toIndices())).toEqual([0, 2, 4]);
  });

  it('rejects an extra mask of the wrong size', () => {
    expect(() => filterRows(index, emptySelection(), new Bitset(SMALL.count + 1))).toThrow(RangeError);
  });

  it('accepts a partial selection', () => {
    expect(filterRows(index, { os: { include: ['rhel8'], exclude: [] } }).count()).toBe(1);
  });
});

describe('facetCounts on a small table', () => {
  const pairs = (s: Partial2, facet: FacetKey) =>
    facetCounts(index, sel(s))[facet].map((e) => [e.value, e.count, e.selected]);

  it('counts every row with nothing selected, versions in version order', () => {
    expect(pairs({}, 'package')).toEqual([
      ['zlib', 3, null],
      ['hdf5', 2, null],
    ]);
    expect(pairs({}, 'stack')).toEqual([
      ['root', 4, null],
      ['e4s', 2, null],
      ['e4s-oneapi', 1, null],
    ]);
    expect(pairs({}, 'version')).toEqual([
      ['1.3', 2, null],
      ['1.2.11', 1, null],
      ['1.9', 1, null],
      ['1.10', 1, null],
    ]);
    expect(pairs({}, 'tag')).toEqual([
      ['develop', 4, null],
      ['v0.23.0', 1, null],
    ]);
  });

  it("does not narrow a facet's counts by its own includes, but narrows the others", () => {
    const s = { package: { include: ['zlib'] } };
    expect(pairs(s, 'package')).toEqual([
      ['zlib', 3, 'include'],
      ['hdf5', 2, null],
    ]);
    expect(pairs(s, 'os')).toEqual([
      ['ubuntu22.04', 2, null],
      ['rhel8', 1, null],
    ]);
  });

  it("narrows a facet's counts by its own excludes; excluded values stay listed with 0", () => {
    expect(pairs({ compiler: { exclude: ['none'] } }, 'compiler')).toEqual([
      ['gcc@11.4.0', 3, null],
      ['gcc@9.4.0', 1, null],
      ['none', 0, 'exclude'],
    ]);
  });

  it('counts a list value once per row and lists unknown selected values last', () => {
    const s = { variant: { include: ['+shared', 'bogus'] } };
    expect(pairs(s, 'variant')).toEqual([
      ['+shared', 4, 'include'],
      ['+mpi', 1, null],
      ['~mpi', 1, null],
      ['~shared', 1, null],
      ['bogus', 0, 'include'],
    ]);
    expect(pairs({ target: { include: ['sparc'] } }, 'package')).toEqual([]);
  });

  it('marks a value both included and excluded as excluded', () => {
    expect(pairs({ os: { include: ['rhel8'], exclude: ['rhel8'] } }, 'os')).toEqual([
      ['ubuntu22.04', 4, null],
      ['rhel8', 0, 'exclude'],
    ]);
  });

  it('handles an empty table', () => {
    const empty = buildFacetIndex(tableOf([]));
    expect(filterRows(empty, emptySelection()).count()).toBe(0);
    expect(facetCounts(empty, sel({ os: { include: ['x'] } })).os).toEqual([
      { value: 'x', count: 0, selected: 'include' },
    ]);
  });

  it('keeps counts per string when a dictionary repeats a string', () => {
    const t = tableOf([['develop', [spec({ os: 'a' }), spec({ os: 'b', hash: 'b'.repeat(32) })]]]);
    t.dicts.os.push('a');
    t.os[1] = 2;
    const i = buildFacetIndex(t);
    expect(facetCounts(i, emptySelection()).os).toEqual([{ value: 'a', count: 2, selected: null }]);
    expect(filterRows(i, sel({ os: { exclude: ['a'] } })).count()).toBe(0);
  });
});

describe('filterRows and facetCounts (properties)', () => {
  const caseArb = fc.tuple(tableArb, selectionArb, maskArb);

  it('filterRows matches a brute-force filter over records', () => {
    fc.assert(
      fc.property(caseArb, ([table, selection, bits]) => {
        const got = filterRows(buildFacetIndex(table), selection, maskFor(table, bits));
        expect(Array.from(got.toIndices())).toEqual(refFilter(rowsOf(table), selection, bits));
      }),
    );
  });

  // keyLimit 0: list facets counted through their lists, as when a column's lists are too varied.
  it.each([{ keyLimit: undefined }, { keyLimit: 0 }])(
    'facetCounts (keyLimit $keyLimit) matches a brute-force count over records',
    ({ keyLimit }) => {
      fc.assert(
        fc.property(caseArb, ([table, selection, bits]) => {
          const got = facetCounts(buildFacetIndex(table, { keyLimit }), selection, maskFor(table, bits));
          expect(got).toEqual(refFacetCounts(rowsOf(table), dictsOf(table), selection, bits));
        }),
      );
    },
  );

  it('the job gives the same counts when it yields after every block of words and every facet', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 3 }), ([table, selection, bits], blockWords) => {
        const job = facetCountJob(buildFacetIndex(table), selection, maskFor(table, bits), blockWords);
        let slices = 1;
        while (!job.run(() => true)) slices++;
        expect(slices).toBeGreaterThanOrEqual(FACETS.length - 1);
        expect(job.result()).toEqual(refFacetCounts(rowsOf(table), dictsOf(table), selection, bits));
      }),
    );
  });

  it('a job asked for its result before it is done says so instead of returning partial counts', () => {
    const job = facetCountJob(buildFacetIndex(tableOf([['t', [spec({ os: 'a' })]]])), emptySelection());
    expect(job.run(() => true)).toBe(false);
    expect(() => job.result()).toThrow(/is not counted yet/);
  });

  it("a value's count is the size of the result with that value as its facet's only include", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...FACETS), ([table, selection, bits], facet) => {
        const idx = buildFacetIndex(table);
        const extra = maskFor(table, bits);
        for (const { value, count } of facetCounts(idx, selection, extra)[facet]) {
          const only = { ...selection, [facet]: { include: [value], exclude: selection[facet].exclude } };
          expect(filterRows(idx, only, extra).count()).toBe(count);
        }
      }),
    );
  });
});
