import { ShardDecodeError } from './decode-error';

/**
 * A shard's integer columns as text. JSON.parse of a long number array costs far more than of one
 * string of the same size (at a million specs the arrays were most of the load time), so each column
 * is one string and is decoded here by a charCodeAt loop straight into a typed array.
 *
 * Every value is written as 5-bit groups, low group first, one character per group. A character is
 * one of the 64 URL-safe base64 characters, which JSON carries without escaping; its position in
 * ALPHABET is 6 bits: positions 0–31 (`A`–`Z`, `a`–`f`) end a value and carry the group's bits as they
 * are, positions 32–63 (`g`–`z`, `0`–`9`, `-`, `_`) say another group follows and carry bits + 32.
 * So 0–31 take one character and the common small codes read as letters; 32–1023 take two, and so on.
 *
 * The encoders and decoders use arithmetic (`%`, `*`, `Math.floor`) rather than 32-bit bit operations
 * wherever a value may pass 2^31: sizes in bytes do, and every safe integer (2^53 - 1) round-trips.
 */
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Digits below this end a value; DIGITS holds INVALID for a character outside the alphabet. */
const LAST = 32;
const INVALID = 64;

/**
 * Digit of each ASCII code. The decoders index it with `charCode & 127` (no bounds branch in the hot
 * loop) and OR every code into one number, so a character past 127 is still caught in the same pass.
 */
const DIGITS = new Int8Array(128).fill(INVALID);
for (let i = 0; i < ALPHABET.length; i++) DIGITS[ALPHABET.charCodeAt(i)] = i;

const UINT32_MAX = 0xffff_ffff;
/**
 * Weights of the highest group a value may have: group 10 of 11 for a safe integer (2 ** 49 when the
 * first group is 4 bits and a sign), group 6 of 7 below 2^32. A continuation there is too long.
 */
const [UINT_TOP_SCALE, INT_TOP_SCALE, UINT32_TOP_SCALE] = [2 ** 50, 2 ** 49, 2 ** 30];

/** ASCII bytes grown as needed, decoded once at the end: cheaper than string concatenation per digit. */
class DigitWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;
  push(digit: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = ALPHABET.charCodeAt(digit);
  }
  /** Writes `value` (a non-negative safe integer) as groups, the first one already taken off by the caller. */
  pushGroups(value: number): void {
    let v = value;
    while (v >= LAST) {
      this.push(LAST + (v % LAST));
      v = Math.floor(v / LAST);
    }
    this.push(v);
  }
  text(): string {
    return new TextDecoder().decode(this.bytes.subarray(0, this.length));
  }
}

/** Encode non-negative safe integers (codes, lengths, rows). Throws a RangeError naming the index of a bad value. */
export function encodeUints(values: ArrayLike<number>): string {
  const out = new DigitWriter();
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? -1;
    if (!Number.isSafeInteger(v) || v < 0)
      throw new RangeError(`value ${i} is ${v}, not a non-negative safe integer`);
    out.pushGroups(v);
  }
  return out.text();
}

/**
 * Encode safe integers of either sign by zigzag (0, -1, 1, -2 → 0, 1, 2, 3: u = 2v for v >= 0,
 * -2v - 1 for v < 0), so small negatives stay short. u itself can pass 2^53 (it needs up to 54 bits),
 * so it is never formed: its first group is the low 4 bits of the magnitude (v or -v - 1) shifted up
 * by one with the sign as bit 0, and the rest of u is the magnitude divided by 16.
 */
export function encodeInts(values: ArrayLike<number>): string {
  const out = new DigitWriter();
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isSafeInteger(v)) throw new RangeError(`value ${i} is ${v}, not a safe integer`);
    const sign = v < 0 ? 1 : 0;
    const magnitude = v < 0 ? -v - 1 : v;
    const low = (magnitude % 16) * 2 + sign;
    const rest = Math.floor(magnitude / 16);
    out.push(rest === 0 ? low : LAST + low);
    if (rest > 0) out.pushGroups(rest);
  }
  return out.text();
}

/** How many values `text` holds: the characters that end one. Does not check the text. */
export function countValues(text: string): number {
  let n = 0;
  for (let pos = 0; pos < text.length; pos++) if (digitAt(text, pos) < LAST) n++;
  return n;
}

function digitAt(text: string, pos: number): number {
  return DIGITS[text.charCodeAt(pos)] ?? INVALID;
}

/**
 * The error for a problem found at character `pos`; only ever called to throw, so it may rescan. A
 * character outside the alphabet at or before `pos` is reported first: the hot loops read codes past
 * 127 as `code & 127` and only notice them at the end.
 */
function decodeError(
  source: string,
  field: string,
  text: string,
  pos: number,
  problem: 'overlong' | 'range' | 'cut off' | 'invalid',
  limit = '',
): ShardDecodeError {
  let index = 0;
  let start = 0;
  for (let p = 0; p < Math.min(pos + 1, text.length); p++) {
    const d = digitAt(text, p);
    if (d >= INVALID) {
      return new ShardDecodeError(
        source,
        field,
        `character ${p} (${JSON.stringify(text.charAt(p))}, in value ${index}) is not one of A-Z a-z 0-9 - _`,
      );
    }
    if (d < LAST && p < pos) {
      index++;
      start = p + 1;
    }
  }
  const value = `value ${index} (from character ${start})`;
  if (problem === 'cut off')
    return new ShardDecodeError(source, field, `${value} is cut off: the text ends where more was to follow`);
  // A zero last group (`gA` for 0) would give one value many spellings; only the shortest is valid.
  if (problem === 'overlong')
    return new ShardDecodeError(source, field, `${value} ends in a zero group, not in the fewest characters`);
  return new ShardDecodeError(source, field, `${value} is past ${limit}`);
}

