import type { RowOrder } from '../../data/engine/row-order';

/** A body row: its position in the result, and the spec (row of the table) it shows. */
export interface PlacedRow {
  index: number;
  row: number;
}

/** Positions from `first` to `last`, inclusive. */
export interface PositionRange {
  first: number;
  last: number;
}

/**
 * The rows to render for a window of positions. Rows in view always show `rows`; the overscan around
 * them shows `rows` too once the result is `fresh` (painted, or a row has focus), and until then keeps
 * what `before` (the last window shown) had at those positions, so the frame that shows a new result
 * renders only the rows in view. Rows flow one after another in the table body, so the result is one
 * unbroken run around the view: a gap above the view drops the rows before it, one below ends the run.
 *
 * When nothing is in the window (an empty result), `before` is kept: the table hides those rows and
 * updates them in place when rows come back, instead of creating every row's elements again.
 */
export function shownRows(
  rows: RowOrder,
  window: PositionRange,
  inView: PositionRange,
  fresh: boolean,
  before: readonly PlacedRow[] | undefined,
): { shown: readonly PlacedRow[]; kept: boolean } {
  const stale = new Map(before?.map((p) => [p.index, p.row]));
  const out: PlacedRow[] = [];
  for (let index = window.first; index <= window.last; index++) {
    const current = fresh || (index >= inView.first && index <= inView.last);
    const row = current ? rows.at(index) : stale.get(index);
    if (row !== undefined) out.push({ index, row });
    else if (index < inView.first) out.length = 0;
    else break;
  }
  if (out.length > 0) return { shown: out, kept: false };
  return { shown: before ?? [], kept: before !== undefined };
}
