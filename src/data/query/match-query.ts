import { HASH_LENGTH } from '../schema';
import type { ListColumn, SpecTable } from '../spec-table';
import type { CompilerTerm, SpecQuery, VariantTerm } from './parse-query';
import { satisfiesConstraint } from './version-range';

/**
 * Compiling a query evaluates every constraint once per dictionary entry (a few thousand strings),
 * leaving per-row work to integer lookups into typed arrays. That keeps a million rows cheap.
 */

type RowCheck = (row: number) => boolean;

const NEVER: RowCheck = () => false;

/** `*` matches any run of characters; everything else is literal. */
export function globMatcher(pattern: string): (value: string) => boolean {
  if (!pattern.includes('*')) return (value) => value === pattern;
  const escaped = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`^${escaped.join('.*')}$`, 's');
  return (value) => re.test(value);
}

function dictMask(dict: readonly string[], test: (value: string) => boolean): Uint8Array {
  const mask = new Uint8Array(dict.length);
  for (let code = 0; code < dict.length; code++) mask[code] = test(dict[code] ?? '') ? 1 : 0;
  return mask;
}

function isEmptyMask(mask: Uint8Array): boolean {
  return mask.indexOf(1) < 0;
}

function scalarCheck(column: Uint32Array, mask: Uint8Array): RowCheck {
  return (row) => mask[column[row] ?? 0] === 1;
}

