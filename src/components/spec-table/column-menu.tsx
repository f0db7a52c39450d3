import type { ColumnVisibilityState } from '@tanstack/react-table';
import { memo } from 'react';
import { COLUMN_IDS, COLUMN_LABELS, type ColumnId } from './columns';

export interface ColumnMenuProps {
  visibility: ColumnVisibilityState;
  /** One column shown or hidden: the choice of that column only, so the others keep their defaults. */
  onChange: (column: ColumnId, visible: boolean) => void;
}

/**
 * Column visibility toggles; the app remembers the choice locally. Memoised: the toolbar around it
 * renders on every keystroke (its exports take the current rows), the toggles only when they change.
 */
export const ColumnMenu = memo(function ColumnMenu({ visibility, onChange }: ColumnMenuProps) {
  return (
    <details className="column-menu">
      <summary>Columns</summary>
      <fieldset>
        <legend>Show columns</legend>
        {COLUMN_IDS.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={visibility[id] !== false}
              onChange={(e) => onChange(id, e.target.checked)}
            />
            {COLUMN_LABELS[id]}
          </label>
        ))}
      </fieldset>
    </details>
  );
});
