import { useCallback, useMemo, useState } from 'react';
import { FilterBar, type FilterFacet } from '../components/filter-bar/filter-bar';
import type { FacetMark, FacetOption } from '../components/filter-bar/facet-list';
import { FilterChips } from '../components/filter-bar/filter-chips';
import { QueryBox } from '../components/filter-bar/query-box';
import { TagPicker } from '../components/filter-bar/tag-picker';
import { PackageTable } from '../components/spec-table/package-table';
import { SpecDetail } from '../components/spec-detail/spec-detail';
import { SpecTable } from '../components/spec-table/spec-table';
import { formatCount } from '../data/display';
import type { Fetcher } from '../data/load';
import { summarizePackages } from '../data/package-summary';
import { specDetail } from '../data/spec-detail';
import { hasKnownSize } from '../data/spec-table';
import { resolveTag } from '../data/tags';
import type { UrlNotice } from '../url/codec';
import { facetOptions } from './facet-options';
import { LoadPanel } from './load-panel';
import { StatusLine, type StatusParts } from './status-line';
import { Toolbar } from './toolbar';
import { UrlNotices } from './url-notices';
import { useColumnVisibility } from './use-column-visibility';
import { useManifest, useTagTables } from './use-dataset';
import { useQueryDraft } from './use-query-draft';
import { useSpecView } from './use-spec-view';
import { useViewState } from './use-view-state';
import { activeFilters, clearFilters, openPackage, removeFilter, setFacetValue } from './view-updates';

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
  const [view, setView, urlNotices] = useViewState();
  const [dismissed, setDismissed] = useState<string | null>(null);

  const known = useMemo(() => ready?.tags.map((t) => t.name) ?? [], [ready]);
  const resolved = useMemo(
    () => view.tags.map((t) => ({ requested: t, resolution: resolveTag(t, known) })),
    [view.tags, known],
  );
  // Memoised so that what depends on the loaded tags is not rebuilt on every keystroke.
  const tagNames = useMemo(() => {
    const requested = [...new Set(resolved.flatMap((r) => (r.resolution ? [r.resolution.tag] : [])))];
    const newest = known[0];
    return requested.length > 0 ? requested : newest ? [newest] : [];
  }, [resolved, known]);
  const tables = useTagTables(manifestUrl, ready, tagNames, fetcher);
  const { partial } = tables;
  // While several tags load, the newest is shown (and filtered) until all are in.
  const loaded = tables.state.status === 'ready' ? tables.state.value : (partial?.table ?? null);
  const stillLoading = partial ? tagNames.length - 1 : 0;
  const moreTags = `${formatCount(stillLoading)} more ${stillLoading === 1 ? 'tag' : 'tags'}`;
  const commitQuery = useCallback((q: string) => setView((v) => ({ ...v, q })), [setView]);
  const query = useQueryDraft(view.q, commitQuery);
  const specView = useSpecView(loaded, view, query.applied);
  const anySize = useMemo(() => loaded !== null && hasKnownSize(loaded), [loaded]);
  const [columnVisibility, setColumnVisibility] = useColumnVisibility(tagNames.length > 1, anySize);

  const notices: UrlNotice[] = [
    ...urlNotices,
    ...(ready
      ? resolved.flatMap(({ requested: t, resolution }) =>
          resolution === null
            ? [{ param: 'tag', value: t, message: `No tag "${t}" in this dataset; ignored.` }]
            : resolution.note
              ? [{ param: 'tag', value: t, message: resolution.note }]
              : [],
        )
      : []),
    ...(specView.queryError && view.q === query.draft
      ? [{ param: 'q', value: view.q, message: `Not applied: ${specView.queryError.message}` }]
      : []),
  ];
  const noticeKey = notices.map((n) => `${n.param}=${n.value}`).join('&');
  const packages = useMemo(
    () => (loaded && view.view === 'packages' ? summarizePackages(loaded, specView.rows) : []),
    [loaded, view.view, specView.rows],
  );
  const detail = useMemo(
    () => (loaded && view.hash ? specDetail(loaded, view.hash) : null),
    [loaded, view.hash],
  );
  const { countsOf } = specView;
  // Counts arrive after the rows are painted (see useFacetCounts); marks come from the view at once, so
  // a click shows in its checkbox before the counts catch up.
  const optionsOf = useCallback(
    (facet: FilterFacet): readonly FacetOption[] | null =>
      countsOf ? facetOptions(countsOf(facet), view.facets[facet]) : null,
    [countsOf, view.facets],
  );

  // Loaded tags count live under the current filters (no number while counting); the others show their
  // size from the manifest.
  const tagCounts = countsOf?.('tag');
  const tagOptions: FacetOption[] = useMemo(() => {
    const live = new Map(tagCounts?.map((c) => [c.value, c.count]));
    const inTable = new Set(loaded?.dicts.tag);
    return (ready?.tags ?? []).map((t) => ({
      value: t.name,
      count: live.get(t.name) ?? (inTable.has(t.name) ? (tagCounts ? 0 : null) : t.specCount),
      selected: tagNames.includes(t.name) ? 'include' : null,
    }));
  }, [ready, tagCounts, tagNames, loaded]);
  const pickTag = useCallback((tag: string) => setView((v) => ({ ...v, tags: [tag] })), [setView]);
  // Stable while the user types, and when the typed query reaches the URL (they build on the view
  // setView holds), so the memoised filter bar is not rendered again.
  const changeTag = useCallback(
    (tag: string, on: boolean) => {
      const next = on ? [...tagNames, tag] : tagNames.filter((t) => t !== tag);
      setView((v) => ({ ...v, tags: next.length > 0 ? next : tagNames }));
    },
    [setView, tagNames],
  );
  const changeFacet = useCallback(
    (facet: FilterFacet, value: string, mark: FacetMark) =>
      setView((v) => setFacetValue(v, facet, value, mark)),
    [setView],
  );
  // The query chip follows the applied query, not the URL (which trails it by a pause), so the chips row
  // shows up with the rows it explains instead of pushing the table down mid-typing. Removing it, or
  // clearing all, empties the box too: a query not yet in the URL would otherwise come back with it.
  const { setDraft } = query;
  const chips = activeFilters({ ...view, q: query.applied }).map((f) => ({
    label: f.facet !== 'q' ? f.facet : specView.queryError ? 'query (not applied)' : 'query',
    value: f.value,
    excluded: f.excluded,
    onRemove: () => {
      if (f.facet === 'q') setDraft('');
      setView((v) => removeFilter(v, f));
    },
  }));
  const clearAll = () => {
    setDraft('');
    setView(clearFilters);
  };

  const statusParts: StatusParts | null = loaded
    ? {
        shown: specView.rows.length,
        total: loaded.count,
        packages: view.view === 'packages' ? packages.length : null,
        loading: partial ? { tag: partial.tag, more: moreTags } : null,
      }
    : null;

  return (
    <div className="app">
      <header className="app-header">
        <h1>Spack build cache explorer</h1>
        {ready && tagNames.length > 0 ? (
          <TagPicker tags={ready.tags} selected={tagNames} onChange={pickTag} />
        ) : null}
        <QueryBox text={query.draft} error={query.error} onChange={query.setDraft} />
        <StatusLine parts={statusParts} packagesInTable={loaded?.dicts.package.length ?? 0} />
      </header>
      {noticeKey !== dismissed ? (
        <UrlNotices notices={notices} onDismiss={() => setDismissed(noticeKey)} />
      ) : null}
      <div className="app-body">
        {ready ? (
          <FilterBar tags={tagOptions} onTagChange={changeTag} optionsOf={optionsOf} onChange={changeFacet} />
        ) : null}
        <main className="app-main">
          {manifest.state.status !== 'ready' ? (
            <LoadPanel state={manifest.state} label="dataset index" onRetry={manifest.retry} />
          ) : tables.state.status !== 'ready' && !partial ? (
            <LoadPanel
              state={tables.state}
              label={`tag ${tagNames.join(', ')}`}
              onRetry={tables.retry}
              progress={tables.progress}
            />
          ) : loaded ? (
            <>
              {/* Loading here means a partial table is shown; the status check narrows the state's type. */}
              {tables.state.status === 'loading' ? (
                <LoadPanel
                  state={tables.state}
                  label={moreTags}
                  onRetry={tables.retry}
                  progress={tables.progress}
                  compact
                />
              ) : null}
              <Toolbar
                view={view.view}
                onViewChange={(mode) => setView((v) => ({ ...v, view: mode }))}
                columnVisibility={columnVisibility}
                onColumnVisibilityChange={setColumnVisibility}
                table={loaded}
                rows={specView.rows}
                fileStem={`spack-specs-${partial ? partial.tag : tagNames.join('+')}`}
              />
              <FilterChips chips={chips} onClearAll={clearAll} />
              {view.view === 'packages' ? (
                <PackageTable packages={packages} onOpen={(pkg) => setView((v) => openPackage(v, pkg))} />
              ) : (
                <SpecTable
                  data={loaded}
                  rows={specView.rows}
                  sort={view.sort}
                  onSortChange={(sort) => setView((v) => ({ ...v, sort }))}
                  columnVisibility={columnVisibility}
                  selectedHash={view.hash}
                  onSelect={(hash) => setView((v) => ({ ...v, hash }))}
                  leadVariant={specView.leadVariant}
                />
              )}
            </>
          ) : null}
        </main>
        {loaded && view.hash ? (
          <SpecDetail
            hash={view.hash}
            detail={detail}
            loading={partial !== null}
            onSelect={(hash) => setView((v) => ({ ...v, hash }))}
            onClose={() => setView((v) => ({ ...v, hash: null }))}
          />
        ) : null}
      </div>
    </div>
  );
}
