import type { Bitset } from './bitset';
import type { ListColumn } from '../spec-table';
import type { FacetColumn, FacetPostings, FacetValues } from './facets';
import { spreadKeyCounts } from './row-keys';

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
  const stamp = new Int32Array(counts.length).fill(-1);
  for (let i = 0; i < rows.length; i++) countList(column.list, idOfCode, rows[i] ?? 0, i, stamp, counts);
  return counts;
}

/**
 * Adds one per distinct value id of a row's list; `stamp[id] === mark` says id was already counted under
 * this mark (the row, or its position in a list of rows that may repeat a row).
 */
export function countList(
  list: ListColumn,
  idOfCode: Uint32Array,
  row: number,
  mark: number,
  stamp: Int32Array,
  counts: Uint32Array,
): void {
  const { offsets, values: codes } = list;
  const end = offsets[row + 1] ?? 0;
  for (let k = offsets[row] ?? 0; k < end; k++) {
    const id = idOfCode[codes[k] ?? 0] ?? 0;
    if (stamp[id] === mark) continue;
    stamp[id] = mark;
    counts[id] = (counts[id] ?? 0) + 1;
  }
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
  /** Every row is set: the value totals are the counts, nothing to scan. */
  readonly all: boolean;
  readonly invert: boolean;
  /** Per row key when the postings have keys, else per value id. */
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
  const { keys } = postings;
  return {
    postings,
    rows,
    all,
    invert: !all && size * 2 > rows.size,
    counts: new Uint32Array(keys ? keys.offsets.length - 1 : n),
    stamp: keys ? null : new Int32Array(n).fill(-1),
    word: all ? rows.words.length : 0,
  };
}

/** Count the rows of words `pass.word … to - 1` (or of their complement) into the pass. */
export function countWords(pass: CountPass, to: number): void {
  const { words } = pass.rows;
  const { flip, lastMask } = pass.rows.wordMasks(pass.invert);
  const { counts } = pass;
  const { keys } = pass.postings;
  for (let w = pass.word; w < to; w++) {
    let word = (words[w] ?? 0) ^ flip;
    if (w === words.length - 1) word &= lastMask;
    const base = w << 5;
    if (keys) {
      const rowKey = keys.keys;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        const key = rowKey[base + 31 - Math.clz32(low)] ?? 0;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      continue;
    }
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      countListRow(pass, base + 31 - Math.clz32(low));
    }
  }
  pass.word = to;
}

/** One row of a list column counted through its list: for lists too varied to have keys. */
function countListRow(pass: CountPass, row: number): void {
  const { counts, stamp } = pass;
  const { column, values } = pass.postings;
  if (column.kind !== 'list' || stamp === null)
    throw new Error('countListRow: the postings have no list column');
  countList(column.list, values.idOfCode, row, row, stamp, counts);
}

/** The counts per value id of a finished pass. */
export function passCounts(pass: CountPass): Uint32Array {
  const { postings } = pass;
  if (pass.all) return fullCounts(postings);
  const counts = postings.keys
    ? spreadKeyCounts(postings.keys, pass.counts, new Uint32Array(postings.values.values.length))
    : pass.counts;
  if (!pass.invert) return counts;
  return fullCounts(postings).map((count, v) => count - (counts[v] ?? 0));
}

/** Rows of `rows` per value id, in one go. */
export function countRows(postings: FacetPostings, rows: Bitset): Uint32Array {
  const pass = startCount(postings, rows);
  countWords(pass, rows.words.length);
  return passCounts(pass);
}
