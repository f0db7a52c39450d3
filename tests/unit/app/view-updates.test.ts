import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  clearFilters,
  openPackage,
  removeFilter,
  setFacetValue,
} from '../../../src/app/view-updates';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../../src/url/view-state';

const base: ViewState = {
  ...DEFAULT_VIEW_STATE,
  tags: ['v1'],
  sort: { column: 'size', desc: true },
  hash: 'abcdefg',
};

describe('setFacetValue', () => {
  it.each([
    [[], [], 'include', ['x'], []],
    [[], [], 'exclude', [], ['x']],
    [['x'], [], 'exclude', [], ['x']],
    [[], ['x'], 'include', ['x'], []],
    [['x', 'y'], [], null, ['y'], []],
    [[], ['x'], null, [], []],
  ] as const)('include %j exclude %j, set %s → include %j exclude %j', (inc, exc, mark, wantInc, wantExc) => {
    const view = { ...base, facets: { ...base.facets, os: { include: inc, exclude: exc } } };
    const next = setFacetValue(view, 'os', 'x', mark);
    expect(next.facets.os).toEqual({ include: wantInc, exclude: wantExc });
    expect(next.facets.package).toBe(view.facets.package);
    expect(view.facets.os).toEqual({ include: inc, exclude: exc });
  });
});

describe('filters and chips', () => {
  const view = setFacetValue(
    setFacetValue({ ...base, q: '+mpi' }, 'stack', 'e4s', 'include'),
    'variant',
    '~cuda',
    'exclude',
  );
  it('lists active filters in URL order with the query last', () => {
    expect(activeFilters(view)).toEqual([
      { facet: 'stack', value: 'e4s', excluded: false },
      { facet: 'variant', value: '~cuda', excluded: true },
      { facet: 'q', value: '+mpi', excluded: false },
    ]);
  });
  it('removes one filter at a time', () => {
    expect(activeFilters(removeFilter(view, { facet: 'q', value: '+mpi', excluded: false }))).toHaveLength(2);
    expect(
      removeFilter(view, { facet: 'variant', value: '~cuda', excluded: true }).facets.variant.exclude,
    ).toEqual([]);
  });
  it('clear all keeps tags, sort, view and the selected hash', () => {
    const cleared = clearFilters(view);
    expect(activeFilters(cleared)).toEqual([]);
    expect(cleared).toMatchObject({ tags: ['v1'], sort: { column: 'size', desc: true }, hash: 'abcdefg' });
  });
  it('opening a package from the summary shows its specs only', () => {
    const next = openPackage(
      { ...view, view: 'packages', facets: { ...view.facets, package: { include: ['a'], exclude: ['b'] } } },
      'hdf5',
    );
    expect(next.view).toBe('specs');
    expect(next.facets.package).toEqual({ include: ['hdf5'], exclude: [] });
    expect(next.facets.stack).toEqual(view.facets.stack);
  });
});
