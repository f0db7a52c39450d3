import { hashPostings } from '../hash-column';
import type { ListColumn, SpecTable } from '../spec-table';
import { Bitset } from './bitset';
import { countValues } from './count-rows';
import { defaultKeyLimit, scalarKeys, withListKeys, type RowKeys } from './row-keys';
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

/** A facet's posting lists; a list facet's row keys are left to `withListKeys`, a step of their own. */
function buildPostings(table: SpecTable, facet: FacetKey): FacetPostings {
  const column = facetColumn(table, facet);
  const values = facetValues(column.dict, facet);
  const all = new Uint32Array(table.count);
  for (let r = 0; r < all.length; r++) all[r] = r;
  // Counting per row id (deduplicated) sizes each posting list exactly; a second pass fills them in.
  const lengths = countValues(column, values, all);
  const offsets = new Uint32Array(lengths.length + 1);
  for (let v = 0; v < lengths.length; v++) offsets[v + 1] = (offsets[v] ?? 0) + (lengths[v] ?? 0);
  const rows = new Uint32Array(offsets[lengths.length] ?? 0);
  const next = offsets.slice(0, lengths.length);
  const add = (id: number, row: number) => {
    const at = next[id] ?? 0;
    // Rows arrive in ascending order, so a repeat of the same value in one row is always the last entry.
    if (at > (offsets[id] ?? 0) && rows[at - 1] === row) return;
    rows[at] = row;
    next[id] = at + 1;
  };
  const { idOfCode } = values;
  if (column.kind === 'scalar') {
    for (let r = 0; r < table.count; r++) add(idOfCode[column.codes[r] ?? 0] ?? 0, r);
    return { column, values, offsets, rows, keys: scalarKeys(column.codes, idOfCode) };
  }
  const { offsets: rowStart, values: codes } = column.list;
  for (let r = 0; r < table.count; r++) {
    const end = rowStart[r + 1] ?? 0;
    for (let k = rowStart[r] ?? 0; k < end; k++) add(idOfCode[codes[k] ?? 0] ?? 0, r);
  }
  return { column, values, offsets, rows, keys: null };
}

/**
 * Builds a table's facet index one part at a time, so that a build of about a second at a million rows
 * can be spread over short tasks; `finish` builds whatever is left at once.
 */
export class FacetIndexBuilder {
  private readonly built: Partial<Record<FacetKey, FacetPostings>> = {};
  private readonly keyed = new Set<FacetKey>();
  private hashesBuilt = false;
  private index: FacetIndex | null = null;
  private readonly keyLimit: number;

  /** `keyLimit`: the most distinct lists a list facet may have and still get row keys (see row-keys). */
  constructor(
    private readonly table: SpecTable,
    options: { keyLimit?: number } = {},
  ) {
    this.keyLimit = options.keyLimit ?? defaultKeyLimit(table.count);
  }

  /** Every part is built: `finish` returns at once. */
  get done(): boolean {
    return this.hashesBuilt && FACETS.every((facet) => this.keyed.has(facet));
  }

  /**
   * Builds the next part not yet built: each facet's posting lists, then each list facet's row keys
   * (the variant facet's postings and keys together took over half a second at a million rows), then the
   * table's hash postings (kept by hash-column, built here so that the first hash search does not pay
   * for them); true once all are.
   */
  step(): boolean {
    const facet = FACETS.find((f) => this.built[f] === undefined);
    const unkeyed = FACETS.find((f) => !this.keyed.has(f));
    if (facet !== undefined) {
      const postings = buildPostings(this.table, facet);
      this.built[facet] = postings;
      // A scalar facet's keys are its codes, there with the postings.
      if (postings.column.kind === 'scalar') this.keyed.add(facet);
    } else if (unkeyed !== undefined) this.complete(unkeyed);
    else this.buildHashes();
    return this.done;
  }

  /** The index, with whatever is left built at once; the same object on every call. */
  finish(): FacetIndex {
    this.buildHashes();
    this.index ??= { count: this.table.count, facets: mapFacets((facet) => this.complete(facet)) };
    return this.index;
  }

  /** A facet's postings with their row keys, building what is missing. */
  private complete(facet: FacetKey): FacetPostings {
    let postings = this.built[facet] ?? buildPostings(this.table, facet);
    if (!this.keyed.has(facet)) {
      postings = withListKeys(postings, this.table.count, this.keyLimit);
      this.keyed.add(facet);
    }
    this.built[facet] = postings;
    return postings;
  }

  private buildHashes(): void {
    hashPostings(this.table.hashes);
    this.hashesBuilt = true;
  }
}

/** Posting lists per facet per distinct value, built once per table so each click costs only the selected values. */
export function buildFacetIndex(table: SpecTable, options: { keyLimit?: number } = {}): FacetIndex {
  return new FacetIndexBuilder(table, options).finish();
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
