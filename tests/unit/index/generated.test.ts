// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normaliseInstall } from '../../../scripts/lib/index/node';
import { splitParameters } from '../../../scripts/lib/index/variants';
import { makeHash } from '../../helpers/pages';
import { database, ingestFiles, node, rowsByHash } from './fixtures';

describe('parameters to Spack variant tokens', () => {
  it.each([
    [{ shared: true, debug: false }, ['~debug', '+shared'], null],
    [{ build_system: 'cmake', cxxstd: 17 }, ['build_system=cmake', 'cxxstd=17'], null],
    [{ languages: ['c', 'c++'], patches: [] }, ['languages=c,c++', 'patches='], null],
    [
      { cflags: ['-O3'], ldflags: [], fflags: ['-g', '-fPIC'] },
      [],
      { cflags: ['-O3'], fflags: ['-g', '-fPIC'] },
    ],
    [{ cflags: [], cxxflags: [] }, [], null],
  ])('%j', (parameters, variants, flags) => {
    expect(splitParameters(parameters)).toEqual({ variants, flags, problems: [] });
  });

  it.each([
    [{ thing: { nested: 1 } }, 'thing'],
    [{ cflags: '-O2' }, 'cflags'],
  ])('names the parameter it cannot read: %j', (parameters, field) => {
    expect(splitParameters(parameters).problems).toEqual([expect.objectContaining({ field })]);
  });
});

const good = node('zlib', '1.3');
const entry = (spec: Record<string, unknown>) => ({ spec: { ...good.spec, ...spec }, in_buildcache: true });
const noArch = { ...good.spec, arch: undefined };

describe('bad install entries are named by source and record', () => {
  it.each([
    ['a key that is not a hash', 'NOT-A-HASH', entry({}), 'database.installs.NOT-A-HASH', /not a spec hash/],
    ['no name', good.hash, entry({ name: undefined }), `database.installs.${good.hash}.spec.name`, /string/],
    [
      'no version',
      good.hash,
      entry({ version: undefined }),
      `database.installs.${good.hash}.spec.version`,
      /./,
    ],
    ['no arch', good.hash, { spec: noArch }, `database.installs.${good.hash}.spec.arch`, /./],
    [
      'a short dependency hash',
      good.hash,
      entry({ dependencies: [{ name: 'x', hash: 'abc' }] }),
      `database.installs.${good.hash}.spec.dependencies.0.hash`,
      /32 lowercase base32/,
    ],
    [
      'a hash differing from its key',
      good.hash,
      entry({ hash: makeHash() }),
      `database.installs.${good.hash}.spec.hash`,
      /entry's key/,
    ],
    [
      'an unreadable variant',
      good.hash,
      entry({ parameters: { x: null } }),
      `database.installs.${good.hash}.spec.parameters.x`,
      /expected/,
    ],
  ])('%s', (_what, key, value, field, message) => {
    const result = normaliseInstall('src.json', key, value);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({
        file: 'src.json',
        field,
        message: expect.stringMatching(message),
      });
  });
});

