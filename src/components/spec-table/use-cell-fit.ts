import { useLayoutEffect, useState, type RefObject } from 'react';
import type { ColumnId } from './columns';
import { charWidths, columnContentWidths, type CharWidths } from './text-fit';

/** What a row needs to tell which of its cells fit without clipping (see text-fit.ts). */
export interface CellFit {
  chars: CharWidths;
  /** Content width in px of each visible column. */
  columns: ReadonlyMap<ColumnId, number>;
}

/**
 * A text measurer in `font`. OffscreenCanvas keeps it out of the document; where there is none (jsdom)
 * nothing is measured and every cell clips, as they all did before.
 */
function measurer(font: string): ((text: string) => number) | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const context = new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) return null;
  context.font = font;
  return (text) => context.measureText(text).width;
}

/**
 * Character widths per font, measured once: the hook's effect runs again whenever the visible columns
 * change, and the font has not. Cleared when a font finishes loading (same name, new widths).
 */
const widthsByFont = new Map<string, CharWidths | null>();

function widthsOf(font: string): CharWidths | null {
  let widths = widthsByFont.get(font);
  if (widths === undefined) {
    const measure = measurer(font);
    widths = measure ? charWidths(measure) : null;
    widthsByFont.set(font, widths);
  }
  return widths;
}

function sameFit(a: CellFit | null, b: CellFit): boolean {
  if (a === null || a.chars !== b.chars || a.columns.size !== b.columns.size) return false;
  for (const [id, width] of b.columns) if (a.columns.get(id) !== width) return false;
  return true;
}

/**
 * The widths of the table's columns and of its font's characters, kept up to date as the table is
 * resized (the columns follow the viewport) and as fonts load. Null until the table is laid out.
 */
export function useCellFit(
  tableRef: RefObject<HTMLTableElement | null>,
  cellIds: readonly ColumnId[],
): CellFit | null {
  const [fit, setFit] = useState<CellFit | null>(null);
  useLayoutEffect(() => {
    const table = tableRef.current;
    const header = table?.querySelector('thead tr');
    const th = header?.querySelector('th');
    if (!table || !header || !th) return undefined;
    const update = () => {
      const style = getComputedStyle(table);
      const chars = widthsOf(`${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`);
      // Header and body rows share the grid's columns, and their cells the padding.
      const cell = getComputedStyle(th);
      const padding = parseFloat(cell.paddingLeft) + parseFloat(cell.paddingRight);
      const widths = columnContentWidths(
        getComputedStyle(header).gridTemplateColumns,
        cellIds.length,
        padding,
      );
      if (!chars || !widths) {
        // Nothing to go by (yet): every cell clips, rather than trusting widths of another layout.
        setFit(null);
        return;
      }
      const next: CellFit = { chars, columns: new Map(cellIds.map((id, i) => [id, widths[i] ?? 0])) };
      setFit((prev) => (sameFit(prev, next) ? prev : next));
    };
    const fontsLoaded = () => {
      widthsByFont.clear();
      update();
    };
    update();
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    // The header row, not the table: the table's height changes with every result.
    resize?.observe(header);
    document.fonts?.addEventListener('loadingdone', fontsLoaded);
    return () => {
      resize?.disconnect();
      document.fonts?.removeEventListener('loadingdone', fontsLoaded);
    };
  }, [tableRef, cellIds]);
  return fit;
}
