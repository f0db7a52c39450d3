/**
 * Pure codec between the view state and the query string, after Prometheus UI's URL codec: decoding is
 * total (any string gives a state plus notices about what was ignored), encoding gives one canonical
 * string per view, and decode(encode(s)) is s for every canonical state.
 *
 * Decisions on the ambiguous cases:
 * - `+` is read literally, never as a space: Spack specs are full of `+` (`variant=+mpi`, `q=hdf5+mpi`) and
 *   people type them into links by hand. Spaces are written `%20`. Malformed `%` escapes stay literal.
 * - Facet values: leading `!`s pair up; each `!!` is one literal `!` and a left-over single `!` marks
 *   an exclusion. So `!x` excludes "x", `!!x` includes "!x" and `!!!x` excludes "!x".
 * - A facet value given both included and excluded: the last occurrence wins, with a notice.
 * - A repeated singular param (`q`, `hash`, `sort`, `view`): the last valid value wins, with a notice
 *   naming each overridden value (none when the values are identical).
 * - An empty value (`package=`, `q=`) and an unknown param are ignored with a notice; exact duplicates
 *   are dropped silently because they do not change the view.
 * - `release` (cache.spack.io) is an alias of `tag`; tags are a set, so they are sorted like facets.
 */
import {
  DEFAULT_VIEW_STATE,
  FACET_KEYS,
  compareCodeUnits,
  facetRecord,
  isFacetKey,
  isSortColumn,
  isViewMode,
  normalizeHash,
  normalizeViewState,
  type FacetKey,
  type SortState,
  type ViewMode,
  type ViewState,
} from './view-state';

/** A parameter that was ignored (or overridden) while decoding, for the app's dismissible notice. */
export type UrlNotice = { param: string; value: string; message: string };

export type DecodedViewState = { state: ViewState; notices: UrlNotice[] };

export type FacetMode = 'include' | 'exclude';

const TAG_PARAM = 'tag';
/** cache.spack.io calls tags releases; its links must keep working. */
const TAG_ALIAS = 'release';
const SINGULAR_PARAMS = ['q', 'hash', 'sort', 'view'] as const;
type SingularParam = (typeof SINGULAR_PARAMS)[number];

function isSingularParam(param: string): param is SingularParam {
  return SINGULAR_PARAMS.some((name) => name === param);
}

function leadingBangs(value: string): number {
  let count = 0;
  while (value[count] === '!') count += 1;
  return count;
}

/** The URL form of one facet value; see the module comment for the `!` escaping rule. */
export function encodeFacetValue(value: string, mode: FacetMode): string {
  const bangs = leadingBangs(value);
  const prefix = '!'.repeat(bangs * 2 + (mode === 'exclude' ? 1 : 0));
  return prefix + value.slice(bangs);
}

/** Inverse of encodeFacetValue; a lone `!` decodes to an empty exclusion, which callers reject. */
export function decodeFacetValue(raw: string): { value: string; mode: FacetMode } {
  const bangs = leadingBangs(raw);
  return {
    value: '!'.repeat(Math.floor(bangs / 2)) + raw.slice(bangs),
    mode: bangs % 2 === 1 ? 'exclude' : 'include',
  };
}

