import type { ColumnVisibilityState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';

const STORAGE_KEY = 'spack-cache-explorer.columns';

function read(): ColumnVisibilityState {
  try {
    const json: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}');
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
    return Object.fromEntries(
      Object.entries(json).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'),
    );
  } catch {
    // Storage can be disabled (privacy mode, sandboxed iframe): columns then reset per visit.
    return {};
  }
}

/**
 * Column visibility, remembered in localStorage. Unless the user chose otherwise, the tag column shows
 * when several tags are loaded, the size column when some spec has a size, and the platform column
 * not at all: the OS names it (ubuntu24.04 is linux, sequoia darwin), and at laptop widths its room
 * goes to the variants. The platform facet and the spec detail still give it.
 */
export function useColumnVisibility(multipleTags: boolean, anySize: boolean) {
  const [stored, setStored] = useState<ColumnVisibilityState>(read);
  // Only the column chosen is stored: the others keep following their defaults (a later cache with
  // sizes still shows its size column after the user showed the platform column).
  const set = useCallback(
    (column: string, visible: boolean) => {
      const next = { ...stored, [column]: visible };
      setStored(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Not remembered; still applied for this visit.
      }
    },
    [stored],
  );
  // The same object until something changes, so the memoised column menu is not rendered again on
  // every keystroke (React re-sets each checkbox's attributes when it renders one).
  const visibility: ColumnVisibilityState = useMemo(
    () => ({ tag: multipleTags, size: anySize, platform: false, ...stored }),
    [multipleTags, anySize, stored],
  );
  return [visibility, set] as const;
}
