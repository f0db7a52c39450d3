import type { SpecTable } from '../spec-table';
import { Bitset } from './bitset';
import { countValues } from './count-rows';
import { facetColumn, facetValues, type FacetColumn, type FacetKey, type FacetValues } from './facets';

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
function presentIds(counts: Uint32Array, values: FacetValues): number[] {
  const ids: number[] = [];
  for (let id = 0; id < counts.length; id++) if ((counts[id] ?? 0) > 0) ids.push(id);
  return ids.sort(
    (x, y) => (counts[y] ?? 0) - (counts[x] ?? 0) || (values.rank[x] ?? 0) - (values.rank[y] ?? 0),
  );
}

/**
 * How many of the rows hold each value of a facet, most frequent first (ties in version/natural order).
 * A list value repeated within a row counts once; values no row holds are left out.
 */
export function countBy(table: SpecTable, rows: Uint32Array | Bitset, facet: FacetKey): ValueCount[] {
  const column = facetColumn(table, facet);
  const values = facetValues(column.dict, facet);
  const counts = countValues(column, values, asIndices(rows));
  return presentIds(counts, values).map((id) => ({ value: values.values[id] ?? '', count: counts[id] ?? 0 }));
}

interface Axis {
  column: FacetColumn;
  values: FacetValues;
  ids: number[];
  /** Matrix position per value id, -1 for values no row holds. */
  position: Int32Array;
}

function axis(table: SpecTable, rows: Uint32Array, facet: FacetKey): Axis {
  const column = facetColumn(table, facet);
  const values = facetValues(column.dict, facet);
  const ids = presentIds(countValues(column, values, rows), values);
  const position = new Int32Array(values.values.length).fill(-1);
  ids.forEach((id, i) => (position[id] = i));
  return { column, values, ids, position };
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

function maxListLength(column: FacetColumn): number {
  if (column.kind === 'scalar') return 1;
  const { offsets } = column.list;
  let max = 0;
  for (let r = 0; r + 1 < offsets.length; r++) max = Math.max(max, (offsets[r + 1] ?? 0) - (offsets[r] ?? 0));
  return max;
}

/**
 * Rows holding value a and value b, for every pair of values the rows hold (e.g. stack × target
 * coverage). With list facets a row counts once in every cell of its value pairs.
 */
export function crossCount(
  table: SpecTable,
  rows: Uint32Array | Bitset,
  facetA: FacetKey,
  facetB: FacetKey,
): CrossCount {
  const indices = asIndices(rows);
  const ax = axis(table, indices, facetA);
  const bx = axis(table, indices, facetB);
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
  return {
    a: ax.ids.map((id) => ax.values.values[id] ?? ''),
    b: bx.ids.map((id) => bx.values.values[id] ?? ''),
    counts: ax.ids.map((_, i) => Array.from(matrix.subarray(i * width, (i + 1) * width))),
  };
}
