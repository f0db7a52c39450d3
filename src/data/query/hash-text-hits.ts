import { entriesContaining, rowsOfEntries } from '../hash-column';
import type { SpecTable } from '../spec-table';

/**
 * The last free-text hash search per table: a query is matched again on every render that changes
 * something else (a facet click, a sort), and the rows of an unchanged word need no second search.
 */
const lastSearch = new WeakMap<SpecTable, { needle: string; rows: Uint32Array }>();

/** Rows (ascending) whose hash contains `needle`: the pool is searched, its hits mapped to rows. */
export function hashTextHits(table: SpecTable, needle: string): Uint32Array {
  const last = lastSearch.get(table);
  if (last?.needle === needle) return last.rows;
  const found: number[] = [];
  rowsOfEntries(table.hashes, entriesContaining(table.hashes.pool, needle), (row) => found.push(row));
  const rows = Uint32Array.from(found);
  lastSearch.set(table, { needle, rows });
  return rows;
}
