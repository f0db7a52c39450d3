import type { Bitset } from './bitset';

/**
 * Two index buffers the size of one table, which filter results are written into in turn. The one
 * holding the rows on screen is never written, so a result stays valid as long as it is shown.
 *
 * Why not a new array per filter: fresh memory is faulted in page by page on its first write, and in
 * headless Chromium on the bench machine that costs about 6 ms for 230,000 rows (0.9 MB), several
 * times the scan that fills it, on every keystroke with a broad result. These buffers are faulted in
 * once and then reused. Untouched pages cost nothing, so a buffer is allocated at its full size.
 */
export class RowBuffers {
  readonly size: number;
  private readonly first: Uint32Array;
  private readonly second: Uint32Array;
  private held: ArrayBufferLike | null = null;

  constructor(size: number) {
    this.size = size;
    this.first = new Uint32Array(size);
    this.second = new Uint32Array(size);
  }

  /** The set rows of `bits` (which must have `size` bits), ascending, in the buffer not held. */
  indicesOf(bits: Bitset): Uint32Array {
    if (bits.size !== this.size) {
      throw new RangeError(`row buffers are for ${this.size} rows, the bitset has ${bits.size}`);
    }
    return bits.toIndices(this.first.buffer === this.held ? this.second : this.first);
  }

  /**
   * Marks `rows` as held (on screen) until the next call: later results go to the other buffer.
   * Rows from elsewhere hold neither buffer.
   */
  hold(rows: Uint32Array): void {
    this.held = rows.buffer;
  }
}
