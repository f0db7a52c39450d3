import { parseVersionList, type VersionConstraint } from './version-range';

/**
 * A parsed Spack-style query, plain JSON-able data. Every listed term must hold for a row to match
 * (AND); there is no OR except inside one version list (`@1.2,1.4`).
 *
 * - `package`: exact name or `*` glob (`py-*`); null for any package. The matcher reads a bare name
 *   that is no package of the table as free text (see `resolveBareWord`).
 * - `versions`: one constraint per `@…` on the package; a row matches when one of its versions
 *   satisfies all of them.
 * - `variants`: `+x` / `~x` / `-x` / `x=true|false` become `bool`; `k=a,b` becomes `values` (each value
 *   must be among the row's values for k; `*` in a value is a glob).
 * - `compilers`: `%name[@versions]`; name may be a glob. A spec has one compiler, so two terms must
 *   both hold for it (usually: no match).
 * - `os`, `target`, `platform`: value or glob; null for any. `arch=p-o-t` fills all three.
 * - `hashPrefixes`: every prefix must start the row's hash; two different ones match nothing.
 * - `text`: free-text words, each a case-insensitive substring of some field of the row.
 */
export interface SpecQuery {
  package: string | null;
  versions: VersionConstraint[];
  variants: VariantTerm[];
  compilers: CompilerTerm[];
  os: string | null;
  target: string | null;
  platform: string | null;
  hashPrefixes: string[];
  text: string[];
}

export type VariantTerm =
  { kind: 'bool'; name: string; value: boolean } | { kind: 'values'; name: string; values: string[] };

export interface CompilerTerm {
  pattern: string;
  versions: VersionConstraint | null;
}

type ArchKey = 'os' | 'target' | 'platform';

export interface QueryError {
  message: string;
  /** Character offsets into the input, end exclusive, for underlining. */
  start: number;
  end: number;
}

export type ParseResult = { ok: true; query: SpecQuery } | { ok: false; error: QueryError };

export function emptyQuery(): SpecQuery {
  return {
    package: null,
    versions: [],
    variants: [],
    compilers: [],
    os: null,
    target: null,
    platform: null,
    hashPrefixes: [],
    text: [],
  };
}

const PACKAGE_PATTERN = /^[a-z0-9_*][a-z0-9_*-]*$/;
// Variant names allow uppercase because real specs have them (`~X`).
const VARIANT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const HASH_CHAR = /^[a-z2-7]$/;
const SIGILS = '@%+~/^';
const BOOLEAN_VALUE = /^(true|false)$/i;
const ARCH_KEYS: ArchKey[] = ['os', 'target', 'platform'];
const MAX_HASH = 32;

