import type { FacetMark, FacetOption } from '../components/filter-bar/facet-list';
import type { FacetCount } from '../data/engine/facets';
import type { FacetSelection } from '../url/view-state';

/**
 * Facet options for the filter bar: counts from the engine (possibly behind, since they are counted
 * after the rows are painted), marks from the current selection, so a checkbox reflects a click at once. A selected value
 * the counts do not list yet is shown with 0 until they catch up.
 */
export function facetOptions(counts: readonly FacetCount[], selection: FacetSelection): FacetOption[] {
  const included = new Set(selection.include);
  const excluded = new Set(selection.exclude);
  const mark = (value: string): FacetMark =>
    excluded.has(value) ? 'exclude' : included.has(value) ? 'include' : null;
  const listed = new Set(counts.map((c) => c.value));
  return [
    ...counts.map((c) => ({ value: c.value, count: c.count, selected: mark(c.value) })),
    ...[...included, ...excluded]
      .filter((value) => !listed.has(value))
      .map((value) => ({ value, count: 0, selected: mark(value) })),
  ];
}
