// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { poolChunkBounds } from '../../../scripts/lib/build';
import { runBuild, type BuildReport } from '../../../scripts/lib/run-build';
import { recordAt } from '../../../src/data/spec-table';
import { readBuiltData } from '../../helpers/built-data';
import { runBuildCli } from '../../helpers/cli';
import { makeSpec, pageText, tempDir, writeTree, type SpecDetail } from '../../helpers/pages';
import { rowHashes } from '../../helpers/tables';

describe('poolChunkBounds', () => {
  it.each<[number, number, number, Array<[number, number]>]>([
    [
      10,
      3,
      4,
      [
        [0, 3],
        [3, 7],
        [7, 10],
      ],
    ],
    [
      10,
      9,
      4,
      [
        [0, 4],
        [4, 8],
        [8, 9],
        [9, 10],
      ],
    ],
    [
      10,
      10,
      4,
      [
        [0, 4],
        [4, 8],
        [8, 10],
      ],
    ],
    [
      10,
      0,
      4,
      [
        [0, 4],
        [4, 8],
        [8, 10],
      ],
    ],
    [4, 4, 4, [[0, 4]]],
    [0, 0, 4, []],
  ])('pool of %i, newest prefix %i, chunks of %i', (count, newest, size, bounds) => {
    expect(poolChunkBounds(count, newest, size)).toEqual(bounds);
  });
});

// Three weekly tags: each keeps most specs of the week after it and drops or adds a few.
const TAGS = ['develop-2025-03-30', 'develop-2025-03-23', 'develop-2025-03-16'];
const shared = Array.from({ length: 5 }, () => makeSpec());
const only = TAGS.map(() => [makeSpec(), makeSpec({ stacks: ['root'] })]);
const specsOf = (t: number): SpecDetail[] => [...shared.slice(t), ...(only[t] ?? [])];

describe('builder: the dataset-wide hash pool', () => {
  let out: string;
  let report: BuildReport;
  beforeAll(async () => {
    const files: Record<string, string> = {};
    TAGS.forEach((tag, t) => {
      const specs = specsOf(t);
      files[`_cache/${tag}/zlib/specs.md`] = pageText(tag, 'zlib', specs.slice(0, 3));
      files[`_cache/${tag}/cmake/specs.md`] = pageText(tag, 'cmake', specs.slice(3));
    });
    const pages = await writeTree(files);
    out = path.join(await tempDir(), 'data');
    report = await runBuild({ pages: [pages], out, skipInvalid: false, shardSize: 2, poolChunkSize: 3 });
  });

  it('writes every distinct hash once, in chunks that tile the pool, and says how many files', async () => {
    expect(report.ok).toBe(true);
    const { manifest } = await readBuiltData(out);
    const distinct = new Set(TAGS.flatMap((_, t) => specsOf(t).map((s) => s.hash)));
    expect(manifest.hashPool.count).toBe(distinct.size);
    const newest = manifest.tags[0]?.hashPoolPrefix ?? 0;
    expect(newest).toBe(specsOf(0).length);
    expect(manifest.hashPool.chunks.map((c) => [c.start, c.start + c.count])).toEqual(
      poolChunkBounds(distinct.size, newest, 3),
    );
    const hashes = [];
    for (const ref of manifest.hashPool.chunks) {
      expect(ref.path).toMatch(/^hashes\/pool-\d{4}\.[0-9a-f]{12}\.json$/);
      const bytes = await readFile(path.join(out, ref.path));
      expect(bytes.length).toBe(ref.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(ref.sha256);
      hashes.push(JSON.parse(bytes.toString('utf8')).hashes);
    }
    expect(new Set(hashes.join('').match(/.{32}/g))).toEqual(distinct);
    expect(report.lines[0]).toMatch(
      new RegExp(
        `index\\.json, \\d+ shard file\\(s\\) and ${manifest.hashPool.chunks.length} hash-pool file\\(s\\)`,
      ),
    );
  });

  it('orders the pool newest tag first, in shard row order, and gives each tag its prefix', async () => {
    const { manifest, shards } = await readBuiltData(out);
    expect(manifest.tags.map((t) => t.name)).toEqual(TAGS);
    const expected: string[] = [];
    for (const { table } of shards) {
      for (const hash of rowHashes(table)) if (!expected.includes(hash)) expected.push(hash);
    }
    const pool = [];
    for (const ref of manifest.hashPool.chunks)
      pool.push(JSON.parse(await readFile(path.join(out, ref.path), 'utf8')).hashes);
    expect(pool.join('')).toBe(expected.join(''));
    for (const tag of manifest.tags) {
      const refs = shards
        .filter((s) => s.tag.name === tag.name)
        .flatMap((s) => rowHashes(s.table))
        .map((hash) => expected.indexOf(hash));
      expect(tag.hashPoolPrefix, tag.name).toBe(Math.max(...refs) + 1);
    }
    // The oldest tag adds the last new hashes: it reaches the end of the pool.
    expect(manifest.tags.at(-1)?.hashPoolPrefix).toBe(manifest.hashPool.count);
  });

  it('decodes every tag back to its input specs, full hashes included', async () => {
    const { shards } = await readBuiltData(out);
    TAGS.forEach((tag, t) => {
      const rows = shards
        .filter((s) => s.tag.name === tag)
        .flatMap(({ table }) => Array.from({ length: table.count }, (_, i) => recordAt(table, i)));
      expect(rows.map((r) => r.hash).sort()).toEqual(
        specsOf(t)
          .map((s) => s.hash)
          .sort(),
      );
      for (const spec of specsOf(t)) {
        expect(rows.find((r) => r.hash === spec.hash)).toMatchObject({ tag, stacks: spec.stacks });
      }
    });
  });

  it('takes --pool-chunk-size on the command line and checks it', async () => {
    const bad = await runBuildCli(['--pages', 'x', '--out', 'y', '--pool-chunk-size', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--pool-chunk-size: expected a positive integer/);
    const pages = await writeTree({
      [`_cache/${TAGS[0]}/zlib/specs.md`]: pageText(TAGS[0] ?? '', 'zlib', [
        makeSpec(),
        makeSpec(),
        makeSpec(),
      ]),
    });
    const dir = path.join(await tempDir(), 'data');
    const ok = await runBuildCli(['--pages', pages, '--out', dir, '--pool-chunk-size', '2']);
    expect(ok.code).toBe(0);
    const { manifest } = await readBuiltData(dir);
    expect(manifest.hashPool.chunks.map((c) => c.count)).toEqual([2, 1]);
  });
});
