import type { SpecTable } from '../spec-table';
import { Bitset } from './bitset';
import { countRows, countValues, rowsOf } from './count-rows';
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

const everyId = (values: FacetValues) => values.values.map((_, id) => id);

/** The whole table's pair counts per value id, kept per facet index: the base the complement is taken from. */
const wholeTable = new WeakMap<FacetIndex, Map<string, Uint32Array>>();
/** Above this many cells the whole-table matrix is not worth keeping; such charts count directly. */
const MAX_CACHED_CELLS = 1 << 20;

function wholeMatrix(table: SpecTable, index: FacetIndex, a: Axis, b: Axis, key: string): Uint32Array {
  let byPair = wholeTable.get(index);
  if (!byPair) wholeTable.set(index, (byPair = new Map()));
  let matrix = byPair.get(key);
  if (!matrix) {
    const all = new Uint32Array(table.count);
    for (let r = 0; r < all.length; r++) all[r] = r;
    byPair.set(key, (matrix = pairMatrix(all, a, b)));
  }
  return matrix;
}

/**
 * Rows holding value a and value b, for every pair of values the rows hold (e.g. stack × target
 * coverage). With list facets a row counts once in every cell of its value pairs. Given the table's
 * facet index and a Bitset holding most rows, the rows left out are counted and subtracted from the
 * whole table's matrix (computed once per index and facet pair).
 */
export function crossCount(
  table: SpecTable,
  rows: Uint32Array | Bitset,
  facetA: FacetKey,
  facetB: FacetKey,
  index?: FacetIndex,
): CrossCount {
  const present = (facet: FacetKey) => (values: FacetValues) =>
    presentIds(valueCounts(table, rows, facet, index).counts, values);
  const ax = axisOf(table, facetA, present(facetA));
  const bx = axisOf(table, facetB, present(facetB));
  const idA = axisOf(table, facetA, everyId);
  const idB = axisOf(table, facetB, everyId);
  const set = rows instanceof Bitset ? rowsOf(rows, table.count) : null;
  const cells = idA.ids.length * idB.ids.length;
  let cell: (a: number, b: number) => number;
  if (index && set && set.size * 2 > set.total && cells <= MAX_CACHED_CELLS) {
    const whole = wholeMatrix(table, index, idA, idB, `${facetA}\n${facetB}`);
    const left = pairMatrix(set.complement(), idA, idB);
    const width = idB.ids.length;
    cell = (a, b) => (whole[a * width + b] ?? 0) - (left[a * width + b] ?? 0);
  } else {
    const matrix = pairMatrix(asIndices(rows), ax, bx);
    const width = bx.ids.length;
    cell = (a, b) => matrix[(ax.position[a] ?? 0) * width + (bx.position[b] ?? 0)] ?? 0;
  }
  return {
    a: ax.ids.map((id) => ax.values.values[id] ?? ''),
    b: bx.ids.map((id) => bx.values.values[id] ?? ''),
    counts: ax.ids.map((a) => bx.ids.map((b) => cell(a, b))),
  };
}