/** The row has at least one list entry whose code is in the mask. */
function listCheck(col: ListColumn, mask: Uint8Array): RowCheck {
  const { offsets, values } = col;
  return (row) => {
    const end = offsets[row + 1] ?? 0;
    for (let k = offsets[row] ?? 0; k < end; k++) if (mask[values[k] ?? 0] === 1) return true;
    return false;
  };
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

interface Requirement {
  /** Whether one variant token fulfils it. */
  test: (token: VariantToken) => boolean;
  /** true: some token of the row must pass; false: no token of the row may pass. */
  present: boolean;
}

function variantRequirements(terms: readonly VariantTerm[]): Requirement[] {
  const isFlag = (name: string, value: boolean) => (t: VariantToken) =>
    t !== null && t.kind === 'bool' && t.name === name && t.value === value;
  const out: Requirement[] = [];
  for (const term of terms) {
    if (term.kind === 'bool') {
      out.push({ test: isFlag(term.name, term.value), present: true });
      // `~x` on a row that also says `+x` is contradictory data; the `+x` wins.
      if (!term.value) out.push({ test: isFlag(term.name, true), present: false });
      continue;
    }
    for (const wanted of term.values) {
      const match = globMatcher(wanted);
      out.push({
        test: (t) => t !== null && t.kind === 'values' && t.name === term.name && t.values.some(match),
        present: true,
      });
    }
  }
  return out;
}

/**
 * All variant terms as one check: each dictionary token gets a bit mask of the requirements it
 * fulfils, and a row ORs the masks of its tokens, so a row costs one pass over its variants.
 */
function variantCheck(table: SpecTable, terms: readonly VariantTerm[]): RowCheck {
  const reqs = variantRequirements(terms);
  const words = Math.ceil(reqs.length / 32);
  const dict = table.dicts.variant;
  const masks = new Uint32Array(dict.length * words);
  const want = new Uint32Array(words);
  const forbid = new Uint32Array(words);
  const seen = new Uint8Array(reqs.length);
  for (let code = 0; code < dict.length; code++) {
    const token = parseVariantToken(dict[code] ?? '');
    reqs.forEach((req, r) => {
      if (!req.test(token)) return;
      const w = code * words + (r >>> 5);
      masks[w] = (masks[w] ?? 0) | (1 << (r & 31));
      seen[r] = 1;
    });
  }
  for (let r = 0; r < reqs.length; r++) {
    const req = reqs[r];
    if (req?.present === true && seen[r] === 0) return NEVER;
    const target = req?.present === true ? want : forbid;
    target[r >>> 5] = (target[r >>> 5] ?? 0) | (1 << (r & 31));
  }
  const { offsets, values } = table.variants;
  const acc = new Uint32Array(words);
  return (row) => {
    acc.fill(0);
    const end = offsets[row + 1] ?? 0;
    for (let k = offsets[row] ?? 0; k < end; k++) {
      const base = (values[k] ?? 0) * words;
      for (let w = 0; w < words; w++) acc[w] = (acc[w] ?? 0) | (masks[base + w] ?? 0);
    }
    for (let w = 0; w < words; w++) {
      // `>>> 0` because `&` yields a signed int and bit 31 would read as negative.
      const a = acc[w] ?? 0;
      if ((a & (want[w] ?? 0)) >>> 0 !== want[w] || (a & (forbid[w] ?? 0)) !== 0) return false;
    }
    return true;
  };
}

/** Rows whose hash contains `needle`, found with one scan of the concatenated hashes. */
function hashTextRows(table: SpecTable, needle: string): Uint8Array {
  const rows = new Uint8Array(table.count);
  if (needle.length > HASH_LENGTH || !/^[a-z2-7]+$/.test(needle)) return rows;
  let i = table.hashes.indexOf(needle);
  while (i >= 0) {
    const row = Math.floor(i / HASH_LENGTH);
    const fits = i + needle.length <= (row + 1) * HASH_LENGTH;
    if (fits) rows[row] = 1;
    i = table.hashes.indexOf(needle, fits ? (row + 1) * HASH_LENGTH : i + 1);
  }
  return rows;
}

/** One free-text word: a case-insensitive substring of any field. */
/**
 * A free-text word hits a row when any of its fields contains it. The hits are marked once, column by
 * column in tight loops (the hash column's matches first), rather than by calling up to nine checks per row.
 */
function textCheck(table: SpecTable, word: string): RowCheck {
  const needle = word.toLowerCase();
  const contains = (value: string) => value.toLowerCase().includes(needle);
  const { dicts } = table;
  const hit = hashTextRows(table, needle);
  let any = !isEmptyMask(hit);
  const scalars = [
    [table.package, dicts.package],
    [table.compiler, dicts.compiler],
    [table.os, dicts.os],
    [table.target, dicts.target],
    [table.platform, dicts.platform],
  ] satisfies [Uint32Array, string[]][];
  for (const [column, dict] of scalars) {
    const mask = dictMask(dict, contains);
    if (isEmptyMask(mask)) continue;
    any = true;
    for (let row = 0; row < table.count; row++) if (mask[column[row] ?? 0] === 1) hit[row] = 1;
  }
  const lists = [
    [table.versions, dicts.version],
    [table.variants, dicts.variant],
    [table.stacks, dicts.stack],
  ] satisfies [ListColumn, string[]][];
  for (const [{ offsets, values }, dict] of lists) {
    const mask = dictMask(dict, contains);
    if (isEmptyMask(mask)) continue;
    any = true;
    for (let row = 0; row < table.count; row++) {
      if (hit[row] === 1) continue;
      const end = offsets[row + 1] ?? 0;
      for (let k = offsets[row] ?? 0; k < end; k++) {
        if (mask[values[k] ?? 0] === 1) {
          hit[row] = 1;
          break;
        }
      }
    }
  }
  return any ? (row) => hit[row] === 1 : NEVER;
}

/** All prefixes must start the one hash, so they collapse to the longest, or to no match at all. */
function hashPrefixCheck(table: SpecTable, prefixes: readonly string[]): RowCheck {
  const longest = prefixes.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (!prefixes.every((p) => longest.startsWith(p))) return NEVER;
  return (row) => table.hashes.startsWith(longest, row * HASH_LENGTH);
}

function collectChecks(query: SpecQuery, table: SpecTable): RowCheck[] | null {
  const { dicts } = table;
  const checks: RowCheck[] = [];
  const masked = (column: Uint32Array, dict: string[], test: (value: string) => boolean): boolean => {
    const mask = dictMask(dict, test);
    checks.push(scalarCheck(column, mask));
    return !isEmptyMask(mask);
  };
  if (query.package !== null && !masked(table.package, dicts.package, globMatcher(query.package)))
    return null;
  if (query.platform !== null && !masked(table.platform, dicts.platform, globMatcher(query.platform)))
    return null;
  if (query.os !== null && !masked(table.os, dicts.os, globMatcher(query.os))) return null;
  if (query.target !== null && !masked(table.target, dicts.target, globMatcher(query.target))) return null;
  if (
    query.compilers.length > 0 &&
    !masked(table.compiler, dicts.compiler, compilerMatcher(query.compilers))
  ) {
    return null;
  }
  if (query.versions.length > 0) {
    const mask = dictMask(dicts.version, (v) => query.versions.every((c) => satisfiesConstraint(v, c)));
    if (isEmptyMask(mask)) return null;
    checks.push(listCheck(table.versions, mask));
  }
  if (query.hashPrefixes.length > 0) checks.push(hashPrefixCheck(table, query.hashPrefixes));
  if (query.variants.length > 0) checks.push(variantCheck(table, query.variants));
  for (const word of query.text) checks.push(textCheck(table, word));
  return checks;
}

/**
 * A bare word that names no package of the table (`e4s`, `aarch64`, `hdf`) is read as free text: people
 * type such words expecting a search, and an exact-name filter would match nothing. A real package name,
 * a glob, or a name with `@version` stays an exact package filter.
 */
export function resolveBareWord(query: SpecQuery, table: SpecTable): SpecQuery {
  const name = query.package;
  if (name === null || name.includes('*') || query.versions.length > 0) return query;
  if (table.dicts.package.includes(name)) return query;
  return { ...query, package: null, text: [name, ...query.text] };
}

/** A predicate over row indices of `table`; build once per query, then call per row. */
export function compileQuery(query: SpecQuery, table: SpecTable): (row: number) => boolean {
  const checks = collectChecks(resolveBareWord(query, table), table);
  if (checks === null || checks.includes(NEVER)) return NEVER;
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0] ?? NEVER;
  return (row) => {
    for (const check of checks) if (!check(row)) return false;
    return true;
  };
}

/** Indices of matching rows, ascending. */
export function filterRows(query: SpecQuery, table: SpecTable): Uint32Array {
  const matches = compileQuery(query, table);
  if (matches === NEVER) return new Uint32Array(0);
  const out = new Uint32Array(table.count);
  let n = 0;
  for (let row = 0; row < table.count; row++) if (matches(row)) out[n++] = row;
  return out.slice(0, n);
}
