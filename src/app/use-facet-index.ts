import { useEffect, useState } from 'react';
import { buildFacetIndex, type FacetIndex } from '../data/engine/facets';
import type { SpecTable } from '../data/spec-table';

// Tables never change once loaded, so an index built for one (by either path below) serves it for good.
const built = new WeakMap<SpecTable, FacetIndex>();

function facetIndexOf(table: SpecTable): FacetIndex {
  let index = built.get(table);
  if (!index) {
    index = buildFacetIndex(table);
    built.set(table, index);
  }
  return index;
}

/**
 * The facet index of `table`. Building it takes about half a second at a million rows, and a view with
 * no filter and no query does not need it to show its rows: then it is built after the first rows are
 * painted (null until then, while the facets say they are counting). With `needed` (a filter or a query
 * is active) it is built at once, since the rows depend on it.
 */
export function useFacetIndex(table: SpecTable | null, needed: boolean): FacetIndex | null {
  const [ready, setReady] = useState<{ table: SpecTable; index: FacetIndex } | null>(null);
  useEffect(() => {
    if (!table) return undefined;
    let timer = 0;
    // After the next frame, and then in a task of its own, so that frame paints the rows first.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setReady({ table, index: facetIndexOf(table) }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [table]);
  if (!table) return null;
  if (ready?.table === table) return ready.index;
  return needed || built.has(table) ? facetIndexOf(table) : null;
}
