// @vitest-environment node
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toUrl } from '../../../scripts/lib/index/fetch';
import { parseTagMap } from '../../../scripts/lib/index/tag-map';
import { runBuild } from '../../../scripts/lib/run-build';
import { parseManifest } from '../../../src/data/parse';
import { recordAt } from '../../../src/data/spec-table';
import { readBuiltData } from '../../helpers/built-data';
import { tempDir } from '../../helpers/pages';
import { database, FAST, mirrorV2, mirrorV3, node, serve, writeFiles } from './fixtures';
import { runBuildCli } from '../../helpers/cli';

describe('tag map URLs', () => {
  it.each([
    ['s3://spack-binaries/develop/e4s', 'https://x.org/map.json', 'https://binaries.spack.io/develop/e4s'],
    ['https://mirror.example/v1', 'https://x.org/map.json', 'https://mirror.example/v1'],
    ['file:///srv/mirror', 'https://x.org/map.json', 'file:///srv/mirror'],
    ['stacks/e4s', 'https://x.org/maps/map.json', 'https://x.org/maps/stacks/e4s'],
    ['stacks/e4s', '/data/maps/map.json', 'file:///data/maps/stacks/e4s'],
    ['../e4s', 'file:///data/maps/map.json', 'file:///data/e4s'],
  ])('%s against %s', (url, base, expected) => {
    expect(toUrl(url, base).href).toBe(expected);
  });

  it.each([
    ['[]', /expected \{"<tag>"/],
    ['{"develop": [{"label": "root"}]}', /develop\.0\.url/],
    ['{"develop": ', /not JSON/],
  ])('rejects %s', (text, message) => {
    expect(() => parseTagMap(text, '/m.json')).toThrow(message);
  });
});

// Three stacks of one tag plus a second tag, served over loopback: root has everything, e4s and ml part.
const zlib = node('zlib', '1.3.1');
const cmake = node('cmake', '3.30.0', {}, [{ name: 'zlib', hash: zlib.hash }]);
const torch = node('py-torch', '2.5.1', {}, [{ name: 'cmake', hash: cmake.hash, deptypes: ['build'] }]);
const extra = node('hdf5', '1.14.5');

let server: Awaited<ReturnType<typeof serve>>;
let mapFile: string;

beforeAll(async () => {
  const root = await writeFiles({
    ...prefixed('develop', mirrorV3(database('9', [zlib, cmake, torch]))),
    ...prefixed('develop/e4s', mirrorV2(database('9', [zlib, cmake]))),
    ...prefixed('develop/ml', mirrorV3(database('9', [cmake, torch, extra]), { signed: true })),
    ...prefixed('v1.0/root', mirrorV2(database('8', [zlib]))),
  });
  server = await serve(root);
  mapFile = path.join(await writeFiles({ 'maps/tags.json': '' }), 'maps/tags.json');
  const map = {
    develop: [
      { label: 'root', url: `${server.url}/develop` },
      { label: 'e4s', url: `${server.url}/develop/e4s/` },
      { label: 'ml', url: `${server.url}/develop/ml` },
    ],
    'v1.0': [{ label: 'root', url: `${server.url}/v1.0/root` }],
  };
  await writeFiles({ 'tags.json': JSON.stringify(map) }, path.dirname(mapFile));
});
afterAll(() => server.close());

function prefixed(prefix: string, files: Record<string, string | Buffer>) {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [`${prefix}/${k}`, v]));
}

