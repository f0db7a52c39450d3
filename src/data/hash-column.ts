import { HASH_LENGTH } from './schema';

/**
 * A table's hashes: each row points into a pool of hashes, 32 ASCII bytes each. The tags of a dataset
 * share most of their hashes, so a million rows hold about a tenth as many distinct ones: the table
 * keeps 4 bytes a row instead of 32, loading skips writing out every row's hash, and a hash search
 * scans the pool once and maps its hits to rows.
 */
export interface HashColumn {
  /** Hashes, 32 ASCII bytes each, in the dataset's pool order. Entries no row points at are allowed. */
  pool: Uint8Array;
  /** Row → pool entry. */
  refs: Uint32Array;
}

/** Pool entries as a byte per entry (1 = in). */
type EntryMask = Uint8Array;

function poolSize(pool: Uint8Array): number {
  return Math.floor(pool.byteLength / HASH_LENGTH);
}

function poolEntry(pool: Uint8Array, entry: number): string {
  const at = entry * HASH_LENGTH;
  // A slice of the pool's text, decoded once: building each hash from its bytes took ~2 µs, seconds
  // for an export of a million rows.
  return poolText(pool).slice(at, at + HASH_LENGTH);
}

export function hashOf(column: HashColumn, row: number): string {
  return poolEntry(column.pool, column.refs[row] ?? 0);
}

const texts = new WeakMap<Uint8Array, string>();

/** The pool as one string, for native substring search; decoded once per pool. */
function poolText(pool: Uint8Array): string {
  let text = texts.get(pool);
  if (text === undefined) {
    text = new TextDecoder().decode(pool);
    texts.set(pool, text);
  }
  return text;
}

/**
 * Visits the entries whose hash holds `needle`, at its start or anywhere in it (never across two
 * hashes), by native substring search over the pool's text; stops early when `visit` returns true.
 */
function visitEntriesHolding(
  pool: Uint8Array,
  needle: string,
  atStart: boolean,
  visit: (entry: number) => boolean,
): void {
  if (needle === '') return;
  const text = poolText(pool);
  let i = text.indexOf(needle);
  while (i >= 0) {
    const entry = Math.floor(i / HASH_LENGTH);
    const offset = i - entry * HASH_LENGTH;
    const hit = atStart ? offset === 0 : offset + needle.length <= HASH_LENGTH;
    if (hit && visit(entry)) return;
    // After a hit, or a prefix found past an entry's start, the rest of that entry has nothing to add.
    i = text.indexOf(needle, hit || atStart ? (entry + 1) * HASH_LENGTH : i + 1);
  }
}

/** Entries whose hash starts with `prefix`. */
export function entriesWithPrefix(pool: Uint8Array, prefix: string): EntryMask {
  const mask = new Uint8Array(poolSize(pool));
  visitEntriesHolding(pool, prefix, true, (entry) => {
    mask[entry] = 1;
    return false;
  });
  return mask;
}

/**
 * The rows of each pool entry, `rows[offsets[e] .. offsets[e + 1])`, ascending. A hash search then maps
 * its hits to rows directly, where otherwise it reads every row's ref: a million at 1M specs, about 2 ms
 * even when three hashes matched.
 */
export interface HashPostings {
  offsets: Uint32Array;
  rows: Uint32Array;
}

const postingsOf = new WeakMap<HashColumn, HashPostings>();

/** The column's postings, built once per column (a loaded table never changes). */
export function hashPostings(column: HashColumn): HashPostings {
  let postings = postingsOf.get(column);
  if (!postings) {
    postings = buildHashPostings(column);
    postingsOf.set(column, postings);
  }
  return postings;
}

