// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normaliseInstall } from '../../../scripts/lib/index/node';
import { database, ingestFiles, node, rowsByHash } from './fixtures';

// The database v9 record and spec file v6 node as Spack documents them: spack/spack
// lib/spack/docs/file_formats/database.rst (commit 7b4c0a56e333103e580e679bcf13738c3c433926: "Version 9
// (Spack v1.3): records store spec file v6 nodes, which include the virtuals provided by each node") and
// lib/spack/docs/file_formats/specfile.rst (commit b59f60a458ad07cb6b405820b9839cb39aead12b: v6 adds
// `provided_virtuals`, "possibly with a version, for instance libgfortran@5", written only when the node
// provides at least one virtual; spack/spack#53012). The zlib-ng record is the documented one; the docs
// leave out the gcc and glibc records, so those two are made up in the same shape.
const ZLIB_NG = 'nic37xsihlqze3xyg3xd6pthcgqxoy6p';
const GCC = '26zpexhcroz5n23vbzm5ypre7tlfus2b';
const GLIBC = 'cyucshxqmd4krmsp7nco25trnybrdbam';

const arch = { platform: 'linux', platform_os: 'ubuntu24.04', target: { name: 'alderlake' } };
const external = (name: string, version: string, hash: string, provided: string[]) => ({
  spec: {
    name,
    version,
    arch,
    namespace: 'builtin',
    parameters: { build_system: 'generic', cflags: [] },
    external: { path: '/usr', module: null, extra_attributes: {} },
    provided_virtuals: provided,
    annotations: { original_specfile_version: 6 },
    hash,
  },
  ref_count: 1,
  in_buildcache: false,
});

const documented = JSON.stringify({
  database: {
    version: '9',
    installs: {
      [ZLIB_NG]: {
        spec: {
          name: 'zlib-ng',
          version: '2.3.3',
          arch,
          namespace: 'builtin',
          parameters: { build_system: 'autotools', shared: true, cflags: [] },
          package_hash: 'bnbx7ezlmmjgjyubhncgeel7lpbjrj6l4aeuhyewdeyz56l7tqsq====',
          provided_virtuals: ['zlib-api'],
          dependencies: [
            { name: 'gcc', hash: GCC, parameters: { deptypes: ['build'], virtuals: ['c', 'cxx'] } },
            {
              name: 'glibc',
              hash: GLIBC,
              parameters: { deptypes: ['link'], virtuals: ['libc'], direct: true },
            },
          ],
          annotations: { original_specfile_version: 6 },
          hash: ZLIB_NG,
        },
        ref_count: 0,
        path: '/opt/spack/linux-alderlake/zlib-ng-2.3.3-nic37xsihlqze3xyg3xd6pthcgqxoy6p',
        installed: true,
        explicit: true,
        installation_time: 1759400000.0,
      },
      [GCC]: external('gcc', '15.1.0', GCC, ['c', 'cxx', 'fortran', 'libgfortran@5']),
      [GLIBC]: external('glibc', '2.39', GLIBC, ['libc']),
    },
  },
});

