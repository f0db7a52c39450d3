import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SpecTable, type SpecTableProps } from '../../../src/components/spec-table/spec-table';
import { Bitset } from '../../../src/data/engine/bitset';
import { bitsetOrder, rangeOrder } from '../../../src/data/engine/row-order';
import { recordAt } from '../../../src/data/spec-table';
import { hashOf, spec, tableOf } from '../engine/fixtures';

const letter = (i: number) => String.fromCharCode(98 + i);
/** 60 specs, `pkg-0` … `pkg-59`, each with its own hash. */
const data = tableOf([
  [
    'v1',
    Array.from({ length: 60 }, (_, i) =>
      spec({ hash: hashOf(letter(i % 25) + letter(Math.floor(i / 25))), package: `pkg-${i}` }),
    ),
  ],
]);

function props(over: Partial<SpecTableProps> = {}): SpecTableProps {
  return {
    data,
    rows: rangeOrder(data.count),
    sort: null,
    onSortChange: () => {},
    columnVisibility: {},
    selectedHash: null,
    onSelect: () => {},
    leadVariant: null,
    ...over,
  };
}

/** The body's rows (the header row left out), by the package each shows. */
function shownPackages(): string[] {
  const [, body] = screen.getAllByRole('rowgroup');
  if (!body) throw new Error('no table body');
  return within(body)
    .queryAllByRole('row')
    .map((row) => within(row).getAllByRole('cell')[1]?.textContent ?? '');
}

/** The body row at position `index` of the result (it must be rendered). */
function rowAt(index: number): HTMLElement {
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('data-index') === String(index));
  if (!row) throw new Error(`row ${index} is not rendered`);
  return row;
}

/** The package cell of the row at `index`: somewhere in the row for the pointer to go. */
const packageCellAt = (index: number) => within(rowAt(index)).getByRole('cell', { name: /^pkg-/ });

/** Scrolls the table's scroll container as a user would, and lets it render. */
function scrollTo(container: HTMLElement, top: number) {
  const scroller = container.querySelector('.spec-table-scroll');
  if (!scroller) throw new Error('no scroll container');
  act(() => {
    scroller.scrollTop = top;
    scroller.dispatchEvent(new Event('scroll'));
  });
}

