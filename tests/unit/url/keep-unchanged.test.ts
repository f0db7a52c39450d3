import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { keepUnchanged } from '../../../src/url/keep-unchanged';
import {
  DEFAULT_VIEW_STATE,
  FACET_KEYS,
  SORT_COLUMNS,
  VIEW_MODES,
  facetRecord,
  type ViewState,
} from '../../../src/url/view-state';

// Few values, so that two generated states often share parts.
const listArb = fc.array(fc.constantFrom('a', 'b', 'e4s'), { maxLength: 2 });
const stateArb: fc.Arbitrary<ViewState> = fc.record({
  tags: listArb,
  facets: fc
    .array(fc.record({ include: listArb, exclude: listArb }), {
      minLength: FACET_KEYS.length,
      maxLength: FACET_KEYS.length,
    })
    .map((list) => facetRecord((key) => list[FACET_KEYS.indexOf(key)] ?? { include: [], exclude: [] })),
  q: fc.constantFrom('', 'hdf5', 'hdf5 +mpi'),
  hash: fc.constantFrom(null, 'abcdefg'),
  sort: fc.option(fc.record({ column: fc.constantFrom(...SORT_COLUMNS), desc: fc.boolean() })),
  view: fc.constantFrom(...VIEW_MODES),
});

describe('keepUnchanged', () => {
  it('gives a state equal to the new one', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (prev, next) => {
        expect(keepUnchanged(prev, next)).toEqual(next);
      }),
    );
  });

  it('gives the old state itself for an equal copy', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(keepUnchanged(state, structuredClone(state))).toBe(state);
      }),
    );
  });

  it('keeps the old objects of the parts that did not change', () => {
    fc.assert(
      fc.property(stateArb, stateArb, (prev, next) => {
        const got = keepUnchanged(prev, structuredClone(next));
        for (const key of FACET_KEYS) {
          if (JSON.stringify(prev.facets[key]) === JSON.stringify(next.facets[key])) {
            expect(got.facets[key]).toBe(prev.facets[key]);
          }
        }
        if (JSON.stringify(prev.facets) === JSON.stringify(next.facets)) expect(got.facets).toBe(prev.facets);
        if (JSON.stringify(prev.tags) === JSON.stringify(next.tags)) expect(got.tags).toBe(prev.tags);
        if (JSON.stringify(prev.sort) === JSON.stringify(next.sort)) expect(got.sort).toBe(prev.sort);
      }),
    );
  });

  it('shares everything but the query when only the query changed', () => {
    const prev: ViewState = {
      ...DEFAULT_VIEW_STATE,
      tags: ['develop'],
      facets: facetRecord((key) =>
        key === 'stack' ? { include: ['e4s'], exclude: [] } : { include: [], exclude: [] },
      ),
      sort: { column: 'package', desc: false },
    };
    const got = keepUnchanged(prev, { ...structuredClone(prev), q: 'zlib' });
    expect(got).not.toBe(prev);
    expect(got.q).toBe('zlib');
    expect(got.facets).toBe(prev.facets);
    expect(got.tags).toBe(prev.tags);
    expect(got.sort).toBe(prev.sort);
  });
});
