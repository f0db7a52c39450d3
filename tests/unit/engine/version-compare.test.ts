import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  compareNatural,
  compareStrings,
  compareVersions,
  rankStrings,
  type StringOrder,
} from '../../../src/data/engine/version-compare';

const sign = (n: number) => Math.sign(n);

describe('compareVersions', () => {
  it.each([
    ['1.10', '1.9', 1],
    ['1.9', '1.10', -1],
    ['1.2.1', '1.2', 1],
    ['1.2', '1.2.0', -1],
    // Spack's order: develop, main, master and friends are newer than any numbered version.
    ['1.0', '1.develop', -1],
    ['develop', '0.1', 1],
    ['main', 'develop', -1],
    ['1.10rc1', '1.10', 1],
    ['2.0-rc1', '2.0-rc2', -1],
    ['2024.10.26', '2024.9.30', 1],
    ['20240101123456789012', '20240101123456789011', 1],
    ['1.a', '1.B', 1],
    ['', '0', -1],
    ['', '', 0],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(sign(compareVersions(a, b))).toBe(expected);
    expect(sign(compareVersions(b, a))).toBe(-expected || 0);
  });
});

describe('compareNatural', () => {
  it.each([
    ['gcc@9.4.0', 'gcc@11.4.0', -1],
    ['a9', 'a10', -1],
    ['a01', 'a1', 0],
    ['Zlib', 'zlib', -1],
    ['x86_64', 'x86_64_v3', -1],
    ['9lives', 'alpha', -1],
    ['e4s', 'e4s-oneapi', -1],
  ])('compares %s with %s as %i', (a, b, expected) => {
    expect(sign(compareNatural(a, b))).toBe(expected);
    expect(sign(compareNatural(b, a))).toBe(-expected || 0);
  });
});

describe('rankStrings', () => {
  it('ranks versions densely, identical strings together, equivalent spellings apart', () => {
    expect(Array.from(rankStrings(['1.10', '1.9', '1.10', '1.0', '1_0'], 'version'))).toEqual([
      3, 2, 3, 0, 1,
    ]);
  });

  it('ranks an empty dictionary', () => {
    expect(rankStrings([], 'natural')).toHaveLength(0);
  });
});

const tricky = fc.string({ unit: fc.constantFrom(...'0019.-_abZ@'), maxLength: 8 });
const orderArb = fc.constantFrom<StringOrder>('version', 'natural');

describe('string orders (properties)', () => {
  it('compareStrings is antisymmetric and zero only for identical strings', () => {
    fc.assert(
      fc.property(tricky, tricky, orderArb, (a, b, order) => {
        const ab = sign(compareStrings(a, b, order));
        expect(ab).toBe(-sign(compareStrings(b, a, order)) || 0);
        expect(ab === 0).toBe(a === b);
      }),
    );
  });

  it('compareStrings is transitive', () => {
    fc.assert(
      fc.property(tricky, tricky, tricky, orderArb, (a, b, c, order) => {
        const [x, y, z] = [a, b, c].sort((p, q) => compareStrings(p, q, order));
        expect(compareStrings(x ?? '', y ?? '', order)).toBeLessThanOrEqual(0);
        expect(compareStrings(y ?? '', z ?? '', order)).toBeLessThanOrEqual(0);
        expect(compareStrings(x ?? '', z ?? '', order)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('rankStrings agrees with compareStrings', () => {
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 12 }), orderArb, (values, order) => {
        const ranks = rankStrings(values, order);
        values.forEach((a, i) =>
          values.forEach((b, j) => {
            expect(sign((ranks[i] ?? 0) - (ranks[j] ?? 0))).toBe(sign(compareStrings(a, b, order)));
          }),
        );
        expect(new Set(ranks).size).toBe(new Set(values).size);
      }),
    );
  });
});
