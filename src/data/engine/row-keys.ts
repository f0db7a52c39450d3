import type { ListColumn } from '../spec-table';
import type { Bitset } from './bitset';

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
 * The rows of a list column keyed by their distinct ids (in first-seen order within the row), built a
 * range of rows at a time (at a million rows the variant facet's keys took 80 to 90 ms in one go), or
 * null when the rows hold more than `limit` distinct lists; counting then walks the lists themselves.
 */
export class ListKeysJob {
  /** The next row to key. */
  private r = 0;
  private readonly keys: Uint32Array;
  private readonly keyStart: number[] = [0];
  private readonly keyIds: number[] = [];
  private readonly keyHash: number[] = [];
  // Open addressing over key numbers (-1 = empty), grown to stay at most half full.
  private slots = new Int32Array(1024).fill(-1);
  // The row's distinct ids; `seen[id] === r` marks an id already taken from row r.
  private row = new Uint32Array(64);
  private readonly seen: Int32Array;
  private overLimit = false;

  constructor(
    private readonly list: ListColumn,
    private readonly idOfCode: Uint32Array,
    private readonly rows: number,
    private readonly limit: number,
  ) {
    this.keys = new Uint32Array(rows);
    let ids = 0;
    for (const id of idOfCode) ids = Math.max(ids, id + 1);
    this.seen = new Int32Array(ids).fill(-1);
  }

  /** Keys at most `budget` more rows (all of them with `Infinity`); true once there is nothing left to do. */
  run(budget: number): boolean {
    const { offsets: rowStart, values: codes } = this.list;
    const { idOfCode, keys, keyStart, keyIds, keyHash, seen, limit } = this;
    const end = Math.min(this.rows, this.r + budget);
    for (let r = this.r; r < end && !this.overLimit; r++) {
      const start = rowStart[r] ?? 0;
      const stop = rowStart[r + 1] ?? 0;
      if (stop - start > this.row.length) this.row = new Uint32Array(stop - start);
      const { row } = this;
      let n = 0;
      let hash = 0x811c9dc5;
      for (let k = start; k < stop; k++) {
        const id = idOfCode[codes[k] ?? 0] ?? 0;
        if (seen[id] === r) continue;
        seen[id] = r;
        row[n++] = id;
        hash = Math.imul(hash ^ id, 0x01000193);
      }
      // Mixed (murmur3's finaliser), so that lists whose ids agree in their low bits do not share a slot.
      hash = mix(hash);
      const { slots } = this;
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
        if (key >= limit) {
          this.overLimit = true;
          break;
        }
        keyHash.push(hash);
        for (let i = 0; i < n; i++) keyIds.push(row[i] ?? 0);
        keyStart.push(keyIds.length);
        slots[slot] = key;
        if (keyHash.length * 2 > slots.length) this.slots = rehash(keyHash, slots.length * 2);
      }
      keys[r] = key;
    }
    this.r = end;
    return this.overLimit || this.r === this.rows;
  }

  /** The keys, or null past the limit; once `run` has returned true. */
  result(): RowKeys | null {
    if (this.overLimit) return null;
    if (this.r < this.rows)
      throw new Error(`row keys: ${this.rows - this.r} of ${this.rows} rows not keyed yet`);
    return { keys: this.keys, offsets: Uint32Array.from(this.keyStart), ids: Uint32Array.from(this.keyIds) };
  }
}

/** A list column's row keys in one go (see ListKeysJob). */
export function listKeys(
  list: ListColumn,
  idOfCode: Uint32Array,
  rows: number,
  limit: number,
): RowKeys | null {
  const job = new ListKeysJob(list, idOfCode, rows, limit);
  job.run(Infinity);
  return job.result();
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
