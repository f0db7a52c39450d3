import { useEffect, useState } from 'react';
import { FacetIndexBuilder } from '../data/engine/facet-index-builder';
import type { FacetIndex } from '../data/engine/facets';
import type { SpecTable } from '../data/spec-table';
import { afterNextPaint } from '../lib/after-paint';
import { runInSlices } from './run-in-slices';

// Tables never change once loaded, so an index built for one (at once or over tasks) serves it for good,
// and a build spread over tasks and interrupted (the tags changed) goes on where it stopped.
const builders = new WeakMap<SpecTable, FacetIndexBuilder>();

/** The builder's steps, for runInSlices: its index once every part is built. */
function* indexSteps(builder: FacetIndexBuilder): Generator<void, FacetIndex> {
  while (!builder.step()) yield;
  return builder.finish();
}

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
 * painted, in tasks of a few milliseconds so the page stays responsive (null until then, while the
 * facets say they are counting). With `needed` (a filter or a query is active) the rest is built at
 * once, since the rows depend on it.
 */
export function useFacetIndex(table: SpecTable | null, needed: boolean): FacetIndex | null {
  const [ready, setReady] = useState<{ table: SpecTable; index: FacetIndex } | null>(null);
  useEffect(() => {
    if (!table) return undefined;
    const builder = builderOf(table);
    // A step goes through at most ROWS_PER_STEP rows (10 to 15 ms for the variant facet at a million
    // rows); steps run in slices of a few milliseconds, so the page stays responsive while it builds.
    const controller = new AbortController();
    // After the next frame, so that frame paints the rows first.
    const cancelFirst = afterNextPaint(() => {
      runInSlices(indexSteps(builder), controller.signal).then(
        (index) => setReady({ table, index }),
        (error: unknown) => {
          // Aborted: the table changed, and its build goes on where it stopped when it is shown again.
          if (!controller.signal.aborted) throw error;
        },
      );
    });
    return () => {
      cancelFirst();
      controller.abort();
    };
  }, [table]);
  if (!table) return null;
  if (ready?.table === table) return ready.index;
  const builder = builderOf(table);
  return needed || builder.done ? builder.finish() : null;
}
