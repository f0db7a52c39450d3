// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { hashPoolOf, poolPrefix } from '../../../src/data/hash-pool';
import { parseManifest, parsePoolChunk, parseShard } from '../../../src/data/parse';
import {
  hashPoolChunkSchema,
  hashPoolSchema,
  listColumnSchema,
  manifestSchema,
  poolChunkRefSchema,
  shardRefSchema,
  shardSchema,
  sourceSchema,
  sparseColumnSchema,
  tagEntrySchema,
} from '../../../src/data/schema';
import { decodeShard, recordAt } from '../../../src/data/spec-table';

async function doc() {
  return readFile('docs/data-format.md', 'utf8');
}

function jsonBlocks(text: string): unknown[] {
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? 'null'));
}

describe('docs/data-format.md', () => {
  it('has a manifest, a shard and a pool chunk example that parse with the app schema', async () => {
    const [manifestJson, shard, chunk] = jsonBlocks(await doc());
    const manifest = parseManifest(manifestJson, 'doc manifest');
    const tag = manifest.tags[0];
    const chunkRef = manifest.hashPool.chunks[0];
    expect(tag?.name).toBe('develop-2025-03-30');
    if (!tag || !chunkRef) throw new Error('the doc manifest has no tag or no pool chunk');
    const pool = hashPoolOf(parsePoolChunk(chunk, 'doc pool chunk', chunkRef).hashes);
    const table = decodeShard(
      { shard: parseShard(shard, 'doc shard'), pool: poolPrefix(pool, tag.hashPoolPrefix) },
      'doc shard',
    );
    expect(recordAt(table, 1)).toEqual({
      tag: 'develop-2025-03-30',
      hash: '5rjnw4xnq4fdrmneujkzy3tbpcclg422',
      package: 'py-build',
      versions: ['1.2.1'],
      compiler: 'none',
      os: 'ubuntu22.04',
      platform: 'linux',
      target: 'x86_64_v3',
      variants: ['build_system=python_pip', '~virtualenv'],
      stacks: ['e4s', 'root'],
      size: '-',
      extra: {},
    });
  });

  it('describes every field the schemas define', async () => {
    const text = await doc();
    const shapes = [
      manifestSchema.shape,
      tagEntrySchema.shape,
      shardRefSchema.shape,
      hashPoolSchema.shape,
      poolChunkRefSchema.shape,
      hashPoolChunkSchema.shape,
      sourceSchema.shape,
      shardSchema.shape,
      shardSchema.shape.dicts.shape,
      shardSchema.shape.columns.shape,
      listColumnSchema.shape,
      sparseColumnSchema.shape,
    ];
    const missing = shapes
      .flatMap((shape) => Object.keys(shape))
      .filter((key) => !text.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });
});
