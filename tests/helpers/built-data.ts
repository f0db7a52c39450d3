import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runBuild } from '../../scripts/lib/run-build';
import { joinPool, poolPrefix } from '../../src/data/hash-pool';
import type { Fetcher } from '../../src/data/load';
import { parseManifest, parsePoolChunk, parseShard } from '../../src/data/parse';
import type { Manifest, Shard, ShardRef, TagEntry } from '../../src/data/schema';
import { decodeShard, type SpecTable } from '../../src/data/spec-table';
import { SAMPLE_PAGES } from './reference-pages';
import { tempDir } from './pages';

/** The Spack index files the default dataset includes (see package.json data:samples). */
export const SAMPLE_INDEXES = [
  'spack_spack_legacy_yaml_build_cache_index.json',
  'spack_spack_v2_layout_unsigned_build_cache_index.json',
  'spack_spack_v2_layout_signed_build_cache_index.json',
];

export const TEST_ORIGIN = 'http://dashboard.test/portal/';

/** Build the embedded real pages into a temp folder and serve it to the app through a fake fetch. */
export async function builtSampleData(): Promise<{
  manifestUrl: string;
  fetcher: Fetcher;
  requests: string[];
}> {
  const out = path.join(await tempDir(), 'data');
  const indexes = SAMPLE_INDEXES.map((file) => ({
    location: path.join('data/samples/spack-index', file),
    tag: 'spack-test-indexes',
    stack: 'root',
  }));
  const report = await runBuild({
    pages: [SAMPLE_PAGES],
    indexes,
    out,
    skipInvalid: false,
    shardSize: 250_000,
  });
  if (!report.ok) throw new Error(report.lines.join('\n'));
  const requests: string[] = [];
  const fetcher: Fetcher = async (url) => {
    requests.push(url);
    const rel = url.startsWith(`${TEST_ORIGIN}data/`) ? url.slice(`${TEST_ORIGIN}data/`.length) : null;
    if (rel === null) return new Response('not found', { status: 404, statusText: 'Not Found' });
    try {
      return new Response(await readFile(path.join(out, rel)), { status: 200 });
    } catch {
      return new Response('not found', { status: 404, statusText: 'Not Found' });
    }
  };
  return { manifestUrl: `${TEST_ORIGIN}data/index.json`, fetcher, requests };
}

export interface BuiltShard {
  tag: TagEntry;
  ref: ShardRef;
  shard: Shard;
  table: SpecTable;
}

/**
 * Read a built data folder as the app does, from the disk: the manifest, the hash pool, and every
 * shard decoded against its tag's prefix of the pool, in manifest order.
 */
export async function readBuiltData(out: string): Promise<{ manifest: Manifest; shards: BuiltShard[] }> {
  const read = async (rel: string): Promise<unknown> =>
    JSON.parse(await readFile(path.join(out, rel), 'utf8'));
  const manifest = parseManifest(await read('index.json'), 'index.json');
  const chunks = [];
  for (const ref of manifest.hashPool.chunks)
    chunks.push(new TextEncoder().encode(parsePoolChunk(await read(ref.path), ref.path, ref).hashes));
  const pool = joinPool(chunks);
  const shards: BuiltShard[] = [];
  for (const tag of manifest.tags) {
    for (const ref of tag.shards) {
      const shard = parseShard(await read(ref.path), ref.path);
      const table = decodeShard({ shard, pool: poolPrefix(pool, tag.hashPoolPrefix) }, ref.path);
      shards.push({ tag, ref, shard, table });
    }
  }
  return { manifest, shards };
}
