import { HASH_LENGTH } from '../schema';
import type { ListColumn, SpecTable } from '../spec-table';
import type { CompilerTerm, SpecQuery, VariantTerm } from './parse-query';
import { containsMask, equalMask, hasValue } from './dict-index';
import { satisfiesConstraint } from './version-range';

/**
 * A query compiled against one table's dictionaries: every constraint is evaluated once per dictionary
 * entry (a few thousand strings), so what is left per row is integer lookups. Two evaluators share these
 * terms: a per-row predicate (match-query.ts) and posting-list bitsets (query-mask.ts).
 */

/** Columns a term can test, named as the facets that index them. */
export type ScalarColumn = 'package' | 'compiler' | 'os' | 'platform' | 'target';
export type ListColumnName = 'version' | 'variant' | 'stack';
export type TermColumn = ScalarColumn | ListColumnName;

/** Per dictionary code of `column`: 1 if that value fulfils the term. */
export interface CodeMask {
  column: TermColumn;
  mask: Uint8Array;
}

export type QueryTerm =
  /** Some value of the row (its only value, for a scalar column) is in the mask. */
  | { kind: 'codes'; mask: CodeMask }
  /** Every `present` mask hits some variant token of the row, and no `absent` mask hits any. */
  | { kind: 'variants'; present: Uint8Array[]; absent: Uint8Array[] }
  /** The row's hash starts with `prefix`. */
  | { kind: 'hashPrefix'; prefix: string }
  /** Any mask hits a value of the row, or the row's hash contains `hashNeedle`. */
  | { kind: 'text'; masks: CodeMask[]; hashNeedle: string | null };

/** Where a term column lives in the table: one code per row, or a CSR list of codes per row. */
export type ColumnData = { kind: 'scalar'; codes: Uint32Array } | { kind: 'list'; list: ListColumn };

export function columnData(table: SpecTable, column: TermColumn): ColumnData {
  switch (column) {
    case 'version':
      return { kind: 'list', list: table.versions };
    case 'variant':
      return { kind: 'list', list: table.variants };
    case 'stack':
      return { kind: 'list', list: table.stacks };
    default:
      return { kind: 'scalar', codes: table[column] };
  }
}

/** `*` matches any run of characters; everything else is literal. */
export function globMatcher(pattern: string): (value: string) => boolean {
  if (!pattern.includes('*')) return (value) => value === pattern;
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`^${escaped.join('.*')}$`, 's');
  return (value) => re.test(value);
}

/** Per code: 1 where the value matches the glob; a name without `*` is looked up, not tested per value. */
function globMask(dict: readonly string[], column: ScalarColumn, pattern: string): Uint8Array {
  return pattern.includes('*') ? dictMask(dict, globMatcher(pattern)) : equalMask(dict, column, pattern);
}

export function dictMask(dict: readonly string[], test: (value: string) => boolean): Uint8Array {
  const mask = new Uint8Array(dict.length);
  for (let code = 0; code < dict.length; code++) mask[code] = test(dict[code] ?? '') ? 1 : 0;
  return mask;
}

export function isEmptyMask(mask: Uint8Array): boolean {
  return mask.indexOf(1) < 0;
}

/** Compiler dictionary strings: `gcc@11.4.0`, `gcc@=13.2.0`, `none` (no version). */
function splitCompiler(text: string): { name: string; version: string | null } {
  const at = text.indexOf('@');
  if (at < 0) return { name: text, version: null };
  return { name: text.slice(0, at), version: text.slice(at + 1).replace(/^=/, '') };
}

function compilerMatcher(terms: readonly CompilerTerm[]): (value: string) => boolean {
  const tests = terms.map((term) => ({ name: globMatcher(term.pattern), versions: term.versions }));
  return (value) => {
    const { name, version } = splitCompiler(value);
    return tests.every(
      (t) =>
        t.name(name) &&
        (t.versions === null || (version !== null && satisfiesConstraint(version, t.versions))),
    );
  };
}

type VariantToken = VariantTerm | null;

