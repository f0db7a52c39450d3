// @vitest-environment node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, type BuildReport } from '../../../scripts/lib/run-build';
import { normaliseInstall } from '../../../scripts/lib/index/node';
import { recordAt } from '../../../src/data/spec-table';
import { readBuiltData } from '../../helpers/built-data';
import { tempDir } from '../../helpers/pages';
import { SAMPLES } from './fixtures';

const V6 = path.join(SAMPLES, 'spack_spack_legacy_yaml_build_cache_index.json');
const V7 = path.join(SAMPLES, 'spack_spack_v2_layout_unsigned_build_cache_index.json');
const V8 = path.join(SAMPLES, 'spack_spack_v2_layout_signed_build_cache_index.json');

const CORE2 = { os: 'debian6', platform: 'test', target: 'core2' };
const M1 = { os: 'debian6', platform: 'test', target: 'm1' };
const GENERIC = ['build_system=generic'];

// Written from reading the three files: one row per install in the build cache, nothing else.
const EXPECTED: Record<string, Array<Record<string, unknown>>> = {
  v6: [
    {
      hash: 't5mczux3tfqpxwmg7egp7axy2jvyulqk',
      package: 'zlib',
      versions: ['1.2.11'],
      compiler: 'gcc@4.5.0',
      ...CORE2,
      variants: ['+optimize', '+pic', '+shared'],
    },
  ],
  v7: [
    {
      hash: 'sk2gqqz4n5njmvktycnd25wq25jxiqkr',
      package: 'libdwarf',
      versions: ['20130729'],
      compiler: 'gcc@10.2.1',
      ...CORE2,
      variants: GENERIC,
    },
    {
      hash: 'rqh2vuf6fqwkmipzgi2wjx352mq7y7ez',
      package: 'libelf',
      versions: ['0.8.13'],
      compiler: 'gcc@10.2.1',
      ...CORE2,
      variants: GENERIC,
    },
  ],
  v8: [
    {
      hash: 'qeehcxyvluwnihsc2qxstmpomtxo3lrc',
      package: 'compiler-wrapper',
      versions: ['1.0'],
      compiler: 'none',
      ...M1,
      variants: GENERIC,
    },
    {
      hash: 'izgzpzeljwairalfjm3k6fntbb64nt6n',
      package: 'gcc-runtime',
      versions: ['10.2.1'],
      compiler: 'none',
      ...M1,
      variants: GENERIC,
    },
    // annotations.compiler "gcc@=10.2.1": converted from an older spec format
    {
      hash: 'sk2gqqz4n5njmvktycnd25wq25jxiqkr',
      package: 'libdwarf',
      versions: ['20130729'],
      compiler: 'gcc@10.2.1',
      ...CORE2,
      variants: GENERIC,
    },
    // edge to gcc with virtuals [c, cxx]; that gcc node is not in the build cache but still resolves
    {
      hash: 'u5uz3dcch5if4eve4sef67o2rf2lbfgh',
      package: 'libdwarf',
      versions: ['20130729'],
      compiler: 'gcc@10.2.1',
      ...M1,
      variants: GENERIC,
    },
    {
      hash: 'jr3yipyxyjulcdvckwwwjrrumis7glpa',
      package: 'libelf',
      versions: ['0.8.13'],
      compiler: 'gcc@10.2.1',
      ...M1,
      variants: GENERIC,
    },
    {
      hash: 'rqh2vuf6fqwkmipzgi2wjx352mq7y7ez',
      package: 'libelf',
      versions: ['0.8.13'],
      compiler: 'gcc@10.2.1',
      ...CORE2,
      variants: GENERIC,
    },
  ],
};

