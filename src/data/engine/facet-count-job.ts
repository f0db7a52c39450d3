import type { Bitset } from './bitset';
import { countWords, passCounts, startCount, type CountPass } from './count-rows';
import {
  applyFilters,
  FACETS,
  mapFacets,
  resolveSelection,
  type FacetCount,
  type FacetFilter,
  type FacetIndex,
  type FacetKey,
  type FacetSelection,
  type FacetState,
  type FacetPostings,
} from './facets';

/**
 * Facet counting as a job that runs in short slices and can be dropped between them. At a million rows
 * one facet's count takes tens of milliseconds; run in one piece it delays the frame that paints a
 * keystroke's rows and the next keystroke. A slice ends after a block of words whenever `shouldYield`
 * says so, and a stale job is simply never run again.
 */
export interface FacetCountJob {
  /** Counts until done or until `shouldYield()` is true between blocks; true once every facet is counted. */
  run(shouldYield: () => boolean): boolean;
  /** Every facet's counts; only once `run` has returned true. */
  result(): Record<FacetKey, FacetCount[]>;
}

/** Words (32 rows each) counted between two `shouldYield` checks: about a millisecond of work here. */
const BLOCK_WORDS = 2048;

/**
 * Per facet F, per value v: the rows passing every other facet, `extra`, and F's own exclusions that
 * hold v: what choosing v as F's only include would give. F's includes do not narrow F's counts (so
 * sibling values stay visible); its exclusions do, so an excluded value counts 0. Values are ordered by
 * count (descending), then version/natural order; zero counts are listed only when selected, and
 * selected values absent from the table come last.
 */
export function facetCountJob(
  index: FacetIndex,
  selection: Partial<FacetSelection>,
  extra?: Bitset | null,
  blockWords = BLOCK_WORDS,
): FacetCountJob {
  const resolved = resolveSelection(index, selection);
  const done = new Map<FacetKey, FacetCount[]>();
  let shared: Bitset | null = null;
  let next = 0;
  // The pass of facet FACETS[next], while it is being counted.
  let pass: CountPass | null = null;
  return {
    run(shouldYield) {
      for (let facet = FACETS[next]; facet !== undefined; facet = FACETS[next]) {
        if (pass === null) {
          // A facet without includes sees exactly the filtered rows; only facets with includes need their own.
          const rows = resolved[facet].includeActive
            ? applyFilters(index, resolved, extra, facet)
            : (shared ??= applyFilters(index, resolved, extra, null));
          pass = startCount(index.facets[facet], rows);
        }
        const end = pass.rows.words.length;
        while (pass.word < end) {
          countWords(pass, Math.min(end, pass.word + blockWords));
          if (pass.word < end && shouldYield()) return false;
        }
        done.set(facet, listCounts(pass.postings, passCounts(pass), selection[facet]));
        pass = null;
        next++;
        if (shouldYield()) return FACETS[next] === undefined;
      }
      return true;
    },
    result() {
      return mapFacets((facet) => {
        const counts = done.get(facet);
        if (!counts) throw new Error(`facet counts: "${facet}" is not counted yet; run the job to the end`);
        return counts;
      });
    },
  };
}

/** `facetCountJob` run to the end in one go. */
export function facetCounts(
  index: FacetIndex,
  selection: Partial<FacetSelection>,
  extra?: Bitset | null,
): Record<FacetKey, FacetCount[]> {
  const job = facetCountJob(index, selection, extra);
  job.run(() => false);
  return job.result();
}

/** A facet's value list for the screen from its counts per value id. */
function listCounts(
  postings: FacetPostings,
  counts: ArrayLike<number>,
  filter: FacetFilter | undefined,
): FacetCount[] {
  const { values, idOfValue, rank } = postings.values;
  const excluded = new Set(filter?.exclude ?? []);
  const included = new Set(filter?.include ?? []);
  const state = (value: string): FacetState =>
    excluded.has(value) ? 'exclude' : included.has(value) ? 'include' : null;
  const ids: number[] = [];
  for (let id = 0; id < values.length; id++) {
    const value = values[id] ?? '';
    if ((counts[id] ?? 0) > 0 || excluded.has(value) || included.has(value)) ids.push(id);
  }
  ids.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || (rank[a] ?? 0) - (rank[b] ?? 0));
  const out = ids.map((id) => {
    const value = values[id] ?? '';
    return { value, count: counts[id] ?? 0, selected: state(value) };
  });
  // Selected values the table does not hold still get a row, so the UI can show and clear them.
  for (const value of new Set([...included, ...excluded])) {
    if (!idOfValue.has(value)) out.push({ value, count: 0, selected: state(value) });
  }
  return out;
}