describe('generated v8/v9 indexes (compilers are dependency nodes)', () => {
  const gcc = node('gcc', '13.2.0', { external: { path: '/usr' } });
  const llvm = node('llvm', '18.1.0');
  const runtime = node('gcc-runtime', '13.2.0', {}, [{ name: 'gcc', hash: gcc.hash, deptypes: ['build'] }]);
  const zlib = node(
    'zlib-ng',
    '2.2.1',
    { parameters: { build_system: 'cmake', compat: true, shared: false, cflags: ['-O3'], ldflags: [] } },
    [
      { name: 'gcc', hash: gcc.hash, deptypes: ['build'], virtuals: ['c'] },
      { name: 'gcc-runtime', hash: runtime.hash, deptypes: ['link'] },
    ],
  );
  const dangling = makeHash();
  const cmake = node('cmake', '3.30.0', { annotations: { compiler: 'gcc@=12.3.0' } }, [
    { name: 'llvm', hash: llvm.hash, deptypes: ['build'], virtuals: ['cxx', 'c'] },
    { name: 'openssl', hash: dangling },
  ]);
  const old = node('bzip2', '1.0.8', { annotations: { compiler: 'gcc@=11.4.0' } });
  const buildSpec = makeHash();
  const fortranOnly = node('hdf5', '1.14.5', { build_spec: { name: 'hdf5', hash: buildSpec } }, [
    { name: 'gcc', hash: makeHash(), deptypes: ['build'], virtuals: ['fortran'] },
  ]);

  it.each(['8', '9'])(
    'v%s: compiler from the language-virtual edge, else annotations, else none',
    async (version) => {
      const result = await ingestFiles({
        'main.json': database(version, [gcc, runtime, zlib, cmake, old, fortranOnly], (n) => n !== gcc),
        'compilers.json': database(version, [llvm]),
      });
      expect(result.errors).toEqual([]);
      const records = rowsByHash(result);
      expect([...records.values()].map((r) => [r.package, r.compiler]).sort()).toEqual(
        [
          ['bzip2', 'gcc@11.4.0'],
          ['cmake', 'llvm@18.1.0'], // found in the other loaded index
          ['gcc-runtime', 'none'],
          ['hdf5', 'none'], // its fortran provider is in no loaded index
          ['llvm', 'none'],
          ['zlib-ng', 'gcc@13.2.0'], // gcc itself is not in the build cache, yet resolves
        ].sort(),
      );
      expect(records.has(gcc.hash)).toBe(false);
      expect(records.get(zlib.hash)).toMatchObject({
        variants: ['build_system=cmake', '+compat', '~shared'],
        extra: { flags: { cflags: ['-O3'] }, in_buildcache: true },
      });
      expect(records.get(cmake.hash)?.extra.dependencies).toEqual([
        { name: 'llvm', hash: llvm.hash, deptypes: ['build'], virtuals: ['cxx', 'c'] },
        { name: 'openssl', hash: dangling, deptypes: ['build', 'link'], virtuals: [], missing: true },
      ]);
      expect(records.get(fortranOnly.hash)?.extra.build_spec).toBe(buildSpec);
      const tallies = result.tallies.map((t) => [t.read, t.written.length, t.excluded.length, t.rejected]);
      expect(tallies).toEqual([
        [6, 5, 1, 0],
        [1, 1, 0, 0],
      ]);
    },
  );

  it('one copy of a spec shared by many tags', async () => {
    const result = await ingestFiles(
      { 'a.json': database('8', [gcc, runtime]), 'b.json': database('8', [runtime]) },
      { 'a.json': 'v1', 'b.json': 'v2' },
    );
    const copies = result.pages.filter((p) => p.package === 'gcc-runtime').map((p) => p.specs[0]?.variants);
    expect(copies).toHaveLength(2);
    expect(copies[0]).toBe(copies[1]);
  });

  it.each([
    [
      'an unknown version',
      JSON.stringify({ database: { version: '5', installs: {} } }),
      'database.version',
      /unknown database version "5"/,
    ],
    ['no version', JSON.stringify({ database: { installs: {} } }), 'database.version', /missing/],
    ['no database', JSON.stringify({ installs: {} }), 'database', /not a Spack build-cache index/],
    ['no installs', JSON.stringify({ database: { version: '8' } }), 'database.installs', /missing/],
    ['broken JSON', '{"database": {"version": "8", "installs": {', '', /unreadable index/],
  ])(
    'rejects a whole index with %s, counting its records as rejected',
    async (_what, text, field, message) => {
      const result = await ingestFiles({ 'bad.json': text });
      expect(result.errors).toEqual([
        { file: expect.stringMatching(/bad\.json$/), field, message: expect.stringMatching(message) },
      ]);
      expect(result.tallies[0]?.written).toEqual([]);
      expect(result.pages).toEqual([]);
    },
  );

  it('rejects a hash seen twice with different content, naming both sources, and keeps the rest', async () => {
    const clash = { ...runtime, spec: { ...runtime.spec, version: '14.1.0' } };
    const result = await ingestFiles({
      'a.json': database('8', [runtime, gcc]),
      'b.json': database('9', [clash, zlib]),
    });
    expect(result.errors).toEqual([
      {
        file: expect.stringMatching(/b\.json$/),
        field: `database.installs.${runtime.hash}`,
        message: expect.stringMatching(
          /gcc-runtime@14\.1\.0 has the same hash as gcc-runtime@13\.2\.0 in .*a\.json but different content/,
        ),
      },
    ]);
    expect(result.tallies.map((t) => [t.read, t.written.length, t.rejected])).toEqual([
      [2, 2, 0],
      [2, 1, 1],
    ]);
  });
});
