import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { recordAt, type SpecTable as SpecData } from '../../data/spec-table';
import { specColumns, specTableFeatures, type SpecRow } from './columns';

const ROW_HEIGHT = 32;

export interface SpecTableProps {
  data: SpecData;
  /** Row indices into `data`, in display order (already filtered and sorted by the engine). */
  rows: Uint32Array;
  /** Rendered rows for environments with no layout (tests); the browser measures the viewport. */
  initialViewportHeight?: number;
}

/**
 * A virtualised table over a columnar SpecTable: only the rows in view are materialised as objects,
 * so a million specs cost a few dozen row objects per frame.
 */
export function SpecTable({ data, rows, initialViewportHeight = 600 }: SpecTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1000, height: initialViewportHeight },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const windowRows = useMemo(() => {
    const out: SpecRow[] = [];
    for (let i = first; i <= last; i++) {
      const row = rows[i];
      if (row !== undefined) out.push({ ...recordAt(data, row), row });
    }
    return out;
  }, [data, rows, first, last]);
  const table = useTable({
    features: specTableFeatures,
    columns: specColumns,
    data: windowRows,
    getRowId: (r) => `${r.tag}/${r.hash}`,
  });
  const tableRows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div className="spec-table-scroll" ref={scrollRef} tabIndex={-1}>
      <table className="spec-table" aria-rowcount={rows.length + 1} aria-colcount={columnCount}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`col-${header.column.id}`}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = tableRows[item.index - first];
            if (!row) return null;
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`col-${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty">No specs to show.</p> : null}
    </div>
  );
}
