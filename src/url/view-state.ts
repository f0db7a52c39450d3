/**
 * The dashboard's whole view, as it is kept in the URL. The codec in `./codec.ts` maps it to and from the
 * query string; this module holds the type, the defaults and the canonical form that makes the URL of a
 * given view unique.
 */

import { SPEC_FACETS, type SpecFacet } from '../data/engine/facets';
import { SORT_COLUMNS, type SortColumn } from '../data/engine/sort';

export { SORT_COLUMNS, type SortColumn };

/** Facet filters, in the order their parameters are written to the URL (tags have their own parameter). */
export const FACET_KEYS = SPEC_FACETS;
export type FacetKey = SpecFacet;

export const VIEW_MODES = ['specs', 'packages'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

/** Values a facet must match (any of `include`) and must not match (none of `exclude`). */
export type FacetSelection = {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
};

export type FacetSelections = Readonly<Record<FacetKey, FacetSelection>>;

export type SortState = { readonly column: SortColumn; readonly desc: boolean };

export type ViewState = {
  /** Build-cache tags (releases) whose specs are shown; empty means the app's own choice. */
  readonly tags: readonly string[];
  readonly facets: FacetSelections;
  /** Free spec query text. */
  readonly q: string;
  /** Spec hash (or a prefix of at least 7 characters) whose detail panel is open. */
  readonly hash: string | null;
  readonly sort: SortState | null;
  readonly view: ViewMode;
};

const EMPTY_FACET: FacetSelection = Object.freeze({ include: Object.freeze([]), exclude: Object.freeze([]) });

/** Builds a complete facet record; going through FACET_KEYS keeps the type exhaustive without casts. */
export function facetRecord(pick: (key: FacetKey) => FacetSelection): Record<FacetKey, FacetSelection> {
  return {
    stack: pick('stack'),
    package: pick('package'),
    version: pick('version'),
    compiler: pick('compiler'),
    os: pick('os'),
    platform: pick('platform'),
    target: pick('target'),
    variant: pick('variant'),
  };
}

/** Frozen so that a consumer mutating "its" state cannot silently change every later default. */
export const DEFAULT_VIEW_STATE: ViewState = Object.freeze({
  tags: Object.freeze([]),
  facets: Object.freeze(facetRecord(() => EMPTY_FACET)),
  q: '',
  hash: null,
  sort: null,
  view: 'specs',
});

/**
 * Spack DAG hashes are 32 base32 characters; shorter prefixes (as `spack find /abc1234` accepts) are
 * allowed down to 7 characters, below which a prefix is rarely unique.
 */
const URL_HASH_PATTERN = /^[a-z2-7]{7,32}$/;

/** Lowercases a hash (or hash prefix) from the URL; null when it is not one. */
export function normalizeHash(raw: string): string | null {
  const lower = raw.toLowerCase();
  return URL_HASH_PATTERN.test(lower) ? lower : null;
}

export function isFacetKey(value: string): value is FacetKey {
  return FACET_KEYS.some((key) => key === value);
}

export function isSortColumn(value: string): value is SortColumn {
  return SORT_COLUMNS.some((column) => column === value);
}

export function isViewMode(value: string): value is ViewMode {
  return VIEW_MODES.some((mode) => mode === value);
}

/**
 * Code-unit order rather than localeCompare: the canonical URL must not depend on the browser's locale
 * or ICU version.
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces lone surrogates with U+FFFD, as UTF-8 percent-encoding does; doing it here means a state
 * survives the URL round trip exactly once it is normalised.
 */
export function toWellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD');
}

function canonicalSet(values: readonly string[]): string[] {
  const unique = new Set(values.map(toWellFormed).filter((value) => value !== ''));
  return [...unique].sort(compareCodeUnits);
}

/**
 * The canonical form of a state: sets deduplicated and sorted, empty values dropped, invalid hash and
 * sort dropped. A value both included and excluded stays only excluded: with no order to go by, the
 * narrower filter is the one that cannot surprise the user with extra rows (and it is also what the
 * decoder gives for the encoded URL, where exclusions are written last).
 */
export function normalizeViewState(state: ViewState): ViewState {
  const facets = facetRecord((key) => {
    const exclude = canonicalSet(state.facets[key].exclude);
    const excluded = new Set(exclude);
    const include = canonicalSet(state.facets[key].include).filter((value) => !excluded.has(value));
    return { include, exclude };
  });
  const hash = state.hash === null ? null : normalizeHash(state.hash);
  const sort = state.sort !== null && isSortColumn(state.sort.column) ? state.sort : null;
  return {
    tags: canonicalSet(state.tags),
    facets,
    q: toWellFormed(state.q),
    hash,
    sort: sort === null ? null : { column: sort.column, desc: sort.desc },
    view: isViewMode(state.view) ? state.view : DEFAULT_VIEW_STATE.view,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** True when both states show the same view, i.e. have the same canonical form (and so the same URL). */
export function viewStatesEqual(a: ViewState, b: ViewState): boolean {
  const x = normalizeViewState(a);
  const y = normalizeViewState(b);
  return (
    sameList(x.tags, y.tags) &&
    FACET_KEYS.every(
      (key) =>
        sameList(x.facets[key].include, y.facets[key].include) &&
        sameList(x.facets[key].exclude, y.facets[key].exclude),
    ) &&
    x.q === y.q &&
    x.hash === y.hash &&
    x.sort?.column === y.sort?.column &&
    x.sort?.desc === y.sort?.desc &&
    x.view === y.view
  );
}

/** True when the state encodes to the empty query string. */
export function isDefaultViewState(state: ViewState): boolean {
  return viewStatesEqual(state, DEFAULT_VIEW_STATE);
}