describe('database v9 (spec file v6 nodes)', () => {
  it('reads the documented record: compiler from the c/cxx edge, provided virtuals kept', async () => {
    const result = await ingestFiles({ 'v9.json': documented });
    expect(result.errors).toEqual([]);
    expect(result.tallies.map((t) => [t.read, t.written.length, t.excluded.length])).toEqual([[3, 1, 2]]);
    expect([...rowsByHash(result).values()]).toEqual([
      {
        hash: ZLIB_NG,
        package: 'zlib-ng',
        versions: ['2.3.3'],
        compiler: 'gcc@15.1.0',
        os: 'ubuntu24.04',
        platform: 'linux',
        target: 'alderlake',
        variants: ['build_system=autotools', '+shared'],
        stacks: ['root'],
        size: '-',
        extra: {
          in_buildcache: true,
          dependencies: [
            { name: 'gcc', hash: GCC, deptypes: ['build'], virtuals: ['c', 'cxx'] },
            { name: 'glibc', hash: GLIBC, deptypes: ['link'], virtuals: ['libc'] },
          ],
          package_hash: 'bnbx7ezlmmjgjyubhncgeel7lpbjrj6l4aeuhyewdeyz56l7tqsq====',
          provided_virtuals: ['zlib-api'],
        },
      },
    ]);
  });

  it('keeps versioned virtuals as written, and v8 rows have no provided_virtuals field', async () => {
    const mpich = node('mpich', '4.3.0', { provided_virtuals: ['mpi@:3.1', 'mpi-f08'] });
    const old = node('openmpi', '5.0.6');
    const result = await ingestFiles({ 'v9.json': database('9', [mpich]), 'v8.json': database('8', [old]) });
    const rows = rowsByHash(result);
    expect(rows.get(mpich.hash)?.extra.provided_virtuals).toEqual(['mpi@:3.1', 'mpi-f08']);
    expect(rows.get(old.hash)?.extra).not.toHaveProperty('provided_virtuals');
  });

  it.each([
    ['v8 then v9', ['8', '9']],
    ['v9 then v8', ['9', '8']],
  ])(
    'one build written by Spack 1.0 (v8) and 1.3 (v9, same hash, plus provided virtuals) is one spec: %s',
    async (_order, [first, second]) => {
      const plain = node('zlib-ng', '2.2.4');
      const withVirtuals = { ...plain, spec: { ...plain.spec, provided_virtuals: ['zlib-api'] } };
      const pick = (v: string | undefined) => (v === '9' ? withVirtuals : plain);
      const result = await ingestFiles(
        { 'a.json': database(first ?? '', [pick(first)]), 'b.json': database(second ?? '', [pick(second)]) },
        { 'a.json': 'develop-a', 'b.json': 'develop-b' },
      );
      expect(result.errors).toEqual([]);
      const rows = result.pages.flatMap((p) => p.specs);
      expect(rows.map((r) => r.extra.provided_virtuals)).toEqual([['zlib-api'], ['zlib-api']]);
    },
  );

  it.each([
    ['a string', 'zlib-api', 'provided_virtuals', /expected array/],
    ['a number in the list', ['mpi', 3], 'provided_virtuals.1', /expected string/],
    ['an empty name', [''], 'provided_virtuals.0', /must not be empty/],
  ])('names a record whose provided_virtuals is %s', (_what, provided, field, message) => {
    const bad = node('mpich', '4.3.0', { provided_virtuals: provided });
    const result = normaliseInstall('v9.json', bad.hash, { spec: bad.spec, in_buildcache: true });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        {
          file: 'v9.json',
          field: `database.installs.${bad.hash}.spec.${field}`,
          message: expect.stringMatching(message),
        },
      ]);
  });

  it('rejects one bad v9 record by source and record, and writes the others', async () => {
    const bad = node('mpich', '4.3.0', { provided_virtuals: 'mpi' });
    const good = node('zlib-ng', '2.3.3', { provided_virtuals: ['zlib-api'] });
    const result = await ingestFiles({ 'v9.json': database('9', [bad, good]) });
    expect(result.errors).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/v9\.json$/),
        field: `database.installs.${bad.hash}.spec.provided_virtuals`,
      }),
    ]);
    expect([...rowsByHash(result).keys()]).toEqual([good.hash]);
    expect(result.tallies.map((t) => [t.read, t.written.length, t.rejected])).toEqual([[2, 1, 1]]);
  });

  it('rejects a database newer than v9, as Spack itself does', async () => {
    const result = await ingestFiles({ 'v10.json': database('10', [node('zlib-ng', '2.3.3')]) });
    expect(result.errors).toEqual([
      {
        file: expect.stringMatching(/v10\.json$/),
        field: 'database.version',
        message: 'unknown database version "10" (this reader knows 6 to 9); its 1 record(s) were not read',
      },
    ]);
    expect(result.pages).toEqual([]);
  });

  it('names only the version of a v5 database, whose records are keyed by package name', async () => {
    // The shape of a real Spack 0.16 mirror's index (spec format v1): no `name` field, `full_hash`.
    const v5 = {
      database: {
        installs: {
          '6vh3jypaf7u2zez3vohn66fvo6znt35l': {
            spec: {
              npth: {
                version: '1.6',
                arch: { platform: 'linux', platform_os: 'rhel5', target: 'x86_64' },
                compiler: { name: 'gcc', version: '9.3.0' },
                namespace: 'builtin',
                parameters: { cflags: [] },
                hash: '6vh3jypaf7u2zez3vohn66fvo6znt35l',
                full_hash: '72eqme6hfi7tzw4p2yitfgo5zgwqfsij',
              },
            },
            ref_count: 1,
            in_buildcache: true,
          },
        },
        version: '5',
      },
    };
    const result = await ingestFiles({ 'v5.json': JSON.stringify(v5) });
    expect(result.errors).toEqual([
      {
        file: expect.stringMatching(/v5\.json$/),
        field: 'database.version',
        message: 'unknown database version "5" (this reader knows 6 to 9); its 1 record(s) were not read',
      },
    ]);
    expect(result.tallies.map((t) => [t.read, t.written.length, t.rejected])).toEqual([[1, 0, 1]]);
  });
});