export function encodeSort(sort: SortState): string {
  return (sort.desc ? '-' : '') + sort.column;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parseSort(raw: string): Parsed<SortState> {
  const desc = raw.startsWith('-');
  const column = desc ? raw.slice(1) : raw;
  if (isSortColumn(column)) return { ok: true, value: { column, desc } };
  return { ok: false, message: `Unknown sort column "${column}" ignored.` };
}

function parseHash(raw: string): Parsed<string> {
  const hash = normalizeHash(raw);
  if (hash !== null) return { ok: true, value: hash };
  return { ok: false, message: 'Not a spec hash (7 to 32 characters of a-z and 2-7); ignored.' };
}

function parseView(raw: string): Parsed<ViewMode> {
  if (isViewMode(raw)) return { ok: true, value: raw };
  return { ok: false, message: `Unknown view "${raw}" ignored; expected "specs" or "packages".` };
}

/** `%XX` escapes decoded where they form valid UTF-8; anything else (`%zz`, a lone `%E0`) stays as typed. */
function decodeLenient(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Splits a query string like URLSearchParams does, except that `+` stays a plus sign. */
function queryPairs(search: string): Array<[string, string]> {
  const body = search.startsWith('?') ? search.slice(1) : search;
  const pairs: Array<[string, string]> = [];
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = eq < 0 ? segment : segment.slice(0, eq);
    const value = eq < 0 ? '' : segment.slice(eq + 1);
    pairs.push([decodeLenient(name), decodeLenient(value)]);
  }
  return pairs;
}

/** Decodes a query string (with or without `?`); never throws. */
export function decodeViewState(search: string): DecodedViewState {
  const notices: UrlNotice[] = [];
  const tags = new Set<string>();
  const facetModes = new Map<FacetKey, Map<string, FacetMode>>();
  let q = DEFAULT_VIEW_STATE.q;
  let hash = DEFAULT_VIEW_STATE.hash;
  let sort = DEFAULT_VIEW_STATE.sort;
  let view = DEFAULT_VIEW_STATE.view;
  const lastRaw = new Map<SingularParam, string>();

  const acceptSingular = <T>(param: SingularParam, raw: string, parsed: Parsed<T>, apply: (v: T) => void) => {
    if (!parsed.ok) {
      notices.push({ param, value: raw, message: parsed.message });
      return;
    }
    const previous = lastRaw.get(param);
    if (previous !== undefined && previous !== raw) {
      notices.push({
        param,
        value: previous,
        message: `"${param}" is given more than once; the last value is used.`,
      });
    }
    lastRaw.set(param, raw);
    apply(parsed.value);
  };

  for (const [param, raw] of queryPairs(search)) {
    const known = param === TAG_PARAM || param === TAG_ALIAS || isFacetKey(param) || isSingularParam(param);
    if (!known) {
      notices.push({ param, value: raw, message: `Unknown parameter "${param}" ignored.` });
      continue;
    }
    if (raw === '') {
      notices.push({ param, value: raw, message: `Empty value for "${param}" ignored.` });
      continue;
    }
    if (param === TAG_PARAM || param === TAG_ALIAS) {
      tags.add(raw);
    } else if (isFacetKey(param)) {
      const { value, mode } = decodeFacetValue(raw);
      if (value === '') {
        notices.push({ param, value: raw, message: `Empty exclusion for "${param}" ignored.` });
        continue;
      }
      const modes = facetModes.get(param) ?? new Map<string, FacetMode>();
      facetModes.set(param, modes);
      const earlier = modes.get(value);
      if (earlier !== undefined && earlier !== mode) {
        notices.push({
          param,
          value: raw,
          message: `"${value}" is both included and excluded; the last one (${mode}) is used.`,
        });
      }
      modes.set(value, mode);
    } else if (param === 'q') {
      acceptSingular(param, raw, { ok: true, value: raw }, (v) => (q = v));
    } else if (param === 'hash') {
      acceptSingular(param, raw, parseHash(raw), (v) => (hash = v));
    } else if (param === 'sort') {
      acceptSingular(param, raw, parseSort(raw), (v) => (sort = v));
    } else {
      acceptSingular(param, raw, parseView(raw), (v) => (view = v));
    }
  }

  const facets = facetRecord((key) => {
    const entries = [...(facetModes.get(key) ?? [])];
    const pick = (mode: FacetMode) =>
      entries
        .filter(([, m]) => m === mode)
        .map(([value]) => value)
        .sort(compareCodeUnits);
    return { include: pick('include'), exclude: pick('exclude') };
  });
  return { state: { tags: [...tags].sort(compareCodeUnits), facets, q, hash, sort, view }, notices };
}

/**
 * Percent-encodes like encodeURIComponent but leaves `!@/,:+` readable (all legal in a query, and common in
 * Spack specs such as `gcc@12` or `!+mpi`; `+` is read literally by queryPairs), and escapes `'()*` so a
 * link survives being pasted into Markdown.
 */
function encodeComponent(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => (c === '!' ? c : `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .replace(/%40|%2F|%2C|%3A|%2B/g, (escape) => decodeURIComponent(escape));
}

/** The canonical query string (without `?`) for a state; '' for the default view. */
export function encodeViewState(state: ViewState): string {
  const canonical = normalizeViewState(state);
  const pairs: string[] = [];
  const add = (param: string, value: string) => pairs.push(`${param}=${encodeComponent(value)}`);

  for (const tag of canonical.tags) add(TAG_PARAM, tag);
  for (const key of FACET_KEYS) {
    for (const value of canonical.facets[key].include) add(key, encodeFacetValue(value, 'include'));
    for (const value of canonical.facets[key].exclude) add(key, encodeFacetValue(value, 'exclude'));
  }
  if (canonical.q !== DEFAULT_VIEW_STATE.q) add('q', canonical.q);
  if (canonical.hash !== null) add('hash', canonical.hash);
  if (canonical.sort !== null) add('sort', encodeSort(canonical.sort));
  if (canonical.view !== DEFAULT_VIEW_STATE.view) add('view', canonical.view);
  return pairs.join('&');
}
