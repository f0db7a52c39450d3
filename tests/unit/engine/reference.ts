/**
 * Brute-force versions of the engine, written over materialised rows with plain arrays and string
 * comparisons: obviously right, hopelessly slow, and independent of bitsets, ranks and posting lists.
 */
import {
  FACETS,
  mapFacets,
  type FacetCount,
  type FacetKey,
  type FacetSelection,
  type FacetState,
} from '../../../src/data/engine/facets';
import type { SortColumn } from '../../../src/data/engine/sort';
import { compareStrings, type StringOrder } from '../../../src/data/engine/version-compare';
import type { Row } from './fixtures';

function rowAt(rows: Row[], i: number): Row {
  const row = rows[i];
  if (!row) throw new Error(`no row ${i}`);
  return row;
}

export function valuesOf(row: Row, facet: FacetKey): string[] {
  switch (facet) {
    case 'stack':
      return row.stacks;
    case 'version':
      return row.versions;
    case 'variant':
      return row.variants;
    default:
      return [row[facet]];
  }
}

const orderOf = (facet: FacetKey): StringOrder => (facet === 'version' ? 'version' : 'natural');

function passes(row: Row, selection: FacetSelection, facet: FacetKey, useInclude: boolean): boolean {
  const values = valuesOf(row, facet);
  const { include, exclude } = selection[facet];
  if (useInclude && include.length > 0 && !values.some((v) => include.includes(v))) return false;
  return !values.some((v) => exclude.includes(v));
}

export function refFilter(rows: Row[], selection: FacetSelection, mask: boolean[] | null): number[] {
  const out: number[] = [];
  rows.forEach((row, i) => {
    if (mask && !mask[i]) return;
    if (FACETS.every((f) => passes(row, selection, f, true))) out.push(i);
  });
  return out;
}

/** `dicts`: each facet's dictionary, which decides which selected values are "in the table". */
export function refFacetCounts(
  rows: Row[],
  dicts: Record<FacetKey, readonly string[]>,
  selection: FacetSelection,
  mask: boolean[] | null,
): Record<FacetKey, FacetCount[]> {
  return mapFacets((facet) => {
    const { include, exclude } = selection[facet];
    const base = rows.filter(
      (row, i) => (!mask || mask[i]) && FACETS.every((g) => passes(row, selection, g, g !== facet)),
    );
    const known = new Set(dicts[facet]);
    const state = (v: string): FacetState =>
      exclude.includes(v) ? 'exclude' : include.includes(v) ? 'include' : null;
    const entries = [...known]
      .map((value) => ({
        value,
        count: base.filter((row) => valuesOf(row, facet).includes(value)).length,
        selected: state(value),
      }))
      .filter((e) => e.count > 0 || e.selected !== null)
      .sort((a, b) => b.count - a.count || compareStrings(a.value, b.value, orderOf(facet)));
    const unknown = [...new Set([...include, ...exclude])].filter((v) => !known.has(v));
    return [...entries, ...unknown.map((value) => ({ value, count: 0, selected: state(value) }))];
  });
}

export function refCountBy(
  rows: Row[],
  indices: number[],
  facet: FacetKey,
): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const i of indices) {
    for (const v of new Set(valuesOf(rowAt(rows, i), facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compareStrings(a.value, b.value, orderOf(facet)));
}

export function refCrossCount(rows: Row[], indices: number[], fa: FacetKey, fb: FacetKey) {
  const a = refCountBy(rows, indices, fa).map((e) => e.value);
  const b = refCountBy(rows, indices, fb).map((e) => e.value);
  const counts = a.map((va) =>
    b.map(
      (vb) =>
        indices.filter(
          (i) => valuesOf(rowAt(rows, i), fa).includes(va) && valuesOf(rowAt(rows, i), fb).includes(vb),
        ).length,
    ),
  );
  return { a, b, counts };
}

function compareLists(a: string[], b: string[], order: StringOrder): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareStrings(a[i] ?? '', b[i] ?? '', order);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareRows(x: Row, y: Row, column: SortColumn): number {
  switch (column) {
    case 'hash':
      return x.hash < y.hash ? -1 : x.hash > y.hash ? 1 : 0;
    case 'version':
      return compareLists(x.versions, y.versions, 'version');
    case 'variants':
      return compareLists(x.variants, y.variants, 'natural');
    case 'stacks':
      return x.stacks.length - y.stacks.length || compareLists(x.stacks, y.stacks, 'natural');
    case 'size':
      return typeof x.size === 'number' && typeof y.size === 'number'
        ? x.size - y.size
        : compareStrings(String(x.size), String(y.size), 'natural');
    default:
      return compareStrings(x[column], y[column], 'natural');
  }
}

/** Text sizes form a group after numbers whatever the direction; everything else is one group. */
const group = (row: Row, column: SortColumn) => (column === 'size' && typeof row.size === 'string' ? 1 : 0);

export function refSort(rows: Row[], indices: number[], column: SortColumn, desc: boolean): number[] {
  return [...indices].sort((i, j) => {
    const x = rowAt(rows, i);
    const y = rowAt(rows, j);
    const g = group(x, column) - group(y, column);
    if (g !== 0) return g;
    const c = compareRows(x, y, column);
    return desc ? -c : c;
  });
}
