import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsMask, equalMask, hasValue } from '../../../src/data/query/dict-index';

const DICT = ['hdf5', 'py-h5py', 'HDF5-Tools', 'zlib', 'hdf5', 'İstanbul', 'x'];
const codes = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i] === 1);
const naive = (dict: readonly string[], needle: string) =>
  dict.flatMap((v, code) => (v.toLowerCase().includes(needle) ? [code] : []));

describe('dictionary lookups', () => {
  it.each<[string, number[]]>([
    ['hdf5', [0, 4]],
    ['HDF5-Tools', [2]],
    ['hdf', []],
    ['', []],
  ])('finds every code of exactly %j', (value, expected) => {
    expect(codes(equalMask(DICT, 'package', value))).toEqual(expected);
    expect(hasValue(DICT, 'package', value)).toBe(expected.length > 0);
  });

  it.each<[string, string]>([
    ['a word in several values, any case', 'hdf'],
    ['the end of one value and the start of the next is no match', 'lib' + 'hdf'],
    ['a word after a value whose lowercase is longer', 'bul'],
    ['the last value', 'x'],
    ['nothing', 'qqq'],
    ['every value, for an empty word', ''],
    ['a NUL, which only a hand-made link holds', 'zlib\u0000hdf5'],
  ])('finds words inside values: %s', (_what, needle) => {
    expect(codes(containsMask(DICT, needle))).toEqual(naive(DICT, needle));
  });

  it('answers an empty dictionary', () => {
    expect(codes(containsMask([], 'a'))).toEqual([]);
    expect(codes(containsMask([], ''))).toEqual([]);
    expect(codes(equalMask([], 'package', 'a'))).toEqual([]);
  });

  it('equals testing each value, for any dictionary and word', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 'c', '-', '@', 'İ', 'ß'), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), text, (dict, word) => {
        const needle = word.toLowerCase();
        expect(codes(containsMask(dict, needle))).toEqual(naive(dict, needle));
        expect(codes(equalMask(dict, 'package', word))).toEqual(
          dict.flatMap((v, c) => (v === word ? [c] : [])),
        );
      }),
    );
  });
});