function buildHashPostings(column: HashColumn): HashPostings {
  const { refs } = column;
  const size = poolSize(column.pool);
  const offsets = new Uint32Array(size + 1);
  for (let row = 0; row < refs.length; row++) {
    const ref = refs[row] ?? 0;
    if (ref >= size) {
      throw new RangeError(`hash column: row ${row} points at pool entry ${ref}, the pool has ${size}`);
    }
    offsets[ref + 1] = (offsets[ref + 1] ?? 0) + 1;
  }
  for (let e = 0; e < size; e++) offsets[e + 1] = (offsets[e + 1] ?? 0) + (offsets[e] ?? 0);
  const next = offsets.slice(0, size);
  const rows = new Uint32Array(refs.length);
  for (let row = 0; row < refs.length; row++) {
    const ref = refs[row] ?? 0;
    const at = next[ref] ?? 0;
    rows[at] = row;
    next[ref] = at + 1;
  }
  return { offsets, rows };
}

/**
 * Calls `hit` with the rows whose hash holds `needle` (at its start, with `atStart`), entry by entry:
 * ascending within an entry, not overall.
 */
export function visitRowsHolding(
  column: HashColumn,
  needle: string,
  atStart: boolean,
  hit: (row: number) => void,
): void {
  const { offsets, rows } = hashPostings(column);
  visitEntriesHolding(column.pool, needle, atStart, (entry) => {
    const end = offsets[entry + 1] ?? 0;
    for (let k = offsets[entry] ?? 0; k < end; k++) hit(rows[k] ?? 0);
    return false;
  });
}

/** Whether some row's hash starts with `prefix` (a dataset's pool also holds the hashes of other tags). */
export function hasRowWithPrefix(column: HashColumn, prefix: string): boolean {
  const { offsets } = hashPostings(column);
  // Stops at the first entry a row uses: the detail panel asks this once per dependency.
  let found = false;
  visitEntriesHolding(column.pool, prefix, true, (entry) => {
    found = (offsets[entry + 1] ?? 0) > (offsets[entry] ?? 0);
    return found;
  });
  return found;
}

/** Rows (ascending) whose hash starts with `prefix`. */
export function rowsWithPrefix(column: HashColumn, prefix: string): number[] {
  const rows: number[] = [];
  visitRowsHolding(column, prefix, true, (row) => rows.push(row));
  return rows.sort((a, b) => a - b);
}

function isPrefixOf(short: Uint8Array, long: Uint8Array): boolean {
  if (short.byteLength > long.byteLength) return false;
  // The loads of one dataset share a pool buffer; only a pool from before it grew needs comparing.
  if (short.buffer === long.buffer && short.byteOffset === long.byteOffset) return true;
  for (let i = 0; i < short.byteLength; i++) if (short[i] !== long[i]) return false;
  return true;
}

/**
 * The hash columns of several tables, one after another. Tables of one dataset point into prefixes of
 * one pool, so their refs are kept as they are; otherwise (tables from elsewhere) equal hashes are
 * merged into a new pool.
 */
export function concatHashColumns(parts: readonly HashColumn[]): HashColumn {
  const count = parts.reduce((n, p) => n + p.refs.length, 0);
  const refs = new Uint32Array(count);
  const longest = parts.reduce<Uint8Array>(
    (best, p) => (p.pool.byteLength > best.byteLength ? p.pool : best),
    new Uint8Array(0),
  );
  if (parts.every((p) => isPrefixOf(p.pool, longest))) {
    let at = 0;
    for (const p of parts) {
      refs.set(p.refs, at);
      at += p.refs.length;
    }
    return { pool: longest, refs };
  }
  const entries = new Map<string, number>();
  let at = 0;
  for (const p of parts) {
    const seen = new Map<number, number>();
    for (const ref of p.refs) {
      let entry = seen.get(ref);
      if (entry === undefined) {
        const hash = poolEntry(p.pool, ref);
        entry = entries.get(hash) ?? entries.size;
        entries.set(hash, entry);
        seen.set(ref, entry);
      }
      refs[at++] = entry;
    }
  }
  const pool = new Uint8Array(entries.size * HASH_LENGTH);
  const encoder = new TextEncoder();
  for (const [hash, entry] of entries) encoder.encodeInto(hash, pool.subarray(entry * HASH_LENGTH));
  return { pool, refs };
}
