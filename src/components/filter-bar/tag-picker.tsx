import { memo, useId } from 'react';
import { formatCount } from '../../data/display';
import type { TagEntry } from '../../data/schema';

export interface TagPickerProps {
  tags: readonly TagEntry[];
  /** The tags shown; picking one here shows that tag alone. */
  selected: readonly string[];
  onChange: (tag: string) => void;
}

/** The select's value while several tags are shown: no single tag would say what the table holds. */
const SEVERAL = '';

/** Memoised: the header re-renders on every keystroke, and a dataset can have hundreds of tags. */
export const TagPicker = memo(function TagPicker({ tags, selected, onChange }: TagPickerProps) {
  const id = useId();
  const several = selected.length > 1;
  return (
    <div className="tag-picker">
      <label htmlFor={id}>Tag</label>
      <select
        id={id}
        value={several ? SEVERAL : (selected[0] ?? SEVERAL)}
        onChange={(e) => onChange(e.target.value)}
      >
        {several ? (
          <option value={SEVERAL} disabled>
            {formatCount(selected.length)} tags (see Tags loaded)
          </option>
        ) : null}
        {tags.map((t) => (
          <option key={t.name} value={t.name}>
            {t.name} ({formatCount(t.specCount)} specs, {formatCount(t.packageCount)} packages)
          </option>
        ))}
      </select>
    </div>
  );
});
