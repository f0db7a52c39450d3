import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowWindow, scrollTopFor } from '../../../src/components/spec-table/use-row-window';

describe('rowWindow', () => {
  it.each<[string, [number, number, number, number, number], [number, number, number]]>([
    ['no rows', [0, 800, 0, 32, 10], [0, -1, 0]],
    ['top of a long list: the view plus overscan below', [0, 320, 1_000_000, 32, 10], [0, 19, 32_000_000]],
    ['scrolled into the middle', [32_000, 320, 1_000_000, 32, 10], [990, 1019, 32_000_000]],
    ['a partly visible row at the bottom is rendered', [16, 320, 100, 32, 0], [0, 10, 3200]],
    ['the end: never past the last row', [2880, 320, 100, 32, 10], [80, 99, 3200]],
    ['scrolled past the end (a shorter result): the last rows', [1e9, 320, 100, 32, 2], [88, 99, 3200]],
    ['fewer rows than fit', [0, 800, 3, 32, 10], [0, 2, 96]],
    ['a zero-height viewport still renders the row at the top', [64, 0, 100, 32, 0], [2, 2, 3200]],
  ])('%s', (_what, [top, height, count, rowHeight, overscan], [first, last, total]) => {
    expect(rowWindow(top, height, count, rowHeight, overscan)).toEqual({ first, last, totalHeight: total });
  });

  it('always covers every row that intersects the viewport, and stays within the rows', () => {
    fc.assert(
      fc.property(
        fc.nat(5000),
        fc.nat(2000),
        fc.nat(1000),
        fc.integer({ min: 1, max: 64 }),
        fc.nat(20),
        (top, height, count, rowHeight, overscan) => {
          const { first, last } = rowWindow(top, height, count, rowHeight, overscan);
          if (count === 0) {
            expect(last).toBeLessThan(first);
            return;
          }
          expect(first).toBeGreaterThanOrEqual(0);
          expect(last).toBeLessThanOrEqual(count - 1);
          // A browser never scrolls past the end: the last screenful is what shows there.
          const shown = Math.max(0, Math.min(top, count * rowHeight - height));
          for (let i = 0; i < count; i++) {
            const visible = i * rowHeight < shown + height && (i + 1) * rowHeight > shown;
            if (visible) expect(i >= first && i <= last).toBe(true);
          }
        },
      ),
    );
  });
});

describe('scrollTopFor', () => {
  it.each<[string, [number, number, number, number], number | null]>([
    ['a row in view does not scroll', [5, 0, 320, 32], null],
    ['a row above scrolls up to its top', [2, 320, 320, 32], 64],
    ['a row below scrolls just enough to show its bottom', [20, 0, 320, 32], 352],
    ['a row cut off at the bottom scrolls it into full view', [9, 0, 300, 32], 20],
  ])('%s', (_what, [index, top, height, rowHeight], expected) => {
    expect(scrollTopFor(index, top, height, rowHeight)).toBe(expected);
  });
});
