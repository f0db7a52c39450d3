import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Bitset } from '../../../src/data/engine/bitset';

const list = (b: Bitset) => Array.from(b.toIndices());

describe('Bitset', () => {
  it.each([0, 1, 31, 32, 33, 64, 100])('full(%i) holds exactly the indices below its size', (size) => {
    const b = Bitset.full(size);
    expect(b.count()).toBe(size);
    expect(list(b)).toEqual(Array.from({ length: size }, (_, i) => i));
    expect(b.has(size)).toBe(false);
  });

  it.each([0, 5, 32, 45])('fill(%i) sets only indices below the size, and clear unsets them all', (size) => {
    const filled = new Bitset(size).fill();
    expect(filled.count()).toBe(size);
    expect(list(filled)).toEqual(Array.from({ length: size }, (_, i) => i));
    expect(filled.clear().count()).toBe(0);
  });

  it.each([31, 32, 33, 70])('wordMasks(true) of a %i-bit set reads exactly the rows left out', (size) => {
    const b = new Bitset(size).set(0).set(size - 1);
    const read = (invert: boolean) => {
      const { flip, lastMask } = b.wordMasks(invert);
      const rows: number[] = [];
      b.words.forEach((raw, w) => {
        const word = (raw ^ flip) & (w === b.words.length - 1 ? lastMask : -1);
        for (let bit = 0; bit < 32; bit++) if ((word >>> bit) & 1) rows.push(w * 32 + bit);
      });
      return rows;
    };
    expect(read(true)).toEqual(Array.from({ length: size - 2 }, (_, i) => i + 1));
    expect(read(false)).toEqual([0, size - 1]);
  });

  it('sets, clears and tests bits', () => {
    const b = new Bitset(70).set(0).set(31).set(32).set(69);
    expect(list(b)).toEqual([0, 31, 32, 69]);
    expect(b.has(31)).toBe(true);
    expect(b.has(30)).toBe(false);
    expect(b.has(-1)).toBe(false);
    b.unset(31);
    expect(b.count()).toBe(3);
  });

  it('rejects indices outside its size and operands of another size', () => {
    expect(() => new Bitset(10).set(10)).toThrow(RangeError);
    expect(() => new Bitset(10).set(-1)).toThrow(RangeError);
    expect(() => new Bitset(10).and(new Bitset(11))).toThrow(RangeError);
    expect(() => new Bitset(-1)).toThrow(RangeError);
    expect(() => new Bitset(40, new Uint32Array(1))).toThrow(RangeError);
  });

  it('combines in place and clones independently', () => {
    const a = Bitset.fromIndices(40, [1, 2, 3, 35]);
    const b = Bitset.fromIndices(40, [2, 35, 39]);
    expect(list(a.clone().and(b))).toEqual([2, 35]);
    expect(list(a.clone().or(b))).toEqual([1, 2, 3, 35, 39]);
    expect(list(a.clone().andNot(b))).toEqual([1, 3]);
    expect(list(a)).toEqual([1, 2, 3, 35]);
  });

  it('visits set bits in ascending order, including bit 31 of a word', () => {
    const seen: number[] = [];
    Bitset.fromIndices(64, [63, 31, 0]).forEach((i) => seen.push(i));
    expect(seen).toEqual([0, 31, 63]);
  });

  it('lists dense runs (whole words set) as well as sparse bits', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 200 }),
        fc.array(fc.tuple(fc.nat({ max: 199 }), fc.nat({ max: 80 })), { maxLength: 4 }),
        (size, runs) => {
          const want = new Set<number>();
          for (const [start, length] of runs)
            for (let i = start; i < Math.min(size, start + length); i++) want.add(i);
          const got = Array.from(Bitset.fromIndices(size, [...want]).toIndices());
          expect(got).toEqual([...want].sort((a, b) => a - b));
        },
      ),
    );
    expect(Array.from(Bitset.full(70).toIndices())).toEqual(Array.from({ length: 70 }, (_, i) => i));
  });

  it('writes its indices into a given buffer and returns a view of just them', () => {
    fc.assert(
      fc.property(
        fc
          .nat({ max: 130 })
          .chain((size) => fc.tuple(fc.constant(size), fc.uniqueArray(fc.nat({ max: size })))),
        ([size, picked]) => {
          const bits = Bitset.fromIndices(
            size,
            picked.filter((i) => i < size),
          );
          // Stale entries from an earlier, longer result must not show through.
          const buffer = new Uint32Array(size + 3).fill(7);
          const got = bits.toIndices(buffer);
          expect(Array.from(got)).toEqual(list(bits));
          expect(got.buffer).toBe(buffer.buffer);
        },
      ),
    );
  });

  it('refuses a buffer shorter than its size', () => {
    expect(() => Bitset.fromIndices(40, [1]).toIndices(new Uint32Array(39))).toThrow(/40 entries, got 39/);
  });
});

describe('Bitset (properties)', () => {
  const setsArb = fc
    .nat({ max: 130 })
    .chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc.array(fc.nat({ max: Math.max(0, size - 1) }), { maxLength: size === 0 ? 0 : 60 }),
        fc.array(fc.nat({ max: Math.max(0, size - 1) }), { maxLength: size === 0 ? 0 : 60 }),
      ),
    );

  it('agrees with Set for and, or, andNot, count and iteration', () => {
    fc.assert(
      fc.property(setsArb, ([size, xs, ys]) => {
        const a = Bitset.fromIndices(size, xs);
        const b = Bitset.fromIndices(size, ys);
        const sa = new Set(xs);
        const sb = new Set(ys);
        const sorted = (s: Iterable<number>) => [...s].sort((p, q) => p - q);
        expect(list(a)).toEqual(sorted(sa));
        expect(a.count()).toBe(sa.size);
        expect(list(a.clone().and(b))).toEqual(sorted([...sa].filter((x) => sb.has(x))));
        expect(list(a.clone().or(b))).toEqual(sorted(new Set([...sa, ...sb])));
        expect(list(a.clone().andNot(b))).toEqual(sorted([...sa].filter((x) => !sb.has(x))));
        for (let i = -1; i <= size; i++) expect(a.has(i)).toBe(sa.has(i));
        expect(Bitset.full(size).andNot(a).count()).toBe(size - sa.size);
      }),
    );
  });
});
