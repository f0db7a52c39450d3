import type { ListColumn, SpecTable } from '../spec-table';
import { Bitset } from './bitset';
import type { RowKeys } from './row-keys';
import { rankStrings, type StringOrder } from './version-compare';

/** The facets of a spec, in the order the UI and the URL list them. */
export const SPEC_FACETS = [
  'stack',
  'package',
  'version',
  'compiler',
  'os',
  'platform',
  'target',
  'variant',
] as const;
export type SpecFacet = (typeof SPEC_FACETS)[number];

/** Spec facets plus the tag, which a table of several tags can be filtered and counted by too. */
export const FACETS = ['tag', ...SPEC_FACETS] as const;
export type FacetKey = (typeof FACETS)[number];

/** Values are the strings as they appear in the table's dictionaries. */
export interface FacetFilter {
  include: readonly string[];
  exclude: readonly string[];
}
export type FacetSelection = Record<FacetKey, FacetFilter>;
export type FacetState = 'include' | 'exclude' | null;
export interface FacetCount {
  value: string;
  count: number;
  selected: FacetState;
}

/** Builds a per-facet record without casts: every key is written out once, here. */
export function mapFacets<T>(fn: (facet: FacetKey) => T): Record<FacetKey, T> {
  return {
    tag: fn('tag'),
    stack: fn('stack'),
    package: fn('package'),
    version: fn('version'),
    compiler: fn('compiler'),
    os: fn('os'),
    platform: fn('platform'),
    target: fn('target'),
    variant: fn('variant'),
  };
}

export function emptySelection(): FacetSelection {
  return mapFacets(() => ({ include: [], exclude: [] }));
}

/** Where a facet lives in the table: one code per row, or a CSR list of codes per row. */
export type FacetColumn =
  | { kind: 'scalar'; dict: readonly string[]; codes: Uint32Array }
  | { kind: 'list'; dict: readonly string[]; list: ListColumn };

export function facetColumn(table: SpecTable, facet: FacetKey): FacetColumn {
  const { dicts } = table;
  switch (facet) {
    case 'stack':
      return { kind: 'list', dict: dicts.stack, list: table.stacks };
    case 'version':
      return { kind: 'list', dict: dicts.version, list: table.versions };
    case 'variant':
      return { kind: 'list', dict: dicts.variant, list: table.variants };
    default:
      return { kind: 'scalar', dict: dicts[facet], codes: table[facet] };
  }
}

/**
 * The distinct strings of a dictionary. Merged and encoded dictionaries never repeat a string, but a
 * hand-built shard could; counting by distinct value id keeps counts per string right either way.
 */
export interface FacetValues {
  values: string[];
  idOfCode: Uint32Array;
  idOfValue: Map<string, number>;
  /** Display rank per value id: version order for versions, natural order otherwise. */
  rank: Uint32Array;
}

// Cached per dictionary array (and order): tables are immutable once built, and ranking sorts strings.
const valuesCache: Record<StringOrder, WeakMap<readonly string[], FacetValues>> = {
  version: new WeakMap(),
  natural: new WeakMap(),
};

export function facetValues(dict: readonly string[], facet: FacetKey): FacetValues {
  const order: StringOrder = facet === 'version' ? 'version' : 'natural';
  const cached = valuesCache[order].get(dict);
  // The length check catches a dictionary grown in place, which would otherwise read a stale entry.
  if (cached && cached.idOfCode.length === dict.length) return cached;
  const values: string[] = [];
  const idOfValue = new Map<string, number>();
  const idOfCode = new Uint32Array(dict.length);
  dict.forEach((value, code) => {
    let id = idOfValue.get(value);
    if (id === undefined) {
      id = values.length;
      values.push(value);
      idOfValue.set(value, id);
    }
    idOfCode[code] = id;
  });
  const result = { values, idOfCode, idOfValue, rank: rankStrings(values, order) };
  valuesCache[order].set(dict, result);
  return result;
}

/** Rows holding value id v are `rows[offsets[v] .. offsets[v + 1])`, ascending. */
export interface FacetPostings {
  column: FacetColumn;
  values: FacetValues;
  offsets: Uint32Array;
  rows: Uint32Array;
  /** One key per row for counting; null for a list column with too many distinct lists. */
  keys: RowKeys | null;
}

export interface FacetIndex {
  count: number;
  facets: Record<FacetKey, FacetPostings>;
}

export interface ResolvedFilter {
  /** False when the facet has no include list: every row passes its include test. */
  includeActive: boolean;
  include: number[];
  exclude: number[];
}

export function resolveSelection(
  index: FacetIndex,
  selection: Partial<FacetSelection>,
): Record<FacetKey, ResolvedFilter> {
  return mapFacets((facet) => {
    const filter = selection[facet];
    const { idOfValue } = index.facets[facet].values;
    const ids = (list: readonly string[]) => list.flatMap((value) => idOfValue.get(value) ?? []);
    return {
      includeActive: (filter?.include.length ?? 0) > 0,
      include: ids(filter?.include ?? []),
      exclude: ids(filter?.exclude ?? []),
    };
  });
}

/** Rows passing every facet's filter (and `extra`), leaving out the includes of `skipIncludeOf`. */
export function applyFilters(
  index: FacetIndex,
  resolved: Record<FacetKey, ResolvedFilter>,
  extra: Bitset | null | undefined,
  skipIncludeOf: FacetKey | null,
): Bitset {
  if (extra && extra.size !== index.count) {
    throw new RangeError(`extra mask has ${extra.size} bits, the table has ${index.count} rows`);
  }
  const out = extra ? extra.clone() : Bitset.full(index.count);
  const words = out.words;
  for (const facet of FACETS) {
    const { offsets, rows } = index.facets[facet];
    const r = resolved[facet];
    if (r.includeActive && facet !== skipIncludeOf) {
      const match = new Bitset(index.count);
      const m = match.words;
      for (const id of r.include) {
        const end = offsets[id + 1] ?? 0;
        for (let k = offsets[id] ?? 0; k < end; k++) {
          const row = rows[k] ?? 0;
          m[row >>> 5] = (m[row >>> 5] ?? 0) | (1 << (row & 31));
        }
      }
      out.and(match);
    }
    for (const id of r.exclude) {
      const end = offsets[id + 1] ?? 0;
      for (let k = offsets[id] ?? 0; k < end; k++) {
        const row = rows[k] ?? 0;
        words[row >>> 5] = (words[row >>> 5] ?? 0) & ~(1 << (row & 31));
      }
    }
  }
  return out;
}

/**
 * Rows matching every facet (and `extra`, e.g. a spec query's rows; it must have `index.count` bits).
 * Within a facet, includes are OR'ed and any excluded value removes the row, so a value both included
 * and excluded is excluded. A facet with only unknown includes matches nothing; unknown excludes do nothing.
 */
export function filterRows(
  index: FacetIndex,
  selection: Partial<FacetSelection>,
  extra?: Bitset | null,
): Bitset {
  return applyFilters(index, resolveSelection(index, selection), extra, null);
}
