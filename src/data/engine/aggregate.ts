import type { SpecTable } from '../spec-table';
import { Bitset } from './bitset';
import { countRows, countValues } from './count-rows';
import { countKeyPairs, spreadKeyCounts, type RowKeys } from './row-keys';
import {
  facetColumn,
  facetValues,
  type FacetColumn,
  type FacetIndex,
  type FacetKey,
  type FacetValues,
} from './facets';

export interface ValueCount {
  value: string;
  count: number;
}

/** Row counts for `a[i]` × `b[j]` in `counts[i][j]`; a and b are ordered like `countBy`. */
export interface CrossCount {
  a: string[];
  b: string[];
  counts: number[][];
}

const asIndices = (rows: Uint32Array | Bitset): Uint32Array =>
  rows instanceof Bitset ? rows.toIndices() : rows;

/** Value ids with a non-zero count, by count descending then the facet's display order. */
function presentIds(counts: ArrayLike<number>, values: FacetValues): number[] {
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if ((counts[id] ?? 0) > 0) ids.push(id);
  return ids.sort(
    (x, y) => (counts[y] ?? 0) - (counts[x] ?? 0) || (values.rank[x] ?? 0) - (values.rank[y] ?? 0),
  );
}

/**
 * Rows per value id. Given the table's facet index and a row set, the count takes the smaller side (the
 * rows, or the rows left out, subtracted from the index's totals), as facet counts do.
 */
function valueCounts(
  table: SpecTable,
  rows: Uint32Array | Bitset,
  facet: FacetKey,
  index: FacetIndex | undefined,
): { values: FacetValues; counts: ArrayLike<number> } {
  const column = facetColumn(table, facet);
  const values = facetValues(column.dict, facet);
  if (index && rows instanceof Bitset) {
    return { values, counts: countRows(index.facets[facet], rows) };
  }
  return { values, counts: countValues(column, values, asIndices(rows)) };
}

/**
 * How many of the rows hold each value of a facet, most frequent first (ties in version/natural order).
 * A list value repeated within a row counts once; values no row holds are left out. Rows given as
 * indices count as often as they are listed; `index` (this table's facet index) speeds up a Bitset.
 */
export function countBy(
  table: SpecTable,
  rows: Uint32Array | Bitset,
  facet: FacetKey,
  index?: FacetIndex,
): ValueCount[] {
  const { values, counts } = valueCounts(table, rows, facet, index);
  return presentIds(counts, values).map((id) => ({ value: values.values[id] ?? '', count: counts[id] ?? 0 }));
}

interface Axis {
  column: FacetColumn;
  values: FacetValues;
  ids: number[];
  /** Matrix position per value id, -1 for values left out. */
  position: Int32Array;
}

function axisOf(table: SpecTable, facet: FacetKey, ids: (values: FacetValues) => number[]): Axis {
  const column = facetColumn(table, facet);
  const values = facetValues(column.dict, facet);
  const list = ids(values);
  const position = new Int32Array(values.values.length).fill(-1);
  list.forEach((id, i) => (position[id] = i));
  return { column, values, ids: list, position };
}

/**
 * Writes the distinct matrix positions of one row's values into `buf` and returns how many there are.
 * Lists are short, so a linear duplicate check beats any per-row set.
 */
function rowPositions(ax: Axis, row: number, buf: Int32Array): number {
  const { column, values, position } = ax;
  if (column.kind === 'scalar') {
    buf[0] = position[values.idOfCode[column.codes[row] ?? 0] ?? 0] ?? -1;
    return 1;
  }
  const { offsets, values: codes } = column.list;
  let n = 0;
  const end = offsets[row + 1] ?? 0;
  outer: for (let k = offsets[row] ?? 0; k < end; k++) {
    const p = position[values.idOfCode[codes[k] ?? 0] ?? 0] ?? -1;
    for (let j = 0; j < n; j++) if (buf[j] === p) continue outer;
    buf[n++] = p;
  }
  return n;
}

const maxLengths = new WeakMap<Uint32Array, number>();

function maxListLength(column: FacetColumn): number {
  if (column.kind === 'scalar') return 1;
  const { offsets } = column.list;
  const cached = maxLengths.get(offsets);
  if (cached !== undefined) return cached;
  let max = 0;
  for (let r = 0; r + 1 < offsets.length; r++) max = Math.max(max, (offsets[r + 1] ?? 0) - (offsets[r] ?? 0));
  maxLengths.set(offsets, max);
  return max;
}

/** Pair counts of the listed rows, at the axes' positions (row-major, a × b). */
function pairMatrix(indices: Uint32Array, ax: Axis, bx: Axis): Uint32Array {
  const width = bx.ids.length;
  const matrix = new Uint32Array(ax.ids.length * width);
  const bufA = new Int32Array(maxListLength(ax.column));
  const bufB = new Int32Array(maxListLength(bx.column));
  for (let i = 0; i < indices.length; i++) {
    const row = indices[i] ?? 0;
    const na = rowPositions(ax, row, bufA);
    const nb = rowPositions(bx, row, bufB);
    for (let x = 0; x < na; x++) {
      const cell = (bufA[x] ?? 0) * width;
      for (let y = 0; y < nb; y++) matrix[cell + (bufB[y] ?? 0)] = (matrix[cell + (bufB[y] ?? 0)] ?? 0) + 1;
    }
  }
  return matrix;
}

