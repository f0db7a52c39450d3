/** Bits set in a 32-bit word (SWAR popcount; imul keeps the last step in 32-bit integers). */
export function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * A fixed-size set of row indices, one bit per row. Set operations work in place and return `this`,
 * so a filter reuses one buffer instead of allocating one per step; `clone` first when the input must
 * survive. Bits past `size` are always zero, which keeps `count` exact.
 */
export class Bitset {
  readonly size: number;
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    if (!Number.isInteger(size) || size < 0)
      throw new RangeError(`bitset size must be a whole number, got ${size}`);
    const length = Math.ceil(size / 32);
    if (words && words.length !== length) {
      throw new RangeError(`bitset of ${size} bits needs ${length} words, got ${words.length}`);
    }
    this.size = size;
    this.words = words ?? new Uint32Array(length);
  }

  static full(size: number): Bitset {
    return new Bitset(size).fill();
  }

  /** Sets every index below `size`. */
  fill(): this {
    this.words.fill(0xffffffff);
    const tail = this.size & 31;
    if (tail !== 0) this.words[this.words.length - 1] = (1 << tail) - 1;
    return this;
  }

  /** Unsets every index. */
  clear(): this {
    this.words.fill(0);
    return this;
  }

  static fromIndices(size: number, indices: ArrayLike<number>): Bitset {
    const b = new Bitset(size);
    for (let k = 0; k < indices.length; k++) b.set(indices[k] ?? 0);
    return b;
  }

  has(i: number): boolean {
    if (i < 0 || i >= this.size) return false;
    return ((this.words[i >>> 5] ?? 0) & (1 << (i & 31))) !== 0;
  }

  set(i: number): this {
    this.checkIndex(i);
    const w = i >>> 5;
    this.words[w] = (this.words[w] ?? 0) | (1 << (i & 31));
    return this;
  }

  unset(i: number): this {
    this.checkIndex(i);
    const w = i >>> 5;
    this.words[w] = (this.words[w] ?? 0) & ~(1 << (i & 31));
    return this;
  }

  and(other: Bitset): this {
    this.checkSize(other);
    for (let w = 0; w < this.words.length; w++) this.words[w] = (this.words[w] ?? 0) & (other.words[w] ?? 0);
    return this;
  }

  or(other: Bitset): this {
    this.checkSize(other);
    for (let w = 0; w < this.words.length; w++) this.words[w] = (this.words[w] ?? 0) | (other.words[w] ?? 0);
    return this;
  }

  andNot(other: Bitset): this {
    this.checkSize(other);
    for (let w = 0; w < this.words.length; w++) this.words[w] = (this.words[w] ?? 0) & ~(other.words[w] ?? 0);
    return this;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  /**
   * How to read the words of this set, or with `invert` of its complement, in a hot loop:
   * `(words[w] ^ flip)`, and `& lastMask` on the last word, where the bits past `size` must stay unset
   * (inverted they would read as rows that do not exist).
   */
  wordMasks(invert: boolean): { flip: number; lastMask: number } {
    const tail = this.size & 31;
    return { flip: invert ? -1 : 0, lastMask: invert && tail !== 0 ? (1 << tail) - 1 : -1 };
  }

  count(): number {
    let n = 0;
    for (let w = 0; w < this.words.length; w++) n += popcount(this.words[w] ?? 0);
    return n;
  }

  /** Calls `fn` for each set index in ascending order. */
  forEach(fn: (index: number) => void): void {
    for (let w = 0; w < this.words.length; w++) {
      let word = this.words[w] ?? 0;
      while (word !== 0) {
        const low = word & -word;
        fn((w << 5) + 31 - Math.clz32(low));
        word ^= low;
      }
    }
  }

  /**
   * Set indices in ascending order; the hot loops of the engine iterate this array rather than calling back.
   * With `into` (at least `size` long) they are written there and a view of its start is returned: a
   * caller that keeps a buffer avoids touching fresh memory on every call, which at a million rows
   * costs more than the scan itself (see sortInput in src/app/use-spec-view.ts).
   */
  toIndices(into?: Uint32Array): Uint32Array {
    if (into && into.length < this.size) {
      throw new RangeError(`toIndices needs a buffer of ${this.size} entries, got ${into.length}`);
    }
    const out = into ?? new Uint32Array(this.count());
    let k = 0;
    for (let w = 0; w < this.words.length; w++) {
      let word = this.words[w] ?? 0;
      // Broad filters leave long runs of full words: 32 consecutive rows, no bit scanning.
      if (word === 0xffffffff) {
        const base = w << 5;
        for (let b = 0; b < 32; b++) out[k++] = base + b;
        continue;
      }
      while (word !== 0) {
        const low = word & -word;
        out[k++] = (w << 5) + 31 - Math.clz32(low);
        word ^= low;
      }
    }
    return into ? into.subarray(0, k) : out;
  }

  private checkIndex(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) {
      throw new RangeError(`index ${i} is outside a bitset of ${this.size}`);
    }
  }

  private checkSize(other: Bitset): void {
    if (other.size !== this.size) throw new RangeError(`bitset sizes differ: ${this.size} and ${other.size}`);
  }
}
