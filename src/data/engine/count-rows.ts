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
 * Rows per value id. When most rows match (the common "nothing or little selected" case), counting the
 * rows that do not match and subtracting from the full counts touches the smaller side.
 */
export function countRows(postings: FacetPostings, rows: RowSet): ArrayLike<number> {
  if (rows.size === rows.total) return fullCounts(postings);
  if (rows.size * 2 <= rows.total) return countValues(postings.column, postings.values, rows.indices());
  const others = countValues(postings.column, postings.values, rows.complement());
  return fullCounts(postings).map((count, v) => count - (others[v] ?? 0));
}
