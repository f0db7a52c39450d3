import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { emptyQuery, parseQuery, type SpecQuery } from '../../../src/data/query/parse-query';
import { formatQuery } from '../../../src/data/query/format-query';
import type { VersionRange } from '../../../src/data/query/version-range';
import { compareVersions, versionHasPrefix } from '../../../src/data/query/version-range';

const q = (partial: Partial<SpecQuery>): SpecQuery => ({ ...emptyQuery(), ...partial });

const versionArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,6}$/);
const rangeArb: fc.Arbitrary<VersionRange> = fc.oneof(
  versionArb.map((version): VersionRange => ({ kind: 'exact', version })),
  versionArb.map((version): VersionRange => ({ kind: 'prefix', version })),
  fc
    .record({ low: fc.option(versionArb), high: fc.option(versionArb) })
    .filter(
      ({ low, high }) =>
        low === null || high === null || compareVersions(low, high) <= 0 || versionHasPrefix(low, high),
    )
    .map(({ low, high }): VersionRange => ({ kind: 'range', low, high })),
);
const constraintArb = fc.array(rangeArb, { minLength: 1, maxLength: 3 });
const patternArb = fc.stringMatching(/^[a-z0-9_*][a-z0-9_*-]{0,8}$/);
const variantNameArb = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_-]{0,6}$/);
const valueArb = fc.stringMatching(/^[A-Za-z0-9_.+~=:/@%*^-]{1,6}$/);
const textArb = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
  )
  .filter((t) => !t.includes('"') && t.trim() !== '');

/** Queries parseQuery can produce (its normalisations excluded, e.g. `x=true` becomes `+x`). */
const queryArb: fc.Arbitrary<SpecQuery> = fc.record({
  package: fc.option(patternArb),
  versions: fc.array(constraintArb, { maxLength: 2 }),
  variants: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant<'bool'>('bool'), name: variantNameArb, value: fc.boolean() }),
      fc
        .record({
          kind: fc.constant<'values'>('values'),
          name: variantNameArb.filter((n) => !['os', 'target', 'platform', 'arch'].includes(n)),
          values: fc.array(valueArb, { minLength: 1, maxLength: 3 }),
        })
        .filter((v) => !(v.values.length === 1 && /^(true|false)$/i.test(v.values[0] ?? ''))),
    ),
    { maxLength: 3 },
  ),
  compilers: fc.array(fc.record({ pattern: patternArb, versions: fc.option(constraintArb) }), {
    maxLength: 2,
  }),
  os: fc.option(valueArb),
  target: fc.option(valueArb),
  platform: fc.option(valueArb),
  hashPrefixes: fc.array(fc.stringMatching(/^[a-z2-7]{1,32}$/), { maxLength: 2 }),
  text: fc.array(textArb, { maxLength: 3 }),
});

