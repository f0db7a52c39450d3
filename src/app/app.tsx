import { useMemo } from 'react';
import { TagPicker } from '../components/filter-bar/tag-picker';
import { SpecTable } from '../components/spec-table/spec-table';
import { formatCount } from '../data/display';
import type { Fetcher } from '../data/load';
import { LoadPanel } from './load-panel';
import { useManifest, useTagTable } from './use-dataset';
import { useViewState } from './use-view-state';

export interface AppProps {
  /** Absolute URL of the dataset manifest; the default resolves `data/index.json` against the page. */
  manifestUrl?: string;
  fetcher?: Fetcher;
}

function defaultManifestUrl(): string {
  return new URL('data/index.json', document.baseURI).href;
}

export function App({ manifestUrl = defaultManifestUrl(), fetcher }: AppProps) {
  const manifest = useManifest(manifestUrl, fetcher);
  const ready = manifest.state.status === 'ready' ? manifest.state.value : null;
  const [view, setView] = useViewState();
  const tagName = ready ? (view.tags[0] ?? ready.tags[0]?.name ?? null) : null;
  const table = useTagTable(manifestUrl, ready, tagName, fetcher);
  const loaded = table.state.status === 'ready' ? table.state.value : null;
  const rows = useMemo(() => {
    const out = new Uint32Array(loaded?.count ?? 0);
    for (let i = 0; i < out.length; i++) out[i] = i;
    return out;
  }, [loaded]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Spack build cache explorer</h1>
        {ready && tagName !== null ? (
          <TagPicker
            tags={ready.tags}
            value={tagName}
            onChange={(tag) => setView({ ...view, tags: [tag] })}
          />
        ) : null}
        <p className="status" role="status" aria-live="polite">
          {loaded ? `${formatCount(rows.length)} of ${formatCount(loaded.count)} specs` : ''}
        </p>
      </header>
      <main className="app-main">
        {manifest.state.status !== 'ready' ? (
          <LoadPanel state={manifest.state} label="dataset index" onRetry={manifest.retry} />
        ) : table.state.status !== 'ready' ? (
          <LoadPanel state={table.state} label={`tag ${tagName ?? ''}`} onRetry={table.retry} />
        ) : loaded ? (
          <SpecTable data={loaded} rows={rows} />
        ) : null}
      </main>
    </div>
  );
}
