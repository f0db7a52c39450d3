import { useEffect, useState } from 'react';
import type { Bitset } from '../data/engine/bitset';
import { facetCountJob } from '../data/engine/facet-count-job';
import type { FacetCount, FacetIndex, FacetKey, FacetSelection } from '../data/engine/facets';
import { afterNextPaint } from '../lib/after-paint';
import { taskQueue } from './task-queue';

/** Longest stretch of counting before the browser gets the thread back for input and frames. */
const SLICE_MS = 6;

/**
 * Facet counts for the current filters, computed after the rows are painted, in slices of a few
 * milliseconds, and dropped as soon as the filters change again: at a million rows counting takes longer
 * than a frame, so doing it in the keystroke's render would delay the rows and the next keystroke.
 * Until the new counts are in, the previous ones of the same table stay on screen (null before the first).
 */
export function useFacetCounts(
  index: FacetIndex | null,
  selection: FacetSelection,
  mask: Bitset | null,
): Record<FacetKey, FacetCount[]> | null {
  // Kept with the index they were counted on: counts of another table (other tags) are never shown.
  const [counted, setCounted] = useState<{
    index: FacetIndex;
    counts: Record<FacetKey, FacetCount[]>;
  } | null>(null);
  useEffect(() => {
    if (!index) return undefined;
    const job = facetCountJob(index, selection, mask);
    const tasks = taskQueue(() => {
      const until = performance.now() + SLICE_MS;
      if (job.run(() => performance.now() >= until)) setCounted({ index, counts: job.result() });
      else tasks.post();
    });
    // The first slice waits for the next frame, so the frame that paints the new rows comes first.
    const cancelFirst = afterNextPaint(tasks.post);
    return () => {
      cancelFirst();
      tasks.close();
    };
  }, [index, selection, mask]);
  return counted !== null && counted.index === index ? counted.counts : null;
}