/** Whole-table rows per key pair, kept per facet index: the base the rows left out are taken from. */
const wholeTable = new WeakMap<FacetIndex, Map<string, Uint32Array>>();
/** Above this many key pairs a chart counts row by row through the value lists instead. */
const MAX_KEY_CELLS = 1 << 20;

function wholeKeyPairs(index: FacetIndex, a: FacetKey, b: FacetKey, ka: RowKeys, kb: RowKeys): Uint32Array {
  let byPair = wholeTable.get(index);
  if (!byPair) wholeTable.set(index, (byPair = new Map()));
  const key = `${a}\n${b}`;
  let pairs = byPair.get(key);
  if (!pairs) byPair.set(key, (pairs = countKeyPairs(Bitset.full(index.count), false, ka, kb)));
  return pairs;
}

/**
 * The cross count through the index's row keys: rows per key pair (of the rows, or of the rows left out
 * subtracted from the whole table's when that side is smaller), spread over value pairs. Null when a
 * facet has no keys, or the key pairs would be too many or outnumber the rows several times.
 */
function keyedCross(
  table: SpecTable,
  rows: Bitset,
  facetA: FacetKey,
  facetB: FacetKey,
  index: FacetIndex,
): CrossCount | null {
  const ka = index.facets[facetA].keys;
  const kb = index.facets[facetB].keys;
  if (!ka || !kb) return null;
  const nA = ka.offsets.length - 1;
  const nB = kb.offsets.length - 1;
  const size = rows.count();
  // A few rows cost less counted one by one than a pass over every key pair.
  if (nA * nB > MAX_KEY_CELLS || size * 4 < nA * nB) return null;
  let pairs: Uint32Array;
  if (size * 2 > rows.size) {
    const left = countKeyPairs(rows, true, ka, kb);
    pairs = wholeKeyPairs(index, facetA, facetB, ka, kb).map((n, cell) => n - (left[cell] ?? 0));
  } else {
    pairs = countKeyPairs(rows, false, ka, kb);
  }
  // Every row has one key on each side, so a key's rows are its row (or column) of pairs.
  const perA = new Uint32Array(nA);
  const perB = new Uint32Array(nB);
  for (let a = 0; a < nA; a++) {
    for (let b = 0; b < nB; b++) {
      const n = pairs[a * nB + b] ?? 0;
      perA[a] = (perA[a] ?? 0) + n;
      perB[b] = (perB[b] ?? 0) + n;
    }
  }
  const present = (keys: RowKeys, perKey: Uint32Array) => (values: FacetValues) =>
    presentIds(spreadKeyCounts(keys, perKey, new Uint32Array(values.values.length)), values);
  const ax = axisOf(table, facetA, present(ka, perA));
  const bx = axisOf(table, facetB, present(kb, perB));
  const width = bx.ids.length;
  const matrix = new Uint32Array(ax.ids.length * width);
  for (let a = 0; a < nA; a++) {
    for (let b = 0; b < nB; b++) {
      const n = pairs[a * nB + b] ?? 0;
      if (n === 0) continue;
      for (let i = ka.offsets[a] ?? 0; i < (ka.offsets[a + 1] ?? 0); i++) {
        const row = (ax.position[ka.ids[i] ?? 0] ?? 0) * width;
        for (let j = kb.offsets[b] ?? 0; j < (kb.offsets[b + 1] ?? 0); j++) {
          const cell = row + (bx.position[kb.ids[j] ?? 0] ?? 0);
          matrix[cell] = (matrix[cell] ?? 0) + n;
        }
      }
    }
  }
  return crossOf(ax, bx, (a, b) => matrix[(ax.position[a] ?? 0) * width + (bx.position[b] ?? 0)] ?? 0);
}

function crossOf(ax: Axis, bx: Axis, cell: (a: number, b: number) => number): CrossCount {
  return {
    a: ax.ids.map((id) => ax.values.values[id] ?? ''),
    b: bx.ids.map((id) => bx.values.values[id] ?? ''),
    counts: ax.ids.map((a) => bx.ids.map((b) => cell(a, b))),
  };
}

/**
 * Rows holding value a and value b, for every pair of values the rows hold (e.g. stack × target
 * coverage). With list facets a row counts once in every cell of its value pairs. Given the table's
 * facet index and a Bitset, the count goes through the index's row keys (see `keyedCross`).
 */
export function crossCount(
  table: SpecTable,
  rows: Uint32Array | Bitset,
  facetA: FacetKey,
  facetB: FacetKey,
  index?: FacetIndex,
): CrossCount {
  const keyed = index && rows instanceof Bitset ? keyedCross(table, rows, facetA, facetB, index) : null;
  if (keyed) return keyed;
  const present = (facet: FacetKey) => (values: FacetValues) =>
    presentIds(valueCounts(table, rows, facet, index).counts, values);
  const ax = axisOf(table, facetA, present(facetA));
  const bx = axisOf(table, facetB, present(facetB));
  const matrix = pairMatrix(asIndices(rows), ax, bx);
  const width = bx.ids.length;
  return crossOf(ax, bx, (a, b) => matrix[(ax.position[a] ?? 0) * width + (bx.position[b] ?? 0)] ?? 0);
}
