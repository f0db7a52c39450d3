import { HASH_LENGTH } from '../schema';
import type { ListColumn, SpecTable } from '../spec-table';
import { rankStrings, type StringOrder } from './version-compare';

export const SORT_COLUMNS = [
  'hash',
  'package',
  'version',
  'compiler',
  'os',
  'target',
  'platform',
  'variants',
  'stacks',
  'size',
  'tag',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/**
 * Every column reduces to a small integer rank per row, so sorting any subset is one stable counting
 * sort: the key of row r is `rank[codes ? codes[r] : r]`. Ranks at or past `lastFrom` (unknown sizes)
 * stay after the others in both directions.
 */
interface SortKeys {
  codes: Uint32Array | null;
  rank: Uint32Array;
  buckets: number;
  lastFrom: number;
}

/** Stable counting sort of `items` by `keys` (same length, each key < buckets) into `out`. */
function countingSort(items: Uint32Array, keys: Uint32Array, buckets: number, out: Uint32Array): Uint32Array {
  const next = new Uint32Array(buckets + 1);
  for (let i = 0; i < keys.length; i++) {
    const k = (keys[i] ?? 0) + 1;
    next[k] = (next[k] ?? 0) + 1;
  }
  for (let b = 0; b < buckets; b++) next[b + 1] = (next[b + 1] ?? 0) + (next[b] ?? 0);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] ?? 0;
    const at = next[k] ?? 0;
    out[at] = items[i] ?? 0;
    next[k] = at + 1;
  }
  return out;
}

function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Dense ranks, per row of a table of `count` rows, from rows in sorted order: equal neighbours share a rank. */
function denseRanks(order: Uint32Array, count: number, same: (a: number, b: number) => boolean): SortKeys {
  const rank = new Uint32Array(count);
  let r = 0;
  for (let i = 0; i < order.length; i++) {
    const row = order[i] ?? 0;
    if (i > 0 && !same(order[i - 1] ?? 0, row)) r++;
    rank[row] = r;
  }
  const buckets = order.length === 0 ? 0 : r + 1;
  return { codes: null, rank, buckets, lastFrom: buckets };
}

function codeKeys(codes: Uint32Array, dict: readonly string[], order: StringOrder): SortKeys {
  const rank = rankStrings(dict, order);
  const buckets = rank.reduce((m, r) => Math.max(m, r + 1), 0);
  return { codes, rank, buckets, lastFrom: buckets };
}

const SMALL_GROUP = 16;

/**
 * Row order by digit sequences; digit -1 ends a sequence and sorts first. MSD radix: each group is split
 * by its next digit touching only the buckets it uses, so the work tracks the prefixes that tell rows
 * apart rather than the longest list, and reads rows in table order at the first, largest level.
 * Groups of a few rows finish by insertion sort.
 */
function msdOrder(n: number, buckets: number, digit: (row: number, depth: number) => number): Uint32Array {
  const order = identity(n);
  const spare = new Uint32Array(n);
  const keys = new Uint32Array(n);
  const next = new Uint32Array(buckets + 1);
  const compare = (a: number, b: number, depth: number): number => {
    for (let d = depth; ; d++) {
      const x = digit(a, d);
      const y = digit(b, d);
      if (x !== y || x < 0) return x - y;
    }
  };
  const stack = [0, n, 0];
  while (stack.length > 0) {
    const depth = stack.pop() ?? 0;
    const end = stack.pop() ?? 0;
    const start = stack.pop() ?? 0;
    if (end - start <= SMALL_GROUP) {
      for (let i = start + 1; i < end; i++) {
        const row = order[i] ?? 0;
        let j = i;
        for (; j > start && compare(order[j - 1] ?? 0, row, depth) > 0; j--) order[j] = order[j - 1] ?? 0;
        order[j] = row;
      }
      continue;
    }
    const used: number[] = [];
    for (let i = start; i < end; i++) {
      const k = digit(order[i] ?? 0, depth) + 1;
      keys[i] = k;
      if (next[k] === 0) used.push(k);
      next[k] = (next[k] ?? 0) + 1;
    }
    used.sort((x, y) => x - y);
    let at = start;
    for (const k of used) {
      const c = next[k] ?? 0;
      next[k] = at;
      at += c;
    }
    if (used.length > 1) {
      for (let i = start; i < end; i++) {
        const k = keys[i] ?? 0;
        const p = next[k] ?? 0;
        spare[p] = order[i] ?? 0;
        next[k] = p + 1;
      }
      order.set(spare.subarray(start, end), start);
    } else {
      next[used[0] ?? 0] = end;
    }
    // After placement next[k] is the end of group k; ended sequences (key 0) need no further split.
    let groupStart = start;
    for (const k of used) {
      const groupEnd = next[k] ?? 0;
      if (k !== 0) stack.push(groupStart, groupEnd, depth + 1);
      groupStart = groupEnd;
      next[k] = 0;
    }
  }
  return order;
}

