import { useEffect, useMemo, useState } from 'react';
import { parseQuery, type QueryError } from '../data/query/parse-query';

const COMMIT_DELAY_MS = 250;

/**
 * The query box's text. It follows the URL's `q` when that changes (back/forward, chips), and commits a
 * text that parses to the URL after a short pause, so history gets one entry per query, not per key.
 * A text that does not parse is never committed: the last valid result stays on screen.
 */
export function useQueryDraft(q: string, commit: (q: string) => void) {
  const [draft, setDraft] = useState(q);
  const [synced, setSynced] = useState(q);
  if (q !== synced) {
    setSynced(q);
    setDraft(q);
  }
  const parsed = useMemo(() => parseQuery(draft), [draft]);
  const error: QueryError | null = parsed.ok ? null : parsed.error;
  useEffect(() => {
    if (!parsed.ok || draft === synced) return undefined;
    const timer = window.setTimeout(() => commit(draft.trim() === '' ? '' : draft), COMMIT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, synced, parsed.ok, commit]);
  return { draft, setDraft, error };
}