// The test setup gives every element an 800 px viewport: 25 rows of 32 px are in view.
describe('SpecTable', () => {
  it('shows a new result in view first and the rows past the view once that frame is painted', async () => {
    const { rerender } = render(<SpecTable {...props()} />);
    expect(shownPackages()).toHaveLength(29);
    const pastPackages = shownPackages().slice(25);
    const past = screen.getAllByRole('row').slice(26);
    const odd = Bitset.fromIndices(
      data.count,
      Array.from({ length: 30 }, (_, i) => 2 * i + 1),
    );
    rerender(<SpecTable {...props({ rows: bitsetOrder(odd) })} />);
    const packageOf = (row: number) => recordAt(data, row).package;
    const oddRows = (n: number) => Array.from({ length: n }, (_, i) => packageOf(2 * i + 1));
    // The four rows past the view still show their specs of before, in the same elements.
    expect(shownPackages()).toEqual([...oddRows(25), ...pastPackages]);
    await waitFor(() => expect(shownPackages()).toEqual(oddRows(29)));
    expect(screen.getAllByRole('row').slice(26)).toEqual(past);
  });

  it('adds past the view, once painted, the positions the last result did not have', async () => {
    const { rerender } = render(<SpecTable {...props({ rows: rangeOrder(26) })} />);
    expect(shownPackages()).toHaveLength(26);
    rerender(<SpecTable {...props({ rows: rangeOrder(40) })} />);
    expect(shownPackages()).toHaveLength(26);
    await waitFor(() => expect(shownPackages()).toHaveLength(29));
  });

  it('places the rows in flow below a padding as tall as the rows above them', () => {
    const { rerender, container } = render(<SpecTable {...props()} />);
    scrollTo(container, 640);
    const [, body] = screen.getAllByRole('rowgroup');
    // Rows 16-48 (20-44 in view, four more each side) start 16 rows of 32 px down.
    expect(screen.getAllByRole('row')[1]).toHaveAttribute('data-index', '16');
    expect(body).toHaveStyle({ paddingTop: '512px' });
    // A result of 30 rows shows its last screenful, rows 5-29. Rows 1-4 (the overscan above) wait
    // for the paint, so the first row shown is 5, 160 px down.
    rerender(<SpecTable {...props({ rows: rangeOrder(30) })} />);
    expect(screen.getAllByRole('row')[1]).toHaveAttribute('data-index', '5');
    expect(body).toHaveStyle({ paddingTop: '160px' });
  });

  it('shows one unbroken run of rows, so each flows to its own position', () => {
    const { rerender, container } = render(<SpecTable {...props()} />);
    // A new result, then a scroll before it is painted: rows 27-28 of the window (27-59) are still
    // the old result's, 29-30 were never shown, and 31-55 are in view.
    rerender(<SpecTable {...props({ rows: rangeOrder(data.count - 1) })} />);
    scrollTo(container, 992);
    const [, body] = screen.getAllByRole('rowgroup');
    const indices = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => Number(row.getAttribute('data-index')));
    expect(indices).toEqual(Array.from({ length: 25 }, (_, i) => 31 + i));
    expect(body).toHaveStyle({ paddingTop: `${31 * 32}px` });
  });

  it('gives copy buttons to the tab stop’s row and to the row under the pointer only', async () => {
    const user = userEvent.setup();
    render(<SpecTable {...props()} />);
    const copyButtons = () => screen.queryAllByRole('button', { name: /^Copy hash / });
    const rowOf = (el: Element) => el.closest('tr')?.getAttribute('data-index');
    expect(copyButtons().map(rowOf)).toEqual(['0']);
    await user.hover(packageCellAt(5));
    expect(copyButtons().map(rowOf)).toEqual(['0', '5']);
    // The hovered row's hash still names the whole hash on hover.
    const hash = recordAt(data, 5).hash;
    expect(screen.getByText(hash.slice(0, 7))).toHaveAttribute('title', hash);
    await user.unhover(packageCellAt(5));
    expect(copyButtons().map(rowOf)).toEqual(['0']);
    await user.click(packageCellAt(7));
    await user.unhover(packageCellAt(7));
    expect(copyButtons().map(rowOf)).toEqual(['7']);
  });

  it('keeps a pressed copy button, and its focus, when the pointer moves on', async () => {
    const user = userEvent.setup();
    render(<SpecTable {...props()} />);
    // fireEvent for the moves: user-event moves the pointer without a relatedTarget, which reads as
    // leaving the table on every move within it.
    fireEvent.pointerOver(packageCellAt(5));
    const copy = within(rowAt(5)).getByRole('button', { name: /^Copy hash / });
    fireEvent.pointerDown(copy);
    await user.click(copy);
    fireEvent.pointerOver(packageCellAt(9));
    expect(copy).toBeInTheDocument();
    expect(copy).toHaveFocus();
    fireEvent.pointerLeave(packageCellAt(9));
    expect(copy).toBeInTheDocument();
  });

  it('moves the copy buttons with the keyboard, and Tab reaches them from the row', async () => {
    const user = userEvent.setup();
    render(<SpecTable {...props()} />);
    const first = rowAt(0);
    act(() => first.focus());
    await user.keyboard('{ArrowDown}');
    const second = rowAt(1);
    expect(second).toHaveFocus();
    expect(within(first).queryByRole('button')).toBeNull();
    await user.tab();
    expect(within(second).getByRole('button', { name: /^Copy hash / })).toHaveFocus();
  });

  it('keeps a focused row that sits past the view when a new result arrives', () => {
    const { rerender } = render(<SpecTable {...props()} />);
    const row = rowAt(27);
    act(() => row.focus());
    rerender(<SpecTable {...props({ rows: rangeOrder(data.count - 1) })} />);
    expect(shownPackages()).toHaveLength(29);
    expect(document.activeElement).toBe(row);
  });

  it('keeps the last rows, hidden, at their positions through an empty result', async () => {
    const { rerender, container } = render(<SpecTable {...props()} />);
    // Scrolled down, so the rows on screen do not start at position 0.
    scrollTo(container, 640);
    const before = screen.getAllByRole('row').slice(1);
    expect(before[0]).toHaveAttribute('data-index', '16');
    rerender(<SpecTable {...props({ rows: rangeOrder(0) })} />);
    expect(screen.getAllByRole('row')).toHaveLength(1);
    expect(screen.getByText('No specs match these filters.')).toBeInTheDocument();
    rerender(<SpecTable {...props({ rows: rangeOrder(data.count) })} />);
    // The same elements come back: the rows were updated in place, not made again.
    await waitFor(() => expect(screen.getAllByRole('row').slice(1)).toEqual(before));
  });

  it('selects the clicked row’s spec, clears it on a second click, and a copy is not a selection', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const { rerender } = render(<SpecTable {...props({ onSelect })} />);
    await user.click(screen.getByRole('cell', { name: 'pkg-3' }));
    const hash = hashOf(letter(3) + letter(0));
    expect(onSelect).toHaveBeenLastCalledWith(hash);
    rerender(<SpecTable {...props({ onSelect, selectedHash: hash.slice(0, 7) })} />);
    const row = screen.getByRole('row', { selected: true });
    expect(within(row).getByRole('cell', { name: 'pkg-3' })).toBeInTheDocument();
    await user.click(within(row).getByRole('cell', { name: 'pkg-3' }));
    expect(onSelect).toHaveBeenLastCalledWith(null);
    onSelect.mockClear();
    await user.click(within(row).getByRole('button', { name: `Copy hash ${hash.slice(0, 7)}` }));
    expect(onSelect).not.toHaveBeenCalled();
  });
});