describe('parseQuery: accepted input', () => {
  const cases: [string, SpecQuery][] = [
    ['', emptyQuery()],
    ['   ', emptyQuery()],
    [
      'hdf5@1.14: +mpi ~fortran %gcc@13 os=ubuntu24.04 target=x86_64_v3 platform=linux api=v112 /3fs44sy',
      q({
        package: 'hdf5',
        versions: [[{ kind: 'range', low: '1.14', high: null }]],
        variants: [
          { kind: 'bool', name: 'mpi', value: true },
          { kind: 'bool', name: 'fortran', value: false },
          { kind: 'values', name: 'api', values: ['v112'] },
        ],
        compilers: [{ pattern: 'gcc', versions: [{ kind: 'prefix', version: '13' }] }],
        os: 'ubuntu24.04',
        target: 'x86_64_v3',
        platform: 'linux',
        hashPrefixes: ['3fs44sy'],
      }),
    ],
    [
      'hdf5+mpi~fortran',
      q({
        package: 'hdf5',
        variants: [
          { kind: 'bool', name: 'mpi', value: true },
          { kind: 'bool', name: 'fortran', value: false },
        ],
      }),
    ],
    [
      '-mpi ++cuda ~~rocm ~X',
      q({
        variants: [
          { kind: 'bool', name: 'mpi', value: false },
          { kind: 'bool', name: 'cuda', value: true },
          { kind: 'bool', name: 'rocm', value: false },
          { kind: 'bool', name: 'X', value: false },
        ],
      }),
    ],
    ['py-*', q({ package: 'py-*' })],
    ['*', q({ package: '*' })],
    // The first bare word that is a valid package name is the package; later bare words are free text.
    ['cuda', q({ package: 'cuda' })],
    ['x86_64_v3', q({ package: 'x86_64_v3' })],
    ['hdf5 cuda ubuntu24.04', q({ package: 'hdf5', text: ['cuda', 'ubuntu24.04'] })],
    ['+mpi cuda', q({ package: 'cuda', variants: [{ kind: 'bool', name: 'mpi', value: true }] })],
    ['ubuntu24.04 CUDA hdf5 zlib', q({ package: 'hdf5', text: ['ubuntu24.04', 'CUDA', 'zlib'] })],
    ['ubuntu24.04', q({ text: ['ubuntu24.04'] })],
    ['CUDA', q({ text: ['CUDA'] })],
    ['"cuda" "c++ 17" it\'s', q({ text: ['cuda', 'c++ 17', "it's"] })],
    // A name with a sigil attached is the package even when not first.
    [
      '+mpi zlib@1.3',
      q({
        package: 'zlib',
        versions: [[{ kind: 'prefix', version: '1.3' }]],
        variants: [{ kind: 'bool', name: 'mpi', value: true }],
      }),
    ],
    [
      '@1.2,=1.4 @:2',
      q({
        versions: [
          [
            { kind: 'prefix', version: '1.2' },
            { kind: 'exact', version: '1.4' },
          ],
          [{ kind: 'range', low: null, high: '2' }],
        ],
      }),
    ],
    [
      'shared=true static=FALSE',
      q({
        variants: [
          { kind: 'bool', name: 'shared', value: true },
          { kind: 'bool', name: 'static', value: false },
        ],
      }),
    ],
    [
      "cuda_arch=80,90 cuda_arch:=80 languages:='c,c++' x=*",
      q({
        variants: [
          { kind: 'values', name: 'cuda_arch', values: ['80', '90'] },
          { kind: 'values', name: 'cuda_arch', values: ['80'] },
          { kind: 'values', name: 'languages', values: ['c', 'c++'] },
          { kind: 'values', name: 'x', values: ['*'] },
        ],
      }),
    ],
    ['arch=linux-ubuntu24.04-x86_64_v3', q({ platform: 'linux', os: 'ubuntu24.04', target: 'x86_64_v3' })],
    ['arch=linux-*-x86_64_v3 os=rhel8', q({ platform: 'linux', os: 'rhel8', target: 'x86_64_v3' })],
    // Platform ends at the first '-', target starts after the last.
    ['arch=cray-sles-15-zen4', q({ platform: 'cray', os: 'sles-15', target: 'zen4' })],
    ['os=ubuntu* target=x86_64*', q({ os: 'ubuntu*', target: 'x86_64*' })],
    [
      '%intel-oneapi-compilers@2024.2.1 %gcc@=13.2.0 %none',
      q({
        compilers: [
          { pattern: 'intel-oneapi-compilers', versions: [{ kind: 'prefix', version: '2024.2.1' }] },
          { pattern: 'gcc', versions: [{ kind: 'exact', version: '13.2.0' }] },
          { pattern: 'none', versions: null },
        ],
      }),
    ],
    [
      'hdf5%gcc@11+mpi/abc',
      q({
        package: 'hdf5',
        compilers: [{ pattern: 'gcc', versions: [{ kind: 'prefix', version: '11' }] }],
        variants: [{ kind: 'bool', name: 'mpi', value: true }],
        hashPrefixes: ['abc'],
      }),
    ],
    ['/abc /abcd', q({ hashPrefixes: ['abc', 'abcd'] })],
  ];
  it.each(cases)('%j', (input, expected) => {
    expect(parseQuery(input)).toStrictEqual({ ok: true, query: expected });
  });
});

