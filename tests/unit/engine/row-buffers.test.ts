import { describe, expect, it } from 'vitest';
import { Bitset } from '../../../src/data/engine/bitset';
import { RowBuffers } from '../../../src/data/engine/row-buffers';

const bits = (indices: number[]) => Bitset.fromIndices(10, indices);

describe('RowBuffers', () => {
  it('gives the set rows of a bitset, ascending', () => {
    expect(Array.from(new RowBuffers(10).indicesOf(bits([9, 0, 4])))).toEqual([0, 4, 9]);
  });

  it('never writes over the rows it holds', () => {
    const buffers = new RowBuffers(10);
    const shown = buffers.indicesOf(bits([1, 2, 3]));
    buffers.hold(shown);
    // Results that are computed but never shown (a discarded render) all go to the other buffer.
    const first = buffers.indicesOf(bits([5]));
    const second = buffers.indicesOf(bits([6, 7]));
    expect(Array.from(shown)).toEqual([1, 2, 3]);
    expect(second.buffer).toBe(first.buffer);
    expect(second.buffer).not.toBe(shown.buffer);
    // Once the newer rows are shown, the older buffer is free again.
    buffers.hold(second);
    const third = buffers.indicesOf(bits([0]));
    expect(third.buffer).toBe(shown.buffer);
    expect(Array.from(second)).toEqual([6, 7]);
  });

  it('treats rows from elsewhere as holding neither buffer', () => {
    const buffers = new RowBuffers(10);
    const a = buffers.indicesOf(bits([1]));
    buffers.hold(Uint32Array.of(1, 2));
    expect(buffers.indicesOf(bits([2])).buffer).toBe(a.buffer);
  });

  it('refuses a bitset of another size, naming both sizes', () => {
    expect(() => new RowBuffers(10).indicesOf(Bitset.fromIndices(11, [1]))).toThrow(
      /row buffers are for 10 rows, the bitset has 11/,
    );
  });
});
