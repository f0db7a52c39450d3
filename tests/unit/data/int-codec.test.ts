import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardDecodeError } from '../../../src/data/decode-error';
import {
  ALPHABET,
  countValues,
  decodeInts,
  decodeUints,
  decodeUints32,
  decodeUints32Into,
  encodeInts,
  encodeUints,
} from '../../../src/data/int-codec';

const MAX = Number.MAX_SAFE_INTEGER;
const decodeAll = (text: string) => Array.from(decodeUints('f.json', 'col', text, countValues(text)));

describe('int codec: the text form of integer columns', () => {
  it('writes the documented examples', () => {
    expect(encodeUints([0, 5, 31, 32, 1000])).toBe('AFfgBof');
    expect(encodeInts([0, -1, 1, -2, 15, -16, 16, 1000, -1000])).toBe('ABCDefgBw-Bv-B');
    expect(encodeInts([5, -2, 1, 5])).toBe('KDCK');
    expect(encodeInts([123456, -1])).toBe('gkxHB');
  });

  it('uses the 64 URL-safe base64 characters, the first 32 ending a value', () => {
    expect(ALPHABET).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
    expect(encodeUints(Array.from({ length: 32 }, (_, i) => i))).toBe(ALPHABET.slice(0, 32));
    expect(encodeUints([32, 63])).toBe('gB_B');
  });

  it.each<[number, number]>([
    [0, 1],
    [31, 1],
    [32, 2],
    [1023, 2],
    [1024, 3],
    [2 ** 31, 7],
    [2 ** 32 - 1, 7],
    [2 ** 32, 7],
    [2 ** 35, 8],
    [2 ** 40, 9],
    [2 ** 53 - 1, 11],
  ])('round-trips the unsigned value %d in %d characters', (value, chars) => {
    const text = encodeUints([value, 7, value]);
    expect(text).toHaveLength(2 * chars + 1);
    expect(Array.from(decodeUints('f.json', 'col', text, 3))).toEqual([value, 7, value]);
    if (value <= 2 ** 32 - 1)
      expect(Array.from(decodeUints32('f.json', 'col', text, 3))).toEqual([value, 7, value]);
  });

  it.each<[number, string | number]>([
    [0, 'A'],
    [-1, 'B'],
    [1, 'C'],
    [-2, 'D'],
    [-16, 'f'],
    [16, 'gB'],
    [2 ** 31, 7],
    [-(2 ** 31), 7],
    [-(2 ** 31) - 1, 7],
    [2 ** 40, 9],
    [-(2 ** 40), 9],
    [MAX, 11],
    [-MAX, 11],
  ])('round-trips the signed value %d by zigzag (%s)', (value, form) => {
    const text = encodeInts([value, -3, value]);
    if (typeof form === 'string') expect(text).toBe(`${form}F${form}`);
    else expect(text).toHaveLength(2 * form + 1);
    expect(Array.from(decodeInts('f.json', 'col', text, 3))).toEqual([value, -3, value]);
  });

  it('decodes into a view of a larger array, exactly as many values as the view holds', () => {
    const offsets = new Uint32Array(4).fill(9);
    decodeUints32Into('f.json', 'columns.stacks.lengths', encodeUints([2, 0, 1000]), offsets.subarray(1));
    expect(Array.from(offsets)).toEqual([9, 2, 0, 1000]);
    expect(() => decodeUints32Into('f.json', 'columns.stacks.lengths', 'CA', offsets.subarray(1))).toThrow(
      /^f\.json: columns\.stacks\.lengths: has 2 entries, expected 3$/,
    );
  });

  it('zigzag maps 0, -1, 1, -2, … to 0, 1, 2, 3, …', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (v) => {
        expect(encodeInts([v])).toBe(encodeUints([v >= 0 ? 2 * v : -2 * v - 1]));
      }),
    );
  });

  it('round-trips any safe integers (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat()), (values) => {
        const text = encodeUints(values);
        expect(Array.from(decodeUints('f', 'c', text, values.length))).toEqual(values);
        expect(countValues(text)).toBe(values.length);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 ** 32 - 1 })), (values) => {
        expect(Array.from(decodeUints32('f', 'c', encodeUints(values), values.length))).toEqual(values);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -40, max: 40 }))), (values) => {
        expect(Array.from(decodeInts('f', 'c', encodeInts(values), values.length))).toEqual(values);
      }),
    );
  });

  it('writes each value in the fewest characters, and reads only that spelling (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (v) => {
        expect(encodeUints([v])).toHaveLength(Math.max(1, Math.ceil(v.toString(2).length / 5)));
      }),
    );
    // Any text over the alphabet either is rejected with a ShardDecodeError or is the encoding of what it
    // reads. Texts are built as numbers (continuation characters, then a last one, `A` often), so that
    // zero last groups and long numbers come up, not only texts cut off at the end.
    const continuation = fc.constantFrom(...ALPHABET.slice(32));
    const last = fc.oneof(fc.constant('A'), fc.constantFrom(...ALPHABET.slice(0, 32)));
    const number = fc.tuple(fc.string({ unit: continuation, maxLength: 12 }), last).map(([c, l]) => c + l);
    const text = fc.oneof(
      fc.array(number, { maxLength: 6 }).map((numbers) => numbers.join('')),
      fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 30 }),
    );
    fc.assert(
      fc.property(text, (text) => {
        let values: number[];
        try {
          values = decodeAll(text);
        } catch (e) {
          expect(e).toBeInstanceOf(ShardDecodeError);
          return;
        }
        expect(encodeUints(values)).toBe(text);
      }),
    );
  });

  it('rejects any text with a ShardDecodeError, never another error (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.nat({ max: 20 }), (text, count) => {
        for (const decode of [decodeUints32, decodeUints, decodeInts]) {
          try {
            decode('f', 'c', text, count);
          } catch (e) {
            expect(e).toBeInstanceOf(ShardDecodeError);
          }
        }
      }),
    );
  });
});

