import { useCallback, useLayoutEffect, useMemo } from 'react';
import {
  filterRows,
  mapFacets,
  SPEC_FACETS,
  type FacetCount,
  type FacetKey,
  type FacetSelection,
} from '../data/engine/facets';
import { RowBuffers } from '../data/engine/row-buffers';
import { sortRows } from '../data/engine/sort';
import { parseQuery, type QueryError, type SpecQuery } from '../data/query/parse-query';
import { queryMask } from '../data/query/query-mask';
import type { SpecTable } from '../data/spec-table';
import type { ViewState } from '../url/view-state';
import { useFacetCounts } from './use-facet-counts';
import { useFacetIndex } from './use-facet-index';

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

function hasFacetFilter(selection: FacetSelection): boolean {
  return SPEC_FACETS.some((f) => selection[f].include.length > 0 || selection[f].exclude.length > 0);
}

/** Every row in table order: the view before any filter, which needs no facet index. */
function allRows(count: number): Uint32Array {
  const rows = new Uint32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}

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
  const parsed = useMemo(() => parseQuery(queryText), [queryText]);
  const query = parsed.ok ? parsed.query : null;
  const selection = useMemo(
    () => mapFacets((facet) => (facet === 'tag' ? { include: [], exclude: [] } : view.facets[facet])),
    [view.facets],
  );
  const querying = query !== null && !isEmptyQuery(query);
  const index = useFacetIndex(table, querying || hasFacetFilter(selection));
  const mask = useMemo(() => {
    if (!table || !index || !query || !querying) return null;
    return queryMask(query, table, index);
  }, [table, index, query, querying]);
  const buffers = useMemo(() => (table ? new RowBuffers(table.count) : null), [table]);
  const filtered = useMemo(() => {
    if (!table || !buffers) return EMPTY;
    // No index yet means no filter and no query (see useFacetIndex): every row shows.
    if (!index) return allRows(table.count);
    // The query's rows need no copy when no facet narrows them (the copy is fresh memory too).
    const bits = mask && !hasFacetFilter(selection) ? mask : filterRows(index, selection, mask);
    return buffers.indicesOf(bits);
  }, [table, buffers, index, selection, mask]);
  // Once these rows are on screen, the next result goes to the other buffer. A layout effect, so that
  // it holds before anything can render again.
  useLayoutEffect(() => buffers?.hold(filtered), [buffers, filtered]);
  const counts = useFacetCounts(index, selection, mask);
  const countsOf = useCallback((facet: FacetKey) => counts?.[facet] ?? [], [counts]);
  const rows = useMemo(() => {
    if (!table || !view.sort) return filtered;
    return sortRows(table, filtered, view.sort.column, view.sort.desc);
  }, [table, filtered, view.sort]);
  return { rows, countsOf: counts ? countsOf : null, queryError: parsed.ok ? null : parsed.error };
}