/** Table tokens: `+x`, `~x`, `k=v`, `k=a,b`, `k:=v`, `k:='a,b'`; `++x`/`~~x` (propagated) count as `+x`/`~x`. */
export function parseVariantToken(token: string): VariantToken {
  const flag = /^(\+\+|~~|\+|~)(.+)$/.exec(token);
  if (flag !== null) return { kind: 'bool', name: flag[2] ?? '', value: (flag[1] ?? '').startsWith('+') };
  const eq = token.indexOf('=');
  if (eq < 0) return null;
  const name = token.slice(0, token[eq - 1] === ':' ? eq - 1 : eq);
  const raw = token.slice(eq + 1).replace(/^(['"])(.*)\1$/s, '$2');
  return { kind: 'values', name, values: raw.split(',') };
}

const parsedTokens = new WeakMap<readonly string[], VariantToken[]>();

/** The variant dictionary's tokens, parsed once per dictionary rather than on every keystroke. */
function variantTokens(dict: readonly string[]): VariantToken[] {
  let tokens = parsedTokens.get(dict);
  if (!tokens) {
    tokens = dict.map(parseVariantToken);
    parsedTokens.set(dict, tokens);
  }
  return tokens;
}

/**
 * What one term asks of a row's tokens: one test per token it needs (`+x` or `~x`: that flag; `k=a,b`:
 * a `k=` token holding a value matching `a`, and one matching `b`, possibly the same token).
 */
function neededTokens(term: VariantTerm): Array<(t: VariantToken) => boolean> {
  if (term.kind === 'bool') return [isFlag(term.name, term.value)];
  return term.values.map((wanted) => {
    const match = globMatcher(wanted);
    return (t) => t !== null && t.kind === 'values' && t.name === term.name && t.values.some(match);
  });
}

function isFlag(name: string, value: boolean): (t: VariantToken) => boolean {
  return (t) => t !== null && t.kind === 'bool' && t.name === name && t.value === value;
}

/**
 * Variant terms as token masks. `+x` needs a `+x` token; `~x` needs a `~x` token and no `+x` token
 * (`~x` beside `+x` is contradictory data, and the `+x` wins); `k=a,b` needs a `k=` token holding a
 * value matching each of `a` and `b`, possibly on different tokens.
 */
function variantTerm(dict: readonly string[], terms: readonly VariantTerm[]): QueryTerm | null {
  const tokens = variantTokens(dict);
  const tokenMask = (test: (t: VariantToken) => boolean) => {
    const mask = new Uint8Array(tokens.length);
    tokens.forEach((t, code) => (mask[code] = test(t) ? 1 : 0));
    return mask;
  };
  const present = terms.flatMap(neededTokens).map(tokenMask);
  const absent = terms.flatMap((term) =>
    term.kind === 'bool' && !term.value ? [tokenMask(isFlag(term.name, true))] : [],
  );
  if (present.some(isEmptyMask)) return null;
  return { kind: 'variants', present, absent };
}

/**
 * Whether a variant token of a row is one the terms ask for (`+mpi` for `+mpi`, `cuda_arch=80,90` for
 * `cuda_arch=8*`): the tokens a table cell shows first, so each row shows why it matched.
 */
export function isWantedVariant(terms: readonly VariantTerm[]): (token: string) => boolean {
  const tests = terms.flatMap(neededTokens);
  // Asked for each token of every row in view on each render; a table has a few thousand distinct ones.
  const seen = new Map<string, boolean>();
  return (token) => {
    let wanted = seen.get(token);
    if (wanted === undefined) {
      const parsed = parseVariantToken(token);
      wanted = tests.some((test) => test(parsed));
      seen.set(token, wanted);
    }
    return wanted;
  };
}

const TEXT_COLUMNS: readonly TermColumn[] = [
  'package',
  'compiler',
  'os',
  'target',
  'platform',
  'version',
  'variant',
  'stack',
];

/** One free-text word: a case-insensitive substring of any field, the hash included. */
function textTerm(table: SpecTable, word: string): QueryTerm | null {
  const needle = word.toLowerCase();
  const masks: CodeMask[] = [];
  for (const column of TEXT_COLUMNS) {
    const mask = containsMask(table.dicts[column], needle);
    if (!isEmptyMask(mask)) masks.push({ column, mask });
  }
  const hashNeedle = needle.length <= HASH_LENGTH && /^[a-z2-7]+$/.test(needle) ? needle : null;
  if (masks.length === 0 && hashNeedle === null) return null;
  return { kind: 'text', masks, hashNeedle };
}

/**
 * A bare word that names no package of the table (`e4s`, `aarch64`, `hdf`) is read as free text: people
 * type such words expecting a search, and an exact-name filter would match nothing. A real package name,
 * a glob, or a name with `@version` stays an exact package filter.
 */
export function resolveBareWord(query: SpecQuery, table: SpecTable): SpecQuery {
  const name = query.package;
  if (name === null || name.includes('*') || query.versions.length > 0) return query;
  if (hasValue(table.dicts.package, 'package', name)) return query;
  return { ...query, package: null, text: [name, ...query.text] };
}

/** The terms every matching row fulfils, or null when some term can match no row of this table. */
export function compileTerms(input: SpecQuery, table: SpecTable): QueryTerm[] | null {
  const query = resolveBareWord(input, table);
  const { dicts } = table;
  const terms: QueryTerm[] = [];
  const push = (column: TermColumn, mask: Uint8Array): boolean => {
    terms.push({ kind: 'codes', mask: { column, mask } });
    return !isEmptyMask(mask);
  };
  const codes = (column: TermColumn, test: (value: string) => boolean): boolean =>
    push(column, dictMask(dicts[column], test));
  const scalars: Array<[ScalarColumn, string | null]> = [
    ['package', query.package],
    ['platform', query.platform],
    ['os', query.os],
    ['target', query.target],
  ];
  for (const [column, pattern] of scalars) {
    if (pattern !== null && !push(column, globMask(dicts[column], column, pattern))) return null;
  }
  if (query.compilers.length > 0 && !codes('compiler', compilerMatcher(query.compilers))) return null;
  if (
    query.versions.length > 0 &&
    !codes('version', (v) => query.versions.every((c) => satisfiesConstraint(v, c)))
  ) {
    return null;
  }
  if (query.hashPrefixes.length > 0) {
    // All prefixes must start the one hash, so they collapse to the longest, or to no match at all.
    const longest = query.hashPrefixes.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (!query.hashPrefixes.every((p) => longest.startsWith(p))) return null;
    terms.push({ kind: 'hashPrefix', prefix: longest });
  }
  if (query.variants.length > 0) {
    const term = variantTerm(dicts.variant, query.variants);
    if (term === null) return null;
    terms.push(term);
  }
  for (const word of query.text) {
    const term = textTerm(table, word);
    if (term === null) return null;
    terms.push(term);
  }
  return terms;
}
