import { FACET_KEYS, facetRecord, type FacetSelection, type ViewState } from './view-state';

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

const sameFacet = (a: FacetSelection, b: FacetSelection) =>
  sameList(a.include, b.include) && sameList(a.exclude, b.exclude);

/**
 * `next`, with every part equal to `prev`'s replaced by `prev`'s own object (and `prev` itself when all
 * are equal). A URL change decodes a whole new state; sharing what did not change keeps the identities
 * that memoised work depends on, so committing the typed query to the URL does not filter, count and
 * render the facets all over again.
 */
export function keepUnchanged(prev: ViewState, next: ViewState): ViewState {
  const picked = facetRecord((key) =>
    sameFacet(prev.facets[key], next.facets[key]) ? prev.facets[key] : next.facets[key],
  );
  const facets = FACET_KEYS.every((key) => picked[key] === prev.facets[key]) ? prev.facets : picked;
  const tags = sameList(prev.tags, next.tags) ? prev.tags : next.tags;
  const sort =
    prev.sort !== null &&
    next.sort !== null &&
    prev.sort.column === next.sort.column &&
    prev.sort.desc === next.sort.desc
      ? prev.sort
      : next.sort;
  const same =
    facets === prev.facets &&
    tags === prev.tags &&
    sort === prev.sort &&
    next.q === prev.q &&
    next.hash === prev.hash &&
    next.view === prev.view;
  return same ? prev : { tags, facets, q: next.q, hash: next.hash, sort, view: next.view };
}