/** Lists compare element by element (a prefix first), optionally by length before that. */
function listKeys(
  list: ListColumn,
  dict: readonly string[],
  order: StringOrder,
  byLength: boolean,
): SortKeys {
  const { offsets, values } = list;
  const elementRank = rankStrings(dict, order);
  const len = (row: number) => (offsets[row + 1] ?? 0) - (offsets[row] ?? 0);
  const element = (row: number, k: number) =>
    k < len(row) ? (elementRank[values[(offsets[row] ?? 0) + k] ?? 0] ?? 0) : -1;
  let buckets = elementRank.reduce((m, r) => Math.max(m, r + 1), 1);
  for (let r = 0; byLength && r + 1 < offsets.length; r++) buckets = Math.max(buckets, len(r) + 1);
  const sorted = msdOrder(
    offsets.length - 1,
    buckets,
    byLength ? (row, d) => (d === 0 ? len(row) : element(row, d - 1)) : element,
  );
  return denseRanks(sorted, sorted.length, (a, b) => {
    const l = len(a);
    if (l !== len(b)) return false;
    for (let k = 0; k < l; k++) if (element(a, k) !== element(b, k)) return false;
    return true;
  });
}

/** Hashes in code-unit order, one character per MSD digit. */
function hashKeys(table: SpecTable): SortKeys {
  const { pool, refs } = table.hashes;
  const digit = (row: number, d: number) =>
    d < HASH_LENGTH ? (pool[(refs[row] ?? 0) * HASH_LENGTH + d] ?? 0) : -1;
  const sorted = msdOrder(table.count, 1 << 16, digit);
  return denseRanks(sorted, table.count, (a, b) => {
    for (let d = 0; d < HASH_LENGTH; d++) if (digit(a, d) !== digit(b, d)) return false;
    return true;
  });
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Numbers by value, then text sizes by natural order. For doubles >= 0 the IEEE-754 bits, read as an
 * unsigned integer, order like the values, so an LSD radix over four 16-bit digits replaces a
 * comparison sort; digits that are equal on every row (most of them, for byte counts) are skipped.
 */
function sizeKeys(table: SpecTable): SortKeys {
  const { size } = table;
  const n = size.length;
  const bits = new Float64Array(n);
  const words = new Uint32Array(bits.buffer);
  let sorted: Uint32Array = new Uint32Array(n);
  let m = 0;
  for (let r = 0; r < n; r++) {
    const v = size[r] ?? 0;
    if (!(v >= 0)) continue;
    bits[r] = v + 0; // -0 + 0 is +0: one bit pattern per value
    sorted[m++] = r;
  }
  sorted = sorted.subarray(0, m);
  let spare: Uint32Array = new Uint32Array(m);
  const keys = new Uint32Array(m);
  for (const word of LITTLE_ENDIAN ? [0, 1] : [1, 0]) {
    for (const shift of [0, 16]) {
      let differs = false;
      for (let i = 0; i < m; i++) {
        keys[i] = ((words[(sorted[i] ?? 0) * 2 + word] ?? 0) >>> shift) & 0xffff;
        differs ||= keys[i] !== keys[0];
      }
      if (!differs) continue;
      const done = countingSort(sorted, keys, 1 << 16, spare);
      spare = sorted;
      sorted = done;
    }
  }
  const { rank, buckets: unique } = denseRanks(sorted, n, (a, b) => size[a] === size[b]);
  const textRank = rankStrings(table.dicts.sizeText, 'natural');
  const texts = textRank.reduce((t, r) => Math.max(t, r + 1), 0);
  for (let r = 0; r < n; r++) {
    const v = size[r] ?? 0;
    if (!(v >= 0)) rank[r] = unique + (textRank[-v - 1] ?? 0);
  }
  return { codes: null, rank, buckets: unique + texts, lastFrom: unique };
}

function buildKeys(table: SpecTable, column: SortColumn): SortKeys {
  const { dicts } = table;
  switch (column) {
    case 'hash':
      return hashKeys(table);
    case 'version':
      return listKeys(table.versions, dicts.version, 'version', false);
    case 'variants':
      return listKeys(table.variants, dicts.variant, 'natural', false);
    case 'stacks':
      return listKeys(table.stacks, dicts.stack, 'natural', true);
    case 'size':
      return sizeKeys(table);
    default:
      return codeKeys(table[column], dicts[column], 'natural');
  }
}

// Ranks are computed once per table and column (tables are immutable); later sorts are O(rows + ranks).
const keyCache = new WeakMap<SpecTable, { count: number; keys: Map<SortColumn, SortKeys> }>();

function sortKeys(table: SpecTable, column: SortColumn): SortKeys {
  let entry = keyCache.get(table);
  // A table whose row count changed in place gets fresh ranks rather than stale ones.
  if (!entry || entry.count !== table.count)
    keyCache.set(table, (entry = { count: table.count, keys: new Map() }));
  const perTable = entry.keys;
  let keys = perTable.get(column);
  if (!keys) perTable.set(column, (keys = buildKeys(table, column)));
  return keys;
}

/**
 * Stable sort of row indices by a column; ties keep their order in `rows`. Orders: hash by code unit;
 * package, compiler, os, target, platform, tag naturally (gcc@9 < gcc@11); version lists by version
 * order element by element (1.10 > 1.9; no versions first); variants element by element in source
 * order, natural per element (the joined text, read naturally); stacks by count, then element by
 * element; size by bytes, with text sizes ("-") after all numbers in either direction.
 */
export function sortRows(
  table: SpecTable,
  rows: Uint32Array,
  column: SortColumn,
  desc: boolean,
): Uint32Array {
  const { codes, rank, buckets, lastFrom } = sortKeys(table, column);
  const keys = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const key = rank[codes ? (codes[row] ?? 0) : row] ?? 0;
    // Descending mirrors each group separately so the "last" group stays last.
    keys[i] = !desc ? key : key < lastFrom ? lastFrom - 1 - key : lastFrom + buckets - 1 - key;
  }
  return countingSort(rows, keys, buckets, new Uint32Array(rows.length));
}
