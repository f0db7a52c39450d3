import { popcount, type Bitset } from './bitset';
import { lastAtMost } from './last-at-most';

/**
 * A result's rows in display order, read by position. A Uint32Array is one (a sorted result); a filter
 * result is read straight from its bitset (`bitsetOrder`), and every row (`rangeOrder`) needs no storage.
 *
 * Why not always an array: writing out the indices of a broad result ("e4s" matches a fifth of a
 * million specs) is most of a keystroke's engine time, and the screen reads a few dozen of them.
 */
export interface RowOrder {
  readonly length: number;
  /** The row at `position`, read as Array#at reads it (negative from the end); undefined outside. */
  at(position: number): number | undefined;
  /** The first position whose row passes `test`, or -1. */
  findIndex(test: (row: number) => boolean): number;
  /** Calls `fn` with each row, in order. */
  forEach(fn: (row: number) => void): void;
}

/** Bitset words per entry of the rank directory: 1,024 rows, so a lookup scans at most 32 words. */
const BLOCK_WORDS = 32;

/** A position as Array#at reads it (truncated, negative from the end), or -1 when it names no row. */
function resolvePosition(position: number, length: number): number {
  const whole = Math.trunc(position) || 0;
  const p = whole < 0 ? whole + length : whole;
  return p >= 0 && p < length ? p : -1;
}

/**
 * The set rows of `bits`, ascending. `at` finds the block through a directory of set-bit counts, one per
 * 1,024 rows, then the word and the bit: a few hundred operations, whatever the result's size. The
 * bitset must not change while the order is in use.
 */
export function bitsetOrder(bits: Bitset): RowOrder {
  const { words } = bits;
  const before = new Uint32Array(Math.ceil(words.length / BLOCK_WORDS));
  let length = 0;
  for (let w = 0; w < words.length; w++) {
    if (w % BLOCK_WORDS === 0) before[w / BLOCK_WORDS] = length;
    length += popcount(words[w] ?? 0);
  }
  const at = (position: number): number | undefined => {
    const p = resolvePosition(position, length);
    if (p < 0) return undefined;
    // The last block with at most p set rows before it holds row p.
    const block = lastAtMost(before, p, before.length);
    let rest = p - (before[block] ?? 0);
    for (let w = block * BLOCK_WORDS; w < words.length; w++) {
      let word = words[w] ?? 0;
      const n = popcount(word);
      if (rest >= n) {
        rest -= n;
        continue;
      }
      for (; rest > 0; rest--) word &= word - 1;
      return (w << 5) + 31 - Math.clz32(word & -word);
    }
    return undefined;
  };
  const findIndex = (test: (row: number) => boolean): number => {
    let position = 0;
    for (let w = 0; w < words.length; w++) {
      let word = words[w] ?? 0;
      while (word !== 0) {
        const low = word & -word;
        if (test((w << 5) + 31 - Math.clz32(low))) return position;
        position++;
        word ^= low;
      }
    }
    return -1;
  };
  return { length, at, findIndex, forEach: (fn) => bits.forEach(fn) };
}

/** Rows 0 … count − 1 in table order: the view before any filter. */
export function rangeOrder(count: number): RowOrder {
  return {
    length: count,
    at: (position) => {
      const p = resolvePosition(position, count);
      return p < 0 ? undefined : p;
    },
    findIndex: (test) => {
      for (let row = 0; row < count; row++) if (test(row)) return row;
      return -1;
    },
    forEach: (fn) => {
      for (let row = 0; row < count; row++) fn(row);
    },
  };
}
