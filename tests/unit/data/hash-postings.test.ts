import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashPostings, visitRowsHolding } from '../../../src/data/hash-column';
import { hashAt, type SpecTable } from '../../../src/data/spec-table';
import { hashOf, spec, tableArbOf, tableOf } from '../engine/fixtures';

const brute = (table: SpecTable, needle: string, atStart: boolean) =>
  Array.from({ length: table.count }, (_, row) => row).filter((row) =>
    atStart ? hashAt(table, row).startsWith(needle) : hashAt(table, row).includes(needle),
  );

function rowsHolding(table: SpecTable, needle: string, atStart: boolean): number[] {
  const rows: number[] = [];
  visitRowsHolding(table.hashes, needle, atStart, (row) => rows.push(row));
  return rows.sort((a, b) => a - b);
}

describe('hash postings', () => {
  const table = tableOf([
    [
      't',
      [
        spec({ hash: hashOf('e4sabc') }),
        spec({ hash: hashOf('xe4zzz') }),
        spec({ hash: hashOf('qqqqe4s') }),
        spec({ hash: hashOf('bbbbbb') }),
        spec({ hash: hashOf('e4sabc') }),
      ],
    ],
  ]);

  it.each<[string, boolean, number]>([
    ['e4s', false, 3],
    ['e4s', true, 2],
    ['e4', false, 4],
    ['zz', true, 0],
    ['', false, 0],
  ])('"%s" (at the start: %s) gives the %i rows whose hash holds it', (needle, atStart, count) => {
    const rows = rowsHolding(table, needle, atStart);
    expect(rows).toHaveLength(count);
    if (needle !== '') expect(rows).toEqual(brute(table, needle, atStart));
  });

  it('lists every row once, under the entry its ref names, ascending within an entry', () => {
    const { offsets, rows } = hashPostings(table.hashes);
    expect([...rows].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    for (let e = 0; e + 1 < offsets.length; e++) {
      const own = [...rows.subarray(offsets[e], offsets[e + 1])];
      expect(own).toEqual([...own].sort((a, b) => a - b));
      for (const row of own) expect(table.hashes.refs[row]).toBe(e);
    }
  });

  it('refuses a ref past the end of the pool, naming the row', () => {
    const column = { pool: table.hashes.pool, refs: Uint32Array.of(0, 99) };
    expect(() => hashPostings(column)).toThrow(/row 1 points at pool entry 99/);
  });

  it('equals a brute-force scan for any word, anywhere or at the start', () => {
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'e', '4', 's', 'z'),
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(tableArbOf(40, 1), word, fc.boolean(), (t, w, atStart) => {
        expect(rowsHolding(t, w, atStart)).toEqual(brute(t, w, atStart));
      }),
    );
  });
});