/** Package names are lowercase letters, digits, `-`, `_`, with `*` as a glob. */
export function isPackagePattern(text: string): boolean {
  return PACKAGE_PATTERN.test(text);
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

function isSigil(ch: string | undefined): boolean {
  return ch !== undefined && SIGILS.includes(ch);
}

class QuerySyntaxError extends Error {
  constructor(readonly detail: QueryError) {
    super(detail.message);
  }
}

function fail(message: string, start: number, end: number): never {
  throw new QuerySyntaxError({ message, start, end });
}

interface State {
  input: string;
  query: SpecQuery;
}

/** Index of the first sigil (or `end`) at or after `from`. */
function runEnd(input: string, from: number, end: number): number {
  let i = from;
  while (i < end && !isSigil(input[i])) i++;
  return i;
}

function setPackage(st: State, name: string, start: number): void {
  const end = start + name.length;
  if (!isPackagePattern(name)) fail(`invalid package name '${name}'`, start, end);
  if (st.query.package !== null) {
    fail(`a query names one package; '${st.query.package}' is already the package`, start, end);
  }
  st.query.package = name;
}

function setArchField(st: State, key: ArchKey, value: string, start: number, end: number): void {
  if (st.query[key] !== null) fail(`${key} is already set`, start, end);
  st.query[key] = value;
}

function parseVersions(st: State, at: number, end: number): VersionConstraint {
  const parsed = parseVersionList(st.input.slice(at + 1, end));
  if (parsed.ok) return parsed.constraint;
  if (end === at + 1) fail("expected a version after '@'", at, at + 1);
  return fail(parsed.message, at + 1 + parsed.start, at + 1 + parsed.end);
}

/** `+x`, `~x`, `@v`, `%c@v`, `/h` chained inside one word, from `p` to `end`. */
function parseSigils(st: State, from: number, end: number): void {
  const { input, query } = st;
  let compiler: CompilerTerm | null = null;
  let p = from;
  while (p < end) {
    const ch = input[p];
    const nameStart = ch === '+' || ch === '~' ? (input[p + 1] === ch ? p + 2 : p + 1) : p + 1;
    const stop = runEnd(input, nameStart, end);
    const name = input.slice(nameStart, stop);
    if (ch === '@') {
      const constraint = parseVersions(st, p, stop);
      if (compiler === null) query.versions.push(constraint);
      else if (compiler.versions !== null) fail('this compiler already has a version', p, stop);
      else compiler.versions = constraint;
    } else if (ch === '+' || ch === '~') {
      if (name === '') fail(`expected a variant name after '${ch}'`, p, nameStart);
      if (!VARIANT_NAME.test(name)) fail(`invalid variant name '${name}'`, nameStart, stop);
      query.variants.push({ kind: 'bool', name, value: ch === '+' });
      compiler = null;
    } else if (ch === '%') {
      if (name === '') fail("expected a compiler name after '%'", p, p + 1);
      if (!isPackagePattern(name)) fail(`invalid compiler name '${name}'`, nameStart, stop);
      compiler = { pattern: name, versions: null };
      query.compilers.push(compiler);
    } else if (ch === '/') {
      if (name === '') fail("expected a hash prefix after '/'", p, p + 1);
      const bad = [...name].findIndex((c) => !HASH_CHAR.test(c));
      if (bad >= 0)
        fail(`hashes use only a-z and 2-7, not '${name[bad] ?? ''}'`, nameStart + bad, nameStart + bad + 1);
      if (name.length > MAX_HASH) fail(`a hash has at most ${MAX_HASH} characters`, nameStart, stop);
      query.hashPrefixes.push(name);
      compiler = null;
    } else if (ch === '^') {
      fail('dependencies (^) cannot be queried: the cache index does not list them', p, end);
    } else {
      fail(`unexpected '${ch ?? ''}'`, p, p + 1);
    }
    p = stop;
  }
}

function parseArch(st: State, value: string, start: number, end: number): void {
  const first = value.indexOf('-');
  const last = value.lastIndexOf('-');
  if (first < 0 || first === last)
    fail('arch needs platform-os-target, e.g. linux-ubuntu24.04-x86_64_v3', start, end);
  const parts = {
    platform: value.slice(0, first),
    os: value.slice(first + 1, last),
    target: value.slice(last + 1),
  };
  for (const key of ARCH_KEYS) {
    if (parts[key] === '') fail(`arch is missing its ${key}`, start, end);
  }
  // A `*` part constrains nothing, so it leaves the field free for a separate `os=` and the like.
  for (const key of ARCH_KEYS) if (parts[key] !== '*') setArchField(st, key, parts[key], start, end);
}

/** `key=v1,v2` (also `key:=…`, and a value wrapped in quotes as Spack prints `languages:='c,c++'`). */
function parseKeyValue(st: State, start: number, end: number, eq: number): void {
  const { input } = st;
  const keyEnd = input[eq - 1] === ':' ? eq - 1 : eq;
  const key = input.slice(start, keyEnd);
  if (key === '') fail("expected a variant name before '='", start, eq + 1);
  if (!VARIANT_NAME.test(key)) fail(`invalid variant name '${key}'`, start, keyEnd);
  let raw = input.slice(eq + 1, end);
  let at = eq + 1;
  const quote = raw[0];
  if (quote === "'" || quote === '"') {
    if (raw.length < 2 || !raw.endsWith(quote)) fail('unterminated quote', eq + 1, end);
    raw = raw.slice(1, -1);
    at += 1;
  }
  if (raw === '') fail(`expected a value after '${key}='`, start, end);
  const values: string[] = [];
  for (const piece of raw.split(',')) {
    if (piece === '') {
      const comma = input[at] === ',' ? at : at - 1;
      fail(`empty value in '${key}=' list`, comma, comma + 1);
    }
    const q = piece.search(/['"]/);
    if (q >= 0) fail('unexpected quote inside a value', at + q, at + q + 1);
    values.push(piece);
    at += piece.length + 1;
  }
  const value = values[0] ?? '';
  if (key === 'arch' || key === 'os' || key === 'target' || key === 'platform') {
    if (values.length > 1) fail(`${key} takes a single value`, eq + 1, end);
    if (key === 'arch') parseArch(st, value, eq + 1, end);
    else setArchField(st, key, value, start, end);
  } else if (values.length === 1 && BOOLEAN_VALUE.test(value)) {
    st.query.variants.push({ kind: 'bool', name: key, value: value.toLowerCase() === 'true' });
  } else {
    st.query.variants.push({ kind: 'values', name: key, values });
  }
}

function parseWord(st: State, start: number, end: number): void {
  const { input, query } = st;
  const first = input[start];
  if (first === '-') {
    const stop = runEnd(input, start + 1, end);
    const name = input.slice(start + 1, stop);
    if (name === '') fail("expected a variant name after '-'", start, start + 1);
    if (!VARIANT_NAME.test(name)) fail(`invalid variant name '${name}'`, start + 1, stop);
    query.variants.push({ kind: 'bool', name, value: false });
    parseSigils(st, stop, end);
    return;
  }
  if (isSigil(first)) {
    parseSigils(st, start, end);
    return;
  }
  const headEnd = runEnd(input, start, end);
  const eq = input.indexOf('=', start);
  if (eq >= 0 && eq < headEnd) {
    parseKeyValue(st, start, end, eq);
    return;
  }
  const head = input.slice(start, headEnd);
  if (headEnd < end) {
    // A name with a sigil attached (`zlib@1.3`, `hdf5+mpi`) is a package wherever it stands.
    setPackage(st, head, start);
    parseSigils(st, headEnd, end);
  } else if (query.package === null && isPackagePattern(head)) {
    setPackage(st, head, start);
  } else {
    const q = head.indexOf('"');
    if (q >= 0) fail('unexpected \'"\': quote a whole word, like "c++"', start + q, start + q + 1);
    query.text.push(head);
  }
}

/** Returns the index after the closing quote. */
function parseQuoted(st: State, open: number): number {
  const close = st.input.indexOf('"', open + 1);
  if (close < 0) fail('unterminated quote', open, st.input.length);
  const text = st.input.slice(open + 1, close);
  if (text.trim() === '') fail('empty quoted text', open, close + 1);
  if (close + 1 < st.input.length && !isSpace(st.input[close + 1])) {
    fail('expected a space after the closing quote', close + 1, close + 2);
  }
  st.query.text.push(text);
  return close + 1;
}

function parseAll(st: State): void {
  const { input } = st;
  let i = 0;
  while (i < input.length) {
    if (isSpace(input[i])) {
      i++;
      continue;
    }
    if (input[i] === '"') {
      i = parseQuoted(st, i);
    } else {
      let end = i;
      while (end < input.length && !isSpace(input[end])) end++;
      parseWord(st, i, end);
      i = end;
    }
  }
}

/**
 * Parse Spack spec syntax: `hdf5@1.14: +mpi ~fortran %gcc@13 os=ubuntu24.04 /3fs44sy cuda`.
 *
 * Words are separated by whitespace. The package is the first bare word that is a valid package
 * name (`hdf5`, `py-*`), or a name with a sigil attached (`zlib@1.3`) anywhere; naming a second
 * package that way is an error. Other bare words, and `"quoted"` words, are free text.
 * Never throws on bad input: errors come back with the span to underline.
 */
export function parseQuery(input: string): ParseResult {
  const st: State = { input, query: emptyQuery() };
  try {
    parseAll(st);
  } catch (e) {
    if (e instanceof QuerySyntaxError) return { ok: false, error: e.detail };
    throw e;
  }
  return { ok: true, query: st.query };
}
