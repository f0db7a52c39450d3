import { memo } from 'react';
import { recordAt, type SpecTable as SpecData } from '../../data/spec-table';
import { CELLS, hashActions, type ColumnId, type VariantLead } from './columns';
import { fitsIn } from './text-fit';
import type { CellFit } from './use-cell-fit';

export interface SpecRowProps {
  data: SpecData;
  /** The spec's row in `data`. */
  row: number;
  /** Its position in the result (0-based), which names it to assistive technology. */
  index: number;
  cellIds: readonly ColumnId[];
  selectedHash: string | null;
  /** The roving tab stop of the table's rows. */
  tabbable: boolean;
  /** Whether the hash cell has its copy buttons (the tab stop's row and the row under the pointer). */
  actions: boolean;
  /** Column and character widths, to leave unclipped the cells whose text fits (null: clip all). */
  fit: CellFit | null;
  /** The variants the filters ask for, listed first in the variants cell (null: none asked for). */
  leadVariant: VariantLead | null;
}

/**
 * One row of the windowed body. Memoised on the spec it shows rather than on a record object: when a
 * keystroke's result keeps a spec at the same position (narrowing "zli" to "zlib"), that row is not
 * materialised or rendered again. Clicks are handled by the body, so a row holds no callbacks that would
 * change on every render.
 */
export const SpecRowView = memo(function SpecRowView(props: SpecRowProps) {
  const { data, row, index, cellIds, selectedHash, tabbable, actions, fit, leadVariant } = props;
  const record = recordAt(data, row);
  // The URL may hold a hash prefix (as `spack install /abc1234` accepts).
  const selected = selectedHash !== null && record.hash.startsWith(selectedHash);
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={selected ? 'selected' : undefined}
    >
      {cellIds.map((id) => {
        if (id === 'hash' && actions) {
          return (
            <td key={id} className="col-hash">
              {hashActions(record.hash)}
            </td>
          );
        }
        const cell = CELLS[id](record, leadVariant);
        // Text that may not fit is clipped with an ellipsis; the variants' own span clips theirs.
        const clip =
          !cell.fits &&
          typeof cell.content === 'string' &&
          !(fit && fitsIn(cell.content, fit.columns.get(id) ?? 0, fit.chars));
        const className = [`col-${id}`, cell.className, clip ? 'clip' : undefined].filter(Boolean).join(' ');
        return (
          <td key={id} className={className} title={cell.title}>
            {cell.content}
          </td>
        );
      })}
    </tr>
  );
});