describe('a tag map with three stacks', () => {
  it('gives each spec exactly its stacks, root the union of them all, warns about specs outside root, and keeps them', async () => {
    const out = path.join(await tempDir(), 'data');
    const report = await runBuild({
      pages: [],
      tagMaps: [mapFile],
      fetch: FAST,
      out,
      skipInvalid: false,
      shardSize: 100,
    });
    expect(report.ok).toBe(true);
    const manifest = parseManifest(
      JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8')),
      'index.json',
    );
    expect(manifest.tags.map((t) => [t.name, t.specCount, t.stacks])).toEqual([
      [
        'develop',
        4,
        [
          { name: 'e4s', specCount: 2 },
          { name: 'ml', specCount: 3 },
          { name: 'root', specCount: 4 },
        ],
      ],
      ['v1.0', 1, [{ name: 'root', specCount: 1 }]],
    ]);
    // Exactly which spec is in which stack, as the app will read it; root is the union of the stacks.
    const stacksOf = new Map<string, string[]>();
    for (const { tag, table } of (await readBuiltData(out)).shards) {
      for (let row = 0; row < table.count; row++) {
        const record = recordAt(table, row);
        stacksOf.set(`${tag.name} ${record.hash}`, record.stacks);
      }
    }
    const expected = new Map([
      [`develop ${zlib.hash}`, ['e4s', 'root']],
      [`develop ${cmake.hash}`, ['e4s', 'ml', 'root']],
      [`develop ${torch.hash}`, ['ml', 'root']],
      [`develop ${extra.hash}`, ['ml', 'root']],
      [`v1.0 ${zlib.hash}`, ['root']],
    ]);
    expect(stacksOf).toEqual(expected);
    const inStack = (tag: string, stack: string) =>
      [...stacksOf].filter(([k, s]) => k.startsWith(`${tag} `) && s.includes(stack)).map(([k]) => k);
    const union = new Set([
      ...inStack('develop', 'e4s'),
      ...inStack('develop', 'ml'),
      ...inStack('develop', 'root'),
    ]);
    expect(inStack('develop', 'root').sort()).toEqual([...union].sort());
    expect(report.warnings).toEqual([
      expect.objectContaining({
        field: 'develop.ml',
        message: expect.stringContaining(
          `1 spec(s) of stack ml are not in the root index (kept): ${extra.hash}`,
        ),
      }),
    ]);
    expect(report.lines.join('\n')).toMatch(
      /read 9 = written 9 \+ excluded 0 \+ rejected 0 \(4 index\(es\), 4 unique specs\)/,
    );
  });

  it('a map entry that fails is named; --skip-invalid writes the rest', async () => {
    const broken = path.join(
      await writeFiles({
        'm.json': JSON.stringify({
          develop: [
            { label: 'root', url: `${server.url}/develop` },
            { label: 'gone', url: `${server.url}/nowhere/index.json` },
          ],
        }),
      }),
      'm.json',
    );
    const out = path.join(await tempDir(), 'data');
    const strict = await runBuild({
      pages: [],
      tagMaps: [broken],
      fetch: FAST,
      out,
      skipInvalid: false,
      shardSize: 100,
    });
    expect(strict.ok).toBe(false);
    expect(strict.errors).toEqual([
      expect.objectContaining({
        file: `${server.url}/nowhere/index.json`,
        message: expect.stringMatching(/404/),
      }),
    ]);
    const skipped = await runBuild({
      pages: [],
      tagMaps: [broken],
      fetch: FAST,
      out,
      skipInvalid: true,
      shardSize: 100,
    });
    expect(skipped.ok).toBe(true);
    expect(skipped.counts.specs).toBe(3);
  });
});

describe('data:build CLI with indexes', () => {
  const cli = runBuildCli;

  it('--index with --tag and --stack, progress on stderr, and --cache-dir', async () => {
    const out = path.join(await tempDir(), 'data');
    const cacheDir = await tempDir();
    const args = [
      '--index',
      `${server.url}/develop`,
      '--tag',
      'develop',
      '--index',
      `${server.url}/develop/e4s`,
      '--tag',
      'develop',
      '--stack',
      'e4s',
      '--cache-dir',
      cacheDir,
      '--out',
      out,
    ];
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Tags: 1 {2}packages: 3 {2}specs: 3 {2}stacks: 2/);
    expect(r.stderr).toMatch(/3 specs, 0\.0 MB in .* s \(.* MB\/s, \d+ specs\/s\)/);
    const again = await cli(args);
    expect(again.stderr).toMatch(/unchanged \(sha256 \w+\), using the cached copy/);
  });

  it('exits 2 when --tag comes before any --index', async () => {
    const r = await cli(['--tag', 'x', '--index', pathToFileURL('/nowhere').href, '--out', 'y']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--tag must follow the --index/);
  });
});
