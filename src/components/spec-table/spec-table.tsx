import { useTable, type ColumnVisibilityState } from '@tanstack/react-table';
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { entriesWithPrefix } from '../../data/hash-column';
import type { RowOrder } from '../../data/engine/row-order';
import { hashAt, type SpecTable as SpecData } from '../../data/spec-table';
import {
  COLUMN_LABELS,
  specColumns,
  specTableFeatures,
  type ColumnId,
  type SpecRow,
  type VariantLead,
} from './columns';
import { shownRows, type PlacedRow } from './shown-rows';
import { SpecRowView } from './spec-row';
import { usePainted } from './use-painted';
import { useCellFit } from './use-cell-fit';
import { useRowWindow } from './use-row-window';

const ROW_HEIGHT = 32;
/**
 * Rows rendered beyond each edge of the view. Rows have a fixed height and render fast, so a few suffice
 * for smooth scrolling. A new result updates the rows in view first and these after that frame is
 * painted: a third of a screenful less to render, style and lay out before the rows of a keystroke show.
 * Until then they keep the specs they showed (they are out of view), rather than being removed and
 * made again.
 */
const OVERSCAN = 4;

export interface TableSort {
  column: ColumnId;
  desc: boolean;
}

export interface SpecTableProps {
  data: SpecData;
  /** Rows of `data` in display order (already filtered and sorted by the engine), read by position. */
  rows: RowOrder;
  sort: TableSort | null;
  onSortChange: (sort: TableSort | null) => void;
  columnVisibility: ColumnVisibilityState;
  selectedHash: string | null;
  onSelect: (hash: string | null) => void;
  /** The variants the filters ask for, which each row's variants cell lists first. */
  leadVariant: VariantLead | null;
}

function isColumnId(id: string): id is ColumnId {
  return id in COLUMN_LABELS;
}

/** Click cycles ascending → descending → unsorted, like most grids. */
function nextSort(current: TableSort | null, column: ColumnId): TableSort | null {
  if (current?.column !== column) return { column, desc: false };
  return current.desc ? null : { column, desc: true };
}

/**
 * One array per set of visible columns, the same on every render: rows that show the same spec as
 * before then skip rendering. At most one entry per combination of the eleven columns.
 */
const cellIdLists = new Map<string, readonly ColumnId[]>();
function cellIdsOf(ids: readonly string[]): readonly ColumnId[] {
  const key = ids.join(' ');
  const known = cellIdLists.get(key);
  if (known) return known;
  const list = ids.filter(isColumnId);
  cellIdLists.set(key, list);
  return list;
}

/** The position of the body row an event happened in, or null outside any row. */
function rowIndexOf(target: EventTarget): number | null {
  const tr = target instanceof Element ? target.closest('tr') : null;
  const index = Number(tr?.dataset.index);
  // An element that is no row reads as NaN, which names none (Array#at would read it as 0).
  return Number.isNaN(index) ? null : index;
}

const PAGE_ROWS = 15;
const NO_ROWS: SpecRow[] = [];

/**
 * The last non-empty window shown per table: what the overscan keeps until a new result is painted,
 * and the rows kept through an empty result (see SpecTable). Held here rather than in state, so keeping
 * it costs no second render.
 */
const lastWindow = new WeakMap<SpecData, readonly PlacedRow[]>();

/**
 * Kept rows take no room and show nothing (clipped, so they add no scrolling either). Hidden with
 * content-visibility rather than visibility: that keeps their styles, so showing them again restyles
 * only what the new result changed instead of every element in the rows.
 */
const KEPT_STYLE: CSSProperties = { height: 0, contentVisibility: 'hidden', overflow: 'clip' };

/**
 * A virtualised table over a columnar SpecTable: only the rows in view are materialised as objects,
 * so a million specs cost a few dozen row objects per frame. Rows are a roving-tabindex list:
 * arrows, Page Up/Down, Home/End move between rows, Enter selects.
 */
