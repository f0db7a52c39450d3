import type { ColumnVisibilityState } from '@tanstack/react-table';
import { COLUMN_LABELS, type ColumnId } from './columns';

export interface ColumnMenuProps {
  visibility: ColumnVisibilityState;
  onChange: (visibility: ColumnVisibilityState) => void;
}

const IDS = Object.keys(COLUMN_LABELS).filter((id): id is ColumnId => id in COLUMN_LABELS);

/** Column visibility toggles; the app remembers the choice locally. */
export function ColumnMenu({ visibility, onChange }: ColumnMenuProps) {
  return (
    <details className="column-menu">
      <summary>Columns</summary>
      <fieldset>
        <legend>Show columns</legend>
        {IDS.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={visibility[id] !== false}
              onChange={(e) => onChange({ ...visibility, [id]: e.target.checked })}
            />
            {COLUMN_LABELS[id]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
