import { describe, expect, it } from 'vitest';
import { encodeShard } from '../../../src/data/encode';
import { mergeTables } from '../../../src/data/merge';
import { rowsWithHashPrefix, specDetail, specString } from '../../../src/data/spec-detail';
import { decodeShard, type SpecRecord } from '../../../src/data/spec-table';

const rec = (hash: string, over: Partial<SpecRecord> = {}): SpecRecord => ({
  hash,
  package: 'zlib',
  versions: ['1.3.1'],
  compiler: 'gcc@=13.2.0',
  os: 'ubuntu24.04',
  platform: 'linux',
  target: 'x86_64_v3',
  variants: ['+shared', 'build_system=makefile'],
  stacks: ['e4s', 'root'],
  size: '-',
  extra: {},
  ...over,
});
const A = `abcdefg${'a'.repeat(25)}`;
const B = `abcdefh${'b'.repeat(25)}`;
// C's hash contains A's first 7 characters across the boundary with the next hash: must not match.
const C = `${'c'.repeat(29)}abc`;
const D = `defg${'d'.repeat(28)}`;

const t1 = decodeShard(encodeShard('v1', 0, [rec(A), rec(B), rec(C), rec(D)]), 't1');
const t2 = decodeShard(
  encodeShard('v2', 0, [
    rec(A, { extra: { dependencies: [{ name: 'x', hash: B, deptypes: ['link'] }], odd: 1 } }),
  ]),
  't2',
);
const both = mergeTables([t1, t2]);

describe('rowsWithHashPrefix', () => {
  it.each([
    ['abcdefg', 2],
    ['abcdef', 3],
    [A, 2],
    ['abcd', 3],
    ['zzzz', 0],
    ['', 0],
  ])('%s → %i rows', (prefix, n) => expect(rowsWithHashPrefix(both, prefix)).toHaveLength(n));
});

describe('specDetail', () => {
  it('collects every tag of a hash and its dependencies', () => {
    const d = specDetail(both, 'abcdefg');
    expect(d?.tags).toEqual(['v1', 'v2']);
    expect(d?.matches).toBe(1);
    expect(specDetail(both, 'abcdef')?.matches).toBe(2);
    const withDeps = specDetail(t2, A);
    expect(withDeps?.dependencies).toEqual([{ name: 'x', hash: B, deptypes: ['link'], loaded: false }]);
    // With both tags loaded, B is a spec the panel can open.
    expect(specDetail(both, A)?.dependencies).toBeNull();
    expect(specDetail(mergeTables([t2, t1]), A)?.dependencies).toEqual([
      { name: 'x', hash: B, deptypes: ['link'], loaded: true },
    ]);
    expect(withDeps?.other).toEqual([['odd', 1]]);
  });
  it('shows malformed dependencies raw instead of hiding them', () => {
    const t = decodeShard(encodeShard('v', 0, [rec(A, { extra: { dependencies: 'oops' } })]), 't');
    expect(specDetail(t, A)).toMatchObject({ dependencies: null, other: [['dependencies', 'oops']] });
  });
  it('is null for an unknown hash', () => {
    expect(specDetail(both, 'qqqqqqq')).toBeNull();
  });
});

describe('specString', () => {
  it.each<[Partial<SpecRecord>, string]>([
    [{}, 'zlib@1.3.1+shared build_system=makefile arch=linux-ubuntu24.04-x86_64_v3 %gcc@=13.2.0'],
    [{ compiler: 'none', variants: [] }, 'zlib@1.3.1 arch=linux-ubuntu24.04-x86_64_v3'],
    [
      // cache.spack.io lists variants by name, on/off and valued mixed.
      {
        package: 'hdf5',
        versions: ['1.14.6'],
        compiler: 'gcc@11.4.0',
        variants: ['api=default', 'build_system=cmake', '~cxx', '+fortran', 'patches:=f42732a', '+mpi'],
      },
      'hdf5@1.14.6~cxx+fortran+mpi api=default build_system=cmake patches:=f42732a ' +
        'arch=linux-ubuntu24.04-x86_64_v3 %gcc@11.4.0',
    ],
    [
      // Out of order, propagated (`++`, `~~`) and valued tokens: sorted by name within each group.
      { versions: [], variants: ['~~shared', 'k=v', '++debug', 'cflags="-O2 -g"'] },
      'zlib++debug~~shared cflags="-O2 -g" k=v arch=linux-ubuntu24.04-x86_64_v3 %gcc@=13.2.0',
    ],
  ])('%j', (over, text) => expect(specString(rec(A, over))).toBe(text));
});
