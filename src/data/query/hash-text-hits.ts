import { entriesContaining, rowsOfEntries } from '../hash-column';
import type { SpecTable } from '../spec-table';

/**
 * Rows (ascending) whose hash contains `needle`: the pool (one entry per distinct hash) is searched,
 * and its hits mapped to rows. The query's mask is memoised by the view, so a word is searched once.
 */
export function hashTextHits(table: SpecTable, needle: string): Uint32Array {
  const found: number[] = [];
  rowsOfEntries(table.hashes, entriesContaining(table.hashes.pool, needle), (row) => found.push(row));
  return Uint32Array.from(found);
}
