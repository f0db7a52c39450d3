import { useCallback, useEffect, useState } from 'react';
import { HashPoolCache, loadManifest, loadTag, LoadError, tagLoadBytes, type Fetcher } from '../data/load';
import { mergeSteps, mergeTables } from '../data/merge';
import type { Manifest, TagEntry } from '../data/schema';
import type { SpecTable } from '../data/spec-table';
import { runInSlices } from './run-in-slices';

export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; what: string; message: string } | { status: 'ready'; value: T };

function toError(error: unknown, what: string): Loadable<never> {
  if (error instanceof LoadError) return { status: 'error', what: error.what, message: error.message };
  return { status: 'error', what, message: error instanceof Error ? error.message : String(error) };
}

const defaultFetcher: Fetcher = (url, init) => fetch(url, init);

/**
 * Runs `load` whenever `key` changes (or on retry), aborting the previous run. The result is kept with
 * the key it answers, so a stale answer is never shown for a newer request and nothing is set
 * synchronously inside the effect.
 */
function useLoad<T>(key: string | null, what: string, load: (signal: AbortSignal) => Promise<T>) {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ key: string; state: Loadable<T> } | null>(null);
  const fullKey = key === null ? null : `${attempt}#${key}`;
  useEffect(() => {
    if (fullKey === null) return undefined;
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => setResult({ key: fullKey, state: { status: 'ready', value } }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ key: fullKey, state: toError(error, what) });
      },
    );
    return () => controller.abort();
  }, [fullKey, what, load]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const state: Loadable<T> = result && result.key === fullKey ? result.state : { status: 'loading' };
  return { state, retry };
}

/** Loads the dataset manifest (again on retry). */
export function useManifest(manifestUrl: string, fetcher: Fetcher = defaultFetcher) {
  const load = useCallback(
    (signal: AbortSignal) => loadManifest(fetcher, manifestUrl, signal),
    [fetcher, manifestUrl],
  );
  return useLoad(manifestUrl, manifestUrl, load);
}

export interface LoadProgress {
  /** Which load this is (the tags, newline-joined), so a stale report is never shown for a new load. */
  key: string;
  loaded: number;
  total: number;
}

/** While several tags load: the newest of them, already in (for the load whose tags are `key`). */
interface PartialTables {
  key: string;
  table: SpecTable;
  /** The tag `table` holds. */
  tag: string;
}

/**
 * Loads the shards of the chosen tags (and the hash-pool chunks they need) and merges them; changing
 * the tags aborts the previous load. Pool chunks stay cached, so another tag fetches only new chunks.
 * When several tags load, `partial` holds the newest as soon as it is in, until all of them are.
 */
export function useTagTables(
  manifestUrl: string,
  manifest: Manifest | null,
  tagNames: readonly string[],
  fetcher: Fetcher = defaultFetcher,
) {
  const key = tagNames.join('\n');
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [partial, setPartial] = useState<PartialTables | null>(null);
  const [pool] = useState(() => new HashPoolCache());
  const load = useCallback(
    async (signal: AbortSignal): Promise<SpecTable> => {
      if (!manifest) throw new LoadError(manifestUrl, `${manifestUrl}: the dataset index is not loaded.`);
      const entries = key.split('\n').map((name) => {
        const entry = manifest.tags.find((t) => t.name === name);
        if (!entry) throw new LoadError(manifestUrl, `Tag "${name}" is not in this dataset.`);
        return entry;
      });
      const total = entries.reduce((n, e) => n + tagLoadBytes(manifest, e), 0);
      const perTag = new Map<string, number>();
      let shown = -1;
      const report = (name: string) => (loaded: number) => {
        perTag.set(name, loaded);
        const sum = [...perTag.values()].reduce((a, b) => a + b, 0);
        // One update per percent: a 100 MB load arrives in thousands of chunks.
        const percent = total > 0 ? Math.floor((sum / total) * 100) : 100;
        if (percent !== shown) {
          shown = percent;
          setProgress({ key, loaded: sum, total });
        }
      };
      const loadOne = (entry: TagEntry) =>
        loadTag(fetcher, manifestUrl, manifest, entry, { signal, onProgress: report(entry.name), pool });
      // The newest tag (first in the manifest) is shown while the others load: with dozens of tags that
      // is seconds earlier. It loads alone, so the others' downloads and decoding never delay it, and it
      // needs the fewest pool chunks (the pool lists the newest tag's hashes first).
      const head = manifest.tags.find((t) => entries.includes(t));
      if (!head) return mergeTables([]);
      const first = await loadOne(head);
      if (entries.length === 1) return first;
      if (!signal.aborted) setPartial({ key, table: first, tag: head.name });
      // Rows stay in the order of the tags asked for, whichever came first.
      const tables = await Promise.all(entries.map((e) => (e === head ? first : loadOne(e))));
      // In slices: at a million rows the merge takes most of a second, and the newest tag stays usable.
      const all = await runInSlices(mergeSteps(tables), signal);
      // The newest tag's own table (and the facet index built for it) is not needed once all are in. This
      // update is rendered together with the result's, so the screen never goes without a table.
      if (!signal.aborted) setPartial(null);
      return all;
    },
    [fetcher, manifest, manifestUrl, key, pool],
  );
  const result = useLoad(manifest && key !== '' ? key : null, manifestUrl, load);
  return {
    ...result,
    progress: progress?.key === key ? progress : null,
    partial: result.state.status === 'loading' && partial?.key === key ? partial : null,
  };
}
