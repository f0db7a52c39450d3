import { useCallback, useMemo } from 'react';
import {
  buildFacetIndex,
  filterRows,
  mapFacets,
  type FacetCount,
  type FacetKey,
} from '../data/engine/facets';
import { sortRows } from '../data/engine/sort';
import { parseQuery, type QueryError, type SpecQuery } from '../data/query/parse-query';
import { queryMask } from '../data/query/query-mask';
import type { SpecTable } from '../data/spec-table';
import type { ViewState } from '../url/view-state';
import { useFacetCounts } from './use-facet-counts';

export interface SpecView {
  /** Rows to show, filtered and sorted. */
  rows: Uint32Array;
  /**
   * Facet counts per facet. They trail the rows: counted after the rows are painted, in short slices
   * (null until the first counts are in), so counting never delays the rows of a keystroke or a click.
   */
  countsOf: ((facet: FacetKey) => FacetCount[]) | null;
  /** The error of the query text if it does not parse (a hand-edited link); it is then not applied. */
  queryError: QueryError | null;
}

const EMPTY = new Uint32Array(0);

function isEmptyQuery(q: SpecQuery): boolean {
  return (
    q.package === null &&
    q.versions.length === 0 &&
    q.variants.length === 0 &&
    q.compilers.length === 0 &&
    q.os === null &&
    q.target === null &&
    q.platform === null &&
    q.hashPrefixes.length === 0 &&
    q.text.length === 0
  );
}

/**
 * Everything the screen derives from the loaded table, the view state and the applied query text
 * (ahead of the URL while the user types), through the pure engine:
 * facet index (once per table), spec-query mask, facet filters, counts, sort.
 */
export function useSpecView(table: SpecTable | null, view: ViewState, queryText: string): SpecView {
  const index = useMemo(() => (table ? buildFacetIndex(table) : null), [table]);
  const parsed = useMemo(() => parseQuery(queryText), [queryText]);
  const query = parsed.ok ? parsed.query : null;
  const mask = useMemo(() => {
    if (!table || !index || !query || isEmptyQuery(query)) return null;
    return queryMask(query, table, index);
  }, [table, index, query]);
  const selection = useMemo(
    () => mapFacets((facet) => (facet === 'tag' ? { include: [], exclude: [] } : view.facets[facet])),
    [view.facets],
  );
  const filtered = useMemo(
    () => (index ? filterRows(index, selection, mask).toIndices() : EMPTY),
    [index, selection, mask],
  );
  const counts = useFacetCounts(index, selection, mask);
  const countsOf = useCallback((facet: FacetKey) => counts?.[facet] ?? [], [counts]);
  const rows = useMemo(() => {
    if (!table || !view.sort) return filtered;
    return sortRows(table, filtered, view.sort.column, view.sort.desc);
  }, [table, filtered, view.sort]);
  return { rows, countsOf: counts ? countsOf : null, queryError: parsed.ok ? null : parsed.error };
}