export function SpecTable(props: SpecTableProps) {
  const { data, rows, sort, onSortChange, columnVisibility, selectedHash, onSelect, leadVariant } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusPending, setFocusPending] = useState(false);
  const activeIndex = Math.min(active, Math.max(rows.length - 1, 0));
  // A row with focus may sit in the overscan: it stays, or focus would fall back to the page.
  const [rowFocused, setRowFocused] = useState(false);
  // The row under the pointer, which shows its copy buttons (as the tab stop's row does).
  const [hovered, setHovered] = useState<number | null>(null);
  const painted = usePainted(rows);
  const overscanFresh = painted || rowFocused;
  const { first, last, inView, totalHeight, scrollToIndex } = useRowWindow(
    scrollRef,
    rows.length,
    ROW_HEIGHT,
    OVERSCAN,
  );
  // Through an empty result the last rows shown stay in the DOM, invisible and inert (see shownRows):
  // typing "hdf5 +mp" → "hdf5 +mpi" then updates them instead of making a screenful of rows again.
  const { shown, kept } = useMemo(() => {
    const view = { first: inView.first, last: inView.last };
    const next = shownRows(rows, { first, last }, view, overscanFresh, lastWindow.get(data));
    if (!next.kept && next.shown.length > 0) lastWindow.set(data, next.shown);
    return next;
  }, [data, rows, first, last, inView.first, inView.last, overscanFresh]);
  // The table model gives the columns and headers; the rows are the engine's, rendered through CELLS.
  const table = useTable({
    features: specTableFeatures,
    columns: specColumns,
    data: NO_ROWS,
    state: { columnVisibility },
  });
  const visibleColumns = table.getVisibleLeafColumns();
  const cellIds = cellIdsOf(visibleColumns.map((c) => c.id));
  const tableRef = useRef<HTMLTableElement>(null);
  const fit = useCellFit(tableRef, cellIds);

  useEffect(() => {
    if (!focusPending) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      setFocusPending(false);
    }
  }, [focusPending, activeIndex, first, last]);

  // A hash selected from outside (a link, the detail panel's dependencies) is scrolled into view once;
  // later filter changes leave the scroll alone. A row clicked in place is already visible, and 'auto'
  // alignment then does nothing.
  const scrolledTo = useRef<string | null>(null);
  // The pool entries the selected hash names, once per hash rather than on every new result.
  const wanted = useMemo(
    () => (selectedHash === null ? null : entriesWithPrefix(data.hashes.pool, selectedHash)),
    [data, selectedHash],
  );
  useEffect(() => {
    if (wanted === null || selectedHash === scrolledTo.current) return;
    const { refs } = data.hashes;
    const index = rows.findIndex((row) => wanted[refs[row] ?? 0] === 1);
    if (index < 0) return;
    scrolledTo.current = selectedHash;
    scrollToIndex(index);
  }, [wanted, selectedHash, rows, data, scrollToIndex]);

  const move = (to: number) => {
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setActive(index);
    setFocusPending(true);
    scrollToIndex(index);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const keys: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + PAGE_ROWS,
      PageUp: activeIndex - PAGE_ROWS,
      Home: 0,
      End: rows.length - 1,
    };
    const to = keys[e.key];
    if (to !== undefined) {
      e.preventDefault();
      move(to);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const row = rows.at(activeIndex);
      if (row === undefined) return;
      e.preventDefault();
      const hash = hashAt(data, row);
      onSelect(selectedHash !== null && hash.startsWith(selectedHash) ? null : hash);
    }
  };

  const onClick = (e: MouseEvent<HTMLTableSectionElement>) => {
    const index = rowIndexOf(e.target);
    const row = index === null ? undefined : rows.at(index);
    if (index === null || row === undefined) return;
    setActive(index);
    const hash = hashAt(data, row);
    onSelect(selectedHash !== null && hash.startsWith(selectedHash) ? null : hash);
  };

  return (
    <div className="spec-table-scroll" ref={scrollRef}>
      <table
        ref={tableRef}
        className="spec-table"
        aria-label="Specs"
        aria-rowcount={rows.length + 1}
        aria-colcount={visibleColumns.length}
        style={{ '--grid-cols': visibleColumns.map((c) => `var(--col-${c.id})`).join(' ') }}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const sorted = sort?.column === id ? (sort.desc ? 'descending' : 'ascending') : 'none';
                return (
                  <th key={header.id} scope="col" className={`col-${id}`} aria-sort={sorted}>
                    {isColumnId(id) ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => onSortChange(nextSort(sort, id))}
                      >
                        {COLUMN_LABELS[id]}
                        <span className="sort-mark" aria-hidden="true">
                          {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                        </span>
                      </button>
                    ) : null}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody
          style={kept ? KEPT_STYLE : { height: totalHeight, paddingTop: (shown[0]?.index ?? 0) * ROW_HEIGHT }}
          aria-hidden={kept || undefined}
          inert={kept}
          onKeyDown={onKeyDown}
          onClick={onClick}
          onPointerOver={(e) => {
            // Set even when it looks unchanged: a leave in the same batch may have cleared it (React
            // skips the render when the value is the same).
            const index = rowIndexOf(e.target);
            if (index !== null) setHovered(index);
          }}
          onPointerLeave={() => setHovered(null)}
          onPointerDown={(e) => {
            // A press makes the row the tab stop, so a copy button pressed on a hovered row stays (with
            // its focus and its "Copied") once the pointer moves on.
            const index = rowIndexOf(e.target);
            if (index !== null) setActive(index);
          }}
          onFocus={() => setRowFocused(true)}
          onBlur={(e) => {
            if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) {
              setRowFocused(false);
            }
          }}
        >
          {shown.map(({ index, row }) => (
            // Keyed by position, not by spec: a new filter result updates the rows on screen in place
            // instead of unmounting and mounting every one of them.
            <SpecRowView
              key={index}
              data={data}
              row={row}
              index={index}
              cellIds={cellIds}
              selectedHash={selectedHash}
              tabbable={index === activeIndex}
              actions={index === activeIndex || index === hovered}
              fit={fit}
              leadVariant={leadVariant}
            />
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty">No specs match these filters.</p> : null}
    </div>
  );
}
