import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifest } from '../src/data/parse';
import type { Manifest, PoolChunkRef } from '../src/data/schema';

export interface DataFiles {
  manifest: Manifest;
  /** The bytes of each hash-pool chunk file, in pool order. */
  pool: Array<{ path: string; bytes: Uint8Array; ref: PoolChunkRef }>;
  /** Per tag, newest first as in the manifest, the bytes of each shard file. */
  tags: Array<{
    name: string;
    hashPoolPrefix: number;
    shards: Array<{ path: string; bytes: Uint8Array; specCount: number }>;
  }>;
}

/** Read a built dataset into memory, so that timed loads measure decoding rather than the disk. */
export async function readDataFiles(dataDir: string): Promise<DataFiles> {
  const manifestPath = path.join(dataDir, 'index.json');
  const manifest = parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')), manifestPath);
  const pool = [];
  for (const ref of manifest.hashPool.chunks) {
    pool.push({ path: ref.path, bytes: new Uint8Array(await readFile(path.join(dataDir, ref.path))), ref });
  }
  const tags = [];
  for (const tag of manifest.tags) {
    const shards = [];
    for (const ref of tag.shards) {
      const bytes = new Uint8Array(await readFile(path.join(dataDir, ref.path)));
      shards.push({ path: ref.path, bytes, specCount: ref.specCount });
    }
    tags.push({ name: tag.name, hashPoolPrefix: tag.hashPoolPrefix, shards });
  }
  return { manifest, pool, tags };
}