describe('builder on the real Spack index files (db v6, v7, v8)', () => {
  let out: string;
  let report: BuildReport;
  let rows: Map<string, Array<ReturnType<typeof recordAt>>>;

  beforeAll(async () => {
    out = path.join(await tempDir(), 'data');
    report = await runBuild({
      pages: [],
      indexes: [
        { location: V6, tag: 'v6', stack: 'root' },
        { location: V7, tag: 'v7', stack: 'root' },
        { location: V8, tag: 'v8', stack: 'root' },
      ],
      out,
      skipInvalid: false,
      shardSize: 1000,
    });
    rows = new Map();
    for (const { tag, table } of (await readBuiltData(out)).shards) {
      for (let i = 0; i < table.count; i++)
        rows.set(tag.name, [...(rows.get(tag.name) ?? []), recordAt(table, i)]);
    }
  });

  it('accounts for every record: read = written + excluded + rejected', () => {
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    const text = report.lines.join('\n');
    expect(text).toMatch(/read 10 = written 9 \+ excluded 1 \+ rejected 0/);
    // The v7 and v8 files hold the same two core2 builds; the store keeps one copy of each.
    expect(text).toMatch(/8 unique specs/);
    expect(text).toMatch(/gcc@10\.2\.1 vd7v4ssgnoqdplgxyig3orum67n4vmhq/);
    expect(report.counts).toMatchObject({ tags: 3, specs: 9 });
  });

  it.each(Object.keys(EXPECTED))('tag %s has the hand-checked rows', (tag) => {
    expect(rows.get(tag)).toEqual(
      (EXPECTED[tag] ?? []).map((r) => expect.objectContaining({ ...r, tag, stacks: ['root'], size: '-' })),
    );
  });

  it('keeps index-only fields in sparse columns', () => {
    const byHash = new Map([...rows.values()].flat().map((r) => [`${r.tag}/${r.hash}`, r.extra]));
    expect(byHash.get('v6/t5mczux3tfqpxwmg7egp7axy2jvyulqk')).toEqual({ in_buildcache: true });
    expect(byHash.get('v8/jr3yipyxyjulcdvckwwwjrrumis7glpa')).toEqual({
      in_buildcache: true,
      package_hash: 'ejr32l7tkp6uhdrlunqv4adkuxqwyac7vbqcjvg6dh72mll4cpiq====',
      dependencies: [
        {
          name: 'compiler-wrapper',
          hash: 'qeehcxyvluwnihsc2qxstmpomtxo3lrc',
          deptypes: ['build'],
          virtuals: [],
        },
        { name: 'gcc', hash: 'vd7v4ssgnoqdplgxyig3orum67n4vmhq', deptypes: ['build'], virtuals: ['c'] },
        { name: 'gcc-runtime', hash: 'izgzpzeljwairalfjm3k6fntbb64nt6n', deptypes: ['link'], virtuals: [] },
      ],
    });
  });

  it('reads the excluded external gcc node (string target, list variant)', async () => {
    const db = JSON.parse(await readFile(V8, 'utf8'));
    const key = 'vd7v4ssgnoqdplgxyig3orum67n4vmhq';
    const result = normaliseInstall(V8, key, db.database.installs[key]);
    expect(result).toMatchObject({
      ok: true,
      node: {
        name: 'gcc',
        target: 'aarch64',
        external: true,
        inBuildcache: false,
        variants: ['build_system=generic', 'languages=c,c++,fortran'],
      },
    });
  });

  it.each([
    'spack_spack_v1_layout_libelf-0.8.13-haahnjwjngowrsx4b7hh2zxzoqcmfjfd.spec.json',
    'spack_spack_v2_layout_unsigned_m1-libelf-0.8.13-jr3yipyxyjulcdvckwwwjrrumis7glpa.spec.json',
  ])('rejects the spec file %s by name: it is not an index', async (file) => {
    const r = await runBuild({
      pages: [],
      indexes: [{ location: path.join(SAMPLES, file), tag: 't', stack: 'root' }],
      out: path.join(await tempDir(), 'o'),
      skipInvalid: false,
      shardSize: 10,
    });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: expect.stringContaining(file),
        field: 'database',
        message: expect.stringMatching(/not a Spack build-cache index/),
      }),
    ]);
  });
});
