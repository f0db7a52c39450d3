import type { ListColumn } from '../spec-table';
import type { Bitset } from './bitset';
import type { FacetPostings } from './facets';

/**
 * A facet column as one small key per row, for counting: key k stands for the distinct value ids
 * `ids[offsets[k] .. offsets[k + 1])`. A count adds one per row to its row's key, then spreads each
 * key's total over its ids. For a scalar column the key is the code (one id each). For a list column it
 * is the row's list of ids: rows share few lists (a package's variants recur across tags and stacks), so
 * a row costs one read of a 4-byte key instead of a walk through its list (11 variant entries a row on
 * average), and a value repeated within a list is removed once here rather than on every count.
 */
export interface RowKeys {
  keys: Uint32Array;
  offsets: Uint32Array;
  ids: Uint32Array;
}

export function scalarKeys(codes: Uint32Array, idOfCode: Uint32Array): RowKeys {
  const offsets = new Uint32Array(idOfCode.length + 1);
  for (let k = 0; k < offsets.length; k++) offsets[k] = k;
  return { keys: codes, offsets, ids: idOfCode };
}

/** Default cap on distinct lists: past a quarter of the rows, keys would save little and cost memory. */
export const defaultKeyLimit = (rows: number): number => Math.max(1024, rows >>> 2);

/**
 * The rows of a list column keyed by their distinct ids (in first-seen order within the row), or null
 * when the rows hold more than `limit` distinct lists; counting then walks the lists themselves.
 */
export function listKeys(
  list: ListColumn,
  idOfCode: Uint32Array,
  rows: number,
  limit: number,
): RowKeys | null {
  const { offsets: rowStart, values: codes } = list;
  const keys = new Uint32Array(rows);
  const keyStart: number[] = [0];
  const keyIds: number[] = [];
  const keyHash: number[] = [];
  // Open addressing over key numbers (-1 = empty), grown to stay at most half full.
  let slots = new Int32Array(1024).fill(-1);
  // The row's distinct ids; `seen[id] === r` marks an id already taken from row r.
  let row = new Uint32Array(64);
  let ids = 0;
  for (const id of idOfCode) ids = Math.max(ids, id + 1);
  const seen = new Int32Array(ids).fill(-1);
  for (let r = 0; r < rows; r++) {
    const start = rowStart[r] ?? 0;
    const end = rowStart[r + 1] ?? 0;
    if (end - start > row.length) row = new Uint32Array(end - start);
    let n = 0;
    let hash = 0x811c9dc5;
    for (let k = start; k < end; k++) {
      const id = idOfCode[codes[k] ?? 0] ?? 0;
      if (seen[id] === r) continue;
      seen[id] = r;
      row[n++] = id;
      hash = Math.imul(hash ^ id, 0x01000193);
    }
    // Mixed (murmur3's finaliser), so that lists whose ids agree in their low bits do not share a slot.
    hash = mix(hash);
    let slot = hash & (slots.length - 1);
    let key = slots[slot] ?? -1;
    while (
      key >= 0 &&
      !(keyHash[key] === hash && sameIds(keyIds, keyStart[key] ?? 0, keyStart[key + 1] ?? 0, row, n))
    ) {
      slot = (slot + 1) & (slots.length - 1);
      key = slots[slot] ?? -1;
    }
    if (key < 0) {
      key = keyHash.length;
      if (key >= limit) return null;
      keyHash.push(hash);
      for (let i = 0; i < n; i++) keyIds.push(row[i] ?? 0);
      keyStart.push(keyIds.length);
      slots[slot] = key;
      if (keyHash.length * 2 > slots.length) slots = rehash(keyHash, slots.length * 2);
    }
    keys[r] = key;
  }
  return { keys, offsets: Uint32Array.from(keyStart), ids: Uint32Array.from(keyIds) };
}

/** A list facet's postings with their row keys (a scalar facet's have them already). */
export function withListKeys(postings: FacetPostings, rows: number, limit: number): FacetPostings {
  const { column, values } = postings;
  if (column.kind === 'scalar') return postings;
  return { ...postings, keys: listKeys(column.list, values.idOfCode, rows, limit) };
}

function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameIds(ids: readonly number[], start: number, end: number, row: Uint32Array, n: number): boolean {
  if (end - start !== n) return false;
  for (let i = 0; i < n; i++) if (ids[start + i] !== row[i]) return false;
  return true;
}

function rehash(keyHash: readonly number[], size: number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(size).fill(-1);
  keyHash.forEach((hash, key) => {
    let slot = hash & (size - 1);
    while ((slots[slot] ?? -1) >= 0) slot = (slot + 1) & (size - 1);
    slots[slot] = key;
  });
  return slots;
}

/**
 * Spreads per-key totals over value ids: `out[id]` gains every key's total whose ids hold id. `out` has
 * one entry per value id.
 */
export function spreadKeyCounts(keys: RowKeys, keyCounts: Uint32Array, out: Uint32Array): Uint32Array {
  const { offsets, ids } = keys;
  for (let k = 0; k < keyCounts.length; k++) {
    const n = keyCounts[k] ?? 0;
    if (n === 0) continue;
    const end = offsets[k + 1] ?? 0;
    for (let i = offsets[k] ?? 0; i < end; i++) {
      const id = ids[i] ?? 0;
      out[id] = (out[id] ?? 0) + n;
    }
  }
  return out;
}

/**
 * Rows per pair of keys (row-major, a × b) over the set rows, or over the rows left out of them when
 * `invert`. Every row has exactly one key in each column.
 */
export function countKeyPairs(rows: Bitset, invert: boolean, a: RowKeys, b: RowKeys): Uint32Array {
  const width = b.offsets.length - 1;
  const out = new Uint32Array((a.offsets.length - 1) * width);
  const keysA = a.keys;
  const keysB = b.keys;
  const { words } = rows;
  const { flip, lastMask } = rows.wordMasks(invert);
  for (let w = 0; w < words.length; w++) {
    let word = (words[w] ?? 0) ^ flip;
    if (w === words.length - 1) word &= lastMask;
    const base = w << 5;
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      const row = base + 31 - Math.clz32(low);
      const cell = (keysA[row] ?? 0) * width + (keysB[row] ?? 0);
      out[cell] = (out[cell] ?? 0) + 1;
    }
  }
  return out;
}