describe('int codec errors name the file, the field and the position', () => {
  const decoders = { decodeUints32, decodeUints, decodeInts };
  it.each<[string, keyof typeof decoders, string, number, RegExp]>([
    [
      'invalid ASCII character',
      'decodeUints32',
      'AB.C',
      4,
      /^f\.json: columns\.os: character 2 \("\.", in value 2\) is not one of A-Z a-z 0-9 - _$/,
    ],
    [
      'a character past 127 whose low 7 bits are a digit',
      'decodeUints32',
      'A\u00c1B',
      3,
      /^f\.json: columns\.os: character 1 \("Á", in value 1\) is not one of/,
    ],
    [
      'a character past 127 inside a value',
      'decodeInts',
      'Ag\u00e7',
      2,
      /^f\.json: columns\.os: character 2 \("ç", in value 1\) is not one of/,
    ],
    [
      'a character past 127 in a signed column',
      'decodeInts',
      '\u4e00',
      1,
      /character 0 \("一", in value 0\)/,
    ],
    [
      'value cut off at the end',
      'decodeUints32',
      'ABgg',
      3,
      /^f\.json: columns\.os: value 2 \(from character 2\) is cut off: the text ends where more was to follow$/,
    ],
    ['signed value cut off', 'decodeInts', 'Cg', 2, /columns\.os: value 1 \(from character 1\) is cut off/],
    [
      'fewer values than count',
      'decodeUints32',
      'AB',
      3,
      /^f\.json: columns\.os: has 2 entries, expected 3$/,
    ],
    [
      'more values than count',
      'decodeUints',
      'ABgBC',
      3,
      /^f\.json: columns\.os: has 4 entries, expected 3 \(value 3 starts at character 4\)$/,
    ],
    [
      'more signed values than count',
      'decodeInts',
      'AB',
      1,
      /^f\.json: columns\.os: has 2 entries, expected 1 \(value 1 starts at character 1\)$/,
    ],
    [
      'empty text, one value expected',
      'decodeInts',
      '',
      1,
      /^f\.json: columns\.os: has 0 entries, expected 1$/,
    ],
    [
      'a value past 2^32 - 1',
      'decodeUints32',
      `A${encodeUints([2 ** 32])}`,
      2,
      /^f\.json: columns\.os: value 1 \(from character 1\) is past 2\^32 - 1$/,
    ],
    [
      'a value of eight groups in a 32-bit column',
      'decodeUints32',
      'gggggggB',
      1,
      /^f\.json: columns\.os: value 0 \(from character 0\) is past 2\^32 - 1$/,
    ],
    [
      'an unsigned value of 2^53',
      'decodeUints',
      encodeUints([2 ** 52]).replace(/.$/, (c) => ALPHABET.charAt(ALPHABET.indexOf(c) * 2)),
      1,
      /^f\.json: columns\.os: value 0 \(from character 0\) is past 2\^53 - 1$/,
    ],
    [
      'an unsigned value of twelve groups',
      'decodeUints',
      `${'_'.repeat(11)}B`,
      1,
      /^f\.json: columns\.os: value 0 \(from character 0\) is past 2\^53 - 1$/,
    ],
    [
      'a signed value past -(2^53 - 1)',
      'decodeInts',
      // zigzag 2^54 - 1: magnitude 2^53 - 1, negative, so -(2^53).
      `A${'_'.repeat(10)}P`,
      2,
      /^f\.json: columns\.os: value 1 \(from character 1\) is past ±\(2\^53 - 1\)$/,
    ],
    [
      'a signed value of twelve groups',
      'decodeInts',
      `${'_'.repeat(11)}B`,
      1,
      /^f\.json: columns\.os: value 0 \(from character 0\) is past ±\(2\^53 - 1\)$/,
    ],
    [
      'a zero last group',
      'decodeUints32',
      'BgA',
      2,
      /^f\.json: columns\.os: value 1 \(from character 1\) ends in a zero group, not in the fewest characters$/,
    ],
    ['a signed zero last group', 'decodeInts', 'hA', 1, /value 0 \(from character 0\) ends in a zero group/],
    [
      'lengths add up to more than the values hold',
      'decodeUints32',
      'AB',
      3,
      /^f\.json: columns\.os: has 2 entries, lengths add up to 3$/,
    ],
  ])('%s (%s)', (name, decoder, text, count, message) => {
    const expected = name.startsWith('lengths') ? `lengths add up to ${count}` : undefined;
    const decode = () => decoders[decoder]('f.json', 'columns.os', text, count, expected);
    expect(decode).toThrow(ShardDecodeError);
    expect(decode).toThrow(message);
  });

  it('keeps the file and field on the error', () => {
    const error = (() => {
      try {
        decodeUints32('s.json', 'columns.target', '!', 1);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toMatchObject({ source: 's.json', field: 'columns.target', name: 'ShardDecodeError' });
  });

  it.each<[string, () => string, RegExp]>([
    [
      'a negative unsigned value',
      () => encodeUints([1, -1]),
      /^value 1 is -1, not a non-negative safe integer$/,
    ],
    ['a fraction', () => encodeUints([0.5]), /^value 0 is 0\.5, not a non-negative safe integer$/],
    ['2^53 unsigned', () => encodeUints([2 ** 53]), /^value 0 is 9007199254740992, not a non-negative/],
    ['a signed fraction', () => encodeInts([3, -0.5]), /^value 1 is -0\.5, not a safe integer$/],
    ['-(2^53) signed', () => encodeInts([-(2 ** 53)]), /^value 0 is -9007199254740992, not a safe integer$/],
    ['NaN', () => encodeInts([Number.NaN]), /^value 0 is NaN, not a safe integer$/],
  ])('the encoders refuse %s with the index', (_name, encode, message) => {
    expect(encode).toThrow(RangeError);
    expect(encode).toThrow(message);
  });
});
