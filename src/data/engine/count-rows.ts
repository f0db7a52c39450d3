import { Bitset } from './bitset';
import type { FacetColumn, FacetPostings, FacetValues } from './facets';

/**
 * Number of listed rows holding each value id. A list value repeated within one row counts once
 * (`stamp` remembers the last position that counted each id); a row listed twice counts twice.
 */
export function countValues(column: FacetColumn, values: FacetValues, rows: Uint32Array): Uint32Array {
  const counts = new Uint32Array(values.values.length);
  const { idOfCode } = values;
  if (column.kind === 'scalar') {
    const { codes } = column;
    for (let i = 0; i < rows.length; i++) {
      const id = idOfCode[codes[rows[i] ?? 0] ?? 0] ?? 0;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  }
  const { offsets, values: codes } = column.list;
  const stamp = new Int32Array(counts.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const end = offsets[row + 1] ?? 0;
    for (let k = offsets[row] ?? 0; k < end; k++) {
      const id = idOfCode[codes[k] ?? 0] ?? 0;
      if (stamp[id] === i) continue;
      stamp[id] = i;
      counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  return counts;
}

/** A row set with its indices (or those of its complement) computed once, on first use. */
export interface RowSet {
  set: Bitset;
  size: number;
  total: number;
  indices: () => Uint32Array;
  complement: () => Uint32Array;
}

export function rowsOf(set: Bitset, total: number): RowSet {
  let indices: Uint32Array | null = null;
  let complement: Uint32Array | null = null;
  return {
    set,
    size: set.count(),
    total,
    indices: () => (indices ??= set.toIndices()),
    complement: () => (complement ??= Bitset.full(total).andNot(set).toIndices()),
  };
}

/** Rows per value id over the whole table: the lengths of the posting lists. */
export function fullCounts(postings: FacetPostings): Uint32Array {
  return postings.offsets.subarray(1).map((end, v) => end - (postings.offsets[v] ?? 0));
}

/**
 * A count of the rows of a bitset per value id, done word by word so it can stop after any word and go
 * on later (the facet count job runs it in slices). When most rows are set, the rows that are not are
 * counted and subtracted from the value totals: that touches the smaller side.
 */
export interface CountPass {
  readonly postings: FacetPostings;
  readonly rows: Bitset;
  readonly invert: boolean;
  readonly counts: Uint32Array;
  /** Per value id, the last row that counted it, so a value listed twice in one row counts once. */
  readonly stamp: Int32Array | null;
  /** The next word to count; `rows.words.length` when done. */
  word: number;
}

export function startCount(postings: FacetPostings, rows: Bitset): CountPass {
  const size = rows.count();
  const n = postings.values.values.length;
  const all = size === rows.size;
  return {
    postings,
    rows,
    invert: !all && size * 2 > rows.size,
    counts: all ? fullCounts(postings) : new Uint32Array(n),
    stamp: postings.column.kind === 'list' ? new Int32Array(n).fill(-1) : null,
    // Every row is set: the totals are the counts, nothing to scan.
    word: all ? rows.words.length : 0,
  };
}

/** Count the rows of words `pass.word … to - 1` (or of their complement) into the pass. */
export function countWords(pass: CountPass, to: number): void {
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

/** The counts per value id of a finished pass. */
export function passCounts(pass: CountPass): Uint32Array {
  if (!pass.invert) return pass.counts;
  return fullCounts(pass.postings).map((count, v) => count - (pass.counts[v] ?? 0));
}

/** Rows of `rows` per value id, in one go. */
export function countRows(postings: FacetPostings, rows: Bitset): Uint32Array {
  const pass = startCount(postings, rows);
  countWords(pass, rows.words.length);
  return passCounts(pass);
}
