import {
  DEFAULT_VIEW_STATE,
  FACET_KEYS,
  facetRecord,
  type FacetKey,
  type ViewState,
} from '../url/view-state';

export type Mark = 'include' | 'exclude' | null;

/** Set one facet value to included, excluded or neither; a value is never both. */
export function setFacetValue(view: ViewState, facet: FacetKey, value: string, mark: Mark): ViewState {
  const current = view.facets[facet];
  const include = current.include.filter((v) => v !== value);
  const exclude = current.exclude.filter((v) => v !== value);
  if (mark === 'include') include.push(value);
  if (mark === 'exclude') exclude.push(value);
  return {
    ...view,
    facets: facetRecord((key) => (key === facet ? { include, exclude } : view.facets[key])),
  };
}

/** Clear every filter (facets and query) but keep tags, sort, view mode and the selected hash. */
export function clearFilters(view: ViewState): ViewState {
  return { ...view, facets: DEFAULT_VIEW_STATE.facets, q: '' };
}

export interface ActiveFilter {
  facet: FacetKey | 'q';
  value: string;
  excluded: boolean;
}

/** The active filters in URL order, for chips. */
export function activeFilters(view: ViewState): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  for (const facet of FACET_KEYS) {
    for (const value of view.facets[facet].include) out.push({ facet, value, excluded: false });
    for (const value of view.facets[facet].exclude) out.push({ facet, value, excluded: true });
  }
  if (view.q) out.push({ facet: 'q', value: view.q, excluded: false });
  return out;
}

export function removeFilter(view: ViewState, filter: ActiveFilter): ViewState {
  if (filter.facet === 'q') return { ...view, q: '' };
  return setFacetValue(view, filter.facet, filter.value, null);
}

/** Open the spec view on one package (from the package summary). */
export function openPackage(view: ViewState, pkg: string): ViewState {
  return {
    ...view,
    view: 'specs',
    facets: facetRecord((key) => (key === 'package' ? { include: [pkg], exclude: [] } : view.facets[key])),
  };
}
