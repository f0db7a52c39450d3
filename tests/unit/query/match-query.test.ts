import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { encodeShard } from '../../../src/data/encode';
import {
  decodeShard,
  emptyTable,
  recordAt,
  type SpecRecord,
  type SpecTable,
} from '../../../src/data/spec-table';
import { buildFacetIndex } from '../../../src/data/engine/facet-index-builder';
import { compileQuery, filterRows } from '../../../src/data/query/match-query';
import { queryMask } from '../../../src/data/query/query-mask';
import { parseVariantToken } from '../../../src/data/query/query-terms';
import {
  emptyQuery,
  parseQuery,
  type SpecQuery,
  type VariantTerm,
} from '../../../src/data/query/parse-query';
import { satisfiesConstraint, type VersionRange } from '../../../src/data/query/version-range';
import { hashOf, spec } from '../engine/fixtures';

function tableOf(records: SpecRecord[]): SpecTable {
  return decodeShard(encodeShard('test', 0, records), 'test');
}

function parsed(input: string): SpecQuery {
  const result = parseQuery(input);
  if (!result.ok) throw new Error(`${input}: ${result.error.message}`);
  return result.query;
}

// ---- Brute-force reference: the same semantics, written per record with no dictionaries.

function glob(pattern: string, value: string): boolean {
  const re = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${re.join('.*')}$`, 's').test(value);
}

function variantHolds(term: VariantTerm, tokens: string[]): boolean {
  const has = (flag: '+' | '~', name: string) =>
    tokens.includes(flag + name) || tokens.includes(flag + flag + name);
  if (term.kind === 'bool')
    return term.value ? has('+', term.name) : has('~', term.name) && !has('+', term.name);
  const values = tokens.flatMap((token) => {
    const m = new RegExp(`^${term.name}:?=(.*)$`, 's').exec(token);
    if (m === null) return [];
    const raw = m[1] ?? '';
    return (/^'.*'$|^".*"$/s.test(raw) ? raw.slice(1, -1) : raw).split(',');
  });
  return term.values.every((wanted) => values.some((v) => glob(wanted, v)));
}

function referenceMatch(q: SpecQuery, r: SpecRecord): boolean {
  const [compilerName = '', compilerVersion] = r.compiler.split('@');
  const scalars = [r.package, r.compiler, r.os, r.target, r.platform, r.hash];
  const fields = [...scalars, ...r.versions, ...r.variants, ...r.stacks];
  return (
    (q.package === null || glob(q.package, r.package)) &&
    (q.versions.length === 0 || r.versions.some((v) => q.versions.every((c) => satisfiesConstraint(v, c)))) &&
    q.compilers.every(
      (c) =>
        glob(c.pattern, compilerName) &&
        (c.versions === null ||
          (compilerVersion !== undefined &&
            satisfiesConstraint(compilerVersion.replace(/^=/, ''), c.versions))),
    ) &&
    (q.os === null || glob(q.os, r.os)) &&
    (q.target === null || glob(q.target, r.target)) &&
    (q.platform === null || glob(q.platform, r.platform)) &&
    q.hashPrefixes.every((p) => r.hash.startsWith(p)) &&
    q.variants.every((term) => variantHolds(term, r.variants)) &&
    q.text.every((word) => fields.some((f) => f.toLowerCase().includes(word.toLowerCase())))
  );
}

function referenceRows(query: SpecQuery, table: SpecTable): number[] {
  const records = Array.from({ length: table.count }, (_, row) => recordAt(table, row));
  // A bare name that no row has as its package is free text (see resolveBareWord).
  const bare =
    query.package !== null &&
    !query.package.includes('*') &&
    query.versions.length === 0 &&
    !records.some((r) => r.package === query.package);
  const q = bare ? { ...query, package: null, text: [query.package ?? '', ...query.text] } : query;
  const rows: number[] = [];
  records.forEach((r, row) => {
    if (referenceMatch(q, r)) rows.push(row);
  });
  return rows;
}

/** Rows from both evaluators, per row and from posting lists, which must agree. */
function matching(query: SpecQuery, table: SpecTable): Uint32Array {
  const rows = filterRows(query, table);
  expect([...queryMask(query, table, buildFacetIndex(table)).toIndices()]).toEqual([...rows]);
  return rows;
}

// ---- A fixed table for readable cases. Labels are `package@firstversion`.

/** One fixture row: `spec` is `package@version`, `arch` is platform-os-target, `hash` one letter or all 32. */
function fixture(hash: string, spec: string, compiler: string, arch: string, variants: string[] = []) {
  const [pkg = '', version] = spec.split('@');
  const [platform = '', os = '', target = ''] = arch.split('-');
  const versions = version === undefined ? [] : [version];
  const rest = { compiler, platform, os, target, variants, stacks: ['root'], size: 0, extra: {} };
  return { hash: hash.padEnd(32, hash), package: pkg, versions, ...rest };
}

const UBUNTU = 'linux-ubuntu22.04-x86_64_v3';
const MAC = 'darwin-sequoia-aarch64';
const HDF5_VARIANTS = ['+mpi', '~fortran', 'api=v112', 'cuda_arch:=80'];
const fixed = tableOf([
  {
    ...fixture(`3fs44sy${'a'.repeat(25)}`, 'hdf5@1.14.3', 'gcc@11.4.0', UBUNTU, HDF5_VARIANTS),
    stacks: ['e4s'],
  },
  fixture('b', 'hdf5@1.12.2', 'gcc@=13.2.0', 'linux-ubuntu24.04-zen4', ['~mpi', '+fortran', 'api=v110']),
  fixture('c', 'py-numpy@1.26.4', 'intel-oneapi-compilers@2024.2.1', 'linux-rhel8-x86_64_v3', [
    'cuda_arch=80,90',
  ]),
  fixture('d', 'py-scipy@develop', 'none', MAC, ["languages:='c,c++,fortran'", '~X']),
  fixture('e', 'zlib@1.3.1', 'apple-clang@16.0.0', MAC, ['+shared', '~shared']),
  fixture('f', 'cmake@3.10', 'gcc@7.3.1', 'linux-ubuntu22.04-ppc64le'),
  fixture('g', 'libempty', 'llvm@14.0.0', UBUNTU),
]);

function labels(rows: Uint32Array): string[] {
  return [...rows]
    .map((row) => {
      const r = recordAt(fixed, row);
      return `${r.package}@${r.versions[0] ?? ''}`;
    })
    .sort();
}

const ALL = [
  'cmake@3.10',
  'hdf5@1.12.2',
  'hdf5@1.14.3',
  'libempty@',
  'py-numpy@1.26.4',
  'py-scipy@develop',
  'zlib@1.3.1',
];

describe('filterRows on a fixed table', () => {
  const cases: [string, string[]][] = [
    ['', ALL],
    ['hdf5', ['hdf5@1.12.2', 'hdf5@1.14.3']],
    ['nosuchpackage', []],
    // Bare words that name no package are searched as text: a target, a stack, part of a name.
    ['x86_64_v3', ['hdf5@1.14.3', 'libempty@', 'py-numpy@1.26.4']],
    ['e4s', ['hdf5@1.14.3']],
    ['hdf', ['hdf5@1.12.2', 'hdf5@1.14.3']],
    ['nosuchpackage@1.0', []],
    ['py-*', ['py-numpy@1.26.4', 'py-scipy@develop']],
    ['hdf5@1.14', ['hdf5@1.14.3']],
    ['hdf5@:1.13', ['hdf5@1.12.2']],
    ['@1.10:', ['cmake@3.10', 'hdf5@1.12.2', 'hdf5@1.14.3', 'py-numpy@1.26.4', 'py-scipy@develop']],
    ['@:', ALL.filter((l) => l !== 'libempty@')],
    ['@=1.3.1', ['zlib@1.3.1']],
    ['@1.3,3', ['cmake@3.10', 'zlib@1.3.1']],
    ['+mpi', ['hdf5@1.14.3']],
    ['~mpi', ['hdf5@1.12.2']],
    ['-mpi', ['hdf5@1.12.2']],
    // zlib says both +shared and ~shared; the + wins.
    ['~shared', []],
    ['+shared', ['zlib@1.3.1']],
    ['shared=true', ['zlib@1.3.1']],
    ['~X', ['py-scipy@develop']],
    ['cuda_arch=80', ['hdf5@1.14.3', 'py-numpy@1.26.4']],
    ['cuda_arch=80,90', ['py-numpy@1.26.4']],
    ['cuda_arch=90,80 %intel*', ['py-numpy@1.26.4']],
    ['cuda_arch=*', ['hdf5@1.14.3', 'py-numpy@1.26.4']],
    ['languages=c++', ['py-scipy@develop']],
    ['api=v11*', ['hdf5@1.12.2', 'hdf5@1.14.3']],
    ['%gcc', ['cmake@3.10', 'hdf5@1.12.2', 'hdf5@1.14.3']],
    ['%gcc@13', ['hdf5@1.12.2']],
    ['%gcc@:12', ['cmake@3.10', 'hdf5@1.14.3']],
    ['%gcc@=13.2.0', ['hdf5@1.12.2']],
    ['%intel-oneapi-compilers@2024.2', ['py-numpy@1.26.4']],
    ['%none', ['py-scipy@develop']],
    ['%none@1', []],
    ['%gcc %apple-clang', []],
    ['%*clang', ['zlib@1.3.1']],
    ['os=ubuntu*', ['cmake@3.10', 'hdf5@1.12.2', 'hdf5@1.14.3', 'libempty@']],
    ['target=x86_64_v3', ['hdf5@1.14.3', 'libempty@', 'py-numpy@1.26.4']],
    ['platform=darwin', ['py-scipy@develop', 'zlib@1.3.1']],
    ['arch=darwin-sequoia-aarch64', ['py-scipy@develop', 'zlib@1.3.1']],
    ['arch=linux-*-x86_64_v3', ['hdf5@1.14.3', 'libempty@', 'py-numpy@1.26.4']],
    ['/3fs4', ['hdf5@1.14.3']],
    ['/3fs4 /3fs44sy', ['hdf5@1.14.3']],
    ['/3fs4 /3fsb', []],
    ['"e4s"', ['hdf5@1.14.3']],
    ['"SEQUOIA"', ['py-scipy@develop', 'zlib@1.3.1']],
    ['"clang"', ['zlib@1.3.1']],
    ['"c++"', ['py-scipy@develop']],
    ['"v112"', ['hdf5@1.14.3']],
    ['"26.4"', ['py-numpy@1.26.4']],
    ['"44SY"', ['hdf5@1.14.3']],
    ['"ppc" "root"', ['cmake@3.10']],
    ['hdf5 +mpi %gcc@11 os=ubuntu22.04 "e4s"', ['hdf5@1.14.3']],
    // 41 requirements spread over two mask words, including bit 31.
    [`+mpi ${'api=* '.repeat(40)}`, ['hdf5@1.14.3']],
    [`~fortran ${'api=* '.repeat(40)}`, ['hdf5@1.14.3']],
  ];
  it.each(cases)('%j', (input, expected) => {
    const query = parsed(input);
    expect(labels(matching(query, fixed))).toEqual(expected);
    expect([...matching(query, fixed)]).toEqual(referenceRows(query, fixed));
  });

  it('free text does not match across the boundary of two concatenated hashes', () => {
    const table = tableOf([
      fixture(`${'a'.repeat(30)}xy`, 'p@1', 'none', UBUNTU),
      fixture('z', 'p@1', 'none', UBUNTU),
    ]);
    expect([...matching(parsed('"xyz"'), table)]).toEqual([]);
    expect([...matching(parsed('"xy"'), table)]).toEqual([0]);
    expect([...matching(parsed('"azz"'), table)]).toEqual([]);
    expect([...matching(parsed('"zz"'), table)]).toEqual([1]);
    // A hash prefix only matches at the start of a hash, not where the previous hash ends.
    expect([...matching(parsed('/xyz'), table)]).toEqual([]);
    expect([...matching(parsed('/aaaa'), table)]).toEqual([0]);
    expect([...matching(parsed('/zz'), table)]).toEqual([1]);
  });

  it('works on an empty table', () => {
    expect(matching(parsed('hdf5 +mpi "x"'), emptyTable())).toEqual(new Uint32Array(0));
    expect(matching(parsed(''), emptyTable())).toEqual(new Uint32Array(0));
    expect(compileQuery(emptyQuery(), emptyTable())(0)).toBe(true);
  });
});

describe('parseVariantToken', () => {
  const cases: [string, ReturnType<typeof parseVariantToken>][] = [
    ['+mpi', { kind: 'bool', name: 'mpi', value: true }],
    ['~mpi', { kind: 'bool', name: 'mpi', value: false }],
    ['++mpi', { kind: 'bool', name: 'mpi', value: true }],
    ['cuda_arch=80,90', { kind: 'values', name: 'cuda_arch', values: ['80', '90'] }],
    ['cuda_arch:=80', { kind: 'values', name: 'cuda_arch', values: ['80'] }],
    ["languages:='c,c++'", { kind: 'values', name: 'languages', values: ['c', 'c++'] }],
    ['weird', null],
  ];
  it.each(cases)('%s', (token, expected) => {
    expect(parseVariantToken(token)).toEqual(expected);
  });
});

// ---- Generated tables and queries, checked against the reference.

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const VERSIONS = ['1.14.3', '1.14', '1.2', '1.2.0', '1.10.1', 'develop', '2.0-rc1', 'v3.0.0'];
const TOKENS = ['+mpi', '~mpi', '~fortran', '+fortran', 'api=v112', 'api=v110', 'cuda_arch=80,90'];
const MORE_TOKENS = ['cuda_arch:=80', 'cuda_arch=90', "languages:='c,c++'", '~X', '++shared', '~~shared'];

const recordArb: fc.Arbitrary<SpecRecord> = fc.record({
  hash: fc
    .tuple(pick('aa', 'ab', 'ba', '22'), fc.stringMatching(/^[a-z2-7]{30}$/))
    .map(([head, tail]) => head + tail),
  package: pick('hdf5', 'py-numpy', 'py-scipy', 'zlib', 'cuda'),
  versions: fc.array(pick(...VERSIONS), { maxLength: 2 }),
  compiler: pick('gcc@11.4.0', 'gcc@=13.2.0', 'none', 'apple-clang@16.0.0', 'oneapi@=2024.2.1'),
  os: pick('ubuntu22.04', 'ubuntu24.04', 'rhel8', 'sequoia'),
  platform: pick('linux', 'darwin'),
  target: pick('x86_64_v3', 'aarch64', 'zen4'),
  variants: fc.subarray([...TOKENS, ...MORE_TOKENS]),
  stacks: fc.subarray(['e4s', 'root', 'ml-linux']),
  size: fc.nat(),
  extra: fc.constant({}),
});

const rangeArb: fc.Arbitrary<VersionRange> = fc.oneof(
  pick(...VERSIONS).map((version): VersionRange => ({ kind: 'prefix', version })),
  pick(...VERSIONS).map((version): VersionRange => ({ kind: 'exact', version })),
  fc
    .record({ low: fc.option(pick(...VERSIONS)), high: fc.option(pick(...VERSIONS)) })
    .map(({ low, high }): VersionRange => ({ kind: 'range', low, high })),
);
const constraintArb = fc.array(rangeArb, { minLength: 1, maxLength: 2 });
const variantArb: fc.Arbitrary<VariantTerm> = fc.oneof(
  fc.record({
    kind: fc.constant<'bool'>('bool'),
    name: pick('mpi', 'fortran', 'shared', 'X'),
    value: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant<'values'>('values'),
    name: pick('api', 'cuda_arch', 'languages'),
    values: fc.array(pick('v112', 'v11*', '80', '90', 'c', 'c++', '*'), { minLength: 1, maxLength: 2 }),
  }),
);

// Each facet is usually absent, so that combined queries still match some rows.
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: arb, weight: 1 });
const fewOf = <T>(arb: fc.Arbitrary<T>, maxLength: number) =>
  fc.oneof(
    { arbitrary: fc.constant<T[]>([]), weight: 4 },
    { arbitrary: fc.array(arb, { minLength: 1, maxLength }), weight: 1 },
  );

const matchQueryArb: fc.Arbitrary<SpecQuery> = fc.record({
  package: rarely(pick('hdf5', 'py-*', 'zlib', '*', 'nomatch')),
  versions: fewOf(constraintArb, 2),
  variants: fewOf(variantArb, 3),
  compilers: fewOf(
    fc.record({ pattern: pick('gcc', '*clang', 'none'), versions: fc.option(constraintArb) }),
    1,
  ),
  os: rarely(pick('ubuntu*', 'rhel8', 'sequoia')),
  target: rarely(pick('x86_64_v3', 'aarch64', 'zen*')),
  platform: rarely(pick('linux', 'darwin')),
  hashPrefixes: fewOf(pick('a', 'aa', 'ab', 'b', '22'), 2),
  text: fewOf(pick('hdf', 'GCC', 'e4s', '80', 'aa', 'ubuntu', '14', 'x', 'V11'), 2),
});

const recordsArb = fc.array(recordArb, { minLength: 1, maxLength: 40, size: 'medium' });

describe('filterRows against a brute-force reference', () => {
  it('agrees on generated tables and queries', () => {
    fc.assert(
      fc.property(recordsArb, matchQueryArb, (records, query) => {
        const table = tableOf(records);
        const expected = referenceRows(query, table);
        expect([...filterRows(query, table)]).toEqual(expected);
        expect([...queryMask(query, table, buildFacetIndex(table)).toIndices()]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    { query: 'hdf5 ~mpi', want: ['~mpi'] },
    // A plain +x asks only for the token, so the row holding both is in.
    { query: 'hdf5 +mpi', want: ['+mpi ~mpi', '+mpi'] },
    { query: 'hdf5 ~mpi ~fortran', want: [] },
  ])('checks "$query" on the hdf5 rows through row keys, with a negated variant', ({ query, want }) => {
    // ~x also asks that +x be absent, so the row holding both is out. The filler makes the variant
    // terms broad, so they are looked up on the three hdf5 rows.
    const rows = [['+mpi', '~mpi'], ['~mpi'], ['+mpi']].map((variants, i) =>
      spec({ hash: hashOf('abc'[i] ?? 'a'), package: 'hdf5', variants }),
    );
    const filler = Array.from({ length: 100 }, () => spec({ package: 'filler', variants: ['~mpi', '+mpi'] }));
    const table = tableOf([...rows, ...filler]);
    const got = [...queryMask(parsed(query), table, buildFacetIndex(table)).toIndices()];
    expect(got.map((row) => recordAt(table, row).variants.join(' '))).toEqual(want);
    expect(got).toEqual(referenceRows(parsed(query), table));
  });

  it('checks two broad terms at once on the rows of a package term', () => {
    // +mpi and @1.14 are both broad through the filler, so both are decided per row key and applied
    // as the hdf5 rows are set.
    const rows = [
      { variants: ['+mpi', '~mpi'], versions: ['1.14.0'] },
      { variants: ['+mpi'], versions: ['1.12.0'] },
      { variants: ['~mpi'], versions: ['1.14.1'] },
      { variants: ['+mpi'], versions: ['1.14.2'] },
    ].map((over, i) => spec({ hash: hashOf('abcd'[i] ?? 'a'), package: 'hdf5', ...over }));
    const filler = Array.from({ length: 100 }, () =>
      spec({ package: 'filler', variants: ['+mpi'], versions: ['1.14.3'] }),
    );
    const table = tableOf([...rows, ...filler]);
    const query = parsed('hdf5 +mpi @1.14');
    const got = [...queryMask(query, table, buildFacetIndex(table)).toIndices()];
    expect(got.map((row) => recordAt(table, row).versions[0])).toEqual(['1.14.0', '1.14.2']);
    expect(got).toEqual(referenceRows(query, table));
  });

  // The generated rows sit among filler rows that hold common values but no generated package. With
  // 64 × 41 of them a package term names under 1/64 of the table, and queryMask checks the other terms
  // on its rows whatever they cost. With 4 × 41 it does so only where the other terms are cheap to look
  // up through row keys (the filler makes +mpi, e4s or cmake broad). keyLimit 0 leaves the list columns
  // without keys, so their terms are checked row by row or built as bitsets.
  it.each([
    { fillers: 64 * 41, keyLimit: undefined },
    { fillers: 4 * 41, keyLimit: undefined },
    { fillers: 4 * 41, keyLimit: 0 },
  ])('agrees on a package term among $fillers filler rows (keyLimit $keyLimit)', ({ fillers, keyLimit }) => {
    const filler = spec({
      hash: 'z'.repeat(32),
      package: 'filler',
      versions: ['1.0'],
      variants: ['+mpi', 'build_system=cmake'],
      stacks: ['root', 'e4s'],
    });
    const withPackage = matchQueryArb.filter((q) => q.package !== null && !q.package.includes('*'));
    fc.assert(
      fc.property(recordsArb, withPackage, (records, query) => {
        const table = tableOf([...records, ...Array.from({ length: fillers }, () => filler)]);
        const expected = referenceRows(query, table);
        expect([...queryMask(query, table, buildFacetIndex(table, { keyLimit })).toIndices()]).toEqual(
          expected,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('leaves an earlier result as it was when later queries reuse the working bitsets', () => {
    fc.assert(
      fc.property(recordsArb, matchQueryArb, matchQueryArb, (records, first, second) => {
        const table = tableOf(records);
        const index = buildFacetIndex(table);
        const kept = queryMask(first, table, index);
        const before = [...kept.toIndices()];
        queryMask(second, table, index);
        queryMask(
          first,
          tableOf([...records, ...records]),
          buildFacetIndex(tableOf([...records, ...records])),
        );
        expect([...kept.toIndices()]).toEqual(before);
        expect(before).toEqual(referenceRows(first, table));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees one term at a time, so each kind of term is exercised on its own', () => {
    const only = (pick: (q: SpecQuery) => Partial<SpecQuery>) =>
      matchQueryArb.map((q) => ({ ...emptyQuery(), ...pick(q) }));
    const single = fc.oneof(
      only((q) => ({ package: q.package })),
      only((q) => ({ versions: q.versions })),
      only((q) => ({ variants: q.variants })),
      only((q) => ({ compilers: q.compilers })),
      only((q) => ({ os: q.os, target: q.target, platform: q.platform })),
      only((q) => ({ hashPrefixes: q.hashPrefixes })),
      only((q) => ({ text: q.text })),
    );
    fc.assert(
      fc.property(recordsArb, single, (records, query) => {
        const table = tableOf(records);
        const expected = referenceRows(query, table);
        expect([...filterRows(query, table)]).toEqual(expected);
        expect([...queryMask(query, table, buildFacetIndex(table)).toIndices()]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