/** After the loop: any character past 127, then the number of values. */
function checkEnd(
  source: string,
  field: string,
  text: string,
  high: number,
  n: number,
  count: number,
  expected: string,
): void {
  if (high > 127) throw decodeError(source, field, text, text.length, 'invalid');
  if (n < count) throw new ShardDecodeError(source, field, `has ${n} entries, ${expected}`);
  if (n > count) {
    let at = 0;
    for (let seen = 0; seen < count; at++) if (digitAt(text, at) < LAST) seen++;
    throw new ShardDecodeError(
      source,
      field,
      `has ${n} entries, ${expected} (value ${count} starts at character ${at})`,
    );
  }
}

/**
 * The unsigned loop, into a Uint32Array or a Float64Array (the app only ever passes the former, so its
 * stores stay monomorphic). As in decodeInts, one branch per character picks "last group" or "more
 * follows", a one-character value (the common case) is stored at once, and a store past `count` is
 * dropped by the typed array and reported at the end.
 */
function decodeUnsigned<T extends Uint32Array | Float64Array>(
  source: string,
  field: string,
  text: string,
  out: T,
  max: number,
  expected: string,
): T {
  const [topScale, limit] =
    max === UINT32_MAX ? [UINT32_TOP_SCALE, '2^32 - 1'] : [UINT_TOP_SCALE, '2^53 - 1'];
  const length = text.length;
  let n = 0;
  let value = 0;
  let scale = 1;
  let high = 0;
  for (let pos = 0; pos < length; pos++) {
    const code = text.charCodeAt(pos);
    high |= code;
    const d = DIGITS[code & 127] ?? INVALID;
    if (d < LAST) {
      if (scale === 1) out[n++] = d;
      else {
        if (d === 0) throw decodeError(source, field, text, pos, 'overlong');
        value += d * scale;
        // A sum past 2^53 may round, but never below 2^53, so this still catches it.
        if (value > max) throw decodeError(source, field, text, pos, 'range', limit);
        out[n++] = value;
        value = 0;
        scale = 1;
      }
    } else if (d < INVALID) {
      value += (d - LAST) * scale;
      scale *= LAST;
      if (scale > topScale) throw decodeError(source, field, text, pos, 'range', limit);
    } else throw decodeError(source, field, text, pos, 'invalid');
  }
  if (scale !== 1) throw decodeError(source, field, text, length, 'cut off');
  checkEnd(source, field, text, high, n, out.length, expected);
  return out;
}

/**
 * Decode `count` non-negative values below 2^32 (codes, lengths, rows). `expected` words the count in
 * a mismatch error ("lengths add up to 7" reads better than "expected 7" for list values). Every error
 * is a ShardDecodeError naming `source`, `field` and the value index and character position.
 */
export function decodeUints32(
  source: string,
  field: string,
  text: string,
  count: number,
  expected = `expected ${count}`,
): Uint32Array {
  return decodeUnsigned(source, field, text, new Uint32Array(count), UINT32_MAX, expected);
}

/** decodeUints32 into `out` (exactly `out.length` values), e.g. a view of a larger array: no extra copy. */
export function decodeUints32Into(source: string, field: string, text: string, out: Uint32Array): void {
  decodeUnsigned(source, field, text, out, UINT32_MAX, `expected ${out.length}`);
}

/** Decode `count` non-negative safe integers into a Float64Array: the full range encodeUints writes. */
export function decodeUints(
  source: string,
  field: string,
  text: string,
  count: number,
  expected = `expected ${count}`,
): Float64Array {
  return decodeUnsigned(source, field, text, new Float64Array(count), Number.MAX_SAFE_INTEGER, expected);
}

const SAFE_RANGE = '±(2^53 - 1)';

/**
 * Decode `count` zigzag-coded safe integers (hashRef deltas, sizes) into a Float64Array, which holds
 * each exactly. The first group of a value is the sign (bit 0) and 4 bits of magnitude; the magnitude
 * is summed without ever forming the zigzag number, which can pass 2^53. Errors as for decodeUints32.
 */
export function decodeInts(
  source: string,
  field: string,
  text: string,
  count: number,
  expected = `expected ${count}`,
): Float64Array {
  const out = new Float64Array(count);
  const length = text.length;
  let n = 0;
  let magnitude = 0;
  let sign = 0;
  // 1 while at a value's first character; then the weight of the next group's bits.
  let scale = 1;
  let high = 0;
  for (let pos = 0; pos < length; pos++) {
    const code = text.charCodeAt(pos);
    high |= code;
    const d = DIGITS[code & 127] ?? INVALID;
    if (d < LAST) {
      // 5 bits or fewer: bit operations are safe here.
      if (scale === 1) out[n++] = d & 1 ? -(d >> 1) - 1 : d >> 1;
      else {
        if (d === 0) throw decodeError(source, field, text, pos, 'overlong');
        magnitude += d * scale;
        if (magnitude > Number.MAX_SAFE_INTEGER - sign)
          throw decodeError(source, field, text, pos, 'range', SAFE_RANGE);
        out[n++] = sign ? -magnitude - 1 : magnitude;
        scale = 1;
      }
    } else if (d < INVALID) {
      if (scale === 1) {
        sign = d & 1;
        magnitude = (d - LAST) >> 1;
        scale = 16;
      } else {
        magnitude += (d - LAST) * scale;
        scale *= LAST;
        if (scale > INT_TOP_SCALE) throw decodeError(source, field, text, pos, 'range', SAFE_RANGE);
      }
    } else throw decodeError(source, field, text, pos, 'invalid');
  }
  if (scale !== 1) throw decodeError(source, field, text, length, 'cut off');
  checkEnd(source, field, text, high, n, count, expected);
  return out;
}
