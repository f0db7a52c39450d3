import { describe, expect, it } from 'vitest';
import { facetOptions } from '../../../src/app/facet-options';

const counts = [
  { value: 'e4s', count: 10, selected: null },
  { value: 'hep', count: 4, selected: 'include' as const },
];

describe('facetOptions', () => {
  it('takes marks from the current selection, not from the (deferred) counts', () => {
    expect(facetOptions(counts, { include: ['e4s'], exclude: [] })).toEqual([
      { value: 'e4s', count: 10, selected: 'include' },
      { value: 'hep', count: 4, selected: null },
    ]);
  });
  it('lists selected values the counts do not have yet, with 0', () => {
    expect(facetOptions(counts, { include: ['new'], exclude: ['gone'] })).toEqual([
      { value: 'e4s', count: 10, selected: null },
      { value: 'hep', count: 4, selected: null },
      { value: 'new', count: 0, selected: 'include' },
      { value: 'gone', count: 0, selected: 'exclude' },
    ]);
  });
});
