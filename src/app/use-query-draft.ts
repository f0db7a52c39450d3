import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseQuery, type QueryError } from '../data/query/parse-query';

/** The pause after the last keystroke before the applied query goes into the URL. */
export const COMMIT_DELAY_MS = 400;

/**
 * The query box. Every keystroke that leaves a parseable query applies it at once (`applied`); a text
 * that does not parse shows its error and keeps the last valid result. The URL follows `applied` after a
 * short pause, so history gets one entry per query rather than one per key, and the box follows the URL
 * when that changes (back/forward, a removed chip).
 */
export function useQueryDraft(q: string, commit: (q: string) => void) {
  const [draft, setDraftText] = useState(q);
  const [applied, setApplied] = useState(q);
  const [synced, setSynced] = useState(q);
  if (q !== synced) {
    setSynced(q);
    setDraftText(q);
    setApplied(q);
  }
  const setDraft = useCallback((text: string) => {
    setDraftText(text);
    const parsed = parseQuery(text);
    // Surrounding spaces change nothing in the query, so they stay out of the URL.
    if (parsed.ok) setApplied(text.trim());
  }, []);
  const error: QueryError | null = useMemo(() => {
    const parsed = parseQuery(draft);
    return parsed.ok ? null : parsed.error;
  }, [draft]);
  useEffect(() => {
    if (applied === synced) return undefined;
    const timer = window.setTimeout(() => {
      // Marked as synced in the same batch as the URL change, so our own commit never resets the box.
      setSynced(applied);
      commit(applied);
    }, COMMIT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [applied, synced, commit]);
  return { draft, applied, setDraft, error };
}
