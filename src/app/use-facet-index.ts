import { useEffect, useState } from 'react';
import { FacetIndexBuilder, type FacetIndex } from '../data/engine/facets';
import type { SpecTable } from '../data/spec-table';
import { afterNextPaint } from '../lib/after-paint';

// Tables never change once loaded, so an index built for one (at once or over tasks) serves it for good,
// and a build spread over tasks and interrupted (the tags changed) goes on where it stopped.
const builders = new WeakMap<SpecTable, FacetIndexBuilder>();

function builderOf(table: SpecTable): FacetIndexBuilder {
  let builder = builders.get(table);
  if (!builder) {
    builder = new FacetIndexBuilder(table);
    builders.set(table, builder);
  }
  return builder;
}

/**
 * The facet index of `table`. Building it takes about a second at a million rows, and a view with
 * no filter and no query does not need it to show its rows: then it is built after the first rows are
 * painted, one facet per task so the page stays responsive (null until then, while the facets say they
 * are counting). With `needed` (a filter or a query is active) the rest is built at once, since the
 * rows depend on it.
 */
export function useFacetIndex(table: SpecTable | null, needed: boolean): FacetIndex | null {
  const [ready, setReady] = useState<{ table: SpecTable; index: FacetIndex } | null>(null);
  useEffect(() => {
    if (!table) return undefined;
    const builder = builderOf(table);
    let timer = 0;
    const step = () => {
      if (builder.step()) setReady({ table, index: builder.finish() });
      else timer = window.setTimeout(step, 0);
    };
    // After the next frame, and then in tasks of their own, so that frame paints the rows first.
    const cancelFirst = afterNextPaint(step);
    return () => {
      cancelFirst();
      window.clearTimeout(timer);
    };
  }, [table]);
  if (!table) return null;
  if (ready?.table === table) return ready.index;
  const builder = builderOf(table);
  return needed || builder.done ? builder.finish() : null;
}
