import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concatHashColumns,
  entriesWithPrefix,
  hasRowWithPrefix,
  rowsWithPrefix,
  visitRowsHolding,
  type HashColumn,
} from '../../../src/data/hash-column';
import { hashPoolOf } from '../../../src/data/hash-pool';
import { columnHashes } from '../../helpers/tables';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const A = 'a'.repeat(30) + 'bc';
const B = 'bc' + 'd'.repeat(30);
const C = 'cccc' + 'e4s'.repeat(8) + 'zzzz';

function column(pool: readonly string[], refs: readonly number[]): HashColumn {
  return { pool: hashPoolOf(pool).bytes, refs: Uint32Array.from(refs) };
}

const entries = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i] === 1);

describe('hash column', () => {
  const col = column([A, B, C], [2, 0, 0, 1, 2]);

  it('gives each row the hash of its pool entry', () => {
    expect(columnHashes(col)).toEqual([C, A, A, B, C]);
  });

  it.each<[string, string, number[]]>([
    ['a whole hash', B, [1]],
    ['a prefix of one hash', 'aaa', [0]],
    ['a prefix shared by none', 'zz', []],
    ['"bc", which ends A and starts B: only B starts with it', 'bc', [1]],
    ['nothing for an empty prefix', '', []],
  ])('finds entries by prefix: %s', (_name, prefix, expected) => {
    expect(entries(entriesWithPrefix(col.pool, prefix))).toEqual(expected);
  });

  it.each<[string, string, number[]]>([
    ['text inside a hash', 'e4s', [2]],
    ['text at the end of one hash', 'abc', [0]],
    ['text across two hashes is no match', 'bcbc', []],
    ['text in several', 'c', [0, 1, 2]],
  ])('finds entries by text: %s', (_name, needle, expected) => {
    const rows: number[] = [];
    visitRowsHolding(col, needle, false, (row) => rows.push(row));
    // Each entry's rows: the entries found are the ones these rows point at.
    expect([...new Set(rows.map((row) => col.refs[row]))].sort()).toEqual(expected);
  });

  it('maps entries to rows in row order', () => {
    expect(rowsWithPrefix(col, 'cccc')).toEqual([0, 4]);
    expect(rowsWithPrefix(col, 'a')).toEqual([1, 2]);
    expect(rowsWithPrefix(col, '')).toEqual([]);
  });

  it('says whether a row holds a prefix, not just the pool (a dataset pool holds other tags too)', () => {
    const onlyB = column([A, B, C], [1, 1]);
    expect(hasRowWithPrefix(onlyB, 'bcd')).toBe(true);
    expect(hasRowWithPrefix(onlyB, 'aaa')).toBe(false);
    expect(hasRowWithPrefix(onlyB, C)).toBe(false);
    expect(hasRowWithPrefix(onlyB, '')).toBe(false);
    // Two entries share the prefix and only the second is used: the search goes past the first.
    const A2 = 'a'.repeat(30) + 'cd';
    expect(hasRowWithPrefix(column([A, A2, B], [1]), 'aaaa')).toBe(true);
    expect(hasRowWithPrefix(column([A, A2, B], [0, 2]), A2)).toBe(false);
  });

  it('keeps the refs of columns on prefixes of one pool, and takes the longest pool', () => {
    const long = hashPoolOf([A, B, C]).bytes;
    const merged = concatHashColumns([
      { pool: long.subarray(0, 64), refs: Uint32Array.of(1, 0) },
      { pool: long, refs: Uint32Array.of(2) },
      // A copy of a prefix, as a tag loaded before the pool buffer grew holds.
      { pool: long.slice(0, 32), refs: Uint32Array.of(0) },
    ]);
    expect(merged.pool).toBe(long);
    expect(Array.from(merged.refs)).toEqual([1, 0, 2, 0]);
  });

  it('merges equal hashes of unrelated pools into one entry', () => {
    const merged = concatHashColumns([column([A, B], [1, 0]), column([C, A], [1, 0, 1])]);
    expect(columnHashes(merged)).toEqual([B, A, A, C, A]);
    expect(merged.pool.byteLength).toBe(3 * 32);
  });

  it('merges any columns into one whose rows hold the same hashes', () => {
    const hashArb = fc.string({ unit: fc.constantFrom(...BASE32), minLength: 32, maxLength: 32 });
    const columnArb = fc
      .array(hashArb, { minLength: 1, maxLength: 5 })
      .chain((pool) => fc.array(fc.nat(pool.length - 1), { maxLength: 8 }).map((refs) => column(pool, refs)));
    fc.assert(
      fc.property(fc.array(columnArb, { maxLength: 4 }), (parts) => {
        expect(columnHashes(concatHashColumns(parts))).toEqual(parts.flatMap(columnHashes));
      }),
    );
  });
});
