import { memo, useId } from 'react';
import { formatCount } from '../../data/display';
import type { TagEntry } from '../../data/schema';

export interface TagPickerProps {
  tags: readonly TagEntry[];
  value: string;
  onChange: (tag: string) => void;
}

/** Memoised: the header re-renders on every keystroke, and a dataset can have hundreds of tags. */
export const TagPicker = memo(function TagPicker({ tags, value, onChange }: TagPickerProps) {
  const id = useId();
  return (
    <div className="tag-picker">
      <label htmlFor={id}>Tag</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {tags.map((t) => (
          <option key={t.name} value={t.name}>
            {t.name} ({formatCount(t.specCount)} specs, {formatCount(t.packageCount)} packages)
          </option>
        ))}
      </select>
    </div>
  );
});
