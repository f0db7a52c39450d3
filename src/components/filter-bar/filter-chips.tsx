export interface Chip {
  /** Facet or field the chip belongs to, shown as its label. */
  label: string;
  value: string;
  excluded: boolean;
  onRemove: () => void;
}

export interface FilterChipsProps {
  chips: readonly Chip[];
  onClearAll: () => void;
}

/** Active filters as removable chips, and "clear all". */
export function FilterChips({ chips, onClearAll }: FilterChipsProps) {
  if (chips.length === 0) return null;
  return (
    <div className="chips" role="group" aria-label="Active filters">
      {chips.map((chip) => {
        const text = `${chip.label}: ${chip.excluded ? 'not ' : ''}${chip.value}`;
        return (
          <span
            key={`${chip.label}\u0000${chip.value}`}
            className={chip.excluded ? 'chip chip-exclude' : 'chip'}
          >
            {text}
            <button type="button" aria-label={`Remove filter ${text}`} onClick={chip.onRemove}>
              ×
            </button>
          </span>
        );
      })}
      <button type="button" className="link" onClick={onClearAll}>
        Clear all
      </button>
    </div>
  );
}
