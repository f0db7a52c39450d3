import type { Bitset } from './bitset';
import { fullCounts } from './count-rows';
import {
  applyFilters,
  FACETS,
  listCounts,
  mapFacets,
  resolveSelection,
  type FacetCount,
  type FacetIndex,
  type FacetKey,
  type FacetPostings,
  type FacetSelection,
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

interface Pass {
  facet: FacetKey;
  postings: FacetPostings;
  /** The rows this facet counts over: every other facet's filter, the query, its own exclusions. */
  rows: Bitset;
  /** When most rows match, count the others and subtract from the value totals (fewer rows to touch). */
  invert: boolean;
  counts: Uint32Array;
  /** Per value id, the last row that counted it, so a value listed twice in one row counts once. */
  stamp: Int32Array | null;
  word: number;
}

function startPass(facet: FacetKey, postings: FacetPostings, rows: Bitset): Pass {
  const size = rows.count();
  const n = postings.values.values.length;
  const all = size === rows.size;
  return {
    facet,
    postings,
    rows,
    invert: !all && size * 2 > rows.size,
    counts: all ? fullCounts(postings) : new Uint32Array(n),
    stamp: postings.column.kind === 'list' ? new Int32Array(n).fill(-1) : null,
    // Every row matches: the totals are the counts, nothing to scan.
    word: all ? rows.words.length : 0,
  };
}

/** Count the rows of words `[from, to)` of the pass (or of its complement) into its counts. */
function countBlock(pass: Pass, to: number): void {
  const { rows, invert, counts, stamp } = pass;
  const { words, size } = rows;
  const { column, values } = pass.postings;
  const { idOfCode } = values;
  const tail = size & 31;
  const lastWord = words.length - 1;
  for (let w = pass.word; w < to; w++) {
    let word = invert ? ~(words[w] ?? 0) : (words[w] ?? 0);
    // Bits past `size` are zero in the set, so they would read as "other rows" once inverted.
    if (invert && w === lastWord && tail !== 0) word &= (1 << tail) - 1;
    while (word !== 0) {
      const low = word & -word;
      const row = (w << 5) + 31 - Math.clz32(low);
      word ^= low;
      if (column.kind === 'scalar') {
        const id = idOfCode[column.codes[row] ?? 0] ?? 0;
        counts[id] = (counts[id] ?? 0) + 1;
        continue;
      }
      const { offsets, values: codes } = column.list;
      const end = offsets[row + 1] ?? 0;
      for (let k = offsets[row] ?? 0; k < end; k++) {
        const id = idOfCode[codes[k] ?? 0] ?? 0;
        if (stamp !== null) {
          if (stamp[id] === row) continue;
          stamp[id] = row;
        }
        counts[id] = (counts[id] ?? 0) + 1;
      }
    }
  }
  pass.word = to;
}

function finish(pass: Pass): Uint32Array {
  if (!pass.invert) return pass.counts;
  const all = fullCounts(pass.postings);
  return all.map((count, v) => count - (pass.counts[v] ?? 0));
}

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
  let pass: Pass | null = null;
  return {
    run(shouldYield) {
      for (;;) {
        if (pass === null) {
          const facet = FACETS[next];
          if (facet === undefined) return true;
          // A facet without includes sees exactly the filtered rows; only facets with includes need their own.
          const rows = resolved[facet].includeActive
            ? applyFilters(index, resolved, extra, facet)
            : (shared ??= applyFilters(index, resolved, extra, null));
          pass = startPass(facet, index.facets[facet], rows);
        }
        const end = pass.rows.words.length;
        while (pass.word < end) {
          countBlock(pass, Math.min(end, pass.word + blockWords));
          if (pass.word < end && shouldYield()) return false;
        }
        done.set(pass.facet, listCounts(pass.postings, finish(pass), selection[pass.facet]));
        pass = null;
        next++;
        if (shouldYield()) return FACETS[next] === undefined;
      }
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
