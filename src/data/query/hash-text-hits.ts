import { HASH_LENGTH } from '../schema';
import type { SpecTable } from '../spec-table';
import { hashTextRows } from './query-terms';

/**
 * The last free-text hash search per table. Typing extends a word one key at a time, and every hash
 * holding "e4s" also holds "e4": the rows found for the shorter word are the only ones the longer word
 * can match, so checking those beats scanning all hashes again (a million of them take ~10 ms).
 */
const lastSearch = new WeakMap<SpecTable, { needle: string; rows: Uint32Array }>();

/** A narrower search pays off only while the earlier hits are a small part of the table. */
const NARROW_LIMIT = 1 / 8;

function scanAll(hashes: string, needle: string): Uint32Array {
  const rows: number[] = [];
  hashTextRows(hashes, needle, (row) => rows.push(row));
  return Uint32Array.from(rows);
}

function narrow(hashes: string, earlier: Uint32Array, needle: string): Uint32Array {
  const rows: number[] = [];
  for (const row of earlier) {
    const start = row * HASH_LENGTH;
    if (hashes.slice(start, start + HASH_LENGTH).includes(needle)) rows.push(row);
  }
  return Uint32Array.from(rows);
}

/** Rows (ascending) whose hash contains `needle`: `hashTextRows`, reusing the table's last search. */
export function hashTextHits(table: SpecTable, needle: string): Uint32Array {
  const last = lastSearch.get(table);
  if (last?.needle === needle) return last.rows;
  const rows =
    last && needle.includes(last.needle) && last.rows.length <= table.count * NARROW_LIMIT
      ? narrow(table.hashes, last.rows, needle)
      : scanAll(table.hashes, needle);
  lastSearch.set(table, { needle, rows });
  return rows;
}