describe('parseQuery: errors name the problem and its span', () => {
  const cases: [string, string, number, number][] = [
    ['hdf5@', "expected a version after '@'", 4, 5],
    ['hdf5@ +mpi', "expected a version after '@'", 4, 5],
    ['%', "expected a compiler name after '%'", 0, 1],
    ['hdf5 %', "expected a compiler name after '%'", 5, 6],
    ['/', "expected a hash prefix after '/'", 0, 1],
    ['/xyz1', "hashes use only a-z and 2-7, not '1'", 4, 5],
    ['/ABC', "hashes use only a-z and 2-7, not 'A'", 1, 2],
    [`/${'a'.repeat(33)}`, 'a hash has at most 32 characters', 1, 34],
    ['arch=linux-ubuntu', 'arch needs platform-os-target, e.g. linux-ubuntu24.04-x86_64_v3', 5, 17],
    ['arch=linux--x86', 'arch is missing its os', 5, 15],
    ['api=', "expected a value after 'api='", 0, 4],
    ["k=''", "expected a value after 'k='", 0, 4],
    ['hdf5@1.4:1.2', 'empty version range: 1.4 is newer than 1.2', 5, 12],
    ['hdf5@1.2,*', "invalid version '*'", 9, 10],
    ['%gcc@11@12', 'this compiler already has a version', 7, 10],
    ['hdf5 zlib@1.3', "a query names one package; 'hdf5' is already the package", 5, 9],
    ['zlib@1.3 +mpi hdf5@1.14', "a query names one package; 'zlib' is already the package", 14, 18],
    ['Hdf5@1', "invalid package name 'Hdf5'", 0, 4],
    ['%GCC', "invalid compiler name 'GCC'", 1, 4],
    ['+', "expected a variant name after '+'", 0, 1],
    ['-', "expected a variant name after '-'", 0, 1],
    ['+mpi.x', "invalid variant name 'mpi.x'", 1, 6],
    ['+mpi=on', "invalid variant name 'mpi=on'", 1, 7],
    ['=x', "expected a variant name before '='", 0, 1],
    ['a.b=c', "invalid variant name 'a.b'", 0, 3],
    ['cuda_arch=80,,90', "empty value in 'cuda_arch=' list", 13, 14],
    ['cuda_arch=80,', "empty value in 'cuda_arch=' list", 12, 13],
    ["k='a", 'unterminated quote', 2, 4],
    ["a=b'c", 'unexpected quote inside a value', 3, 4],
    ['os=a os=b', 'os is already set', 5, 9],
    ['os=a,b', 'os takes a single value', 3, 6],
    ['arch=linux-rhel8-zen4 target=zen4', 'target is already set', 22, 33],
    ['"abc', 'unterminated quote', 0, 4],
    ['x ""', 'empty quoted text', 2, 4],
    ['"a"b', 'expected a space after the closing quote', 3, 4],
    ['foo"bar', 'unexpected \'"\': quote a whole word, like "c++"', 3, 4],
    ['hdf5 ^zlib', 'dependencies (^) cannot be queried: the cache index does not list them', 5, 10],
  ];
  it.each(cases)('%j', (input, message, start, end) => {
    expect(parseQuery(input)).toStrictEqual({ ok: false, error: { message, start, end } });
  });
});

// Strings built from the syntax's own characters reach far more branches than random text.
const soupArb = fc
  .array(
    fc.constantFrom(
      '@',
      '%',
      '+',
      '~',
      '-',
      '/',
      '=',
      ':=',
      ',',
      ':',
      '"',
      "'",
      ' ',
      '^',
      '*',
      'a',
      'Z',
      '1',
      '.',
      'os',
      'arch',
      'gcc',
      'x-y-z',
      'true',
    ),
    {
      maxLength: 16,
    },
  )
  .map((parts) => parts.join(''));

describe('parseQuery: properties', () => {
  it('never throws, and error spans lie inside the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), soupArb), (input) => {
        const result = parseQuery(input);
        if (!result.ok) {
          const { start, end, message } = result.error;
          expect(message).not.toBe('');
          expect(0 <= start && start < end && end <= input.length).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips generated queries through formatQuery', () => {
    fc.assert(
      fc.property(queryArb, (query) => {
        // toEqual, not toStrictEqual: fast-check builds records without a prototype.
        const result = parseQuery(formatQuery(query));
        expect(result).toEqual({ ok: true, query });
        if (result.ok) expect(JSON.parse(JSON.stringify(result.query))).toStrictEqual(result.query);
      }),
      { numRuns: 1000 },
    );
  });

  it('formatQuery is canonical for whatever parseQuery accepts', () => {
    fc.assert(
      fc.property(fc.oneof(soupArb, fc.string()), (input) => {
        const first = parseQuery(input);
        if (!first.ok) return;
        const text = formatQuery(first.query);
        expect(parseQuery(text)).toStrictEqual(first);
        const again = parseQuery(text);
        if (again.ok) expect(formatQuery(again.query)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
