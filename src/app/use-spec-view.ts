import { useCallback, useMemo } from 'react';
import {
  filterRows,
  mapFacets,
  SPEC_FACETS,
  type FacetCount,
  type FacetKey,
  type FacetSelection,
} from '../data/engine/facets';
import type { Bitset } from '../data/engine/bitset';
import { bitsetOrder, rangeOrder, type RowOrder } from '../data/engine/row-order';
import { sortRows } from '../data/engine/sort';
import { parseQuery, type QueryError, type SpecQuery, type VariantTerm } from '../data/query/parse-query';
import { queryMask } from '../data/query/query-mask';
import { isWantedVariant } from '../data/query/query-terms';
import type { SpecTable } from '../data/spec-table';
import type { ViewState } from '../url/view-state';
import { useEngineWarmUp } from './use-engine-warm-up';
import { useFacetCounts } from './use-facet-counts';
import { useFacetIndex } from './use-facet-index';

export interface SpecView {
  /**
   * Rows to show, filtered and sorted. An unsorted result reads the filter's bitset, which nothing
   * changes afterwards: each filter makes a new one.
   */
  rows: RowOrder;
  /**
   * Facet counts per facet. They trail the rows: counted after the rows are painted, in short slices
   * (null until the first counts are in), so counting never delays the rows of a keystroke or a click.
   */
  countsOf: ((facet: FacetKey) => FacetCount[]) | null;
  /** The error of the query text if it does not parse (a hand-edited link); it is then not applied. */
  queryError: QueryError | null;
  /** Whether a variant token is asked for by the query or the variant facet; null when none is. */
  leadVariant: VariantLead;
}

const EMPTY = rangeOrder(0);

function hasFacetFilter(selection: FacetSelection): boolean {
  return SPEC_FACETS.some((f) => selection[f].include.length > 0 || selection[f].exclude.length > 0);
}

/**
 * One buffer per table for a sort's input, reused: sortRows copies the rows into a new array, so the
 * input is free again once it returns. A fresh buffer of a broad result's size costs more to fault in
 * than the sort itself (about 6 ms for 230,000 rows in headless Chromium on the bench machine).
 */
const sortBuffers = new WeakMap<SpecTable, Uint32Array>();

/** The rows to sort, written out: the filter's rows, or every row when nothing filters. */
function sortInput(table: SpecTable, filtered: Bitset | null): Uint32Array {
  let buffer = sortBuffers.get(table);
  if (!buffer) sortBuffers.set(table, (buffer = new Uint32Array(table.count)));
  if (filtered) return filtered.toIndices(buffer);
  for (let row = 0; row < table.count; row++) buffer[row] = row;
  return buffer;
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

type VariantLead = ((token: string) => boolean) | null;
let lastLead: { key: string; lead: VariantLead } | null = null;

/**
 * Which variant tokens the query's variant terms and the variant facet ask for. The same function for
 * the same terms and values: every query text parses to a new query, and a new function would render
 * every row in view again on a keystroke that leaves the variants asked for as they were ("hdf5 +mpi "
 * → "hdf5 +mpi o").
 */
function variantLead(terms: readonly VariantTerm[], included: readonly string[]): VariantLead {
  const key = JSON.stringify([terms, included]);
  if (lastLead?.key === key) return lastLead.lead;
  let lead: VariantLead = null;
  if (terms.length > 0 || included.length > 0) {
    const wanted = isWantedVariant(terms);
    const picked = new Set(included);
    lead = (token) => picked.has(token) || wanted(token);
  }
  lastLead = { key, lead };
  return lead;
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
  // The filter's rows stay a bitset: the table reads the few it shows by position, so a keystroke does
  // not write out every index of a broad result; a sort reads them from the bitset.
  const filtered = useMemo(() => {
    if (!table || !index) return null;
    // The query's rows need no copy when no facet narrows them.
    return mask && !hasFacetFilter(selection) ? mask : filterRows(index, selection, mask);
  }, [table, index, selection, mask]);
  const counts = useFacetCounts(index, selection, mask);
  const countsOf = useCallback((facet: FacetKey) => counts?.[facet] ?? [], [counts]);
  // Once loaded and counted, with nothing asked for yet: the engine's code is run before the user's
  // first query needs it.
  useEngineWarmUp(table, index, counts !== null && !querying && !hasFacetFilter(selection));
  const rows = useMemo((): RowOrder => {
    if (!table) return EMPTY;
    // No index yet means no filter and no query (see useFacetIndex): every row shows.
    if (!view.sort) return filtered ? bitsetOrder(filtered) : rangeOrder(table.count);
    const { column, desc } = view.sort;
    return sortRows(table, sortInput(table, filtered), column, desc);
  }, [table, filtered, view.sort]);
  const included = view.facets.variant.include;
  const leadVariant = useMemo(() => variantLead(query?.variants ?? [], included), [query, included]);
  return {
    rows,
    countsOf: counts ? countsOf : null,
    queryError: parsed.ok ? null : parsed.error,
    leadVariant,
  };
}
