import { describe, expect, it } from 'vitest';
import { rangeOrder } from '../../../src/data/engine/row-order';
import { shownRows, type PlacedRow } from '../../../src/components/spec-table/shown-rows';

/** Positions `from`..`to` showing rows `offset` higher (a result of other specs than `rangeOrder`). */
const placed = (from: number, to: number, offset = 0): PlacedRow[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ index: from + i, row: from + i + offset }));
const indices = (rows: readonly PlacedRow[]) => rows.map((r) => r.index);

describe('shownRows', () => {
  const rows = rangeOrder(100);

  it('shows every position of the window once the result is fresh', () => {
    expect(shownRows(rows, { first: 16, last: 48 }, { first: 20, last: 44 }, true, undefined)).toEqual({
      shown: placed(16, 48),
      kept: false,
    });
  });

  it('keeps the overscan of the last window until the result is painted', () => {
    const before = placed(16, 48, 1000);
    const { shown } = shownRows(rows, { first: 16, last: 48 }, { first: 20, last: 44 }, false, before);
    expect(shown).toEqual([...placed(16, 19, 1000), ...placed(20, 44), ...placed(45, 48, 1000)]);
  });

  // Window 20-52 around the view 24-48, before the new result is painted.
  it.each<[string, PlacedRow[]]>([
    // The last window ended at 20: 21-23 have nothing to show, so 20 is left out.
    ['a gap above the view', placed(0, 20, 1000)],
    // The last window starts at 50: 49 has nothing to show, so 50-52 are left out.
    ['a gap below the view', placed(50, 80, 1000)],
  ])('with %s, shows one unbroken run', (_, before) => {
    const { shown } = shownRows(rows, { first: 20, last: 52 }, { first: 24, last: 48 }, false, before);
    expect(indices(shown)).toEqual(Array.from({ length: 25 }, (_, i) => 24 + i));
  });

  it('keeps the last window through an empty result, and has nothing to keep without one', () => {
    const before = placed(0, 28);
    expect(shownRows(rangeOrder(0), { first: 0, last: -1 }, { first: 0, last: -1 }, true, before)).toEqual({
      shown: before,
      kept: true,
    });
    expect(shownRows(rangeOrder(0), { first: 0, last: -1 }, { first: 0, last: -1 }, true, undefined)).toEqual(
      {
        shown: [],
        kept: false,
      },
    );
  });
});
